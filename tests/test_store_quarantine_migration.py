"""Migration 0008_sync_quarantine: a store at 0007 keeps its rows, gains the quarantine table exactly as
the model describes it (bytes kept whole), and goes back down cleanly."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from app.store import migrations, open_store
from tests.test_store_returns_migration import _to


def test_0008_upgrades_a_0007_store_keeping_its_rows_and_matches_the_model(tmp_path: Path) -> None:
    from app.models.quarantine import QuarantinedBundle

    s = open_store(tmp_path, migrate=False)
    _to(s, "0007_revision_returns")
    with s.engine.begin() as conn:
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('kept', 'yes')"))
        assert "sync_quarantine" not in inspect(conn).get_table_names()
    s.close()

    s = open_store(tmp_path)  # migrates to head
    try:
        assert migrations.current_revision(s) == migrations.head_revision()
        with s.engine.connect() as conn:
            assert conn.execute(text("SELECT value FROM setting WHERE key = 'kept'")).scalar_one() == "yes"
            diffs = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
        assert [d for d in diffs if "sync_quarantine" in repr(d)] == []
        data = bytes(range(256)) * 4
        with s.transaction() as session:
            session.add(QuarantinedBundle(sha256="a" * 64, fingerprint="f" * 64, certificate_pem="PEM", size=len(data),
                                          bundle=data))
        with s.transaction() as session:
            assert session.get(QuarantinedBundle, "a" * 64).bundle == data

        _to(s, "0007_revision_returns", down=True)
        with s.engine.connect() as conn:
            assert "sync_quarantine" not in inspect(conn).get_table_names()
            assert conn.execute(text("SELECT value FROM setting WHERE key = 'kept'")).scalar_one() == "yes"
    finally:
        s.close()
