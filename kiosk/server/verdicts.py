"""Online verdicts: the server decides a scan with everything every gate has recorded.

The kiosk sends the scanned text, its checkpoint and the scan's id and time; the server runs the
same engine the kiosks run (``kiosk.checkin.decide``) under the event's change-log lock, so two
gates asking at once for the same single-entry guest are answered one after the other: the first
is admitted and its scan stored at once, the second is told the guest is already checked in.
Refused scans are not stored here; they arrive with the kiosk's next push like any other.
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.checkin import decide, payload_digest
from kiosk.errors import NotFoundError
from kiosk.models import Checkpoint, Event, Scan
from kiosk.server.auth import DeviceContext
from kiosk.server.changes import ChangeLog
from kiosk.server.ingest import EventWriter
from kiosk.server.schemas import VerdictRequest, VerdictResponse

log = logging.getLogger("kiosk.server.verdicts")


def rule(session: Session, device: DeviceContext, request: VerdictRequest) -> VerdictResponse:
    """The server's verdict on one scan; an accepted scan is stored before the answer."""
    change_log = ChangeLog(session, device.event_id)
    event = session.get(Event, device.event_id)
    assert event is not None
    checkpoint = session.scalar(select(Checkpoint).where(
        Checkpoint.uid == request.checkpoint_uid, Checkpoint.event_id == event.id))
    if checkpoint is None:
        raise NotFoundError("no such checkpoint in this device's event")
    scanned_at = request.scanned_at
    scanned_at = (scanned_at.astimezone(dt.UTC) if scanned_at.tzinfo
                  else scanned_at.replace(tzinfo=dt.UTC))
    existing = session.get(Scan, request.scan_id)
    if existing is not None:  # the kiosk asked again after a lost answer
        if existing.event_id != event.id:
            raise NotFoundError("no such scan in this device's event")
        return VerdictResponse(
            scan_id=existing.id, reason=existing.reason, accepted=existing.is_accepted,
            is_first_arrival=False, first_checkin_at=None, first_checkin_checkpoint=None,
            recorded=True,
        )
    payload = request.payload.strip()
    verdict, identified = decide(session, event, checkpoint, payload, scanned_at)
    recorded = False
    if verdict.is_accepted:
        writer = EventWriter(session, event, change_log)
        writer.add_scan(Scan(
            id=request.scan_id, event_id=event.id,
            guest_id=identified.guest.id if identified.guest is not None else None,
            guest_number=identified.number, credential_serial=identified.serial,
            checkpoint_id=checkpoint.id, device_uid=device.device_uid, scanned_at=scanned_at,
            reason=verdict.reason.value, is_accepted=True, direction=checkpoint.direction,
            payload_digest=payload_digest(payload), code_kind=identified.code_kind,
        ))
        writer.finish()
        change_log.flush()
        recorded = True
    log.info("online verdict for %s at %s: %s", device.name, checkpoint.name,
             verdict.reason.value)
    return VerdictResponse(
        scan_id=request.scan_id, reason=verdict.reason.value,
        accepted=verdict.is_accepted,
        is_first_arrival=verdict.is_first_arrival, first_checkin_at=verdict.first_checkin_at,
        first_checkin_checkpoint=verdict.first_checkin_checkpoint, recorded=recorded,
    )
