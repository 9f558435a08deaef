"""One region in detail, moderation in one call, and the ranking written in each format: the core
functions the coordinator window runs off its GUI thread, here without Qt."""

from __future__ import annotations

import csv

import pytest

from app.consolidation import consolidate, list_moderations, moderate
from app.consolidation.detail import region_detail
from app.consolidation.export import FORMATS, export_ranking
from tests.consolidation.test_panel_scores import LEVELS, build

COORDINATOR = "Rina Koordinator <197001011995032001>"


def test_moderate_sets_and_clears_and_says_whether_anything_changed(any_store) -> None:
    rid = build(any_store).round_id
    assert moderate(any_store, rid, "3325", "S2", None, "nothing to clear", COORDINATOR) is False
    assert moderate(any_store, rid, "3325", "S2", 2, "evidence supports 2", COORDINATOR) is True
    assert [(m.indicator_code, m.level) for m in list_moderations(any_store, rid)] == [("S2", 2)]
    assert moderate(any_store, rid, "3325", "S2", None, "panel level again", COORDINATOR) is True
    assert list_moderations(any_store, rid) == []


def test_region_detail_puts_each_assessors_level_beside_the_panels_figures(any_store) -> None:
    rid = build(any_store).round_id
    moderate(any_store, rid, "3325", "S2", 2, "evidence supports 2", COORDINATOR)
    c = consolidate(any_store)
    detail = region_detail(any_store, c, "3325", lang="en")
    assert detail.round_id == rid and detail.region.code == "3325"
    assert [a.name for a in detail.assessors] == ["Ani", "Budi", "Citra"]  # by name
    s2 = next(i for i in detail.indicators if i.code == "S2")
    assert [lvl.level for lvl in s2.levels] == [LEVELS[name]["S2"] for name in ("Ani", "Budi", "Citra")]
    assert (s2.combined, s2.moderated, s2.used, s2.moderation_reason) == (3.0, 2, 2.0, "evidence supports 2")
    i2 = next(i for i in detail.indicators if i.code == "I2")
    assert [lvl.not_applicable for lvl in i2.levels] == [False, True, False]  # Budi: not applicable
    assert detail.total == pytest.approx(c.panel("3325").total)
    assert detail.rank == 1
    assert [(e.indicator_code, e.new_level) for e in detail.history] == [("S2", 2)]
    assert region_detail(any_store, c, "3671").assessors == ()  # a candidate nobody scored


def test_the_ranking_is_written_in_each_format(any_store, tmp_path) -> None:
    build(any_store)
    c = consolidate(any_store)
    ranking, scores = export_ranking(c, tmp_path / "ranking.csv", "csv")
    with ranking.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert any("3325" in row for row in rows[1:])
    assert scores != ranking and scores.exists()
    (xlsx,) = export_ranking(c, tmp_path / "ranking.xlsx", "xlsx", lang="id")
    assert xlsx.read_bytes()[:2] == b"PK"
    (pdf,) = export_ranking(c, tmp_path / "ranking.pdf", "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert FORMATS == ("csv", "xlsx", "pdf")
    with pytest.raises(ValueError, match="unknown export format"):
        export_ranking(c, tmp_path / "ranking.ods", "ods")
