"""Consolidation tests run on SQLite and, when NILAI_TEST_POSTGRES_URL is set, on PostgreSQL too.

``bash installer/test-services.sh .venv/bin/python -m pytest tests/consolidation`` starts a
throw-away PostgreSQL server and sets the variable; without it the PostgreSQL cases are skipped.
Each PostgreSQL case gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

POSTGRES_URL = os.environ.get("NILAI_TEST_POSTGRES_URL")


def _postgres_database() -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(POSTGRES_URL)
    name = f"nilai_c_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield base.set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


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
    databases = _postgres_database()
    url = next(databases)
    store = open_store(data_dir, url)
    try:
        yield store
    finally:
        store.close()
        for _ in databases:
            pass
