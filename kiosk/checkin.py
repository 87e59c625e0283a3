"""The check-in engine: the one place a scan becomes a verdict.

``decide`` applies the rules in a fixed order and stops at the first that fails:

1. the payload: our credential's shape and signature (INVALID), else a plain barcode looked up
   among the guests' external codes (UNKNOWN_CODE);
2. revocation: a cancelled guest, or a credential older than the guest's current one (REVOKED);
3. the checkpoint's categories (WRONG_CATEGORY);
4. the day: within the event, the guest's day pass and the checkpoint's days (WRONG_DAY);
5. the checkpoint's opening hours, in the event's time zone (CLOSED);
6. the entry policy: single entry, once a day or re-entry (ALREADY_CHECKED_IN, READMITTED).

``record_scan`` stores every scan, whatever its verdict, together with its outbox item, and
commits durably (see kiosk.db) before the verdict is returned. The same payload again at the same
device within ``DEBOUNCE`` is the same scan: it returns the first verdict and records nothing new,
so a guest holding a phone still in front of the camera is not told they are a duplicate.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from kiosk import events, tokens
from kiosk.db import Database
from kiosk.domain import Direction, EntryPolicy, OutboxKind, Reason
from kiosk.errors import ConflictError, NotFoundError, UsageError
from kiosk.models import (
    AuditEntry,
    CheckInUndo,
    Checkpoint,
    Event,
    Guest,
    OutboxItem,
    Scan,
    new_uid,
    utc_now,
)
from kiosk.scan_ledger import CheckpointRules, EventRules, GuestRecord, ScanLedger

log = logging.getLogger("kiosk.checkin")

DEBOUNCE = dt.timedelta(seconds=5)

Clock = Callable[[], dt.datetime]


class CodeKind:
    """How a scan identified its guest (stored in Scan.code_kind)."""

    CREDENTIAL = "credential"
    BARCODE = "barcode"
    MANUAL = "manual"
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class GuestFacts:
    """What the screens show of the guest a scan named (None fields when not yet synced)."""

    uid: str | None
    number: int | None
    name: str | None
    name_latin: str | None
    company: str | None
    category: str | None
    language: str | None

    @classmethod
    def of(cls, guest: Guest | GuestRecord) -> GuestFacts:
        return cls(
            uid=guest.uid, number=guest.number, name=guest.name, name_latin=guest.name_latin,
            company=guest.company, category=guest.category, language=guest.language,
        )

    @classmethod
    def pending(cls, number: int) -> GuestFacts:
        """A validly signed credential whose guest has not reached this kiosk yet."""
        return cls(uid=None, number=number, name=None, name_latin=None, company=None,
                   category=None, language=None)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer to one scan and the facts behind it."""

    scan_id: str
    reason: Reason
    scanned_at: dt.datetime
    checkpoint: str | None
    guest: GuestFacts | None = None
    # The guest's first accepted check-in at this event (for "already checked in at 09:14").
    first_checkin_at: dt.datetime | None = None
    first_checkin_checkpoint: str | None = None
    # True when this is the guest's first admission to the event: the moment to print a badge.
    is_first_arrival: bool = False
    # True when the same payload was just scanned here: this is that scan, not a new one.
    is_repeat: bool = False
    allowed_categories: tuple[str, ...] = ()
    valid_days: tuple[dt.date, ...] = ()
    opens_at: dt.time | None = None
    closes_at: dt.time | None = None

    @property
    def is_accepted(self) -> bool:
        return self.reason.is_accepted

    def to_dict(self) -> dict[str, object]:
        """JSON-able form for `--json` and the server's answers."""
        return {
            "scan_id": self.scan_id,
            "reason": self.reason.value,
            "accepted": self.is_accepted,
            "scanned_at": self.scanned_at.isoformat(),
            "checkpoint": self.checkpoint,
            "guest": None if self.guest is None else {
                "uid": self.guest.uid, "number": self.guest.number, "name": self.guest.name,
                "name_latin": self.guest.name_latin, "company": self.guest.company,
                "category": self.guest.category,
            },
            "first_checkin_at": (
                self.first_checkin_at.isoformat() if self.first_checkin_at else None
            ),
            "first_checkin_checkpoint": self.first_checkin_checkpoint,
            "is_first_arrival": self.is_first_arrival,
            "is_repeat": self.is_repeat,
        }


