"""The local database: SQLAlchemy 2 ORM models for events, guests, checkpoints, scans and sync.

Every time is stored in UTC (see UtcDateTime); the event's time zone is only for showing.
Ids that travel between devices (guests, checkpoints, scans, undos, badge prints) are UUID
strings, so two offline kiosks never hand out the same one.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kiosk.domain import Direction, EntryPolicy, PrintJobState


def new_uid() -> str:
    """A fresh globally unique id for rows that travel between devices: random (version 4),
    so its first eight characters tell jobs and devices apart where they are shown short."""
    return str(uuid.uuid4())


def time_ordered_uids(count: int) -> list[str]:
    """`count` fresh UUIDs of version 7 (RFC 9562), ascending: the time in milliseconds, then
    74 random bits (os.urandom), sorted within the batch; for guests added in bulk.

    Time-ordered ids go in at the end of the uid index, where random ones land anywhere: an
    import of 100,000 guests, and every kiosk's first pull of them (in the server's order),
    rewrite far fewer index pages. Made together, as uuid.uuid4() per row costs more than
    storing the row; Python 3.11 has no uuid7(). Guests' uids are never shown short.
    """
    if count <= 0:
        return []
    stamp = (time.time_ns() // 1_000_000).to_bytes(6, "big")
    raw = bytearray(os.urandom(10 * count))
    raw[0::10] = bytes(b & 0x0F | 0x70 for b in raw[0::10])  # version 7
    raw[2::10] = bytes(b & 0x3F | 0x80 for b in raw[2::10])  # RFC 9562 variant
    # Sorted after the version and variant bits are set, so the ids ascend as made.
    h = b"".join(stamp + tail for tail in sorted(
        bytes(raw[i:i + 10]) for i in range(0, 10 * count, 10))).hex()
    return [f"{h[i:i + 8]}-{h[i + 8:i + 12]}-{h[i + 12:i + 16]}-{h[i + 16:i + 20]}-"
            f"{h[i + 20:i + 32]}" for i in range(0, 32 * count, 32)]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out; naive values are refused, not guessed."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is required")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UtcDateTime, dict[str, Any]: JSON, list[str]: JSON,
    }


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    name: Mapped[str] = mapped_column(String(200))
    name_local: Mapped[str | None] = mapped_column(String(200))  # e.g. the Chinese title
    venue: Mapped[str | None] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    # Ed25519: every kiosk holds the public key; the signing key only where credentials are issued.
    key_id: Mapped[int] = mapped_column(Integer, default=0)
    public_key: Mapped[bytes | None] = mapped_column(LargeBinary(32))
    signing_key: Mapped[bytes | None] = mapped_column(LargeBinary(32))
    next_guest_number: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)

    guests: Mapped[list[Guest]] = relationship(back_populates="event", cascade="all, delete-orphan")
    checkpoints: Mapped[list[Checkpoint]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )

    def days(self) -> list[dt.date]:
        """Every calendar day of the event, first to last."""
        count = (self.ends_on - self.starts_on).days + 1
        return [self.starts_on + dt.timedelta(days=i) for i in range(max(count, 0))]


class Checkpoint(Base):
    """A place where guests are scanned, with the rules that decide who passes."""

    __tablename__ = "checkpoints"
    __table_args__ = (UniqueConstraint("event_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    name_local: Mapped[str | None] = mapped_column(String(100))
    direction: Mapped[str] = mapped_column(String(8), default=Direction.IN.value)
    entry_policy: Mapped[str] = mapped_column(String(16), default=EntryPolicy.SINGLE.value)
    # None means no restriction; lists hold Category values and ISO dates.
    allowed_categories: Mapped[list[str] | None] = mapped_column(JSON)
    allowed_days: Mapped[list[str] | None] = mapped_column(JSON)
    opens_at: Mapped[dt.time | None] = mapped_column(Time)  # local time of the event
    closes_at: Mapped[dt.time | None] = mapped_column(Time)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utc_now, onupdate=utc_now)

    event: Mapped[Event] = relationship(back_populates="checkpoints")


class Guest(Base):
    __tablename__ = "guests"
    __table_args__ = (
        UniqueConstraint("event_id", "number"),
        UniqueConstraint("event_id", "external_code"),
        Index("ix_guests_event_email", "event_id", "email"),
        # Search: the guests of a company in id order (company keys are stored per company).
        Index("ix_guests_event_company", "event_id", "company"),
        # Search: the guests of an e-mail domain in id order (its keys are stored per domain).
        Index("ix_guests_event_email_domain", "event_id", "email_domain"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    # The number and serial signed into the credential (kiosk.tokens); a re-issue bumps the serial.
    number: Mapped[int] = mapped_column(Integer)
    credential_serial: Mapped[int] = mapped_column(Integer, default=0)
    external_code: Mapped[str | None] = mapped_column(String(200))  # another system's barcode
    name: Mapped[str] = mapped_column(String(300))  # in the guest's own script
    name_latin: Mapped[str | None] = mapped_column(String(300))  # romanised, when it differs
    company: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(320))  # stored lower-cased
    # Set by kiosk.search with the keys: the domain whose keys the guest shares (None: the
    # address's keys are all the guest's own), see EmailDomainSearchTerm.
    email_domain: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(String(200))  # job title
    category: Mapped[str] = mapped_column(String(32))
    days: Mapped[list[str] | None] = mapped_column(JSON)  # ISO dates; None means every day
    language: Mapped[str | None] = mapped_column(String(16))  # preferred, e.g. "zh" or "en"
    note: Mapped[str | None] = mapped_column(Text)
    is_cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(16), default="import")  # import, walk_in, server
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utc_now, onupdate=utc_now)

    event: Mapped[Event] = relationship(back_populates="guests")


class GuestSearchTerm(Base):
    """One searchable key of a guest (a folded name, its pinyin, initials, e-mail parts...); see
    kiosk.search. Company keys are kept per company (CompanySearchTerm), not per guest.

    Stored in primary-key order (guest_id, term, rank), without a rowid: the table itself serves
    the filter of the other words of a query and the delete before a guest is re-indexed, and
    prefix ranges are searched on the one index (event_id, rank, term, guest_id).

    No foreign keys: a million keys are written at a time (an import, a first pull) and SQLite
    would check both for every row, a third of the insert. kiosk.search deletes a guest's keys
    before indexing it again, and removing an event removes its keys (kiosk.demo).
    """

    __tablename__ = "guest_search_terms"
    __table_args__ = (
        Index("ix_guest_search_terms_lookup", "event_id", "rank", "term", "guest_id"),
        {"sqlite_with_rowid": False},
    )

    guest_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    term: Mapped[str] = mapped_column(String(300), primary_key=True)
    rank: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # KeyKind
    event_id: Mapped[int] = mapped_column(Integer)


class CompanySearchTerm(Base):
    """One searchable key of a company as guests of an event write it (Guest.company, exactly):
    every guest with that company has the key. A list of 100,000 guests names a few hundred
    companies, so a company's keys are made and stored once, not once per guest."""

    __tablename__ = "company_search_terms"
    __table_args__ = (
        Index("ix_company_search_terms_lookup", "event_id", "term", "company"),
        {"sqlite_with_rowid": False},
    )

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    company: Mapped[str] = mapped_column(String(300), primary_key=True)
    term: Mapped[str] = mapped_column(String(300), primary_key=True)


