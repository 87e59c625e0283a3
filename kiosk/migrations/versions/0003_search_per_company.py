"""search keys: a company's keys stored once per company; guest keys without a rowid

Company keys were more than half of all keys (every guest of a company held the same ones):
they move to company_search_terms, found through a new index on guests (event_id, company).
guest_search_terms is stored in (guest_id, term, rank) order without a rowid, one b-tree less.
The keys are derived data, so both tables are made anew; when guests are already stored, the
marker in sync_state tells the next search to rebuild every key (nothing else is touched).

Revision ID: 0003_search_per_company
Revises: 0002_search
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = '0003_search_per_company'
down_revision = '0002_search'
branch_labels = None
depends_on = None


def _mark_keys_stale() -> None:
    connection = op.get_bind()
    if connection.execute(sa.text("SELECT 1 FROM guests LIMIT 1")).first() is not None:
        connection.execute(
            sa.text("DELETE FROM sync_state WHERE key = 'search_keys_version'"))
        connection.execute(sa.text(
            "INSERT INTO sync_state (key, value) VALUES ('search_keys_version', '0')"))


def upgrade() -> None:
    with op.batch_alter_table('guest_search_terms', schema=None) as batch_op:
        batch_op.drop_index('ix_guest_search_terms_guest')
        batch_op.drop_index('ix_guest_search_terms_lookup')
    op.drop_table('guest_search_terms')
    op.create_table('guest_search_terms',
    sa.Column('guest_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('term', sa.String(length=300), nullable=False),
    sa.Column('rank', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['guest_id'], ['guests.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('guest_id', 'term', 'rank'),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('guest_search_terms', schema=None) as batch_op:
        batch_op.create_index('ix_guest_search_terms_lookup',
                              ['event_id', 'rank', 'term', 'guest_id'], unique=False)

    op.create_table('company_search_terms',
    sa.Column('event_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('company', sa.String(length=300), nullable=False),
    sa.Column('term', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'company', 'term'),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('company_search_terms', schema=None) as batch_op:
        batch_op.create_index('ix_company_search_terms_lookup', ['event_id', 'term', 'company'],
                              unique=False)

    with op.batch_alter_table('guests', schema=None) as batch_op:
        batch_op.create_index('ix_guests_event_company', ['event_id', 'company'], unique=False)

    _mark_keys_stale()


def downgrade() -> None:
    with op.batch_alter_table('guests', schema=None) as batch_op:
        batch_op.drop_index('ix_guests_event_company')
    with op.batch_alter_table('company_search_terms', schema=None) as batch_op:
        batch_op.drop_index('ix_company_search_terms_lookup')
    op.drop_table('company_search_terms')
    with op.batch_alter_table('guest_search_terms', schema=None) as batch_op:
        batch_op.drop_index('ix_guest_search_terms_lookup')
    op.drop_table('guest_search_terms')
    op.create_table('guest_search_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guest_id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('term', sa.String(length=300), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['guest_id'], ['guests.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('guest_search_terms', schema=None) as batch_op:
        batch_op.create_index('ix_guest_search_terms_lookup',
                              ['event_id', 'rank', 'term', 'guest_id'], unique=False)
        batch_op.create_index('ix_guest_search_terms_guest', ['guest_id', 'term'], unique=False)
    _mark_keys_stale()
