"""The push ingest as a batch: scans of one push inserted together and published exactly as the
server then holds them, conflicts decided over the whole batch, an undo after its scan in the
same push, and a kiosk's backlog going out in order over several batches."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, cast

import httpx
import pytest
from sqlalchemy import Table, select
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy.exc import IntegrityError

from kiosk.checkin import Gate
from kiosk.checkpoints import RuleChange
from kiosk.models import Checkpoint, Event, Guest, Scan
from kiosk.server import admin
from kiosk.server.changes import bulk_insert
from kiosk.server.ingest import read_guests
from kiosk.server.models import ReceivedItem
from kiosk.server.runner import BackgroundServer
from kiosk.server.store import ServerStore
from kiosk.sync import records
from tests.sync.conftest import ENTRANCE, FIRST_SCAN, HALL, KioskFactory, Site, make_site
from tests.sync.test_server_sync import token_for


def _checkpoint_uid(site: Site, name: str) -> str:
    with site.store.read() as session:
        uid = session.scalar(select(Checkpoint.uid).join(Event).where(
            Event.uid == site.event_uid, Checkpoint.name == name))
    assert uid is not None
    return uid


def _scan(site: Site, checkpoint_uid: str, number: int, device: str, minutes: int,
          *, by_uid: str | None = None) -> dict[str, Any]:
    scan_id = str(uuid.uuid4())
    return {"id": scan_id, "kind": "scan", "payload": {
        "id": scan_id, "event_uid": site.event_uid, "guest_uid": by_uid,
        "guest_number": None if by_uid else number, "credential_serial": 1,
        "checkpoint_uid": checkpoint_uid, "device_uid": device,
        "scanned_at": (FIRST_SCAN + dt.timedelta(minutes=minutes)).isoformat(),
        "reason": "admitted", "is_accepted": True, "direction": "in",
        "code_kind": "credential", "payload_digest": "0" * 64, "operator": "张 staff",
    }}


def _latest_records(http: httpx.Client) -> dict[str, dict[str, Any]]:
    """Every scan's newest record in the change stream, by scan id."""
    latest: dict[str, dict[str, Any]] = {}
    after = 0
    while True:
        page = http.get("/api/v1/changes", params={"after": after, "limit": 500}).json()
        for change in page["changes"]:
            if change["kind"] == "scan":
                latest[change["data"]["id"]] = change["data"]
        after = page["last_seq"]
        if not page["has_more"]:
            return latest


def _as_stored(site: Site) -> dict[str, dict[str, Any]]:
    """records.scan_record of every scan the server holds."""
    with site.store.read() as session:
        event = session.scalar(select(Event).where(Event.uid == site.event_uid))
        assert event is not None
        guests = dict(session.execute(
            select(Guest.id, Guest.uid).where(Guest.event_id == event.id)).all())
        checkpoints = dict(session.execute(
            select(Checkpoint.id, Checkpoint.uid).where(Checkpoint.event_id == event.id)).all())
        return {
            scan.id: records.scan_record(
                scan, event.uid, guests.get(scan.guest_id) if scan.guest_id else None,
                checkpoints.get(scan.checkpoint_id) if scan.checkpoint_id else None)
            for scan in session.scalars(select(Scan).where(Scan.event_id == event.id))
        }


def test_one_push_decides_conflicts_over_the_batch_and_publishes_what_is_stored(
    server: BackgroundServer, site: Site
) -> None:
    entrance, hall = _checkpoint_uid(site, ENTRANCE), _checkpoint_uid(site, HALL)
    device = str(uuid.uuid4())
    first, second, third = site.guest_numbers[:3]
    with site.store.read() as session:
        third_uid = session.scalar(select(Guest.uid).where(Guest.number == third))
    # The later entrance scan of the first guest comes first in the push: the earlier one
    # still counts as the arrival. The hall admits again and again: no conflict there.
    late = _scan(site, entrance, first, device, 30)
    early = _scan(site, entrance, first, device, 10)
    hall_scans = [_scan(site, hall, second, device, m) for m in (1, 2, 3)]
    by_uid = _scan(site, entrance, 0, device, 5, by_uid=third_uid)
    items = [late, *hall_scans, early, by_uid]
    with httpx.Client(base_url=server.url, headers=token_for(server, site, device),
                      timeout=30) as http:
        answer = http.post("/api/v1/push", json={"items": items}).json()
        assert answer["accepted"] == [item["id"] for item in items]
        published = _latest_records(http)
    stored = _as_stored(site)
    assert published == stored  # every scan published exactly as the server holds it
    assert stored[early["id"]]["is_conflict"] is False
    assert stored[late["id"]]["is_conflict"] is True
    assert not any(stored[item["id"]]["is_conflict"] for item in hall_scans)
    assert stored[by_uid["id"]]["guest_number"] == third  # found by uid, number filled in
    assert stored[by_uid["id"]]["guest_uid"] == third_uid
    assert stored[late["id"]]["operator"] == "张 staff"


