"""Migration 0007_revision_returns: a store at 0006 keeps its rows, gains the two tables exactly as the
models describe them, and goes back down cleanly."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from app.store import migrations, open_store

NEW = {"revision_return", "issued_round_package"}


def _to(store, revision: str, down: bool = False) -> None:
    config = migrations.alembic_config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(config, revision)


def test_0007_upgrades_a_0006_store_keeping_its_rows_and_matches_the_models(tmp_path: Path) -> None:
    import app.models.returns  # noqa: F401 - the models compared against
    from app.models.returns import IssuedRoundPackage, RevisionReturn

    s = open_store(tmp_path, migrate=False)
    _to(s, "0006_sync_outbox")
    with s.engine.begin() as conn:
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('kept', 'yes')"))
        assert not NEW & set(inspect(conn).get_table_names())
    s.close()

    s = open_store(tmp_path)  # migrates to head
    try:
        assert migrations.current_revision(s) == migrations.head_revision()
        with s.engine.connect() as conn:
            assert conn.execute(text("SELECT value FROM setting WHERE key = 'kept'")).scalar_one() == "yes"
            diffs = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
        ours = [d for d in diffs if any(name in repr(d) for name in NEW)]
        assert ours == []
        with s.transaction() as session:
            session.add(RevisionReturn(round_id="r", record_id="c", version_id="v", assessor_id="a",
                                       region_code="3325", comment="periksa lagi", returned_by="K"))
            session.add(IssuedRoundPackage(round_id="r", package_version=1, sha256="0" * 64, content=b"PK\x03\x04\x00"))
        with s.transaction() as session:
            assert session.get(IssuedRoundPackage, ("r", 1)).content == b"PK\x03\x04\x00"

        _to(s, "0006_sync_outbox", down=True)
        with s.engine.connect() as conn:
            assert not NEW & set(inspect(conn).get_table_names())
            assert conn.execute(text("SELECT value FROM setting WHERE key = 'kept'")).scalar_one() == "yes"
    finally:
        s.close()
