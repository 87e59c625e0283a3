"""Helpers for the staff desk's GUI tests (the fixtures are in tests/ui/desk_support.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.db import Database
from kiosk.models import Event, Guest
from kiosk.search import reindex_guests
from tests.ui.conftest import Pass
from tests.ui.conftest import add_guest as conftest_add_guest

STAFF = "Li Na"


def add_guest(
    database: Database, event: Event, name: str, name_latin: str | None = None,
    **fields: Any,
) -> Pass:
    """A guest on the list, searchable (as an import leaves them)."""
    added = conftest_add_guest(database, event, name, name_latin, **fields)
    with database.session() as session:
        guest_id = session.scalar(select(Guest.id).where(Guest.uid == added.uid))
        assert guest_id is not None
        reindex_guests(session, [guest_id])
    return added


def open_form(qtbot: QtBot, holder: object) -> QDialog:
    """The form a click just opened (held in ``holder.dialog``)."""
    qtbot.waitUntil(lambda: getattr(holder, "dialog", None) is not None, timeout=2000)
    form = holder.dialog  # type: ignore[attr-defined]
    assert isinstance(form, QDialog)
    return form
