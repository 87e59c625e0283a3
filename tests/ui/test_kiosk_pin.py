"""The staff PIN guards the kiosk's exit: a guest cannot close it, wrong PINs lock it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.db import Database
from kiosk.models import Event
from kiosk.pin import MAX_TRIES, PinGuard
from tests.conftest import FixedClock
from ui.app import KioskApp
from ui.badge_printing import BadgePrinting
from ui.kiosk_window import KioskWindow
from ui.pin_dialog import PinDialog
from ui.sounds import Sounds
from ui.staff_menu import StaffMenu


@pytest.fixture
def locked_window(
    qtbot: QtBot, kiosk_app: KioskApp, database: Database, event: Event, clock: FixedClock
) -> Iterator[KioskWindow]:
    PinGuard(database, clock=clock).set_first_pin("2468")
    window = KioskWindow(
        kiosk_app, database, use_camera=False, clock=clock, locked=True,
        sounds=Sounds(enabled=False), pin_guard=PinGuard(database, clock=clock),
        badges=BadgePrinting(kiosk_app.tasks, database, use_default=False),
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    yield window
    window._may_close = True
    window.close()


def _dialog() -> PinDialog:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PinDialog), dialog
    return dialog


def _enter(qtbot: QtBot, dialog: PinDialog, pin: str) -> None:
    for digit in pin:
        button = next(b for b in dialog.digit_buttons if b.text() == digit)
        button.click()
    dialog.ok_button.click()


def test_closing_asks_for_the_pin_and_a_wrong_one_keeps_the_kiosk_open(
    qtbot: QtBot, locked_window: KioskWindow,
) -> None:
    locked_window.close()
    assert locked_window.isVisible()
    dialog = _dialog()
    _enter(qtbot, dialog, "1111")
    qtbot.waitUntil(lambda: "Wrong PIN" in dialog.message.text(), timeout=5000)
    assert str(MAX_TRIES - 1) in dialog.message.text()
    assert locked_window.isVisible()


def test_the_right_pin_opens_the_staff_menu_and_quit_closes(
    qtbot: QtBot, locked_window: KioskWindow,
) -> None:
    locked_window.staff_button.click()
    with qtbot.waitSignal(locked_window.staff_unlocked, timeout=5000):
        _enter(qtbot, _dialog(), "2468")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), StaffMenu), timeout=5000)
    menu = QApplication.activeModalWidget()
    assert isinstance(menu, StaffMenu)
    menu.quit_button.click()
    qtbot.waitUntil(lambda: not locked_window.isVisible(), timeout=5000)


def test_wrong_pins_lock_the_pad(qtbot: QtBot, locked_window: KioskWindow) -> None:
    locked_window.staff_button.click()
    dialog = _dialog()
    for _ in range(MAX_TRIES):
        _enter(qtbot, dialog, "9999")
        qtbot.waitUntil(lambda: not dialog._checking, timeout=5000)
    assert "Locked until" in dialog.message.text()
    _enter(qtbot, dialog, "2468")  # even the right PIN, while locked
    qtbot.waitUntil(lambda: not dialog._checking, timeout=5000)
    assert "Locked until" in dialog.message.text() and locked_window.isVisible()
    dialog.reject()


def test_escape_does_not_leave_the_kiosk(qtbot: QtBot, locked_window: KioskWindow) -> None:
    from PySide6.QtCore import Qt

    qtbot.keyClick(locked_window, Qt.Key.Key_Escape)
    assert locked_window.isVisible()


def test_a_kiosk_without_a_pin_asks_staff_to_choose_one(
    qtbot: QtBot, kiosk_app: KioskApp, database: Database, event: Event, clock: FixedClock,
) -> None:
    guard = PinGuard(database, clock=clock)
    window = KioskWindow(kiosk_app, database, use_camera=False, clock=clock, locked=True,
                         sounds=Sounds(enabled=False), pin_guard=guard,
                         badges=BadgePrinting(kiosk_app.tasks, database, use_default=False))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    window.staff_button.click()
    dialog = _dialog()
    assert dialog.is_first
    _enter(qtbot, dialog, "1357")
    _enter(qtbot, dialog, "1357")
    qtbot.waitUntil(guard.is_set, timeout=5000)
    assert guard.check("1357").is_accepted
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), StaffMenu), timeout=5000)
    menu = QApplication.activeModalWidget()
    assert isinstance(menu, StaffMenu)
    menu.reject()
    window._may_close = True
    window.close()
