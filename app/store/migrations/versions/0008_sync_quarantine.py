"""sync_quarantine: the sync service's quarantine in the store, for the coordinator's desktop

Revision ID: 0008_sync_quarantine
Revises: 0007_revision_returns
Create Date: 2026-12-05 09:00:00
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0008_sync_quarantine'
down_revision = '0007_revision_returns'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_quarantine',
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('fingerprint', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('certificate_pem', sa.Text(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('nip', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('organisation', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('sender_fingerprint', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('received_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('bundle', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('sha256')
    )
    with op.batch_alter_table('sync_quarantine', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_quarantine_fingerprint'), ['fingerprint'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sync_quarantine', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_quarantine_fingerprint'))
    op.drop_table('sync_quarantine')
