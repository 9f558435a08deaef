"""Fixtures for the sync service: `nilai serve` as a real process (uvicorn, TLS with a self-signed
certificate made here) on a throw-away PostgreSQL database, and the bundle tests' demo assessors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bundles.conftest import demo, demo_template  # noqa: F401 - the same demo assessors
from tests.sync.service import Service, free_port, make_tls_certificate


@pytest.fixture
def service(pg_url: str, tmp_path: Path):
    root = tmp_path / "service-root"
    root.mkdir()
    cert, key = make_tls_certificate(root)
    running = Service(pg_url, root / "data", cert, key, free_port())
    running.start()
    try:
        yield running
    finally:
        running.stop()
