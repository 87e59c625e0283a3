"""The pull stream: every change a kiosk must learn, numbered per event, in commit order.

A writer opens a ``ChangeLog`` first thing in its transaction. That locks the event's counter
row (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` already serialises
writers), so two transactions never interleave their sequence numbers: a change with a lower
number is always committed before one with a higher number becomes visible, and a kiosk that
pulls "everything after N" can never skip a change that commits late.

Records are stored as the JSON text that goes on the wire, so a page is served without decoding
and encoding each record again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import psycopg
from psycopg import sql as psycopg_sql
from sqlalchemy import Table, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kiosk.models import utc_now
from kiosk.server.models import ChangeRecord, SyncCounter, SyncHead
from kiosk.sync.records import ChangeKind

PAGE_LIMIT = 5000  # most changes one page may carry
_CHANGES = cast(Table, ChangeRecord.__table__)


def dump(record: dict[str, Any]) -> str:
    """The canonical JSON text of a record: the same record always gives the same text."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def insert_ignoring_duplicates(session: Session, table: Any, rows: Sequence[dict[str, Any]]) -> (
    set[Any]
):
    """Insert rows, skipping those whose primary key exists; the keys that were new.

    ON CONFLICT DO NOTHING ... RETURNING on both PostgreSQL and SQLite (3.35+): a row inserted
    concurrently by another transaction is waited for and then skipped, never duplicated.
    """
    if not rows:
        return set()
    key = next(iter(table.primary_key.columns))
    module = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = module.insert(table).on_conflict_do_nothing().returning(key)
    inserted: set[Any] = set()
    for start in range(0, len(rows), 1000):
        # executemany with RETURNING ("insertmanyvalues") works on both dialects in SQLAlchemy 2.
        result = session.execute(statement, list(rows[start:start + 1000]))
        inserted.update(row[0] for row in result)
    return inserted


def bulk_insert(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows that each give every column (no defaults are applied), in the session's
    transaction: PostgreSQL's COPY there (one message stream, no statement per row), an
    executemany elsewhere. A row the database refuses raises SQLAlchemy's DBAPIError (an
    IntegrityError for a key that exists), as a failed INSERT would."""
    if not rows:
        return
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        session.execute(insert(table), list(rows))
        return
    names = list(rows[0])
    processors = [table.c[name].type.bind_processor(bind.dialect) for name in names]
    statement = psycopg_sql.SQL("COPY {} ({}) FROM STDIN").format(
        psycopg_sql.Identifier(table.name),
        psycopg_sql.SQL(", ").join(psycopg_sql.Identifier(name) for name in names))
    driver = session.connection().connection.driver_connection
    assert isinstance(driver, psycopg.Connection)
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([row[name] if process is None else process(row[name])
                                for name, process in zip(names, processors, strict=True)])
    except psycopg.Error as error:
        raise DBAPIError.instance(statement.as_string(driver), None, error, psycopg.Error,
                                  dialect=bind.dialect) from error


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the pull stream as the JSON body the kiosk receives."""

    body: str
    count: int
    last_seq: int
    head: int
    has_more: bool


