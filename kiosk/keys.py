"""The event's Ed25519 key pair: create it, show its fingerprint, replace it on purpose.

Replacing the key invalidates every credential issued under the old one (kiosks then refuse them
as forged), so it is never done as a side effect: only rotate_keys does it, and callers must ask.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk import tokens
from kiosk.errors import ConflictError
from kiosk.models import AuditEntry, Event, Guest

log = logging.getLogger("kiosk.keys")


@dataclass(frozen=True, slots=True)
class KeyStatus:
    """What a kiosk knows of the event's key after ensure_keys or rotate_keys."""

    event_uid: str
    key_id: int
    fingerprint: str
    public_key_pem: str
    can_issue: bool  # the signing key is on this machine
    is_new: bool  # created (or replaced) just now
    replaced_fingerprint: str | None = None  # the key that rotate_keys threw away
    invalidated_guests: int = 0  # guests whose credentials the replacement made invalid


def fingerprint(public_key: bytes) -> str:
    """SHA-256 of the raw public key, first 16 bytes in groups of four hex digits, to compare
    by eye or read out over the phone between the organiser's machine and a kiosk."""
    digest = hashlib.sha256(public_key).hexdigest()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def _status(
    event: Event, *, is_new: bool, replaced: str | None = None, invalidated: int = 0
) -> KeyStatus:
    assert event.public_key is not None
    return KeyStatus(
        event_uid=event.uid, key_id=event.key_id, fingerprint=fingerprint(event.public_key),
        public_key_pem=tokens.public_key_pem(event.public_key),
        can_issue=event.signing_key is not None, is_new=is_new,
        replaced_fingerprint=replaced, invalidated_guests=invalidated,
    )


def ensure_keys(session: Session, event: Event) -> KeyStatus:
    """The event's key, created now if it has none; an existing key is never replaced here."""
    if event.public_key is not None:
        return _status(event, is_new=False)
    pair = tokens.generate_keypair()
    event.signing_key, event.public_key = pair.signing_key, pair.public_key
    session.add(AuditEntry(
        event_id=event.id, action="keys_created",
        details={"key_id": event.key_id, "fingerprint": fingerprint(pair.public_key)},
    ))
    session.flush()
    log.info("created the signing key of event %s", event.uid)
    return _status(event, is_new=True)


def rotate_keys(session: Session, event: Event, *, actor: str | None = None) -> KeyStatus:
    """Replace the event's key pair: every credential issued so far stops verifying."""
    if event.public_key is None:
        return ensure_keys(session, event)
    if event.signing_key is None:
        raise ConflictError(
            "this kiosk holds only the event's public key, not its signing key",
            hint="replace the key on the organiser's machine or the server; kiosks get it by sync",
        )
    old = fingerprint(event.public_key)
    invalidated = session.scalar(
        select(func.count()).select_from(Guest).where(
            Guest.event_id == event.id, Guest.is_cancelled.is_(False)
        )
    ) or 0
    pair = tokens.generate_keypair()
    event.signing_key, event.public_key = pair.signing_key, pair.public_key
    event.key_id += 1
    session.add(AuditEntry(
        event_id=event.id, actor=actor, action="keys_rotated",
        details={"key_id": event.key_id, "fingerprint": fingerprint(pair.public_key),
                 "replaced_fingerprint": old, "invalidated_guests": invalidated},
    ))
    session.flush()
    log.info("replaced the signing key of event %s: %d credentials are now invalid",
             event.uid, invalidated)
    return _status(event, is_new=True, replaced=old, invalidated=invalidated)
