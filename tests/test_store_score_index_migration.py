"""Migration 0009_score_levels_index: a store at 0008 keeps its scores, gains the covering index the model
describes, consolidation's read of a round is answered from that index alone, and it goes back down cleanly."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from app.consolidation import consolidate
from app.consolidation.levels_read import assessments_with_levels
from app.rounds.demo import build_demo
from app.store import migrations, open_store
from tests.test_store_returns_migration import _to


def _plan(store, round_id: str) -> str:
    query = assessments_with_levels(round_id).compile(store.engine, compile_kwargs={"literal_binds": True})
    with store.engine.connect() as conn:
        return "\n".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {query}"))


def test_0009_upgrades_a_0008_store_keeping_its_scores_and_the_read_uses_the_covering_index(tmp_path: Path) -> None:
    s = open_store(tmp_path)
    round_id = build_demo(s, regions_count=6, assessors_count=3, seed=9).round_id
    ranking = [(r.region.code, r.total) for r in consolidate(s, round_id).ranking]
    _to(s, "0008_sync_quarantine", down=True)
    with s.engine.connect() as conn:
        assert "ix_score_levels" not in {i["name"] for i in inspect(conn).get_indexes("score")}
    assert "COVERING INDEX ix_score_levels" not in _plan(s, round_id)
    scores = _count(s)
    s.close()

    s = open_store(tmp_path)  # migrates to head
    try:
        assert migrations.current_revision(s) == migrations.head_revision()
        with s.engine.connect() as conn:
            indexes = {i["name"]: i["column_names"] for i in inspect(conn).get_indexes("score")}
            diffs = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
        assert indexes["ix_score_levels"] == ["version_id", "indicator_code", "level", "not_applicable"]
        assert [d for d in diffs if "score" in repr(d)] == []
        assert "SEARCH score USING COVERING INDEX ix_score_levels (version_id=?)" in _plan(s, round_id)
        assert _count(s) == scores > 0
        assert [(r.region.code, r.total) for r in consolidate(s, round_id).ranking] == ranking

        _to(s, "0008_sync_quarantine", down=True)
        with s.engine.connect() as conn:
            assert "ix_score_levels" not in {i["name"] for i in inspect(conn).get_indexes("score")}
        assert _count(s) == scores
    finally:
        s.close()


def _count(store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM score")).scalar_one()
