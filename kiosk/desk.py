"""What the help desk does to a guest: correct, annotate, register a walk-in, re-issue, check in.

Each change is one transaction that also writes who did it (an ``AuditEntry``) and what the server
must learn (an ``OutboxItem``), so nothing is changed without being recorded and queued. Check-ins
and undos go through the check-in engine (``kiosk.checkin``), re-issues through
``kiosk.credentials``; this module adds the desk's own changes and the views the desk reads
(``guest_detail``, ``desk_status``).

``Desk`` binds the operations to a database, a checkpoint, the staff member and a clock, opening a
session per call (one per thread), the way ``kiosk.checkin.Gate`` does for scanning.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, null, select
from sqlalchemy.orm import Session

from kiosk import events, exporter, importer
from kiosk.badges.preview import preview_png
from kiosk.badges.printers import PrinterProblem, available_printers, describe, resolve
from kiosk.badges.queue import JobInfo, PrintQueue
from kiosk.badges.render import BadgeData, badge_data, render_badges
from kiosk.badges.render import event_dates as render_event_dates
from kiosk.badges.templates import find_template, template_names
from kiosk.checkin import Clock, Gate, Verdict
from kiosk.credentials import Reissued, reissue
from kiosk.db import Database
from kiosk.domain import Category, Direction, OutboxKind, PrintJobState, PrintReason
from kiosk.errors import KioskError, NotFoundError, PrintError, SetupError, UsageError
from kiosk.exporter import ExportSummary
from kiosk.importer import ImportReport
from kiosk.models import (
    AuditEntry,
    BadgePrint,
    CheckInUndo,
    Checkpoint,
    Event,
    Guest,
    OutboxItem,
    PrintJob,
    Scan,
    new_uid,
    utc_now,
)
from kiosk.names import normalise_text
from kiosk.pin import PinGuard
from kiosk.reports import ArrivalSummary, arrival_summary
from kiosk.search import reindex_guests, search_guests
from kiosk.sync import state as sync_state
from kiosk.sync.enrolment import Enrolled, enrol

log = logging.getLogger("kiosk.desk")

NOTE_LIMIT = 2000
# Fields staff may correct, with the longest value each column holds.
EDITABLE_FIELDS: dict[str, int] = {
    "name": 300, "name_latin": 300, "company": 300, "country": 100, "email": 320, "phone": 64,
    "title": 200, "category": 32, "language": 16, "days": 0,
}
# A change to one of these alters what the badge shows, so the badge should be printed again.
BADGE_FIELDS = frozenset({"name", "name_latin", "company", "country", "title", "category"})
NAME_FIELDS = frozenset({"name", "name_latin", "company", "country", "title"})
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")
DEFAULT_TEMPLATE = "badge-4x3"
PREVIEW_DPI = 120.0  # a 4 x 3 inch badge is 480 x 360 pixels: sharp at the panel's size


# Validation -----------------------------------------------------------------------------------


def clean_text(value: str, field_name: str, limit: int) -> str:
    """A person's text as stored: trimmed, NFC, one space between words (``kiosk.names``);
    refused with the reason when it hides direction controls or broken characters."""
    return normalise_text(value, field=field_name, limit=limit)


def parse_category(value: str) -> str:
    text = value.strip().lower()
    try:
        return Category(text).value
    except ValueError:
        known = ", ".join(c.value for c in Category)
        raise UsageError(f"unknown category {value!r}", where="category",
                         hint=f"use one of {known}") from None


def parse_days(event: Event, values: Sequence[str] | None) -> list[str] | None:
    """A day pass: ISO dates within the event, or None for every day."""
    if values is None:
        return None
    chosen: set[dt.date] = set()
    for value in values:
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise UsageError(f"{value!r} is not a date", where="days",
                             hint="write it as 2026-12-07") from None
        if day not in event.days():
            raise UsageError(f"{day} is not a day of {event.name} "
                             f"({event.starts_on} to {event.ends_on})", where="days")
        chosen.add(day)
    if not chosen:
        raise UsageError("a day pass needs at least one day", where="days",
                         hint="leave it empty for every day")
    return sorted(d.isoformat() for d in chosen)


def _validated(event: Event, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Every given field checked and cleaned first, so one bad value changes nothing."""
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in EDITABLE_FIELDS:
            raise UsageError(f"{name!r} cannot be changed at the desk",
                             hint=f"fields are: {', '.join(EDITABLE_FIELDS)}")
        if name == "days":
            clean[name] = parse_days(event, value)
            continue
        if value is None or not str(value).strip():
            if name in ("name", "category"):
                raise UsageError(f"a guest's {name} cannot be empty", where=name)
            clean[name] = None
            continue
        text = str(value)
        if name == "category":
            clean[name] = parse_category(text)
        elif name == "email":
            address = text.strip().lower()
            if not _EMAIL.match(address) or len(address) > EDITABLE_FIELDS[name]:
                raise UsageError(f"{text.strip()!r} is not an e-mail address", where="email",
                                 hint="write it as name@example.com")
            clean[name] = address
        elif name == "language":
            code = text.strip()
            if not _LANGUAGE.match(code):
                raise UsageError(f"{code!r} is not a language code", where="language",
                                 hint="write e.g. zh, en, ja")
            clean[name] = code
        else:
            clean[name] = clean_text(text, name, EDITABLE_FIELDS[name])
    return clean


