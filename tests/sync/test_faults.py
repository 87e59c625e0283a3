"""Faults for real: kiosks sync with a server process through the tests' fault-injecting proxy
(dropped, delayed, cut and refused connections), and the server is killed (SIGKILL) and started
again in the middle of a push. After a final clean sync the server and every kiosk hold exactly
the same check-ins: none lost, none doubled."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.errors import SyncError
from kiosk.server.models import ReceivedItem
from kiosk.server.store import ServerStore
from tests.sync.conftest import HALL, Kiosk, KioskFactory, ProcessServer, make_site
from tests.sync.faults import Fault, FaultProxy, Kind

TIMEOUT = 1.0  # the kiosks' request timeout here: a dropped request costs this much


def received_from(store: ServerStore, device_uid: str) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(ReceivedItem).where(
            ReceivedItem.device_uid == device_uid)) or 0)


def settle(kiosks: list[Kiosk], url: str) -> None:
    """The final clean sync: everyone pushes, then everyone pulls what the others pushed."""
    for _ in range(2):
        for gate in kiosks:
            gate.sync(url, timeout=30)


def test_faults_and_a_killed_server_lose_nothing_and_double_nothing(
    database_url: str, server_store: ServerStore, make_kiosk: KioskFactory, tmp_path: Path,
    process_servers: list[ProcessServer],
) -> None:
    site = make_site(server_store, guests=8)
    server = ProcessServer(database_url, tmp_path / "server")
    process_servers.append(server.start())
    proxy = FaultProxy(server.port)
    try:
        kiosks = [make_kiosk(name) for name in ("east", "west", "south")]
        for gate in kiosks:
            gate.enrol(proxy.url, site.code())
            gate.sync(proxy.url, timeout=TIMEOUT)
        recorded: set[str] = set()
        failures = 0
        faults = [
            Fault(Kind.CUT_RESPONSE, after=40),  # the push applied, its answer lost
            Fault(Kind.DROP),  # swallowed: the kiosk times out
            Fault(Kind.CUT_REQUEST, after=150),  # the server never sees a whole request
            Fault(Kind.RESET),
            Fault(Kind.DELAY, seconds=0.1),  # each chunk late, all in time
            Fault(Kind.CUT_RESPONSE, after=900),  # somewhere in the pull after the push
        ]
        for round_, fault in enumerate(faults):
            for i, gate in enumerate(kiosks):
                # Guest 0 at every gate's single entrance: the conflicts travel too.
                recorded.add(gate.scan(site.credentials[(round_ + i) % 3]).scan_id)
                recorded.add(gate.scan(site.credentials[3 + i], HALL).scan_id)
            proxy.inject(fault)
            target = kiosks[round_ % 3]
            try:
                target.sync(proxy.url, timeout=TIMEOUT)
            except SyncError:
                failures += 1
            # Refused outright: nobody gets through, every scan waits.
            proxy.refuse()
            with pytest.raises(SyncError, match="cannot reach"):
                kiosks[(round_ + 1) % 3].sync(proxy.url, timeout=TIMEOUT)
            proxy.accept()
        assert failures >= 4  # every fault but the delay broke its round

        # The server killed in the middle of a push of many batches.
        east = kiosks[0]
        for n in range(120):
            recorded.add(east.scan(site.credentials[n % 8], HALL).scan_id)
        pending_before = east.pending()
        failed: list[BaseException] = []

        def push() -> None:
            try:
                east.sync(proxy.url, timeout=TIMEOUT, push_batch=10)
            except SyncError as error:
                failed.append(error)

        pusher = threading.Thread(target=push)
        pusher.start()
        deadline = time.monotonic() + 20
        while received_from(server_store, east.device_uid) < 40:
            assert time.monotonic() < deadline and pusher.is_alive(), "the push did not start"
            time.sleep(0.005)
        server.kill()
        pusher.join(30)
        assert failed, "the push should have been cut off by the kill"
        assert 0 < east.pending() < pending_before  # part went through, the rest waits
        with pytest.raises(SyncError):  # the server is down: nothing answers behind the proxy
            east.sync(proxy.url, timeout=TIMEOUT)
        server.start()  # same port, same database

        settle(kiosks, proxy.url)
    finally:
        proxy.close()
    expected = site.checkins()
    assert set(expected) == recorded  # none lost, none invented
    assert len(expected) == len(recorded) == 6 * 3 * 2 + 120
    for gate in kiosks:
        assert gate.pending() == 0
        assert gate.checkins(site.event_uid) == expected, gate.name
    with server_store.read() as session:  # each item received once
        received = session.scalar(select(func.count()).select_from(ReceivedItem))
    assert received == len(recorded)
    flagged = [k for k, v in expected.items() if v[4]]
    assert flagged  # the single entrance saw guests admitted at more than one gate
