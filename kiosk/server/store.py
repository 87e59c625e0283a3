"""The server's database: one code path for SQLite (default) and PostgreSQL (production).

The server is stateless apart from this database, so several copies may run behind a load
balancer on one PostgreSQL. Every write that changes what kiosks see goes through a ``write()``
session, which first locks the event's counter row (see kiosk.server.changes); on SQLite write
sessions start with ``BEGIN IMMEDIATE`` so two writers never meet halfway through a transaction.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db import MIGRATIONS as CORE_MIGRATIONS
from kiosk.errors import SetupError, UsageError

log = logging.getLogger("kiosk.server")

SERVER_DATABASE_FILE = "server.sqlite3"
MIGRATIONS = Path(__file__).with_name("migrations")
_MIGRATION_LOCK = 0x6B696F736B  # "kiosk": one migrating server at a time on PostgreSQL


def default_database_url(data_dir: Path) -> str:
    """$KIOSK_SERVER_DATABASE, else a SQLite file in the data folder."""
    configured = os.environ.get("KIOSK_SERVER_DATABASE")
    if configured:
        return configured
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / SERVER_DATABASE_FILE}"


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's BEGIN below is the only one
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # an acknowledged push is on the disk
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _begin_sqlite(conn: Any) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_server_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=30)


def _alembic(script_location: Path, connection: Any) -> Config:
    """Alembic on an open connection. The URL is never put in the config: configparser would
    read a %-escaped character of it (a password with '@' or '%', say) as interpolation."""
    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.attributes["connection"] = connection
    return config


def _migrate_core(engine: Engine) -> None:
    with engine.begin() as connection:
        command.upgrade(_alembic(CORE_MIGRATIONS, connection), "heads")


def _server_alembic(connection: Any) -> Config:
    return _alembic(MIGRATIONS, connection)


URL_HINT = "give sqlite:///FILE or postgresql+psycopg://USER:PASSWORD@HOST:PORT/DATABASE"


def shown_url(url: str) -> str:
    """A database URL fit to show: without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return repr(url)


class ServerStore:
    """The server's engine and sessions; each request opens its own session."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_server_engine(url)
        self.is_sqlite = url.startswith("sqlite")
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(sqlite_immediate=True), expire_on_commit=False
        )

    @classmethod
    def open(cls, url: str) -> ServerStore:
        """Open the database at url, creating and migrating its tables first; a URL that is
        not one, or a database that cannot be reached, is a KioskError saying which."""
        try:
            store = cls(url)
        except (ArgumentError, NoSuchModuleError, ModuleNotFoundError) as error:
            raise UsageError(f"{shown_url(url)} is not a database URL this server can use",
                             where="--database", hint=URL_HINT) from error
        try:
            store.migrate()
        except DBAPIError as error:
            store.close()
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise SetupError(f"cannot open the server's database ({reason})",
                             where=shown_url(url),
                             hint="check the address, user, password and that the database "
                                  "server runs") from error
        return store

    def migrate(self) -> None:
        """The core's tables, then the server's own; serialised across server copies."""
        if self.is_sqlite:
            _migrate_core(self.engine)
            with self.engine.begin() as connection:
                command.upgrade(_server_alembic(connection), "heads")
            return
        with self.engine.connect() as locker:
            locker.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _MIGRATION_LOCK})
            try:
                _migrate_core(self.engine)
                with self.engine.begin() as connection:
                    command.upgrade(_server_alembic(connection), "heads")
            finally:
                locker.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _MIGRATION_LOCK})
                locker.commit()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading (committed at the end; writes here are a bug)."""
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session that writes: committed at the end, rolled back if the block raises."""
        with self._writer() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
