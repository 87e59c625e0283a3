"""search keys: guest_search_terms without foreign keys

An import of 100,000 guests or a kiosk's first pull writes a million keys in one go, and SQLite
checks each row's two foreign keys (its guest, its event): a third of the time of the insert.
The keys are derived data that kiosk.search deletes itself before it indexes a guest again (and
the demo deletes with an event it replaces), so the table keeps its rows and loses the checks.
The rows are copied (no rebuild of the keys is needed).

Revision ID: 0005_search_keys_without_fks
Revises: 0004_search_per_domain
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = '0005_search_keys_without_fks'
down_revision = '0004_search_per_domain'
branch_labels = None
depends_on = None

_COLUMNS = "guest_id, term, rank, event_id"


def _rebuild(with_foreign_keys: bool) -> None:
    """The table made anew on SQLite, its rows copied."""
    op.rename_table('guest_search_terms', 'guest_search_terms_old')
    with op.batch_alter_table('guest_search_terms_old', schema=None) as batch_op:
        batch_op.drop_index('ix_guest_search_terms_lookup')
    constraints = [
        sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['guest_id'], ['guests.id'], ondelete='CASCADE'),
    ] if with_foreign_keys else []
    op.create_table('guest_search_terms',
    sa.Column('guest_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('term', sa.String(length=300), nullable=False),
    sa.Column('rank', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    *constraints,
    sa.PrimaryKeyConstraint('guest_id', 'term', 'rank'),
    sqlite_with_rowid=False
    )
    op.execute(f"INSERT INTO guest_search_terms ({_COLUMNS}) "
               f"SELECT {_COLUMNS} FROM guest_search_terms_old")
    op.drop_table('guest_search_terms_old')
    with op.batch_alter_table('guest_search_terms', schema=None) as batch_op:
        batch_op.create_index('ix_guest_search_terms_lookup',
                              ['event_id', 'rank', 'term', 'guest_id'], unique=False)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # no ALTER TABLE ... DROP CONSTRAINT there
        _rebuild(with_foreign_keys=False)
        return
    for foreign_key in sa.inspect(op.get_bind()).get_foreign_keys('guest_search_terms'):
        op.drop_constraint(foreign_key['name'], 'guest_search_terms', type_='foreignkey')


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(with_foreign_keys=True)
        return
    op.create_foreign_key(None, 'guest_search_terms', 'events', ['event_id'], ['id'],
                          ondelete='CASCADE')
    op.create_foreign_key(None, 'guest_search_terms', 'guests', ['guest_id'], ['id'],
                          ondelete='CASCADE')
