"""The staff PIN that guards a kiosk's exit and the staff desk.

The PIN is kept only as a scrypt hash (hashlib, a fresh salt per PIN) in the local database; a
wrong PIN counts against ``MAX_TRIES`` and, when they run out, locks the PIN for ``LOCKOUT`` (kept
in the database too, so restarting the program does not lift it). Setting a PIN, a lockout and a
change are written to the audit trail. A kiosk on which no PIN was ever set asks staff to choose one
the first time the staff door is opened (``is_set`` is False); ``kiosk pin set`` sets it beforehand.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from kiosk.db import Database
from kiosk.errors import ConflictError, UsageError
from kiosk.models import AuditEntry, SyncState, utc_now

log = logging.getLogger("kiosk.pin")

HASH_KEY = "staff_pin_hash"
TRIES_KEY = "staff_pin_wrong_tries"
LOCKED_KEY = "staff_pin_locked_until"

MAX_TRIES = 5
LOCKOUT = dt.timedelta(minutes=5)
MIN_DIGITS, MAX_DIGITS = 4, 12
# scrypt at n=2**14, r=8 costs about 16 MiB and a few tens of milliseconds: nothing for a person
# entering a PIN, a great deal for someone trying all 10,000 four-digit PINs against a stolen file.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}

Clock = Callable[[], dt.datetime]


class PinOutcome(StrEnum):
    """What checking a PIN found."""

    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"
    NOT_SET = "not_set"


@dataclass(frozen=True, slots=True)
class PinCheck:
    """The answer to one PIN entry."""

    outcome: PinOutcome
    tries_left: int = MAX_TRIES
    locked_until: dt.datetime | None = None

    @property
    def is_accepted(self) -> bool:
        return self.outcome is PinOutcome.ACCEPTED


def validate_pin(pin: str) -> str:
    """The PIN if it is 4 to 12 digits; UsageError saying what is wrong otherwise."""
    pin = pin.strip()
    if not pin.isdigit() or not pin.isascii():
        raise UsageError("a PIN is digits only", where="PIN", hint="use 4 to 12 digits")
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise UsageError(
            f"a PIN has {MIN_DIGITS} to {MAX_DIGITS} digits, not {len(pin)}", where="PIN"
        )
    return pin


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """The stored form: ``scrypt$n$r$p$salt$hash`` (base64), never the PIN itself."""
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT)
    encode = base64.b64encode
    return (f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}$"
            f"{encode(salt).decode()}${encode(digest).decode()}")


def pin_matches(pin: str, stored: str) -> bool:
    """Whether pin hashes to the stored form (in constant time)."""
    try:
        scheme, n, r, p, salt_text, digest_text = stored.split("$")
        if scheme != "scrypt":
            return False
        salt, digest = base64.b64decode(salt_text), base64.b64decode(digest_text)
        candidate = hashlib.scrypt(
            pin.encode(), salt=salt, dklen=len(digest), n=int(n), r=int(r), p=int(p)
        )
    except (ValueError, TypeError):
        log.error("the stored staff PIN is damaged; set a new one with 'kiosk pin set'")
        return False
    return hmac.compare_digest(candidate, digest)


def _get(session: Session, key: str) -> str | None:
    state = session.get(SyncState, key)
    return state.value if state is not None else None


def _put(session: Session, key: str, value: str | None) -> None:
    state = session.get(SyncState, key)
    if value is None:
        if state is not None:
            session.delete(state)
    elif state is None:
        session.add(SyncState(key=key, value=value))
    else:
        state.value = value


class PinGuard:
    """Checks and changes the staff PIN of the kiosk whose database it is given.

    Each call opens its own session, so it may run on a worker thread (scrypt takes a moment).
    """

    def __init__(
        self, database: Database, *, clock: Clock = utc_now, max_tries: int = MAX_TRIES,
        lockout: dt.timedelta = LOCKOUT,
    ) -> None:
        self.database = database
        self.clock = clock
        self.max_tries = max_tries
        self.lockout = lockout

    def is_set(self) -> bool:
        with self.database.session() as session:
            return _get(session, HASH_KEY) is not None

    def status(self) -> PinCheck:
        """Whether a PIN may be tried now, without trying one."""
        with self.database.session() as session:
            return self._status(session)

    def _status(self, session: Session) -> PinCheck:
        if _get(session, HASH_KEY) is None:
            return PinCheck(PinOutcome.NOT_SET)
        locked = _get(session, LOCKED_KEY)
        if locked is not None:
            until = dt.datetime.fromisoformat(locked)
            if self.clock() < until:
                return PinCheck(PinOutcome.LOCKED, tries_left=0, locked_until=until)
            _put(session, LOCKED_KEY, None)
            _put(session, TRIES_KEY, None)
        wrong = int(_get(session, TRIES_KEY) or 0)
        return PinCheck(PinOutcome.WRONG, tries_left=self.max_tries - wrong)

    def check(self, pin: str) -> PinCheck:
        """Try a PIN: ACCEPTED (tries reset), WRONG (tries_left), LOCKED (until) or NOT_SET."""
        with self.database.session() as session:
            status = self._status(session)
            if status.outcome in (PinOutcome.NOT_SET, PinOutcome.LOCKED):
                return status
            stored = _get(session, HASH_KEY)
            assert stored is not None
            if pin_matches(pin.strip(), stored):
                _put(session, TRIES_KEY, None)
                return PinCheck(PinOutcome.ACCEPTED, tries_left=self.max_tries)
            wrong = self.max_tries - status.tries_left + 1
            now = self.clock()
            if wrong >= self.max_tries:
                until = now + self.lockout
                _put(session, LOCKED_KEY, until.isoformat())
                _put(session, TRIES_KEY, str(wrong))
                session.add(AuditEntry(at=now, actor=None, action="staff_pin_locked",
                                       details={"tries": wrong, "until": until.isoformat()}))
                log.warning("staff PIN locked until %s after %d wrong tries", until, wrong)
                return PinCheck(PinOutcome.LOCKED, tries_left=0, locked_until=until)
            _put(session, TRIES_KEY, str(wrong))
            return PinCheck(PinOutcome.WRONG, tries_left=self.max_tries - wrong)

    def set_pin(
        self, new_pin: str, *, current: str | None = None, actor: str | None = None
    ) -> None:
        """Set the PIN; changing one that exists needs the current PIN (ConflictError if wrong)."""
        new_pin = validate_pin(new_pin)
        if self.is_set():
            if current is None:
                raise ConflictError("a staff PIN is already set", hint="give the current PIN")
            if not self.check(current).is_accepted:
                raise ConflictError("the current PIN is wrong or locked")
        self._store(new_pin, actor, "staff_pin_set")

    def set_first_pin(self, new_pin: str, *, actor: str | None = None) -> None:
        """Set the PIN on a kiosk that has none; ConflictError once one exists."""
        new_pin = validate_pin(new_pin)
        if self.is_set():
            raise ConflictError("a staff PIN is already set")
        self._store(new_pin, actor, "staff_pin_set")

    def reset(self, new_pin: str, *, actor: str | None = None) -> None:
        """Replace the PIN without the old one (the `kiosk pin set --reset` of someone with the
        machine's data folder) and lift any lockout; audited."""
        self._store(validate_pin(new_pin), actor, "staff_pin_reset")

    def _store(self, pin: str, actor: str | None, action: str) -> None:
        stored = hash_pin(pin)
        with self.database.session() as session:
            _put(session, HASH_KEY, stored)
            _put(session, TRIES_KEY, None)
            _put(session, LOCKED_KEY, None)
            session.add(AuditEntry(at=self.clock(), actor=actor, action=action, details={}))
