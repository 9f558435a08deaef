"""Rounds at the edges: nothing scored yet, perfect agreement, one assessor, all not applicable."""

from __future__ import annotations

from pathlib import Path

from app.consolidation import consolidate
from app.consolidation.exports_csv import ranking_csv, scores_csv
from app.consolidation.exports_xlsx import ranking_xlsx
from app.consolidation.report_pdf import render_report
from tests.consolidation.builders import NA, RoundBuilder, three_dimensions


def _exports_work(result) -> None:
    assert ranking_csv(result) and scores_csv(result)
    assert ranking_xlsx(result).startswith(b"PK")
    assert render_report(result, "en").startswith(b"%PDF")
    assert render_report(result, "id").startswith(b"%PDF")


def test_round_with_nothing_scored(any_store) -> None:
    builder = RoundBuilder(any_store, three_dimensions(), ["3325", "3671"])
    builder.panel("Panel A", ["3325", "3671"], ["Ani", "Budi"])
    builder.assess_all("3325", "Ani", 3, status="draft")
    result = consolidate(any_store)
    assert [r.rank for r in result.ranking] == [None, None]
    assert result.agreement.round.alpha is None and result.agreement.icc.value is None
    assert all(not c.straddled and c.selected == () for c in result.cuts)
    assert all(len(c.missing) == 2 for c in result.coverage)
    _exports_work(result)


def test_perfect_agreement_has_undefined_alpha_and_no_flags(any_store) -> None:
    builder = RoundBuilder(any_store, three_dimensions(), ["3325", "3671", "6303"])
    for region in ["3325", "3671", "6303"]:
        for name in ["Ani", "Budi"]:
            builder.assess_all(region, name, 4)
    result = consolidate(any_store)
    assert result.agreement.round.alpha is None  # nothing varies: alpha is 0/0
    assert result.agreement.flagged_cells == 0
    assert [r.rank for r in result.ranking] == [1, 1, 1]  # all genuinely tied
    two = result.cut(2)  # the round's sizes are (2, 1): a three-way tie straddles both
    assert two.straddled and two.tied == ("3325", "3671", "6303") and two.open_places == 2
    _exports_work(result)


def test_single_assessor_and_all_not_applicable(any_store) -> None:
    builder = RoundBuilder(any_store, three_dimensions(), ["3325", "3671"])
    builder.assess("3325", "Ani", {"S1": 5, "S2": 1, "I1": 2, "I2": 3, "P1": 4})
    builder.assess("3671", "Ani", {code: NA for code in ["S1", "S2", "I1", "I2", "P1"]})
    result = consolidate(any_store)
    assert result.panel("3325").total is not None and result.panel("3671").total is None
    assert result.agreement.indicator("S1").alpha is None and result.agreement.indicator("S1").units == 0
    assert result.agreement.panels == ()
    _exports_work(result)


def test_trimmed_mean_with_many_assessors(any_store, tmp_path: Path) -> None:
    builder = RoundBuilder(any_store, three_dimensions(), ["3325"])
    for name, level in zip(["A", "B", "C", "D", "E"], [1, 1, 4, 5, 5], strict=True):
        builder.assess_all("3325", name, level)
    panel = consolidate(any_store, rule="trimmed_mean").panel("3325")
    assert panel.indicator("S1").combined == (1 + 4 + 5) / 3
    assert panel.indicator("S1").spread == 4 and panel.flagged_indicators == ("S1", "S2", "I1", "I2", "P1")
