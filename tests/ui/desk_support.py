"""Fixtures for the staff desk's GUI tests (``pytest_plugins`` of tests/ui/test_desk_*.py).

The desk runs on pytest-qt's QApplication with a synchronous task pool (every worker call runs at
once, so flows are deterministic), a settings file in the test's folder, and the fixed clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.db import Database
from kiosk.desk import Desk
from kiosk.models import Event
from tests.conftest import FixedClock
from tests.ui.desk_helpers import STAFF
from ui.app import KioskApp
from ui.desk.settings import DeskSettings
from ui.desk.window import DeskWindow
from ui.translations import Language


@pytest.fixture
def desk_app(qapp: QApplication) -> Iterator[KioskApp]:
    app = KioskApp.create(synchronous_tasks=True)
    yield app
    app.translations.use(Language.ENGLISH)
    app.close()


@pytest.fixture
def settings(tmp_path: Path) -> DeskSettings:
    return DeskSettings(tmp_path / "desk.ini")


@pytest.fixture
def printed(tmp_path: Path) -> Path:
    """The folder printer's folder: a badge is printed once its PDF lands here."""
    folder = tmp_path / "printed"
    folder.mkdir()
    return folder


@pytest.fixture
def desk(
    database: Database, event: Event, clock: FixedClock, tmp_path: Path, printed: Path,
) -> Desk:
    return Desk(database, operator=STAFF, checkpoint_name="Main entrance", clock=clock,
                spool_dir=tmp_path / "spool", printer=f"folder:{printed}")


@pytest.fixture
def window(qtbot: QtBot, desk_app: KioskApp, desk: Desk, settings: DeskSettings) -> DeskWindow:
    shown = DeskWindow(desk_app, desk, settings)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.search_field.hasFocus, timeout=2000)
    return shown
