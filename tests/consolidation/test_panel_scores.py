"""Panel scores per region, computed by hand, on SQLite and PostgreSQL."""

from __future__ import annotations

import numpy as np
import pytest

from app.assessments import scoring
from app.consolidation import consolidate
from app.consolidation.data import load_round_data
from app.consolidation.panel_scores import assessment_totals
from tests.consolidation.builders import NA, RoundBuilder, three_dimensions

# Region 3325, three assessors (levels 1..5; Struktur 40 = S1 60 + S2 40, Infrastruktur 35 = I1 50 + I2 50,
# Suprastruktur 25 = P1 100):
LEVELS = {
    "Ani": {"S1": 3, "S2": 4, "I1": 2, "I2": 5, "P1": 1},
    "Budi": {"S1": 5, "S2": 4, "I1": 2, "I2": NA, "P1": 2},
    "Citra": {"S1": 4, "S2": 1, "I1": 3, "I2": 4, "P1": 2},
}


def build(store, rule: str = "mean") -> RoundBuilder:
    builder = RoundBuilder(store, three_dimensions(), ["3325", "3671"], rule=rule)
    builder.panel("Panel A", ["3325", "3671"], list(LEVELS))
    for name, levels in LEVELS.items():
        builder.assess("3325", name, levels)
    return builder


def test_mean_by_hand(any_store) -> None:
    build(any_store)
    result = consolidate(any_store)
    panel = result.panel("3325")
    # S1 (3+5+4)/3 = 4 -> 75; S2 (4+4+1)/3 = 3 -> 50; I1 7/3 -> 33.33; I2 (5+4)/2 = 4.5 -> 87.5 (N/A left out);
    # P1 5/3 -> 16.67. STR = .6*75 + .4*50 = 65; INF = (33.33 + 87.5)/2 = 60.4167; SUP = 16.6667.
    assert panel.indicator("S1").combined == pytest.approx(4.0)
    assert panel.indicator("I2").combined == pytest.approx(4.5) and panel.indicator("I2").not_applicable == 1
    assert panel.dimension("STR").score == pytest.approx(65.0)
    assert panel.dimension("INF").score == pytest.approx(60.416667, abs=1e-6)
    assert panel.dimension("SUP").score == pytest.approx(16.666667, abs=1e-6)
    # total = .40*65 + .35*60.416667 + .25*16.666667 = 26 + 21.145833 + 4.166667
    assert panel.total == pytest.approx(51.3125)
    assert result.rule == "mean"
    # Spread: S1 3..5 and S2 1..4 differ by >= 2 levels; the others by 1.
    assert panel.flagged_indicators == ("S1", "S2")
    assert panel.indicator("S2").spread == 3 and panel.indicator("I1").spread == 1
    names = [result.data.assessors[i].name for i in panel.assessor_ids]
    assert dict(zip(names, panel.indicator_levels("I2"), strict=True)) == {"Ani": 5, "Budi": None, "Citra": 4}


def test_median_and_trimmed_by_hand(any_store) -> None:
    build(any_store, rule="median")
    result = consolidate(any_store)
    # S1 4 -> 75; S2 4 -> 75; I1 2 -> 25; I2 4.5 -> 87.5; P1 2 -> 25.
    # STR = 45 + 30 = 75; INF = 12.5 + 43.75 = 56.25; SUP = 25; total = 30 + 19.6875 + 6.25 = 55.9375
    assert result.rule == "median"
    assert result.panel("3325").total == pytest.approx(55.9375)
    # three levels: the trimmed mean keeps the middle one, the same as the median here
    trimmed = consolidate(any_store, rule="trimmed_mean")
    assert trimmed.rule == "trimmed_mean" and trimmed.panel("3325").total == pytest.approx(55.9375)


def test_unassessed_region_has_no_score(any_store) -> None:
    build(any_store)
    result = consolidate(any_store)
    empty = result.panel("3671")
    assert empty.total is None and empty.assessor_ids == () and all(d.score is None for d in empty.dimensions)
    assert [r.region.code for r in result.ranking] == ["3325", "3671"]
    assert result.ranking[1].rank is None


def test_whole_dimension_not_applicable_is_renormalised_away(any_store) -> None:
    builder = RoundBuilder(any_store, three_dimensions(), ["3325"])
    builder.assess("3325", "Ani", {"S1": 5, "S2": 5, "I1": 1, "I2": 1, "P1": NA})
    builder.assess("3325", "Budi", {"S1": 5, "S2": 5, "I1": 1, "I2": 1, "P1": NA})
    panel = consolidate(any_store).panel("3325")
    assert panel.dimension("SUP").score is None
    # (40*100 + 35*0) / 75
    assert panel.total == pytest.approx(4000 / 75)


def test_assessment_totals_equal_app_scoring(any_store) -> None:
    instrument = three_dimensions()
    builder = RoundBuilder(any_store, instrument, ["3325", "3671", "6303"])
    rng = np.random.default_rng(11)
    expected = {}
    for region in ["3325", "3671", "6303"]:
        for name in ["Ani", "Budi", "Citra", "Dedi"]:
            levels = {}
            for ind in instrument.indicators():
                draw = rng.random()
                levels[ind.code] = NA if draw < 0.15 else None if draw < 0.25 else int(rng.integers(1, 6))
            if region == "6303" and name == "Dedi":
                levels = {code: NA for code in levels}  # nothing counts: no total
            version = builder.assess(region, name, {k: v for k, v in levels.items() if v is not None})
            marks = {k: scoring.Mark(None if v in (NA, None) else v, v == NA) for k, v in levels.items()}
            expected[version] = scoring.summarize(instrument, marks).total
    data = load_round_data(any_store)
    totals = assessment_totals(data)
    for ref, total in zip(data.counted, totals.tolist(), strict=True):
        if expected[ref.version_id] is None:
            assert np.isnan(total)
        else:
            assert total == pytest.approx(expected[ref.version_id], abs=1e-9)
