"""The server's own tables, beside the core's (events, guests, checkpoints, scans... of
kiosk.models, which the server keeps as the event's master copy).

    sync_counters   the last sequence number handed out per event; its row lock orders writers
    changes         every change a kiosk must learn, numbered per event (the pull stream)
    sync_heads      the newest published record digest per guest/checkpoint/event (no-op skips)
    received_items  outbox items accepted from devices, by item id: each is applied exactly once
    server_devices  enrolled kiosks: token hash, event, expiry, revocation
    enrolment_codes one-time codes a kiosk trades for its token (stored as hashes)

They live on their own metadata with their own Alembic history (kiosk/server/migrations,
version table ``server_alembic_version``), so a kiosk's database never grows server tables.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kiosk.models import Event, UtcDateTime, utc_now

_EVENT_ID = Event.__table__.c.id


class ServerBase(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UtcDateTime}


class SyncCounter(ServerBase):
    """The event's last sequence number. Writers lock this row first, so sequence numbers
    become visible in order and a reader's cursor never skips a late commit."""

    __tablename__ = "sync_counters"

    event_id: Mapped[int] = mapped_column(
        ForeignKey(_EVENT_ID, ondelete="CASCADE"), primary_key=True
    )
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)


class ChangeRecord(ServerBase):
    """One change in the event's pull stream; ``data`` is the record as JSON text, ready to send."""

    __tablename__ = "changes"

    event_id: Mapped[int] = mapped_column(
        ForeignKey(_EVENT_ID, ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(16))
    entity_uid: Mapped[str] = mapped_column(String(36))
    data: Mapped[str] = mapped_column(Text)
    origin_device: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class SyncHead(ServerBase):
    """What was last published of one guest, checkpoint or event, to skip unchanged records."""

    __tablename__ = "sync_heads"

    event_id: Mapped[int] = mapped_column(
        ForeignKey(_EVENT_ID, ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    entity_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    digest: Mapped[str] = mapped_column(String(64))


class ReceivedItem(ServerBase):
    """An outbox item a device pushed, kept by id so a repeated push is recognised."""

    __tablename__ = "received_items"
    __table_args__ = (Index("ix_received_items_device", "device_uid", "received_at"),)

    item_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey(_EVENT_ID, ondelete="CASCADE"))
    device_uid: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class ServerDevice(ServerBase):
    """An enrolled kiosk. Its token is kept only as a SHA-256 hash (the token is 256 random bits,
    so a fast hash is enough: there is nothing to guess)."""

    __tablename__ = "server_devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    event_id: Mapped[int] = mapped_column(ForeignKey(_EVENT_ID, ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    can_issue: Mapped[bool] = mapped_column(Boolean, default=False)
    # Guest numbers this device may give walk-ins while offline (issuing devices only).
    number_block_start: Mapped[int | None] = mapped_column(Integer)
    number_block_end: Mapped[int | None] = mapped_column(Integer)
    enrolled_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    expires_at: Mapped[dt.datetime] = mapped_column()
    revoked_at: Mapped[dt.datetime | None] = mapped_column()
    revoked_reason: Mapped[str | None] = mapped_column(Text)
    last_seen_at: Mapped[dt.datetime | None] = mapped_column()


class EnrolmentCode(ServerBase):
    """A one-time code that lets one kiosk enrol with one event, until it expires."""

    __tablename__ = "enrolment_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey(_EVENT_ID, ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str | None] = mapped_column(String(100))
    can_issue: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    expires_at: Mapped[dt.datetime] = mapped_column()
    used_at: Mapped[dt.datetime | None] = mapped_column()
    device_uid: Mapped[str | None] = mapped_column(String(36))


__all__ = [
    "ChangeRecord",
    "EnrolmentCode",
    "ReceivedItem",
    "ServerBase",
    "ServerDevice",
    "SyncCounter",
    "SyncHead",
]
