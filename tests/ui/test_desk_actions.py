"""The guest detail and its actions: each one runs through the core, is recorded with who did it,
and shows its outcome; a refusal keeps the form open with the core's message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.domain import PrintReason
from kiosk.models import AuditEntry, BadgePrint, Guest, Scan
from tests.conftest import FixedClock
from tests.ui.conftest import Pass
from tests.ui.desk_helpers import STAFF, add_guest, open_form
from ui.desk.dialogs import CorrectDialog, NoteDialog, ReasonDialog
from ui.desk.guest_detail import Action
from ui.desk.window import DeskWindow

pytest_plugins = ["tests.ui.desk_support"]


def show(qtbot: QtBot, window: DeskWindow, guest: Pass) -> None:
    with qtbot.waitSignal(window.detail_shown, timeout=3000):
        window.show_guest(guest.uid)


def click(qtbot: QtBot, window: DeskWindow, action: Action) -> None:
    button = window.detail.buttons[action]
    assert button.isEnabled(), f"{action} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def press_ok(qtbot: QtBot, form: object) -> None:
    buttons = form.buttons  # type: ignore[attr-defined]
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def audit(database, action: str) -> list[AuditEntry]:
    with database.session() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def stored(database, uid: str) -> Guest:
    with database.session() as session:
        guest = session.scalar(select(Guest).where(Guest.uid == uid))
        assert guest is not None
        return guest


def test_detail_shows_the_guest_and_their_history_in_the_events_time_zone(
    qtbot: QtBot, window, desk, database, event,
) -> None:
    guest = add_guest(database, event, "王芳", "Wang Fang")
    desk.check_in(guest.uid)  # 01:30 UTC is 09:30 in Beijing
    show(qtbot, window, guest)
    panel = window.detail
    assert panel.name.text() == "王芳" and panel.name_latin.text() == "Wang Fang"
    assert "2026-12-07 09:30 CST" in panel.state.text()
    assert panel.history.rowCount() == 1
    assert panel.history.item(0, 0).text() == "2026-12-07 09:30 CST"
    assert panel.history.item(0, 1).text() == "Main entrance"
    assert panel.history.item(0, 3).text() == STAFF
    assert panel.buttons[Action.CHECK_IN].isEnabled()  # the engine decides about a second one
    assert panel.buttons[Action.UNDO].isEnabled()


def test_check_in_by_hand_shows_admitted_and_updates_the_table(
    qtbot: QtBot, window, database, event,
) -> None:
    guest = add_guest(database, event, "张伟", "Zhang Wei")
    window.search_field.setText("张伟")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2000)
    show(qtbot, window, guest)
    assert not window.detail.buttons[Action.UNDO].isEnabled()
    click(qtbot, window, Action.CHECK_IN)
    assert "Admitted" in window.detail.notice.text()
    assert window.detail.history.rowCount() == 1
    position = window.model.position_of(guest.uid)
    assert position is not None and window.model.row_at(position).is_checked_in
    click(qtbot, window, Action.CHECK_IN)  # the same checkpoint again: the engine says no
    assert "Already checked in" in window.detail.problem.text()


def test_undo_asks_for_a_reason_and_records_it_with_who(
    qtbot: QtBot, window, desk, database, event, clock: FixedClock,
) -> None:
    guest = add_guest(database, event, "张伟")
    desk.check_in(guest.uid)
    show(qtbot, window, guest)
    click(qtbot, window, Action.UNDO)
    form = open_form(qtbot, window.guest_actions)
    assert isinstance(form, ReasonDialog)
    form.text.setText("checked in the wrong Zhang Wei")
    press_ok(qtbot, form)
    qtbot.waitUntil(lambda: window.guest_actions.dialog is None, timeout=2000)
    with database.session() as session:
        scan = session.scalars(select(Scan)).one()
        assert scan.undo_reason == "checked in the wrong Zhang Wei" and scan.undone_by == STAFF
    assert window.detail.state.text() == "Not checked in yet."
    assert "undone" in window.detail.history.item(0, 2).text()


def test_a_note_is_added_and_shown_in_the_desk_record(qtbot, window, database, event) -> None:
    guest = add_guest(database, event, "Анна Петрова", "Anna Petrova")
    show(qtbot, window, guest)
    click(qtbot, window, Action.NOTE)
    form = open_form(qtbot, window.guest_actions)
    assert isinstance(form, NoteDialog)
    press_ok(qtbot, form)  # empty: the core refuses, the form stays open and says why
    assert form.isVisible() and "empty" in form.error.text()
    form.text.setPlainText("Interpreter requested for Russian")
    press_ok(qtbot, form)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=2000)
    assert "Interpreter requested for Russian" in window.detail.trail.text()
    assert STAFF in window.detail.trail.text()
    assert stored(database, guest.uid).note == "Interpreter requested for Russian"


def test_a_correction_is_saved_reindexed_and_the_badge_reprinted(
    qtbot: QtBot, window, database, event,
) -> None:
    guest = add_guest(database, event, "Jurgen Muller")
    show(qtbot, window, guest)
    click(qtbot, window, Action.CORRECT)
    form = open_form(qtbot, window.guest_actions)
    assert isinstance(form, CorrectDialog)
    form.inputs["email"].setText("not-an-address")  # type: ignore[union-attr]
    press_ok(qtbot, form)
    assert form.isVisible() and "email" in form.error.text()
    form.inputs["email"].setText("j.mueller@siemens.com")  # type: ignore[union-attr]
    form.inputs["name"].setText("Jürgen Müller")  # type: ignore[union-attr]
    form.reprint.setChecked(True)
    press_ok(qtbot, form)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=2000)
    assert stored(database, guest.uid).name == "Jürgen Müller"
    assert window.detail.name.text() == "Jürgen Müller"
    [entry] = audit(database, "guest_corrected")
    assert entry.actor == STAFF
    assert set(entry.details["fields"]) == {"name", "email"}
    assert "sent to the printer" in window.detail.notice.text()


def test_a_new_credential_revokes_the_old_code(qtbot: QtBot, window, desk, database, event):
    guest = add_guest(database, event, "张伟")
    show(qtbot, window, guest)
    click(qtbot, window, Action.REISSUE)
    form = open_form(qtbot, window.guest_actions)
    assert isinstance(form, ReasonDialog)
    press_ok(qtbot, form)  # no reason: refused in the form
    assert form.isVisible()
    form.text.setText("invitation lost")
    form.option.setChecked(False)
    press_ok(qtbot, form)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=2000)
    assert stored(database, guest.uid).credential_serial == 1
    assert "serial 1" in window.detail.notice.text()
    assert desk.gate.scan(guest.credential).reason.value == "revoked"
    [entry] = audit(database, "credential_reissued")
    assert entry.actor == STAFF and entry.details["reason"] == "invitation lost"


def test_the_badge_preview_is_the_badge_that_prints(qtbot: QtBot, window, desk, database, event):
    guest = add_guest(database, event, "王芳", "Wang Fang")
    with qtbot.waitSignal(window.preview_shown, timeout=5000) as shown:
        window.show_guest(guest.uid)
    assert shown.args == [guest.uid]
    pixmap = window.detail.preview.pixmap()
    assert not pixmap.isNull()
    expected = QImage.fromData(desk.badge_preview(guest.uid))  # drawn from the printed PDF
    assert pixmap.width() / pixmap.height() == pytest.approx(
        expected.width() / expected.height(), rel=0.02)


def test_print_then_a_reprint_needs_a_reason_and_both_land_on_the_printer(
    qtbot: QtBot, window, database, event, printed,
) -> None:
    guest = add_guest(database, event, "Jürgen Müller")
    show(qtbot, window, guest)
    assert not window.detail.buttons[Action.REPRINT].isEnabled()  # nothing printed yet
    with qtbot.waitSignal(window.printing.processed, timeout=5000):
        click(qtbot, window, Action.PRINT)
    qtbot.waitUntil(lambda: len(list(printed.glob("*.pdf"))) == 1, timeout=5000)
    qtbot.waitUntil(lambda: window.detail.buttons[Action.REPRINT].isEnabled(), timeout=3000)

    click(qtbot, window, Action.REPRINT)
    form = open_form(qtbot, window.guest_actions)
    assert isinstance(form, ReasonDialog)
    form.choice.setCurrentIndex(form.choice.findData(PrintReason.OTHER.value))
    press_ok(qtbot, form)  # "other" with no words: refused in the form
    assert form.isVisible() and form.error.text()
    form.choice.setCurrentIndex(form.choice.findData(PrintReason.DAMAGED.value))
    form.text.setText("coffee on it")
    with qtbot.waitSignal(window.printing.processed, timeout=5000):
        press_ok(qtbot, form)
    qtbot.waitUntil(lambda: len(list(printed.glob("*.pdf"))) == 2, timeout=5000)
    with database.session() as session:
        prints = session.scalars(select(BadgePrint).order_by(BadgePrint.printed_at)).all()
        assert [(p.reason, p.note, p.operator) for p in prints] == [
            ("first", None, STAFF), ("damaged", "coffee on it", STAFF)]


def test_in_chinese_the_detail_names_checkpoints_by_their_local_names(
    qtbot: QtBot, window, desk, desk_app, database, event,
) -> None:
    from ui.translations import Language

    guest = add_guest(database, event, "王芳", "Wang Fang")
    desk.check_in(guest.uid)
    desk_app.translations.use(Language.CHINESE)
    show(qtbot, window, guest)
    assert window.detail.history.item(0, 1).text() == "主入口"
    assert "主入口" in window.detail.state.text()
    click(qtbot, window, Action.CHECK_IN)  # again at the same entrance: refused, named locally
    assert "主入口" in window.detail.problem.text()
    desk_app.translations.use(Language.ENGLISH)
    window.detail.show_detail(window.detail.detail)
    assert window.detail.history.item(0, 1).text() == "Main entrance"


def test_country_and_language_codes_are_shown_by_name_in_the_desks_language(
    qtbot: QtBot, window, desk_app, database, event,
) -> None:
    from ui.translations import Language

    guest = add_guest(database, event, "Ayşe Yılmaz", country="TR", language="tr")
    show(qtbot, window, guest)
    _caption, value = window.detail._fact_labels["country"]
    _caption, spoken = window.detail._fact_labels["language"]
    assert (value.text(), spoken.text()) == ("Türkiye", "Turkish")
    desk_app.translations.use(Language.CHINESE)
    try:  # re-filled on the language change
        assert (value.text(), spoken.text()) == ("土耳其", "土耳其语")
    finally:
        desk_app.translations.use(Language.ENGLISH)
