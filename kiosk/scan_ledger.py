"""What the check-in engine reads and writes, as plain records over SQLAlchemy Core.

A scan is the hottest path of the product (the guest stands waiting), so it does not go through
the ORM: no session, no identity map, no unit of work; about a dozen statements a scan through
the ORM cost more than the durable commit itself. Each statement here is a prebuilt Core
construct (compiled once, then cached) on one Connection, and rows come back as frozen records.
The same reads serve the sync server's online verdicts on PostgreSQL (kiosk.server.verdicts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Table, and_, bindparam, select

from kiosk import events
from kiosk.domain import Direction, EntryPolicy
from kiosk.models import Checkpoint, Event, Guest, OutboxItem, Scan

_SCANS = cast(Table, Scan.__table__)
_GUESTS = cast(Table, Guest.__table__)
_CHECKPOINTS = cast(Table, Checkpoint.__table__)
_EVENTS = cast(Table, Event.__table__)
_OUTBOX = cast(Table, OutboxItem.__table__)


def _dates(values: list[str] | None) -> frozenset[dt.date] | None:
    return None if values is None else frozenset(dt.date.fromisoformat(d) for d in values)


@dataclass(frozen=True, slots=True)
class EventRules:
    """What the engine needs of an event."""

    id: int
    uid: str
    zone: ZoneInfo
    days: tuple[dt.date, ...]
    public_keys: tuple[bytes, ...]

    @classmethod
    def of(cls, event: Event) -> EventRules:
        return cls._make(event.id, event.uid, event.timezone, event.starts_on, event.ends_on,
                         event.public_key)

    @classmethod
    def _make(cls, id_: int, uid: str, timezone: str, starts_on: dt.date, ends_on: dt.date,
              public_key: bytes | None) -> EventRules:
        count = max((ends_on - starts_on).days + 1, 0)
        return cls(
            id=id_, uid=uid, zone=events.zone(timezone),
            days=tuple(starts_on + dt.timedelta(days=i) for i in range(count)),
            public_keys=(public_key,) if public_key else (),
        )

    def local(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(self.zone)


@dataclass(frozen=True, slots=True)
class CheckpointRules:
    """A checkpoint's rules: who may pass, on which days, when, and how often."""

    id: int
    uid: str
    name: str
    direction: str
    entry_policy: EntryPolicy
    allowed_categories: tuple[str, ...] | None
    allowed_days: frozenset[dt.date] | None
    opens_at: dt.time | None
    closes_at: dt.time | None

    @property
    def is_exit(self) -> bool:
        return self.direction == Direction.OUT.value

    @classmethod
    def of(cls, checkpoint: Checkpoint) -> CheckpointRules:
        return cls._make(
            checkpoint.id, checkpoint.uid, checkpoint.name, checkpoint.direction,
            checkpoint.entry_policy, checkpoint.allowed_categories, checkpoint.allowed_days,
            checkpoint.opens_at, checkpoint.closes_at,
        )

    @classmethod
    def _make(cls, id_: int, uid: str, name: str, direction: str, policy: str,
              categories: list[str] | None, days: list[str] | None, opens_at: dt.time | None,
              closes_at: dt.time | None) -> CheckpointRules:
        return cls(
            id=id_, uid=uid, name=name, direction=direction, entry_policy=EntryPolicy(policy),
            allowed_categories=None if categories is None else tuple(categories),
            allowed_days=_dates(days), opens_at=opens_at, closes_at=closes_at,
        )


@dataclass(frozen=True, slots=True)
class GuestRecord:
    """What the engine needs of a guest."""

    id: int
    uid: str
    number: int
    name: str
    name_latin: str | None
    company: str | None
    category: str
    language: str | None
    is_cancelled: bool
    credential_serial: int
    days: frozenset[dt.date] | None  # None: every day of the event

    @classmethod
    def of(cls, guest: Guest) -> GuestRecord:
        return cls(
            id=guest.id, uid=guest.uid, number=guest.number, name=guest.name,
            name_latin=guest.name_latin, company=guest.company, category=guest.category,
            language=guest.language, is_cancelled=guest.is_cancelled,
            credential_serial=guest.credential_serial, days=_dates(guest.days),
        )


