"""Scanner bursts are told from typing, whatever has the focus, and never lose or mix characters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.scanner_input import ScannerInput


@pytest.fixture
def scanner(qapp: QApplication) -> Iterator[ScannerInput]:
    filter_ = ScannerInput(min_length=4, max_gap_ms=35, flush_ms=60)
    filter_.install(qapp)
    yield filter_
    filter_.uninstall(qapp)
    filter_.deleteLater()


@pytest.fixture
def form(qtbot: QtBot) -> tuple[QWidget, QLineEdit, QLineEdit]:
    window = QWidget()
    layout = QVBoxLayout(window)
    first, second = QLineEdit(), QLineEdit()
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    first.setFocus()
    return window, first, second


def press(target: QWidget, text: str, stamp: int) -> None:
    """One key as a scanner or keyboard sends it, with the window system's timestamp in ms."""
    key = Qt.Key.Key_Return if text == "\n" else Qt.Key(ord(text.upper()))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, "\r" if text == "\n" else text)
        event.setTimestamp(stamp)
        QApplication.sendEvent(target, event)


def burst(target: QWidget, text: str, start: int, gap: int) -> int:
    for i, char in enumerate(text):
        press(target, char, start + i * gap)
    return start + len(text) * gap


def test_a_scan_into_a_focused_field_is_taken_whole_and_the_field_stays_empty(
    qtbot: QtBot, scanner: ScannerInput, form: tuple[QWidget, QLineEdit, QLineEdit],
) -> None:
    _, field, _ = form
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as signal:
        burst(field, "BK1ABC-XYZ.42\n", 1000, 3)
    assert signal.args == ["BK1ABC-XYZ.42"]
    qtbot.wait(100)
    assert field.text() == ""


def test_slow_typing_reaches_the_field_in_order_and_is_no_scan(
    qtbot: QtBot, scanner: ScannerInput, form: tuple[QWidget, QLineEdit, QLineEdit],
) -> None:
    _, field, _ = form
    seen: list[str] = []
    scanner.scanned.connect(seen.append)
    for i, char in enumerate("zhang"):
        press(field, char, 5000 + i * 180)
        qtbot.wait(80)  # a person's pace: the held key is given back before the next one
    press(field, "\n", 5000 + 5 * 180)
    qtbot.waitUntil(lambda: field.text() == "zhang", timeout=1000)
    assert seen == []


def test_fast_typing_with_enter_too_short_for_a_scan_is_typing(
    qtbot: QtBot, scanner: ScannerInput, form: tuple[QWidget, QLineEdit, QLineEdit],
) -> None:
    _, field, _ = form
    seen: list[str] = []
    scanner.scanned.connect(seen.append)
    burst(field, "ab\n", 100, 5)
    qtbot.waitUntil(lambda: field.text() == "ab", timeout=1000)
    assert seen == []


def test_back_to_back_scans_arrive_separately_in_order(
    qtbot: QtBot, scanner: ScannerInput, form: tuple[QWidget, QLineEdit, QLineEdit],
) -> None:
    _, field, other = form
    seen: list[str] = []
    scanner.scanned.connect(seen.append)
    codes = [f"CODE{i:03d}-{'X' * (i % 7)}" for i in range(30)]
    stamp = 1
    for number, code in enumerate(codes):
        target = field if number % 2 == 0 else other  # focus jumping about changes nothing
        stamp = burst(target, code + "\n", stamp, 2)
    qtbot.waitUntil(lambda: len(seen) == len(codes), timeout=2000)
    assert seen == codes
    qtbot.wait(100)
    assert field.text() == "" and other.text() == ""


def test_a_typed_character_then_a_scan_keeps_both_apart(
    qtbot: QtBot, scanner: ScannerInput, form: tuple[QWidget, QLineEdit, QLineEdit],
) -> None:
    _, field, _ = form
    seen: list[str] = []
    scanner.scanned.connect(seen.append)
    press(field, "q", 1)
    burst(field, "SCAN1234\n", 400, 3)  # the pause before the scan closes the typed burst
    qtbot.waitUntil(lambda: seen == ["SCAN1234"], timeout=1000)
    qtbot.waitUntil(lambda: field.text() == "q", timeout=1000)