# Records --------------------------------------------------------------------------------------


def guest_record(guest: Guest, event: Event) -> dict[str, Any]:
    """The guest as the server receives it (walk-ins and corrections), JSON-able."""
    return {
        "uid": guest.uid, "event_uid": event.uid, "number": guest.number,
        "credential_serial": guest.credential_serial, "external_code": guest.external_code,
        "name": guest.name, "name_latin": guest.name_latin, "company": guest.company,
        "country": guest.country, "email": guest.email, "phone": guest.phone,
        "title": guest.title, "category": guest.category, "days": guest.days,
        "language": guest.language, "note": guest.note, "is_cancelled": guest.is_cancelled,
        "source": guest.source,
    }


def _record(
    session: Session, event: Event, guest: Guest, actor: str | None, action: str,
    details: dict[str, Any], now: dt.datetime,
) -> None:
    """The audit entry and the outbox item of one desk change, in the caller's transaction."""
    session.add(AuditEntry(at=now, event_id=event.id, guest_id=guest.id, actor=actor,
                           action=action, details=details))
    item_uid = new_uid()
    session.add(OutboxItem(
        item_uid=item_uid, kind=OutboxKind.GUEST.value, created_at=now,
        payload={"id": item_uid, "change": action, "guest_uid": guest.uid, "actor": actor,
                 "at": now.isoformat(), "details": details,
                 "guest": guest_record(guest, event)},
    ))


def _reindex(session: Session, guests: Sequence[Guest]) -> None:
    session.flush()
    reindex_guests(session, [g.id for g in guests])


# Operations on a session ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Correction:
    """What a correction changed, field by field, and whether the badge now shows old text."""

    guest_uid: str
    changed: dict[str, tuple[Any, Any]]  # field: (before, after)

    @property
    def needs_reprint(self) -> bool:
        return bool(BADGE_FIELDS & self.changed.keys())


def correct_guest(
    session: Session, event: Event, guest: Guest, changes: Mapping[str, Any],
    actor: str | None, now: dt.datetime,
) -> Correction:
    """Correct a guest's details; unchanged values are ignored, nothing is recorded for none."""
    clean = _validated(event, changes)
    changed = {
        name: (getattr(guest, name), value) for name, value in clean.items()
        if getattr(guest, name) != value
    }
    if not changed:
        return Correction(guest.uid, {})
    for name, (_before, after) in changed.items():
        # Every day is SQL NULL, as the importer stores it (a bare None would be JSON 'null').
        setattr(guest, name, null() if name == "days" and after is None else after)
    guest.updated_at = now
    session.flush()
    _record(session, event, guest, actor, "guest_corrected",
            {"fields": {name: {"before": b, "after": a} for name, (b, a) in changed.items()}}, now)
    if changed.keys() & (NAME_FIELDS | {"email"}):
        _reindex(session, [guest])
    log.info("guest #%d corrected by %s: %s", guest.number, actor or "unknown",
             ", ".join(changed))
    return Correction(guest.uid, changed)


