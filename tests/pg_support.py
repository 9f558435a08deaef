"""A throw-away PostgreSQL database per test, on the server installer/test-services.sh starts."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

POSTGRES_URL = os.environ.get("NILAI_TEST_POSTGRES_URL")
SKIP_REASON = "NILAI_TEST_POSTGRES_URL is not set (run through installer/test-services.sh)"


def postgres_database(prefix: str = "nilai_t") -> Iterator[str]:
    """Yield the URL of a new database; drop it when the generator is exhausted."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    assert POSTGRES_URL, SKIP_REASON
    base = make_url(POSTGRES_URL)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield base.set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
