"""The desk's status bar: printer state, print jobs waiting, last sync and the outbox, in words and
icons. Counted by ``Desk.status`` on a worker every ``REFRESH_MS`` and after every desk action.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QStyle, QWidget

from kiosk.desk import Desk, DeskStatus
from ui.desk import labels
from ui.desk.actions import describe_error
from ui.tasks import Tasks

REFRESH_MS = 3_000
STALE_SYNC = dt.timedelta(minutes=10)


class _Item(QWidget):
    """An icon and a text, side by side."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setObjectName(f"{name}Text")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)

    def show_state(self, text: str, icon: QStyle.StandardPixmap, *, is_problem: bool) -> None:
        self.icon.setPixmap(self.style().standardIcon(icon).pixmap(16, 16))
        self.text.setText(text)
        self.text.setStyleSheet("color: #b71c1c; font-weight: bold;" if is_problem else "")
        self.setProperty("problem", is_problem)


class DeskStatusBar(QStatusBar):
    """Signals: refreshed(object): the DeskStatus now on show."""

    refreshed = Signal(object)

    def __init__(self, desk: Desk, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.status: DeskStatus | None = None
        self._running = False
        self.timezone = desk.event().timezone
        self.printer = _Item("printerStatus")
        self.jobs = _Item("jobsStatus")
        self.sync = _Item("syncStatus")
        self.outbox = _Item("outboxStatus")
        for item in (self.printer, self.jobs, self.sync, self.outbox):
            self.addPermanentWidget(item)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    @Slot()
    def refresh(self) -> None:
        if self._running:
            return
        self._running = True
        self.tasks.run(self.desk.status, on_done=self._show, on_error=self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self.showMessage(describe_error(error), 10_000)

    def _show(self, status: DeskStatus) -> None:
        self._running = False
        self.status = status
        self._draw()
        self.refreshed.emit(status)

    def _draw(self) -> None:
        status = self.status
        if status is None:
            return
        pixmaps = QStyle.StandardPixmap
        if status.printer is None:
            self.printer.show_state(self.tr("No printer chosen"), pixmaps.SP_MessageBoxWarning,
                                    is_problem=True)
        elif status.printer_problem:
            self.printer.show_state(
                self.tr("Printer %1: %2").replace("%1", status.printer).replace(
                    "%2", labels.printer_problem(status.printer_problem,
                                                 status.printer_message)),
                pixmaps.SP_MessageBoxCritical, is_problem=True)
        else:
            self.printer.show_state(self.tr("Printer %1: ready").replace("%1", status.printer),
                                    pixmaps.SP_DialogApplyButton, is_problem=False)

        waiting, held = status.pending_print_jobs, status.held_print_jobs
        if held:
            self.jobs.show_state(
                self.tr("%1 print jobs waiting, %2 held").replace("%1", str(waiting))
                .replace("%2", str(held)), pixmaps.SP_MessageBoxWarning, is_problem=True)
        else:
            self.jobs.show_state(self.tr("%1 print jobs waiting").replace("%1", str(waiting)),
                                 pixmaps.SP_FileIcon, is_problem=False)

        if status.server_url is None:
            self.sync.show_state(self.tr("Not connected to a server"), pixmaps.SP_BrowserStop,
                                 is_problem=False)
        elif status.last_sync_at is None:
            self.sync.show_state(self.tr("Never synced"), pixmaps.SP_BrowserStop,
                                 is_problem=True)
        else:
            stale = dt.datetime.now(dt.UTC) - status.last_sync_at > STALE_SYNC
            self.sync.show_state(
                self.tr("Last sync %1").replace(
                    "%1", labels.local_time(status.last_sync_at, self.timezone)),
                pixmaps.SP_BrowserReload, is_problem=stale)
        outbox = self.tr("%1 changes not yet sent").replace("%1", str(status.pending_outbox))
        if status.stuck_outbox:
            outbox += self.tr(", %1 refused by the server").replace(
                "%1", str(status.stuck_outbox))
        if status.conflicts:
            outbox += self.tr(", %1 double check-ins to check").replace(
                "%1", str(status.conflicts))
        self.outbox.show_state(
            outbox,
            pixmaps.SP_MessageBoxWarning if status.stuck_outbox or status.conflicts
            else pixmaps.SP_ArrowUp if status.pending_outbox else pixmaps.SP_DialogApplyButton,
            is_problem=bool(status.stuck_outbox or status.conflicts))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._draw()
        super().changeEvent(event)
