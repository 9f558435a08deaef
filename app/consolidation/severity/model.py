"""The severity model, fitted by least squares: level = mean + readiness − severity + easiness + noise.

For observation *n* (candidate *c*, assessor *a*, indicator *i*), on the normalised 0-100 scale::

    y_n = μ + θ_c + β_i − s_a + ε_n,    Σ_c θ_c = Σ_i β_i = Σ_a s_a = 0,    ε_n ~ (0, σ²)

θ_c is the candidate's readiness, β_i the indicator's easiness (its difficulty is −β_i), s_a the
assessor's severity (positive: scores lower than the others on the same work), all in points on
0-100. The sum-to-zero constraints make the parameters unique: a severity is relative to the
round's average assessor. The fit is ordinary least squares with reference coding: the normal
equations X'X b = X'y are formed from counts (how often each region, indicator and assessor
meet; the design itself, 1.6 million × 2,058 for a round of 2,000 candidates, is never built), the
candidate effects are absorbed (:mod:`.normal`: X'X's candidate block is diagonal, so only a
59 × 59 Schur complement over the indicators and assessors is factorised, by Cholesky with
NumPy; NumPy rather than SciPy keeps the frozen program in its size budget), and the parameters
are then centred. Standard errors are the usual OLS ones, σ̂² (X'X)⁻¹ with σ̂² = RSS / (n − p),
carried through the centring.

A candidate's *measure* is μ + θ_c: the normalised score it would get, on average over the
indicators, from an assessor of average severity.

Fit figures per assessor (residual based, as infit/outfit mean-squares are in many-facet Rasch
analysis; with one σ for every observation the two coincide): ``mean_square`` is the mean of the
squared standardised residuals (r / σ̂)² over the assessor's observations, near 1 when the
model explains the assessor as well as the others. ``indicator_spread`` is how much the assessor's
levels vary across indicators within one candidate (mean over their candidates of the standard
deviation), relative to the median assessor. Flags: **erratic** when mean_square >
:data:`ERRATIC_ABOVE`; **halo** (too uniform: the same level everywhere, or more predictable than
levels can be) when indicator_spread < :data:`HALO_SPREAD_BELOW` or mean_square <
:data:`MUTED_BELOW`. The limits are the usual productive range of a mean-square (0.5-1.5).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.consolidation.severity.connectedness import Connectedness, Island, connectedness
from app.consolidation.severity.data import Observations
from app.consolidation.severity.normal import NormalInverse, NotDetermined, solve

ERRATIC_ABOVE = 1.5
MUTED_BELOW = 0.5
HALO_SPREAD_BELOW = 0.5
ERRATIC, HALO = "erratic", "halo"
PERFECT_FIT_SD = 1e-9  # points: a residual SD below this is floating-point noise


class SeverityError(ValueError):
    """The model cannot be fitted to these levels; the message says why."""


class NotConnected(SeverityError):
    """The assessors form separate islands: their severities cannot be compared."""

    def __init__(self, islands: tuple[Island, ...]) -> None:
        self.islands = islands
        super().__init__(f"the assessors form {len(islands)} separate groups that share no candidate")


@dataclass(frozen=True)
class AssessorSeverity:
    assessor_id: str
    severity: float  # points on 0-100; positive = scores lower than the average assessor
    se: float
    severity_levels: float  # the same in rubric levels (indicators' median span)
    observations: int
    candidates: int
    mean_square: float  # mean squared standardised residual (≈ 1)
    indicator_spread: float  # relative to the median assessor (≈ 1)
    flag: str  # "" | "erratic" | "halo"


@dataclass(frozen=True)
class CandidateMeasure:
    candidate_id: str
    measure: float  # μ + θ_c, points on 0-100
    se: float
    observations: int


@dataclass(frozen=True)
class IndicatorDifficulty:
    code: str
    difficulty: float  # −β_i, points; positive = scored lower than the average indicator
    se: float


@dataclass(frozen=True, eq=False)
class SeverityFit:
    mean: float  # μ after centring: the round's mean normalised level
    residual_sd: float  # σ̂, points
    observations: int
    parameters: int
    assessors: tuple[AssessorSeverity, ...]
    candidates: tuple[CandidateMeasure, ...]
    indicators: tuple[IndicatorDifficulty, ...]
    connectedness: Connectedness

    def assessor(self, assessor_id: str) -> AssessorSeverity:
        return next(a for a in self.assessors if a.assessor_id == assessor_id)

    def candidate(self, candidate_id: str) -> CandidateMeasure:
        return next(c for c in self.candidates if c.candidate_id == candidate_id)

    def severities(self) -> dict[str, float]:
        return {a.assessor_id: a.severity for a in self.assessors}


def _dense_index(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the indices that occur, each value's position among them): drops ids without an observation."""
    present = np.flatnonzero(np.bincount(values))
    if len(present) and present[-1] == len(present) - 1:  # every id occurs (the usual case): no copy
        return present, values
    position = np.zeros(int(present[-1]) + 1 if len(present) else 0, dtype=np.int64)
    position[present] = np.arange(len(present))
    return present, position[values]


