"""The walk-in form registers a guest who is not on the list, with a credential, in one flow."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk import tokens
from kiosk.checkin import Gate
from kiosk.domain import Reason
from kiosk.models import AuditEntry, BadgePrint, Event, Guest
from tests.ui.desk_helpers import STAFF, add_guest, open_form
from ui.desk.walk_in import WalkInDialog

pytest_plugins = ["tests.ui.desk_support"]


def open_walk_in(qtbot: QtBot, window) -> WalkInDialog:
    window.walk_in_action.trigger()
    form = open_form(qtbot, window)
    assert isinstance(form, WalkInDialog)
    return form


def test_the_form_offers_a_day_pass_for_today(qtbot: QtBot, window) -> None:
    form = open_walk_in(qtbot, window)
    assert form.day_pass.isChecked()
    ticked = [day for day, box in form.day_boxes.items() if box.isChecked()]
    assert ticked == [dt.date(2026, 12, 7)]  # the fixed clock's day in Beijing
    assert len(form.day_boxes) == 5


def test_a_walk_in_is_registered_shown_and_can_enter_today_only(
    qtbot: QtBot, window, database, event, clock, printed,
) -> None:
    form = open_walk_in(qtbot, window)
    form.inputs["name"].setText("Ольга Смирнова")
    form.inputs["name_latin"].setText("Olga Smirnova")
    form.inputs["company"].setText("TASS")
    form.category.setCurrentIndex(form.category.findData("media"))
    with qtbot.waitSignal(window.detail_shown, timeout=3000) as shown:
        qtbot.mouseClick(form.register, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    with database.session() as session:
        guest = session.scalar(select(Guest).where(Guest.uid == shown.args[0]))
        assert guest is not None
        assert (guest.name, guest.category, guest.source) == ("Ольга Смирнова", "media", "walk_in")
        assert guest.days == ["2026-12-07"]
        forum = session.get(Event, event.id)
        assert forum is not None
        entry = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "walk_in_registered")).one()
        assert entry.actor == STAFF
    assert window.detail.name.text() == "Ольга Смирнова"
    # ...and the badge printed in the same flow, recorded as the first print by the desk.
    qtbot.waitUntil(lambda: len(list(printed.glob("*.pdf"))) == 1, timeout=5000)
    with database.session() as session:
        [badge] = session.scalars(select(BadgePrint)).all()
        assert (badge.reason, badge.operator) == ("first", STAFF)
    assert window.detail.detail is not None and window.detail.detail.credential is not None
    credential = window.detail.detail.credential
    assert tokens.parse(credential) is not None
    gate = Gate(database, "Exhibition hall", clock=clock)
    assert gate.scan(credential).reason is Reason.ADMITTED
    clock.advance(days=1)
    assert gate.scan(credential).reason is Reason.WRONG_DAY


def test_a_refused_walk_in_keeps_the_form_open_with_the_reason(
    qtbot: QtBot, window, database, event,
) -> None:
    add_guest(database, event, "Anna Petrova")
    form = open_walk_in(qtbot, window)
    qtbot.mouseClick(form.register, Qt.MouseButton.LeftButton)  # no name
    assert form.isVisible() and "name" in form.error.text()
    form.inputs["name"].setText("Tom Ford")
    form.every_day.setChecked(True)
    form.inputs["email"].setText("tom@")
    qtbot.mouseClick(form.register, Qt.MouseButton.LeftButton)
    assert form.isVisible() and "e-mail" in form.error.text()
    form.inputs["email"].setText("tom@example.com")
    qtbot.mouseClick(form.register, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=2000)
    with database.session() as session:
        tom = session.scalar(select(Guest).where(Guest.email == "tom@example.com"))
        assert tom is not None and tom.days is None
        every_day = session.scalar(select(Guest.id).where(Guest.email == "tom@example.com",
                                                          Guest.days.is_(None)))
        assert every_day == tom.id  # stored as SQL NULL, as imports store "every day"
