"""The wire format shared by the server and the kiosks: one JSON-able record per synced thing.

A change travels as ``{"seq": N, "kind": KIND, "data": RECORD}``; the record is always the whole
thing (not a difference), so applying a change twice, or an older page again, does no harm.
Kinds and their records:

    event        event_record       name, dates, time zone, public key (never the signing key)
    checkpoint   checkpoint_record  name and rules
    guest        guest_record       details, number, credential serial, cancelled (= revoked)
    scan         scan_record        a scan from any device, with the server's conflict flag
    undo         undo_record        a check-in reversed by staff
    badge_print  badge_print_record a badge printed somewhere

Pushed outbox items carry the same shapes (a scan's outbox payload is ``checkin.scan_payload``).
Times are ISO 8601 in UTC; dates ISO; binary as base64.
"""

from __future__ import annotations

import base64
import datetime as dt
from enum import StrEnum
from typing import Any

from kiosk.models import BadgePrint, Checkpoint, Event, Guest, Scan


class ChangeKind(StrEnum):
    """What a change record describes."""

    EVENT = "event"
    CHECKPOINT = "checkpoint"
    GUEST = "guest"
    SCAN = "scan"
    UNDO = "undo"
    BADGE_PRINT = "badge_print"


# Guest fields a record carries, in the order of the model.
GUEST_FIELDS = (
    "uid", "number", "credential_serial", "external_code", "name", "name_latin", "company",
    "country", "email", "phone", "title", "category", "days", "language", "note",
    "is_cancelled", "source",
)
CHECKPOINT_FIELDS = (
    "uid", "name", "name_local", "direction", "entry_policy", "allowed_categories",
    "allowed_days",
)


def iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(dt.UTC).isoformat()


def parse_time(text: str | None) -> dt.datetime | None:
    """A UTC datetime from a record; a naive value is taken as UTC (every record is in UTC)."""
    if text is None:
        return None
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def _b64(value: bytes | None) -> str | None:
    return None if value is None else base64.b64encode(value).decode("ascii")


def unb64(text: str | None) -> bytes | None:
    return None if text is None else base64.b64decode(text)


def event_record(event: Event) -> dict[str, Any]:
    return {
        "uid": event.uid, "name": event.name, "name_local": event.name_local,
        "venue": event.venue, "timezone": event.timezone,
        "starts_on": event.starts_on.isoformat(), "ends_on": event.ends_on.isoformat(),
        "key_id": event.key_id, "public_key": _b64(event.public_key),
    }


def checkpoint_record(checkpoint: Checkpoint, event_uid: str) -> dict[str, Any]:
    record: dict[str, Any] = {name: getattr(checkpoint, name) for name in CHECKPOINT_FIELDS}
    record["event_uid"] = event_uid
    record["opens_at"] = checkpoint.opens_at.isoformat() if checkpoint.opens_at else None
    record["closes_at"] = checkpoint.closes_at.isoformat() if checkpoint.closes_at else None
    return record


def guest_record(guest: Guest, event_uid: str) -> dict[str, Any]:
    record: dict[str, Any] = {name: getattr(guest, name) for name in GUEST_FIELDS}
    record["event_uid"] = event_uid
    return record


def scan_record(
    scan: Scan, event_uid: str, guest_uid: str | None, checkpoint_uid: str | None
) -> dict[str, Any]:
    """A scan as every device receives it, with the flags the server sets."""
    return {
        "id": scan.id, "event_uid": event_uid, "guest_uid": guest_uid,
        "guest_number": scan.guest_number, "credential_serial": scan.credential_serial,
        "checkpoint_uid": checkpoint_uid, "device_uid": scan.device_uid,
        "scanned_at": iso(scan.scanned_at), "reason": scan.reason,
        "is_accepted": scan.is_accepted, "direction": scan.direction,
        "code_kind": scan.code_kind, "payload_digest": scan.payload_digest,
        "operator": scan.operator, "undone_at": iso(scan.undone_at),
        "undo_reason": scan.undo_reason, "undone_by": scan.undone_by,
        "is_conflict": scan.is_conflict,
    }


def undo_record(
    undo_id: str, scan_id: str, device_uid: str, reason: str, operator: str | None,
    undone_at: dt.datetime,
) -> dict[str, Any]:
    return {
        "id": undo_id, "scan_id": scan_id, "device_uid": device_uid, "reason": reason,
        "operator": operator, "undone_at": iso(undone_at),
    }


def badge_print_record(badge: BadgePrint, guest_uid: str) -> dict[str, Any]:
    return {
        "id": badge.id, "guest_uid": guest_uid, "device_uid": badge.device_uid,
        "printed_at": iso(badge.printed_at), "reason": badge.reason, "note": badge.note,
        "operator": badge.operator, "template": badge.template, "printer": badge.printer,
    }


def parse_time_of_day(text: str | None) -> dt.time | None:
    return None if text is None else dt.time.fromisoformat(text)


def parse_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
