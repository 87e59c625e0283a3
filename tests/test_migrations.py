"""The migrations build exactly the schema the models describe, and upgrade keeps the data."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kiosk.db import Database
from kiosk.models import Base


def test_migrated_schema_matches_the_models(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_reopening_a_database_keeps_its_rows(data_dir, event) -> None:  # type: ignore[no-untyped-def]
    again = Database.open(data_dir)
    with again.session() as session:
        from kiosk.events import current_event

        assert current_event(session).name == event.name
    again.close()


def test_sqlite_is_set_up_for_durable_commits(database: Database) -> None:
    with database.engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA synchronous").scalar() == 2  # FULL: the WAL is fsynced per commit
        assert pragma("PRAGMA foreign_keys").scalar() == 1
