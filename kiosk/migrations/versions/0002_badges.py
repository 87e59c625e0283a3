"""badges: print jobs keep the kiosk that asked and staff's note; guest index for open jobs

Revision ID: 0002_badges
Revises: 0001
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


revision = '0002_badges'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('note', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('device_uid', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_print_jobs_guest_id'), ['guest_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_print_jobs_guest_id'))
        batch_op.drop_column('device_uid')
        batch_op.drop_column('note')
