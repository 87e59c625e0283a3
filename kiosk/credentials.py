"""A guest's credential as staff handle it: look it up, or re-issue it with an audit trail.

Re-issuing (a lost invitation, a badge handed to the wrong person) bumps the guest's serial, so
every earlier credential is refused as revoked. The change is audited and queued for the server
in the same transaction, so the other kiosks learn of the revocation at their next sync.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.orm import Session

from kiosk import events
from kiosk.domain import OutboxKind
from kiosk.models import AuditEntry, Event, Guest, OutboxItem, new_uid, utc_now

log = logging.getLogger("kiosk.credentials")


@dataclass(frozen=True, slots=True)
class Reissued:
    """The new credential and the serials that tell old from new."""

    guest_uid: str
    guest_number: int
    revoked_serial: int  # this serial and every lower one are now refused
    serial: int
    credential: str


def reissue(
    session: Session, event: Event, guest: Guest, *, actor: str | None = None
) -> Reissued:
    """Revoke the guest's credential, issue the next one, audit it and queue it for sync."""
    revoked = guest.credential_serial
    credential = events.reissue_credential(session, event, guest)
    now = utc_now()
    session.add(AuditEntry(
        at=now, event_id=event.id, guest_id=guest.id, actor=actor, action="credential_reissued",
        details={"number": guest.number, "revoked_serial": revoked,
                 "serial": guest.credential_serial},
    ))
    item_uid = new_uid()
    session.add(OutboxItem(
        item_uid=item_uid, kind=OutboxKind.GUEST.value, created_at=now,
        payload={"id": item_uid, "change": "credential_reissued", "guest_uid": guest.uid,
                 "number": guest.number, "credential_serial": guest.credential_serial,
                 "at": now.isoformat()},
    ))
    session.flush()
    log.info("re-issued the credential of guest #%d (serial %d)", guest.number,
             guest.credential_serial)
    return Reissued(
        guest_uid=guest.uid, guest_number=guest.number, revoked_serial=revoked,
        serial=guest.credential_serial, credential=credential,
    )
