"""CSV exports, and an independent recomputation of the ranking from the two CSV files alone.

``recompute`` below uses only the csv module and the method as docs/ranking-method.md states it;
it does not import anything from app.consolidation.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from pathlib import Path

import pytest

from app.consolidation import consolidate, set_moderation
from app.consolidation.exports_csv import scores_path_for, write_ranking_csv, write_scores_csv
from tests.consolidation.builders import NA, RoundBuilder, three_dimensions

# -- the independent recomputation ---------------------------------------------------------------


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _combine(rule: str, values: list[float]) -> float | None:
    values = sorted(values)
    n = len(values)
    if n == 0:
        return None
    if rule in ("mean", "adjusted"):  # adjusted: the levels were corrected for severity first
        return sum(values) / n
    if rule == "median":
        return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2
    if rule == "trimmed_mean":
        return sum(values[1:-1]) / (n - 2) if n >= 3 else sum(values) / n
    raise AssertionError(rule)


def recompute(ranking_file: Path, scores_file: Path,
              severity: dict[str, float] | None = None) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(region code, rank, panel score, shortlist marks) in ranking order, from the CSVs only.

    ``severity`` (the adjusted rule): each assessor's severity in points, fitted independently from the
    scores CSV (test_adjusted_rule.py); each level is raised by it, converted to the indicator's levels.
    """
    ranking = _read(ranking_file)
    rule = ranking[0]["aggregation_rule"]
    sizes = [int(name.split("_", 1)[1]) for name in ranking[0] if name.startswith("shortlist_")]
    dimensions: dict[str, tuple[int, float]] = {}
    indicators: dict[str, tuple[str, float, int, int]] = {}
    levels: dict[tuple[str, str], list[float]] = defaultdict(list)
    moderated: dict[tuple[str, str], int] = {}
    for row in _read(scores_file):
        dimensions[row["dimension_code"]] = (int(row["dimension_position"]), float(row["dimension_weight"]))
        indicators[row["indicator_code"]] = (row["dimension_code"], float(row["indicator_weight"]),
                                             int(row["min_level"]), int(row["max_level"]))
        key = (row["region_code"], row["indicator_code"])
        if row["source"] == "moderation":
            moderated[key] = int(row["level"])
        elif row["counted"] == "yes" and row["not_applicable"] == "no":
            shift = (severity or {}).get(row["assessor_id"], 0.0) * (int(row["max_level"]) - int(row["min_level"])) / 100
            levels[key].append(int(row["level"]) + shift)
    order = sorted(dimensions, key=lambda code: dimensions[code][0])

    def weighted(pairs: list[tuple[float, float]]) -> float | None:
        weight = sum(w for w, _ in pairs)
        return sum(w * v for w, v in pairs) / weight if pairs and weight > 0 else None

    results = {}
    for row in ranking:
        region = row["region_code"]
        dim_scores = {}
        for dim in order:
            pairs = []
            for code, (dim_code, weight, low, high) in indicators.items():
                if dim_code != dim:
                    continue
                value = moderated.get((region, code), _combine(rule, levels.get((region, code), [])))
                if value is not None:
                    pairs.append((weight, (value - low) / (high - low) * 100))
            dim_scores[dim] = weighted(pairs)
        total = weighted([(dimensions[d][1], s) for d, s in dim_scores.items() if s is not None])
        results[region] = (total, [dim_scores[d] for d in order])

    def key(region: str) -> tuple[float, ...]:
        total, dims = results[region]
        return tuple(-math.inf if v is None else round(v, 6) for v in (total, *dims))

    scored = sorted((r for r in results if results[r][0] is not None), key=lambda r: (tuple(-v for v in key(r)), r))
    unscored = sorted(r for r in results if results[r][0] is None)
    rank = {r: 1 + sum(1 for other in scored if key(other) > key(r)) for r in scored}
    group = {r: sum(1 for other in scored if key(other) == key(r)) for r in scored}
    out = []
    for region in [*scored, *unscored]:
        marks = []
        for size in sizes:
            if region not in rank:
                marks.append("no")
            elif rank[region] + group[region] - 1 <= size:
                marks.append("yes")
            elif rank[region] <= size:
                marks.append("tie")
            else:
                marks.append("no")
        total = results[region][0]
        out.append((region, str(rank.get(region, "")), "" if total is None else f"{total:.6f}", tuple(marks)))
    return out


