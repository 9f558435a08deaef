"""The vectorised consolidation (issue 17: one aggregated read, numpy over all regions) gives exactly
the consolidation the scalar code gave, on a demo round with the awkward cases added: a moderated
level, "not applicable" scores, an unscored indicator, a code outside the instrument, a draft, a
conflict and a duplicate. ``reference.py`` is that scalar code; equality is exact, not approximate.
"""

from __future__ import annotations

import numpy as np
import pytest
from sqlmodel import select

from app.consolidation import consolidate, load_round_data, set_moderation
from app.consolidation.agreement import level_counts
from app.consolidation.coverage import coverage
from app.consolidation.panel_scores import panel_scores
from app.consolidation.ranking import RankEntry, rank_entries
from app.consolidation.rules import AggregationRule
from app.models.tables import Assessment, Score
from app.rounds.demo import build_demo
from app.store import open_store
from tests.consolidation import reference


def _copy(session, ref, **changes) -> None:
    """Another version of an assessment with the same scores (a conflict or a duplicate record)."""
    source = session.get(Assessment, ref.version_id)
    copy = Assessment(round_id=source.round_id, region_code=source.region_code, assessor_id=source.assessor_id,
                      instrument_hash=source.instrument_hash, status="final", **changes)
    session.add(copy)
    session.flush()
    for score in session.exec(select(Score).where(Score.version_id == ref.version_id)).all():
        session.add(Score(version_id=copy.version_id, indicator_code=score.indicator_code,
                          level=None if score.level is None else min(5, score.level + 1),
                          not_applicable=score.not_applicable))


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("equivalence") / "store")
    round_id = build_demo(store, regions_count=40, assessors_count=6, seed=17).round_id
    data = load_round_data(store, round_id)
    regions = [r.code for r in data.regions]
    first, last = data.indicator_codes[0], data.indicator_codes[-1]
    with store.transaction() as session:
        refs = [ref for ref in data.counted if ref.region_code == regions[0]]
        na = session.get(Score, (refs[0].version_id, first))
        na.level, na.not_applicable = None, True
        session.add(na)
        unscored = session.get(Score, (refs[1].version_id, last))
        unscored.level = None
        session.add(unscored)
        session.add(Score(version_id=refs[0].version_id, indicator_code="ZZ-99", level=4))  # not the instrument's
        other = [ref for ref in data.counted if ref.region_code == regions[1]]
        session.get(Assessment, other[0].version_id).in_conflict = True
        _copy(session, other[0], in_conflict=True)
        duplicate = [ref for ref in data.counted if ref.region_code == regions[2]][0]
        _copy(session, duplicate)
    set_moderation(store, round_id, regions[3], first, 1, "checked the evidence again", "Koordinator")
    set_moderation(store, round_id, regions[4], last, 5, "checked the evidence again", "Koordinator")
    yield store, round_id
    store.close()


def test_levels_read_in_one_query_match_one_row_per_score(demo) -> None:
    store, round_id = demo
    data = load_round_data(store, round_id)
    levels, na, excluded = reference.score_rows(store, data)
    assert np.array_equal(data.levels, levels, equal_nan=True)
    assert np.array_equal(data.not_applicable, na)
    assert data.not_applicable.any() and np.isnan(data.levels).any()
    assert data.excluded_levels == excluded and len(excluded) >= 4  # two conflicting, two duplicates
    assert {ref.excluded for ref in data.assessments} >= {"", "draft", "conflict", "duplicate"}


@pytest.mark.parametrize("rule", [AggregationRule.MEAN, AggregationRule.MEDIAN, AggregationRule.TRIMMED_MEAN,
                                  AggregationRule.ADJUSTED])
def test_panels_equal_the_scalar_computation(demo, rule) -> None:
    store, round_id = demo
    data = load_round_data(store, round_id)
    shifts = None
    if rule is AggregationRule.ADJUSTED:  # any shifts will do: the adjustment itself is the severity model's
        shifts = np.random.default_rng(17).normal(0.0, 0.4, data.levels.shape)
    panels = panel_scores(data, rule, shifts)
    expected = reference.panel_scores(data, rule, shifts)
    assert [p.region.code for p in panels] == [e["region"] for e in expected]
    for panel, want in zip(panels, expected, strict=True):
        assert panel.total == want["total"]
        assert [(d.code, d.score) for d in panel.dimensions] == want["dimensions"]
        assert [vars(i) for i in panel.indicators] == want["indicators"]
        assert panel.flagged_indicators == want["flagged"]
        assert panel.moderated_indicators == want["moderated"]
    assert any(p.moderated_indicators for p in panels) and any(p.flagged_indicators for p in panels)


def test_counts_coverage_and_ranking_equal_the_scalar_computation(demo) -> None:
    store, round_id = demo
    data = load_round_data(store, round_id)
    counts, _ = level_counts(data)
    assert np.array_equal(counts, reference.level_counts(data))
    got = [(c.region.code, tuple(tuple(a) for a in c.assessors)) for c in coverage(data)]
    assert got == reference.coverage(data)
    result = consolidate(store, round_id)
    entries = [RankEntry(p["region"], p["total"], tuple(score for _, score in p["dimensions"]))
               for p in reference.panel_scores(data, AggregationRule.MEAN)]
    placed, cuts = rank_entries(entries, result.shortlist_sizes)
    assert [(r.region.code, r.rank, r.total, r.tied_with, r.shortlist) for r in result.ranking] == \
        [(p.code, p.rank, next(e.total for e in entries if e.code == p.code), p.tied_with,
          tuple(zip(result.shortlist_sizes, p.shortlist, strict=True))) for p in placed]
    assert result.cuts == cuts
