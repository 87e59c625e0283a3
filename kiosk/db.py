"""The local database: engine, sessions, SQLite pragmas and migrations.

SQLite runs in WAL mode with foreign keys on and ``synchronous=FULL``: a commit returns only after
the write-ahead log is on the disk, so a check-in acknowledged to a guest survives a crash or a
pulled plug. Every open runs the Alembic migrations to the newest version, so a laptop upgraded in
the middle of the event keeps its data.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.util import CommandError as AlembicError
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.errors import SetupError

log = logging.getLogger("kiosk.db")

DATABASE_FILE = "kiosk.sqlite3"
MIGRATIONS = Path(__file__).with_name("migrations")


IMMEDIATE_OPTION = "kiosk_immediate"


def default_data_dir() -> Path:
    """KIOSK_HOME if set, else the platform's per-user data folder."""
    home = os.environ.get("KIOSK_HOME")
    if home:
        return Path(home).expanduser()
    return Path(platformdirs.user_data_dir("kiosk", appauthor=False))


WAL_AUTOCHECKPOINT_PAGES = 1000  # SQLite's own default, restored after a deferred checkpoint


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling is turned off so that SQLAlchemy's BEGIN is the only
    # one (pysqlite otherwise delays BEGIN and breaks SAVEPOINT and durable-commit guarantees).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _begin(conn: Any) -> None:
    # A transaction that reads and then writes must take the write lock at BEGIN: upgrading a
    # read snapshot after another connection committed (the sync thread, say) fails at once with
    # "database is locked" whatever the busy timeout, where BEGIN IMMEDIATE waits its turn.
    immediate = conn.get_execution_options().get(IMMEDIATE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


# Connection.info key naming a database attached for one transaction (kiosk.search attaches a
# worker's file of search keys); SQLite cannot detach it before the transaction ends, so it is
# detached when the connection goes back to the pool.
ATTACHED_INFO = "kiosk_attached"


def _detach(dbapi_connection: Any, record: Any) -> None:
    schema = record.info.pop(ATTACHED_INFO, None)
    if schema is not None:
        try:
            dbapi_connection.execute(f"DETACH DATABASE {schema}")
        except sqlite3.Error as error:  # left attached: harmless, and gone with the connection
            log.warning("could not detach %s: %s", schema, error)


def make_engine(url: str) -> Engine:
    """An engine for a database URL; SQLite gets the pragmas above."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 10}, future=True
        )
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin)
        event.listen(engine, "checkin", _detach)
        return engine
    return create_engine(url, future=True, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest version, keeping every row.

    Alembic runs on the open connection; the URL is never put in its config, where configparser
    would read a '%' of the path (a folder named '100%') as interpolation and fail.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")


class Database:
    """One local database: its engine and a session factory. Each thread opens its own sessions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        self._writing_engine = engine.execution_options(**{IMMEDIATE_OPTION: True})
        self._writers = sessionmaker(self._writing_engine, expire_on_commit=False)

    @classmethod
    def open(cls, data_dir: Path | None = None, *, url: str | None = None) -> Database:
        """Open (creating and migrating if needed) the database in data_dir, or at url."""
        where = url
        if url is None:
            folder = data_dir if data_dir is not None else default_data_dir()
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:  # a file of that name, no permission, read-only disk
                reason = ("is a file, not a folder" if folder.exists() and not folder.is_dir()
                          else f"cannot be the data folder: {error.strerror or error}")
                raise SetupError(
                    reason, where=str(folder),
                    hint="choose another folder with --data-dir DIR or KIOSK_HOME",
                ) from error
            where = str(folder / DATABASE_FILE)
            url = f"sqlite:///{folder / DATABASE_FILE}"
        engine = make_engine(url)
        try:
            migrate(engine)
        except (DatabaseError, AlembicError) as error:
            engine.dispose()
            detail = getattr(error, "orig", None) or error
            raise SetupError(
                f"cannot open or upgrade the database: {detail}", where=where,
                hint="is it a kiosk database, readable, and made by this version or an older "
                     "one? Nothing was changed in it",
            ) from error
        return cls(engine)

    @contextmanager
    def session(self, *, writes: bool = False) -> Iterator[Session]:
        """A session committed at the end of the block, rolled back if the block raises.

        ``writes=True`` for a block that reads and then writes while other threads may write
        too (scans beside the sync loop): it holds SQLite's write lock from the start, waiting
        for it rather than failing when another writer got in between.
        """
        factory = self._writers if writes else self.sessions
        with factory() as session, session.begin():
            yield session

    @contextmanager
    def connection(
        self, *, writes: bool = False, defer_checkpoint: bool = False
    ) -> Iterator[Connection]:
        """A Core connection in a transaction committed at the end of the block (rolled back if
        it raises), for hot paths that skip the ORM; ``writes`` as for ``session``.

        ``defer_checkpoint``: this commit never runs SQLite's automatic WAL checkpoint (which
        the commit that takes the WAL past 1,000 pages runs, copying them all into the database
        file before the commit returns); the caller runs ``checkpoint()`` later, when nobody
        waits (a gate: after the verdict is shown). The commit is as durable either way.
        """
        engine = self._writing_engine if writes else self.engine
        if not (defer_checkpoint and engine.dialect.name == "sqlite"):
            with engine.begin() as connection:
                yield connection
            return
        with engine.connect() as connection:
            raw = connection.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA wal_autocheckpoint=0")
            try:
                with connection.begin():
                    yield connection
            finally:
                raw.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")

    def checkpoint(self) -> None:
        """Copy what the WAL holds into the database file, without waiting for readers or
        blocking writers (a PASSIVE checkpoint; SQLite finishes it at a later one if readers
        held some pages)."""
        if self.engine.dialect.name != "sqlite":
            return
        with self.engine.connect() as connection:
            raw = connection.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def close(self) -> None:
        self.engine.dispose()


BULK_CACHE_KIB = 64 * 1024


@contextmanager
def bulk_cache(connection: Connection, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """A larger SQLite page cache for a bulk write on this connection (restored after): the
    indexes a 100,000-guest import or first pull writes outgrow the default 2 MB, which then
    writes pages out and reads them back mid-statement. Nothing elsewhere."""
    if connection.dialect.name != "sqlite":
        yield
        return
    cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = {-int(kib)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(cache or -2000)}")


INDEX_SORT_CACHE_KIB = 2000  # SQLite's default page cache


def index_sort_threads() -> int:
    """Helper threads SQLite may use to sort an index being built: the other cores, up to 3."""
    return min(os.cpu_count() or 1, 4) - 1


@contextmanager
def index_sort(connection: Connection) -> Iterator[None]:
    """Settings for CREATE INDEX on this connection (restored after). SQLite sorts the rows in
    runs the size of its page cache, which helper threads share, then merges them: with the
    default 2 MB cache and a helper, a million keys sort in half the time of one sort in a
    64 MB cache (kiosk.key_worker does the same in its scratch file)."""
    if connection.dialect.name != "sqlite":
        yield
        return
    cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    threads = connection.exec_driver_sql("PRAGMA threads").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = {-INDEX_SORT_CACHE_KIB}")
    connection.exec_driver_sql(f"PRAGMA threads = {index_sort_threads()}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(cache or -2000)}")
        connection.exec_driver_sql(f"PRAGMA threads = {int(threads or 0)}")


def sqlite_version() -> str:
    return sqlite3.sqlite_version