def _effects(b: np.ndarray, inverse: NormalInverse, diagonal: np.ndarray, sigma2: float, start: int, k: int,
             offset: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """k effects, each its own coefficient (none for the first, the reference) plus ``offset`` · b, and their SEs.

    With C = σ̂² (X'X)⁻¹, Var(e_j·b + o·b) = C_jj + 2 (C o)_j + o'C o: the structure of the map, not a
    k × p matrix product (``diagonal``: that of (X'X)⁻¹).
    """
    columns = start + np.arange(k - 1)
    values = np.full(k, float(offset @ b))
    values[1:] += b[columns]
    cov_offset = sigma2 * (inverse @ offset)
    variances = np.full(k, float(offset @ cov_offset))
    variances[1:] += sigma2 * diagonal[columns] + 2.0 * cov_offset[columns]
    return values, np.sqrt(np.maximum(variances, 0.0))


def fit_severity(obs: Observations) -> SeverityFit:
    """Fit the model; raises :class:`NotConnected` for islands, :class:`SeverityError` for too little data."""
    linked = connectedness(obs)
    if not linked.connected:
        raise NotConnected(linked.islands)
    cand_present, c = _dense_index(obs.candidate)
    ind_present, i = _dense_index(obs.indicator)
    ass_present, a = _dense_index(obs.assessor)
    n_c, n_i, n_a, n = len(cand_present), len(ind_present), len(ass_present), len(obs)
    p = 1 + (n_c - 1) + (n_i - 1) + (n_a - 1)
    if n_a < 2 or n <= p:
        raise SeverityError(f"{n} levels from {n_a} assessors are too few to estimate {p} parameters")
    y = np.asarray(obs.normalised, dtype=float)  # read only: no copy of 1.6 M levels

    # reference coding: column 0 = μ, then θ_1.., β_1.., s_1.. (the first of each is 0 before centring)
    theta0, beta0, sev0 = 1, 1 + (n_c - 1), 1 + (n_c - 1) + (n_i - 1)
    try:
        b, xtx_inverse = solve(c, i, a, y, n_c, n_i, n_a)  # fails unless every effect is determined
    except NotDetermined:  # pragma: no cover - connectedness rules this out
        raise SeverityError("the levels do not determine every severity") from None
    theta, beta, sev = (np.concatenate(([0.0], b[start:start + k - 1]))
                        for start, k in ((theta0, n_c), (beta0, n_i), (sev0, n_a)))
    residual = y - (b[0] + theta[c] + beta[i] - sev[a])
    sigma2 = float(residual @ residual) / (n - p)
    diagonal = xtx_inverse.diagonal()

    def mean_of(start: int, k: int) -> np.ndarray:
        """The map from b to the mean of k uncentred effects (the first, the reference, is 0)."""
        m = np.zeros(p)
        m[start:start + k - 1] = 1.0 / k
        return m

    intercept = np.zeros(p)
    intercept[0] = 1.0
    theta_mean, beta_mean, sev_mean = mean_of(theta0, n_c), mean_of(beta0, n_i), mean_of(sev0, n_a)
    severity, severity_se = _effects(b, xtx_inverse, diagonal, sigma2, sev0, n_a, -sev_mean)  # centred: sums to zero
    easiness, easiness_se = _effects(b, xtx_inverse, diagonal, sigma2, beta0, n_i, -beta_mean)
    measure, measure_se = _effects(b, xtx_inverse, diagonal, sigma2, theta0, n_c, intercept + beta_mean - sev_mean)
    mean = float((intercept + theta_mean + beta_mean - sev_mean) @ b)

    sigma = np.sqrt(sigma2)
    # A perfect fit (residuals at rounding noise) has no misfit to measure: every mean square is 1.
    z2 = (residual / sigma) ** 2 if sigma > PERFECT_FIT_SD else np.ones(n)
    per_assessor = np.bincount(a, minlength=n_a).astype(float)
    mean_square = np.bincount(a, weights=z2, minlength=n_a) / per_assessor
    pair = a * n_c + c  # assessor × candidate, counted once and shared by the spread and the candidate counts
    per_pair = np.bincount(pair, minlength=n_a * n_c)
    spread = _indicator_spread(pair, per_pair, y, n_a, n_c)
    typical = float(np.median(spread)) if len(spread) else 0.0
    relative = spread / typical if typical > 0 else np.ones(n_a)
    span = float(np.median(obs.spans[ind_present])) if len(ind_present) else 1.0
    candidates_of = (per_pair > 0).reshape(n_a, n_c).sum(axis=1)

    assessors = []
    for k in range(n_a):
        ms, sp = float(mean_square[k]), float(relative[k])
        flag = ERRATIC if ms > ERRATIC_ABOVE else HALO if sp < HALO_SPREAD_BELOW or ms < MUTED_BELOW else ""
        assessors.append(AssessorSeverity(
            obs.assessor_ids[ass_present[k]], float(severity[k]), float(severity_se[k]),
            float(severity[k]) * span / 100.0, int(per_assessor[k]), int(candidates_of[k]), ms, sp, flag))
    per_candidate = np.bincount(c, minlength=n_c)
    candidates = tuple(CandidateMeasure(obs.candidate_ids[cand_present[k]], float(measure[k]), float(measure_se[k]),
                                        int(per_candidate[k])) for k in range(n_c))
    indicators = tuple(IndicatorDifficulty(obs.indicator_codes[ind_present[k]], -float(easiness[k]),
                                           float(easiness_se[k])) for k in range(n_i))
    return SeverityFit(mean, float(sigma), n, p, tuple(assessors), candidates, indicators, linked)


def _indicator_spread(pair: np.ndarray, per_pair: np.ndarray, y: np.ndarray, n_a: int, n_c: int) -> np.ndarray:
    """Per assessor: mean over their candidates of the SD of their normalised levels across indicators.

    ``pair``: each observation's assessor × n_c + candidate; ``per_pair``: the observations of each pair.
    """
    count = per_pair.astype(float)
    total = np.bincount(pair, weights=y, minlength=n_a * n_c)
    squares = np.bincount(pair, weights=y * y, minlength=n_a * n_c)
    has = count >= 2
    variance = np.zeros_like(count)
    variance[has] = np.maximum(squares[has] / count[has] - (total[has] / count[has]) ** 2, 0.0)
    sd = np.sqrt(variance).reshape(n_a, n_c)
    used = has.reshape(n_a, n_c)
    n_used = used.sum(axis=1)
    return np.divide(sd.sum(axis=1), n_used, out=np.zeros(n_a), where=n_used > 0)
