"""The adjusted rule on a store: a severe panel's regions move back to their true place, an unlinked round is
refused with the reason, the CLI and the exports say which rule made the ranking."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf
from openpyxl import load_workbook

from app.cli import main
from app.consolidation import consolidate
from app.consolidation.exports_csv import scores_path_for, write_ranking_csv, write_scores_csv
from app.consolidation.severity.adjust import AdjustmentRefused
from tests.consolidation.builders import RoundBuilder, three_dimensions
from tests.consolidation.test_exports_csv import build_round, exported, recompute

CODES = ("S1", "S2", "I1", "I2", "P1")
EASINESS = (0, 1, -1, 0, 1)  # per indicator, in levels
BASE = {"1101": 3, "1102": 2, "1103": 4, "1104": 4}  # true readiness, in levels
SEVERE = 2  # panel B's assessors score two levels below what the others give


def levels(region: str, severity: int = 0) -> dict[str, int | str | None]:
    return {code: BASE[region] + e - severity for code, e in zip(CODES, EASINESS, strict=True)}


def linked_round(store) -> RoundBuilder:
    """Panel A (Ani, Agus) sees 1101-1102, panel B (Bayu, Bela, severe) 1103-1104; Xena sits on 1102 and 1103."""
    b = RoundBuilder(store, three_dimensions(), list(BASE), sizes=(2,))
    b.panel("Panel A", ["1101", "1102"], ["Ani", "Agus"])
    b.panel("Panel B", ["1103", "1104"], ["Bayu", "Bela"])
    for region in ("1101", "1102"):
        for name in ("Ani", "Agus"):
            b.assess(region, name, levels(region))
    for region in ("1103", "1104"):
        for name in ("Bayu", "Bela"):
            b.assess(region, name, levels(region, SEVERE))
    b.assess("1102", "Xena", levels("1102"))
    b.assess("1103", "Xena", levels("1103"))
    return b


def test_a_severe_panel_is_corrected(any_store) -> None:
    linked_round(any_store)
    raw = consolidate(any_store, rule="mean")
    adjusted = consolidate(any_store, rule="adjusted")
    order = lambda c: [r.region.code for r in c.ranking]  # noqa: E731
    assert order(raw)[0] == "1101"  # the raw mean puts a region of the lenient panel first...
    assert raw.cut(2).selected == ("1101", "1103")  # ...and takes it onto the shortlist of 2
    assert adjusted.cut(2).selected == ("1103", "1104")  # the two truly best, equally ready: tied, both in
    assert adjusted.ranking[0].tied_with == ("1104",)
    assert order(adjusted) == ["1103", "1104", "1101", "1102"]
    fit = adjusted.severity
    assert fit is not None and raw.severity is None
    by_name = {adjusted.data.assessors[a.assessor_id].name: a for a in fit.assessors}
    assert by_name["Bayu"].severity_levels - by_name["Ani"].severity_levels == pytest.approx(SEVERE)
    assert by_name["Xena"].severity_levels == pytest.approx(by_name["Agus"].severity_levels)
    # every level is corrected by the same amount here, so the adjusted score is the truth's less that constant
    shift = by_name["Ani"].severity_levels * 25  # points per level on a 1-5 rubric
    truth = raw.panel("1101").total  # panel A is not severe: its raw score is the truth
    assert adjusted.panel("1101").total == pytest.approx(truth + shift)
    assert adjusted.panel("1104").total - adjusted.panel("1101").total == pytest.approx(25.0)


def test_existing_rules_ignore_severity(any_store) -> None:
    linked_round(any_store)
    for rule in ("mean", "median", "trimmed_mean"):
        assert consolidate(any_store, rule=rule).severity is None


def unlinked_round(store) -> RoundBuilder:
    b = RoundBuilder(store, three_dimensions(), list(BASE), sizes=(2,))
    b.panel("Panel A", ["1101", "1102"], ["Ani", "Agus"])
    b.panel("Panel B", ["1103", "1104"], ["Bayu", "Bela"])
    for region, names in (("1101", ("Ani", "Agus")), ("1102", ("Ani", "Agus")), ("1103", ("Bayu", "Bela")),
                          ("1104", ("Bayu", "Bela"))):
        for name in names:
            b.assess(region, name, levels(region))
    return b


def test_an_unlinked_round_is_refused_with_its_islands(any_store) -> None:
    unlinked_round(any_store)
    with pytest.raises(AdjustmentRefused) as refused:
        consolidate(any_store, rule="adjusted")
    message = str(refused.value)
    assert "2 groups that scored no region in common" in message
    assert "group 1: Panel A — Agus, Ani (2 regions)" in message and "group 2: Panel B — Bayu, Bela (2 regions)" in message
    assert [set(i.candidate_ids) for i in refused.value.islands] == [{"1101", "1102"}, {"1103", "1104"}]
    assert consolidate(any_store, rule="mean").ranking  # the other rules still rank it


def run(data_dir: Path, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), *argv])


def test_cli_refuses_an_unlinked_round_in_one_line(store, tmp_path: Path, capsys) -> None:
    unlinked_round(store)
    out = tmp_path / "r.csv"
    assert run(store.data_dir, "ranking", "--out", str(out), "--rule", "adjusted") == 1
    err = capsys.readouterr().err
    assert err.startswith("nilai: ") and "refused" in err and "Bayu, Bela" in err and err.count("\n") == 1
    assert not out.exists() and not (tmp_path / "r-scores.csv").exists()


def test_cli_adjusted_ranking_and_its_exports_name_the_rule(store, tmp_path: Path, capsys) -> None:
    linked_round(store)
    assert run(store.data_dir, "ranking", "--out", str(tmp_path / "r.csv"), "--rule", "adjusted") == 0
    stdout = capsys.readouterr().out
    assert "rule: adjusted" in stdout and "assessor severity" in stdout
    assert stdout.index("Ani") < stdout.index("Bayu")  # listed from lenient to severe
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["aggregation_rule"] for row in rows} == {"adjusted"}
    assert [row["region_code"] for row in rows] == ["1103", "1104", "1101", "1102"]
    assert run(store.data_dir, "--lang", "en", "ranking", "--out", str(tmp_path / "r.xlsx"), "--rule", "adjusted",
               "--report-lang", "en") == 0
    method = load_workbook(tmp_path / "r.xlsx")["Method"]
    texts = {row[0]: row[1] for row in method.iter_rows(values_only=True) if row and row[0]}
    assert "adjusted for assessor severity" in texts["Combining the panel"]
    severity = texts["Assessor severity"]
    assert ("(Bayu, most severe)" in severity or "(Bela, most severe)" in severity) and "+1.20 levels" in severity
    assert severity.endswith("Fit flags (erratic, halo): –.")  # levels the model explains exactly: no misfit
    assert run(store.data_dir, "ranking", "--out", str(tmp_path / "r.pdf"), "--rule", "adjusted", "--json") == 0
    assert '"rule": "adjusted"' in capsys.readouterr().out


def severities_from_scores_csv(path: Path) -> dict[str, float]:
    """The method of docs/ranking-method.md §9 with statsmodels, on the exported scores CSV alone."""
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype={"region_code": str, "assessor_id": str})
    frame = frame[(frame.source == "assessor") & (frame.counted == "yes") & (frame.not_applicable == "no")].copy()
    frame["y"] = (frame.level - frame.min_level) / (frame.max_level - frame.min_level) * 100
    fit = smf.ols("y ~ C(region_code, Sum) + C(indicator_code, Sum) + C(assessor_id, Sum)", frame).fit()
    assessors = sorted(frame.assessor_id.unique())
    effects = {a: fit.params[f"C(assessor_id, Sum)[S.{a}]"] for a in assessors[:-1]}
    effects[assessors[-1]] = -sum(effects.values())  # sum-to-zero: the last is minus the sum of the others
    return {a: -effect for a, effect in effects.items()}  # severity = minus the assessor's effect


@pytest.mark.parametrize("build", [linked_round, build_round])
def test_adjusted_ranking_recomputed_from_the_csvs_with_statsmodels(store, tmp_path: Path, build) -> None:
    build(store)
    result = consolidate(store, rule="adjusted")
    ranking_file = write_ranking_csv(result, tmp_path / "ranking.csv")
    scores_file = write_scores_csv(result, scores_path_for(ranking_file))
    severity = severities_from_scores_csv(scores_file)
    assert result.severity is not None
    assert severity == pytest.approx(result.severity.severities())
    assert recompute(ranking_file, scores_file, severity) == exported(ranking_file)


def test_the_long_table_holds_only_counted_assessor_levels(store) -> None:
    from app.consolidation import load_round_data
    from app.consolidation.severity import observations

    build_round(store)  # with a "not applicable", a draft that does not count and a moderated level
    data = load_round_data(store)
    rows = list(observations(data).rows())
    names = {ident: info.name for ident, info in data.assessors.items()}
    of_1107 = sorted((names[a], i, level) for c, a, i, level, _ in rows if c == "1107")
    assert ("Ani", "S1", 1) in of_1107 and ("Budi", "S1", 4) in of_1107  # the assessors' own S1, not the moderation
    assert not [r for r in of_1107 if r[0] == "Citra"]  # her 1107 is a draft
    assert ("Ani", "I1") not in {(n, i) for n, i, _ in of_1107}  # "not applicable" is no observation
    assert len(rows) == int((~np.isnan(data.levels)).sum())
    assert all(value == (level - 1) * 25 for _, _, _, level, value in rows)  # levels 1-5 on 0-100


def test_scores_a_little_outside_0_100_fall_in_the_end_bins_of_the_report_histogram() -> None:
    from app.consolidation.report_charts import score_bins

    bins = score_bins([-0.3, 0.0, 4.99, 50.0, 99.9, 100.0, 101.2])
    assert bins[0] == 3 and bins[10] == 1 and bins[19] == 3 and sum(bins) == 7
