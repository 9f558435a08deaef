"""CSV schedules: every bad row reported with its line number, all rows or none imported."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from sqlmodel import select

from app import assessments as A
from app.models.tables import Assessor, Candidate, InterviewSlot, PanelAssessor
from app.rounds.schedule import ScheduleError, import_schedule, schedule_for

GOOD = """date,start,minutes,panel,room,region,assessors
2018-03-05,09:00,30,Panel A,Ruang 1,3372,198001012005012001;Budi Hidayat
2018-03-05,08:30,30,Panel A,Ruang 1,Kota Tangerang Selatan,198001012005012001
06/03/2018,13:00,,Panel B,Ruang 2,kota banjar,Budi Hidayat
"""


def _write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "jadwal.csv"
    path.write_text(content, encoding="utf-8")
    return path


def test_good_schedule_imports(store, scoring_round, tmp_path: Path) -> None:
    round_id, me = scoring_round
    rid, count = import_schedule(store, _write(tmp_path, GOOD), round_id)
    assert (rid, count) == (round_id, 3)
    with pytest.raises(ScheduleError, match="Kabupaten Batang is already scheduled in this round"):
        import_schedule(store, _write(tmp_path, "date,start,panel,region\n2018-03-07,08:00,Panel C,3325\n"), round_id)
    with store.transaction() as session:
        slots = session.exec(select(InterviewSlot).where(InterviewSlot.round_id == round_id)).all()
        assert {(s.region_code, s.day, s.start, s.minutes) for s in slots} >= {
            ("3674", date(2018, 3, 5), time(8, 30), 30), ("3279", date(2018, 3, 6), time(13, 0), 30)}
        budi = session.exec(select(Assessor).where(Assessor.name == "Budi Hidayat")).one()
        assert len(session.exec(select(PanelAssessor).where(PanelAssessor.assessor_id == budi.id)).all()) == 2
        assert "3674" in session.exec(select(Candidate.region_code).where(Candidate.round_id == round_id)).all()


def test_every_bad_row_reported_and_nothing_imported(store, scoring_round, tmp_path: Path) -> None:
    round_id, _ = scoring_round
    bad = GOOD + """2018-02-30,09:00,30,Panel A,Ruang 1,3372,
2018-03-07,25:00,30,Panel A,Ruang 1,3372,
2018-03-07,09:00,30,Panel A,Ruang 1,Kota Banjarmasn,
2018-03-07,09:30,-5,Panel A,Ruang 1,3372,
2018-03-07,10:00,30,Panel A,Ruang 1,3372,
2018-03-07,10:30,30,Panel A,Ruang 1,3371,999999999
"""
    with pytest.raises(ScheduleError) as caught:
        import_schedule(store, _write(tmp_path, bad), round_id)
    lines = [p.split(",")[0] for p in caught.value.problems]
    assert lines == ["line 5", "line 6", "line 7", "line 8", "line 9", "line 10"]
    text = "\n".join(caught.value.problems)
    assert "Kota Banjarmasin" in text  # a suggestion for the misspelt name
    assert "already scheduled (line 2)" in text
    assert "NIP 999999999" in text
    with store.transaction() as session:
        assert len(session.exec(select(InterviewSlot)).all()) == 1  # only the fixture's slot
        assert session.exec(select(Assessor).where(Assessor.name == "Budi Hidayat")).first() is None


def test_missing_columns_named(store, scoring_round, tmp_path: Path) -> None:
    round_id, _ = scoring_round
    with pytest.raises(ScheduleError, match="missing column.*panel"):
        import_schedule(store, _write(tmp_path, "date,start,region\n2018-03-05,08:00,3325\n"), round_id)


def test_schedule_view_shows_status_and_progress(store, scoring_round) -> None:
    round_id, me = scoring_round
    entries = schedule_for(store, round_id, me.id)
    assert [(e.region.code, e.status, e.scored, e.total) for e in entries] == [("3325", "not_started", 0, 4)]
    version = A.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=me.id)
    A.set_level(store, version, "A-1", 3, "me")
    A.set_not_applicable(store, version, "A-3", "me")
    entry = schedule_for(store, round_id, me.id)[0]
    assert (entry.status, entry.scored, entry.version_id) == ("draft", 2, version)
    assert schedule_for(store, round_id, "someone-else") == []
