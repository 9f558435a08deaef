"""The store: pragmas, migrations (backup first, newer schema refused), transactions, clear errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from app.base.paths import DATABASE_FILE
from app.models.tables import Assessor, Setting
from app.store import (
    CorruptStore,
    DiskFull,
    NewerSchema,
    ReadOnlyStore,
    StoreError,
    migrations,
    open_store,
)
from app.store.errors import translate_driver_error


def test_new_store_is_at_head_with_pragmas(store) -> None:
    assert migrations.current_revision(store) == migrations.head_revision()
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    assert (store.data_dir / DATABASE_FILE).exists()


def test_env_var_chooses_data_dir(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NILAI_DATA_DIR", str(tmp_path / "from-env"))
    s = open_store()
    try:
        assert s.data_dir == (tmp_path / "from-env").resolve()
    finally:
        s.close()


def test_transaction_rolls_back_as_a_whole(store) -> None:
    with pytest.raises(RuntimeError), store.transaction() as session:
        session.add(Setting(key="a", value="1"))
        session.flush()
        raise RuntimeError("boom")
    with store.transaction() as session:
        assert session.get(Setting, "a") is None


def test_foreign_keys_enforced(store) -> None:
    from sqlalchemy.exc import IntegrityError

    from app.models.tables import Score

    with pytest.raises(IntegrityError), store.transaction() as session:
        session.add(Score(version_id="no-such-assessment", indicator_code="X"))


def test_upgrade_from_empty_database(tmp_path: Path) -> None:
    s = open_store(tmp_path, migrate=False)  # a database with no tables yet, as an older Nilai could leave
    s.close()
    s = open_store(tmp_path)
    try:
        assert migrations.current_revision(s) == migrations.head_revision()
        with s.transaction() as session:
            session.add(Assessor(name="Ñoman Śaputra"))
    finally:
        s.close()


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    s = open_store(tmp_path)
    with s.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_the_future'"))
    s.close()
    before = (tmp_path / DATABASE_FILE).read_bytes()
    with pytest.raises(NewerSchema, match="newer version of Nilai"):
        open_store(tmp_path)
    assert (tmp_path / DATABASE_FILE).read_bytes() == before


def test_database_copied_aside_before_migrating(tmp_path: Path) -> None:
    revisions = [rev.revision for rev in migrations.ScriptDirectory.from_config(migrations.alembic_config()).walk_revisions()]
    first = revisions[-1]
    s = open_store(tmp_path, migrate=False)
    config = migrations.alembic_config()
    with s.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, first)
    s.close()
    if first == migrations.head_revision():
        pytest.skip("only one schema revision exists yet; nothing to upgrade from")
    s = open_store(tmp_path)
    s.close()
    backups = list((tmp_path / "backups").glob("*before-migration*.sqlite3"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    try:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == first
    finally:
        copy.close()


def test_corrupt_file_gives_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / DATABASE_FILE).write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(CorruptStore, match="damaged"):
        open_store(tmp_path)


def test_driver_errors_become_user_messages() -> None:
    assert isinstance(translate_driver_error(sqlite3.OperationalError("database or disk is full"), "x"), DiskFull)
    assert isinstance(translate_driver_error(sqlite3.OperationalError("attempt to write a readonly database"), "x"), ReadOnlyStore)
    assert translate_driver_error(sqlite3.OperationalError("no such column: foo"), "x") is None  # a bug stays a bug


def test_read_only_data_directory(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root ignores directory permissions")
    s = open_store(tmp_path)
    s.close()
    os.chmod(tmp_path / DATABASE_FILE, 0o444)
    try:
        with pytest.raises(StoreError):
            s = open_store(tmp_path)
            with s.transaction() as session:
                session.add(Setting(key="k", value="v"))
    finally:
        os.chmod(tmp_path / DATABASE_FILE, 0o644)


def test_unusable_database_url_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not valid"):
        open_store(tmp_path, "not a url at all")
    with pytest.raises(StoreError, match="does not know that kind of database"):
        open_store(tmp_path, "mysql+nosuchdriver://u@h/db")
    with pytest.raises(StoreError, match="driver is not installed"):
        open_store(tmp_path, "mysql+mysqldb://u@h/db")  # a dialect whose driver is not installed
