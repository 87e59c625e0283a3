"""Applying what kiosks push: each outbox item exactly once, by its id.

A push is one transaction in two parts. First, without any lock, every payload is validated and
the guests the batch names are read. Then the event's change log is locked (every writer of the
event waits here, so this part is kept short): items already received are answered as
duplicates, the rest are applied in the order the kiosk recorded them (a scan before its undo),
new scans go in as one bulk insert, each accepted id is remembered in ``received_items``, and
every resulting change is appended to the pull stream. Whatever is decided from stored rows
(duplicates, scans already stored, conflict flags) is read after the lock is taken.

If the database refuses the batch as a whole (a value too long for a column, say), the items
are applied again one at a time, each in its own savepoint, so one bad item cannot hold the
others back.

Conflicts: when two devices admitted the same guest at a single-entry checkpoint (or twice on one
day at a once-a-day checkpoint) while they could not see each other, both scans are kept, the
earlier counts as the arrival and every later one is flagged ``is_conflict``; the flags travel to
every kiosk with the scans. Undoing a scan re-decides the flags of its group.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar, cast

from pydantic import BaseModel, ValidationError
from sqlalchemy import Table, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from kiosk import events
from kiosk.domain import Category, Direction, EntryPolicy, Reason
from kiosk.models import AuditEntry, BadgePrint, CheckInUndo, Checkpoint, Event, Guest, Scan
from kiosk.server.auth import DeviceContext
from kiosk.server.changes import ChangeLog, bulk_insert
from kiosk.server.models import ReceivedItem
from kiosk.server.schemas import (
    MAX_NUMBER,
    MAX_SERIAL,
    BadgePrintPayload,
    GuestChangePayload,
    PushItem,
    ScanPayload,
    UndoPayload,
)
from kiosk.sync import records
from kiosk.sync.records import ChangeKind

log = logging.getLogger("kiosk.server.ingest")

# Guest fields a kiosk may change (the desk's corrections), with each column's length limit.
CORRECTABLE: dict[str, int] = {
    "name": 300, "name_latin": 300, "company": 300, "country": 100, "email": 320, "phone": 64,
    "title": 200, "category": 32, "language": 16, "days": 0, "note": 0, "external_code": 200,
    "is_cancelled": 0,
}


class Rejected(Exception):
    """An item that cannot be applied; ``permanent`` False means it may apply later."""

    def __init__(self, code: str, message: str, *, permanent: bool = True) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.permanent = permanent


_SCANS = cast(Table, Scan.__table__)
_RECEIVED = cast(Table, ReceivedItem.__table__)

_DevicePayload = TypeVar("_DevicePayload", ScanPayload, UndoPayload, BadgePrintPayload)


@dataclass(frozen=True, slots=True)
class Rejection:
    id: str
    code: str
    message: str
    permanent: bool


@dataclass
class PushOutcome:
    accepted: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    last_seq: int = 0


_P = TypeVar("_P", bound=BaseModel)


def _validated(model: type[_P], payload: dict[str, Any]) -> _P:
    try:
        return model.model_validate(payload)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise Rejected("invalid_payload", f"{where}: {first['msg']}") from error


class EventWriter:
    """Applies device items and staff changes to one event inside one locked transaction.

    Scans a push brings are kept as rows and inserted together (``add_scan_row``); scans made
    elsewhere on the server (an online verdict) come as ORM objects (``add_scan``).
    """

    def __init__(
        self, session: Session, event: Event, change_log: ChangeLog,
        checkpoints: Sequence[Checkpoint] | None = None,
    ) -> None:
        self.session = session
        self.event = event
        self.log = change_log
        if checkpoints is None:
            checkpoints = session.scalars(
                select(Checkpoint).where(Checkpoint.event_id == event.id)).all()
        self.checkpoints = {c.uid: c for c in checkpoints}
        self.checkpoint_uids = {c.id: c.uid for c in self.checkpoints.values()}
        self._refs_by_uid: dict[str, GuestRef] = {}
        self._refs_by_number: dict[int, GuestRef] = {}
        self._scans_to_publish: dict[str, Scan] = {}
        # New scans of this push not yet inserted, and every new scan of it with the uids its
        # record names: published from these without loading the scans back.
        self._pending_rows: list[dict[str, Any]] = []
        self._new_rows: dict[str, tuple[dict[str, Any], str | None, str | None]] = {}
        self._groups: set[tuple[int, int]] = set()

    # Guests ---------------------------------------------------------------------------------

    def prefetch_guests(self, uids: Iterable[str], numbers: Iterable[int]) -> None:
        for ref in read_guests(self.session, self.event.id, uids, numbers):
            self.remember(ref)

    def remember(self, guest: Guest | GuestRef) -> None:
        ref = guest if isinstance(guest, GuestRef) else GuestRef(guest.id, guest.uid, guest.number)
        self._refs_by_uid[ref.uid] = ref
        self._refs_by_number[ref.number] = ref

    def ref_by_uid(self, uid: str | None) -> GuestRef | None:
        """The guest's id, uid and number (enough to record a scan), read once per push."""
        if uid is None:
            return None
        if uid not in self._refs_by_uid:
            self.prefetch_guests([uid], [])
        return self._refs_by_uid.get(uid)

    def ref_by_number(self, number: int | None) -> GuestRef | None:
        if number is None:
            return None
        if number not in self._refs_by_number:
            self.prefetch_guests([], [number])
        return self._refs_by_number.get(number)

    def guest_by_uid(self, uid: str | None) -> Guest | None:
        """The guest itself, to change it."""
        ref = self.ref_by_uid(uid)
        return None if ref is None else self.session.get(Guest, ref.id)

    def guest_by_number(self, number: int | None) -> Guest | None:
        ref = self.ref_by_number(number)
        return None if ref is None else self.session.get(Guest, ref.id)

    def publish_guest(self, guest: Guest, origin: str | None = None) -> None:
        self.log.publish(ChangeKind.GUEST, guest.uid, records.guest_record(guest, self.event.uid),
                         origin)

    # Scans ----------------------------------------------------------------------------------

    def add_scan(self, scan: Scan) -> None:
        """A new scan of this event: stored, published, and its group checked for conflicts."""
        self.session.add(scan)
        self._scans_to_publish[scan.id] = scan
        self._note_group(scan.is_accepted, scan.direction, scan.checkpoint_id, scan.guest_number)

    def add_scan_row(
        self, row: dict[str, Any], guest_uid: str | None, checkpoint_uid: str | None
    ) -> None:
        """A new scan as a full row of the scans table (every column given), inserted with the
        others at the next ``insert_pending``; published and checked like ``add_scan``."""
        self._pending_rows.append(row)
        self._new_rows[row["id"]] = (row, guest_uid, checkpoint_uid)
        self._note_group(row["is_accepted"], row["direction"], row["checkpoint_id"],
                         row["guest_number"])

    def insert_pending(self) -> None:
        """Insert the scans added as rows so far (before anything reads the scans table)."""
        if self._pending_rows:
            bulk_insert(self.session, _SCANS, self._pending_rows)
            self._pending_rows = []

    def _note_group(self, is_accepted: bool, direction: str, checkpoint_id: int | None,
                    guest_number: int | None) -> None:
        if (is_accepted and direction == Direction.IN.value
                and checkpoint_id is not None and guest_number is not None):
            self._groups.add((checkpoint_id, guest_number))

    def undo_scan(self, scan: Scan, undo: CheckInUndo) -> bool:
        """Reverse a check-in (first undo wins); False when it was undone already."""
        if scan.undone_at is not None or not scan.is_accepted:
            return False
        self._note_group(scan.is_accepted, scan.direction, scan.checkpoint_id, scan.guest_number)
        scan.undone_at, scan.undo_reason = undo.undone_at, undo.reason
        scan.undone_by = undo.operator
        self.session.add(undo)
        self.log.append(ChangeKind.UNDO, undo.id, records.undo_record(
            undo.id, scan.id, undo.device_uid, undo.reason, undo.operator, undo.undone_at,
        ), undo.device_uid)
        self._scans_to_publish[scan.id] = scan
        return True

    def finish(self) -> None:
        """Decide the conflict flags of every touched group and publish the scans that changed."""
        self.insert_pending()
        self.session.flush()
        for scan in self.reconcile(self._groups):
            self._scans_to_publish[scan.id] = scan
        self._groups = set()
        # (time, id, record) of every scan to publish; a scan loaded and changed here is
        # published as it now stands, a new one untouched from its row.
        entries: list[tuple[dt.datetime, str, dict[str, Any]]] = []
        scans = list(self._scans_to_publish.values())
        guest_uids = self._guest_uids({s.guest_id for s in scans if s.guest_id is not None})
        for scan in scans:
            entries.append((scan.scanned_at, scan.id, records.scan_record(
                scan, self.event.uid, guest_uids.get(scan.guest_id) if scan.guest_id else None,
                self.checkpoint_uids.get(scan.checkpoint_id) if scan.checkpoint_id else None,
            )))
        for scan_id, (row, guest_uid, checkpoint_uid) in self._new_rows.items():
            if scan_id not in self._scans_to_publish:
                entries.append((row["scanned_at"], scan_id,
                                _row_record(row, self.event.uid, guest_uid, checkpoint_uid)))
        entries.sort(key=lambda entry: (entry[0], entry[1]))
        for _at, scan_id, record in entries:
            self.log.append(ChangeKind.SCAN, scan_id, record, record["device_uid"])
        self._scans_to_publish = {}
        self._new_rows = {}

    def _guest_uids(self, guest_ids: set[int]) -> dict[int, str]:
        found = {g.id: g.uid for g in self._refs_by_uid.values() if g.id in guest_ids}
        missing = sorted(guest_ids - found.keys())
        for start in range(0, len(missing), 900):
            found.update(self.session.execute(
                select(Guest.id, Guest.uid).where(Guest.id.in_(missing[start:start + 900]))
            ).all())
        return found

    def reconcile(self, groups: set[tuple[int, int]]) -> list[Scan]:
        """Set is_conflict in each (checkpoint, guest number) group; the scans that changed.

        Only single-entry and once-a-day checkpoints can have conflicts: at a re-entry
        checkpoint only scans still flagged (its rule was changed since) are read, to clear them.
        """
        if not groups:
            return []
        policies = {
            c.id: EntryPolicy(c.entry_policy) for c in self.checkpoints.values()
        }
        standing: dict[tuple[int, int], list[Scan]] = {}
        strict = {g for g in groups
                  if policies.get(g[0], EntryPolicy.REENTRY) is not EntryPolicy.REENTRY}
        for subset, flagged_only in ((strict, False), (groups - strict, True)):
            if not subset:
                continue
            checkpoint_ids = sorted({c for c, _ in subset})
            numbers = sorted({n for _, n in subset})
            for start in range(0, len(numbers), 900):
                query = select(Scan).where(
                    Scan.event_id == self.event.id, Scan.checkpoint_id.in_(checkpoint_ids),
                    Scan.guest_number.in_(numbers[start:start + 900]),
                    Scan.is_accepted.is_(True), Scan.undone_at.is_(None),
                    Scan.direction == Direction.IN.value,
                )
                if flagged_only:
                    query = query.where(Scan.is_conflict.is_(True))
                for scan in self.session.scalars(query):
                    assert scan.checkpoint_id is not None and scan.guest_number is not None
                    key = (scan.checkpoint_id, scan.guest_number)
                    if key in subset:
                        standing.setdefault(key, []).append(scan)
        changed: list[Scan] = []
        for (checkpoint_id, _number), scans in standing.items():
            policy = policies.get(checkpoint_id, EntryPolicy.REENTRY)
            seen: set[object] = set()
            for scan in sorted(scans, key=lambda s: (s.scanned_at, s.id)):
                if policy is EntryPolicy.SINGLE:
                    slot: object = "event"
                elif policy is EntryPolicy.DAILY:
                    slot = events.local_date(self.event, scan.scanned_at)
                else:
                    slot = scan.id  # re-entry: every scan counts, none conflicts
                is_conflict = slot in seen
                seen.add(slot)
                if scan.is_conflict != is_conflict:
                    scan.is_conflict = is_conflict
                    changed.append(scan)
        # Undone scans (and refused ones) are never in conflict.
        for scan in self._scans_to_publish.values():
            if scan.is_conflict and (scan.undone_at is not None or not scan.is_accepted):
                scan.is_conflict = False
                changed.append(scan)
        if changed:
            log.info("%d scans changed conflict state in event %s", len(changed), self.event.uid)
        return changed


