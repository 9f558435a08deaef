"""The scoring core: every change committed and logged, undo/redo from history, finalize, reopen."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from app import assessments as A
from app.assessments.snapshots import snapshot
from app.models.tables import Assessment, ChangeLogEntry, Evidence, Score
from app.store import changelog

ME = "Siti Rahmawati <198001012005012001>"


@pytest.fixture
def version(store, scoring_round) -> str:
    round_id, assessor = scoring_round
    return A.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=assessor.id)


def _score(store, version_id: str, code: str) -> Score | None:
    with store.transaction() as session:
        return session.get(Score, (version_id, code))


def test_start_is_idempotent(store, scoring_round, version) -> None:
    round_id, assessor = scoring_round
    assert A.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=assessor.id) == version


def test_each_change_is_committed_and_logged(store, version) -> None:
    A.set_level(store, version, "A-1", 4, ME)
    A.set_note(store, version, "A-1", "Fiber optik sampai kecamatan — ✓", ME)
    A.set_not_applicable(store, version, "A-3", ME)
    row = _score(store, version, "A-1")
    assert row.level == 4 and row.note == "Fiber optik sampai kecamatan — ✓"
    assert _score(store, version, "A-3").not_applicable
    with store.transaction() as session:
        entries = session.exec(select(ChangeLogEntry).where(ChangeLogEntry.version_id == version)
                               .order_by(ChangeLogEntry.position)).all()
        assert changelog.verify_chain(session) == []
    assert [(e.field, e.old, e.new) for e in entries[1:]] == [
        ("level", "", "4"), ("note", "", "Fiber optik sampai kecamatan — ✓"), ("level", "", "NA")]
    assert all(e.actor == ME for e in entries[1:])


def test_same_value_again_writes_nothing(store, version) -> None:
    A.set_level(store, version, "A-1", 4, ME)
    A.set_level(store, version, "A-1", 4, ME)
    with store.transaction() as session:
        assert len(session.exec(select(ChangeLogEntry).where(ChangeLogEntry.field == "level")).all()) == 1


def test_invalid_level_or_indicator_rejected(store, version) -> None:
    with pytest.raises(A.AssessmentError, match="not a rubric level"):
        A.set_level(store, version, "A-1", 7, ME)
    with pytest.raises(A.AssessmentError, match="not part of instrument"):
        A.set_level(store, version, "Z-9", 3, ME)
    assert _score(store, version, "A-1") is None


def test_undo_redo_walk_the_history(store, version) -> None:
    A.set_level(store, version, "A-1", 2, ME)
    A.set_level(store, version, "A-1", 4, ME)
    A.set_note(store, version, "B-1", "catatan", ME)
    assert A.undo(store, version, ME).field == "note"
    assert _score(store, version, "B-1").note == ""
    assert A.undo(store, version, ME).value == "2"
    assert _score(store, version, "A-1").level == 2
    assert A.undo_state(store, version) == (True, True)
    assert A.redo(store, version, ME).value == "4"
    assert _score(store, version, "A-1").level == 4
    A.set_level(store, version, "A-2", 1, ME)  # a new edit clears what could be redone
    assert A.undo_state(store, version) == (True, False)
    assert A.redo(store, version, ME) is None
    assert A.undo(store, version, ME).indicator_code == "A-2"
    assert A.undo(store, version, ME).value == "2"
    assert A.undo(store, version, ME).value == ""
    assert A.undo(store, version, ME) is None
    assert _score(store, version, "A-1").level is None
    with store.transaction() as session:
        assert changelog.verify_chain(session) == []


def test_one_undo_reverts_a_note_saved_in_pieces_while_it_was_typed(store, version, monkeypatch) -> None:
    """A note is saved every ~300 ms while it is typed; Ctrl+Z takes back the whole stretch of typing."""
    with monkeypatch.context() as patch:  # typed an hour ago, then a pause
        patch.setattr(changelog, "now_iso", lambda: "2018-03-05T01:00:00.000000+00:00")
        A.set_note(store, version, "A-1", "Bupati", ME)
    for text in ("Bupati hadir", "Bupati hadir; Perda", "Bupati hadir; Perda TIK 2017"):
        A.set_note(store, version, "A-1", text, ME)
    A.set_level(store, version, "A-2", 3, ME)
    assert A.undo(store, version, ME).field == "level"
    assert A.undo(store, version, ME).value == "Bupati"  # the three saves of one stretch, at once
    assert _score(store, version, "A-1").note == "Bupati"
    assert A.undo(store, version, ME).value == ""  # the earlier stretch, on its own
    assert A.redo(store, version, ME).value == "Bupati"
    assert A.redo(store, version, ME).value == "Bupati hadir; Perda TIK 2017"
    assert A.undo(store, version, ME).value == "Bupati"
    assert A.undo_state(store, version) == (True, True)
    with store.transaction() as session:
        assert changelog.verify_chain(session) == []


def test_evidence_is_copied_hashed_and_undoable(store, version, tmp_path: Path) -> None:
    photo = tmp_path / "foto ruang server.jpg"
    photo.write_bytes(b"\xff\xd8jpeg bytes" * 100)
    info = A.add_evidence(store, version, "A-2", photo, ME)
    stored = store.data_dir / info.stored_path
    assert stored.read_bytes() == photo.read_bytes()
    import hashlib

    assert info.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest() and info.size == 1200
    photo.unlink()  # the original can go; the data directory has its own copy
    assert A.undo(store, version, ME).field == "evidence"
    with store.transaction() as session:
        assert session.exec(select(Evidence)).all() == []
    A.redo(store, version, ME)
    snap = snapshot(store, version)
    assert [e.file_name for e in snap.score("A-2").evidence] == ["foto ruang server.jpg"]
    A.remove_evidence(store, version, info.id, ME)
    assert snapshot(store, version).score("A-2").evidence == ()


def test_finalize_lists_what_is_missing_then_succeeds(store, version, tmp_path: Path) -> None:
    A.set_level(store, version, "A-1", 3, ME)
    A.set_level(store, version, "A-2", 5, ME)  # level 5 of A-2 needs a note and evidence
    with pytest.raises(A.FinalizeBlocked) as blocked:
        A.finalize(store, version, ME)
    kinds = {(p.indicator_code, p.kind) for p in blocked.value.problems}
    assert kinds == {("A-2", "needs_note"), ("A-2", "needs_evidence"), ("B-1", "missing_level")}
    A.set_note(store, version, "A-2", "Masterplan ditetapkan dengan Perbup", ME)
    doc = tmp_path / "perbup.pdf"
    doc.write_bytes(b"%PDF-1.4 test")
    A.add_evidence(store, version, "A-2", doc, ME)
    A.set_not_applicable(store, version, "B-1", ME)
    A.finalize(store, version, ME)  # A-3 is optional
    with pytest.raises(A.AssessmentError, match="read-only"):
        A.set_level(store, version, "A-1", 4, ME)
    assert A.undo_state(store, version) == (False, False)


def test_reopen_makes_a_new_version(store, version) -> None:
    for code in ("A-1", "A-2", "B-1"):
        A.set_level(store, version, code, 2, ME)
    A.finalize(store, version, ME)
    with pytest.raises(A.AssessmentError, match="reason"):
        A.reopen(store, version, "  ", ME)
    new = A.reopen(store, version, "Salah memilih tingkat B-1", ME)
    assert new != version
    A.set_level(store, new, "B-1", 4, ME)
    with store.transaction() as session:
        old_row, new_row = session.get(Assessment, version), session.get(Assessment, new)
        assert (old_row.is_current, new_row.is_current) == (False, True)
        assert new_row.previous_version_id == version and new_row.record_id == old_row.record_id
        assert new_row.reopen_reason == "Salah memilih tingkat B-1"
        assert session.get(Score, (version, "B-1")).level == 2  # the finalized version is untouched
        assert session.get(Score, (new, "B-1")).level == 4
        assert changelog.verify_chain(session, old_row.record_id) == []
    with pytest.raises(A.AssessmentError):
        A.set_level(store, version, "B-1", 1, ME)


def test_snapshot_carries_everything_a_sheet_needs(store, version) -> None:
    from app.models.domain import DelegateInfo

    A.set_delegation(store, version, [DelegateInfo("Wihaji", "Bupati Batang")], ME)
    A.set_level(store, version, "A-1", 5, ME)
    snap = snapshot(store, version)
    assert snap.region.name == "Kabupaten Batang" and snap.region.province_name == "Jawa Tengah"
    assert snap.slot is not None and snap.slot.panel_name == "Panel A"
    assert snap.delegation == (DelegateInfo("Wihaji", "Bupati Batang"),)
    assert snap.summary.dimensions[0].score == pytest.approx(100.0)
    assert [s.indicator_code for s in snap.scores] == ["A-1", "A-2", "A-3", "B-1"]


def test_the_last_open_version_is_resumed_only_while_it_exists(store, version) -> None:
    from app.store import settings

    assert A.last_open_version(store) is None  # nothing was open
    settings.write(store, settings.LAST_OPEN, version)
    assert A.last_open_version(store) == version
    settings.write(store, settings.LAST_OPEN, "no-such-version")  # e.g. after restoring an older backup
    assert A.last_open_version(store) is None
    assert settings.read(store, settings.LAST_OPEN) is None  # forgotten, so the next start shows the schedule
