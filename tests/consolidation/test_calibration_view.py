"""A calibration case in consolidation: it links panels that share no real region, so the severity
fit can compare them; it is never ranked nor counted in coverage; the per-assessor comparison names
who sat low, on which indicators."""

from __future__ import annotations

import pytest

from app.consolidation import consolidate, load_round_data
from app.consolidation.calibration import calibration_view
from app.rounds.setup import add_calibration_case
from tests.consolidation.test_adjusted_rule import CODES, levels, unlinked_round


def calibrated_round(store):
    """The unlinked round of test_adjusted_rule, plus a calibration case every assessor (and Xena) scored;
    panel B's Bayu and Bela score it one level below the others."""
    b = unlinked_round(store)
    case = add_calibration_case(store, b.round_id, "Kota Contoh")
    for name in ("Ani", "Agus", "Xena"):
        b.assess(case.code, name, levels("1101"))
    for name in ("Bayu", "Bela"):
        b.assess(case.code, name, levels("1101", 1))
    return b, case.code


def test_the_case_links_the_panels_and_is_never_ranked(any_store) -> None:
    b, code = calibrated_round(any_store)
    adjusted = consolidate(any_store, rule="adjusted")  # unlinked without the case: refused
    real = {"1101", "1102", "1103", "1104"}
    assert {r.region.code for r in adjusted.ranking} == real
    assert {r.region.code for r in consolidate(any_store, rule="mean").ranking} == real
    assert {c.region.code for c in adjusted.coverage} == real
    fit = adjusted.severity
    assert fit is not None
    by_name = {adjusted.data.assessors[a.assessor_id].name: a for a in fit.assessors}
    assert by_name["Bayu"].severity_levels - by_name["Ani"].severity_levels == pytest.approx(1.0)
    assert by_name["Bela"].severity_levels == pytest.approx(by_name["Bayu"].severity_levels)


def test_each_assessor_against_the_median(any_store) -> None:
    b, code = calibrated_round(any_store)
    view = calibration_view(load_round_data(any_store))
    assert [c.code for c in view.cases] == [code]
    assert view.medians[code] == {c: float(v) for c, v in levels("1101").items()}
    by_name = {a.assessor_name: a for a in view.assessors}
    assert set(by_name) == {"Ani", "Agus", "Xena", "Bayu", "Bela"}
    assert by_name["Bayu"].low == CODES and by_name["Bayu"].high == () and by_name["Bayu"].mean_difference == -1.0
    assert by_name["Ani"].low == by_name["Ani"].high == () and by_name["Ani"].mean_difference == 0.0
    assert {a.assessor_name for a in view.sits_low(code)} == {"Bayu", "Bela"} and view.sits_high(code) == ()
    assert [a.assessor_name for a in view.assessors][-2:] in (["Bayu", "Bela"], ["Bela", "Bayu"])  # lowest last