class EmailDomainSearchTerm(Base):
    """One searchable key of an e-mail domain (``example com`` and ``com`` of example.com):
    every guest whose Guest.email_domain it is has the key. Most guests of a list share a few
    domains, so a domain's keys are stored once, not once per guest (the keys starting in an
    address's local part stay the guest's own)."""

    __tablename__ = "email_domain_search_terms"
    __table_args__ = (
        Index("ix_email_domain_search_terms_lookup", "event_id", "term", "domain"),
        {"sqlite_with_rowid": False},
    )

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    domain: Mapped[str] = mapped_column(String(320), primary_key=True)
    term: Mapped[str] = mapped_column(String(300), primary_key=True)


class Scan(Base):
    """Every scan, whatever its verdict: the audit trail and, when accepted, the check-in."""

    __tablename__ = "scans"
    __table_args__ = (
        Index("ix_scans_guest_time", "guest_id", "scanned_at"),
        Index("ix_scans_device_time", "device_uid", "scanned_at"),
        Index("ix_scans_event_number", "event_id", "guest_number"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uid)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    guest_id: Mapped[int | None] = mapped_column(ForeignKey("guests.id", ondelete="SET NULL"))
    # From the credential: lets a kiosk admit a guest registered after its last sync and link
    # the scan to the guest once the guest's details arrive.
    guest_number: Mapped[int | None] = mapped_column(Integer)
    credential_serial: Mapped[int | None] = mapped_column(Integer)
    checkpoint_id: Mapped[int | None] = mapped_column(
        ForeignKey("checkpoints.id", ondelete="SET NULL")
    )
    device_uid: Mapped[str] = mapped_column(String(36))
    scanned_at: Mapped[dt.datetime] = mapped_column(index=True)
    reason: Mapped[str] = mapped_column(String(32))  # a kiosk.domain.Reason value
    is_accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    direction: Mapped[str] = mapped_column(String(8), default=Direction.IN.value)
    payload_digest: Mapped[str] = mapped_column(String(64))  # never the credential itself
    code_kind: Mapped[str] = mapped_column(String(16))  # credential, barcode, manual, unreadable
    operator: Mapped[str | None] = mapped_column(String(100))  # staff member for manual entries
    undone_at: Mapped[dt.datetime | None] = mapped_column()
    undo_reason: Mapped[str | None] = mapped_column(Text)
    undone_by: Mapped[str | None] = mapped_column(String(100))
    # Set by sync: another device admitted this single-entry guest earlier while we were apart.
    is_conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    is_remote: Mapped[bool] = mapped_column(Boolean, default=False)  # came from another device

    guest: Mapped[Guest | None] = relationship()
    checkpoint: Mapped[Checkpoint | None] = relationship()


class CheckInUndo(Base):
    """A check-in reversed by staff, with why; synced like a scan."""

    __tablename__ = "checkin_undos"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uid)
    scan_id: Mapped[str] = mapped_column(ForeignKey("scans.id", ondelete="CASCADE"), unique=True)
    device_uid: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(Text)
    operator: Mapped[str | None] = mapped_column(String(100))
    undone_at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class PrintJob(Base):
    """A badge waiting for, going through or finished with the print system."""

    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    guest_id: Mapped[int | None] = mapped_column(
        ForeignKey("guests.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    printer: Mapped[str] = mapped_column(String(200))
    backend: Mapped[str] = mapped_column(String(32))
    template: Mapped[str] = mapped_column(String(64))
    pdf_path: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default=PrintJobState.QUEUED.value, index=True)
    state_reason: Mapped[str | None] = mapped_column(Text)
    backend_job_ref: Mapped[str | None] = mapped_column(String(200))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    print_reason: Mapped[str] = mapped_column(String(32))  # a kiosk.domain.PrintReason value
    operator: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)  # why, in staff's words (reason "other")
    device_uid: Mapped[str | None] = mapped_column(String(36))  # the kiosk that asked
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class BadgePrint(Base):
    """A badge that was printed: who asked, when, where and why."""

    __tablename__ = "badge_prints"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uid)
    guest_id: Mapped[int] = mapped_column(ForeignKey("guests.id", ondelete="CASCADE"), index=True)
    device_uid: Mapped[str] = mapped_column(String(36))
    printed_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    reason: Mapped[str] = mapped_column(String(32))  # a kiosk.domain.PrintReason value
    note: Mapped[str | None] = mapped_column(Text)
    operator: Mapped[str | None] = mapped_column(String(100))
    template: Mapped[str] = mapped_column(String(64))
    printer: Mapped[str | None] = mapped_column(String(200))
    print_job_id: Mapped[int | None] = mapped_column(
        ForeignKey("print_jobs.id", ondelete="SET NULL")
    )


