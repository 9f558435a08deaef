"""The hot path's driver connection (app.store.driver) stores what SQLAlchemy Core stores, and keeps
the change log's chain whole when it and Session writers take turns, on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pg_support import POSTGRES_URL, SKIP_REASON
from sqlalchemy import insert, literal_column, select, table, text

from app import assessments as A
from app.assessments import rows
from app.models.tables import Score, table_of
from app.store import Store, changelog, driver, open_store, settings

ME = "Siti Rahmawati <198001012005012001>"
WHEN = datetime(2018, 3, 7, 9, 15, 30, 123456, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=[
    pytest.mark.postgres, pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_REASON)])])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """This module's stores: SQLite, and PostgreSQL on the test server (scoring_round builds on it)."""
    url = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    opened = open_store(tmp_path / "data", url)
    yield opened
    opened.close()


@pytest.fixture
def version(store: Store, scoring_round) -> str:
    round_id, assessor = scoring_round
    return A.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=assessor.id)


def _stored(store: Store, version_id: str, code: str) -> tuple:
    """The row as the database holds it (on SQLite also each value's storage class)."""
    kinds = ", typeof(level), typeof(not_applicable), typeof(updated_at)" if store.is_sqlite else ""
    with store.engine.connect() as conn:
        return tuple(conn.execute(text(f"SELECT level, not_applicable, note, CAST(updated_at AS TEXT){kinds} "
                                       "FROM score WHERE version_id = :v AND indicator_code = :c"),
                                  {"v": version_id, "c": code}).one())


def test_a_score_written_on_the_driver_is_the_row_core_writes(store: Store, version: str) -> None:
    values = {"level": 4, "not_applicable": False, "note": "Fiber optik sampai kecamatan — ✓"}
    with store.engine.begin() as conn:  # SQLAlchemy's own Connection: the reference
        rows.write_score(conn, version, "A-1", WHEN, **values)
    with driver.transaction(store) as conn:
        rows.write_score(conn, version, "A-2", WHEN, **values)
    assert _stored(store, version, "A-2") == _stored(store, version, "A-1")
    assert _stored(store, version, "A-2")[:3] == (4, False if not store.is_sqlite else 0, values["note"])

    with store.engine.begin() as conn:  # an update of an existing row, too
        rows.write_score(conn, version, "A-1", WHEN, level=None, not_applicable=True)
    with driver.transaction(store) as conn:
        rows.write_score(conn, version, "A-2", WHEN, level=None, not_applicable=True)
    assert _stored(store, version, "A-2") == _stored(store, version, "A-1")


def test_rows_read_on_the_driver_are_converted_like_core(store: Store, version: str) -> None:
    A.set_level(store, version, "A-1", 3, ME)
    s = table_of(Score).c
    query = select(s.updated_at, s.not_applicable, s.level).where(s.version_id == version)
    with store.engine.connect() as conn:
        expected = conn.execute(query).one()
    with driver.transaction(store) as conn:
        got = conn.execute(query).first()
    assert got == tuple(expected) and isinstance(got.updated_at, datetime) and got.level == 3


def test_a_failed_change_writes_nothing(store: Store, version: str) -> None:
    A.set_level(store, version, "A-1", 2, ME)
    with pytest.raises(RuntimeError, match="after the write"), driver.transaction(store) as conn:
        rows.write_score(conn, version, "A-1", WHEN, level=5, not_applicable=False)
        raise RuntimeError("refused after the write")
    assert _stored(store, version, "A-1")[0] == 2
    with pytest.raises(A.AssessmentError, match="not a rubric level"):
        A.set_level(store, version, "A-1", 9, ME)
    with store.transaction() as session:
        assert [e.new for e in changelog.chain_entries(session, A.get_version(session, version).record_id)] == ["draft", "2"]