def add_note(
    session: Session, event: Event, guest: Guest, text: str, actor: str | None,
    now: dt.datetime,
) -> str:
    """Append a note to the guest (who and when stay in the audit trail); the full note."""
    note = text.strip()
    if not note:
        raise UsageError("the note is empty", where="note", hint="write what the desk should know")
    if len(note) > NOTE_LIMIT:
        raise UsageError(f"the note is {len(note)} characters long; at most {NOTE_LIMIT} fit",
                         where="note")
    guest.note = f"{guest.note}\n{note}" if guest.note else note
    guest.updated_at = now
    _record(session, event, guest, actor, "note_added", {"text": note}, now)
    return guest.note


@dataclass(frozen=True, slots=True)
class WalkIn:
    """What the walk-in form asks: who, which category, and which days (None: every day)."""

    name: str
    category: str
    days: list[str] | None = None
    name_latin: str | None = None
    company: str | None = None
    country: str | None = None
    email: str | None = None
    phone: str | None = None
    title: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Registered:
    """A walk-in on the list, with the credential their badge carries."""

    guest_uid: str
    number: int
    credential: str


def register_walk_in(
    session: Session, event: Event, form: WalkIn, actor: str | None, now: dt.datetime
) -> Registered:
    """Put a guest who is not on the list on it, with a number and a signed credential."""
    fields: dict[str, Any] = {
        "name": form.name, "category": form.category, "days": form.days,
        "name_latin": form.name_latin, "company": form.company, "country": form.country,
        "email": form.email, "phone": form.phone, "title": form.title,
        "language": form.language,
    }
    clean = _validated(event, fields)
    if clean.get("email"):
        same = session.scalar(select(Guest).where(Guest.event_id == event.id,
                                                  Guest.email == clean["email"]))
        if same is not None:
            raise UsageError(
                f"{clean['email']} is already on the list as {same.name} (#{same.number})",
                where="email", hint="search for that guest instead of registering again",
            )
    if clean.get("days") is None:
        clean.pop("days", None)  # every day: SQL NULL, as the importer stores it
    guest = Guest(event_id=event.id, number=events.allocate_guest_number(session, event),
                  source="walk_in", created_at=now, updated_at=now, **clean)
    session.add(guest)
    session.flush()
    credential = events.credential_for(event, guest)  # refuses before anything is stored
    _record(session, event, guest, actor, "walk_in_registered",
            {"number": guest.number, "category": guest.category, "days": guest.days}, now)
    _reindex(session, [guest])
    log.info("walk-in #%d registered by %s", guest.number, actor or "unknown")
    return Registered(guest.uid, guest.number, credential)


def reissue_with_reason(
    session: Session, event: Event, guest: Guest, reason: str, actor: str | None,
) -> Reissued:
    """Revoke the guest's credential and issue a new one, saying why (a lost invitation)."""
    why = reason.strip()
    if not why:
        raise UsageError("re-issuing a credential needs a reason", where="reason",
                         hint="e.g. invitation lost")
    result = reissue(session, event, guest, actor=actor)
    entry = session.scalar(
        select(AuditEntry).where(AuditEntry.guest_id == guest.id,
                                 AuditEntry.action == "credential_reissued")
        .order_by(AuditEntry.id.desc()).limit(1)
    )
    if entry is not None:
        entry.details = {**entry.details, "reason": why}
    return result


def rename_device(session: Session, name: str, actor: str | None, now: dt.datetime) -> str:
    """Give this machine the name staff and the server see on its scans; audited."""
    clean = clean_text(name, "device name", 100)
    device = events.this_device(session)
    if device.name != clean:
        session.add(AuditEntry(at=now, actor=actor, action="device_renamed",
                               details={"before": device.name, "after": clean}))
        device.name = clean
    return clean


# What the desk reads --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GuestRow:
    """One line of the desk's guest table."""

    uid: str
    number: int
    name: str
    name_latin: str | None
    company: str | None
    category: str
    email: str | None
    is_cancelled: bool
    is_checked_in: bool


