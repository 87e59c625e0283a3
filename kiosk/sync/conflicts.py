"""Check-ins two gates made for the same single-entry guest while they could not see each other.

The server keeps both scans, counts the earlier as the arrival and flags every later one; the
flags reach every kiosk with the scans. Staff look at the list (desk, ``kiosk conflicts``) and
decide: usually a shared or copied invitation, sometimes a guest who went out and in at two
gates. Undoing one of the two check-ins clears the flag on every kiosk after the next sync.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from kiosk.domain import Direction
from kiosk.models import Checkpoint, Event, Guest, Scan


@dataclass(frozen=True, slots=True)
class Conflict:
    """One flagged check-in and the arrival it collides with."""

    scan_id: str
    guest_number: int | None
    guest_name: str | None
    checkpoint: str | None
    scanned_at: dt.datetime
    device_uid: str
    arrival_scan_id: str | None
    arrival_at: dt.datetime | None
    arrival_device_uid: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "scan_id": self.scan_id, "guest_number": self.guest_number,
            "guest_name": self.guest_name, "checkpoint": self.checkpoint,
            "scanned_at": self.scanned_at.isoformat(), "device_uid": self.device_uid,
            "arrival_scan_id": self.arrival_scan_id,
            "arrival_at": self.arrival_at.isoformat() if self.arrival_at else None,
            "arrival_device_uid": self.arrival_device_uid,
        }


def list_conflicts(session: Session, event: Event) -> list[Conflict]:
    """The event's standing flagged check-ins, oldest first, each with its arrival."""
    flagged = session.execute(
        select(Scan, Guest.name, Checkpoint.name)
        .outerjoin(Guest, Guest.id == Scan.guest_id)
        .outerjoin(Checkpoint, Checkpoint.id == Scan.checkpoint_id)
        .where(Scan.event_id == event.id, Scan.is_conflict.is_(True), Scan.undone_at.is_(None))
        .order_by(Scan.scanned_at, Scan.id)
    ).all()
    found: list[Conflict] = []
    first = aliased(Scan)
    for scan, guest_name, checkpoint_name in flagged:
        arrival = session.scalar(
            select(first).where(
                first.event_id == event.id, first.checkpoint_id == scan.checkpoint_id,
                first.guest_number == scan.guest_number, first.is_accepted.is_(True),
                first.undone_at.is_(None), first.is_conflict.is_(False),
                first.direction == Direction.IN.value,
            ).order_by(first.scanned_at, first.id).limit(1)
        )
        found.append(Conflict(
            scan_id=scan.id, guest_number=scan.guest_number, guest_name=guest_name,
            checkpoint=checkpoint_name, scanned_at=scan.scanned_at, device_uid=scan.device_uid,
            arrival_scan_id=arrival.id if arrival else None,
            arrival_at=arrival.scanned_at if arrival else None,
            arrival_device_uid=arrival.device_uid if arrival else None,
        ))
    return found
