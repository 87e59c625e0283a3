"""Fixtures for the server-side sync tests: real servers (uvicorn on loopback, in a thread or in a
process of their own), their databases (SQLite, and PostgreSQL from $KIOSK_TEST_POSTGRES_URL, a
fresh database per test), events set up on the server, kiosk databases, and a fault-injecting TCP
proxy (tests/sync/faults.py) to put between them."""

from __future__ import annotations

import atexit
import datetime as dt
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import MetaData, create_engine, func, select, text
from sqlalchemy.engine import make_url

from kiosk import events
from kiosk.checkin import Gate, Verdict
from kiosk.checkpoints import RuleChange
from kiosk.db import Database
from kiosk.domain import Category
from kiosk.models import Checkpoint, Event, Guest, OutboxItem, Scan
from kiosk.server import admin, auth
from kiosk.server.changes import ChangeLog
from kiosk.server.runner import BackgroundServer
from kiosk.server.store import ServerStore
from kiosk.sync import state
from kiosk.sync.client import ServerClient
from kiosk.sync.engine import Syncer, SyncReport
from kiosk.sync.enrolment import enrol
from tests.conftest import FixedClock, require_system_part

POSTGRES_ENV = "KIOSK_TEST_POSTGRES_URL"
# 10:00 in Beijing on the forum's first day: inside the event, so entrances admit.
FIRST_SCAN = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.UTC)
ENTRANCE, HALL = "Main entrance", "Exhibition hall"  # single entry / re-entry

_postgres_checked: dict[str, bool] = {}


def postgres_available() -> str | None:
    """$KIOSK_TEST_POSTGRES_URL when it is set and answers, else None."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        return None
    if url not in _postgres_checked:
        try:
            engine = create_engine(url, connect_args={"connect_timeout": 3})
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            engine.dispose()
            _postgres_checked[url] = True
        except Exception:
            _postgres_checked[url] = False
    return url if _postgres_checked[url] else None


def require_postgres() -> str:
    url = postgres_available()
    require_system_part(url is not None,
                        f"no PostgreSQL answers at ${POSTGRES_ENV} "
                        "(see shared/SYSTEM-PARTS.md: pg_ctlcluster 15 main start)")
    assert url is not None
    return url



@dataclass
class _PostgresPool:
    """Migrated PostgreSQL databases for the tests, reused after being emptied.

    Creating a database costs about a second on this machine, emptying one (DELETE, sequences
    restarted, the rows the migrations insert put back) a tenth of that; each test still starts on
    a database that is exactly as migrations leave it. All are dropped when the run ends.
    """

    base: str
    ready: list[str] = field(default_factory=list)
    made: list[str] = field(default_factory=list)
    seed: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def url(self, name: str) -> str:
        return make_url(self.base).set(database=name).render_as_string(hide_password=False)

    def take(self) -> str:
        if self.ready:
            return self.ready.pop()
        name = f"kiosk_test_{uuid.uuid4().hex[:12]}"
        maintenance = create_engine(self.base, isolation_level="AUTOCOMMIT")
        try:
            with maintenance.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        finally:
            maintenance.dispose()
        self.made.append(name)
        ServerStore.open(self.url(name)).close()
        if not self.seed:
            self.seed = {table: rows for table, rows in self._rows(name).items() if rows}
        return name

    def _rows(self, name: str) -> dict[str, list[dict[str, Any]]]:
        engine = create_engine(self.url(name))
        try:
            metadata = MetaData()
            metadata.reflect(engine)
            with engine.connect() as connection:
                return {t.name: [dict(r._mapping) for r in connection.execute(t.select())]
                        for t in metadata.sorted_tables if "alembic" not in t.name}
        finally:
            engine.dispose()

    def give_back(self, name: str) -> None:
        """Empty the database for the next test; drop it when that fails."""
        engine = create_engine(self.url(name))
        try:
            metadata = MetaData()
            metadata.reflect(engine)
            tables = [t for t in metadata.sorted_tables if "alembic" not in t.name]
            with engine.begin() as connection:
                connection.execute(text("SET LOCAL lock_timeout = '5s'"))
                for table in reversed(tables):  # DELETE: far quicker than TRUNCATE when small
                    connection.execute(table.delete())
                for (sequence,) in connection.execute(text(
                        "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")):
                    connection.execute(text(f'ALTER SEQUENCE "{sequence}" RESTART'))
                for table in tables:
                    if self.seed.get(table.name):
                        connection.execute(table.insert(), self.seed[table.name])
            self.ready.append(name)
        except Exception:  # a database that cannot be emptied is dropped
            self.drop(name)
        finally:
            engine.dispose()

    def drop(self, name: str) -> None:
        maintenance = create_engine(self.base, isolation_level="AUTOCOMMIT")
        try:
            with maintenance.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        finally:
            maintenance.dispose()

    def close(self) -> None:
        for name in self.made:
            self.drop(name)


_pools: dict[str, _PostgresPool] = {}


@contextmanager
def postgres_database() -> Iterator[str]:
    """An empty, migrated PostgreSQL database of the server's for one test; its URL."""
    base = require_postgres()
    if base not in _pools:
        _pools[base] = _PostgresPool(base)
        atexit.register(_pools[base].close)
    pool = _pools[base]
    name = pool.take()
    try:
        yield pool.url(name)
    finally:
        pool.give_back(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.system)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The server's database, once on SQLite and once on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.sqlite3'}"
        return
    with postgres_database() as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'server.sqlite3'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    with postgres_database() as url:
        yield url