@dataclass(frozen=True, slots=True)
class Arrival:
    """A standing (accepted, not undone) entry of a guest."""

    scan_id: str
    scanned_at: dt.datetime
    checkpoint_id: int | None
    checkpoint_name: str | None


@dataclass(frozen=True, slots=True)
class PastScan:
    """The latest scan at a device: what the debounce compares with."""

    id: str
    event_id: int
    guest_id: int | None
    guest_number: int | None
    checkpoint_id: int | None
    scanned_at: dt.datetime
    reason: str
    payload_digest: str
    is_undone: bool


_GUEST_COLUMNS = (
    _GUESTS.c.id, _GUESTS.c.uid, _GUESTS.c.number, _GUESTS.c.name, _GUESTS.c.name_latin,
    _GUESTS.c.company, _GUESTS.c.category, _GUESTS.c.language, _GUESTS.c.is_cancelled,
    _GUESTS.c.credential_serial, _GUESTS.c.days,
)
_GUEST_BY_NUMBER = select(*_GUEST_COLUMNS).where(
    _GUESTS.c.event_id == bindparam("event_id"), _GUESTS.c.number == bindparam("number"))
_GUEST_BY_CODE = select(*_GUEST_COLUMNS).where(
    _GUESTS.c.event_id == bindparam("event_id"), _GUESTS.c.external_code == bindparam("code"))
_GUEST_BY_ID = select(*_GUEST_COLUMNS).where(_GUESTS.c.id == bindparam("id"))

_RULES = (
    select(
        _EVENTS.c.id, _EVENTS.c.uid, _EVENTS.c.timezone, _EVENTS.c.starts_on, _EVENTS.c.ends_on,
        _EVENTS.c.public_key,
        _CHECKPOINTS.c.id, _CHECKPOINTS.c.uid, _CHECKPOINTS.c.name, _CHECKPOINTS.c.direction,
        _CHECKPOINTS.c.entry_policy, _CHECKPOINTS.c.allowed_categories,
        _CHECKPOINTS.c.allowed_days, _CHECKPOINTS.c.opens_at, _CHECKPOINTS.c.closes_at,
    )
    .select_from(_CHECKPOINTS.join(_EVENTS, _EVENTS.c.id == _CHECKPOINTS.c.event_id))
    .where(_CHECKPOINTS.c.id == bindparam("checkpoint_id"))
)

_STANDING_ENTRY = and_(
    _SCANS.c.event_id == bindparam("event_id"), _SCANS.c.is_accepted.is_(True),
    _SCANS.c.undone_at.is_(None), _SCANS.c.direction == Direction.IN.value,
)
_ARRIVALS_COLUMNS = select(
    _SCANS.c.id, _SCANS.c.scanned_at, _SCANS.c.checkpoint_id, _CHECKPOINTS.c.name,
).select_from(_SCANS.outerjoin(_CHECKPOINTS, _CHECKPOINTS.c.id == _SCANS.c.checkpoint_id))
_ARRIVALS_OF_GUEST = _ARRIVALS_COLUMNS.where(
    _STANDING_ENTRY, _SCANS.c.guest_id == bindparam("guest_id"),
).order_by(_SCANS.c.scanned_at, _SCANS.c.id)
_ARRIVALS_OF_NUMBER = _ARRIVALS_COLUMNS.where(
    _STANDING_ENTRY, _SCANS.c.guest_number == bindparam("number"),
).order_by(_SCANS.c.scanned_at, _SCANS.c.id)

