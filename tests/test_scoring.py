"""Scoring rules against hand-computed cases (see app/assessments/scoring.py for the rules)."""

from __future__ import annotations

import pytest

from app.assessments.scoring import Mark, normalise, summarize


def test_levels_normalise_to_0_100(small_instrument) -> None:
    indicator = small_instrument.indicator("A-1")
    assert [normalise(indicator, n) for n in range(1, 6)] == [0.0, 25.0, 50.0, 75.0, 100.0]
    with pytest.raises(ValueError):
        normalise(indicator, 6)


def test_weighted_total_by_hand(small_instrument) -> None:
    # A: A-1=5 (100, w50), A-2=3 (50, w30), A-3=2 (25, w20) -> (5000+1500+500)/100 = 70
    # B: B-1=4 (75)       -> 75;  total = 0.6*70 + 0.4*75 = 72
    marks = {"A-1": Mark(5), "A-2": Mark(3), "A-3": Mark(2), "B-1": Mark(4)}
    summary = summarize(small_instrument, marks)
    assert summary.dimensions[0].score == pytest.approx(70.0)
    assert summary.dimensions[1].score == pytest.approx(75.0)
    assert summary.total == pytest.approx(72.0)
    assert summary.scored == 4 and summary.missing_required == ()


def test_not_applicable_is_left_out_and_weights_renormalised(small_instrument) -> None:
    # A-2 N/A: A = (50*100 + 20*25) / 70 = 78.571...; total = 0.6*78.571 + 0.4*75 = 77.142...
    marks = {"A-1": Mark(5), "A-2": Mark(None, True), "A-3": Mark(2), "B-1": Mark(4)}
    summary = summarize(small_instrument, marks)
    assert summary.dimensions[0].score == pytest.approx(5500 / 70)
    assert summary.total == pytest.approx(0.6 * 5500 / 70 + 0.4 * 75)
    assert summary.dimensions[0].scored == 3  # N/A counts as answered


def test_whole_dimension_not_applicable_renormalises_dimensions(small_instrument) -> None:
    marks = {"A-1": Mark(2), "A-2": Mark(2), "A-3": Mark(None, True), "B-1": Mark(None, True)}
    summary = summarize(small_instrument, marks)
    assert summary.dimensions[1].score is None
    assert summary.total == pytest.approx(25.0)


def test_missing_required_listed_optional_not(small_instrument) -> None:
    summary = summarize(small_instrument, {"A-1": Mark(1)})
    assert summary.missing_required == ("A-2", "B-1")  # A-3 is optional
    assert summary.total == pytest.approx(0.0)


def test_nothing_scored_has_no_total(small_instrument) -> None:
    summary = summarize(small_instrument, {})
    assert summary.total is None and summary.scored == 0 and summary.total_indicators == 4
