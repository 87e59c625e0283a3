"""Applying a pulled page of changes to the kiosk's database, in one transaction.

Every record is the whole thing, so applying is an upsert by id: a page applied twice (a reply
lost after the commit, say) changes nothing the second time. Consecutive records of one kind are
applied together with bulk statements, which is what makes the first pull of a large guest list
fast. Records are applied in stream order, so a guest always exists before the scans and badge
prints that name them.

The server is the authority on what it sends: a scan's conflict flag and undo, a guest's serial
and cancellation, a checkpoint's rules. A check-in recorded here and not pushed yet is never
touched by a pull (the server has not seen it, so it sends nothing about it).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from kiosk.models import (
    BadgePrint,
    CheckInUndo,
    Checkpoint,
    Event,
    Guest,
    Scan,
    utc_now,
)
from kiosk.search import reindex_guests
from kiosk.search_keys import GuestDetails, email_domain
from kiosk.sync import records
from kiosk.sync.records import ChangeKind

log = logging.getLogger("kiosk.sync")

_CHUNK = 500
_SEARCHED = ("name", "name_latin", "company", "email")
_GUEST_UPDATABLE = tuple(f for f in records.GUEST_FIELDS if f not in ("uid",))
# What a pulled guest sets of its row here (besides the id and the times).
_GUEST_STORED = (*_GUEST_UPDATABLE, "event_id", "email_domain")
_NO_GUEST_FIELDS: dict[str, Any] = dict.fromkeys(records.GUEST_FIELDS)


@dataclass
class Applied:
    """What one page changed here."""

    changes: int = 0
    guests: int = 0
    checkpoints: int = 0
    scans: int = 0
    remote_scans: int = 0
    undos: int = 0
    badge_prints: int = 0
    skipped: list[str] = field(default_factory=list)  # why records could not be applied
    key_changed: bool = False
    # Guests stored without search keys (index_search=False), as kiosk.search takes them; the
    # caller indexes them. Not added up by add(): each page's are handed on as they come.
    unindexed: list[GuestDetails] = field(default_factory=list)

    def add(self, other: Applied) -> None:
        for name in ("changes", "guests", "checkpoints", "scans", "remote_scans", "undos",
                     "badge_prints"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.skipped.extend(other.skipped)
        self.key_changed = self.key_changed or other.key_changed


_T = TypeVar("_T")


def _placeholders(count: int) -> str:
    return ", ".join("?" * count)


def _chunks(items: Sequence[_T], size: int = _CHUNK) -> Iterable[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class PageApplier:
    """Applies changes to one kiosk database inside the caller's transaction."""

    def __init__(self, session: Session, self_device_uid: str, *,
                 index_search: bool = True) -> None:
        self.session = session
        self.self_device_uid = self_device_uid
        # False while a first pull fills an empty kiosk: its search keys are built once, in
        # bulk, at the end (kiosk.sync.engine), several times faster than page by page.
        self.index_search = index_search
        self._events: dict[str, Event] = {}
        self._checkpoints: dict[str, int] = {}
        self.result = Applied()

    def apply(self, changes: Sequence[dict[str, Any]]) -> Applied:
        for kind, run in itertools.groupby(changes, key=lambda c: c["kind"]):
            data = [c["data"] for c in run]
            self.result.changes += len(data)
            if kind == ChangeKind.EVENT:
                for record in data:
                    self._event(record)
            elif kind == ChangeKind.CHECKPOINT:
                for record in data:
                    self._checkpoint(record)
            elif kind == ChangeKind.GUEST:
                self._guests(data)
            elif kind == ChangeKind.SCAN:
                self._scans(data)
            elif kind == ChangeKind.UNDO:
                for record in data:
                    self._undo(record)
            elif kind == ChangeKind.BADGE_PRINT:
                for record in data:
                    self._badge_print(record)
            else:
                self.result.skipped.append(f"unknown kind {kind!r}")
        self.session.flush()
        return self.result

    # Lookups --------------------------------------------------------------------------------

    def event(self, uid: str) -> Event | None:
        if uid not in self._events:
            event = self.session.scalar(select(Event).where(Event.uid == uid))
            if event is None:
                return None
            self._events[uid] = event
        return self._events[uid]

    def checkpoint_id(self, uid: str | None) -> int | None:
        if uid is None:
            return None
        if uid not in self._checkpoints:
            found = self.session.scalar(select(Checkpoint.id).where(Checkpoint.uid == uid))
            if found is None:
                return None
            self._checkpoints[uid] = found
        return self._checkpoints[uid]

    # Kinds ----------------------------------------------------------------------------------

    def _event(self, record: dict[str, Any]) -> None:
        event = self.event(record["uid"])
        public_key = records.unb64(record.get("public_key"))
        if event is None:
            event = Event(uid=record["uid"])
            self.session.add(event)
            self._events[event.uid] = event
        elif public_key != event.public_key and event.public_key is not None:
            # A new key pair on the server: the old signing key no longer matches.
            event.signing_key = None
            self.result.key_changed = True
        event.name = record["name"]
        event.name_local = record.get("name_local")
        event.venue = record.get("venue")
        event.timezone = record["timezone"]
        event.starts_on = records.parse_date(record["starts_on"])
        event.ends_on = records.parse_date(record["ends_on"])
        event.key_id = int(record.get("key_id") or 0)
        event.public_key = public_key
        self.session.flush()

    def _checkpoint(self, record: dict[str, Any]) -> None:
        event = self.event(record["event_uid"])
        if event is None:
            self.result.skipped.append(f"checkpoint {record['uid']}: its event is unknown here")
            return
        checkpoint = self.session.scalar(select(Checkpoint).where(Checkpoint.uid == record["uid"]))
        if checkpoint is None:
            # The same place set up here before enrolment takes the server's identity.
            checkpoint = self.session.scalar(select(Checkpoint).where(
                Checkpoint.event_id == event.id, Checkpoint.name == record["name"]))
            if checkpoint is None:
                checkpoint = Checkpoint(event_id=event.id)
                self.session.add(checkpoint)
            checkpoint.uid = record["uid"]
        for name in records.CHECKPOINT_FIELDS:
            if name != "uid":
                setattr(checkpoint, name, record.get(name))
        checkpoint.opens_at = records.parse_time_of_day(record.get("opens_at"))
        checkpoint.closes_at = records.parse_time_of_day(record.get("closes_at"))
        self.session.flush()
        self._checkpoints[checkpoint.uid] = checkpoint.id
        self.result.checkpoints += 1

    def _guests(self, data: list[dict[str, Any]]) -> None:
        by_uid: dict[str, dict[str, Any]] = {}
        for record in data:  # the last record of a guest in a page wins
            by_uid[record["uid"]] = record
        for chunk in _chunks(list(by_uid.values())):
            self._guest_chunk(chunk)

    def _guest_chunk(self, chunk: Sequence[dict[str, Any]]) -> None:
        rows: list[dict[str, Any]] = []
        for record in chunk:
            event = self.event(record["event_uid"])
            if event is None:
                self.result.skipped.append(f"guest {record['uid']}: its event is unknown here")
                continue
            # Every field, None where the record has none (any other key is never read).
            row = {**_NO_GUEST_FIELDS, **record}
            email = row["email"]
            row["event_id"] = event.id
            row["email_domain"] = email_domain(email) if email else None
            rows.append(row)
        if not rows:
            return
        # Plain SQL with one placeholder a value: built per chunk by SQLAlchemy, these two
        # lookups cost a tenth of a first pull's time.
        connection = self.session.connection()
        uids = [r["uid"] for r in rows]
        existing = {
            row.uid: row for row in connection.exec_driver_sql(
                f"SELECT id, uid, number, event_id, {', '.join(_SEARCHED)} FROM guests "
                f"WHERE uid IN ({_placeholders(len(uids))})", tuple(uids))
        }
        # A number held here by another guest (a walk-in the server has refused) is left alone.
        # Looked up by (event, number), the unique index: by number alone SQLite reads every
        # guest, once per chunk of a first pull.
        chunk_events = list({r["event_id"] for r in rows})
        numbers = [r["number"] for r in rows]
        holders = {
            (row.event_id, row.number): row.uid for row in connection.exec_driver_sql(
                f"SELECT uid, number, event_id FROM guests WHERE event_id IN "
                f"({_placeholders(len(chunk_events))}) AND number IN "
                f"({_placeholders(len(numbers))})", (*chunk_events, *numbers))
        }
        clean: list[dict[str, Any]] = []
        for row in rows:
            holder = holders.get((row["event_id"], row["number"]))
            if holder is not None and holder != row["uid"]:
                self.result.skipped.append(
                    f"guest {row['uid']}: number {row['number']} is held here by guest {holder}")
                continue
            clean.append(row)
        if not clean:
            return
        fresh = [row for row in clean if row["uid"] not in existing]
        ids = {uid: row.id for uid, row in existing.items()}
        ids.update(self._insert_guests(fresh))
        self._update_guests([row for row in clean if row["uid"] in existing])
        self.result.guests += len(clean)
        changed_search = [
            r["uid"] for r in clean
            if r["uid"] not in existing
            or any(getattr(existing[r["uid"]], f) != r[f] for f in _SEARCHED)
        ]
        # Scans made here before the guest's details arrived now point at the guest.
        waiting = self.session.scalar(select(Scan.id).where(
            Scan.guest_id.is_(None), Scan.guest_number.is_not(None)).limit(1))
        for row in fresh if waiting is not None else []:
            self.session.execute(
                update(Scan).where(Scan.guest_id.is_(None), Scan.event_id == row["event_id"],
                                   Scan.guest_number == row["number"])
                .values(guest_id=ids[row["uid"]])
            )
        if changed_search and self.index_search:
            reindex_guests(self.session, [ids[uid] for uid in changed_search])
        elif changed_search:
            searched = {r["uid"]: r for r in clean}
            self.result.unindexed += [
                (ids[uid], searched[uid]["event_id"], *(searched[uid][f] for f in _SEARCHED))
                for uid in changed_search]

    def _guest_values(self, rows: Sequence[dict[str, Any]], fields: Sequence[str]
                      ) -> list[list[Any]]:
        """The rows' values of these fields as the driver takes them: the columns' own bind
        processors (UTC times, JSON) run once per value, without the ORM's per-row work."""
        dialect = self.session.connection().dialect
        table = cast(Table, Guest.__table__)
        processed = [
            (i, process) for i, process in enumerate(
                table.c[name].type._cached_bind_processor(dialect) for name in fields)
            if process is not None
        ]
        values: list[list[Any]] = []
        for row in rows:
            value = [row[name] for name in fields]
            for i, process in processed:
                if value[i] is not None:
                    value[i] = process(value[i])
            values.append(value)
        return values

    def _stamp(self) -> Any:
        dialect = self.session.connection().dialect
        process = cast(Table, Guest.__table__).c["created_at"].type._cached_bind_processor(
            dialect)
        now: Any = utc_now()
        return process(now) if process is not None else now

    def _insert_guests(self, rows: Sequence[dict[str, Any]]) -> dict[str, int]:
        """Insert guests new here with a plain INSERT (an upsert's conflict handling costs a
        third more per row: over a second in a first pull of 100,000); their ids by uid, given
        one after the highest (this transaction holds the kiosk database's write lock)."""
        if not rows:
            return {}
        start = (self.session.scalar(select(func.max(Guest.id))) or 0) + 1
        names = ["id", "uid", *_GUEST_STORED, "created_at", "updated_at"]
        stamp = self._stamp()
        ids = {row["uid"]: start + i for i, row in enumerate(rows)}
        values = self._guest_values([{**row, "id": ids[row["uid"]]} for row in rows],
                                    ["id", "uid", *_GUEST_STORED])
        self.session.connection().exec_driver_sql(
            f"INSERT INTO guests ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
            [(*value, stamp, stamp) for value in values])
        return ids

    def _update_guests(self, rows: Sequence[dict[str, Any]]) -> None:
        """Write what the server sent of guests stored here already, by uid."""
        if not rows:
            return
        stamp = self._stamp()
        values = self._guest_values(rows, [*_GUEST_STORED, "uid"])
        self.session.connection().exec_driver_sql(
            f"UPDATE guests SET {', '.join(f'{name} = ?' for name in _GUEST_STORED)}, "
            "updated_at = ? WHERE uid = ?",
            [(*value[:-1], stamp, value[-1]) for value in values])

    def _scans(self, data: list[dict[str, Any]]) -> None:
        by_id: dict[str, dict[str, Any]] = {}
        for record in data:
            by_id[record["id"]] = record
        for chunk in _chunks(list(by_id.values())):
            self._scan_chunk(chunk)

    def _scan_chunk(self, chunk: Sequence[dict[str, Any]]) -> None:
        ids = [r["id"] for r in chunk]
        existing = set(self.session.scalars(select(Scan.id).where(Scan.id.in_(ids))))
        guest_uids = [r["guest_uid"] for r in chunk if r.get("guest_uid")]
        guests = dict(self.session.execute(
            select(Guest.uid, Guest.id).where(Guest.uid.in_(guest_uids))).all()
        ) if guest_uids else {}
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for record in chunk:
            event = self.event(record["event_uid"])
            if event is None:
                self.result.skipped.append(f"scan {record['id']}: its event is unknown here")
                continue
            guest_id = guests.get(record.get("guest_uid") or "")
            if guest_id is None and record.get("guest_number") is not None:
                guest_id = self.session.scalar(select(Guest.id).where(
                    Guest.event_id == event.id, Guest.number == record["guest_number"]))
            flags = {
                "reason": record["reason"], "is_accepted": bool(record["is_accepted"]),
                "undone_at": records.parse_time(record.get("undone_at")),
                "undo_reason": record.get("undo_reason"), "undone_by": record.get("undone_by"),
                "is_conflict": bool(record.get("is_conflict")),
            }
            if record["id"] in existing:
                updates.append({"b_id": record["id"], "b_guest_id": guest_id, **flags})
                continue
            inserts.append({
                "id": record["id"], "event_id": event.id, "guest_id": guest_id,
                "guest_number": record.get("guest_number"),
                "credential_serial": record.get("credential_serial"),
                "checkpoint_id": self.checkpoint_id(record.get("checkpoint_uid")),
                "device_uid": record["device_uid"],
                "scanned_at": records.parse_time(record["scanned_at"]),
                "direction": record["direction"], "payload_digest": record["payload_digest"],
                "code_kind": record["code_kind"], "operator": record.get("operator"),
                "is_remote": record["device_uid"] != self.self_device_uid, **flags,
            })
        if inserts:
            self.session.execute(insert(Scan), inserts)
            self.result.remote_scans += sum(1 for r in inserts if r["is_remote"])
        if updates:
            table = cast(Table, Scan.__table__)
            self.session.execute(
                table.update().where(table.c.id == bindparam("b_id")).values(
                    guest_id=_coalesce(table.c.guest_id, bindparam("b_guest_id")),
                    reason=bindparam("reason"), is_accepted=bindparam("is_accepted"),
                    undone_at=bindparam("undone_at"), undo_reason=bindparam("undo_reason"),
                    undone_by=bindparam("undone_by"), is_conflict=bindparam("is_conflict"),
                ),
                updates,
            )
        self.result.scans += len(inserts) + len(updates)

    def _undo(self, record: dict[str, Any]) -> None:
        scan = self.session.get(Scan, record["scan_id"])
        if scan is None:
            self.result.skipped.append(f"undo {record['id']}: its scan is unknown here")
            return
        undone_at = records.parse_time(record["undone_at"])
        if scan.undone_at is None:
            scan.undone_at, scan.undo_reason = undone_at, record["reason"]
            scan.undone_by = record.get("operator")
        has_undo = self.session.scalar(select(CheckInUndo.id).where(
            (CheckInUndo.id == record["id"]) | (CheckInUndo.scan_id == scan.id)))
        if has_undo is None and undone_at is not None:
            self.session.add(CheckInUndo(
                id=record["id"], scan_id=scan.id, device_uid=record["device_uid"],
                reason=record["reason"], operator=record.get("operator"), undone_at=undone_at,
            ))
        self.result.undos += 1

    def _badge_print(self, record: dict[str, Any]) -> None:
        if self.session.get(BadgePrint, record["id"]) is not None:
            return
        guest_id = self.session.scalar(select(Guest.id).where(Guest.uid == record["guest_uid"]))
        printed_at = records.parse_time(record["printed_at"])
        if guest_id is None or printed_at is None:
            self.result.skipped.append(f"badge print {record['id']}: its guest is unknown here")
            return
        self.session.add(BadgePrint(
            id=record["id"], guest_id=guest_id, device_uid=record["device_uid"],
            printed_at=printed_at, reason=record["reason"], note=record.get("note"),
            operator=record.get("operator"), template=record["template"],
            printer=record.get("printer"),
        ))
        self.result.badge_prints += 1


def _coalesce(column: Any, value: Any) -> Any:
    return func.coalesce(column, value)


def apply_changes(
    session: Session, self_device_uid: str, changes: Sequence[dict[str, Any]], *,
    index_search: bool = True,
) -> Applied:
    """Apply one page of changes in the session's transaction."""
    return PageApplier(session, self_device_uid, index_search=index_search).apply(changes)
