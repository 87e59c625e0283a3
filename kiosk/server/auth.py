"""Enrolment codes and device tokens: how a kiosk proves who it is.

An organiser issues a one-time enrolment code for an event; a kiosk trades it (once, before it
expires) for its own device token. The server stores both only as SHA-256 hashes: they are long
random secrets, so a slow password hash would add nothing. A token is refused when it is unknown,
expired, or its device has been revoked, and it only ever opens its own event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kiosk.errors import ConflictError, NotFoundError, UsageError
from kiosk.models import Event
from kiosk.server.models import EnrolmentCode, ServerDevice

log = logging.getLogger("kiosk.server.auth")

TOKEN_PREFIX = "kdt_"
# Crockford's base 32: no I, L, O or U, so a code read aloud or typed is hard to get wrong.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_GROUPS, CODE_GROUP_LENGTH = 3, 4
DEFAULT_CODE_LIFETIME = dt.timedelta(hours=24)
TOKEN_GRACE = dt.timedelta(days=30)  # a token stays good this long after the event's last day
NUMBER_BLOCK = 1000  # guest numbers set aside for each issuing device's offline walk-ins


class AuthProblem(StrEnum):
    """Why a request was refused; sent to the kiosk as the error code."""

    MISSING_TOKEN = "missing_token"
    UNKNOWN_TOKEN = "unknown_token"
    EXPIRED_TOKEN = "expired_token"
    DEVICE_REVOKED = "device_revoked"
    UNKNOWN_CODE = "unknown_code"
    USED_CODE = "used_code"
    EXPIRED_CODE = "expired_code"


class AuthError(Exception):
    """A request's credentials were refused; ``problem`` says which way."""

    def __init__(self, problem: AuthProblem, message: str) -> None:
        super().__init__(message)
        self.problem = problem
        self.message = message


@dataclass(frozen=True, slots=True)
class DeviceContext:
    """The authenticated device a request comes from."""

    device_id: int
    device_uid: str
    name: str
    event_id: int
    event_uid: str
    can_issue: bool


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_code() -> str:
    """A fresh enrolment code such as ``7K3M-QX9D-2HPA`` (60 random bits)."""
    symbols = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LENGTH))
    return "-".join(
        symbols[i:i + CODE_GROUP_LENGTH] for i in range(0, len(symbols), CODE_GROUP_LENGTH)
    )


def normalise_code(text: str) -> str:
    """A code as typed (any case, spaces or dashes, O for 0, I or L for 1) in canonical form."""
    cleaned = text.strip().upper().replace(" ", "").replace("-", "")
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))
    if len(cleaned) != CODE_GROUPS * CODE_GROUP_LENGTH or any(
        c not in CODE_ALPHABET for c in cleaned
    ):
        return cleaned  # looked up as it is, so it is simply unknown
    return "-".join(
        cleaned[i:i + CODE_GROUP_LENGTH] for i in range(0, len(cleaned), CODE_GROUP_LENGTH)
    )


def create_enrolment_code(
    session: Session, event: Event, now: dt.datetime, *, label: str | None = None,
    can_issue: bool = False, lifetime: dt.timedelta = DEFAULT_CODE_LIFETIME,
) -> tuple[str, EnrolmentCode]:
    """A one-time code for a kiosk to enrol with this event; the code text is shown only now."""
    if lifetime <= dt.timedelta(0):
        raise UsageError("an enrolment code must stay valid for some time", where="--hours")
    code = new_code()
    row = EnrolmentCode(
        event_id=event.id, code_hash=hash_secret(code), label=label, can_issue=can_issue,
        created_at=now, expires_at=now + lifetime,
    )
    session.add(row)
    session.flush()
    log.info("enrolment code %d issued for event %s", row.id, event.uid)
    return code, row


@dataclass(frozen=True, slots=True)
class Enrolled:
    """What a kiosk receives when its code is accepted."""

    device: ServerDevice
    token: str
    event: Event


def token_expiry(event: Event, now: dt.datetime) -> dt.datetime:
    end = dt.datetime.combine(event.ends_on, dt.time(0), dt.UTC) + dt.timedelta(days=1)
    return max(end, now) + TOKEN_GRACE