def exported(ranking_file: Path) -> list[tuple[str, str, str, tuple[str, ...]]]:
    rows = _read(ranking_file)
    sizes = [name for name in rows[0] if name.startswith("shortlist_")]
    return [(r["region_code"], r["rank"], r["panel_score"], tuple(r[s] for s in sizes)) for r in rows]


# -- a round with every case in it ---------------------------------------------------------------

REGIONS = ["1101", "1102", "1103", "1104", "1105", "1106", "1107", "1108", "1109", "1110"]


def build_round(store) -> RoundBuilder:
    b = RoundBuilder(store, three_dimensions(), REGIONS, sizes=(6, 3))
    b.panel("Panel A", REGIONS, ["Ani", "Budi", "Citra"])
    full = {"S1": 4, "S2": 3, "I1": 5, "I2": 2, "P1": 3}
    # 1101 / 1102: genuinely equal (same levels) - they straddle the shortlist of 3 together with 1103
    for region in ["1101", "1102", "1103"]:
        for name in ["Ani", "Budi", "Citra"]:
            b.assess(region, name, {"S1": 5, "S2": 5, "I1": 4, "I2": 4, "P1": 3})
    # 1104: higher total than the three above
    for name in ["Ani", "Budi", "Citra"]:
        b.assess("1104", name, {"S1": 5, "S2": 5, "I1": 5, "I2": 5, "P1": 4})
    # 1105 and 1106: the same panel score 48.75, separated by Struktur (100 against 75):
    # 1105 = .40*100 + .35*25 + .25*0; 1106 = .40*75 + .35*0 + .25*75
    b.assess("1105", "Ani", {"S1": 5, "S2": 5, "I1": 2, "I2": 2, "P1": 1})
    b.assess("1106", "Ani", {"S1": 4, "S2": 4, "I1": 1, "I2": 1, "P1": 4})
    b.assess("1106", "Budi", {"S1": 4, "S2": 4, "I1": 1, "I2": 1, "P1": 4})
    # 1107: disagreement, N/A, a draft that must not count, a moderated indicator
    b.assess("1107", "Ani", {"S1": 1, "S2": 3, "I1": NA, "I2": 2, "P1": 5})
    b.assess("1107", "Budi", {"S1": 4, "S2": 3, "I1": 3, "I2": 2, "P1": 4})
    b.assess("1107", "Citra", {"S1": 5, "S2": 4, "I1": 3, "I2": 1, "P1": 1}, status="draft")
    # 1108 - 1109: ordinary; 1110: nothing counted
    for name, shift in [("Ani", 0), ("Budi", 1), ("Citra", -1)]:
        b.assess("1108", name, {k: max(1, min(5, v + shift)) for k, v in full.items()})
        b.assess("1109", name, {k: max(1, min(5, v - 1 + shift)) for k, v in full.items()}, status="signed")
    b.assess("1110", "Ani", full, status="draft")
    set_moderation(store, b.round_id, "1107", "S1", 3, "bukti mendukung tingkat 3", "Koordinator <1>")
    return b


@pytest.mark.parametrize("rule", ["mean", "median", "trimmed_mean"])
def test_ranking_recomputed_from_the_csvs_alone(any_store, tmp_path: Path, rule: str) -> None:
    build_round(any_store)
    result = consolidate(any_store, rule=rule)
    ranking_file = write_ranking_csv(result, tmp_path / "ranking.csv")
    scores_file = write_scores_csv(result, scores_path_for(ranking_file))
    assert scores_file.name == "ranking-scores.csv"
    assert recompute(ranking_file, scores_file) == exported(ranking_file)


