"""The print queue: badge jobs stored in the database, so they survive a restart.

    queued ──> printing ──> done            (a BadgePrint row and its outbox item, one commit)
       │  ^        │
       v  │        └────> failed            (the print system aborted or cancelled it)
      held          (printer off, paused, out of paper, missing: the reason is kept)

``enqueue`` renders the badge to a PDF in the spool folder and stores the job. ``process`` makes
one pass over the open jobs: a job is sent to its printer once (the state is set to printing
and committed before the print system is called, and the job's title is its uid, so after a
crash the job is looked up, not sent again), then followed until the print system says it is
done. A printer that cannot print holds the job with the reason; the next pass tries again.

Every print is recorded with who, when, where and why; a guest whose badge was printed before
needs a reprint reason (lost, damaged, name corrected, other with a note).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kiosk import events
from kiosk.badges.printers import JobState, PrinterStatus, canonical, describe, resolve
from kiosk.badges.render import badge_data, render_badges
from kiosk.badges.templates import find_template
from kiosk.db import Database
from kiosk.domain import OutboxKind, PrintJobState, PrintReason
from kiosk.errors import ConflictError, KioskError, NotFoundError, PrintError, UsageError
from kiosk.models import AuditEntry, BadgePrint, Guest, OutboxItem, PrintJob, new_uid, utc_now

log = logging.getLogger("kiosk.print")

OPEN_STATES = (PrintJobState.QUEUED.value, PrintJobState.HELD.value,
               PrintJobState.PRINTING.value)
MAX_ATTEMPTS = 5  # sending a job; a held printer does not count as an attempt
# A job marked printing but with no print-system reference after this long was interrupted
# (the process died between marking it and storing the reference): look it up, then resend.
INTERRUPTED_AFTER = dt.timedelta(seconds=60)

Clock = Callable[[], dt.datetime]


@dataclass(frozen=True, slots=True)
class JobInfo:
    """A print job as the UI and the commands show it."""

    uid: str
    guest_number: int | None
    guest_name: str | None
    printer: str
    template: str
    state: PrintJobState
    state_reason: str | None
    print_reason: PrintReason
    attempts: int
    operator: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    pdf_path: str

    def to_dict(self) -> dict[str, object]:
        return {
            "uid": self.uid, "guest_number": self.guest_number, "guest_name": self.guest_name,
            "printer": self.printer, "template": self.template, "state": self.state.value,
            "state_reason": self.state_reason, "print_reason": self.print_reason.value,
            "attempts": self.attempts, "operator": self.operator,
            "created_at": self.created_at.isoformat(), "updated_at": self.updated_at.isoformat(),
        }


def _info(session: Session, job: PrintJob) -> JobInfo:
    guest = session.get(Guest, job.guest_id) if job.guest_id is not None else None
    return JobInfo(
        uid=job.uid, guest_number=guest.number if guest else None,
        guest_name=guest.name if guest else None, printer=job.printer, template=job.template,
        state=PrintJobState(job.state), state_reason=job.state_reason,
        print_reason=PrintReason(job.print_reason), attempts=job.attempts,
        operator=job.operator, created_at=job.created_at, updated_at=job.updated_at,
        pdf_path=job.pdf_path,
    )


def job_title(job_uid: str) -> str:
    """The title the print system sees: unique per job, so a job can be found again."""
    return f"kiosk-badge-{job_uid}"


class PrintQueue:
    """Badge print jobs of one local database. Safe to use from a worker thread."""

    def __init__(self, database: Database, spool_dir: Path, *, clock: Clock = utc_now) -> None:
        self.database = database
        self.spool_dir = spool_dir
        self.clock = clock

    # -- asking for a badge -------------------------------------------------------------

    def enqueue(
        self, guest_ref: str, *, printer: str, template: str = "badge-4x3",
        reason: PrintReason | None = None, operator: str | None = None,
        note: str | None = None,
    ) -> JobInfo:
        """Render the guest's badge and queue it; refuses a silent reprint or a duplicate."""
        printer = canonical(printer)
        chosen = find_template(template)
        if reason is PrintReason.OTHER and not (note and note.strip()):
            raise UsageError("a reprint for another reason needs a note saying why",
                             hint="add --note TEXT")
        with self.database.session() as session:
            event = events.current_event(session)
            guest = events.find_guest(session, event, guest_ref)
            reason = self._check_may_print(session, guest, reason)
            data = badge_data(event, guest)
            guest_id, number = guest.id, guest.number
            device_uid = events.this_device(session).uid
        job_uid = new_uid()
        rendered = render_badges(chosen, [data], title=f"Badge {number}")
        self.spool_dir.mkdir(parents=True, exist_ok=True)
        pdf_path = self.spool_dir / f"{job_uid}.pdf"
        _write_durably(pdf_path, rendered.pdf)
        now = self.clock()
        with self.database.session() as session:
            still_there = session.get(Guest, guest_id)
            if still_there is None:
                raise NotFoundError(f"guest #{number} was removed while the badge was drawn")
            self._check_no_open_job(session, still_there)
            job = PrintJob(
                uid=job_uid, guest_id=guest_id, title=job_title(job_uid), printer=printer,
                backend=printer.partition(":")[0], template=chosen.key, pdf_path=str(pdf_path),
                state=PrintJobState.QUEUED.value, print_reason=reason.value,
                operator=operator, note=note, device_uid=device_uid,
                created_at=now, updated_at=now,
            )
            session.add(job)
            session.flush()
            log.info("badge of guest #%s queued for %s (%s)", number, printer, reason.value)
            return _info(session, job)

    def _check_no_open_job(self, session: Session, guest: Guest) -> None:
        waiting = session.scalar(select(PrintJob).where(
            PrintJob.guest_id == guest.id, PrintJob.state.in_(OPEN_STATES)))
        if waiting is not None:
            why = f" ({waiting.state_reason})" if waiting.state_reason else ""
            raise ConflictError(
                f"guest #{guest.number}'s badge is already {waiting.state} on "
                f"{waiting.printer}{why}",
                hint=f"wait for job {waiting.uid[:8]}, or cancel it with "
                     f"'kiosk print-queue --cancel {waiting.uid[:8]}'")

    def _check_may_print(self, session: Session, guest: Guest,
                         reason: PrintReason | None) -> PrintReason:
        if guest.is_cancelled:
            raise ConflictError(f"guest #{guest.number}'s registration is cancelled",
                                hint="no badge is printed for a cancelled registration")
        self._check_no_open_job(session, guest)
        last = session.scalar(select(BadgePrint).where(BadgePrint.guest_id == guest.id)
                              .order_by(BadgePrint.printed_at.desc()).limit(1))
        if last is None:
            return reason or PrintReason.FIRST
        if reason in (None, PrintReason.FIRST):
            raise ConflictError(
                f"guest #{guest.number}'s badge was already printed "
                f"({last.printed_at:%Y-%m-%d %H:%M} UTC on {last.printer or 'a printer'}); "
                "a reprint needs a reason",
                hint="give --reason lost, damaged, name_corrected or other (with --note)")
        assert reason is not None
        return reason

    # -- moving jobs along --------------------------------------------------------------

    def process(self, only: str | None = None) -> list[JobInfo]:
        """One pass over the open jobs (or one job): send, follow, hold or finish each."""
        with self.database.session() as session:
            query = select(PrintJob.uid).where(PrintJob.state.in_(OPEN_STATES))
            if only is not None:
                query = query.where(PrintJob.uid == only)
            uids = list(session.scalars(query.order_by(PrintJob.id)))
        statuses: dict[str, PrinterStatus] = {}
        return [self._advance(uid, statuses) for uid in uids]

    def _printer_status(self, printer: str, statuses: dict[str, PrinterStatus]) -> PrinterStatus:
        if printer not in statuses:
            backend, name = resolve(printer)
            statuses[printer] = backend.status(name)
        return statuses[printer]

    def _advance(self, uid: str, statuses: dict[str, PrinterStatus]) -> JobInfo:
        with self.database.session() as session:
            job = _job(session, uid)
            backend, name = resolve(job.printer)
            ref, state, updated = job.backend_job_ref, job.state, job.updated_at
            title, pdf_path, attempts = job.title, Path(job.pdf_path), job.attempts
        now = self.clock()
        if ref is None and state == PrintJobState.PRINTING.value:
            if now - updated < INTERRUPTED_AFTER:
                return self.info(uid)  # another worker is sending it right now
            ref = backend.find(name, title)
            if ref is not None:
                self._set(uid, ref=ref)
            else:
                self._set(uid, state=PrintJobState.QUEUED, reason=None)
        if ref is None:
            status = self._printer_status(f"{backend.kind}:{name}", statuses)
            if not status.accepts_jobs:
                return self._set(uid, state=PrintJobState.HELD, reason=describe(status))
            if not self._claim(uid, now):
                return self.info(uid)
            try:
                ref = backend.submit(name, pdf_path, title)
            except KioskError as error:
                statuses.pop(f"{backend.kind}:{name}", None)
                final = attempts + 1 >= MAX_ATTEMPTS
                return self._set(
                    uid, state=PrintJobState.FAILED if final else PrintJobState.HELD,
                    reason=error.message)
            self._set(uid, ref=ref, reason=None)
            log.info("job %s sent to %s as %s", uid, name, ref)
        try:
            job_status = backend.job_status(name, ref)
        except PrintError as error:
            return self._set(uid, state=PrintJobState.HELD, reason=error.message)
        if job_status.state is JobState.DONE:
            return self._complete(uid)
        if job_status.state is JobState.FAILED:
            return self._set(uid, state=PrintJobState.FAILED, reason=job_status.reason)
        status = self._printer_status(f"{backend.kind}:{name}", statuses)
        if not status.is_ready or job_status.state is JobState.HELD:
            return self._set(uid, state=PrintJobState.HELD,
                             reason=describe(status) if not status.is_ready else
                             (job_status.reason or "held by the print system"))
        return self._set(uid, state=PrintJobState.PRINTING, reason=None)

    def _claim(self, uid: str, now: dt.datetime) -> bool:
        """Mark the job printing, committed, before it is sent; False if another worker did."""
        with self.database.session() as session:
            result = session.execute(
                update(PrintJob)
                .where(PrintJob.uid == uid, PrintJob.backend_job_ref.is_(None),
                       PrintJob.state.in_((PrintJobState.QUEUED.value,
                                           PrintJobState.HELD.value)))
                .values(state=PrintJobState.PRINTING.value, attempts=PrintJob.attempts + 1,
                        updated_at=now, state_reason=None)
            )
            return bool(result.rowcount)  # type: ignore[attr-defined]

    def _set(self, uid: str, *, state: PrintJobState | None = None, reason: str | None = None,
             ref: str | None = None) -> JobInfo:
        with self.database.session() as session:
            job = _job(session, uid)
            changed = False
            if state is not None and job.state != state.value:
                log.info("job %s: %s -> %s%s", uid, job.state, state.value,
                         f" ({reason})" if reason else "")
                job.state, changed = state.value, True
            if job.state_reason != reason:
                job.state_reason, changed = reason, True
            if ref is not None:
                job.backend_job_ref, changed = ref, True
            if changed:
                job.updated_at = self.clock()
            session.flush()
            return _info(session, job)

    def _complete(self, uid: str) -> JobInfo:
        """Done: the job, the badge record and its outbox item in one transaction."""
        now = self.clock()
        with self.database.session() as session:
            job = _job(session, uid)
            if job.state == PrintJobState.DONE.value:
                return _info(session, job)
            job.state, job.state_reason, job.updated_at = PrintJobState.DONE.value, None, now
            guest = session.get(Guest, job.guest_id) if job.guest_id is not None else None
            if guest is not None:
                record = BadgePrint(
                    guest_id=guest.id, device_uid=job.device_uid or events.this_device(
                        session).uid,
                    printed_at=now, reason=job.print_reason, note=job.note,
                    operator=job.operator, template=job.template, printer=job.printer,
                    print_job_id=job.id,
                )
                session.add(record)
                session.flush()
                session.add(OutboxItem(
                    item_uid=record.id, kind=OutboxKind.BADGE_PRINT.value, created_at=now,
                    payload={
                        "id": record.id, "guest_uid": guest.uid, "device_uid": record.device_uid,
                        "printed_at": now.isoformat(), "reason": record.reason,
                        "note": record.note, "operator": record.operator,
                        "template": record.template, "printer": record.printer,
                        "job_uid": job.uid,
                    },
                ))
                if job.print_reason != PrintReason.FIRST.value:
                    session.add(AuditEntry(
                        at=now, event_id=guest.event_id, guest_id=guest.id, actor=job.operator,
                        action="badge_reprinted",
                        details={"reason": job.print_reason, "note": job.note,
                                 "printer": job.printer, "job": job.uid},
                    ))
            log.info("job %s printed on %s", uid, job.printer)
            return _info(session, job)

    # -- staff actions and views ----------------------------------------------------------

    def retry(self, uid: str) -> JobInfo:
        """Put a failed job back in the queue (it is sent again: staff saw it did not print)."""
        with self.database.session() as session:
            job = _job(session, uid)
            if job.state != PrintJobState.FAILED.value:
                raise ConflictError(f"job {job.uid[:8]} is {job.state}, not failed",
                                    hint="only a failed job can be retried")
            guest = session.get(Guest, job.guest_id) if job.guest_id is not None else None
            if guest is not None:
                self._check_no_open_job(session, guest)
            job.state, job.state_reason = PrintJobState.QUEUED.value, None
            job.backend_job_ref, job.attempts, job.updated_at = None, 0, self.clock()
            session.flush()
            return _info(session, job)

    def cancel(self, uid: str) -> JobInfo:
        with self.database.session() as session:
            job = _job(session, uid)
            if job.state not in (PrintJobState.QUEUED.value, PrintJobState.HELD.value,
                                 PrintJobState.FAILED.value) or job.backend_job_ref:
                raise ConflictError(
                    f"job {job.uid[:8]} is {job.state} and already with the print system",
                    hint="cancel it on the printer (or with CUPS' 'cancel' command)")
            job.state, job.updated_at = PrintJobState.CANCELLED.value, self.clock()
            session.flush()
            return _info(session, job)

    def info(self, uid: str) -> JobInfo:
        with self.database.session() as session:
            return _info(session, _job(session, uid))

    def jobs(self, *, open_only: bool = False, limit: int = 100) -> list[JobInfo]:
        with self.database.session() as session:
            query = select(PrintJob).order_by(PrintJob.id.desc()).limit(limit)
            if open_only:
                query = query.where(PrintJob.state.in_(OPEN_STATES))
            return [_info(session, job) for job in session.scalars(query)]


def _job(session: Session, uid: str) -> PrintJob:
    """A job by uid or by the first characters of it (as the commands show it)."""
    job = session.scalar(select(PrintJob).where(PrintJob.uid == uid))
    if job is None and 4 <= len(uid) < 36:
        found = list(session.scalars(select(PrintJob).where(PrintJob.uid.startswith(uid))
                                     .limit(2)))
        if len(found) == 1:
            job = found[0]
    if job is None:
        raise NotFoundError(f"no print job {uid!r}", hint="see 'kiosk print-queue'")
    return job


def _write_durably(path: Path, data: bytes) -> None:
    partial = path.with_suffix(".part")
    try:
        with open(partial, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)
    except OSError as error:
        raise PrintError(f"cannot store the badge PDF: {error.strerror or error}",
                         where=str(path)) from error
