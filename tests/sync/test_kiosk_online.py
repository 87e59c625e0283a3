"""Online verdicts: a gate asks the server on scans it would admit, and answers by itself within
the timeout when the server is slow or gone."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.checkin import Gate
from kiosk.db import Database
from kiosk.domain import Reason
from kiosk.models import Scan
from kiosk.sync import state
from kiosk.sync.enrolment import enrol
from kiosk.sync.online import EnrolmentArbiter, ServerArbiter, arbiter_for
from tests.conftest import FixedClock
from tests.sync.kiosk_support import SCAN_TIME, Organiser, enrolled_kiosk, kiosk_json, organiser

__all__ = ["organiser"]


class BlackHole:
    """A server that takes the connection and never answers (a hung or overloaded server)."""

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.accepted = 0
        self._held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.accepted += 1
            self._held.append(connection)

    def close(self) -> None:
        self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() below
        self.listener.close()
        for connection in self._held:
            connection.close()
        self._thread.join(2)


@pytest.fixture
def black_hole() -> Iterator[BlackHole]:
    hole = BlackHole()
    yield hole
    hole.close()


@pytest.fixture
def two_gates(organiser: Organiser, tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    folders = [enrolled_kiosk(organiser, tmp_path / name, name) for name in ("east", "west")]
    databases = (Database.open(folders[0]), Database.open(folders[1]))
    yield databases
    for database in databases:
        database.close()


def online_gate(database: Database, clock: FixedClock) -> tuple[Gate, ServerArbiter]:
    arbiter = arbiter_for(database)
    assert arbiter is not None
    return Gate(database, clock=clock, arbiter=arbiter), arbiter


def test_two_gates_online_cannot_both_admit_a_single_entry_guest(
    organiser: Organiser, two_gates: tuple[Database, Database], tmp_path: Path
) -> None:
    clock = FixedClock(SCAN_TIME)
    (east, east_arbiter), (west, west_arbiter) = (online_gate(db, clock) for db in two_gates)
    code = organiser.credentials[0]
    try:
        assert east.scan(code).reason is Reason.ADMITTED
        clock.advance(seconds=30)
        second = west.scan(code)  # west has not synced since east's scan
    finally:
        east_arbiter.close()
        west_arbiter.close()
    assert second.reason is Reason.ALREADY_CHECKED_IN
    assert second.first_checkin_checkpoint == "Main entrance"
    assert second.first_checkin_at == SCAN_TIME
    with two_gates[1].session() as session:
        refused = session.get(Scan, second.scan_id)
        assert refused is not None and refused.reason == Reason.ALREADY_CHECKED_IN.value
    assert organiser.accepted_scans() == 1  # the online admission is stored at once
    for folder in ("east", "west", "east"):
        kiosk_json(tmp_path / folder, "sync", "--once")
    assert organiser.accepted_scans() == 1  # east's push of the same scan is no second one
    with two_gates[0].session() as session:
        flagged = session.scalars(select(Scan).where(Scan.is_conflict.is_(True))).all()
        assert flagged == []


def test_a_gate_without_the_server_would_admit_the_same_guest_twice(
    organiser: Organiser, two_gates: tuple[Database, Database]
) -> None:
    """The control for the test above: the local engine alone cannot see the other gate."""
    clock = FixedClock(SCAN_TIME)
    code = organiser.credentials[0]
    assert Gate(two_gates[0], clock=clock).scan(code).reason is Reason.ADMITTED
    assert Gate(two_gates[1], clock=clock).scan(code).reason is Reason.ADMITTED


def test_a_slow_server_gets_the_local_verdict_within_about_the_timeout(
    organiser: Organiser, two_gates: tuple[Database, Database], black_hole: BlackHole
) -> None:
    clock = FixedClock(SCAN_TIME)
    arbiter = ServerArbiter(black_hole.url, "token", timeout=0.5)
    gate = Gate(two_gates[0], clock=clock, arbiter=arbiter)
    try:
        started = time.monotonic()
        verdict = gate.scan(organiser.credentials[3])
        took = time.monotonic() - started
        assert verdict.reason is Reason.ADMITTED
        assert black_hole.accepted == 1  # it did ask
        assert 0.45 <= took < 1.5
        assert arbiter.is_quiet
        # The next guest does not wait out the timeout again while the server is quiet.
        clock.advance(seconds=5)
        started = time.monotonic()
        assert gate.scan(organiser.credentials[4]).reason is Reason.ADMITTED
        assert time.monotonic() - started < 0.3
        assert black_hole.accepted == 1
    finally:
        arbiter.close()


def test_a_gone_server_gets_the_local_verdict_at_once(
    organiser: Organiser, two_gates: tuple[Database, Database]
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    arbiter = ServerArbiter(closed, "token", timeout=0.5)
    try:
        started = time.monotonic()
        verdict = Gate(two_gates[0], clock=FixedClock(SCAN_TIME), arbiter=arbiter).scan(
            organiser.credentials[0])
        assert verdict.reason is Reason.ADMITTED
        assert time.monotonic() - started < 0.5
    finally:
        arbiter.close()


def test_refused_scans_are_not_put_to_the_server(
    organiser: Organiser, two_gates: tuple[Database, Database], black_hole: BlackHole
) -> None:
    arbiter = ServerArbiter(black_hole.url, "token", timeout=0.5)
    try:
        verdict = Gate(two_gates[0], clock=FixedClock(SCAN_TIME), arbiter=arbiter).scan(
            "not a credential")
        assert verdict.reason is Reason.UNKNOWN_CODE
        assert black_hole.accepted == 0
    finally:
        arbiter.close()


def test_an_unenrolled_kiosk_has_no_arbiter(database: Database) -> None:
    assert arbiter_for(database) is None


class Trickle:
    """A server that answers, but one byte every 0.3 s: each read is within httpx's step
    timeout, the whole answer far beyond the guest's patience."""

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(4)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.stopped = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        answer = (b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\n'
                  b'\r\n{"reason": "already_checked_in", "x": 1}')
        try:
            connection, _ = self.listener.accept()
        except OSError:
            return
        with connection:
            connection.recv(65536)
            for byte in answer:
                if self.stopped.wait(0.3):
                    return
                try:
                    connection.sendall(bytes([byte]))
                except OSError:
                    return

    def close(self) -> None:
        self.stopped.set()
        self.listener.close()
        self._thread.join(2)


