"""The server as it is deployed: its OpenAPI schema documents every endpoint, and several copies
of it (separate processes) on one PostgreSQL database act as one server."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from sqlalchemy import func, select

from kiosk.cli import main
from kiosk.models import OutboxItem
from kiosk.server.models import ReceivedItem
from kiosk.server.runner import BackgroundServer
from kiosk.server.store import ServerStore
from kiosk.sync.client import ServerClient
from tests.sync.conftest import HALL, KioskFactory, ProcessServer, make_site

PUBLIC = {"/api/v1/health", "/api/v1/enrol"}


def test_the_openapi_schema_documents_every_endpoint(sqlite_url: str) -> None:
    store = ServerStore.open(sqlite_url)
    server = BackgroundServer(store).start()
    try:
        schema = httpx.get(f"{server.url}/openapi.json").json()
        docs = httpx.get(f"{server.url}/docs")
    finally:
        server.stop()
        store.close()
    assert schema["info"]["title"] == "Kiosk sync server"
    routes = [r for r in server.app.routes if isinstance(r, APIRoute)]
    assert len(routes) >= 7
    for route in routes:
        for method in route.methods or ():
            operation = schema["paths"][route.path][method.lower()]
            assert "200" in operation["responses"], route.path
            if route.path not in PUBLIC:
                assert operation["security"] == [{"HTTPBearer": []}], route.path
                assert "401" in operation["responses"], route.path
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    push = schema["paths"]["/api/v1/push"]["post"]["requestBody"]["content"]
    assert push["application/json"]["schema"]["$ref"].endswith("/PushRequest")
    assert {"PushResponse", "ChangesPage", "EnrolResponse", "VerdictResponse"} <= set(
        schema["components"]["schemas"])
    assert docs.status_code == 200 and "/openapi.json" in docs.text


@pytest.mark.system
def test_two_server_processes_on_one_postgresql_act_as_one_server(
    bare_pg_url: str, tmp_path: Path, make_kiosk: KioskFactory,
    process_servers: list[ProcessServer],
) -> None:
    # Both start at once on an empty database: one migrates it while the other waits its turn.
    servers = [ProcessServer(bare_pg_url, tmp_path / f"server-{i}") for i in range(2)]
    process_servers.extend(servers)
    for server in servers:
        server.launch()
    for server in servers:
        server.wait_ready()
    store = ServerStore.open(bare_pg_url)
    try:
        site = make_site(store, guests=6)
        kiosks = [make_kiosk(f"gate-{i}") for i in range(3)]
        for i, gate in enumerate(kiosks):
            gate.enrol(servers[i % 2].url, site.code())
            gate.sync()
        recorded: set[str] = set()
        for n in range(20):
            for gate in kiosks:
                recorded.add(gate.scan(site.credentials[n % 6], HALL).scan_id)
        recorded.add(kiosks[0].scan(site.credentials[0]).scan_id)  # guest 0 at the entrance
        recorded.add(kiosks[1].scan(site.credentials[0]).scan_id)  # and again elsewhere

        # Every kiosk's whole outbox pushed through both copies at once, twice over.
        answers: list[dict[str, Any]] = []
        lock = threading.Lock()

        def push(gate_index: int, server_index: int) -> None:
            gate = kiosks[gate_index]
            with gate.database.session() as session:
                items = [{"id": i.item_uid, "kind": i.kind, "payload": i.payload}
                         for i in session.scalars(select(OutboxItem).order_by(OutboxItem.seq))]
            with ServerClient(servers[server_index].url, gate.token(), timeout=30) as client:
                answer = client.push(items)
            with lock:
                answers.append(answer)

        threads = [threading.Thread(target=push, args=(g, s))
                   for g in range(3) for s in (0, 1, 0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        accepted = [item for answer in answers for item in answer["accepted"]]
        assert len(accepted) == len(set(accepted)) == len(recorded)  # each applied once
        assert all(not answer["rejected"] for answer in answers)

        # A check-in pushed through one copy reaches a kiosk long-polling the other.
        with ServerClient(servers[1].url, kiosks[1].token(), timeout=30) as waiting:
            head = waiting.changes(0, 5000)["head"]
            seen: dict[str, Any] = {}

            def poll() -> None:
                seen.update(waiting.changes(head, 100, wait=10))

            poller = threading.Thread(target=poll)
            poller.start()
            time.sleep(0.3)
            late = kiosks[0].scan(site.credentials[5], HALL)
            recorded.add(late.scan_id)
            started = time.monotonic()
            kiosks[0].sync(servers[0].url)
            poller.join(15)
            delay = time.monotonic() - started
        assert late.scan_id in {c["data"].get("id") for c in seen["changes"]}
        assert delay < 2.0

        for _ in range(2):  # kiosks sync with either copy
            for i, gate in enumerate(kiosks):
                gate.sync(servers[(i + 1) % 2].url)
        expected = site.checkins()
        assert set(expected) == recorded
        for gate in kiosks:
            assert gate.pending() == 0
            assert gate.checkins(site.event_uid) == expected
        with store.read() as session:
            assert session.scalar(select(func.count()).select_from(ReceivedItem)) == len(recorded)
        assert sum(1 for v in expected.values() if v[4]) == 1  # the second entrance scan
    finally:
        store.close()


def test_kiosk_server_says_in_one_line_when_its_port_is_taken(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status = main(["--data-dir", str(tmp_path), "server", "--port", str(port),
                       "--database", sqlite_url])
    err = capsys.readouterr().err
    assert status == 1 and err.count("\n") == 1
    assert f"cannot listen on 127.0.0.1:{port}" in err and "--port" in err
    status = main(["--data-dir", str(tmp_path), "server", "--port", "70000"])
    assert status == 2 and "not a port number" in capsys.readouterr().err