def guest_rows(session: Session, event: Event, guest_ids: Sequence[int]) -> list[GuestRow]:
    """Table rows for guests, in the order given, each saying whether the guest is checked in."""
    if not guest_ids:
        return []
    guests = {g.id: g for g in session.scalars(
        select(Guest).where(Guest.event_id == event.id, Guest.id.in_(guest_ids)))}
    inside = set(session.scalars(
        select(Scan.guest_id).where(
            Scan.guest_id.in_(guest_ids), Scan.is_accepted.is_(True), Scan.undone_at.is_(None),
            Scan.direction == Direction.IN.value,
        ).distinct()
    ))
    return [
        GuestRow(uid=g.uid, number=g.number, name=g.name, name_latin=g.name_latin,
                 company=g.company, category=g.category, email=g.email,
                 is_cancelled=g.is_cancelled, is_checked_in=g.id in inside)
        for g in (guests.get(i) for i in guest_ids) if g is not None
    ]


def browse_guests(session: Session, event: Event, after_number: int, limit: int) -> (
    list[GuestRow]
):
    """The next page of the whole list by guest number (keyset paging: as fast on page 500)."""
    ids = session.scalars(
        select(Guest.id).where(Guest.event_id == event.id, Guest.number > after_number)
        .order_by(Guest.number).limit(limit)
    ).all()
    return guest_rows(session, event, ids)


def count_guests(session: Session, event: Event) -> int:
    return session.scalar(
        select(func.count()).select_from(Guest).where(Guest.event_id == event.id)
    ) or 0


@dataclass(frozen=True, slots=True)
class ScanLine:
    """One scan in a guest's history (times in UTC; the window shows them in the event's zone)."""

    scan_id: str
    at: dt.datetime
    checkpoint: str | None
    reason: str
    is_accepted: bool
    direction: str
    operator: str | None
    device_uid: str
    undone_at: dt.datetime | None
    undo_reason: str | None
    undone_by: str | None
    checkpoint_local: str | None = None  # the checkpoint's name in the venue's language

    @property
    def is_standing(self) -> bool:
        """An accepted check-in that nobody has undone."""
        return self.is_accepted and self.undone_at is None


@dataclass(frozen=True, slots=True)
class AuditLine:
    at: dt.datetime
    actor: str | None
    action: str
    details: dict[str, Any]


@dataclass(frozen=True, slots=True)
class PrintLine:
    at: dt.datetime
    reason: str
    operator: str | None
    printer: str | None
    template: str


@dataclass(frozen=True, slots=True)
class JobLine:
    """A badge of the guest in the print queue that is not printed (yet)."""

    uid: str
    at: dt.datetime
    state: str  # a PrintJobState value
    state_reason: str | None
    printer: str
    print_reason: str


@dataclass(frozen=True, slots=True)
class GuestDetail:
    """Everything the desk shows of one guest."""

    uid: str
    number: int
    credential_serial: int
    name: str
    name_latin: str | None
    company: str | None
    country: str | None
    email: str | None
    phone: str | None
    title: str | None
    category: str
    days: list[str] | None
    language: str | None
    note: str | None
    external_code: str | None
    is_cancelled: bool
    source: str
    timezone: str
    scans: list[ScanLine]
    prints: list[PrintLine]
    audit: list[AuditLine]
    credential: str | None  # None where this machine holds no signing key
    jobs: list[JobLine] = field(default_factory=list)  # waiting, held or failed badges

    @property
    def is_checked_in(self) -> bool:
        return any(s.is_standing and s.direction == Direction.IN.value for s in self.scans)

    @property
    def last_checkin(self) -> ScanLine | None:
        standing = [s for s in self.scans if s.is_standing and s.direction == Direction.IN.value]
        return standing[-1] if standing else None

    @property
    def has_badge(self) -> bool:
        return bool(self.prints)


