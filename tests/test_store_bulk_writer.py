"""A bulk writer's transaction (``store.transaction(write=True, bulk=True)``, a bundle's import): SQLite's
statement journals in memory for that transaction only, a failed statement still undone alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from app.store import open_store

ROWS = ", ".join(["(?, ?)"] * 300)


def _values(start: int, count: int) -> tuple:
    return tuple(v for i in range(start, start + count) for v in (f"key-{i:04d}", "x" * 200))


def test_statement_journals_in_memory_for_that_transaction_only(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    try:
        with store.transaction(write=True) as session:
            session.connection().exec_driver_sql("CREATE TABLE bulk_probe (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        with store.transaction(write=True, bulk=True) as session:
            connection = session.connection()
            raw = connection.connection.dbapi_connection
            assert connection.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY
            connection.exec_driver_sql(f"INSERT INTO bulk_probe VALUES {ROWS}", _values(0, 300))
            # A statement of many rows that fails on its last row is undone alone, from its journal in memory.
            with pytest.raises(IntegrityError):
                connection.exec_driver_sql(f"INSERT INTO bulk_probe VALUES {ROWS}", _values(300, 299) + _values(0, 1))
            assert connection.exec_driver_sql("SELECT count(*) FROM bulk_probe").scalar() == 300
        assert raw.execute("PRAGMA temp_store").fetchone()[0] == 0  # the pooled connection as it was
        with store.transaction() as session:
            assert session.connection().exec_driver_sql("SELECT count(*) FROM bulk_probe").scalar() == 300
    finally:
        store.close()


def test_a_plain_writer_leaves_temp_store_alone(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    try:
        with store.transaction(write=True) as session:
            assert session.connection().exec_driver_sql("PRAGMA temp_store").scalar() == 0
    finally:
        store.close()