class GuestRef(NamedTuple):
    """What recording a scan needs of its guest."""

    id: int
    uid: str
    number: int


def read_guests(
    session: Session, event_id: int, uids: Iterable[str], numbers: Iterable[int]
) -> list[GuestRef]:
    """The event's guests with any of these uids or numbers (id, uid and number only)."""
    uid_list, number_list = sorted(set(uids)), sorted(set(numbers))
    found: list[GuestRef] = []
    # By uid alone (its unique index), the event checked here: with "event_id = ? AND uid IN"
    # SQLite reads the event's every guest through the event_id index instead.
    by_uid = select(Guest.id, Guest.uid, Guest.number, Guest.event_id)
    for start in range(0, len(uid_list), 900):
        found.extend(GuestRef(guest_id, uid, number) for guest_id, uid, number, event in
                     session.execute(by_uid.where(Guest.uid.in_(uid_list[start:start + 900])))
                     if event == event_id)
    by_number = select(Guest.id, Guest.uid, Guest.number).where(Guest.event_id == event_id)
    for start in range(0, len(number_list), 900):
        found.extend(GuestRef(*row) for row in session.execute(
            by_number.where(Guest.number.in_(number_list[start:start + 900]))))
    return found


def _row_record(
    row: dict[str, Any], event_uid: str, guest_uid: str | None, checkpoint_uid: str | None
) -> dict[str, Any]:
    """records.scan_record of a scan that is still only its row (the same keys and values)."""
    return {
        "id": row["id"], "event_uid": event_uid, "guest_uid": guest_uid,
        "guest_number": row["guest_number"], "credential_serial": row["credential_serial"],
        "checkpoint_uid": checkpoint_uid, "device_uid": row["device_uid"],
        "scanned_at": records.iso(row["scanned_at"]), "reason": row["reason"],
        "is_accepted": row["is_accepted"], "direction": row["direction"],
        "code_kind": row["code_kind"], "payload_digest": row["payload_digest"],
        "operator": row["operator"], "undone_at": records.iso(row["undone_at"]),
        "undo_reason": row["undo_reason"], "undone_by": row["undone_by"],
        "is_conflict": row["is_conflict"],
    }


