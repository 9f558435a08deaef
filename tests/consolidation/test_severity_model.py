"""The severity model on plain arrays: the same estimates and standard errors as statsmodels' OLS, the
simulated severities recovered, islands named, erratic and halo assessors flagged."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

from app.consolidation.severity import NotConnected, connectedness, fit_severity
from app.consolidation.severity.data import from_levels
from app.consolidation.severity.model import ERRATIC, HALO
from benchmarks.simulate_ranking import LINKED, UNLINKED, simulate_round


def observations_of(levels, candidates, assessors, n_indicators: int = 15):
    n_c, n_a = int(np.max(candidates)) + 1, int(np.max(assessors)) + 1
    return from_levels(levels, candidates, assessors, [f"c{k:03d}" for k in range(n_c)],
                       [f"a{k:02d}" for k in range(n_a)], [f"i{k:02d}" for k in range(n_indicators)],
                       [1] * n_indicators, [5] * n_indicators)


def simulated(seed: int, design: str = LINKED, sd: float = 0.5, candidates: int = 116, assessors: int = 15):
    sim = simulate_round(np.random.default_rng(seed), design, sd, 15, candidates=candidates, assessors=assessors)
    return sim, observations_of(sim.levels, sim.candidate_of_row, sim.assessor_of_row)


def test_estimates_and_standard_errors_equal_statsmodels_ols() -> None:
    sim, obs = simulated(3, candidates=24, assessors=6)
    fit = fit_severity(obs)
    frame = pd.DataFrame(list(obs.rows()), columns=["candidate", "assessor", "indicator", "level", "y"])
    ols = smf.ols("y ~ C(candidate, Sum) + C(indicator, Sum) + C(assessor, Sum)", frame).fit()
    assert fit.mean == pytest.approx(ols.params["Intercept"])
    assert fit.residual_sd == pytest.approx(np.sqrt(ols.scale))
    # statsmodels' Sum coding reports every level but the last, as a deviation from the mean: + easiness, − severity
    for k, assessor in enumerate(fit.assessors[:-1]):
        assert assessor.severity == pytest.approx(-ols.params[f"C(assessor, Sum)[S.a{k:02d}]"])
        assert assessor.se == pytest.approx(ols.bse[f"C(assessor, Sum)[S.a{k:02d}]"])
    assert sum(a.severity for a in fit.assessors) == pytest.approx(0.0, abs=1e-9)
    for k, candidate in enumerate(fit.candidates[:-1]):
        assert candidate.measure - fit.mean == pytest.approx(ols.params[f"C(candidate, Sum)[S.c{k:03d}]"])
    for k, indicator in enumerate(fit.indicators[:-1]):
        assert indicator.difficulty == pytest.approx(-ols.params[f"C(indicator, Sum)[S.i{k:02d}]"])


def test_simulated_severities_are_recovered_with_their_sign() -> None:
    sim, obs = simulated(11)
    fit = fit_severity(obs)
    estimated = np.array([a.severity_levels for a in fit.assessors])
    truth = sim.severity - sim.severity.mean()
    assert np.corrcoef(estimated, truth)[0, 1] > 0.95
    assert np.max(np.abs(estimated - truth)) < 0.2  # rubric levels; rounding and clipping shrink them a little
    assert all(0 < a.se < 2 for a in fit.assessors)  # points
    measures = np.array([c.measure for c in fit.candidates])
    assert np.corrcoef(measures, sim.readiness)[0, 1] > 0.95


def test_unlinked_panels_are_islands_and_the_fit_is_refused() -> None:
    sim, obs = simulated(5, design=UNLINKED)
    islands = connectedness(obs).islands
    assert len(islands) == 3
    for island in islands:  # each island is one fixed panel: its assessors scored exactly its candidates
        members = {obs.assessor_ids.index(a) for a in island.assessor_ids}
        rows = np.isin(sim.assessor_of_row, list(members))
        assert {f"c{c:03d}" for c in sim.candidate_of_row[rows]} == set(island.candidate_ids)
    assert sum(len(i.candidate_ids) for i in islands) == 116
    with pytest.raises(NotConnected) as refused:
        fit_severity(obs)
    assert refused.value.islands == islands
    _, linked = simulated(5, design=LINKED)
    assert connectedness(linked).connected


def test_erratic_and_halo_assessors_are_flagged() -> None:
    sim, obs = simulated(8, sd=0.3)
    rng = np.random.default_rng(1)
    levels = sim.levels.copy()
    erratic = sim.assessor_of_row == 0
    levels[erratic] = np.clip(levels[erratic] + rng.integers(-2, 3, levels[erratic].shape), 1, 5)
    halo = sim.assessor_of_row == 1  # one level for every indicator of a candidate: their overall impression
    levels[halo] = np.round(levels[halo].mean(axis=1, keepdims=True)).repeat(levels.shape[1], axis=1)
    fit = fit_severity(observations_of(levels, sim.candidate_of_row, sim.assessor_of_row))
    flags = {a.assessor_id: a.flag for a in fit.assessors}
    assert flags["a00"] == ERRATIC and fit.assessor("a00").mean_square > 1.5
    assert flags["a01"] == HALO and fit.assessor("a01").indicator_spread < 0.5
    assert [ident for ident, flag in flags.items() if flag] == ["a00", "a01"]
