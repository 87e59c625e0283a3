"""The desk's guest table: a model of rows the core found, and the search that feeds it.

The model holds only the rows on show (pages of search results, or pages of the whole list, that
``fetchMore`` adds as the table scrolls), never the 100,000 guests; every query runs on a worker
thread. A search asks for one page of the best matches only: each keystroke pays for what is seen,
and the next page is found when the table is scrolled to its end. ``GuestSearch`` keeps at most one
search in flight: keys typed meanwhile only replace the query waiting to run next, so a fast typist
never builds a queue and the table always ends on the results of the last text typed.
"""

from __future__ import annotations

import logging
import time
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush

from kiosk.desk import Desk, GuestRow
from kiosk.search import MAX_LIMIT
from ui.desk import labels
from ui.desk.actions import describe_error
from ui.tasks import Tasks

log = logging.getLogger("ui.desk.search")

SEARCH_PAGE = 50  # results shown at once (a screenful and more); scrolling asks for more
PAGE = 200  # guests per page of the whole list

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NUMBER = 0
    NAME = 1
    NAME_LATIN = 2
    COMPANY = 3
    CATEGORY = 4
    STATUS = 5


_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_USER = int(Qt.ItemDataRole.UserRole.value)
_NUMBER_ALIGNMENT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_COLUMNS = len(Column)


class _Cells:
    """What one row shows, worked out once when the row arrives (not on every paint: the view
    asks ``data`` for every role of every visible cell each time it paints)."""

    __slots__ = ("brushes", "texts")

    def __init__(self, texts: tuple[str, ...], brushes: tuple[QBrush | None, ...]) -> None:
        self.texts = texts
        self.brushes = brushes