def test_a_trickling_server_still_gets_the_local_verdict_within_the_timeout(
    organiser: Organiser, two_gates: tuple[Database, Database]
) -> None:
    trickle = Trickle()
    arbiter = ServerArbiter(trickle.url, "token", timeout=0.5)
    try:
        started = time.monotonic()
        verdict = Gate(two_gates[0], clock=FixedClock(SCAN_TIME), arbiter=arbiter).scan(
            organiser.credentials[2])
        took = time.monotonic() - started
    finally:
        arbiter.close()
        trickle.close()
    assert verdict.reason is Reason.ADMITTED  # the late "already checked in" is not waited for
    assert 0.45 <= took < 0.9
    assert arbiter.is_quiet


def test_a_kiosk_enrolled_while_its_gate_runs_asks_the_server_without_a_restart(
    organiser: Organiser, tmp_path: Path
) -> None:
    folder = enrolled_kiosk(organiser, tmp_path / "late", "late")
    database = Database.open(folder)
    # Forget the enrolment: the kiosk holds the event's guests but has no server, as a kiosk
    # set up from a guest list before the server existed.
    with database.session() as session:
        enrolment = state.enrolment(session)
        assert enrolment is not None
        for key in (state.SERVER_URL, state.DEVICE_TOKEN, state.EVENT_UID):
            state.write(session, key, None)
    arbiter = EnrolmentArbiter(database, recheck=0.0)
    clock = FixedClock(SCAN_TIME)
    gate = Gate(database, clock=clock, arbiter=arbiter)
    try:
        assert not arbiter.available()
        assert gate.scan(organiser.credentials[0]).reason is Reason.ADMITTED
        assert organiser.accepted_scans() == 0  # decided here alone, not yet pushed
        enrol(database, organiser.url, organiser.code(), name="late")  # the window still runs
        assert arbiter.available()
        clock.advance(minutes=1)
        assert gate.scan(organiser.credentials[1]).reason is Reason.ADMITTED
        assert organiser.accepted_scans() == 1  # the server ruled on it, stored it at once
    finally:
        arbiter.close()
        database.close()
