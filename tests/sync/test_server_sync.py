"""Pull and push against a real server: numbered changes in pages, resuming without gaps or
repeats, each pushed item applied exactly once, and two gates apart admitting one guest."""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from kiosk.errors import SyncError
from kiosk.models import Checkpoint, Event, Guest, OutboxItem, Scan
from kiosk.server.models import ChangeRecord, ReceivedItem
from kiosk.server.runner import BackgroundServer
from kiosk.server.store import ServerStore
from kiosk.sync import state
from tests.sync.conftest import (
    FIRST_SCAN,
    HALL,
    Kiosk,
    KioskFactory,
    Site,
    make_site,
)
from tests.sync.faults import Fault, FaultProxy, Kind


def token_for(
    server: BackgroundServer, site: Site, device_uid: str | None = None
) -> dict[str, str]:
    answer = httpx.post(f"{server.url}/api/v1/enrol", json={
        "code": site.code(), "device_uid": device_uid or str(uuid.uuid4()), "name": "test"})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def pull_all(http: httpx.Client, after: int = 0, limit: int = 7) -> tuple[list[int], int]:
    seqs: list[int] = []
    while True:
        page = http.get("/api/v1/changes", params={"after": after, "limit": limit}).json()
        got = [c["seq"] for c in page["changes"]]
        assert len(got) <= limit
        seqs.extend(got)
        if got:
            assert page["last_seq"] == got[-1]
        after = page["last_seq"]
        if not page["has_more"]:
            assert after == page["head"]
            return seqs, after


