"""Shared enums and small value types: the vocabulary every part of the kiosk speaks.

Stored values are the enum *values* (short lowercase strings), so a database row stays readable
and a renamed Python member never rewrites history.
"""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """A guest's category; decides where they may go and the colour band on the badge."""

    GUEST = "guest"
    VIP = "vip"
    SPEAKER = "speaker"
    EXHIBITOR = "exhibitor"
    MEDIA = "media"
    STAFF = "staff"


class Reason(StrEnum):
    """Why a scan got its verdict. The UI maps each member to words, colour and icon in one table.

    Order of checks (see kiosk.checkin): format, signature, event, revocation, guest known,
    checkpoint category, day, opening hours, entry policy.
    """

    ADMITTED = "admitted"
    READMITTED = "readmitted"  # re-entry allowed here, or again after leaving
    EXITED = "exited"  # counted out at an exit checkpoint
    ALREADY_CHECKED_IN = "already_checked_in"
    WRONG_CATEGORY = "wrong_category"
    WRONG_DAY = "wrong_day"
    CLOSED = "closed"  # outside the checkpoint's opening hours
    UNKNOWN_CODE = "unknown_code"
    INVALID = "invalid"  # malformed, or the signature does not verify: forged or damaged
    REVOKED = "revoked"  # credential replaced by a newer one, or registration cancelled

    @property
    def is_accepted(self) -> bool:
        return self in _ACCEPTED


_ACCEPTED = frozenset({Reason.ADMITTED, Reason.READMITTED, Reason.EXITED})


class EntryPolicy(StrEnum):
    """How often one guest may pass a checkpoint."""

    SINGLE = "single"  # once for the whole event
    DAILY = "daily"  # once per event day
    REENTRY = "reentry"  # as often as they like; later scans are re-entries


class Direction(StrEnum):
    """Whether a checkpoint counts people in or out."""

    IN = "in"
    OUT = "out"


class PrintReason(StrEnum):
    """Why a badge was printed; every reprint needs one of the reprint reasons."""

    FIRST = "first"
    LOST = "lost"
    DAMAGED = "damaged"
    NAME_CORRECTED = "name_corrected"
    OTHER = "other"


class PrintJobState(StrEnum):
    """Where a print job is in the queue."""

    QUEUED = "queued"
    PRINTING = "printing"
    HELD = "held"  # printer off, paused, out of paper or missing; retried when it returns
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


class OutboxKind(StrEnum):
    """What an outbox item carries to the server."""

    SCAN = "scan"
    UNDO = "undo"
    BADGE_PRINT = "badge_print"
    GUEST = "guest"  # walk-in registered or guest corrected at this kiosk
