"""The windows' side of sync: the loop runs off the GUI thread, the indicator shows online or
offline, the last sync and what waits, and an enrolled kiosk window asks the server for
verdicts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from kiosk.checkin import Gate, Verdict
from kiosk.db import Database
from kiosk.domain import Reason
from kiosk.sync.loop import Connection, SyncLoop
from kiosk.sync.online import EnrolmentArbiter, ServerArbiter
from tests.conftest import FixedClock
from tests.sync.kiosk_support import SCAN_TIME, Organiser, enrolled_kiosk, organiser
from ui.app import KioskApp
from ui.badge_printing import BadgePrinting
from ui.kiosk_window import KioskWindow, open_gate
from ui.launch import _show_sync
from ui.sounds import Sounds
from ui.sync_status import SyncIndicator, SyncService, event_timezone

__all__ = ["organiser"]


def fast_service(database: Database) -> SyncService:
    return SyncService(database, loop=SyncLoop(
        database, push_interval=0.05, long_poll=1.0, backoff_base=0.05, backoff_cap=0.2,
        timeout=2.0, not_enrolled_poll=0.1))


@pytest.fixture
def app(qapp: QApplication) -> Iterator[KioskApp]:
    kiosk_app = KioskApp.create()
    yield kiosk_app
    kiosk_app.close()


@pytest.fixture
def gate_db(organiser: Organiser, tmp_path: Path) -> Iterator[Database]:
    database = Database.open(enrolled_kiosk(organiser, tmp_path / "gate", "Gate 1"))
    yield database
    database.close()


def test_the_indicator_follows_the_loop_online_then_offline_with_what_waits(
    organiser: Organiser, gate_db: Database, qtbot: QtBot
) -> None:
    service = fast_service(gate_db)
    indicator = SyncIndicator(service, event_timezone(gate_db))
    qtbot.addWidget(indicator)
    service.start()
    try:
        qtbot.waitUntil(lambda: indicator.property("connection") == "online", timeout=5000)
        assert indicator.text().startswith("Online")
        assert "last sync" in indicator.text() and "0 waiting" in indicator.text()
        organiser.server.stop()
        assert Gate(gate_db, clock=FixedClock(SCAN_TIME)).scan(
            organiser.credentials[0]).reason is Reason.ADMITTED
        service.wake()
        qtbot.waitUntil(lambda: indicator.property("connection") == "offline", timeout=5000)
        qtbot.waitUntil(lambda: "1 waiting" in indicator.text(), timeout=5000)
        assert indicator.text().startswith("Offline")
        assert "cannot reach the server" in indicator.toolTip()
    finally:
        service.stop()


def test_an_unenrolled_kiosk_says_it_is_not_connected(
    database: Database, qtbot: QtBot
) -> None:
    service = fast_service(database)
    indicator = SyncIndicator(service, None)
    qtbot.addWidget(indicator)
    service.start()
    try:
        qtbot.waitUntil(lambda: service.status().connection is Connection.NOT_ENROLLED,
                        timeout=5000)
        qtbot.waitUntil(lambda: indicator.text() == "Not connected to a server", timeout=5000)
    finally:
        service.stop()


def test_an_enrolled_gate_asks_the_server_and_an_unenrolled_one_does_not(
    gate_db: Database, database: Database, event: object
) -> None:
    opened = open_gate(gate_db, None, FixedClock(SCAN_TIME))
    assert isinstance(opened.gate.arbiter, EnrolmentArbiter)
    assert isinstance(opened.gate.arbiter.current, ServerArbiter)
    assert opened.gate.arbiter.available()
    opened.gate.arbiter.close()
    alone = open_gate(database, None, FixedClock(SCAN_TIME)).gate.arbiter
    assert isinstance(alone, EnrolmentArbiter)
    assert alone.current is None and not alone.available()


def test_the_kiosk_window_shows_the_indicator_and_pushes_after_a_scan(
    organiser: Organiser, gate_db: Database, app: KioskApp, qtbot: QtBot
) -> None:
    window = KioskWindow(
        app, gate_db, use_camera=False, clock=FixedClock(SCAN_TIME), locked=False,
        sounds=Sounds(enabled=False), badges=BadgePrinting(app.tasks, gate_db, use_default=False),
    )
    qtbot.addWidget(window)
    # A long push interval: only the wake after the verdict can push within the test's wait.
    service = SyncService(gate_db, loop=SyncLoop(gate_db, push_interval=30.0, long_poll=1.0))
    _show_sync(service, window, gate_db)
    indicator = window.findChild(SyncIndicator)
    assert indicator is not None
    window.resize(1280, 800)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    qtbot.waitExposed(window)
    assert indicator.isVisible()
    service.start()
    try:
        qtbot.waitUntil(lambda: indicator.property("connection") == "online", timeout=5000)
        with qtbot.waitSignal(window.verdict_shown, timeout=10_000) as shown:
            qtbot.keyClicks(window.focusWidget() or window, organiser.credentials[2])
            qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Return)
        verdict = shown.args[0] if shown.args else None
        assert isinstance(window.gate, Gate)
        assert isinstance(window.gate.arbiter, EnrolmentArbiter)
        assert isinstance(window.gate.arbiter.current, ServerArbiter)
        assert isinstance(verdict, Verdict) and verdict.reason is Reason.ADMITTED
        qtbot.waitUntil(lambda: organiser.accepted_scans() == 1, timeout=5000)
    finally:
        service.stop()
        window.shutdown()


def test_the_desk_gets_the_indicator_in_its_status_bar(
    gate_db: Database, qtbot: QtBot
) -> None:
    desk = QMainWindow()
    qtbot.addWidget(desk)
    service = fast_service(gate_db)
    _show_sync(service, desk, gate_db)
    assert desk.statusBar().findChild(SyncIndicator) is not None
