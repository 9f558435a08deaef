"""revision_return, issued_round_package: assessments returned for revision, and the round package the service serves

Revision ID: 0007_revision_returns
Revises: 0006_sync_outbox
Create Date: 2026-12-05 09:10:00
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0007_revision_returns'
down_revision = '0006_sync_outbox'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('revision_return',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('round_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('record_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('version_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('assessor_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('region_code', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('returned_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('returned_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('cancelled_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('cancelled_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('origin', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('received_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('answered_version_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('revision_return', schema=None) as batch_op:
        batch_op.create_index('ix_revision_return_assessor', ['round_id', 'assessor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_revision_return_record_id'), ['record_id'], unique=False)
    op.create_table('issued_round_package',
    sa.Column('round_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('package_version', sa.Integer(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('issued_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('round_id', 'package_version')
    )


def downgrade() -> None:
    op.drop_table('issued_round_package')
    with op.batch_alter_table('revision_return', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_revision_return_record_id'))
        batch_op.drop_index('ix_revision_return_assessor')
    op.drop_table('revision_return')
