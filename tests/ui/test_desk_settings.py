"""Settings (stored in the settings file, device name and PIN through the core, language switch)
and the status bar (printer, print jobs, sync, outbox in words and icons)."""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk import events
from kiosk.models import AuditEntry, PrintJob, SyncState
from kiosk.pin import PinGuard
from kiosk.sync import state as sync_state
from tests.ui.desk_helpers import STAFF, add_guest, open_form
from ui.desk.settings import CHECKPOINT, LANGUAGE, OPERATOR, PRINTER, DeskSettings
from ui.desk.settings_dialog import SettingsDialog
from ui.translations import Language

pytest_plugins = ["tests.ui.desk_support"]


def open_settings(qtbot: QtBot, window) -> SettingsDialog:
    window.settings_action.trigger()
    form = open_form(qtbot, window)
    assert isinstance(form, SettingsDialog)
    return form


def save(qtbot: QtBot, form: SettingsDialog) -> None:
    form.save_button.click()


def test_settings_are_stored_and_used(
    qtbot: QtBot, window, database, tmp_path: Path, printed: Path,
) -> None:
    form = open_settings(qtbot, window)
    offered = [form.checkpoint.itemData(i) for i in range(form.checkpoint.count())]
    assert offered == ["Main entrance", "Exhibition hall", "VIP lounge", "Exit"]
    assert form.printer.currentText() == f"folder:{printed}"  # the desk's printer, as it is
    form.operator.setText("Wang Lei")
    form.device_name.setText("Help desk 2")
    form.checkpoint.setCurrentIndex(form.checkpoint.findData("Exhibition hall"))
    other = tmp_path / "other-printer"
    other.mkdir()
    form.printer.setEditText(f"folder:{other}")  # a printer the print system does not list
    save(qtbot, form)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=3000)
    stored = QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)
    assert stored.value(OPERATOR.key) == "Wang Lei"
    assert stored.value(CHECKPOINT.key) == "Exhibition hall"
    assert stored.value(PRINTER.key) == f"folder:{other}"
    assert window.desk.printer == f"folder:{other}"
    assert window.desk.operator == "Wang Lei"
    assert window.desk.checkpoint_name == "Exhibition hall"
    with database.session() as session:
        assert events.this_device(session).name == "Help desk 2"
        renamed = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "device_renamed")).one()
        # Saved by whoever was at the desk when the form was saved.
        assert renamed.actor == STAFF
        assert renamed.details == {"before": socket.gethostname() or "kiosk",
                                   "after": "Help desk 2"}


def test_the_kiosk_pin_is_set_and_changing_it_needs_the_current_one(
    qtbot: QtBot, window, database,
) -> None:
    form = open_settings(qtbot, window)
    assert not form.current_pin.isEnabled()  # no PIN yet
    form.new_pin.setText("2468")
    form.repeat_pin.setText("2469")
    save(qtbot, form)
    assert form.isVisible() and "differ" in form.error.text()
    form.repeat_pin.setText("2468")
    save(qtbot, form)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=3000)
    assert PinGuard(database).check("2468").is_accepted

    form = open_settings(qtbot, window)
    assert form.current_pin.isEnabled()
    form.current_pin.setText("0000")
    form.new_pin.setText("13579")
    form.repeat_pin.setText("13579")
    save(qtbot, form)
    assert form.isVisible() and "current PIN is wrong" in form.error.text()
    form.current_pin.setText("2468")
    save(qtbot, form)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=3000)
    assert PinGuard(database).check("13579").is_accepted


def test_a_test_print_lands_on_the_chosen_printer_and_a_missing_one_says_why(
    qtbot: QtBot, window, tmp_path: Path, printed: Path,
) -> None:
    form = open_settings(qtbot, window)
    assert form.printer.currentText() == f"folder:{printed}"
    form.test_print.click()
    qtbot.waitUntil(lambda: "sent" in form.test_result.text(), timeout=5000)
    [sample] = printed.glob("*.pdf")
    assert sample.read_bytes().startswith(b"%PDF")
    form.printer.setEditText(f"folder:{tmp_path / 'nowhere'}")
    form.test_print.click()
    qtbot.waitUntil(lambda: "sent" not in form.test_result.text()
                    and "..." not in form.test_result.text(), timeout=5000)
    assert "nowhere" in form.test_result.text()
    assert len(list(printed.glob("*.pdf"))) == 1  # nothing printed on the missing printer


def test_choosing_chinese_translates_the_desk(qtbot: QtBot, window, desk_app, tmp_path) -> None:
    form = open_settings(qtbot, window)
    form.language.setCurrentIndex(form.language.findData(Language.CHINESE.value))
    save(qtbot, form)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=3000)
    assert desk_app.translations.language is Language.CHINESE
    assert DeskSettings(tmp_path / "desk.ini").get(LANGUAGE) == Language.CHINESE.value
    assert window.tabs.tabText(0) == "嘉宾"
    assert "北京国际科学论坛" in window.windowTitle()


def test_a_bad_server_address_is_refused_in_the_form(qtbot: QtBot, window) -> None:
    form = open_settings(qtbot, window)
    form.sync_server.setText("ftp://files.example.org")
    form.enrol_code.setText("7K3M-QX9D")
    save(qtbot, form)
    qtbot.waitUntil(lambda: form.error.isVisible(), timeout=3000)
    assert "server address" in form.error.text()


def test_the_status_bar_shows_printer_jobs_sync_and_outbox(
    qtbot: QtBot, window, desk, database, event, printed: Path,
) -> None:
    guest = add_guest(database, event, "张伟")
    desk.check_in(guest.uid)
    with database.session() as session:
        session.add(PrintJob(title="b", printer="cups:KioskPDF", backend="cups",
                             template="badge-4x3", pdf_path="/nowhere.pdf", state="held",
                             state_reason="out of paper", print_reason="first"))
        sync_state.write(session, sync_state.SERVER_URL, "http://10.0.0.5:8000")
        sync_state.write(session, sync_state.DEVICE_TOKEN, "secret")
        sync_state.write(session, sync_state.EVENT_UID, event.uid)
        session.add(SyncState(key=sync_state.LAST_SYNC, value="2026-12-07T01:00:00+00:00"))
    bar = window.status
    with qtbot.waitSignal(bar.refreshed, timeout=3000):
        bar.refresh()
    assert bar.printer.text.text() == f"Printer folder:{printed}: ready"
    assert bar.jobs.text.text() == "1 print jobs waiting, 1 held"
    assert bar.jobs.property("problem") is True
    assert bar.sync.text.text() == "Last sync 2026-12-07 09:00 CST"
    assert bar.outbox.text.text().startswith("1 changes not yet sent")
    assert not bar.printer.icon.pixmap().isNull()

    printed.rmdir()  # the printer goes away
    with qtbot.waitSignal(bar.refreshed, timeout=3000):
        bar.refresh()
    assert "no printer of this name" in bar.printer.text.text()
    assert bar.printer.property("problem") is True
