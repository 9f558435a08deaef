"""score: ix_score_levels, a covering index for consolidation's read of every level of a round

Consolidation reads each assessment's scores by version id (app/consolidation/data.py). Through the
primary key's index every score row was then looked up in the table for its level; with the level and
"not applicable" in the index itself SQLite answers from the index alone (``EXPLAIN QUERY PLAN``:
``USING COVERING INDEX ix_score_levels``), about 30% less CPU for the read at 2,000 candidates
(benchmarks/README.md). Costs one more index entry per score written.

Revision ID: 0009_score_levels_index
Revises: 0008_sync_quarantine
Create Date: 2026-12-05 12:00:00
"""
from alembic import op

revision = '0009_score_levels_index'
down_revision = '0008_sync_quarantine'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('score', schema=None) as batch_op:
        batch_op.create_index('ix_score_levels', ['version_id', 'indicator_code', 'level', 'not_applicable'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('score', schema=None) as batch_op:
        batch_op.drop_index('ix_score_levels')
