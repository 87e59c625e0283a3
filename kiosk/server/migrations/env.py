"""Alembic environment of the server's own tables (version table ``server_alembic_version``).

Only the tables of kiosk.server.models are compared and migrated here; the core's tables have
their own history under kiosk/migrations.
"""

from alembic import context
from sqlalchemy import engine_from_config, pool

from kiosk.server.models import ServerBase

config = context.config
target_metadata = ServerBase.metadata
VERSION_TABLE = "server_alembic_version"


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    if type_ == "table":
        return name in target_metadata.tables
    return True


def _configure(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection, target_metadata=target_metadata, render_as_batch=True,
        version_table=VERSION_TABLE, include_object=include_object,
    )


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section) or {}, prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


run()