@dataclass(frozen=True, slots=True)
class Ruling:
    """The server's verdict on a scan (an online verdict); it overrides the local one."""

    reason: Reason
    is_first_arrival: bool = False
    first_checkin_at: dt.datetime | None = None
    first_checkin_checkpoint: str | None = None


class Arbiter(Protocol):
    """Asks someone who sees every gate (the sync server) for the verdict on a scan.

    Returns None when no answer came in time; the local verdict then stands. Must return
    within its own short timeout: the guest is waiting.
    """

    def available(self) -> bool:
        """False when asking now would surely get no answer (not enrolled, or the server failed
        moments ago): the gate then skips the question and its preview."""
        ...

    def rule(
        self, scan_id: str, payload: str, checkpoint_uid: str, scanned_at: dt.datetime
    ) -> Ruling | None: ...


def payload_digest(payload: str) -> str:
    """What we store of a payload: enough to spot a repeat, useless to forge a credential."""
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class _Identified:
    reason: Reason | None  # a refusal found while identifying, else None
    code_kind: str
    guest: GuestRecord | None
    number: int | None
    serial: int | None


def _identify(ledger: ScanLedger, event: EventRules, payload: str) -> _Identified:
    """Who the payload names, or why it names nobody; rules 1 and 2."""
    if not payload or len(payload) > 512:
        return _Identified(Reason.INVALID, CodeKind.UNREADABLE, None, None, None)
    if tokens.looks_like_credential(payload):
        credential = tokens.parse(payload)
        if credential is None or not tokens.verify(credential, event.uid, list(event.public_keys)):
            return _Identified(Reason.INVALID, CodeKind.CREDENTIAL, None, None, None)
        guest = ledger.guest_by_number(event.id, credential.guest_number)
        number, serial = credential.guest_number, credential.serial
        if guest is not None and (guest.is_cancelled or serial < guest.credential_serial):
            return _Identified(Reason.REVOKED, CodeKind.CREDENTIAL, guest, number, serial)
        return _Identified(None, CodeKind.CREDENTIAL, guest, number, serial)
    guest = ledger.guest_by_code(event.id, payload)
    if guest is None:
        return _Identified(Reason.UNKNOWN_CODE, CodeKind.BARCODE, None, None, None)
    if guest.is_cancelled:
        return _Identified(Reason.REVOKED, CodeKind.BARCODE, guest, guest.number, None)
    return _Identified(None, CodeKind.BARCODE, guest, guest.number, None)


def _valid_days(event: EventRules, guest: GuestRecord | None, checkpoint: CheckpointRules) -> (
    list[dt.date]
):
    """The event's days on which this guest may pass this checkpoint."""
    guest_days = guest.days if guest is not None else None
    return [
        day for day in event.days
        if (guest_days is None or day in guest_days)
        and (checkpoint.allowed_days is None or day in checkpoint.allowed_days)
    ]


