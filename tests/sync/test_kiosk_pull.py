"""The first pull onto an empty kiosk: guests arrive whole, their search keys are built once at
the end, and a pull cut short leaves the search marked stale until the next one finishes it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kiosk import events
from kiosk.db import Database
from kiosk.models import Event, Guest
from kiosk.search import search_guest_ids, search_guests
from kiosk.server import admin
from kiosk.server.changes import ChangeLog
from kiosk.sync import state
from kiosk.sync.client import ServerUnreachable
from kiosk.sync.engine import Syncer
from kiosk.sync.enrolment import enrol
from tests.conftest import KeyWorkerSpy
from tests.sync.kiosk_support import Organiser, organiser

__all__ = ["organiser"]


@pytest.fixture
def fresh(organiser: Organiser, tmp_path: Path) -> Database:
    database = Database.open(tmp_path / "fresh")
    enrol(database, organiser.url, organiser.code())
    return database


def guests_of(database: Database) -> dict[str, tuple[Any, ...]]:
    with database.session() as session:
        return {g.uid: (g.number, g.name, g.category, g.days, g.is_cancelled, g.event.uid)
                for g in session.scalars(select(Guest))}


def test_the_first_pull_brings_every_guest_whole_and_searchable(
    organiser: Organiser, fresh: Database
) -> None:
    with organiser.store.write() as session:  # a day pass and a cancellation travel too
        guest = session.scalar(select(Guest).where(Guest.number == 2))
        assert guest is not None
        guest.days = ["2026-12-08"]
        guest.is_cancelled = True
        event = session.get(Event, guest.event_id)
        assert event is not None
        change_log = ChangeLog(session, event.id)
        admin.publish_everything(session, change_log, event)
        change_log.flush()
    with Syncer(fresh, pull_page=2) as syncer:
        report = syncer.pull()
    assert report.pages >= 3
    with organiser.store.read() as session:
        expected = {g.uid: (g.number, g.name, g.category, g.days, g.is_cancelled, g.event.uid)
                    for g in session.scalars(select(Guest))}
    assert guests_of(fresh) == expected
    with fresh.session() as session:
        assert not state.search_is_stale(session)
        event = events.current_event(session)
        before = dt.datetime.now(dt.UTC)
        hits = search_guests(session, event.id, "张3")
        assert [h.name for h in hits] == ["Guest 3 张3"]
        pulled = session.scalar(select(Guest).where(Guest.number == 3))
        assert pulled is not None and pulled.created_at <= before


def test_a_first_pull_cut_short_leaves_search_stale_until_the_next_pull(
    organiser: Organiser, fresh: Database
) -> None:
    with Syncer(fresh, pull_page=5) as syncer:
        cut_after_first_page(syncer)
        with pytest.raises(ServerUnreachable):
            syncer.pull()
    assert 1 <= len(guests_of(fresh)) < 5  # a page of guests arrived, not all
    with fresh.session() as session:
        assert state.search_is_stale(session)
        assert state.cursor(session) > 0
        event = events.current_event(session)
        assert search_guest_ids(session, event.id, "Guest") == []  # keys not built yet
    with Syncer(fresh) as syncer:
        syncer.pull()
    with fresh.session() as session:
        assert not state.search_is_stale(session)
        event = events.current_event(session)
        assert len(search_guest_ids(session, event.id, "Guest")) == 5


def guest_indexes(database: Database) -> set[str]:
    """The guests' indexes created by name (the unique ones are SQLite's own, unnamed)."""
    with database.engine.connect() as connection:
        return {row[0] for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'guests' "
            "AND sql IS NOT NULL")}


def cut_after_first_page(syncer: Syncer) -> None:
    real = syncer.client.changes
    calls = 0

    def cut(after: int, limit: int, wait: float = 0.0) -> dict[str, Any]:
        nonlocal calls
        calls += 1
        if calls > 1:
            raise ServerUnreachable("the server did not answer in time")
        return real(after, limit, wait)

    syncer.client.changes = cut  # type: ignore[method-assign]


@pytest.mark.parametrize("long_list", [True, False])
def test_a_long_first_pull_builds_the_guests_lookup_indexes_at_its_end(
    organiser: Organiser, fresh: Database, monkeypatch: pytest.MonkeyPatch, long_list: bool
) -> None:
    """A first pull of a long list sets the guests' lookup indexes aside (each took the guests
    in an order of its own) and builds them with the search keys; cut short, the first search
    builds them. A short list keeps them."""
    from kiosk.sync import engine

    every = guest_indexes(fresh)
    assert {"ix_guests_event_email", "ix_guests_event_company"} <= every
    if long_list:
        monkeypatch.setattr(engine, "SET_ASIDE_INDEXES_FROM", 5)
    with Syncer(fresh, pull_page=5) as syncer:
        cut_after_first_page(syncer)
        with pytest.raises(ServerUnreachable):
            syncer.pull()
    assert guest_indexes(fresh) == (set() if long_list else every)
    arrived = len(guests_of(fresh))
    with fresh.session(writes=True) as session:
        event = events.current_event(session)
        assert len(search_guests(session, event.id, "Guest")) == arrived >= 1
    assert guest_indexes(fresh) == every
    with Syncer(fresh, pull_page=2) as syncer:  # cut short again, then finished
        cut_after_first_page(syncer)
        with pytest.raises(ServerUnreachable):
            syncer.pull()
    with Syncer(fresh) as syncer:
        syncer.pull()
    assert guest_indexes(fresh) == every
    with fresh.session() as session:
        assert not state.search_is_stale(session)
        event = events.current_event(session)
        assert len(search_guest_ids(session, event.id, "Guest")) == 5


def test_a_first_pull_asks_for_the_largest_pages_and_later_pulls_for_the_usual(
    organiser: Organiser, fresh: Database
) -> None:
    """Each page is a transaction whose commit writes again every index page it touched:
    an empty kiosk fills faster in the server's largest pages."""
    from kiosk.server.changes import PAGE_LIMIT
    from kiosk.sync.engine import FIRST_PULL_PAGE, PULL_PAGE

    assert FIRST_PULL_PAGE == PAGE_LIMIT > PULL_PAGE
    with Syncer(fresh) as syncer:
        real = syncer.client.changes
        asked: list[int] = []

        def recorded(after: int, limit: int, wait: float = 0.0) -> dict[str, Any]:
            asked.append(limit)
            return real(after, limit, wait)

        syncer.client.changes = recorded  # type: ignore[method-assign]
        syncer.pull()
        assert asked and set(asked) == {FIRST_PULL_PAGE}
        asked.clear()
        syncer.pull()
        assert asked and set(asked) == {PULL_PAGE}