def test_changes_carry_consecutive_numbers_and_come_in_pages(
    server: BackgroundServer, server_store: ServerStore
) -> None:
    big = make_site(server_store, guests=25, name="Paged Forum")
    with httpx.Client(base_url=server.url, headers=token_for(server, big)) as http:
        seqs, head = pull_all(http)
        assert seqs == list(range(1, head + 1))
        assert head >= 25 + 2 + 1  # every guest, both checkpoints, the event
        middle, _ = pull_all(http, after=head // 2, limit=4)
        assert middle == list(range(head // 2 + 1, head + 1))
        tail = http.get("/api/v1/changes", params={"after": head}).json()
        assert tail == {"changes": [], "last_seq": head, "head": head, "has_more": False}
        refused = http.get("/api/v1/changes", params={"after": -1})
        assert refused.status_code == 422


def scan_item(site: Site, checkpoint_uid: str, number: int, device_uid: str) -> dict[str, Any]:
    scan_id = str(uuid.uuid4())
    return {"id": scan_id, "kind": "scan", "payload": {
        "id": scan_id, "event_uid": site.event_uid, "guest_number": number,
        "checkpoint_uid": checkpoint_uid, "device_uid": device_uid,
        "scanned_at": FIRST_SCAN.isoformat(), "reason": "admitted", "is_accepted": True,
        "direction": "in", "code_kind": "credential", "payload_digest": "0" * 64,
    }}


def hall_uid(site: Site) -> str:
    with site.store.read() as session:
        uid = session.scalar(select(Checkpoint.uid).join(Event).where(
            Event.uid == site.event_uid, Checkpoint.name == HALL))
    assert uid is not None
    return uid


def test_a_reader_never_skips_a_change_that_commits_while_others_write(
    server: BackgroundServer, site: Site
) -> None:
    hall = hall_uid(site)
    writer_devices = [str(uuid.uuid4()) for _ in range(4)]
    writers = [(token_for(server, site, device), device) for device in writer_devices]
    reader = token_for(server, site)
    seen: list[int] = []
    done = threading.Event()
    errors: list[BaseException] = []

    def write(headers: dict[str, str], device: str) -> None:
        try:
            with httpx.Client(base_url=server.url, headers=headers, timeout=30) as http:
                for round_ in range(4):
                    items = [scan_item(site, hall, site.guest_numbers[(round_ + i) % 6],
                                       device) for i in range(5)]
                    answer = http.post("/api/v1/push", json={"items": items})
                    assert answer.status_code == 200 and len(answer.json()["accepted"]) == 5
        except BaseException as error:
            errors.append(error)

    def read() -> None:
        after = 0
        with httpx.Client(base_url=server.url, headers=reader, timeout=30) as http:
            while True:
                finished = done.is_set()
                page = http.get("/api/v1/changes", params={"after": after, "limit": 9}).json()
                seen.extend(c["seq"] for c in page["changes"])
                after = page["last_seq"]
                if finished and not page["has_more"]:
                    return

    threads = [threading.Thread(target=write, args=(h, d)) for h, d in writers]
    puller = threading.Thread(target=read)
    puller.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    puller.join()
    assert not errors, errors
    with site.store.read() as session:
        head = session.scalar(select(func.max(ChangeRecord.seq)).join(
            Event, Event.id == ChangeRecord.event_id).where(Event.uid == site.event_uid))
    assert seen == list(range(1, (head or 0) + 1))  # none skipped, none twice, in order
    assert len(site.checkins()) == 4 * 4 * 5


def test_a_kiosk_resumes_an_interrupted_pull_from_its_last_page(
    server: BackgroundServer, server_store: ServerStore, make_kiosk: KioskFactory
) -> None:
    big = make_site(server_store, guests=40, name="Resumed Forum")
    gate = make_kiosk("gate")
    gate.enrol(server.url, big.code())
    with FaultProxy(server.port) as proxy:
        # The fourth page's answer is cut part-way (the first three are about 1.7 kB each).
        proxy.inject(Fault(Kind.CUT_RESPONSE, after=6000))
        with pytest.raises(SyncError):
            gate.sync(proxy.url, pull_page=6)
        with gate.database.session() as session:
            stopped_at = state.cursor(session)
        assert stopped_at in (6, 12, 18, 24)  # a page boundary: each page came whole or not
        afters_before = len(proxy.request_lines)
        report = gate.sync(proxy.url, pull_page=6)
        asked = [int(line.split("after=")[1].split("&")[0])
                 for line in proxy.request_lines[afters_before:]]
    assert asked[0] == stopped_at  # the next page after the last one applied: no gap
    assert asked == list(range(stopped_at, report.pull.cursor, 6))  # each page once
    assert report.pull.cursor == report.pull.head
    # Changes 1-3 are the event and its checkpoints, 4-43 the guests: this round applied the
    # guests after the cursor, each once.
    assert report.pull.head == 43
    assert report.pull.applied.guests == report.pull.applied.changes == 43 - stopped_at
    with gate.database.session() as session:
        assert session.scalar(select(func.count()).select_from(Scan)) == 0
        assert session.scalar(select(func.count()).select_from(Guest)) == 40


def outbox(gate: Kiosk) -> list[dict[str, Any]]:
    with gate.database.session() as session:
        return [{"id": i.item_uid, "kind": i.kind, "payload": i.payload}
                for i in session.scalars(select(OutboxItem).order_by(OutboxItem.seq))]


def test_a_pushed_item_applies_once_however_often_it_arrives(
    server: BackgroundServer, server_store: ServerStore, make_kiosk: KioskFactory
) -> None:
    big = make_site(server_store, guests=15, name="Pushed Forum")
    gate = make_kiosk("gate")
    gate.enrol(server.url, big.code())
    gate.sync()
    for credential in big.credentials:
        assert gate.scan(credential).is_accepted
    items = outbox(gate)
    assert len(items) == 15
    headers = {"Authorization": f"Bearer {gate.token()}"}
    with httpx.Client(base_url=server.url, headers=headers, timeout=30) as http:
        first = http.post("/api/v1/push", json={"items": items[:10]}).json()
        assert len(first["accepted"]) == 10 and first["duplicates"] == []
        again = http.post("/api/v1/push", json={"items": items[:10]}).json()
        assert again["accepted"] == [] and len(again["duplicates"]) == 10
        assert again["last_seq"] == first["last_seq"]  # nothing new in the change stream
        overlap = http.post("/api/v1/push", json={"items": items[5:]}).json()
        assert len(overlap["accepted"]) == 5 and len(overlap["duplicates"]) == 5
        # The whole outbox from four connections at once: none applied a second time.
        answers: list[dict[str, Any]] = []

        def push() -> None:
            with httpx.Client(base_url=server.url, headers=headers, timeout=30) as own:
                answers.append(own.post("/api/v1/push", json={"items": items}).json())

        threads = [threading.Thread(target=push) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sum(len(a["accepted"]) for a in answers) == 0
        assert all(len(a["duplicates"]) == 15 for a in answers)
    with big.store.read() as session:
        assert session.scalar(select(func.count()).select_from(ReceivedItem)) == 15
        published = Counter(session.scalars(select(ChangeRecord.entity_uid).where(
            ChangeRecord.kind == "scan")))
    assert len(big.checkins()) == 15
    assert set(published) == set(big.checkins()) and set(published.values()) == {1}
    report = gate.sync()  # the kiosk's own push now finds them all accepted already
    assert report.push.duplicates == 15 and report.push.accepted == 0
    assert gate.pending() == 0


def test_two_gates_apart_both_keep_their_check_in_and_both_see_the_later_flagged(
    server: BackgroundServer, site: Site, make_kiosk: KioskFactory
) -> None:
    north, south = make_kiosk("north"), make_kiosk("south")
    for gate in (north, south):
        gate.enrol(server.url, site.code())
        gate.sync()
    guest = site.credentials[2]
    early = north.scan(guest)  # apart: neither knows of the other's scan
    late = south.scan(guest)
    assert early.is_accepted and late.is_accepted
    for gate in (south, north, south):
        gate.sync()
    expected = site.checkins()
    assert set(expected) == {early.scan_id, late.scan_id}
    assert expected[early.scan_id][4] is False  # the earlier counts as the arrival
    assert expected[late.scan_id][4] is True  # the later is flagged for staff
    assert north.checkins(site.event_uid) == expected
    assert south.checkins(site.event_uid) == expected
    # Undoing the arrival at the north gate: the south gate's check-in now stands alone.
    north_gate_undo(north, early.scan_id)
    for gate in (north, south):
        gate.sync()
    expected = site.checkins()
    assert expected[early.scan_id][5] is True and expected[late.scan_id][4] is False
    assert north.checkins(site.event_uid) == expected == south.checkins(site.event_uid)


def north_gate_undo(gate: Kiosk, scan_id: str) -> None:
    from kiosk.checkin import Gate

    Gate(gate.database, clock=gate.clock).undo(scan_id, "scanned the wrong badge", "staff")


def test_an_item_that_can_never_apply_is_refused_alone_and_the_rest_go_in(
    server: BackgroundServer, site: Site
) -> None:
    hall = hall_uid(site)
    device = str(uuid.uuid4())
    good = [scan_item(site, hall, site.guest_numbers[0], device) for _ in range(2)]
    # Numbers too big for their columns (32-bit on PostgreSQL, 64-bit on SQLite), a reason
    # that is none, an unknown kind of guest change: each refused for good, by itself.
    huge = scan_item(site, hall, 2**40, device)
    huger = scan_item(site, hall, 2**70, device)
    bad_reason = scan_item(site, hall, site.guest_numbers[1], device)
    bad_reason["payload"]["reason"] = "bribed"
    walk_in = {"id": str(uuid.uuid4()), "kind": "guest", "payload": {
        "id": str(uuid.uuid4()), "change": "walk_in_registered", "guest_uid": str(uuid.uuid4()),
        "guest": {"number": 2**70, "name": "Too Big", "credential_serial": 0}}}
    forged_serial = scan_item(site, hall, site.guest_numbers[2], device)
    forged_serial["payload"]["credential_serial"] = 2**70
    # An undo of a scan the server has not seen yet may apply later: refused for now only.
    undo = {"id": str(uuid.uuid4()), "kind": "undo", "payload": {
        "id": str(uuid.uuid4()), "scan_id": str(uuid.uuid4()), "device_uid": device,
        "reason": "mistake", "undone_at": FIRST_SCAN.isoformat()}}
    items = [good[0], huge, huger, bad_reason, walk_in, forged_serial, undo, good[1]]
    headers = token_for(server, site, device)
    with httpx.Client(base_url=server.url, headers=headers, timeout=30) as http:
        answer = http.post("/api/v1/push", json={"items": items})
        assert answer.status_code == 200, answer.text
        pushed = answer.json()
        assert pushed["accepted"] == [good[0]["id"], good[1]["id"]]
        refused = {r["id"]: r for r in pushed["rejected"]}
        for item in (huge, huger, bad_reason, walk_in, forged_serial):
            assert refused[item["id"]]["code"] == "invalid_payload"
            assert refused[item["id"]]["permanent"] is True
        assert refused[undo["id"]]["code"] == "unknown_scan"
        assert refused[undo["id"]]["permanent"] is False
        too_far = http.get("/api/v1/changes", params={"after": 2**70})
        assert too_far.status_code == 422
    assert set(site.checkins()) == {good[0]["id"], good[1]["id"]}


def test_gates_asking_at_once_for_one_single_entry_guest_admit_exactly_one(
    server: BackgroundServer, site: Site
) -> None:
    with site.store.read() as session:
        entrance = session.scalar(select(Checkpoint.uid).join(Event).where(
            Event.uid == site.event_uid, Checkpoint.name == "Main entrance"))
    gates = [token_for(server, site) for _ in range(6)]
    answers: list[dict[str, Any]] = []
    barrier = threading.Barrier(len(gates))

    def ask(headers: dict[str, str]) -> None:
        request = {"scan_id": str(uuid.uuid4()), "payload": site.credentials[3],
                   "checkpoint_uid": entrance, "scanned_at": FIRST_SCAN.isoformat()}
        with httpx.Client(base_url=server.url, headers=headers, timeout=30) as http:
            barrier.wait()
            answer = http.post("/api/v1/verdict", json=request)
            assert answer.status_code == 200, answer.text
            answers.append({**answer.json(), "request": request, "headers": headers})

    threads = [threading.Thread(target=ask, args=(h,)) for h in gates]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    admitted = [a for a in answers if a["accepted"]]
    assert len(admitted) == 1 and admitted[0]["recorded"] is True
    assert sorted(a["reason"] for a in answers if not a["accepted"]) == (
        ["already_checked_in"] * (len(gates) - 1))
    # The admitted gate lost the answer and asks again: the same verdict, nothing stored twice.
    winner = admitted[0]
    with httpx.Client(base_url=server.url, headers=winner["headers"], timeout=30) as http:
        again = http.post("/api/v1/verdict", json=winner["request"]).json()
    assert again["accepted"] is True and again["recorded"] is True
    assert list(site.checkins()) == [winner["scan_id"]]  # refused ones come with the push


def test_a_device_cannot_push_in_another_devices_name(
    server: BackgroundServer, site: Site
) -> None:
    hall = hall_uid(site)
    mine, theirs = str(uuid.uuid4()), str(uuid.uuid4())
    own = scan_item(site, hall, site.guest_numbers[0], mine)
    forged = scan_item(site, hall, site.guest_numbers[1], theirs)
    with httpx.Client(base_url=server.url, headers=token_for(server, site, mine),
                      timeout=30) as http:
        pushed = http.post("/api/v1/push", json={"items": [own, forged]}).json()
    assert pushed["accepted"] == [own["id"]]
    assert [(r["id"], r["code"]) for r in pushed["rejected"]] == [(forged["id"], "other_device")]