def _judge(
    ledger: ScanLedger, event: EventRules, checkpoint: CheckpointRules, payload: str,
    now: dt.datetime, *, guest: GuestRecord | None = None, scan_id: str | None = None,
) -> tuple[Verdict, _Identified]:
    """The verdict for a payload (or, for a manual check-in, a guest) at a checkpoint. Pure read."""
    if guest is not None:
        identified = _Identified(
            Reason.REVOKED if guest.is_cancelled else None, CodeKind.MANUAL, guest, guest.number,
            guest.credential_serial,
        )
    else:
        identified = _identify(ledger, event, payload)
    facts: GuestFacts | None = None
    if identified.guest is not None:
        facts = GuestFacts.of(identified.guest)
    elif identified.number is not None:
        facts = GuestFacts.pending(identified.number)

    arrivals = ledger.arrivals(
        event.id, identified.guest.id if identified.guest is not None else None,
        identified.number,
    )
    first = arrivals[0] if arrivals else None
    base = {
        "scan_id": scan_id or new_uid(), "scanned_at": now, "checkpoint": checkpoint.name,
        "guest": facts,
        "first_checkin_at": first.scanned_at if first else None,
        "first_checkin_checkpoint": first.checkpoint_name if first else None,
    }

    def verdict(reason: Reason, **more: object) -> tuple[Verdict, _Identified]:
        fields = {**base, **more}
        return Verdict(reason=reason, **fields), identified  # type: ignore[arg-type]

    if identified.reason is not None:
        return verdict(identified.reason)

    category = identified.guest.category if identified.guest is not None else None
    if checkpoint.allowed_categories is not None and category not in checkpoint.allowed_categories:
        # A guest not yet synced cannot prove a category: the desk decides.
        return verdict(
            Reason.WRONG_CATEGORY if category is not None else Reason.UNKNOWN_CODE,
            allowed_categories=checkpoint.allowed_categories,
        )

    local_now = event.local(now)
    today = local_now.date()
    valid_days = _valid_days(event, identified.guest, checkpoint)
    if today not in valid_days:
        return verdict(Reason.WRONG_DAY, valid_days=tuple(valid_days))

    local_clock = local_now.time()
    opens, closes = checkpoint.opens_at, checkpoint.closes_at
    is_early = opens is not None and local_clock < opens
    is_late = closes is not None and local_clock >= closes
    if is_early or is_late:
        return verdict(Reason.CLOSED, opens_at=opens, closes_at=closes)

    if checkpoint.is_exit:
        return verdict(Reason.EXITED)

    here = [a for a in arrivals if a.checkpoint_id == checkpoint.id]
    policy = checkpoint.entry_policy
    if policy is EntryPolicy.SINGLE and here:
        return verdict(Reason.ALREADY_CHECKED_IN)
    if policy is EntryPolicy.DAILY and any(event.local(a.scanned_at).date() == today for a in here):
        return verdict(Reason.ALREADY_CHECKED_IN)
    if here:
        return verdict(Reason.READMITTED)
    return verdict(Reason.ADMITTED, is_first_arrival=not arrivals)


def decide(
    session: Session, event: Event, checkpoint: Checkpoint, payload: str, now: dt.datetime,
    *, guest: Guest | None = None, scan_id: str | None = None,
) -> tuple[Verdict, _Identified]:
    """``_judge`` for callers holding ORM objects (the sync server's online verdicts)."""
    session.flush()
    return _judge(
        ScanLedger(session.connection()), EventRules.of(event), CheckpointRules.of(checkpoint),
        payload, now, guest=GuestRecord.of(guest) if guest is not None else None,
        scan_id=scan_id,
    )


def scan_payload(scan: dict[str, Any], event_uid: str, checkpoint_uid: str,
                 guest_uid: str | None) -> dict[str, object]:
    """The outbox form of a scan (its stored columns): everything the server needs, no
    credential."""
    return {
        "id": scan["id"], "event_uid": event_uid, "guest_uid": guest_uid,
        "guest_number": scan["guest_number"], "credential_serial": scan["credential_serial"],
        "checkpoint_uid": checkpoint_uid, "device_uid": scan["device_uid"],
        "scanned_at": scan["scanned_at"].isoformat(), "reason": scan["reason"],
        "is_accepted": scan["is_accepted"], "direction": scan["direction"],
        "code_kind": scan["code_kind"], "payload_digest": scan["payload_digest"],
        "operator": scan["operator"],
    }


