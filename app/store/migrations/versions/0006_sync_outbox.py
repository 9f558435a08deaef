"""sync_outbox: an assessor's final and signed versions on their way to the coordinator's sync service

Revision ID: 0006_sync_outbox
Revises: 0005_change_log_index
Create Date: 2026-12-05 07:40:00
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0006_sync_outbox'
down_revision = '0005_change_log_index'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_outbox',
    sa.Column('version_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('round_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('queued_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('batch', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_attempt_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('sent_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('version_id', 'state')
    )
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_outbox_round_id'), ['round_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_outbox_round_id'))
    op.drop_table('sync_outbox')
