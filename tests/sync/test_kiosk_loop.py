"""The background sync loop: backoff, the status the windows show, catching up after an outage,
and a check-in at gate A showing at gate B while both loops run."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.checkin import Gate
from kiosk.db import Database
from kiosk.domain import Reason
from kiosk.models import Scan, utc_now
from kiosk.server import auth
from kiosk.server.models import ServerDevice
from kiosk.server.runner import BackgroundServer
from kiosk.sync import state
from kiosk.sync.loop import Backoff, Connection, SyncLoop, SyncStatus
from tests.conftest import FixedClock
from tests.sync.kiosk_support import SCAN_TIME, Organiser, enrolled_kiosk, organiser

__all__ = ["organiser"]

def fast_loop(database: Database, on_status: Callable[[SyncStatus], None] | None = None
              ) -> SyncLoop:
    """A loop with test-sized intervals: pushes at once, short polls, short backoff."""
    return SyncLoop(database, on_status=on_status, push_interval=0.05, long_poll=1.0,
                    backoff_base=0.05, backoff_cap=0.2, timeout=2.0, not_enrolled_poll=0.1)


def wait_for(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the condition did not hold in time")
        time.sleep(0.02)


class Seen:
    """Every status the loop reported, from its worker threads."""

    def __init__(self) -> None:
        self.statuses: list[SyncStatus] = []
        self._lock = threading.Lock()

    def __call__(self, status: SyncStatus) -> None:
        with self._lock:
            self.statuses.append(status)

    def connections(self) -> list[Connection]:
        with self._lock:
            return [s.connection for s in self.statuses]


@pytest.fixture
def gate_folder(organiser: Organiser, tmp_path: Path) -> Path:
    return enrolled_kiosk(organiser, tmp_path / "gate-a", "A")


@pytest.fixture
def gate_db(gate_folder: Path) -> Iterator[Database]:
    database = Database.open(gate_folder)
    yield database
    database.close()


def test_backoff_grows_with_jitter_up_to_its_cap_and_resets() -> None:
    backoff = Backoff(base=1.0, cap=8.0, rng=random.Random(7))
    delays = [backoff.next_delay() for _ in range(8)]
    for n, delay in enumerate(delays, start=1):
        assert 1.0 <= delay <= min(8.0, 2.0 ** n)
    assert max(delays[4:]) > 4.0  # it does grow
    assert len(set(delays)) == len(delays)  # jitter: kiosks do not knock in step
    backoff.reset()
    assert 1.0 <= backoff.next_delay() <= 2.0
    with pytest.raises(ValueError):
        Backoff(base=5.0, cap=1.0)


def test_the_loop_pushes_a_scan_and_reports_online(
    organiser: Organiser, gate_db: Database
) -> None:
    seen = Seen()
    with fast_loop(gate_db, seen) as loop:
        wait_for(lambda: loop.status().connection is Connection.ONLINE)
        verdict = Gate(gate_db, clock=FixedClock(SCAN_TIME)).scan(organiser.credentials[0])
        assert verdict.reason is Reason.ADMITTED
        loop.wake()
        wait_for(lambda: organiser.accepted_scans() == 1)
        wait_for(lambda: loop.status().pending == 0)
        status = loop.status()
    assert status.server_url == organiser.url
    assert status.last_sync_at is not None
    assert status.error is None
    assert Connection.ONLINE in seen.connections()


def test_an_unenrolled_kiosk_reports_not_enrolled(database: Database) -> None:
    with fast_loop(database) as loop:
        wait_for(lambda: loop.status().connection is Connection.NOT_ENROLLED)


def test_the_loop_goes_offline_keeps_scanning_and_catches_up_when_the_server_returns(
    organiser: Organiser, gate_db: Database
) -> None:
    port = organiser.server.port
    organiser.server.stop()
    seen = Seen()
    gate = Gate(gate_db, clock=FixedClock(SCAN_TIME))
    with fast_loop(gate_db, seen) as loop:
        wait_for(lambda: loop.status().connection is Connection.OFFLINE)
        for code in organiser.credentials[:3]:
            assert gate.scan(code).reason is Reason.ADMITTED  # scanning never waits for sync
        loop.wake()
        wait_for(lambda: loop.status().pending == 3)
        offline = loop.status()
        assert offline.error is not None and "cannot reach the server" in offline.error
        organiser.server = BackgroundServer(organiser.store, port=port).start()
        wait_for(lambda: loop.status().connection is Connection.ONLINE)
        wait_for(lambda: loop.status().pending == 0)
        assert loop.status().error is None
    assert organiser.accepted_scans() == 3
    assert seen.connections().index(Connection.OFFLINE) < seen.connections().index(
        Connection.ONLINE)


def test_a_revoked_kiosk_is_shown_refused_with_the_servers_reason(
    organiser: Organiser, gate_db: Database
) -> None:
    with organiser.store.write() as session:
        device = session.scalar(select(ServerDevice).where(ServerDevice.name == "A"))
        assert device is not None
        auth.revoke_device(session, device, utc_now(), "stolen")
    with fast_loop(gate_db) as loop:
        wait_for(lambda: loop.status().connection is Connection.REFUSED)
        assert loop.status().error_code == "device_revoked"


def test_a_check_in_at_gate_a_shows_at_gate_b_within_two_seconds(
    organiser: Organiser, gate_db: Database, tmp_path: Path
) -> None:
    other = Database.open(enrolled_kiosk(organiser, tmp_path / "gate-b", "B"))
    clock = FixedClock(SCAN_TIME)
    try:
        with fast_loop(gate_db) as loop_a, fast_loop(other) as loop_b:
            wait_for(lambda: loop_a.status().connection is Connection.ONLINE)
            wait_for(lambda: loop_b.status().connection is Connection.ONLINE)
            code = organiser.credentials[4]
            assert Gate(gate_db, clock=clock).scan(code).reason is Reason.ADMITTED
            started = time.monotonic()
            loop_a.wake()
            gate_b = Gate(other, clock=clock)

            def shows_at_b() -> bool:
                with other.session() as session:
                    return session.scalar(select(Scan).where(Scan.is_accepted.is_(True))) \
                        is not None

            wait_for(shows_at_b, 2.0)
            took = time.monotonic() - started
        clock.advance(minutes=2)
        verdict = gate_b.scan(code)
    finally:
        other.close()
    assert took < 2.0
    assert verdict.reason is Reason.ALREADY_CHECKED_IN
    assert verdict.first_checkin_checkpoint == "Main entrance"


def test_scans_never_fail_while_the_sync_thread_writes(gate_db: Database) -> None:
    """A scan reads, then writes; the sync thread's commits in between must make it wait, not
    fail with "database is locked"."""
    stop = threading.Event()

    def sync_writes() -> None:
        n = 0
        while not stop.is_set():
            with gate_db.session(writes=True) as session:
                state.write(session, state.LAST_ERROR, f"try {n}")
            n += 1

    writer = threading.Thread(target=sync_writes)
    writer.start()
    clock = FixedClock(SCAN_TIME)
    gate = Gate(gate_db, clock=clock)
    try:
        for n in range(60):
            clock.advance(seconds=1)
            assert gate.scan(f"EXTERNAL-{n}").reason is Reason.UNKNOWN_CODE
    finally:
        stop.set()
        writer.join()