def record_scan(
    ledger: ScanLedger, event: EventRules, checkpoint: CheckpointRules, device_uid: str,
    payload: str, now: dt.datetime, *, guest: GuestRecord | None = None,
    operator: str | None = None, scan_id: str | None = None, ruling: Ruling | None = None,
) -> Verdict:
    """Decide and store the scan and its outbox item in the ledger's transaction.

    A ``ruling`` (the server's online verdict on this scan, see ``Arbiter``) replaces the local
    answer when the two differ. The caller commits; ``Gate`` does so before handing the verdict
    back.
    """
    payload = payload.strip()
    digest = payload_digest(payload if guest is None else f"manual:{guest.uid}")
    if guest is None:
        repeat = _recent_repeat(ledger, device_uid, checkpoint, digest, now)
        if repeat is not None:
            return repeat
    verdict, identified = _judge(
        ledger, event, checkpoint, payload, now, guest=guest, scan_id=scan_id
    )
    if ruling is not None and ruling.reason is not verdict.reason:
        log.info("scan %s: the server says %s where this kiosk says %s", verdict.scan_id,
                 ruling.reason.value, verdict.reason.value)
        verdict = dataclasses.replace(
            verdict, reason=ruling.reason,
            is_first_arrival=ruling.is_first_arrival and ruling.reason.is_accepted,
            first_checkin_at=ruling.first_checkin_at or verdict.first_checkin_at,
            first_checkin_checkpoint=(
                ruling.first_checkin_checkpoint or verdict.first_checkin_checkpoint
            ),
        )
    found = identified.guest
    scan: dict[str, Any] = {
        "id": verdict.scan_id, "event_id": event.id,
        "guest_id": found.id if found is not None else None,
        "guest_number": identified.number, "credential_serial": identified.serial,
        "checkpoint_id": checkpoint.id, "device_uid": device_uid, "scanned_at": now,
        "reason": verdict.reason.value, "is_accepted": verdict.is_accepted,
        "direction": checkpoint.direction, "payload_digest": digest,
        "code_kind": identified.code_kind, "operator": operator, "undone_at": None,
        "undo_reason": None, "undone_by": None, "is_conflict": False, "is_remote": False,
    }
    ledger.insert_scan(scan)
    ledger.insert_outbox({
        "item_uid": verdict.scan_id, "kind": OutboxKind.SCAN.value, "created_at": now,
        "sent_at": None, "attempts": 0,
        "payload": scan_payload(
            scan, event.uid, checkpoint.uid, found.uid if found is not None else None),
    })
    log.info("scan %s at %s: %s", verdict.scan_id, checkpoint.name, verdict.reason.value)
    return verdict


def _recent_repeat(
    ledger: ScanLedger, device_uid: str, checkpoint: CheckpointRules, digest: str,
    now: dt.datetime,
) -> Verdict | None:
    """The verdict of the same payload scanned here moments ago, if it was."""
    previous = ledger.last_scan_at_device(device_uid, now - DEBOUNCE, now)
    if previous is None or previous.payload_digest != digest:
        return None
    if previous.checkpoint_id != checkpoint.id or previous.is_undone:
        return None
    guest = ledger.guest_by_id(previous.guest_id) if previous.guest_id is not None else None
    facts = GuestFacts.of(guest) if guest is not None else (
        GuestFacts.pending(previous.guest_number) if previous.guest_number else None
    )
    arrivals = ledger.arrivals(previous.event_id, previous.guest_id, previous.guest_number)
    first = arrivals[0] if arrivals else None
    return Verdict(
        scan_id=previous.id, reason=Reason(previous.reason), scanned_at=previous.scanned_at,
        checkpoint=checkpoint.name, guest=facts,
        first_checkin_at=first.scanned_at if first else None,
        first_checkin_checkpoint=first.checkpoint_name if first else None,
        is_first_arrival=first is not None and first.scan_id == previous.id, is_repeat=True,
    )