def test_no_lookup_of_a_pull_reads_every_guest(organiser: Organiser, fresh: Database) -> None:
    """Each chunk of a page looks its guests up by index (uid, or event and number): a lookup
    reading every guest, once per chunk, made a first pull quadratic."""
    from sqlalchemy import event as sql_event

    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
               many: bool) -> None:
        if not many and "FROM guests" in statement and "WHERE" in statement:
            seen.append((statement, parameters))

    sql_event.listen(fresh.engine, "before_cursor_execute", record)
    try:
        with Syncer(fresh, pull_page=3) as syncer:
            syncer.pull()
    finally:
        sql_event.remove(fresh.engine, "before_cursor_execute", record)
    looked_up = " ".join(statement for statement, _ in seen)
    assert "uid IN" in looked_up and "number IN" in looked_up, looked_up
    with fresh.engine.connect() as connection:
        for statement, parameters in seen:
            plan = [row[-1] for row in connection.exec_driver_sql(
                f"EXPLAIN QUERY PLAN {statement}", parameters).all()]
            assert not any(step.startswith("SCAN guests") for step in plan), (statement, plan)


def _all_keys(database: Database) -> list[tuple[Any, ...]]:
    from sqlalchemy import text

    with database.session() as session:
        return sorted(tuple(row) for row in session.execute(text(
            "SELECT guest_id, rank, term FROM guest_search_terms UNION ALL "
            "SELECT 0, company, term FROM company_search_terms UNION ALL "
            "SELECT 0, domain, term FROM email_domain_search_terms")))


def test_a_large_first_pull_has_its_keys_made_meanwhile_by_a_worker(
    organiser: Organiser, fresh: Database, key_worker_on: KeyWorkerSpy
) -> None:
    """kiosk.key_worker makes each page's keys while the next is stored; they are the keys a
    rebuild here makes."""
    from kiosk.search import rebuild_search_index

    with Syncer(fresh, pull_page=2) as syncer:
        report = syncer.pull()
    assert report.pages >= 3
    assert len(key_worker_on.workers) == 1 and key_worker_on.finished[0] is not None
    made = key_worker_on.finished[0]
    # A batch a page of guests (those the worker had not started are made here meanwhile).
    assert len(made.batches) >= 3
    made_by_worker = _all_keys(fresh)
    with fresh.session(writes=True) as session:
        rebuild_search_index(session)  # here, from the stored guests
        event = events.current_event(session)
        assert len(search_guest_ids(session, event.id, "Guest")) == 5
    assert made_by_worker == _all_keys(fresh)
