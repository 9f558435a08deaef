"""change_log: drop ix_change_log_chain_id, a duplicate of the UNIQUE (chain_id, position) index

Every lookup by chain_id alone is served by the unique constraint's index (chain_id is its first
column, on SQLite and PostgreSQL alike); the second index only cost a scattered write per change-log
entry (53 entries a record on import).

Revision ID: 0005_change_log_index
Revises: 0004_round_setup
Create Date: 2026-12-05 07:00:00
"""
from alembic import op

revision = '0005_change_log_index'
down_revision = '0004_round_setup'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_log_chain_id'))


def downgrade() -> None:
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_log_chain_id'), ['chain_id'], unique=False)