def find_checkpoint(session: Session, event: Event, name: str | None) -> Checkpoint:
    """A checkpoint by name (English or local, any case); the first entrance when none given."""
    query = select(Checkpoint).where(Checkpoint.event_id == event.id).order_by(Checkpoint.id)
    checkpoints = list(session.scalars(query))
    if not checkpoints:
        raise NotFoundError(f"{event.name} has no checkpoints", hint="define one first")
    if name is None:
        entrances = [c for c in checkpoints if c.direction == Direction.IN.value]
        return (entrances or checkpoints)[0]
    wanted = name.strip().casefold()
    for checkpoint in checkpoints:
        if wanted in (checkpoint.name.casefold(), (checkpoint.name_local or "").casefold()):
            return checkpoint
    names = ", ".join(c.name for c in checkpoints)
    raise NotFoundError(f"no checkpoint {name!r}", hint=f"checkpoints are: {names}")


def undo_checkin(
    session: Session, scan: Scan, reason: str, operator: str | None, device_uid: str,
    now: dt.datetime,
) -> CheckInUndo:
    """Reverse an accepted check-in, keeping the scan and recording who undid it and why."""
    reason = reason.strip()
    if not reason:
        raise UsageError(
            "an undo needs a reason", hint="say why, e.g. --reason 'scanned by mistake'"
        )
    if not scan.is_accepted:
        raise ConflictError(f"scan {scan.id} was refused ({scan.reason}); there is nothing to undo")
    if scan.undone_at is not None:
        raise ConflictError(
            f"that check-in was already undone at {scan.undone_at:%Y-%m-%d %H:%M} UTC"
        )
    scan.undone_at, scan.undo_reason, scan.undone_by = now, reason, operator
    undo = CheckInUndo(
        id=new_uid(), scan_id=scan.id, device_uid=device_uid, reason=reason, operator=operator,
        undone_at=now,
    )
    session.add(undo)
    session.add(AuditEntry(
        at=now, event_id=scan.event_id, guest_id=scan.guest_id, actor=operator,
        action="checkin_undone", details={"scan_id": scan.id, "reason": reason},
    ))
    session.add(OutboxItem(
        item_uid=undo.id, kind=OutboxKind.UNDO.value, created_at=now,
        payload={"id": undo.id, "scan_id": scan.id, "device_uid": device_uid, "reason": reason,
                 "operator": operator, "undone_at": now.isoformat()},
    ))
    log.info("check-in %s undone by %s", scan.id, operator or "unknown")
    return undo


def latest_checkin(session: Session, guest: Guest) -> Scan:
    """The guest's most recent standing check-in; NotFoundError when there is none."""
    scan = session.scalar(
        select(Scan)
        .where(Scan.guest_id == guest.id, Scan.is_accepted.is_(True), Scan.undone_at.is_(None))
        .order_by(Scan.scanned_at.desc())
        .limit(1)
    )
    if scan is None:
        raise NotFoundError(f"{guest.name} has no check-in to undo")
    return scan


# Scans whose commits left the WAL checkpoint to Gate.tidy(): run it after this many (each scan
# writes about ten pages; SQLite checkpoints at 1,000), and stop deferring after that many if
# tidy() is never called, so the WAL stays bounded whoever drives the gate.
_CHECKPOINT_AFTER = 64
_DEFER_AT_MOST = 512