@pytest.fixture
def bare_pg_url() -> Iterator[str]:
    """A new PostgreSQL database with nothing in it, not even the schema (dropped afterwards)."""
    base = require_postgres()
    name = f"kiosk_bare_{uuid.uuid4().hex[:12]}"
    maintenance = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with maintenance.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(base).set(database=name).render_as_string(hide_password=False)
        finally:
            with maintenance.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        maintenance.dispose()


@pytest.fixture
def server_store(database_url: str) -> Iterator[ServerStore]:
    store = ServerStore.open(database_url)
    yield store
    store.close()


class MovableClock:
    """The server's clock in tests: the real time plus an offset the test sets."""

    def __init__(self) -> None:
        self.offset = dt.timedelta(0)

    def __call__(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + self.offset


# The server side of a test ---------------------------------------------------------------------


@dataclass
class Site:
    """An event on the server: its store, its uid, and its guests' credentials."""

    store: ServerStore
    event_uid: str
    credentials: list[str] = field(default_factory=list)  # guest i's signed credential
    guest_numbers: list[int] = field(default_factory=list)

    def code(self, *, can_issue: bool = False, now: dt.datetime | None = None,
             lifetime: dt.timedelta = auth.DEFAULT_CODE_LIFETIME) -> str:
        with self.store.write() as session:
            event = session.scalar(select(Event).where(Event.uid == self.event_uid))
            assert event is not None
            text_, _row = auth.create_enrolment_code(
                session, event, now or dt.datetime.now(dt.UTC), can_issue=can_issue,
                lifetime=lifetime)
        return text_

    def revoke(self, device_uid: str) -> None:
        with self.store.write() as session:
            auth.revoke_device(session, auth.find_device(session, device_uid),
                               dt.datetime.now(dt.UTC), "test")

    def checkins(self) -> dict[str, tuple[Any, ...]]:
        with self.store.read() as session:
            return checkins_in(session, self.event_uid)


def make_site(store: ServerStore, guests: int = 6, name: str = "Beijing Forum") -> Site:
    """An event made on the server as an organiser would: a single-entry entrance, a re-entry
    hall and ``guests`` guests, everything published to the change stream."""
    with store.write() as session:
        event = admin.create_event(session, name, dt.date(2026, 12, 7), dt.date(2026, 12, 11),
                                   "Asia/Shanghai")
        event_id = event.id
    with store.write() as session:
        found = session.get(Event, event_id)
        assert found is not None
        admin.define(session, found, ENTRANCE, RuleChange(policy="single"), create=True)
    with store.write() as session:
        found = session.get(Event, event_id)
        assert found is not None
        admin.define(session, found, HALL, RuleChange(policy="reentry"), create=True)
    with store.write() as session:
        event = session.get(Event, event_id)  # type: ignore[assignment]
        assert event is not None
        change_log = ChangeLog(session, event.id)
        first = events.allocate_guest_numbers(session, event, guests)
        session.add_all([
            Guest(event_id=event.id, number=first + i, name=f"Guest {i} 张{i}",
                  category=Category.GUEST.value) for i in range(guests)
        ])
        session.flush()
        admin.publish_everything(session, change_log, event)
        change_log.flush()
        rows = session.scalars(select(Guest).where(Guest.event_id == event.id)
                               .order_by(Guest.number)).all()
        return Site(store=store, event_uid=event.uid,
                    credentials=[events.credential_for(event, g) for g in rows],
                    guest_numbers=[g.number for g in rows])


@pytest.fixture
def site(server_store: ServerStore) -> Site:
    return make_site(server_store)


@pytest.fixture
def server_clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def server(server_store: ServerStore, server_clock: MovableClock) -> Iterator[BackgroundServer]:
    """A real server (uvicorn on 127.0.0.1, any free port) in a thread of the test process."""
    running = BackgroundServer(server_store, clock=server_clock).start()
    yield running
    running.stop()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


_RUN_CLI = "import sys; from kiosk.cli import main; sys.exit(main(sys.argv[1:]))"


class ProcessServer:
    """``kiosk server`` in a process of its own, so a test can kill it (SIGKILL) and start it
    again on the same port and database."""

    def __init__(self, database_url: str, folder: Path, port: int | None = None) -> None:
        self.database_url = database_url
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self) -> ProcessServer:
        """Start the process and wait until it answers."""
        return self.launch().wait_ready()

    def launch(self) -> ProcessServer:
        """Start the process without waiting (several start side by side this way)."""
        self.starts += 1
        log = (self.folder / f"server-{self.port}-{self.starts}.log").open("wb")
        env = {**os.environ, "KIOSK_HOME": str(self.folder)}
        self.process = subprocess.Popen(
            [sys.executable, "-c", _RUN_CLI, "--data-dir", str(self.folder), "server",
             "--database", self.database_url, "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=log, stderr=subprocess.STDOUT, env=env,
        )
        log.close()
        return self

    def wait_ready(self) -> ProcessServer:
        assert self.process is not None
        deadline = time.monotonic() + 30
        while True:
            if self.process.poll() is not None:
                raise AssertionError(f"the server process ended ({self.process.returncode}): "
                                     + self.log_text())
            try:
                if httpx.get(f"{self.url}/api/v1/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("the server process did not answer: " + self.log_text())
            time.sleep(0.05)

    def log_text(self) -> str:
        return "".join(p.read_text(errors="replace") for p in self.folder.glob("server-*.log"))

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flushing, as when the machine loses power."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


@pytest.fixture
def process_servers(tmp_path: Path) -> Iterator[list[ProcessServer]]:
    """Server processes a test starts (append them); all stopped at the end."""
    started: list[ProcessServer] = []
    yield started
    for process in started:
        process.stop()


# The kiosks ------------------------------------------------------------------------------------


def checkins_in(session: Any, event_uid: str) -> dict[str, tuple[Any, ...]]:
    """Every scan of the event by id: guest number, device, reason, accepted, conflict flag,
    undone, checkpoint uid. Equal across databases when they agree on every check-in."""
    rows = session.execute(
        select(Scan.id, Scan.guest_number, Scan.device_uid, Scan.reason, Scan.is_accepted,
               Scan.is_conflict, Scan.undone_at, Checkpoint.uid)
        .join(Event, Event.id == Scan.event_id)
        .outerjoin(Checkpoint, Checkpoint.id == Scan.checkpoint_id)
        .where(Event.uid == event_uid)
    ).all()
    return {
        r[0]: (r[1], r[2], r[3], bool(r[4]), bool(r[5]), r[6] is not None, r[7]) for r in rows
    }


@dataclass
class Kiosk:
    """One kiosk's own database and the clock its gates run on."""

    name: str
    folder: Path
    database: Database
    clock: FixedClock
    server_url: str | None = None

    @property
    def device_uid(self) -> str:
        with self.database.session() as session:
            return events.this_device(session).uid

    def enrol(self, url: str, code: str) -> None:
        enrol(self.database, url, code, name=self.name)
        self.server_url = url

    def token(self) -> str:
        with self.database.session() as session:
            found = state.enrolment(session)
        assert found is not None
        return found.token

    def scan(self, credential: str, checkpoint: str = ENTRANCE) -> Verdict:
        """Scan at this kiosk's gate; every scan a minute after the one before (any kiosk)."""
        verdict = Gate(self.database, checkpoint, clock=self.clock).scan(credential)
        self.clock.advance(minutes=1)
        return verdict

    def sync(self, url: str | None = None, *, timeout: float = 5.0,
             push_batch: int = 500, pull_page: int = 2000) -> SyncReport:
        """One round of sync (push, pull, push) through ``url`` (default: where it enrolled)."""
        target = url or self.server_url
        assert target is not None
        with ServerClient(target, self.token(), timeout=timeout) as client:
            syncer = Syncer(self.database, client=client, push_batch=push_batch,
                            pull_page=pull_page)
            return syncer.sync_once()

    def pending(self) -> int:
        with self.database.session() as session:
            return int(session.scalar(select(func.count()).select_from(OutboxItem)
                                      .where(OutboxItem.sent_at.is_(None))) or 0)

    def checkins(self, event_uid: str) -> dict[str, tuple[Any, ...]]:
        with self.database.session() as session:
            return checkins_in(session, event_uid)


class KioskFactory:
    def __init__(self, root: Path, clock: FixedClock) -> None:
        self.root = root
        self.clock = clock
        self.made: list[Kiosk] = []

    def __call__(self, name: str) -> Kiosk:
        folder = self.root / name
        made = Kiosk(name=name, folder=folder, database=Database.open(folder), clock=self.clock)
        self.made.append(made)
        return made

    def close(self) -> None:
        for made in self.made:
            made.database.close()


@pytest.fixture
def scan_clock() -> FixedClock:
    return FixedClock(FIRST_SCAN)


@pytest.fixture
def make_kiosk(tmp_path: Path, scan_clock: FixedClock) -> Iterator[KioskFactory]:
    """Makes kiosk databases (closed at the end); all share one scan clock."""
    factory = KioskFactory(tmp_path / "kiosks", scan_clock)
    yield factory
    factory.close()