def guest_detail(session: Session, event: Event, guest: Guest) -> GuestDetail:
    scans = session.execute(
        select(Scan, Checkpoint.name, Checkpoint.name_local)
        .outerjoin(Checkpoint, Checkpoint.id == Scan.checkpoint_id)
        .where(Scan.event_id == event.id,
               (Scan.guest_id == guest.id) | (Scan.guest_number == guest.number))
        .order_by(Scan.scanned_at, Scan.id)
    ).all()
    prints = session.scalars(
        select(BadgePrint).where(BadgePrint.guest_id == guest.id).order_by(BadgePrint.printed_at)
    ).all()
    audit = session.scalars(
        select(AuditEntry).where(AuditEntry.guest_id == guest.id).order_by(AuditEntry.at,
                                                                            AuditEntry.id)
    ).all()
    credential = events.credential_for(event, guest) if event.signing_key is not None else None
    unprinted = (PrintJobState.QUEUED.value, PrintJobState.PRINTING.value,
                 PrintJobState.HELD.value, PrintJobState.FAILED.value)
    jobs = session.scalars(
        select(PrintJob).where(PrintJob.guest_id == guest.id, PrintJob.state.in_(unprinted))
        .order_by(PrintJob.created_at)
    ).all()
    return GuestDetail(
        uid=guest.uid, number=guest.number, credential_serial=guest.credential_serial,
        name=guest.name, name_latin=guest.name_latin, company=guest.company,
        country=guest.country, email=guest.email, phone=guest.phone, title=guest.title,
        category=guest.category, days=guest.days, language=guest.language, note=guest.note,
        external_code=guest.external_code, is_cancelled=guest.is_cancelled, source=guest.source,
        timezone=event.timezone,
        scans=[
            ScanLine(
                scan_id=scan.id, at=scan.scanned_at, checkpoint=place, reason=scan.reason,
                is_accepted=scan.is_accepted, direction=scan.direction, operator=scan.operator,
                device_uid=scan.device_uid, undone_at=scan.undone_at,
                undo_reason=scan.undo_reason, undone_by=scan.undone_by,
                checkpoint_local=place_local,
            )
            for scan, place, place_local in scans
        ],
        prints=[PrintLine(p.printed_at, p.reason, p.operator, p.printer, p.template)
                for p in prints],
        audit=[AuditLine(a.at, a.actor, a.action, dict(a.details)) for a in audit],
        credential=credential,
        jobs=[JobLine(j.uid, j.created_at, j.state, j.state_reason, j.printer, j.print_reason)
              for j in jobs],
    )


@dataclass(frozen=True, slots=True)
class DeskStatus:
    """The status bar's figures."""

    pending_outbox: int
    stuck_outbox: int = 0  # refused by the server for good: staff must look
    conflicts: int = 0  # check-ins another gate also made while the two were apart
    print_jobs: dict[str, int] = field(default_factory=dict)
    last_sync_at: dt.datetime | None = None
    server_url: str | None = None  # None until this machine is enrolled with a server
    printer: str | None = None  # the printer the desk prints on, if one is chosen
    printer_problem: str | None = None  # a PrinterProblem value when it cannot print now
    printer_message: str | None = None  # the print system's own words about it

    @property
    def pending_print_jobs(self) -> int:
        waiting = (PrintJobState.QUEUED, PrintJobState.PRINTING, PrintJobState.HELD)
        return sum(self.print_jobs.get(state.value, 0) for state in waiting)

    @property
    def held_print_jobs(self) -> int:
        return self.print_jobs.get(PrintJobState.HELD.value, 0)


def desk_status(session: Session) -> DeskStatus:
    backlog = sync_state.backlog(session)
    jobs: dict[str, int] = {
        state: count for state, count in
        session.execute(select(PrintJob.state, func.count()).group_by(PrintJob.state))
    }
    enrolment = sync_state.enrolment(session)
    return DeskStatus(
        pending_outbox=backlog.pending, stuck_outbox=backlog.stuck, conflicts=backlog.conflicts,
        print_jobs=jobs, last_sync_at=sync_state.last_sync(session),
        server_url=enrolment.server_url if enrolment is not None else None,
    )


def sample_badge(event: Event) -> BadgeData:
    """A made-up guest's badge for a test print (its code is not a credential)."""
    return BadgeData(
        name="测试 Test Ünïcødé", name_latin="Ceshi Test", company="Kiosk test print",
        country="CN", title=None, category=Category.GUEST.value, guest_number=0,
        credential="TEST-PRINT", language=None, event_name=event.name,
        event_name_local=event.name_local,
        event_dates=render_event_dates(event.starts_on, event.ends_on),
    )


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What the desk's forms need to know of the event."""

    name: str
    name_local: str | None
    timezone: str
    days: list[dt.date]
    today: dt.date  # the venue's date now
    can_issue: bool  # this machine holds the signing key (walk-ins, new credentials)