class Device(Base):
    """A kiosk known to this database; exactly one row has is_self set on a kiosk."""

    __tablename__ = "devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    name: Mapped[str] = mapped_column(String(100))
    is_self: Mapped[bool] = mapped_column(Boolean, default=False)
    checkpoint_id: Mapped[int | None] = mapped_column(
        ForeignKey("checkpoints.id", ondelete="SET NULL")
    )
    enrolled_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    revoked_at: Mapped[dt.datetime | None] = mapped_column()


class OutboxItem(Base):
    """Something recorded here that the server has not yet acknowledged; written in the same
    transaction as the record itself, so nothing is recorded without being queued."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    item_uid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # a kiosk.domain.OutboxKind value
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    sent_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)


class SyncState(Base):
    """Small named values of sync and local set-up: pull cursor, server address, current event."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    """What staff did and why: name corrections, notes, revocations, walk-ins, reprints."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utc_now, index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    guest_id: Mapped[int | None] = mapped_column(
        ForeignKey("guests.id", ondelete="SET NULL"), index=True
    )
    actor: Mapped[str | None] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


__all__ = [
    "AuditEntry",
    "BadgePrint",
    "Base",
    "CheckInUndo",
    "Checkpoint",
    "CompanySearchTerm",
    "Device",
    "EmailDomainSearchTerm",
    "Event",
    "Guest",
    "GuestSearchTerm",
    "OutboxItem",
    "PrintJob",
    "Scan",
    "SyncState",
    "new_uid",
    "utc_now",
]