_LAST_AT_DEVICE = (
    select(
        _SCANS.c.id, _SCANS.c.event_id, _SCANS.c.guest_id, _SCANS.c.guest_number,
        _SCANS.c.checkpoint_id, _SCANS.c.scanned_at, _SCANS.c.reason, _SCANS.c.payload_digest,
        _SCANS.c.undone_at.is_not(None),
    )
    .where(_SCANS.c.device_uid == bindparam("device_uid"),
           _SCANS.c.scanned_at > bindparam("since"), _SCANS.c.scanned_at <= bindparam("now"))
    .order_by(_SCANS.c.scanned_at.desc())
    .limit(1)
)

_INSERT_SCAN = _SCANS.insert()
_INSERT_OUTBOX = _OUTBOX.insert()


def _guest(row: Sequence[Any] | None) -> GuestRecord | None:
    if row is None:
        return None
    (id_, uid, number, name, name_latin, company, category, language, is_cancelled, serial,
     days) = row
    return GuestRecord(
        id=id_, uid=uid, number=number, name=name, name_latin=name_latin, company=company,
        category=category, language=language, is_cancelled=bool(is_cancelled),
        credential_serial=serial, days=_dates(days),
    )


class ScanLedger:
    """The engine's reads and writes on one connection, inside the caller's transaction."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def rules_row(self, checkpoint_id: int) -> Sequence[Any] | None:
        """The event's and checkpoint's rule columns as one row (None when the checkpoint is
        gone); compare it with the last one to know whether a cached snapshot still holds."""
        return self.connection.execute(_RULES, {"checkpoint_id": checkpoint_id}).first()

    @staticmethod
    def rules_of(row: Sequence[Any]) -> tuple[EventRules, CheckpointRules]:
        (event_id, event_uid, timezone, starts_on, ends_on, public_key, checkpoint_id,
         checkpoint_uid, name, direction, policy, categories, days, opens_at, closes_at) = row
        return (
            EventRules._make(event_id, event_uid, timezone, starts_on, ends_on, public_key),
            CheckpointRules._make(checkpoint_id, checkpoint_uid, name, direction, policy,
                                  categories, days, opens_at, closes_at),
        )

    def guest_by_number(self, event_id: int, number: int) -> GuestRecord | None:
        return _guest(self.connection.execute(
            _GUEST_BY_NUMBER, {"event_id": event_id, "number": number}).first())

    def guest_by_code(self, event_id: int, code: str) -> GuestRecord | None:
        return _guest(self.connection.execute(
            _GUEST_BY_CODE, {"event_id": event_id, "code": code}).first())

    def guest_by_id(self, guest_id: int) -> GuestRecord | None:
        return _guest(self.connection.execute(_GUEST_BY_ID, {"id": guest_id}).first())

    def arrivals(self, event_id: int, guest_id: int | None, number: int | None) -> list[Arrival]:
        """The guest's standing entries, oldest first (by guest, else by credential number for
        a guest this kiosk has not received yet)."""
        if guest_id is not None:
            rows = self.connection.execute(
                _ARRIVALS_OF_GUEST, {"event_id": event_id, "guest_id": guest_id})
        elif number is not None:
            rows = self.connection.execute(
                _ARRIVALS_OF_NUMBER, {"event_id": event_id, "number": number})
        else:
            return []
        return [Arrival(*row) for row in rows]

    def last_scan_at_device(self, device_uid: str, since: dt.datetime, now: dt.datetime) -> (
        PastScan | None
    ):
        row = self.connection.execute(
            _LAST_AT_DEVICE, {"device_uid": device_uid, "since": since, "now": now}).first()
        if row is None:
            return None
        (id_, event_id, guest_id, number, checkpoint_id, scanned_at, reason, digest,
         is_undone) = row
        return PastScan(
            id=id_, event_id=event_id, guest_id=guest_id, guest_number=number,
            checkpoint_id=checkpoint_id, scanned_at=scanned_at, reason=reason,
            payload_digest=digest, is_undone=bool(is_undone),
        )

    def insert_scan(self, values: dict[str, Any]) -> None:
        self.connection.execute(_INSERT_SCAN, values)

    def insert_outbox(self, values: dict[str, Any]) -> None:
        self.connection.execute(_INSERT_OUTBOX, values)
