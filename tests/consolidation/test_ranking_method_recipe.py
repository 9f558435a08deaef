"""docs/ranking-method.md §9.5 is runnable: its Python block, run as printed on an exported scores CSV, gets the app's
severities, region measures and adjusted panel scores."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

from app.consolidation import consolidate
from app.consolidation.exports_csv import scores_path_for, write_ranking_csv, write_scores_csv
from tests.consolidation.test_adjusted_rule import linked_round
from tests.consolidation.test_calibration_view import calibrated_round
from tests.consolidation.test_exports_csv import build_round

DOC = Path(__file__).resolve().parents[2] / "docs" / "ranking-method.md"


def recipe() -> str:
    section = DOC.read_text(encoding="utf-8").split("### 9.5 Recomputing from the scores CSV", 1)[1]
    section = section.split("\n### ", 1)[0]
    (block,) = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    return block


@pytest.mark.parametrize("build", [linked_round, build_round, calibrated_round])
def test_the_documented_recipe_gets_the_apps_numbers(store, tmp_path: Path, build) -> None:
    build(store)
    result = consolidate(store, rule="adjusted")
    ranking = write_ranking_csv(result, tmp_path / "ranking.csv")
    write_scores_csv(result, scores_path_for(ranking))
    assert scores_path_for(ranking).name == "ranking-scores.csv"  # the file name the recipe reads
    namespace: dict = {"__name__": "__main__"}
    here = os.getcwd()
    printed = io.StringIO()
    try:
        os.chdir(tmp_path)
        with contextlib.redirect_stdout(printed):
            exec(compile(recipe(), str(DOC), "exec"), namespace)  # noqa: S102 - the documented recipe, as printed
    finally:
        os.chdir(here)
    fit = result.severity
    assert fit is not None
    assert namespace["severity"] == pytest.approx(fit.severities(), abs=1e-6)
    assert namespace["measure"] == pytest.approx({c.candidate_id: c.measure for c in fit.candidates}, abs=1e-6)
    app_panel = {p.region.code: p.total for p in result.panels if p.total is not None}
    assert namespace["panel"].to_dict() == pytest.approx(app_panel, abs=1e-6)
    assert "severity (points)" in printed.getvalue()