class ChangeLog:
    """The changes one write transaction adds to one event's stream.

    Make it before reading what the transaction decides on (for example whether a guest is
    already checked in), so that the decision and its sequence number are made under one lock.
    """

    def __init__(self, session: Session, event_id: int) -> None:
        self.session = session
        self.event_id = event_id
        locked = select(SyncCounter).where(SyncCounter.event_id == event_id).with_for_update()
        counter = session.scalar(locked)
        if counter is None:  # the event's first change
            insert_ignoring_duplicates(session, SyncCounter.__table__,
                                       [{"event_id": event_id, "last_seq": 0}])
            counter = session.scalar(locked)
        assert counter is not None
        self._counter = counter
        self.last_seq = int(counter.last_seq)
        self._rows: list[dict[str, Any]] = []
        self._now = utc_now()
        self._heads: dict[tuple[str, str], str] | None = None
        self._head_rows: dict[tuple[str, str], dict[str, Any]] = {}

    def append(
        self, kind: ChangeKind, entity_uid: str, record: dict[str, Any],
        origin: str | None = None, *, text: str | None = None,
    ) -> int:
        """Add a change unconditionally; its sequence number."""
        self.last_seq += 1
        self._rows.append({
            "event_id": self.event_id, "seq": self.last_seq, "kind": kind.value,
            "entity_uid": entity_uid, "data": text if text is not None else dump(record),
            "origin_device": origin, "created_at": self._now,
        })
        return self.last_seq

    def load_heads(self, kind: ChangeKind) -> None:
        """Read every head of a kind at once, before publishing many records of it."""
        if self._heads is None:
            self._heads = {}
        rows = self.session.execute(
            select(SyncHead.entity_uid, SyncHead.digest)
            .where(SyncHead.event_id == self.event_id, SyncHead.kind == kind.value)
        )
        for uid, value in rows:
            self._heads[(kind.value, uid)] = value

    def _head(self, kind: ChangeKind, entity_uid: str) -> str | None:
        key = (kind.value, entity_uid)
        if key in self._head_rows:
            return str(self._head_rows[key]["digest"])
        if self._heads is not None and key in self._heads:
            return self._heads[key]
        return self.session.scalar(
            select(SyncHead.digest).where(
                SyncHead.event_id == self.event_id, SyncHead.kind == kind.value,
                SyncHead.entity_uid == entity_uid,
            )
        )

    def publish(
        self, kind: ChangeKind, entity_uid: str, record: dict[str, Any], origin: str | None = None
    ) -> int | None:
        """Add a change when the record differs from what was last published; its number."""
        text = dump(record)
        value = digest(text)
        if self._head(kind, entity_uid) == value:
            return None
        seq = self.append(kind, entity_uid, record, origin, text=text)
        self._head_rows[(kind.value, entity_uid)] = {
            "event_id": self.event_id, "kind": kind.value, "entity_uid": entity_uid,
            "seq": seq, "digest": value,
        }
        return seq

    def mark(self) -> tuple[int, int, dict[tuple[str, str], dict[str, Any]]]:
        """Where the log stands, to go back to if a savepoint is rolled back."""
        return self.last_seq, len(self._rows), dict(self._head_rows)

    def reset(self, mark: tuple[int, int, dict[tuple[str, str], dict[str, Any]]]) -> None:
        """Forget the changes added since ``mark`` (their savepoint was rolled back)."""
        self.last_seq, count, heads = mark
        del self._rows[count:]
        self._head_rows = heads

    def flush(self) -> int:
        """Write the buffered changes and the counter; the event's last sequence number."""
        if self._rows:
            bulk_insert(self.session, _CHANGES, self._rows)
            self._rows = []
        if self._head_rows:
            rows = list(self._head_rows.values())
            module = postgresql if self.session.get_bind().dialect.name == "postgresql" else sqlite
            statement = module.insert(SyncHead)
            statement = statement.on_conflict_do_update(
                index_elements=["event_id", "kind", "entity_uid"],
                set_={"seq": statement.excluded.seq, "digest": statement.excluded.digest},
            )
            for start in range(0, len(rows), 1000):
                self.session.execute(statement, rows[start:start + 1000])
            self._head_rows = {}
        if self.last_seq != self._counter.last_seq:
            self.session.execute(
                update(SyncCounter).where(SyncCounter.event_id == self.event_id)
                .values(last_seq=self.last_seq)
            )
            self._counter.last_seq = self.last_seq
        return self.last_seq


def head_seq(session: Session, event_id: int) -> int:
    value = session.scalar(select(SyncCounter.last_seq).where(SyncCounter.event_id == event_id))
    return int(value or 0)


def read_page(session: Session, event_id: int, after: int, limit: int) -> Page:
    """The changes after ``after``, at most ``limit`` of them, as the wire body."""
    limit = max(1, min(limit, PAGE_LIMIT))
    head = head_seq(session, event_id)
    rows = session.execute(
        select(ChangeRecord.seq, ChangeRecord.kind, ChangeRecord.data)
        .where(ChangeRecord.event_id == event_id, ChangeRecord.seq > after,
               ChangeRecord.seq <= head)
        .order_by(ChangeRecord.seq)
        .limit(limit)
    ).all()
    last = int(rows[-1][0]) if rows else max(after, 0)
    parts = [f'{{"seq":{seq},"kind":"{kind}","data":{data}}}' for seq, kind, data in rows]
    has_more = last < head
    body = (
        f'{{"changes":[{",".join(parts)}],"last_seq":{last},"head":{head},'
        f'"has_more":{"true" if has_more else "false"}}}'
    )
    return Page(body=body, count=len(rows), last_seq=last, head=head, has_more=has_more)
