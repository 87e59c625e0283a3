"""The first badge of a guest just admitted: queued, printed and watched off the GUI thread.

``BadgePrinting.print_first_badge(verdict)`` renders the badge into the durable print queue
(kiosk.badges), hands it to the printer and follows the job's state until it is printed or the
printer reports a problem, all on a "print" lane of its own (ui.tasks), so that scans on the
database writer never wait behind a printer. Every step is announced with
``progress(BadgeProgress)``; the kiosk window shows it under the verdict. A problem never undoes
the check-in: the job stays in the queue for staff, who see it at the desk.

Signals:
    progress(object): a BadgeProgress for the scan whose badge it is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.checkin import Verdict
from kiosk.db import Database
from kiosk.errors import KioskError
from ui.tasks import Tasks

log = logging.getLogger("ui.badges")

LANE = "print"  # one job at a time, never behind the scans on the writer thread
POLL_MS = 400
GIVE_UP_MS = 60_000
HELD_POLL_MS = 5_000  # a held job is followed this often until it prints (the printer is back)
HELD_FOR_MS = 3_600_000  # ...for at most an hour; after that the desk's print queue has it


class BadgeStage(StrEnum):
    QUEUED = "queued"
    PRINTING = "printing"
    DONE = "done"
    PROBLEM = "problem"  # the printer is off, out of paper, missing...: staff are told
    UNAVAILABLE = "unavailable"  # no badge printing on this kiosk


@dataclass(frozen=True, slots=True)
class BadgeProgress:
    scan_id: str
    stage: BadgeStage
    reason: str | None = None  # the print system's words, for staff (logged, shown at the desk)


class BadgeService(Protocol):
    """What the window needs of the print queue; every method runs on a worker thread."""

    def enqueue_first_badge(self, guest_uid: str) -> str:
        """Queue the guest's first badge durably; the job's id."""

    def send(self, job_id: str) -> None:
        """Render the badge and hand it to the printer (raises PrintError on a refusal)."""

    def stage(self, job_id: str) -> tuple[BadgeStage, str | None]:
        """Where the job is now, and the printer's reason when it is held or failed."""


def default_service(database: Database, printer: str | None = None) -> BadgeService | None:
    """The kiosk.badges print queue for this database, or None where it is not set up."""
    from ui.badge_service import QueueBadgeService

    try:
        return QueueBadgeService(database, printer)
    except KioskError as error:
        log.warning("badge printing is not set up: %s", error.full_message())
        return None


class _NoPrinting(Exception):
    """No badge printing at this kiosk (found out once the service was built)."""