def test_an_undo_in_the_same_push_as_its_scan_applies_and_a_rule_change_clears_old_flags(
    server: BackgroundServer, site: Site
) -> None:
    entrance = _checkpoint_uid(site, ENTRANCE)
    device = str(uuid.uuid4())
    number = site.guest_numbers[0]
    early, late = _scan(site, entrance, number, device, 1), _scan(site, entrance, number,
                                                                   device, 2)
    undo_id = str(uuid.uuid4())
    undo = {"id": str(uuid.uuid4()), "kind": "undo", "payload": {
        "id": undo_id, "scan_id": early["id"], "device_uid": device, "reason": "wrong badge",
        "undone_at": (FIRST_SCAN + dt.timedelta(minutes=3)).isoformat()}}
    headers = token_for(server, site, device)
    with httpx.Client(base_url=server.url, headers=headers, timeout=30) as http:
        answer = http.post("/api/v1/push", json={"items": [early, late, undo]}).json()
        assert answer["rejected"] == []
        assert len(answer["accepted"]) == 3
        stored = _as_stored(site)
        assert stored[early["id"]]["undone_at"] is not None
        assert stored[late["id"]]["is_conflict"] is False  # the arrival now
        assert _latest_records(http) == stored
        # A third scan flags; the entrance then becomes a re-entry gate: the next scan of the
        # guest clears the flag, since nothing conflicts at a re-entry gate.
        third = _scan(site, entrance, number, device, 4)
        http.post("/api/v1/push", json={"items": [third]}).raise_for_status()
        assert _as_stored(site)[third["id"]]["is_conflict"] is True
        with site.store.write() as session:
            event = session.scalar(select(Event).where(Event.uid == site.event_uid))
            assert event is not None
            admin.define(session, event, ENTRANCE, RuleChange(policy="reentry"), create=False)
        fourth = _scan(site, entrance, number, device, 5)
        http.post("/api/v1/push", json={"items": [fourth]}).raise_for_status()
        stored = _as_stored(site)
        assert stored[third["id"]]["is_conflict"] is False
        assert stored[fourth["id"]]["is_conflict"] is False
        assert _latest_records(http) == stored


def test_a_kiosk_backlog_goes_out_in_order_over_many_batches(
    server: BackgroundServer, site: Site, make_kiosk: KioskFactory
) -> None:
    gate = make_kiosk("gate")
    gate.enrol(server.url, site.code())
    gate.sync()
    verdicts = [gate.scan(credential, HALL) for credential in site.credentials]
    # Undo the first check-in: its undo sits batches after its scan in the outbox.
    Gate(gate.database, HALL, clock=gate.clock).undo(verdicts[0].scan_id, "mistake", "staff")
    waiting = gate.pending()
    assert waiting == len(site.credentials) + 1
    report = gate.sync(push_batch=2)
    assert report.push.accepted == waiting and report.push.rejected == []
    assert report.push.batches == (waiting + 1) // 2
    assert gate.pending() == 0
    server_side = site.checkins()
    assert set(server_side) == {v.scan_id for v in verdicts}
    assert server_side[verdicts[0].scan_id][5] is True  # undone on the server too
    assert gate.checkins(site.event_uid) == server_side


def test_bulk_insert_keeps_times_in_utc_and_refuses_an_existing_key_as_an_integrity_error(
    server_store: ServerStore, site: Site
) -> None:
    """PostgreSQL's COPY path and the executemany path behave alike for the ingest's fallback."""
    received = cast(Table, ReceivedItem.__table__)
    beijing = dt.timezone(dt.timedelta(hours=8))
    at = dt.datetime(2026, 12, 7, 10, 30, tzinfo=beijing)
    with server_store.write() as session:
        event_id = session.scalar(select(Event.id).where(Event.uid == site.event_uid))
        row = {"item_uid": str(uuid.uuid4()), "event_id": event_id, "device_uid": "d" * 36,
               "kind": "scan", "received_at": at}
        bulk_insert(session, received, [row])
        with pytest.raises(IntegrityError), session.begin_nested():
            bulk_insert(session, received, [{**row, "received_at": at}])
        stored = session.scalar(select(ReceivedItem).where(
            ReceivedItem.item_uid == row["item_uid"]))
        assert stored is not None
        assert stored.received_at == at and stored.received_at.utcoffset() == dt.timedelta(0)


def test_a_push_reads_its_guests_by_uid_index_however_many(sqlite_url: str) -> None:
    """SQLite takes "event_id = ? AND uid IN (50+ values)" through the event_id index, i.e.
    reads every guest of the event; the push's guest lookup must stay on the uid index."""
    store = ServerStore.open(sqlite_url)
    try:
        site = make_site(store, guests=3)
        statements: list[tuple[str, Any]] = []

        def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
            if "FROM guests" in statement:
                statements.append((statement, parameters))

        sqlalchemy_event.listen(store.engine, "before_cursor_execute", seen)
        with store.read() as session:
            event_id = session.scalar(select(Event.id).where(Event.uid == site.event_uid))
            assert event_id is not None
            uids = [str(uuid.uuid4()) for _ in range(500)]
            found = read_guests(session, event_id, uids, [])
        sqlalchemy_event.remove(store.engine, "before_cursor_execute", seen)
        assert found == [] and statements
        with store.engine.connect() as connection:
            for statement, parameters in statements:
                plan = " ".join(str(row[-1]) for row in connection.exec_driver_sql(
                    f"EXPLAIN QUERY PLAN {statement}", parameters))
                assert "(uid=?)" in plan, plan
    finally:
        store.close()
