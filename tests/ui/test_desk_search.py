"""The desk's search: typed text finds guests through the core's search, off the GUI thread; the
whole list pages in as it scrolls; a scanned code jumps to its guest."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.desk import Desk, GuestRow
from tests.ui.desk_helpers import add_guest
from ui.desk.guest_table import PAGE, SEARCH_PAGE, Column, GuestSearch, GuestTableModel
from ui.desk.window import DeskWindow
from ui.tasks import Tasks

pytest_plugins = ["tests.ui.desk_support"]


def shown_names(window: DeskWindow) -> list[str]:
    model = window.model
    return [model.data(model.index(row, Column.NAME)) for row in range(model.rowCount())]


def test_typing_a_pinyin_name_lists_the_chinese_guest(qtbot: QtBot, window, database, event):
    add_guest(database, event, "王芳", "Wang Fang")
    add_guest(database, event, "张伟", "Zhang Wei")
    qtbot.keyClicks(window.search_field, "wangf")
    qtbot.waitUntil(lambda: shown_names(window) == ["王芳"], timeout=3000)
    assert "1" in window.count_label.text()


def test_typing_a_name_without_its_accents_finds_it(qtbot, window, database, event) -> None:
    add_guest(database, event, "Jürgen Müller", None)
    qtbot.keyClicks(window.search_field, "jurgen")
    qtbot.waitUntil(lambda: shown_names(window) == ["Jürgen Müller"], timeout=3000)


def test_choosing_a_row_opens_the_guest(qtbot: QtBot, window, database, event) -> None:
    guest = add_guest(database, event, "Анна Петрова", "Anna Petrova")
    qtbot.keyClicks(window.search_field, "petrova")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)
    qtbot.wait(100)  # a person looks at the row before pressing Enter (no scanner burst)
    with qtbot.waitSignal(window.detail_shown, timeout=3000) as shown:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert shown.args == [guest.uid]
    assert window.detail.name.text() == "Анна Петрова"


def test_an_empty_search_lists_everyone_and_pages_in_more_as_the_table_scrolls(
    qtbot: QtBot, window, database, event,
) -> None:
    for n in range(PAGE + 30):
        add_guest(database, event, f"Guest {n:04d}")
    window.search_field.setText("zzz")
    window.search_field.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == PAGE, timeout=3000)
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: window.model.rowCount() == PAGE + 30, timeout=3000)
    numbers = [window.model.row_at(r).number for r in range(window.model.rowCount())]
    assert numbers == sorted(numbers) and len(set(numbers)) == PAGE + 30


def test_a_scanned_credential_jumps_to_its_guest(qtbot: QtBot, window, desk_app, database, event):
    add_guest(database, event, "张伟", "Zhang Wei")
    wanted = add_guest(database, event, "王芳", "Wang Fang")
    with qtbot.waitSignal(window.detail_shown, timeout=3000) as shown:
        desk_app.scanner.scanned.emit(wanted.credential)
    assert shown.args == [wanted.uid]
    assert shown_names(window) == ["王芳"]
    assert window.detail.state.text() == "Not checked in yet."  # a scan here checks nobody in


def test_an_unknown_scanned_code_says_so_in_the_status_bar(qtbot, window, desk_app) -> None:
    desk_app.scanner.scanned.emit("NOT-ON-ANY-LIST")
    assert "NOT-ON-ANY-LIST" in window.statusBar().currentMessage()
    assert window.detail.detail is None


class SlowDesk:
    """A desk whose search takes a while and notes the thread and queries it ran."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.threads: list[threading.Thread] = []
        self.queries: list[str] = []

    def search(self, query: str, limit: int) -> list[GuestRow]:
        self.threads.append(threading.current_thread())
        self.queries.append(query)
        time.sleep(0.05)
        return self.desk.search(query, limit)

    def browse(self, after: int, limit: int) -> list[GuestRow]:
        return self.desk.browse(after, limit)


def test_a_search_shows_one_page_of_the_best_and_the_rest_as_the_table_scrolls(
    qtbot: QtBot, window, database, event,
) -> None:
    for n in range(SEARCH_PAGE + 20):
        add_guest(database, event, f"Müller {n:03d}")
    add_guest(database, event, "Miller Smith")
    qtbot.keyClicks(window.search_field, "muller")
    qtbot.waitUntil(lambda: window.model.rowCount() == SEARCH_PAGE, timeout=3000)
    assert window.count_label.text() == f"{SEARCH_PAGE}+ found for “muller”"
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: window.model.rowCount() == SEARCH_PAGE + 20, timeout=3000)
    names = shown_names(window)
    assert len(set(names)) == SEARCH_PAGE + 20 and "Miller Smith" not in names
    assert window.count_label.text() == f"{SEARCH_PAGE + 20} found for “muller”"


def test_searches_run_off_the_gui_thread_and_only_the_last_text_is_shown(
    qtbot: QtBot, qapp: QApplication, desk, database, event,
) -> None:
    add_guest(database, event, "王芳", "Wang Fang")
    add_guest(database, event, "王伟", "Wang Wei")
    tasks = Tasks()
    model = GuestTableModel()
    slow = SlowDesk(desk)
    search = GuestSearch(slow, tasks, model)  # type: ignore[arg-type]
    shown: list[str] = []
    search.results_shown.connect(lambda query, _count: shown.append(query))
    for text in ("w", "wa", "wan", "wang", "wangw"):
        search.search(text)  # typed faster than a search takes
    qtbot.waitUntil(lambda: search.is_idle and shown and shown[-1] == "wangw", timeout=3000)
    tasks.wait()
    assert slow.queries == ["w", "wangw"]  # the texts in between were folded into the last
    assert shown == ["wangw"]  # the stale first result was never painted
    assert [model.row_at(r).name for r in range(model.rowCount())] == ["王伟"]
    assert all(t is not threading.main_thread() for t in slow.threads)
    tasks.deleteLater()


def test_typed_keys_search_at_once_and_a_scanner_burst_in_the_field_jumps_to_the_guest(
    qtbot: QtBot, window, desk_app, database, event,
) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    add_guest(database, event, "张伟", "Zhang Wei")
    wanted = add_guest(database, event, "王芳", "Wang Fang")
    replayed: list[int] = []
    desk_app.scanner.typing_replayed.connect(replayed.append)

    def key(text: str, stamp: int) -> None:
        code = Qt.Key.Key_Return if text == "\r" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text)
            event.setTimestamp(stamp)
            QApplication.sendEvent(window.search_field, event)

    key("w", 1000)
    assert window.search_field.text() == "w" and window.search.query == "w"  # no pause first
    qtbot.waitUntil(lambda: window.search.is_idle, timeout=2000)
    with qtbot.waitSignal(window.detail_shown, timeout=3000) as shown:
        for n, char in enumerate(wanted.credential + "\r"):
            key(char, 2000 + 2 * n)  # a scanner: 2 ms a character, then Enter
    assert shown.args == [wanted.uid]
    assert window.search_field.text() == "w"  # the code did not stay in the search field
    qtbot.waitUntil(lambda: window.search.is_idle, timeout=2000)
    assert shown_names(window) == ["王芳"]
    assert replayed == []