class BadgePrinting(QObject):
    """Prints first badges through the queue and reports progress (see the module docstring).

    Signals:
        progress(object): a BadgeProgress.
    """

    progress = Signal(object)

    def __init__(
        self, tasks: Tasks, database: Database, parent: QObject | None = None, *,
        service: BadgeService | None = None, use_default: bool = True,
        printer: str | None = None, held_poll_ms: int = HELD_POLL_MS,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.service = service
        # The default service (the print queue, the badge renderer and its fonts) is built on
        # the print lane by prepare(), once the kiosk can scan, not on the way to it.
        self._factory: Callable[[], BadgeService | None] | None = (
            partial(default_service, database, printer)
            if service is None and use_default else None)
        self._built: BadgeService | None = None
        self._preparing = False
        self._watching: dict[str, tuple[str, int]] = {}  # job -> (scan id, ms watched)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        # Jobs whose printer had a problem: (scan id, ms followed, last reason), until printed.
        self._held: dict[str, tuple[str, int, str | None]] = {}
        self._held_timer = QTimer(self)
        self._held_timer.setInterval(held_poll_ms)
        self._held_timer.timeout.connect(self._poll_held)

    def prepare(self) -> None:
        """Build the default print service on the print lane (its imports and fonts there)."""
        factory, self._factory = self._factory, None
        if factory is None:
            return
        self._preparing = True
        self.tasks.in_lane(LANE, self._build, factory, on_done=self._prepared,
                           on_error=self._prepared, owner=self)

    def _build(self, factory: Callable[[], BadgeService | None]) -> BadgeService | None:
        self._built = factory()  # on the print lane, so a print queued after it finds it
        warm_up = getattr(self._built, "warm_up", None)
        if warm_up is not None:
            warm_up()  # the badge fonts, before the first guest needs them
        return self._built

    def _prepared(self, _result: object) -> None:
        self._preparing = False

    def _service(self) -> BadgeService | None:
        return self.service if self.service is not None else self._built

    @property
    def available(self) -> bool | None:
        """Whether this kiosk prints badges; None while that is still being found out."""
        if self._service() is not None:
            return True
        return None if self._factory is not None or self._preparing else False

    def print_first_badge(self, verdict: Verdict) -> None:
        scan_id = verdict.scan_id
        guest_uid = verdict.guest.uid if verdict.guest is not None else None
        if guest_uid is None or self.available is False:
            self.progress.emit(BadgeProgress(scan_id, BadgeStage.UNAVAILABLE))
            return
        self.prepare()  # a scan before the service was built: build it first, on the lane
        self.progress.emit(BadgeProgress(scan_id, BadgeStage.QUEUED))
        self.tasks.in_lane(
            LANE, self._enqueue, guest_uid,
            on_done=lambda job_id: self._send(scan_id, job_id),
            on_error=lambda error: self._problem(scan_id, error), owner=self,
        )

    def _enqueue(self, guest_uid: str) -> str:
        service = self._service()
        if service is None:
            raise _NoPrinting
        return service.enqueue_first_badge(guest_uid)

    def _send(self, scan_id: str, job_id: str) -> None:
        service = self._service()
        assert service is not None
        self.progress.emit(BadgeProgress(scan_id, BadgeStage.PRINTING))
        self.tasks.in_lane(
            LANE, service.send, job_id, on_done=lambda _: self._watch(scan_id, job_id),
            on_error=lambda error: self._problem(scan_id, error), owner=self,
        )

    def _watch(self, scan_id: str, job_id: str) -> None:
        self._watching[job_id] = (scan_id, 0)
        self._poll_one(job_id)
        self._timer.start()

    def _poll(self) -> None:
        for job_id in list(self._watching):
            self._poll_one(job_id)
        if not self._watching:
            self._timer.stop()

    def _poll_one(self, job_id: str) -> None:
        service = self._service()
        assert service is not None
        scan_id, watched = self._watching[job_id]
        self._watching[job_id] = (scan_id, watched + POLL_MS)
        self.tasks.in_lane(
            LANE, service.stage, job_id,
            on_done=lambda state: self._on_stage(job_id, state),
            on_error=lambda error: self._problem(scan_id, error, job_id), owner=self,
        )

    def _on_stage(self, job_id: str, state: tuple[BadgeStage, str | None]) -> None:
        if job_id not in self._watching:
            return
        scan_id, watched = self._watching[job_id]
        stage, reason = state
        if stage in (BadgeStage.DONE, BadgeStage.PROBLEM) or watched >= GIVE_UP_MS:
            del self._watching[job_id]
            if stage not in (BadgeStage.DONE, BadgeStage.PROBLEM):
                stage, reason = BadgeStage.PROBLEM, "the printer did not finish in time"
            if stage is BadgeStage.PROBLEM:
                log.warning("badge job %s: printer problem: %s", job_id, reason)
                self._follow_held(job_id, scan_id, reason)
        self.progress.emit(BadgeProgress(scan_id, stage, reason))

    def _follow_held(self, job_id: str, scan_id: str, reason: str | None) -> None:
        """Keep asking after a held job: the queue sends it when the printer is back, and the
        DONE that follows tells the window the printer works again."""
        self._held[job_id] = (scan_id, 0, reason)
        self._held_timer.start()

    def _poll_held(self) -> None:
        service = self._service()
        assert service is not None
        for job_id, (scan_id, followed, reason) in list(self._held.items()):
            if followed >= HELD_FOR_MS:
                del self._held[job_id]
                continue
            self._held[job_id] = (scan_id, followed + self._held_timer.interval(), reason)
            self.tasks.in_lane(
                LANE, service.stage, job_id,
                on_done=partial(self._on_held_stage, job_id),
                on_error=partial(self._held_error, job_id), owner=self,
            )
        if not self._held:
            self._held_timer.stop()

    def stop(self) -> None:
        """Stop following jobs (the window is closing); the queue keeps them for the desk."""
        self._timer.stop()
        self._held_timer.stop()
        self._watching.clear()
        self._held.clear()

    def _held_error(self, job_id: str, error: BaseException) -> None:
        log.warning("held badge job %s: %s", job_id, error)

    def _on_held_stage(self, job_id: str, state: tuple[BadgeStage, str | None]) -> None:
        if job_id not in self._held:
            return
        scan_id, followed, last_reason = self._held[job_id]
        stage, reason = state
        if stage is BadgeStage.DONE:
            del self._held[job_id]
            log.info("held badge job %s printed", job_id)
            self.progress.emit(BadgeProgress(scan_id, stage))
        elif stage is BadgeStage.PROBLEM and reason != last_reason:
            self._held[job_id] = (scan_id, followed, reason)
            self.progress.emit(BadgeProgress(scan_id, stage, reason))

    def _problem(self, scan_id: str, error: BaseException, job_id: str | None = None) -> None:
        if job_id is not None:
            self._watching.pop(job_id, None)
        if isinstance(error, _NoPrinting):
            self.progress.emit(BadgeProgress(scan_id, BadgeStage.UNAVAILABLE))
            return
        reason = error.full_message() if isinstance(error, KioskError) else repr(error)
        log.warning("badge for scan %s: %s", scan_id, reason)
        self.progress.emit(BadgeProgress(scan_id, BadgeStage.PROBLEM, reason))
