"""The same models, migrations and scoring core on PostgreSQL (a shared coordinator store)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_support import POSTGRES_URL, SKIP_REASON
from sqlalchemy import text

from app import assessments as A
from app.assessments.snapshots import snapshot
from app.rounds import create_round
from app.store import NewerSchema, changelog, open_store, settings
from app.store.migrations import current_revision, head_revision

pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_REASON)]


def test_migrations_and_scoring_on_postgres(pg_url: str, tmp_path: Path, small_instrument) -> None:
    store = open_store(tmp_path, pg_url)
    try:
        assert store.engine.dialect.name == "postgresql"
        assert current_revision(store) == head_revision()
        me = settings.save_profile(store, "Ñoman Śaputra", "198001012005011001", "Kominfo")
        with store.transaction() as session:
            round_id = create_round(session, name="Uji PG", instrument=small_instrument, region_codes=["3325"]).id
        version = A.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=me.id)
        A.set_level(store, version, "A-1", 4, "pg")
        A.set_note(store, version, "A-1", "Catatan — ✓ ß", "pg")
        A.set_not_applicable(store, version, "A-2", "pg")
        assert A.undo(store, version, "pg").indicator_code == "A-2"
        snap = snapshot(store, version)
        assert snap.score("A-1").note == "Catatan — ✓ ß" and snap.score("A-2").level is None
        with store.transaction() as session:
            assert changelog.verify_chain(session) == []
    finally:
        store.close()


def test_newer_schema_refused_on_postgres(pg_url: str, tmp_path: Path) -> None:
    store = open_store(tmp_path, pg_url)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    store.close()
    with pytest.raises(NewerSchema):
        open_store(tmp_path, pg_url)
