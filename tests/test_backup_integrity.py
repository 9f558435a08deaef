"""Rolling backups, restore, and the integrity check that says what is wrong and the way out."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from app import assessments as A
from app.base.ids import short_id
from app.base.paths import DATABASE_FILE
from app.models.tables import Setting
from app.store import StoreError, open_store, settings
from app.store.backup import list_backups, restore, take_backup
from app.store.integrity import check

ME = "Siti <1980>"


def test_backup_is_consistent_and_rolling(store) -> None:
    settings.write(store, settings.BACKUPS_KEEP, "3")
    for n in range(5):
        settings.write(store, "marker", str(n))
        take_backup(store, "manual")
    backups = list_backups(store.data_dir)
    assert len(backups) == 3
    import sqlite3

    newest = sqlite3.connect(backups[0].path)
    try:
        assert newest.execute("SELECT value FROM setting WHERE key = 'marker'").fetchone()[0] == "4"
        assert newest.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        newest.close()


def test_finalize_takes_a_backup(store, scoring_round) -> None:
    round_id, me = scoring_round
    version = A.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=me.id)
    for code in ("A-1", "A-2", "B-1"):
        A.set_level(store, version, code, 3, ME)
    assert A.finalize(store, version, ME) is None
    assert [b.reason for b in list_backups(store.data_dir)] == ["finalized"]


def test_restore_sets_current_aside(data_dir: Path) -> None:
    store = open_store(data_dir)
    settings.write(store, "marker", "before")
    backup = take_backup(store, "manual")
    settings.write(store, "marker", "after")
    store.close()
    aside = restore(data_dir, backup)
    store = open_store(data_dir)
    try:
        assert settings.read(store, "marker") == "before"
    finally:
        store.close()
    import sqlite3

    old = sqlite3.connect(aside)
    try:
        assert old.execute("SELECT value FROM setting WHERE key='marker'").fetchone()[0] == "after"
    finally:
        old.close()


def test_restore_refuses_a_non_database(data_dir: Path, tmp_path: Path) -> None:
    store = open_store(data_dir)
    store.close()
    before = (data_dir / DATABASE_FILE).read_bytes()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"junk" * 1000)
    with pytest.raises(StoreError, match="nothing was restored"):
        restore(data_dir, junk)
    assert (data_dir / DATABASE_FILE).read_bytes() == before


def test_healthy_store_passes(store, scoring_round) -> None:
    report = check(store)
    assert report.ok and report.checked["change log entries"] >= 0


def test_check_finds_tampered_log_and_evidence(store, scoring_round, tmp_path: Path) -> None:
    round_id, me = scoring_round
    version = A.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=me.id)
    A.set_level(store, version, "A-1", 3, ME)
    photo = tmp_path / "bukti.jpg"
    photo.write_bytes(b"photo")
    info = A.add_evidence(store, version, "A-1", photo, ME)
    take_backup(store, "manual")
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE change_log SET new = '5' WHERE field = 'level'"))
    (store.data_dir / info.stored_path).write_bytes(b"another photo")
    report = check(store)
    areas = sorted({f.area for f in report.findings})
    assert areas == ["change log", "evidence", "scores"]  # the edited entry no longer replays to the score
    assert "nilai restore" in report.way_out and "manual" in report.way_out


def _scored_and_reopened(store, scoring_round, tmp_path: Path) -> tuple[str, str]:
    """A version with levels, a note, evidence, undo and redo, finalized and reopened into a second one."""
    round_id, me = scoring_round
    first = A.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=me.id)
    for code, level in (("A-1", 3), ("A-2", 2), ("B-1", 4)):
        A.set_level(store, first, code, level, ME)
    A.set_note(store, first, "A-1", "Perda sudah ada", ME)
    A.set_level(store, first, "A-2", 1, ME)
    A.undo(store, first, ME)
    A.undo(store, first, ME)
    A.redo(store, first, ME)
    photo = tmp_path / "bukti.jpg"
    photo.write_bytes(b"photo")
    A.add_evidence(store, first, "B-1", photo, ME)
    A.finalize(store, first, ME)
    second = A.reopen(store, first, "salah ketik", ME)
    A.set_not_applicable(store, second, "A-2", ME)
    return first, second


def test_every_version_replays_to_its_scores(store, scoring_round, tmp_path: Path) -> None:
    _scored_and_reopened(store, scoring_round, tmp_path)
    report = check(store)
    assert report.ok, report.findings
    assert report.checked["versions replayed"] == 2


@pytest.mark.parametrize(("change", "words"), [
    ("UPDATE score SET level = 1 WHERE indicator_code = 'B-1' AND version_id = :v", "indicator B-1 has level 1"),
    ("UPDATE score SET note = 'lain' WHERE indicator_code = 'A-1' AND version_id = :v", "note of indicator A-1"),
    ("DELETE FROM evidence WHERE version_id = :v", "evidence of indicator(s) B-1"),
    ("UPDATE assessment SET delegation_json = '[{\"name\": \"X\", \"role\": \"Y\"}]' WHERE version_id = :v",
     "delegation"),
])
def test_check_finds_a_score_changed_without_a_log_entry(store, scoring_round, tmp_path: Path,
                                                         change: str, words: str) -> None:
    first, second = _scored_and_reopened(store, scoring_round, tmp_path)
    with store.engine.begin() as conn:
        conn.execute(text(change), {"v": first})
    report = check(store)
    assert [f.area for f in report.findings] == ["scores"], report.findings
    assert words in report.findings[0].message and short_id(first) in report.findings[0].message
    assert "changed without a change-log entry" in report.findings[0].message


def test_check_reports_missing_foreign_rows(store) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("PRAGMA foreign_keys = OFF"))
        conn.execute(text("INSERT INTO score (version_id, indicator_code, level, not_applicable, note, updated_at) "
                          "VALUES ('ghost', 'A-1', 3, 0, '', '2018-03-05 08:00:00')"))
    report = check(store)
    assert any(f.area == "foreign keys" and "score" in f.message for f in report.findings)


def test_settings_roundtrip(store) -> None:
    settings.write(store, "x", "1")
    settings.write(store, "x", None)
    with store.transaction() as session:
        assert session.get(Setting, "x") is None


def test_check_finds_a_signed_sheet_changed_after_signing(store, scoring_round) -> None:
    import hashlib

    round_id, me = scoring_round
    version = A.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=me.id)
    for code in ("A-1", "A-2", "B-1"):
        A.set_level(store, version, code, 3, ME)
    A.finalize(store, version, ME)
    sheet = store.data_dir / "sheets" / "lembar.pdf"
    sheet.parent.mkdir()
    sheet.write_bytes(b"%PDF-1.7 signed sheet")
    A.mark_signed(store, version, hashlib.sha256(sheet.read_bytes()).hexdigest(), "sheets/lembar.pdf", ME)
    assert check(store).ok
    sheet.write_bytes(b"%PDF-1.7 signed sheet, edited")
    report = check(store)
    assert [f.area for f in report.findings] == ["sheets"] and "changed after signing" in report.findings[0].message
    sheet.unlink()
    assert "is missing" in check(store).findings[0].message


def test_way_out_skips_a_damaged_backup(store, scoring_round) -> None:
    good = take_backup(store, "manual")
    damaged = take_backup(store, "manual")
    damaged.write_bytes(b"not a database any more" * 100)
    with store.engine.begin() as conn:
        conn.execute(text("PRAGMA foreign_keys = OFF"))
        conn.execute(text("INSERT INTO score (version_id, indicator_code, level, not_applicable, note, updated_at) "
                          "VALUES ('ghost', 'A-1', 3, 0, '', '2018-03-05 08:00:00')"))
    report = check(store)
    assert not report.ok and str(good) in report.way_out and str(damaged) not in report.way_out
