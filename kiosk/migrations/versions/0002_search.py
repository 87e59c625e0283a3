"""search keys per event, looked up by (event, kind, prefix)

The keys are derived data (kiosk.search builds them from each guest's name, company and e-mail),
so the table is made anew; when guests are already stored, a marker in sync_state tells the next
search to rebuild every guest's keys.

Revision ID: 0002_search
Revises: 0001
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa


revision = '0002_search'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('guest_search_terms', schema=None) as batch_op:
        batch_op.drop_index('ix_guest_search_terms_term')
        batch_op.drop_index(batch_op.f('ix_guest_search_terms_guest_id'))
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
        batch_op.create_index('ix_guest_search_terms_lookup', ['event_id', 'rank', 'term', 'guest_id'], unique=False)
        batch_op.create_index('ix_guest_search_terms_guest', ['guest_id', 'term'], unique=False)

    connection = op.get_bind()
    if connection.execute(sa.text("SELECT 1 FROM guests LIMIT 1")).first() is not None:
        connection.execute(
            sa.text("DELETE FROM sync_state WHERE key = 'search_keys_version'"))
        connection.execute(sa.text(
            "INSERT INTO sync_state (key, value) VALUES ('search_keys_version', '0')"))


def downgrade() -> None:
    with op.batch_alter_table('guest_search_terms', schema=None) as batch_op:
        batch_op.drop_index('ix_guest_search_terms_guest')
        batch_op.drop_index('ix_guest_search_terms_lookup')
    op.drop_table('guest_search_terms')
    op.create_table('guest_search_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guest_id', sa.Integer(), nullable=False),
    sa.Column('term', sa.String(length=300), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['guest_id'], ['guests.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('guest_search_terms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guest_search_terms_guest_id'), ['guest_id'], unique=False)
        batch_op.create_index('ix_guest_search_terms_term', ['term', 'guest_id'], unique=False)
    op.execute("DELETE FROM sync_state WHERE key = 'search_keys_version'")