def test_ranking_csv_contents(any_store, tmp_path: Path) -> None:
    build_round(any_store)
    result = consolidate(any_store)
    rows = _read(write_ranking_csv(result, tmp_path / "r.csv"))
    assert list(rows[0])[:7] == ["position", "rank", "region_code", "region_name", "kind", "province", "panel_score"]
    assert {"STR_score", "INF_score", "SUP_score", "shortlist_6", "shortlist_3", "aggregation_rule"} <= set(rows[0])
    by = {r["region_code"]: r for r in rows}
    assert [r["region_code"] for r in rows][:4] == ["1104", "1101", "1102", "1103"]
    assert (by["1101"]["rank"], by["1102"]["rank"], by["1103"]["rank"]) == ("2", "2", "2")
    assert by["1101"]["tied_with"] == "1102;1103" and by["1101"]["shortlist_3"] == "tie"
    assert by["1104"]["shortlist_3"] == "yes" and by["1101"]["shortlist_6"] == "yes"
    assert by["1105"]["score_tied"] == "yes" and by["1105"]["tied_with"] == ""
    assert by["1105"]["panel_score"] == by["1106"]["panel_score"] == "48.750000"
    assert int(by["1105"]["rank"]) + 1 == int(by["1106"]["rank"])  # Struktur decides
    assert by["1107"]["moderated_codes"] == "S1" and by["1107"]["flagged_codes"] == "S1"
    assert (by["1107"]["assessors"], by["1107"]["panel_assessors"], by["1107"]["missing"]) == ("2", "3", "1")
    assert by["1110"]["rank"] == "" and by["1110"]["panel_score"] == "" and rows[-1]["region_code"] == "1110"
    assert {r["aggregation_rule"] for r in rows} == {"mean"}
    # hand check of one panel score: 1104 = levels 5,5,5,5,4 -> 100,100,100,100,75 -> total .40*100+.35*100+.25*75
    assert by["1104"]["panel_score"] == "93.750000"


def test_scores_csv_has_every_level_and_the_moderation(any_store, tmp_path: Path) -> None:
    build_round(any_store)
    rows = _read(write_scores_csv(consolidate(any_store), tmp_path / "s.csv"))
    s1_1107 = [r for r in rows if r["region_code"] == "1107" and r["indicator_code"] == "S1"]
    assert sorted((r["source"], r["assessor_name"], r["level"], r["counted"]) for r in s1_1107) == [
        ("assessor", "Ani", "1", "yes"), ("assessor", "Budi", "4", "yes"), ("assessor", "Citra", "5", "no"),
        ("moderation", "Koordinator <1>", "3", "yes")]
    draft = [r for r in s1_1107 if r["assessor_name"] == "Citra"][0]
    assert (draft["status"], draft["excluded_reason"]) == ("draft", "draft")
    assert [r for r in s1_1107 if r["source"] == "moderation"][0]["moderation_reason"] == "bukti mendukung tingkat 3"
    na = [r for r in rows if r["region_code"] == "1107" and r["indicator_code"] == "I1" and r["assessor_name"] == "Ani"]
    assert na[0]["not_applicable"] == "yes" and na[0]["level"] == ""
    first = rows[0]
    assert (first["dimension_code"], first["dimension_weight"], first["indicator_weight"], first["max_level"]) == (
        "STR", "40", "60", "5")


def test_demo_round_recomputes(tmp_path: Path) -> None:
    """The realistic demo round (116 regions, 2018 instrument) recomputes to the same order."""
    from app.rounds.demo import build_demo
    from app.store import open_store

    store = open_store(tmp_path / "demo")
    try:
        build_demo(store, regions_count=116, assessors_count=6)
        result = consolidate(store)
        ranking_file = write_ranking_csv(result, tmp_path / "demo.csv")
        scores_file = write_scores_csv(result, scores_path_for(ranking_file))
        assert len(exported(ranking_file)) == 116
        assert recompute(ranking_file, scores_file) == exported(ranking_file)
    finally:
        store.close()