def test_a_statement_sqlalchemy_would_complete_is_refused(store: Store, version: str) -> None:
    # Score.updated_at has a Python default: without it the INSERT would need SQLAlchemy to fill it in.
    with pytest.raises(ValueError, match="pass every column"), driver.transaction(store) as conn:
        conn.execute(insert(table_of(Score)), {"version_id": version, "indicator_code": "A-1", "level": 1,
                                               "not_applicable": False, "note": ""})


def test_driver_and_session_writers_taking_turns_keep_one_chain(store: Store, version: str, tmp_path: Path) -> None:
    other = open_store(tmp_path / "data", None if store.is_sqlite else store.engine.url.render_as_string(False))
    try:
        for n in range(6):  # each writer's remembered tail is stale after the other wrote
            A.set_level(store if n % 2 else other, version, "A-1", 1 + n % 5, ME)
            A.set_note(other if n % 2 else store, version, "A-1", f"catatan {n}", ME)
        A.undo(store, version, ME)  # a Session writer (history) after both
        with store.transaction() as session:
            assert changelog.verify_chain(session) == []
            entries = changelog.chain_entries(session, A.get_version(session, version).record_id)
        assert [e.position for e in entries] == list(range(14))
        assert [e.new for e in entries[-3:]] == ["1", "catatan 5", "catatan 4"]  # levels 1..5, then 1 again
    finally:
        other.close()


def test_on_sqlite_each_thread_keeps_one_connection_until_the_store_closes(tmp_path: Path) -> None:
    store = open_store(tmp_path / "kept")
    try:
        with driver.transaction(store) as first:
            kept = first._dbapi
        with driver.transaction(store) as again:
            assert again._dbapi is kept  # no checkout per change
        seen: list[object] = []

        def other_thread() -> None:
            with driver.transaction(store) as conn:
                seen.append(conn._dbapi)

        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
        assert seen and seen[0] is not kept
    finally:
        store.close()
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        kept.execute("SELECT 1")  # closed with the store, not left to the garbage collector


def test_a_transaction_inside_a_transaction_commits_on_its_own_connection(store: Store, version: str) -> None:
    A.set_level(store, version, "A-1", 2, ME)
    with pytest.raises(RuntimeError, match="outer"), driver.transaction(store) as outer:
        assert rows.draft_and_score(outer, version, "A-1")[1] == rows.ScoreRow(2, False, "")
        with driver.transaction(store) as inner:  # not the outer's connection: its commit is its own
            assert inner is not outer
            rows.write_score(inner, version, "A-2", WHEN, level=3, not_applicable=False)
        raise RuntimeError("outer fails after the inner committed")
    assert _stored(store, version, "A-2")[0] == 3
    with driver.transaction(store) as again:  # the kept connection is free again after its failure
        rows.write_score(again, version, "A-1", WHEN, level=4, not_applicable=False)
    assert _stored(store, version, "A-1")[0] == 4


def test_a_driver_error_closes_the_kept_connection_and_the_next_change_opens_another(tmp_path: Path) -> None:
    store = open_store(tmp_path / "kept")
    try:
        with driver.transaction(store) as conn:
            kept = conn._dbapi
        with pytest.raises(sqlite3.OperationalError), driver.transaction(store) as conn:
            conn._cursor.execute("SELECT * FROM no_such_table")
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            kept.execute("SELECT 1")
        with driver.transaction(store) as conn:
            assert conn._dbapi is not kept and conn.execute(select(table_of(Score).c.level)).first() is None
    finally:
        store.close()


def test_a_select_read_in_part_holds_no_snapshot_once_its_transaction_ends(tmp_path: Path) -> None:
    store = open_store(tmp_path / "kept")
    try:
        names = select(literal_column("name")).select_from(table("sqlite_master"))
        with driver.transaction(store) as conn:
            assert conn.execute(names).first() is not None  # one row of many read
        settings.write(store, settings.LAST_OPEN, "x")  # another connection writes: the log has frames to fold in
        folder = sqlite3.connect(store.sqlite_path, timeout=0.1)
        busy, _frames, _folded = folder.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        folder.close()
        assert busy == 0  # no reader left on an old snapshot: the whole log was folded in and emptied
    finally:
        store.close()
