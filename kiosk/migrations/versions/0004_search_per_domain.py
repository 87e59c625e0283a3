"""search keys: an e-mail domain's keys stored once per domain

The keys of an address's domain (``example com``, ``com``) were stored for every guest of the
domain; they move to email_domain_search_terms, and guests name their domain in a new column
guests.email_domain (set with the keys, indexed with the event). The keys are derived data:
when guests are already stored, the marker in sync_state tells the next search to rebuild every
key, which also fills the new column.

Revision ID: 0004_search_per_domain
Revises: 0003_search_per_company
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = '0004_search_per_domain'
down_revision = '0003_search_per_company'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('email_domain_search_terms',
    sa.Column('event_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('domain', sa.String(length=320), nullable=False),
    sa.Column('term', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'domain', 'term'),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('email_domain_search_terms', schema=None) as batch_op:
        batch_op.create_index('ix_email_domain_search_terms_lookup',
                              ['event_id', 'term', 'domain'], unique=False)
    with op.batch_alter_table('guests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_domain', sa.String(length=320), nullable=True))
        batch_op.create_index('ix_guests_event_email_domain', ['event_id', 'email_domain'],
                              unique=False)

    connection = op.get_bind()
    if connection.execute(sa.text("SELECT 1 FROM guests LIMIT 1")).first() is not None:
        connection.execute(
            sa.text("DELETE FROM sync_state WHERE key = 'search_keys_version'"))
        connection.execute(sa.text(
            "INSERT INTO sync_state (key, value) VALUES ('search_keys_version', '0')"))


def downgrade() -> None:
    with op.batch_alter_table('guests', schema=None) as batch_op:
        batch_op.drop_index('ix_guests_event_email_domain')
        batch_op.drop_column('email_domain')
    with op.batch_alter_table('email_domain_search_terms', schema=None) as batch_op:
        batch_op.drop_index('ix_email_domain_search_terms_lookup')
    op.drop_table('email_domain_search_terms')
