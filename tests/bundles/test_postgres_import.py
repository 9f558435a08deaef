"""The import on PostgreSQL (a shared coordinator store): Core inserts with real datetimes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_support import POSTGRES_URL, SKIP_REASON
from sqlmodel import select

from tests.bundles.helpers import Demo, current_versions, export, reopen_edit_finalize

pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_REASON)]


def test_bundles_import_into_postgres(demo: Demo, pg_url: str, tmp_path: Path) -> None:
    from app.bundles.importer import import_bundles
    from app.bundles.trust import certs_from
    from app.models.tables import Assessment
    from app.store import open_store
    from app.store.changelog import verify_chain

    bundles = [export(demo, i, tmp_path / f"{i}.nilai") for i in range(3)]
    _, v1, _ = current_versions(demo.assessors[0])[0]
    v2 = reopen_edit_finalize(demo.assessors[0], v1)
    edited = export(demo, 0, tmp_path / "edited.nilai")
    store = open_store(tmp_path / "pg-coordinator", pg_url)
    try:
        assert store.engine.dialect.name == "postgresql"
        trust = certs_from(directory=demo.certs)
        report = import_bundles(store, [edited, *bundles], extra_trust=trust)
        assert [b.outcome for b in report.bundles] == ["imported"] * 4, [b.reason for b in report.bundles]
        assert report.totals == {"imported": 18, "already_superseded": 1}
        again = import_bundles(store, [*bundles, edited])
        assert {b.outcome for b in again.bundles} == {"already_imported"}
        with store.transaction() as session:
            rows = session.exec(select(Assessment)).all()
            assert len(rows) == 19 and sum(1 for a in rows if a.is_current) == 18
            current = {a.version_id for a in rows if a.is_current}
            assert v2 in current and v1 not in current
            assert all(a.created_at.tzinfo is not None for a in rows)
            assert verify_chain(session) == []
    finally:
        store.close()