def test_a_scanner_with_a_straggler_gap_still_counts_as_a_scan(
    qtbot: QtBot, scanner: ScannerInput, form: tuple[QWidget, QLineEdit, QLineEdit],
) -> None:
    _, field, _ = form
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as signal:
        stamp = burst(field, "ABCDEFGHIJKLMNOPQRST", 1, 4)
        press(field, "U", stamp + 45)  # one hiccup of the USB stack
        burst(field, "VWXYZ\n", stamp + 50, 4)
    assert signal.args == ["ABCDEFGHIJKLMNOPQRSTUVWXYZ"]


def test_disabled_filter_lets_everything_through(
    qtbot: QtBot, scanner: ScannerInput, form: tuple[QWidget, QLineEdit, QLineEdit],
) -> None:
    _, field, _ = form
    scanner.enabled = False
    burst(field, "ABCDEFG", 1, 2)
    assert field.text() == "ABCDEFG"


def test_a_typing_through_field_gets_each_key_at_once_and_a_scan_is_taken_back_out(
    qtbot: QtBot, scanner: ScannerInput, form: tuple[QWidget, QLineEdit, QLineEdit],
) -> None:
    from ui.scanner_input import TYPES_THROUGH

    _, field, _ = form
    field.setProperty(TYPES_THROUGH, True)
    seen: list[str] = []
    scanner.scanned.connect(seen.append)
    press(field, "z", 9000)
    assert field.text() == "z"  # at once, not after the scanner's pause
    press(field, "h", 9150)
    assert field.text() == "zh"
    qtbot.wait(100)
    assert field.text() == "zh" and seen == []  # nothing replayed twice
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as signal:
        burst(field, "BK1ABC-XYZ.42\n", 10_000, 3)
    assert signal.args == ["BK1ABC-XYZ.42"]
    assert field.text() == "zh"  # the scanned characters were taken back out
    qtbot.wait(100)
    assert field.text() == "zh"


def test_a_scanner_pressing_shift_around_capitals_and_symbols_is_still_one_scan(
    qtbot: QtBot, scanner: ScannerInput, form: tuple[QWidget, QLineEdit, QLineEdit],
) -> None:
    """A USB scanner is a keyboard: capitals and symbols like + * come with Shift pressed and
    released around them, as real X11 key events (xdotool) showed; the burst stays a scan."""
    _, field, _ = form
    code = "K0001J+VXPU*VFB3.L/A-13 Q$%:"
    stamp = 1000
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as signal:
        for char in code:
            shifted = char.isupper() or char in "+*$%:"
            modifier = (Qt.KeyboardModifier.ShiftModifier if shifted
                        else Qt.KeyboardModifier.NoModifier)
            if shifted:
                shift = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift,
                                  Qt.KeyboardModifier.ShiftModifier, "")
                shift.setTimestamp(stamp)
                QApplication.sendEvent(field, shift)
                stamp += 1
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key(ord(char.upper())), modifier, char)
                event.setTimestamp(stamp)
                QApplication.sendEvent(field, event)
            stamp += 1
            if shifted:
                release = QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Shift,
                                    Qt.KeyboardModifier.NoModifier, "")
                release.setTimestamp(stamp)
                QApplication.sendEvent(field, release)
                stamp += 2
        press(field, "\n", stamp + 2)
    assert signal.args == [code]
    qtbot.wait(100)
    assert field.text() == ""


def test_a_flush_restarted_for_the_time_left_does_not_shrink_the_pause_for_later_scans(
    qtbot: QtBot, scanner: ScannerInput, form: tuple[QWidget, QLineEdit, QLineEdit],
) -> None:
    import time

    _, field, _ = form
    press(field, "a", 20_000)
    time.sleep(0.055)
    scanner._on_flush_timeout()  # fires 5 ms early: restarted for the few ms left
    qtbot.waitUntil(lambda: field.text() == "a", timeout=1000)
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as signal:
        burst(field, "BK1ABC-XYZ.42\n", 30_000, 8)  # 8 ms a character: a scanner
    assert signal.args == ["BK1ABC-XYZ.42"]
    assert field.text() == "a"
