"""The severity model's normal equations with the candidates absorbed equal the whole X'X solved at once,
and every standard error (assessors, indicators, candidate measures) equals statsmodels' OLS on a round
with uneven counts (levels missing here and there, panels of different sizes)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

from app.consolidation.severity import fit_severity
from app.consolidation.severity.data import from_levels
from app.consolidation.severity.normal import solve


def uneven_round(seed: int, n_c: int = 18, n_a: int = 5, n_i: int = 7):
    """Each candidate scored by 2-4 of the assessors (a rotating seat links them), a tenth of the levels missing."""
    rng = np.random.default_rng(seed)
    cand, ass = [], []
    for k in range(n_c):
        seated = sorted({k % n_a, *rng.choice(n_a, size=int(rng.integers(1, 4)), replace=False).tolist()})
        cand += [k] * len(seated)
        ass += seated
    c, a = np.array(cand), np.array(ass)
    readiness, severity, difficulty = rng.normal(0, 1, n_c), rng.normal(0, 0.4, n_a), rng.normal(0, 0.5, n_i)
    latent = 3 + readiness[c][:, None] - severity[a][:, None] - difficulty[None, :] + rng.normal(0, 0.6, (len(c), n_i))
    levels = np.clip(np.round(latent), 1, 5)
    levels[rng.random(levels.shape) < 0.1] = np.nan
    return from_levels(levels, c, a, [f"c{k:03d}" for k in range(n_c)], [f"a{k:02d}" for k in range(n_a)],
                       [f"i{k:02d}" for k in range(n_i)], [1] * n_i, [5] * n_i)


def dense_design(c: np.ndarray, i: np.ndarray, a: np.ndarray, n_c: int, n_i: int, n_a: int) -> np.ndarray:
    """X in reference coding, column by column: 1, θ_1.., β_1.., −s_1.."""
    x = np.zeros((len(c), n_c + n_i + n_a - 2))
    x[:, 0] = 1.0
    rows = np.arange(len(c))
    x[rows[c > 0], c[c > 0]] = 1.0
    x[rows[i > 0], n_c - 1 + i[i > 0]] = 1.0
    x[rows[a > 0], n_c + n_i - 2 + a[a > 0]] = -1.0
    return x


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_absorbed_solution_and_inverse_equal_the_whole_system(seed: int) -> None:
    obs = uneven_round(seed)
    n_c, n_i, n_a = len(obs.candidate_ids), len(obs.indicator_codes), len(obs.assessor_ids)
    b, inverse = solve(obs.candidate, obs.indicator, obs.assessor, obs.normalised, n_c, n_i, n_a)
    x = dense_design(obs.candidate, obs.indicator, obs.assessor, n_c, n_i, n_a)
    whole = np.linalg.inv(x.T @ x)
    np.testing.assert_allclose(b, whole @ (x.T @ obs.normalised), rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(inverse.diagonal(), np.diag(whole), rtol=1e-9)
    probe = np.random.default_rng(seed).normal(size=len(b))
    np.testing.assert_allclose(inverse @ probe, whole @ probe, rtol=1e-9, atol=1e-9)


def test_every_standard_error_equals_statsmodels_on_an_uneven_round() -> None:
    obs = uneven_round(7)
    fit = fit_severity(obs)
    frame = pd.DataFrame(list(obs.rows()), columns=["candidate", "assessor", "indicator", "level", "y"])
    ols = smf.ols("y ~ C(candidate, Sum) + C(indicator, Sum) + C(assessor, Sum)", frame).fit()
    names = list(ols.params.index)

    def effect_se(factor: str, ids: tuple[str, ...], k: int, intercept: float = 0.0) -> float:
        """SE of intercept·μ + the k-th effect (Sum coding: the last is minus the sum of the others)."""
        contrast = np.zeros(len(names))
        contrast[0] = intercept
        if k < len(ids) - 1:
            contrast[names.index(f"C({factor}, Sum)[S.{ids[k]}]")] = 1.0
        else:
            for other in ids[:-1]:
                contrast[names.index(f"C({factor}, Sum)[S.{other}]")] = -1.0
        return float(np.sqrt(contrast @ ols.cov_params().to_numpy() @ contrast))

    assert fit.mean == pytest.approx(ols.params["Intercept"])
    for k, assessor in enumerate(fit.assessors):
        assert assessor.se == pytest.approx(effect_se("assessor", obs.assessor_ids, k))
    for k, indicator in enumerate(fit.indicators):
        assert indicator.se == pytest.approx(effect_se("indicator", obs.indicator_codes, k))
    for k, candidate in enumerate(fit.candidates):
        assert candidate.se == pytest.approx(effect_se("candidate", obs.candidate_ids, k, intercept=1.0))
    assert len({c.observations for c in fit.candidates}) > 3  # the counts really are uneven


def test_a_candidate_and_an_assessor_without_levels_are_left_out_and_the_fit_equals_statsmodels() -> None:
    obs = uneven_round(4)
    dropped = (obs.candidate == 3) | (obs.assessor == 0)
    fewer = type(obs)(candidate=obs.candidate[~dropped], assessor=obs.assessor[~dropped],
                      indicator=obs.indicator[~dropped], level=obs.level[~dropped],
                      normalised=obs.normalised[~dropped], candidate_ids=obs.candidate_ids,
                      assessor_ids=obs.assessor_ids, indicator_codes=obs.indicator_codes, spans=obs.spans)
    fit = fit_severity(fewer)
    assert "c003" not in {c.candidate_id for c in fit.candidates} and "a00" not in fit.severities()
    frame = pd.DataFrame(list(fewer.rows()), columns=["candidate", "assessor", "indicator", "level", "y"])
    ols = smf.ols("y ~ C(candidate, Sum) + C(indicator, Sum) + C(assessor, Sum)", frame).fit()
    assert fit.mean == pytest.approx(ols.params["Intercept"])
    for assessor in fit.assessors[:-1]:
        assert assessor.severity == pytest.approx(-ols.params[f"C(assessor, Sum)[S.{assessor.assessor_id}]"])
        assert assessor.se == pytest.approx(ols.bse[f"C(assessor, Sum)[S.{assessor.assessor_id}]"])