def enrol_device(
    session: Session, code_text: str, device_uid: str, name: str, now: dt.datetime
) -> Enrolled:
    """Trade a one-time code for a device token (used up in the same transaction)."""
    code_hash = hash_secret(normalise_code(code_text))
    code = session.scalar(select(EnrolmentCode).where(EnrolmentCode.code_hash == code_hash))
    if code is None:
        raise AuthError(AuthProblem.UNKNOWN_CODE, "this enrolment code is not known here")
    if code.used_at is not None:
        raise AuthError(AuthProblem.USED_CODE, "this enrolment code has been used already")
    if code.expires_at <= now:
        raise AuthError(AuthProblem.EXPIRED_CODE, "this enrolment code has expired")
    event = session.get(Event, code.event_id)
    assert event is not None
    claimed = session.execute(
        update(EnrolmentCode)
        .where(EnrolmentCode.id == code.id, EnrolmentCode.used_at.is_(None))
        .values(used_at=now, device_uid=device_uid)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise AuthError(AuthProblem.USED_CODE, "this enrolment code has been used already")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    device = session.scalar(select(ServerDevice).where(ServerDevice.uid == device_uid))
    if device is not None:
        if device.event_id != event.id:
            raise ConflictError(
                "this kiosk is enrolled with another event",
                hint="use a separate data folder for each event",
            )
        if device.revoked_at is not None:
            raise AuthError(
                AuthProblem.DEVICE_REVOKED,
                "this kiosk was revoked; it cannot enrol again with the same data folder",
            )
        device.token_hash = hash_secret(token)
        device.name = name
        device.expires_at = token_expiry(event, now)
        device.can_issue = device.can_issue or code.can_issue
    else:
        device = ServerDevice(
            uid=device_uid, event_id=event.id, name=name, token_hash=hash_secret(token),
            can_issue=code.can_issue, enrolled_at=now, expires_at=token_expiry(event, now),
        )
        session.add(device)
    if device.can_issue and device.number_block_start is None:
        device.number_block_start = event.next_guest_number
        device.number_block_end = event.next_guest_number + NUMBER_BLOCK - 1
        event.next_guest_number += NUMBER_BLOCK
    session.flush()
    log.info("device %s (%s) enrolled with event %s", device.uid, name, event.uid)
    return Enrolled(device=device, token=token, event=event)


def authenticate(session: Session, token: str | None, now: dt.datetime) -> DeviceContext:
    """The device a bearer token belongs to; AuthError when it must be refused."""
    if not token:
        raise AuthError(AuthProblem.MISSING_TOKEN, "this request needs a device token")
    row = session.execute(
        select(ServerDevice, Event.uid)
        .join(Event, Event.id == ServerDevice.event_id)
        .where(ServerDevice.token_hash == hash_secret(token))
    ).first()
    if row is None:
        raise AuthError(AuthProblem.UNKNOWN_TOKEN, "this device token is not known here")
    device, event_uid = row
    if device.revoked_at is not None:
        raise AuthError(AuthProblem.DEVICE_REVOKED, "this device has been revoked")
    if device.expires_at <= now:
        raise AuthError(AuthProblem.EXPIRED_TOKEN, "this device token has expired; enrol again")
    return DeviceContext(
        device_id=device.id, device_uid=device.uid, name=device.name,
        event_id=device.event_id, event_uid=event_uid, can_issue=device.can_issue,
    )


def find_device(session: Session, ref: str) -> ServerDevice:
    """A device by uid, uid prefix (8+ characters) or exact name."""
    ref = ref.strip()
    device = session.scalar(select(ServerDevice).where(ServerDevice.uid == ref))
    if device is None and len(ref) >= 8:
        found = session.scalars(select(ServerDevice).where(ServerDevice.uid.startswith(ref))).all()
        device = found[0] if len(found) == 1 else None
    if device is None:
        named = session.scalars(select(ServerDevice).where(ServerDevice.name == ref)).all()
        if len(named) > 1:
            raise UsageError(f"{len(named)} devices are named {ref!r}", hint="give the device id")
        device = named[0] if named else None
    if device is None:
        raise NotFoundError(f"no device {ref!r}", hint="see 'kiosk server admin devices'")
    return device


def revoke_device(
    session: Session, device: ServerDevice, now: dt.datetime, reason: str | None = None
) -> ServerDevice:
    """Refuse the device's token from now on (its scans so far stay)."""
    if device.revoked_at is None:
        device.revoked_at = now
        device.revoked_reason = reason
        log.info("device %s revoked", device.uid)
    return device