_Checked = ScanPayload | UndoPayload | BadgePrintPayload | GuestChangePayload | Rejected
_MODELS: dict[str, type[BaseModel]] = {
    "scan": ScanPayload, "undo": UndoPayload, "badge_print": BadgePrintPayload,
    "guest": GuestChangePayload,
}


def _check(item: PushItem) -> _Checked:
    """The item's payload validated for its kind, or why it is refused (no database needed)."""
    try:
        return _validated(_MODELS[item.kind], item.payload)  # type: ignore[return-value]
    except Rejected as refusal:
        return refusal


class Ingest:
    """One push from one device."""

    def __init__(self, session: Session, device: DeviceContext, now: dt.datetime) -> None:
        self.session = session
        self.device = device
        self.now = now
        event = session.get(Event, device.event_id)
        assert event is not None
        self.event = event
        self._checkpoints = session.scalars(
            select(Checkpoint).where(Checkpoint.event_id == event.id)).all()
        self._checked: dict[str, _Checked] = {}
        self._guests: list[GuestRef] = []
        # Scans already on the server (id -> event id), read once per push under the lock.
        self._stored_scans: dict[str, int] = {}

    def _writer(self, change_log: ChangeLog) -> EventWriter:
        writer = EventWriter(self.session, self.event, change_log, self._checkpoints)
        for ref in self._guests:
            writer.remember(ref)
        return writer

    def run(self, items: Sequence[PushItem]) -> PushOutcome:
        outcome = PushOutcome()
        # Unlocked: validate, and read the guests the items name (added or changed meanwhile,
        # a guest is looked up again under the lock when it is not found here).
        for item in items:
            self._checked.setdefault(item.id, _check(item))
        self._guests = self._prefetch()
        # Locked from here to the commit.
        self.log = ChangeLog(self.session, self.device.event_id)
        self.writer = self._writer(self.log)
        ids = [item.id for item in items]
        known: set[str] = set()
        for start in range(0, len(ids), 900):
            known.update(self.session.scalars(
                select(ReceivedItem.item_uid)
                .where(ReceivedItem.item_uid.in_(ids[start:start + 900]))
            ))
        fresh: list[PushItem] = []
        for item in items:
            if item.id in known:
                outcome.duplicates.append(item.id)
            else:
                known.add(item.id)
                fresh.append(item)
        scan_ids = sorted({checked.id for item in fresh
                           if isinstance(checked := self._checked[item.id], ScanPayload)})
        for start in range(0, len(scan_ids), 900):
            self._stored_scans.update(self.session.execute(
                select(Scan.id, Scan.event_id).where(Scan.id.in_(scan_ids[start:start + 900]))
            ).all())
        applied, rejected = self._apply_batch(fresh)
        if applied:  # none of them is stored: they were looked for under the lock
            bulk_insert(self.session, _RECEIVED, [
                {"item_uid": item.id, "event_id": self.event.id,
                 "device_uid": self.device.device_uid, "kind": item.kind, "received_at": self.now}
                for item in applied
            ])
        outcome.accepted = [item.id for item in applied]
        outcome.rejected = rejected
        outcome.last_seq = self.log.flush()
        return outcome

    def _prefetch(self) -> list[GuestRef]:
        """The guests the items name: by uid, and by number only where the uid finds none."""
        uids: set[str] = set()
        numbers: set[int] = set()
        by_number: list[tuple[str | None, int]] = []
        for checked in self._checked.values():
            if isinstance(checked, ScanPayload):
                if checked.guest_uid is not None:
                    uids.add(checked.guest_uid)
                if checked.guest_number is not None:
                    by_number.append((checked.guest_uid, checked.guest_number))
            elif isinstance(checked, BadgePrintPayload | GuestChangePayload):
                uids.add(checked.guest_uid)
                record = checked.guest if isinstance(checked, GuestChangePayload) else None
                number = record.get("number") if record else None
                if isinstance(number, int) and 0 <= number <= MAX_NUMBER:
                    numbers.add(number)
        found = read_guests(self.session, self.event.id, uids, [])
        known = {ref.uid for ref in found}
        numbers.update(number for uid, number in by_number if uid not in known)
        return found + read_guests(self.session, self.event.id, [], numbers)

    def _apply_batch(self, items: Sequence[PushItem]) -> tuple[list[PushItem], list[Rejection]]:
        mark = self.log.mark()
        stored = dict(self._stored_scans)
        try:
            with self.session.begin_nested():
                result = self._apply_each(items)
                self.writer.finish()
            return result
        except SQLAlchemyError as error:
            log.warning("a push of %d items failed as a whole (%s); applying one at a time",
                        len(items), type(error).__name__)
            self.log.reset(mark)
            self._stored_scans = stored  # what the rolled-back batch added is not stored
            self.writer = self._writer(self.log)
        applied: list[PushItem] = []
        rejected: list[Rejection] = []
        for item in items:
            mark = self.log.mark()
            stored = dict(self._stored_scans)
            try:
                with self.session.begin_nested():
                    one_applied, one_rejected = self._apply_each([item])
                    self.writer.finish()
            except SQLAlchemyError as error:
                self.log.reset(mark)
                self._stored_scans = stored
                self.writer = self._writer(self.log)
                rejected.append(Rejection(item.id, "not_storable",
                                          f"the server could not store this item: {error.orig}"
                                          if hasattr(error, "orig") else str(error), True))
                continue
            applied.extend(one_applied)
            rejected.extend(one_rejected)
        return applied, rejected

    def _apply_each(self, items: Sequence[PushItem]) -> tuple[list[PushItem], list[Rejection]]:
        applied: list[PushItem] = []
        rejected: list[Rejection] = []
        for item in items:
            checked = self._checked[item.id]
            try:
                if isinstance(checked, Rejected):
                    raise checked
                if isinstance(checked, ScanPayload):
                    self._scan(checked)
                elif isinstance(checked, UndoPayload):
                    self._undo(self._own(checked))
                elif isinstance(checked, BadgePrintPayload):
                    self._badge_print(self._own(checked))
                else:
                    self._guest_change(checked)
            except Rejected as refusal:
                log.info("item %s from %s rejected: %s", item.id, self.device.device_uid,
                         refusal.message)
                rejected.append(
                    Rejection(item.id, refusal.code, refusal.message, refusal.permanent))
                continue
            applied.append(item)
        return applied, rejected

    def _own(self, payload: _DevicePayload) -> _DevicePayload:
        """A device records only its own scans, undos and prints: a token is no licence to write
        in another kiosk's name."""
        if payload.device_uid != self.device.device_uid:
            raise Rejected("other_device",
                           f"this item names device {payload.device_uid!r}, not the one pushing it")
        return payload

    def _scan(self, p: ScanPayload) -> None:
        if p.event_uid != self.event.uid:
            raise Rejected("other_event", "this scan belongs to another event")
        self._own(p)
        try:
            Reason(p.reason)
        except ValueError as error:
            raise Rejected("invalid_payload", f"reason: unknown value {p.reason!r}") from error
        stored_in = self._stored_scans.get(p.id)
        if stored_in is not None:
            if stored_in != self.event.id:
                raise Rejected("other_event", "a scan with this id belongs to another event")
            return  # recorded already (an online verdict stores the scan before the push)
        guest = self.writer.ref_by_uid(p.guest_uid) or self.writer.ref_by_number(p.guest_number)
        checkpoint = self.writer.checkpoints.get(p.checkpoint_uid or "")
        self.writer.add_scan_row({
            "id": p.id, "event_id": self.event.id, "guest_id": guest.id if guest else None,
            "guest_number": p.guest_number if p.guest_number is not None else (
                guest.number if guest else None),
            "credential_serial": p.credential_serial,
            "checkpoint_id": checkpoint.id if checkpoint else None, "device_uid": p.device_uid,
            "scanned_at": _utc(p.scanned_at), "reason": p.reason, "is_accepted": p.is_accepted,
            "direction": p.direction, "payload_digest": p.payload_digest,
            "code_kind": p.code_kind, "operator": p.operator, "undone_at": None,
            "undo_reason": None, "undone_by": None, "is_conflict": False, "is_remote": False,
        }, guest.uid if guest else None, checkpoint.uid if checkpoint else None)
        self._stored_scans[p.id] = self.event.id

    def _undo(self, p: UndoPayload) -> None:
        self.writer.insert_pending()  # the scan it reverses may be one of this push
        scan = self.session.get(Scan, p.scan_id)
        if scan is None:
            raise Rejected("unknown_scan", "the scan this undo reverses is not on the server yet",
                           permanent=False)
        if scan.event_id != self.event.id:
            raise Rejected("other_event", "the scan this undo reverses belongs to another event")
        undone_at = _utc(p.undone_at)
        undo = CheckInUndo(id=p.id, scan_id=scan.id, device_uid=p.device_uid, reason=p.reason,
                           operator=p.operator, undone_at=undone_at)
        if not self.writer.undo_scan(scan, undo):
            log.info("undo %s: scan %s was undone already or never accepted", p.id, scan.id)
            return
        self.session.add(AuditEntry(
            at=undone_at, event_id=self.event.id, guest_id=scan.guest_id, actor=p.operator,
            action="checkin_undone", details={"scan_id": scan.id, "reason": p.reason,
                                              "device": p.device_uid},
        ))

    def _badge_print(self, p: BadgePrintPayload) -> None:
        guest = self.writer.ref_by_uid(p.guest_uid)
        if guest is None:
            raise Rejected("unknown_guest", "the badge's guest is not on the server yet",
                           permanent=False)
        if self.session.get(BadgePrint, p.id) is not None:
            return
        badge = BadgePrint(
            id=p.id, guest_id=guest.id, device_uid=p.device_uid, printed_at=_utc(p.printed_at),
            reason=p.reason, note=p.note, operator=p.operator, template=p.template,
            printer=p.printer,
        )
        self.session.add(badge)
        self.log.append(ChangeKind.BADGE_PRINT, badge.id,
                        records.badge_print_record(badge, guest.uid), p.device_uid)

    def _guest_change(self, p: GuestChangePayload) -> None:
        guest = self.writer.guest_by_uid(p.guest_uid)
        record = p.guest
        if record is not None and record.get("event_uid") not in (None, self.event.uid):
            raise Rejected("other_event", "this guest belongs to another event")
        if guest is None:
            guest = self._new_guest(p, record)
        elif p.change == "guest_corrected":
            fields = p.details.get("fields", {})
            if not isinstance(fields, dict):
                raise Rejected("invalid_payload", "details.fields: expected an object")
            for name, values in fields.items():
                if name in CORRECTABLE and isinstance(values, dict) and "after" in values:
                    setattr(guest, name, _checked(name, values["after"]))
        elif p.change == "note_added":
            text = p.details.get("text")
            if not isinstance(text, str) or not text.strip():
                raise Rejected("invalid_payload", "details.text: expected the note")
            guest.note = f"{guest.note}\n{text}" if guest.note else text
        elif p.change == "credential_reissued":
            serial = p.credential_serial
            if serial is None and record is not None:
                serial = record.get("credential_serial")
            guest.credential_serial = max(guest.credential_serial, _serial(serial))
        elif record is not None:
            for name in CORRECTABLE:
                if name in record:
                    setattr(guest, name, _checked(name, record[name]))
            serial = record.get("credential_serial")
            if serial is not None:
                guest.credential_serial = max(guest.credential_serial, _serial(serial))
        else:
            raise Rejected("invalid_payload", f"change {p.change!r} carries no guest record")
        guest.updated_at = _utc(p.at) if p.at else utc_now_()
        self.session.add(AuditEntry(
            at=guest.updated_at, event_id=self.event.id, guest_id=guest.id, actor=p.actor,
            action=p.change, details={**p.details, "device": self.device.device_uid},
        ))
        self.session.flush()
        self.writer.publish_guest(guest, self.device.device_uid)

    def _new_guest(self, p: GuestChangePayload, record: dict[str, Any] | None) -> Guest:
        if record is None or not isinstance(record.get("number"), int):
            raise Rejected("unknown_guest", "this guest is not on the server and the item does "
                           "not carry the guest's record")
        number = int(record["number"])
        if not 1 <= number <= MAX_NUMBER:
            raise Rejected("invalid_payload", f"guest.number: {number} is not a guest number")
        taken = self.writer.guest_by_number(number)
        if taken is not None:
            raise Rejected("number_taken", f"guest number {number} is already {taken.name} on the "
                           "server; register the walk-in again")
        if not isinstance(record.get("name"), str) or not record["name"].strip():
            raise Rejected("invalid_payload", "guest.name: a guest needs a name")
        guest = Guest(
            uid=p.guest_uid, event_id=self.event.id, number=number,
            credential_serial=_serial(record.get("credential_serial") or 0),
            source=str(record.get("source") or "walk_in")[:16],
            category=_checked("category", record.get("category") or Category.GUEST.value),
            name=_checked("name", record["name"]),
        )
        for name in CORRECTABLE:
            if name in record and name not in ("name", "category"):
                setattr(guest, name, _checked(name, record[name]))
        self.session.add(guest)
        self.session.flush()
        self.writer.remember(guest)
        if number >= self.event.next_guest_number:
            self.event.next_guest_number = number + 1
        return guest


