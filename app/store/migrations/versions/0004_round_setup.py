"""round setup: stage, schedule settings, assessor origin and conflicts

Revision ID: 0004_round_setup
Revises: 0003_bundles
Create Date: 2026-12-05 06:05:48.552401
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0004_round_setup'
down_revision = '0003_bundles'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assessor_conflict',
    sa.Column('assessor_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('region_code', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['assessor_id'], ['assessor.id'], ),
    sa.ForeignKeyConstraint(['region_code'], ['region.code'], ),
    sa.PrimaryKeyConstraint('assessor_id', 'region_code')
    )
    op.create_table('round_assessor',
    sa.Column('round_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('assessor_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.ForeignKeyConstraint(['assessor_id'], ['assessor.id'], ),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], ),
    sa.PrimaryKeyConstraint('round_id', 'assessor_id')
    )
    op.create_table('schedule_settings',
    sa.Column('round_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('days', sa.Text(), nullable=False),
    sa.Column('day_start', sa.Time(), nullable=False),
    sa.Column('day_end', sa.Time(), nullable=False),
    sa.Column('slot_minutes', sa.Integer(), nullable=False),
    sa.Column('breaks', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('panels', sa.Integer(), nullable=False),
    sa.Column('panel_size', sa.Integer(), nullable=False),
    sa.Column('linking', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('rooms', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], ),
    sa.PrimaryKeyConstraint('round_id')
    )
    with op.batch_alter_table('assessor', schema=None) as batch_op:
        batch_op.add_column(sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('province_code', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True))
        batch_op.add_column(sa.Column('region_code', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=True))

    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.add_column(sa.Column('stage', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False, server_default=''))



def downgrade() -> None:
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.drop_column('stage')

    with op.batch_alter_table('assessor', schema=None) as batch_op:
        batch_op.drop_column('region_code')
        batch_op.drop_column('province_code')
        batch_op.drop_column('role')

    op.drop_table('schedule_settings')
    op.drop_table('round_assessor')
    op.drop_table('assessor_conflict')
