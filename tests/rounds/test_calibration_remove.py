"""Removing a calibration case: free while nobody scored it; refused in one line once scores exist, unless forced;
forced, its assessments stay in the store but count nowhere (the round it linked is unlinked again)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import select

from app.cli import main
from app.consolidation import consolidate, load_round_data
from app.consolidation.severity.adjust import AdjustmentRefused
from app.models.tables import Assessment, Candidate
from app.rounds.setup import SetupError, add_calibration_case, calibration_cases, remove_calibration_case
from tests.consolidation.test_calibration_view import calibrated_round


def run(data_dir: Path, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), *argv])


def test_an_unscored_case_is_removed(store, capsys) -> None:
    b, _code = calibrated_round(store)
    spare = add_calibration_case(store, b.round_id, "Kota Cadangan")
    assert run(store.data_dir, "round", "calibration", "remove", spare.code.lower(), "--json") == 0
    assert json.loads(capsys.readouterr().out)["code"] == spare.code
    assert [c.code for c in calibration_cases(store, b.round_id)] == ["K001"]
    with store.transaction() as session:
        assert session.exec(select(Candidate).where(Candidate.region_code == spare.code)).first() is None
    assert add_calibration_case(store, b.round_id, "Kota Cadangan").code == "K003"  # a code is never reused


def test_a_scored_case_is_refused_in_one_line_unless_forced(store, capsys) -> None:
    b, code = calibrated_round(store)
    before = consolidate(store, rule="adjusted")  # the case links the panels
    assert before.severity is not None
    assert run(store.data_dir, "round", "calibration", "remove", code) == 1
    err = capsys.readouterr().err
    assert err.startswith("nilai: ") and err.count("\n") == 1
    assert "K001 Kota Contoh already has 5 assessment(s)" in err and "--force" in err
    assert [c.code for c in calibration_cases(store, b.round_id)] == [code]  # nothing changed
    assert len(load_round_data(store).calibration) == 1

    assert run(store.data_dir, "round", "calibration", "remove", code, "--force") == 0
    assert "no longer count" in capsys.readouterr().out
    assert calibration_cases(store, b.round_id) == []
    with store.transaction() as session:  # the records stay
        assert len(session.exec(select(Assessment).where(Assessment.region_code == code)).all()) == 5
    data = load_round_data(store)
    assert data.calibration == () and all(ref.region_code != code for ref in data.assessments)
    assert {r.region.code for r in consolidate(store, rule="mean").ranking} == {"1101", "1102", "1103", "1104"}
    with pytest.raises(AdjustmentRefused, match="2 groups"):  # without the case the panels are islands again
        consolidate(store, rule="adjusted")


def test_an_unknown_code_is_refused(store) -> None:
    b, _code = calibrated_round(store)
    with pytest.raises(SetupError, match="K009 is not a calibration case") as refused:
        remove_calibration_case(store, b.round_id, "K009")
    assert refused.value.kind == "calibration_unknown"
    with pytest.raises(SetupError, match="1101 is not a calibration case"):
        remove_calibration_case(store, b.round_id, "1101")  # a real candidate is not removed this way
