"""moderation: coordinator's moderated levels per round, region and indicator

Revision ID: 0002_moderation
Revises: 0001
Create Date: 2026-11-23 06:00:00
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0002_moderation'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('moderation',
    sa.Column('round_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('region_code', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('indicator_code', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('log_entry_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.ForeignKeyConstraint(['region_code'], ['region.code'], ),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], ),
    sa.PrimaryKeyConstraint('round_id', 'region_code', 'indicator_code')
    )


def downgrade() -> None:
    op.drop_table('moderation')