def event_facts(event: Event, now: dt.datetime) -> EventFacts:
    return EventFacts(name=event.name, name_local=event.name_local, timezone=event.timezone,
                      days=event.days(), today=events.local_date(event, now),
                      can_issue=event.signing_key is not None)


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """A guest list read and checked, nothing stored: its columns, what each fills, and what an
    import would do (new, updated, unchanged, and every bad row with its reason)."""

    path: str
    header: list[str]  # the header row as written; "" for a column without one
    fields: dict[str, int]  # field -> column index, as detected or as mapped
    report: ImportReport  # a dry run with these columns

    @staticmethod
    def column_letter(index: int) -> str:
        letters = ""
        index += 1
        while index:
            index, rest = divmod(index - 1, 26)
            letters = chr(ord("A") + rest) + letters
        return letters

    def mapping(self) -> dict[str, str]:
        """The columns as ``import_guests`` takes them (by letter: unambiguous)."""
        return {name: self.column_letter(index) for name, index in self.fields.items()}


def plan_import(
    session: Session, event: Event, path: Path, mapping: Mapping[str, str] | None = None,
) -> ImportPlan:
    """Read a guest list, find (or take) its columns and dry-run the import; stores nothing."""
    given = dict(mapping or {})
    table = importer.read_table(path)
    columns = importer.find_columns(table, given, str(path))
    report = importer.import_guests(session, event, path, mapping=given, dry_run=True)
    return ImportPlan(str(path), list(columns.header), dict(columns.fields), report)


# The desk, bound to a database ----------------------------------------------------------------


