"""A property test (hypothesis): random interleavings of scans, undos, faults and syncs across
three kiosk databases always end, after a clean sync, with the server and every kiosk holding
exactly the same check-ins, none lost and none doubled."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from kiosk.checkin import Gate
from kiosk.errors import KioskError, SyncError
from kiosk.server.models import ReceivedItem
from kiosk.server.runner import BackgroundServer
from kiosk.server.store import ServerStore
from tests.conftest import FixedClock
from tests.sync.conftest import ENTRANCE, FIRST_SCAN, HALL, KioskFactory, make_site
from tests.sync.faults import PASS, Fault, FaultProxy, Kind

GUESTS = 4
KIOSKS = 3

faults = st.one_of(
    st.just(PASS),
    st.builds(Fault, st.just(Kind.CUT_RESPONSE), after=st.integers(0, 4000)),
    st.builds(Fault, st.just(Kind.CUT_REQUEST), after=st.integers(0, 600)),
    st.just(Fault(Kind.RESET)),
    st.just(Fault(Kind.DROP)),
    st.just(Fault(Kind.DELAY, seconds=0.02)),
)
scan = st.tuples(st.just("scan"), st.integers(0, KIOSKS - 1), st.integers(0, GUESTS - 1),
                 st.sampled_from([ENTRANCE, HALL]))
undo = st.tuples(st.just("undo"), st.integers(0, KIOSKS - 1), st.integers(0, 5))
sync = st.tuples(st.just("sync"), st.integers(0, KIOSKS - 1), faults)
refused = st.tuples(st.just("refused"), st.integers(0, KIOSKS - 1))
steps = st.lists(st.one_of(scan, scan, undo, sync, sync, refused), min_size=1, max_size=14)


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackgroundServer]:
    """One server for every example (each example makes an event of its own on it)."""
    folder = tmp_path_factory.mktemp("property-server")
    store = ServerStore.open(f"sqlite:///{folder / 'server.sqlite3'}")
    server = BackgroundServer(store).start()
    yield server
    server.stop()
    store.close()


@settings(max_examples=10, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(plan=steps)
def test_any_interleaving_of_scans_faults_and_syncs_converges(
    shared_server: BackgroundServer, tmp_path: Path,
    plan: list[tuple[Any, ...]],
) -> None:
    store = shared_server.store
    site = make_site(store, guests=GUESTS, name=f"Forum {uuid.uuid4().hex[:6]}")
    factory = KioskFactory(tmp_path / uuid.uuid4().hex, FixedClock(FIRST_SCAN))
    proxy = FaultProxy(shared_server.port)
    try:
        kiosks = [factory(f"gate-{i}") for i in range(KIOSKS)]
        for gate in kiosks:
            gate.enrol(shared_server.url, site.code())
            gate.sync(proxy.url, timeout=0.5)
        recorded: set[str] = set()
        admitted: dict[int, list[str]] = {i: [] for i in range(KIOSKS)}
        for step in plan:
            action, who = step[0], int(step[1])
            gate = kiosks[who]
            if action == "scan":
                verdict = gate.scan(site.credentials[int(step[2])], str(step[3]))
                recorded.add(verdict.scan_id)
                if verdict.is_accepted:
                    admitted[who].append(verdict.scan_id)
            elif action == "undo" and admitted[who]:
                chosen = admitted[who][int(step[2]) % len(admitted[who])]
                with contextlib.suppress(KioskError):  # undone already: nothing to do
                    Gate(gate.database, clock=gate.clock).undo(chosen, "wrong guest", "staff")
            elif action == "sync":
                fault = step[2]
                assert isinstance(fault, Fault)
                proxy.inject(fault)
                with contextlib.suppress(SyncError):  # the fault broke this round only
                    gate.sync(proxy.url, timeout=0.5)
                proxy.plan.clear()
            elif action == "refused":
                proxy.refuse()
                with pytest.raises(SyncError):
                    gate.sync(proxy.url, timeout=0.5)
                proxy.accept()
        for _ in range(2):  # the clean sync: all push, then all pull what the others pushed
            for gate in kiosks:
                gate.sync(proxy.url, timeout=10)
        expected = site.checkins()
        assert set(expected) == recorded
        for gate in kiosks:
            assert gate.pending() == 0
            assert gate.checkins(site.event_uid) == expected
        with store.read() as session:
            received = session.scalar(select(func.count()).select_from(ReceivedItem).where(
                ReceivedItem.item_uid.in_(list(recorded))))
        assert received == len(recorded)  # each scan received once
    finally:
        proxy.close()
        factory.close()