class Gate:
    """A device's scanning point: decides, records and durably commits each scan.

    One Gate per thread; each call opens its own session, so a Gate is cheap to make.
    """

    def __init__(
        self, database: Database, checkpoint_name: str | None = None, *,
        clock: Clock = utc_now, operator: str | None = None, arbiter: Arbiter | None = None,
        defer_checkpoints: bool = False,
    ) -> None:
        """``defer_checkpoints``: a scan's commit leaves the WAL checkpoint to ``tidy()``,
        which the caller runs once the verdict is shown (the kiosk window's writer lane does),
        so no guest waits for it; if ``tidy`` is not called, scans go back to checkpointing
        as they commit after _DEFER_AT_MOST of them."""
        self.database = database
        self.clock = clock
        self.operator = operator
        self.arbiter = arbiter
        self.defer_checkpoints = defer_checkpoints
        self._deferred = 0  # scans committed since the last tidy() without a checkpoint
        with database.session() as session:
            event = events.current_event(session)
            checkpoint = find_checkpoint(session, event, checkpoint_name)
            self.event_id, self.checkpoint_id = event.id, checkpoint.id
            self.checkpoint_name = checkpoint.name
            self.device_uid = events.this_device(session).uid
        self._rules: tuple[Sequence[Any], EventRules, CheckpointRules] | None = None

    def scan(self, payload: str) -> Verdict:
        """The verdict for a scanned payload, stored on disk before it is returned.

        With an arbiter, a scan this kiosk would admit is first put to the arbiter (the server,
        which sees every gate), so two gates cannot both admit a single-entry guest; when it does
        not answer in time, the local verdict stands.
        """
        now = self.clock()
        scan_id: str | None = None
        ruling: Ruling | None = None
        if self.arbiter is not None and self.arbiter.available():
            text = payload.strip()
            with self.database.connection() as connection:
                ledger, event, checkpoint = self._open(connection)
                repeat = _recent_repeat(
                    ledger, self.device_uid, checkpoint, payload_digest(text), now
                )
                if repeat is not None:
                    return repeat
                preview, _ = _judge(ledger, event, checkpoint, text, now)
            scan_id = preview.scan_id
            if preview.reason is Reason.ADMITTED:
                ruling = self.arbiter.rule(scan_id, text, checkpoint.uid, now)
        defer = self.defer_checkpoints and self._deferred < _DEFER_AT_MOST
        with self.database.connection(writes=True, defer_checkpoint=defer) as connection:
            ledger, event, checkpoint = self._open(connection)
            verdict = record_scan(
                ledger, event, checkpoint, self.device_uid, payload, now,
                operator=self.operator, scan_id=scan_id, ruling=ruling,
            )
        self._deferred += defer
        return verdict

    def tidy(self) -> bool:
        """After scans that deferred it, the WAL checkpoint, once enough of them are waiting
        (SQLite's own threshold is about a hundred scans' pages); whether it ran."""
        if self._deferred < _CHECKPOINT_AFTER:
            return False
        self.database.checkpoint()
        self._deferred = 0
        return True

    def check_in_by_hand(self, guest_uid: str, operator: str) -> Verdict:
        """A staff check-in of a guest found by search, under the same rules as a scan."""
        with self.database.session(writes=True) as session:
            forum = session.get(Event, self.event_id)
            if forum is None:
                raise NotFoundError(
                    "this gate's event or checkpoint was removed; restart the kiosk")
            guest = GuestRecord.of(events.find_guest(session, forum, guest_uid))
            ledger, event, checkpoint = self._open(session.connection())
            return record_scan(
                ledger, event, checkpoint, self.device_uid, "", self.clock(),
                guest=guest, operator=operator,
            )

    def undo(self, scan_id: str, reason: str, operator: str | None) -> CheckInUndo:
        with self.database.session(writes=True) as session:
            scan = session.get(Scan, scan_id)
            if scan is None:
                raise NotFoundError(f"no scan {scan_id!r}")
            return undo_checkin(session, scan, reason, operator, self.device_uid, self.clock())

    def _open(self, connection: Connection) -> tuple[ScanLedger, EventRules, CheckpointRules]:
        """The ledger on this connection and the gate's rules, read again only when changed.

        The rule columns are one indexed row; comparing it with the last one costs far less
        than rebuilding the rules, and a checkpoint edited at the desk or by sync applies to
        the very next scan.
        """
        ledger = ScanLedger(connection)
        row = ledger.rules_row(self.checkpoint_id)
        if row is None:
            raise NotFoundError(
                "this gate's event or checkpoint was removed; restart the kiosk")
        cached = self._rules
        if cached is None or cached[0] != row:
            cached = (row, *ScanLedger.rules_of(row))
            self._rules = cached
        return ledger, cached[1], cached[2]
