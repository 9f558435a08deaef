"""Migration 0005: the change log's duplicate chain_id index is dropped on upgrade (SQLite and PostgreSQL);
lookups by chain still use the UNIQUE (chain_id, position) index, and the rows stay as they were."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from pg_support import POSTGRES_URL, SKIP_REASON
from sqlalchemy import inspect, text

from app.models.tables import ChangeLogEntry
from app.store import migrations, open_store

BEFORE = "0004_round_setup"
DUPLICATE = "ix_change_log_chain_id"


def _at_0004_with_an_entry(tmp_path: Path, url: str | None) -> None:
    store = open_store(tmp_path, url, migrate=False)
    config = migrations.alembic_config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, BEFORE)
    with store.engine.begin() as conn:
        assert DUPLICATE in {ix["name"] for ix in inspect(conn).get_indexes("change_log")}
        conn.execute(text("INSERT INTO change_log (id, chain_id, position, version_id, indicator_code, field, old, new, "
                          "reason, kind, undoes, actor, at, prev_hash, entry_hash) VALUES ('e1', 'chain-1', 0, NULL, "
                          "'A-1', 'level', '', '3', '', 'edit', NULL, 'Uji', '2018-03-05T01:00:00+00:00', :h, :h)"),
                     {"h": "0" * 64})
    store.close()


def _upgraded_and_checked(tmp_path: Path, url: str | None) -> None:
    store = open_store(tmp_path, url)  # upgrades to the head
    try:
        assert migrations.current_revision(store) == migrations.head_revision()
        with store.engine.connect() as conn:
            found = inspect(conn)
            assert DUPLICATE not in {ix["name"] for ix in found.get_indexes("change_log")}
            assert ["chain_id", "position"] in [u["column_names"] for u in found.get_unique_constraints("change_log")]
            assert conn.execute(text("SELECT id, position, new FROM change_log WHERE chain_id = 'chain-1'")).all() \
                == [("e1", 0, "3")]
            if store.is_sqlite:  # a chain is still found through an index, not by reading the whole table
                plan = " ".join(str(row[-1]) for row in conn.execute(
                    text("EXPLAIN QUERY PLAN SELECT * FROM change_log WHERE chain_id = 'chain-1' ORDER BY position")))
                assert "USING INDEX" in plan and "SCAN change_log" not in plan, plan
    finally:
        store.close()


def test_the_model_no_longer_declares_the_duplicate_index() -> None:
    assert DUPLICATE not in {ix.name for ix in ChangeLogEntry.__table__.indexes}  # type: ignore[attr-defined]


def test_upgrade_from_0004_drops_the_duplicate_index_on_sqlite(tmp_path: Path) -> None:
    _at_0004_with_an_entry(tmp_path, None)
    _upgraded_and_checked(tmp_path, None)


@pytest.mark.postgres
@pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_REASON)
def test_upgrade_from_0004_drops_the_duplicate_index_on_postgres(pg_url: str, tmp_path: Path) -> None:
    _at_0004_with_an_entry(tmp_path, pg_url)
    _upgraded_and_checked(tmp_path, pg_url)
