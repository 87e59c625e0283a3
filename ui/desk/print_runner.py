"""Moves the desk's print jobs along: sends new badges, follows them, retries held ones.

One pass of ``Desk.process_print_jobs`` runs on a worker every ``INTERVAL_MS`` and at once after
a badge is asked for; a pass asked while one runs is folded into the next, so a slow print
system never piles passes up, and printing never waits on (or holds up) a database write.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.badges.queue import JobInfo
from kiosk.desk import Desk
from kiosk.errors import KioskError
from ui.tasks import Tasks

log = logging.getLogger("ui.desk.print")

INTERVAL_MS = 5_000


class PrintRunner(QObject):
    """Signals: processed(object): the jobs of the pass just made (a list of JobInfo)."""

    processed = Signal(object)

    def __init__(self, desk: Desk, tasks: Tasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self._running = False
        self._again = False
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.kick)

    def start(self) -> None:
        self.timer.start()

    @Slot()
    def kick(self) -> None:
        """Make a pass now (or right after the one running)."""
        if self.desk.printer is None:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self.tasks.run(self.desk.process_print_jobs, on_done=self._done, on_error=self._failed,
                       owner=self)

    def _done(self, jobs: list[JobInfo]) -> None:
        self._finish()
        if jobs:
            self.processed.emit(jobs)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, KioskError):
            log.warning("print queue pass: %s", error.full_message())
        self._finish()

    def _finish(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.kick()
