"""Enrolment and device tokens against a real server: every endpoint refuses a missing, wrong,
expired and revoked token, and a device of another event sees and changes only its own event."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import threading
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from sqlalchemy import MetaData, select

from kiosk.models import Checkpoint, Event, OutboxItem, Scan
from kiosk.server.models import ServerDevice
from kiosk.server.runner import BackgroundServer
from kiosk.server.store import ServerStore
from tests.sync.conftest import ENTRANCE, KioskFactory, MovableClock, Site, make_site

PUBLIC = {("GET", "/api/v1/health"), ("POST", "/api/v1/enrol")}


def enrol_raw(url: str, code: str, name: str = "gate") -> httpx.Response:
    return httpx.post(f"{url}/api/v1/enrol", json={
        "code": code, "device_uid": str(uuid.uuid4()), "name": name})


def checkpoint_uid(store: ServerStore, event_uid: str, name: str = ENTRANCE) -> str:
    with store.read() as session:
        uid = session.scalar(select(Checkpoint.uid).join(Event).where(
            Event.uid == event_uid, Checkpoint.name == name))
    assert uid is not None
    return uid


def protected_routes(server: BackgroundServer) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for route in server.app.routes:
        if isinstance(route, APIRoute) and route.path.startswith("/api/"):
            found.update((method, route.path) for method in route.methods or ())
    return found - PUBLIC


def requests_for(site: Site) -> dict[tuple[str, str], dict[str, Any]]:
    """A well-formed request for every endpoint that needs a token (a new endpoint must be
    added here, or the tests below fail)."""
    return {
        ("GET", "/api/v1/device"): {},
        ("GET", "/api/v1/changes"): {"params": {"after": 0}},
        ("POST", "/api/v1/push"): {"json": {"items": []}},
        ("POST", "/api/v1/verdict"): {"json": {
            "scan_id": str(uuid.uuid4()), "payload": site.credentials[0],
            "checkpoint_uid": checkpoint_uid(site.store, site.event_uid),
            "scanned_at": "2026-12-07T02:00:00Z"}},
        ("GET", "/api/v1/signing-key"): {},
    }


def call(server: BackgroundServer, method: str, path: str, token: str | None,
         request: dict[str, Any], *, scheme: str = "Bearer") -> httpx.Response:
    headers = {"Authorization": f"{scheme} {token}".strip()} if token is not None else {}
    return httpx.request(method, f"{server.url}{path}", headers=headers, timeout=10, **request)


def enrolled_token(server: BackgroundServer, site: Site, *, can_issue: bool = False) -> str:
    answer = enrol_raw(server.url, site.code(can_issue=can_issue))
    assert answer.status_code == 200, answer.text
    return str(answer.json()["token"])


def test_every_endpoint_is_known_to_these_tests(server: BackgroundServer, site: Site) -> None:
    assert protected_routes(server) == set(requests_for(site))


BAD_TOKENS = [("missing", "missing_token"), ("empty", "missing_token"),
              ("wrong", "unknown_token"), ("not bearer", "missing_token"),
              ("expired", "expired_token"), ("revoked", "device_revoked")]


def test_every_endpoint_refuses_a_bad_token(
    server: BackgroundServer, site: Site, server_clock: MovableClock
) -> None:
    for case, expected in BAD_TOKENS:
        good = enrolled_token(server, site, can_issue=True)
        token: str | None = good
        scheme = "Bearer"
        if case == "missing":
            token = None
        elif case == "empty":
            token = ""
        elif case == "wrong":
            token = good[:-4] + ("AAAA" if not good.endswith("AAAA") else "BBBB")
        elif case == "not bearer":
            scheme = "Basic"
        elif case == "expired":
            server_clock.offset = dt.timedelta(days=400)  # long after the event and its grace
        else:
            with site.store.read() as session:
                device_uid = session.scalar(select(ServerDevice.uid).where(
                    ServerDevice.token_hash == hashlib.sha256(good.encode()).hexdigest()))
            assert device_uid is not None
            site.revoke(device_uid)  # refused at once: the very next request
        requests = requests_for(site)
        for (method, path), request in requests.items():
            answer = call(server, method, path, token, request, scheme=scheme)
            assert answer.status_code == 401, (case, method, path, answer.text)
            assert answer.json()["detail"]["code"] == expected, (case, method, path)
            assert answer.headers["www-authenticate"] == "Bearer"
        server_clock.offset = dt.timedelta(0)
        verdict_scan = requests[("POST", "/api/v1/verdict")]["json"]["scan_id"]
        with site.store.read() as session:  # the refused verdict stored nothing
            assert session.get(Scan, verdict_scan) is None
        assert call(server, "GET", "/api/v1/device", good, {}).status_code == (
            401 if case == "revoked" else 200)  # the good token itself still works


def test_every_endpoint_answers_a_good_token(server: BackgroundServer, site: Site) -> None:
    token = enrolled_token(server, site, can_issue=True)
    for (method, path), request in requests_for(site).items():
        answer = call(server, method, path, token, request)
        assert answer.status_code == 200, (method, path, answer.text)


def test_a_device_of_another_event_sees_and_changes_only_its_own(
    server: BackgroundServer, site: Site, make_kiosk: KioskFactory
) -> None:
    other = make_site(site.store, guests=3, name="Shanghai Expo")
    # A real scan of the first event, as its kiosk would push it.
    gate = make_kiosk("gate-a")
    gate.enrol(server.url, site.code())
    gate.sync()
    assert gate.scan(site.credentials[0]).is_accepted
    with gate.database.session() as session:
        item = session.scalars(select(OutboxItem).where(OutboxItem.kind == "scan")).one()
        foreign_item = {"id": item.item_uid, "kind": item.kind, "payload": item.payload}
    before = site.checkins()
    with site.store.read() as session:
        own_key = session.scalar(select(Event.signing_key).where(Event.uid == site.event_uid))
    assert own_key is not None

    token = enrolled_token(server, other, can_issue=True)
    plain = enrolled_token(server, other, can_issue=False)

    def device(answer: httpx.Response) -> None:
        assert answer.json()["event_uid"] == other.event_uid

    def changes(answer: httpx.Response) -> None:
        assert site.event_uid not in answer.text and other.event_uid in answer.text
        kinds = {c["kind"] for c in answer.json()["changes"]}
        assert "guest" in kinds and "scan" not in kinds  # the other event's scan is not here

    def signing_key(answer: httpx.Response) -> None:
        assert base64.b64decode(answer.json()["signing_key"]) != own_key

    checks: dict[tuple[str, str], tuple[dict[str, Any], int, Callable[[httpx.Response], None]]]
    checks = {
        ("GET", "/api/v1/device"): ({}, 200, device),
        ("GET", "/api/v1/changes"): ({"params": {"after": 0, "limit": 5000}}, 200, changes),
        ("POST", "/api/v1/push"): ({"json": {"items": [foreign_item]}}, 200, lambda a: (
            a.json()["accepted"] == [] or pytest.fail(a.text))),
        # The first event's checkpoint is not this device's to ask about.
        ("POST", "/api/v1/verdict"): (requests_for(site)[("POST", "/api/v1/verdict")], 404,
                                      lambda a: None),
        ("GET", "/api/v1/signing-key"): ({}, 200, signing_key),
    }
    assert set(checks) == protected_routes(server)
    for (method, path), (request, status, check) in checks.items():
        answer = call(server, method, path, token, request)
        assert answer.status_code == status, (method, path, answer.text)
        check(answer)
    pushed = call(server, "POST", "/api/v1/push", token, {"json": {"items": [foreign_item]}})
    assert [r["code"] for r in pushed.json()["rejected"]] == ["other_event"]
    assert site.checkins() == before  # nothing of the first event changed
    # The other event's own checkpoint does not admit the first event's guest either.
    verdict = call(server, "POST", "/api/v1/verdict", token, {"json": {
        "scan_id": str(uuid.uuid4()), "payload": site.credentials[1],
        "checkpoint_uid": checkpoint_uid(site.store, other.event_uid),
        "scanned_at": "2026-12-07T02:00:00Z"}})
    assert verdict.status_code == 200 and verdict.json()["accepted"] is False
    # A device not enrolled to issue never gets a signing key.
    refused = call(server, "GET", "/api/v1/signing-key", plain, {})
    assert refused.status_code == 403 and refused.json()["detail"]["code"] == "cannot_issue"


def test_an_enrolment_code_enrols_one_kiosk_once(server: BackgroundServer, site: Site) -> None:
    code = site.code()
    first = enrol_raw(server.url, code.lower().replace("-", " "))  # as typed: any case, spaces
    assert first.status_code == 200, first.text
    again = enrol_raw(server.url, code)
    assert again.status_code == 403 and again.json()["detail"]["code"] == "used_code"
    unknown = enrol_raw(server.url, "AAAA-BBBB-CCCC")
    assert unknown.status_code == 403 and unknown.json()["detail"]["code"] == "unknown_code"
    stale = site.code(now=dt.datetime.now(dt.UTC) - dt.timedelta(hours=2),
                      lifetime=dt.timedelta(hours=1))
    expired = enrol_raw(server.url, stale)
    assert expired.status_code == 403 and expired.json()["detail"]["code"] == "expired_code"


def test_one_code_raced_by_eight_kiosks_enrols_exactly_one(
    server: BackgroundServer, site: Site
) -> None:
    code = site.code()
    answers: list[int] = []
    barrier = threading.Barrier(8)

    def attempt() -> None:
        barrier.wait()
        answers.append(enrol_raw(server.url, code).status_code)

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [200] + [403] * 7
    with site.store.read() as session:
        assert len(session.scalars(select(ServerDevice)).all()) == 1


def test_the_server_keeps_tokens_and_codes_only_as_hashes(
    server: BackgroundServer, site: Site, server_store: ServerStore
) -> None:
    code = site.code()
    answer = enrol_raw(server.url, code)
    token = answer.json()["token"]
    assert token.startswith("kdt_") and len(token) > 40
    texts: list[str] = []
    metadata = MetaData()
    metadata.reflect(server_store.engine)
    with server_store.engine.connect() as connection:
        for table in metadata.sorted_tables:
            for row in connection.execute(table.select()):
                texts.extend(str(value) for value in row)
    everything = "\n".join(texts)
    assert token not in everything and token[4:] not in everything
    assert code not in everything and code.replace("-", "") not in everything
    assert hashlib.sha256(token.encode()).hexdigest() in everything
    assert hashlib.sha256(code.encode()).hexdigest() in everything


def test_a_revoked_kiosk_cannot_enrol_again_from_the_same_folder(
    server: BackgroundServer, site: Site, make_kiosk: KioskFactory
) -> None:
    gate = make_kiosk("gate-r")
    gate.enrol(server.url, site.code())
    site.revoke(gate.device_uid)
    answer = httpx.post(f"{server.url}/api/v1/enrol", json={
        "code": site.code(), "device_uid": gate.device_uid, "name": "again"})
    assert answer.status_code == 403
    assert answer.json()["detail"]["code"] == "device_revoked"