def _serial(value: Any) -> int:
    """A credential serial from a kiosk's guest record: 0 to 15, else the item is refused."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SERIAL:
        raise Rejected("invalid_payload", f"credential_serial: expected 0..{MAX_SERIAL}")
    return value


def _checked(name: str, value: Any) -> Any:
    """A guest field value from a kiosk, refused when it has the wrong type or length."""
    if name == "days":
        if value is None or (isinstance(value, list) and all(isinstance(d, str) for d in value)):
            return value
        raise Rejected("invalid_payload", "days: expected a list of ISO dates or null")
    if name == "is_cancelled":
        if isinstance(value, bool):
            return value
        raise Rejected("invalid_payload", "is_cancelled: expected true or false")
    if name == "category":
        try:
            return Category(str(value)).value
        except ValueError as error:
            raise Rejected("invalid_payload", f"category: unknown value {value!r}") from error
    if value is None:
        if name == "name":
            raise Rejected("invalid_payload", "name: a guest needs a name")
        return None
    if not isinstance(value, str):
        raise Rejected("invalid_payload", f"{name}: expected text")
    limit = CORRECTABLE.get(name, 0)
    if limit and len(value) > limit:
        raise Rejected("invalid_payload", f"{name}: longer than {limit} characters")
    return value


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def utc_now_() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def ingest(
    session: Session, device: DeviceContext, items: Sequence[PushItem], now: dt.datetime
) -> PushOutcome:
    """Apply a device's pushed items in the session's transaction."""
    return Ingest(session, device, now).run(items)