class Desk:
    """The desk's operations for one staff member at one checkpoint; a session per call.

    Safe to call from worker threads: nothing here holds a session or an ORM object between calls.
    """

    def __init__(
        self, database: Database, *, operator: str, checkpoint_name: str | None = None,
        clock: Clock = utc_now, spool_dir: Path | None = None, printer: str | None = None,
        template: str | None = None,
    ) -> None:
        self.database = database
        self.operator = operator.strip() or "desk"
        self.clock = clock
        self.gate = Gate(database, checkpoint_name, clock=clock, operator=self.operator)
        self.event_id = self.gate.event_id
        self.spool_dir = spool_dir
        self.printer = printer or None
        self.template = template or DEFAULT_TEMPLATE

    @property
    def checkpoint_name(self) -> str:
        return self.gate.checkpoint_name

    def _event(self, session: Session) -> Event:
        event = session.get(Event, self.event_id)
        if event is None:
            raise NotFoundError("the desk's event was removed; restart the desk")
        return event

    def _guest(self, session: Session, event: Event, guest_uid: str) -> Guest:
        return events.find_guest(session, event, guest_uid)

    # Badges ---------------------------------------------------------------------------------

    def use_printer(self, printer: str | None, template: str | None) -> None:
        """Print on another printer (a spec such as cups:KioskPDF or folder:/dir) from now on."""
        self.printer = printer or None
        self.template = template or DEFAULT_TEMPLATE

    def _queue(self) -> PrintQueue:
        if self.spool_dir is None:
            raise SetupError("this desk has no folder for print jobs")
        return PrintQueue(self.database, self.spool_dir, clock=self.clock)

    def request_print(self, guest_uid: str, reason: str, note: str | None) -> JobInfo:
        """Queue the guest's badge on the desk's printer; a reprint must say why (the queue
        refuses a silent one). ``process_print_jobs`` sends it."""
        if self.printer is None:
            raise SetupError("no badge printer is chosen for this desk",
                             hint="choose one in Settings")
        try:
            why = PrintReason(reason)
        except ValueError:
            raise UsageError(f"unknown print reason {reason!r}", where="reason") from None
        return self._queue().enqueue(guest_uid, printer=self.printer, template=self.template,
                                     reason=why, operator=self.operator, note=note)

    def badge_preview(self, guest_uid: str, dpi: float = PREVIEW_DPI) -> bytes:
        """The guest's badge as a PNG, drawn from the same PDF the printer would get."""
        with self.database.session() as session:
            event = self._event(session)
            data = badge_data(event, self._guest(session, event, guest_uid))
        rendered = render_badges(find_template(self.template), [data],
                                 title=f"Badge {data.guest_number}")
        return preview_png(rendered.pdf, dpi=dpi, compress_level=1)  # shown at once, not kept

    def warm_up(self) -> None:
        """Draw a sample badge preview once, so the fonts and template are loaded before staff
        open the first guest (the first render of a session costs about a second)."""
        with self.database.session() as session:
            sample = sample_badge(self._event(session))
        rendered = render_badges(find_template(self.template), [sample], title="Warm-up")
        preview_png(rendered.pdf, dpi=PREVIEW_DPI)

    def process_print_jobs(self) -> list[JobInfo]:
        """One pass of the print queue: send new jobs, follow sent ones, retry held ones."""
        return self._queue().process()

    def test_print(self, printer: str, template: str) -> str:
        """Print a sample badge (no guest, no queue) on a printer; the print system's job id."""
        backend, name = resolve(printer)
        state = backend.status(name)
        if not state.accepts_jobs:
            raise PrintError(f"{state.printer} cannot print: {describe(state)}")
        with self.database.session() as session:
            event = self._event(session)
            sample = sample_badge(event)
        rendered = render_badges(find_template(template or DEFAULT_TEMPLATE), [sample],
                                 title="Test badge")
        folder = self._queue().spool_dir
        folder.mkdir(parents=True, exist_ok=True)
        pdf = folder / f"test-{new_uid()}.pdf"
        pdf.write_bytes(rendered.pdf)
        return backend.submit(name, pdf, "kiosk test badge")

    def set_operator(self, name: str) -> None:
        """Record a different staff member on everything done from now on."""
        self.operator = name.strip() or "desk"
        self.gate.operator = self.operator

    def use_checkpoint(self, name: str | None) -> str:
        """Check guests in at another checkpoint from now on; its name."""
        self.gate = Gate(self.database, name, clock=self.clock, operator=self.operator)
        return self.gate.checkpoint_name

    def checkpoints(self) -> list[str]:
        """The event's checkpoint names, in the order they were defined."""
        with self.database.session() as session:
            return list(session.scalars(
                select(Checkpoint.name).where(Checkpoint.event_id == self.event_id)
                .order_by(Checkpoint.id)))

    def checkpoint_local_names(self) -> dict[str, str]:
        """Each checkpoint's name in the venue's language, where it has one."""
        with self.database.session() as session:
            return {name: local for name, local in session.execute(
                select(Checkpoint.name, Checkpoint.name_local)
                .where(Checkpoint.event_id == self.event_id)) if local}

    def settings_choices(self) -> dict[str, Any]:
        """What the settings form offers, found on a worker: checkpoints, printers, templates,
        and what the desk uses now (the form opens on those, not on the first offered)."""
        # CUPS's, and Qt's where the window registered it (Windows, macOS); a folder is typed.
        printers = available_printers()
        if self.printer and self.printer not in printers:
            printers.append(self.printer)
        return {
            "checkpoints": self.checkpoints(),
            "printers": printers,
            "templates": template_names(),
            "device_name": self.device_name(),
            "server_url": self.server_url() or "",
            "pin_is_set": PinGuard(self.database).is_set(),
            "operator": self.operator,
            "checkpoint_local": self.checkpoint_local_names(),
            "checkpoint": self.checkpoint_name,
            "printer": self.printer or "",
            "template": self.template,
        }

    def enrol(self, address: str, code: str | None) -> Enrolled:
        """Enrol this machine with a sync server (a one-time code, or the enrolment link)."""
        return enrol(self.database, address, code)

    def server_url(self) -> str | None:
        with self.database.session() as session:
            enrolment = sync_state.enrolment(session)
            return enrolment.server_url if enrolment is not None else None

    def device_name(self) -> str:
        with self.database.session() as session:
            return events.this_device(session).name

    def rename_device(self, name: str) -> str:
        with self.database.session() as session:
            return rename_device(session, name, self.operator, self.clock())

    def event(self) -> EventFacts:
        with self.database.session() as session:
            return event_facts(self._event(session), self.clock())

    def search(self, query: str, limit: int) -> list[GuestRow]:
        """The guests the core's search finds for what was typed, best first."""
        with self.database.session() as session:
            hits = search_guests(session, self.event_id, query, limit)
        return [GuestRow(uid=h.uid, number=h.number, name=h.name, name_latin=h.name_latin,
                         company=h.company, category=h.category, email=h.email,
                         is_cancelled=h.is_cancelled, is_checked_in=h.is_checked_in)
                for h in hits]

    def browse(self, after_number: int, limit: int) -> list[GuestRow]:
        with self.database.session() as session:
            return browse_guests(session, self._event(session), after_number, limit)

    def row(self, guest_uid: str) -> GuestRow:
        """The table line of one guest, as it is now."""
        with self.database.session() as session:
            event = self._event(session)
            guest = self._guest(session, event, guest_uid)
            return guest_rows(session, event, [guest.id])[0]

    def count(self) -> int:
        with self.database.session() as session:
            return count_guests(session, self._event(session))

    def detail(self, guest_uid: str) -> GuestDetail:
        with self.database.session() as session:
            event = self._event(session)
            return guest_detail(session, event, self._guest(session, event, guest_uid))

    def find(self, ref: str) -> str:
        """The uid of the guest a scanned code, number, e-mail or uid names."""
        with self.database.session() as session:
            event = self._event(session)
            return self._guest(session, event, ref).uid

    def correct(self, guest_uid: str, changes: Mapping[str, Any]) -> Correction:
        with self.database.session() as session:
            event = self._event(session)
            guest = self._guest(session, event, guest_uid)
            return correct_guest(session, event, guest, changes, self.operator, self.clock())

    def add_note(self, guest_uid: str, text: str) -> str:
        with self.database.session() as session:
            event = self._event(session)
            guest = self._guest(session, event, guest_uid)
            return add_note(session, event, guest, text, self.operator, self.clock())

    def register_walk_in(self, form: WalkIn) -> Registered:
        with self.database.session() as session:
            return register_walk_in(session, self._event(session), form, self.operator,
                                    self.clock())

    def reissue(self, guest_uid: str, reason: str) -> Reissued:
        with self.database.session() as session:
            event = self._event(session)
            guest = self._guest(session, event, guest_uid)
            return reissue_with_reason(session, event, guest, reason, self.operator)

    def check_in(self, guest_uid: str) -> Verdict:
        """A check-in by hand at the desk's checkpoint, under the same rules as a scan."""
        return self.gate.check_in_by_hand(guest_uid, self.operator)

    def undo(self, scan_id: str, reason: str) -> CheckInUndo:
        return self.gate.undo(scan_id, reason, self.operator)

    def plan_import(self, path: Path, mapping: Mapping[str, str] | None = None) -> ImportPlan:
        with self.database.session() as session:
            return plan_import(session, self._event(session), path, mapping)

    def run_import(
        self, path: Path, mapping: Mapping[str, str],
        progress: Callable[[int], None] | None = None,
    ) -> ImportReport:
        """Import the list for real with the columns shown (one transaction: all or nothing);
        ``progress(percent)`` is called from the importing thread as it goes. It holds the
        write lock from the start: a transaction that reads first would fail at its first write
        if the sync loop or a check-in here had committed meanwhile."""
        with self.database.session(writes=True) as session:
            return importer.import_guests(session, self._event(session), path, mapping=mapping,
                                          actor=self.operator, progress=progress)

    def export(self, kind: str, path: Path) -> ExportSummary:
        """Write check-ins or guests as CSV (see kiosk.exporter)."""
        with self.database.session() as session:
            event = self._event(session)
            if kind == "checkins":
                return exporter.export_checkins(session, event, path)
            if kind == "guests":
                return exporter.export_guests(session, event, path)
            raise UsageError(f"unknown export {kind!r}", hint="use checkins or guests")

    def summary(self) -> ArrivalSummary:
        with self.database.session() as session:
            return arrival_summary(session, self._event(session), self.clock())

    def status(self) -> DeskStatus:
        """The status bar's figures, with the state of the desk's printer (asked of the print
        system: call it on a worker)."""
        with self.database.session() as session:
            status = desk_status(session)
        if self.printer is None:
            return status
        try:
            backend, name = resolve(self.printer)
            state = backend.status(name)
        except KioskError as error:
            return replace(status, printer=self.printer,
                           printer_problem=PrinterProblem.NO_PRINT_SYSTEM.value,
                           printer_message=error.full_message())
        return replace(status, printer=state.printer,
                       printer_problem=None if state.is_ready else state.problem.value,
                       printer_message=state.message)