class GuestTableModel(QAbstractTableModel):
    """Rows of ``GuestRow``; asks for the next page when the view scrolls to the end.

    Signals:
        more_wanted(int): the view reached the end of a browsed list; the last number shown.
    """

    more_wanted = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[GuestRow] = []
        self._cells: list[_Cells] = []
        self._has_more = False
        self._asked_more = False
        self._grey = QBrush(Qt.GlobalColor.gray)
        self._category_brushes = {code: QBrush(colour)
                                  for code, colour in labels.CATEGORY_COLOURS.items()}

    # Filling --------------------------------------------------------------------------------

    def set_rows(self, rows: list[GuestRow], *, has_more: bool = False) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [self._cells_of(row) for row in self._rows]
        self._has_more = has_more
        self._asked_more = False
        self.endResetModel()

    def append_rows(self, rows: list[GuestRow], *, has_more: bool) -> None:
        self._asked_more = False
        self._has_more = has_more
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._cells.extend(self._cells_of(row) for row in rows)
        self.endInsertRows()

    def replace_row(self, row: GuestRow) -> None:
        """Show a guest's new state (after an action) wherever the guest is listed."""
        for position, shown in enumerate(self._rows):
            if shown.uid == row.uid:
                self._rows[position] = row
                self._cells[position] = self._cells_of(row)
                self.dataChanged.emit(self.index(position, 0),
                                      self.index(position, _COLUMNS - 1))

    @property
    def has_more(self) -> bool:
        """More rows would come on scrolling to the end."""
        return self._has_more

    def row_at(self, position: int) -> GuestRow:
        return self._rows[position]

    def position_of(self, uid: str) -> int | None:
        for position, row in enumerate(self._rows):
            if row.uid == uid:
                return position
        return None

    def _cells_of(self, row: GuestRow) -> _Cells:
        texts = tuple(self._text(row, column) for column in Column)
        other = self._grey if row.is_cancelled else None
        brushes = tuple(self._category_brushes.get(row.category) if column is Column.CATEGORY
                        else other for column in Column)
        return _Cells(texts, brushes)

    # The model interface --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._has_more and not self._asked_more

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent) and self._rows:
            self._asked_more = True
            self.more_wanted.emit(self._rows[-1].number)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        position = index.row()
        if position < 0 or position >= len(self._cells):  # an invalid index has row -1
            return None
        if role == _DISPLAY:
            return self._cells[position].texts[index.column()]
        if role == _FOREGROUND:
            return self._cells[position].brushes[index.column()]
        if role == _ALIGNMENT:
            return _NUMBER_ALIGNMENT if index.column() == Column.NUMBER else None
        if role == _TOOLTIP and index.column() in (Column.NAME, Column.COMPANY):
            return self._rows[position].email
        if role == _USER:
            return self._rows[position].uid
        return None

    def _text(self, row: GuestRow, column: Column) -> str:
        if column is Column.NUMBER:
            return str(row.number)
        if column is Column.NAME:
            return row.name
        if column is Column.NAME_LATIN:
            return row.name_latin or ""
        if column is Column.COMPANY:
            return row.company or ""
        if column is Column.CATEGORY:
            return labels.category(row.category)
        if row.is_cancelled:
            return self.tr("Cancelled")
        return self.tr("Checked in") if row.is_checked_in else self.tr("Not yet")

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.NUMBER: self.tr("No."),
            Column.NAME: self.tr("Name"),
            Column.NAME_LATIN: self.tr("Latin name"),
            Column.COMPANY: self.tr("Company"),
            Column.CATEGORY: self.tr("Category"),
            Column.STATUS: self.tr("Status"),
        }[Column(section)]

    def retranslate(self) -> None:
        """Category and state words are worked out per row: again, in the new language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _COLUMNS - 1)
        self._cells = [self._cells_of(row) for row in self._rows]
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, _COLUMNS - 1))


class GuestSearch(QObject):
    """Runs the core's search for the text typed, on a worker, and fills the model.

    Signals:
        results_shown(str, int): the query whose results the model now holds, and how many.
        more_shown(str, int): a further page of that query's results was added; how many now.
        failed(str): a search could not run (the message for the status bar).
    """

    results_shown = Signal(str, int)
    more_shown = Signal(str, int)
    failed = Signal(str)

    def __init__(self, desk: Desk, tasks: Tasks, model: GuestTableModel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.model = model
        self.query = ""
        self._running: str | None = None
        self._waiting: str | None = None
        self.last_seconds = 0.0
        self._pinned = False
        model.more_wanted.connect(self._load_more)

    @property
    def is_idle(self) -> bool:
        return self._running is None and self._waiting is None

    @Slot(str)
    def search(self, text: str) -> None:
        """Show the guests matching text (the whole list, by number, when it is empty)."""
        self.query = text.strip()
        self._pinned = False
        if self._running is not None:
            self._waiting = self.query
            return
        self._start(self.query)

    def _start(self, query: str) -> None:
        self._running = query
        started = time.perf_counter()
        if query:
            self.tasks.run(self.desk.search, query, SEARCH_PAGE,
                           on_done=lambda rows: self._shown(query, rows, len(rows) == SEARCH_PAGE,
                                                            started),
                           on_error=self._failed, owner=self)
        else:
            self.tasks.run(self.desk.browse, 0, PAGE,
                           on_done=lambda rows: self._shown(query, rows, len(rows) == PAGE,
                                                            started),
                           on_error=self._failed, owner=self)

    def _shown(self, query: str, rows: list[GuestRow], has_more: bool, started: float) -> None:
        self._running = None
        waiting, self._waiting = self._waiting, None
        if waiting is not None and waiting != query:
            self._start(waiting)  # the text moved on while this ran: its results are stale
            return
        if self._pinned:
            return  # the table shows something else now (a scanned guest) until the next text
        self.last_seconds = time.perf_counter() - started
        self.model.set_rows(rows, has_more=has_more)
        self.results_shown.emit(query, len(rows))

    def _failed(self, error: BaseException) -> None:
        self._running = None
        waiting, self._waiting = self._waiting, None
        self.failed.emit(describe_error(error))
        if waiting is not None:
            self._start(waiting)

    def pin(self) -> None:
        """Keep what the table shows now (a scanned guest): results of searches already asked
        are dropped; the next text typed searches again."""
        self._pinned = True
        self._waiting = None

    @Slot(int)
    def _load_more(self, after_number: int) -> None:
        query = self.query
        if query:
            # The ranking is the core's, so the next page is the first ones again and more.
            shown = self.model.rowCount()
            wanted = min(shown + SEARCH_PAGE, MAX_LIMIT)
            self.tasks.run(
                self.desk.search, query, wanted,
                on_done=lambda rows: self._more_found(query, rows[shown:], len(rows) == wanted
                                                      and wanted < MAX_LIMIT),
                on_error=self._failed, owner=self,
                is_wanted=lambda: self.query == query and self.model.rowCount() == shown,
            )
            return
        self.tasks.run(
            self.desk.browse, after_number, PAGE,
            on_done=lambda rows: self.model.append_rows(rows, has_more=len(rows) == PAGE),
            on_error=self._failed, owner=self,
            is_wanted=lambda: self.query == query,
        )

    def _more_found(self, query: str, rows: list[GuestRow], has_more: bool) -> None:
        self.model.append_rows(rows, has_more=has_more)
        self.more_shown.emit(query, self.model.rowCount())
