"""Consolidation tests run on SQLite and, when NILAI_TEST_POSTGRES_URL is set, on PostgreSQL too.

``bash installer/test-services.sh .venv/bin/python -m pytest tests/consolidation`` starts a
throw-away PostgreSQL server and sets the variable; without it the PostgreSQL cases are skipped.
Each PostgreSQL case gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_support import POSTGRES_URL, postgres_database


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_store(request, tmp_path: Path) -> Iterator:
    """A fresh store on SQLite, or on PostgreSQL (skipped without NILAI_TEST_POSTGRES_URL)."""
    from app.store import open_store

    data_dir = tmp_path / "coordinator"
    data_dir.mkdir()
    if request.param == "sqlite":
        store = open_store(data_dir)
        yield store
        store.close()
        return
    if not POSTGRES_URL:
        pytest.skip("NILAI_TEST_POSTGRES_URL is not set (run through installer/test-services.sh)")
    databases = postgres_database("nilai_c")
    url = next(databases)
    store = open_store(data_dir, url)
    try:
        yield store
    finally:
        store.close()
        for _ in databases:
            pass
