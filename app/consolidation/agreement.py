"""How far the assessors agree: Krippendorff's alpha on the levels, an ICC on the totals.

- **Krippendorff's alpha, ordinal metric** (the ``krippendorff`` package), on the original levels
  of the counted assessments ("not applicable" and unscored are missing values; moderated levels
  are not ratings and do not enter). Units are regions for an indicator's alpha, region x
  indicator pairs for a dimension's and the round's. Only units with two or more levels are
  pairable; alpha is undefined (None) without pairable units or when every pairable level is the
  same value (no variation to agree on).
- **ICC(1,1)** (Shrout & Fleiss 1979, case 1: one-way random effects, single rater) of the
  assessors' own totals, with regions as targets. Case 1 is the right model here because each
  region is seen by a different panel, so raters are not crossed with targets. With unequal
  numbers of raters per region the one-way ANOVA uses the usual adjusted group size
  ``k0 = (N - sum(n_i^2)/N) / (a - 1)``; with equal numbers this is exactly Shrout & Fleiss'.
- **ICC(2,1)** (case 2: two-way random, single rater) per panel: for each set of assessors that
  scored the same three or more regions together, on their totals.

- **Gwet's AC1 and AC2** (the ``agreement`` package, pure numpy; AC2 with Gwet's ordinal weights)
  beside alpha, per indicator, per dimension and for the round, from the same units × levels
  table (every unit with a level counts, as Gwet defines the chance agreement). Alpha collapses
  when nearly every region gets the same level (little variation to agree on); AC1/AC2 do not.
  Undefined (None) with fewer than two units scored by two or more assessors.

ICCs are computed with numpy from the ANOVA mean squares (no maintained package is pinned).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import krippendorff
import numpy as np
from agreement.metrics import gwets_gamma
from agreement.utils.kernels import identity_kernel, ordinal_kernel
from numpy.typing import ArrayLike

from app.consolidation.agreement_scopes import UnitTerms, alpha_of_scope, gwet_of_scope
from app.consolidation.data import RoundData
from app.consolidation.panel_scores import RegionPanel

LevelOfMeasurement = Literal["nominal", "ordinal", "interval", "ratio"]

MIN_PANEL_REGIONS = 3


@dataclass(frozen=True)
class AlphaFigure:
    scope: str  # "round" | "dimension" | "indicator"
    code: str  # dimension or indicator code; "" for the round
    alpha: float | None  # ordinal Krippendorff's alpha; None when undefined
    units: int  # pairable units (two or more levels)
    values: int  # pairable levels
    ac1: float | None = None  # Gwet's AC1
    ac2: float | None = None  # Gwet's AC2, ordinal weights


@dataclass(frozen=True)
class IccFigure:
    form: str  # "ICC(1,1)" | "ICC(2,1)" | "ICC(3,1)"
    value: float | None
    targets: int
    ratings: int
    raters_per_target: float  # k, or k0 for unequal group sizes


@dataclass(frozen=True)
class TwoWayAnova:
    n: int  # targets
    k: int  # raters
    bms: float  # between targets mean square
    wms: float  # within targets
    jms: float  # between raters (judges)
    ems: float  # residual

    @property
    def icc1_1(self) -> float:
        return (self.bms - self.wms) / (self.bms + (self.k - 1) * self.wms)

    @property
    def icc2_1(self) -> float:
        return (self.bms - self.ems) / (self.bms + (self.k - 1) * self.ems + self.k * (self.jms - self.ems) / self.n)

    @property
    def icc3_1(self) -> float:
        return (self.bms - self.ems) / (self.bms + (self.k - 1) * self.ems)


@dataclass(frozen=True)
class PanelIcc:
    assessor_ids: tuple[str, ...]
    regions: int
    icc2_1: float | None


@dataclass(frozen=True)
class Agreement:
    round: AlphaFigure
    dimensions: tuple[AlphaFigure, ...]
    indicators: tuple[AlphaFigure, ...]
    icc: IccFigure  # ICC(1,1) of the assessors' totals over the round
    panels: tuple[PanelIcc, ...]  # ICC(2,1) per panel
    flagged_cells: int  # region x indicator pairs whose levels differ by SPREAD_FLAG or more
    flagged_regions: int

    def indicator(self, code: str) -> AlphaFigure:
        return next(f for f in self.indicators if f.code == code)

    def dimension(self, code: str) -> AlphaFigure:
        return next(f for f in self.dimensions if f.code == code)


# -- Krippendorff's alpha ---------------------------------------------------------------------------

def alpha_from_counts(value_counts: np.ndarray, domain: Sequence[int], scope: str = "", code: str = "",
                      level_of_measurement: LevelOfMeasurement = "ordinal") -> AlphaFigure:
    """Alpha from a units x values table of how many raters gave each value to each unit."""
    counts = np.asarray(value_counts, dtype=float).reshape(-1, len(domain))
    pairable = counts[counts.sum(axis=1) >= 2]
    values = int(pairable.sum())
    if not len(pairable) or np.count_nonzero(pairable.sum(axis=0)) < 2:
        return AlphaFigure(scope, code, None, len(pairable), values)
    alpha = krippendorff.alpha(value_counts=pairable, value_domain=list(domain),
                               level_of_measurement=level_of_measurement)
    return AlphaFigure(scope, code, float(alpha), len(pairable), values)


def alpha_from_ratings(reliability_data: Sequence[Sequence[float | None]],
                       level_of_measurement: LevelOfMeasurement = "ordinal") -> float | None:
    """Alpha from a raters x units table (None/NaN = missing), as Krippendorff lays data out."""
    matrix = np.array([[np.nan if v is None else v for v in row] for row in reliability_data], dtype=float)
    domain = sorted({int(v) for v in matrix[~np.isnan(matrix)].tolist()})
    if len(domain) < 2:
        return None
    counts = np.zeros((matrix.shape[1], len(domain)))
    position = {value: index for index, value in enumerate(domain)}
    for rater in matrix:
        for unit, value in enumerate(rater.tolist()):
            if value == value:  # not NaN
                counts[unit, position[int(value)]] += 1
    return alpha_from_counts(counts, domain, level_of_measurement=level_of_measurement).alpha


# -- Gwet's AC1 / AC2 ---------------------------------------------------------------------------------

def gwet_from_counts(value_counts: np.ndarray) -> tuple[float | None, float | None]:
    """(AC1, AC2 with ordinal weights) from a units × categories table of how many raters gave each category.

    Computed by the ``agreement`` package (Gwet's coefficient, which it calls gamma). Units without
    a rating are left out; with fewer than two units rated twice or more the figures are undefined.
    """
    counts = np.asarray(value_counts, dtype=float)
    counts = counts.reshape(-1, counts.shape[-1])
    counts = counts[counts.sum(axis=1) >= 1]
    if int((counts.sum(axis=1) >= 2).sum()) < 2 or counts.shape[1] < 2:
        return None, None
    ac1 = float(gwets_gamma(counts, identity_kernel))
    ac2 = float(gwets_gamma(counts, ordinal_kernel))
    return ac1, ac2


def gwet(ratings: ArrayLike, categories: Sequence[int]) -> tuple[float | None, float | None]:
    """(AC1, AC2) of a units × raters table (NaN = no rating) over the given ordered categories."""
    matrix = np.asarray(ratings, dtype=float)
    position = {float(value): index for index, value in enumerate(categories)}
    counts = np.zeros((matrix.shape[0], len(categories)))
    for unit, row in enumerate(matrix.tolist()):
        for value in row:
            if value == value:  # not NaN
                counts[unit, position[value]] += 1
    return gwet_from_counts(counts)


# -- ICC ----------------------------------------------------------------------------------------------

def anova_two_way(matrix: ArrayLike) -> TwoWayAnova:
    """Mean squares of a complete targets x raters table (Shrout & Fleiss 1979, Table 2)."""
    x = np.asarray(matrix, dtype=float)
    n, k = x.shape
    if n < 2 or k < 2 or np.isnan(x).any():
        raise ValueError("a two-way ICC needs a complete table of at least 2 targets x 2 raters")
    grand = x.mean()
    ss_total = ((x - grand) ** 2).sum()
    ss_targets = k * ((x.mean(axis=1) - grand) ** 2).sum()
    ss_raters = n * ((x.mean(axis=0) - grand) ** 2).sum()
    ss_error = ss_total - ss_targets - ss_raters
    return TwoWayAnova(n=n, k=k, bms=ss_targets / (n - 1), wms=(ss_total - ss_targets) / (n * (k - 1)),
                       jms=ss_raters / (k - 1), ems=ss_error / ((n - 1) * (k - 1)))


def icc_oneway(ratings: Sequence[ArrayLike]) -> IccFigure:
    """ICC(1,1) from each target's ratings (any number per target; targets with none are skipped)."""
    arrays = [np.asarray(g, dtype=float) for g in ratings]
    groups = [g[~np.isnan(g)] for g in arrays]
    groups = [g for g in groups if len(g)]
    a = len(groups)
    sizes = np.array([len(g) for g in groups], dtype=float)
    total = float(sizes.sum())
    if a < 2 or total - a < 1:
        return IccFigure("ICC(1,1)", None, a, int(total), float(sizes.mean()) if a else 0.0)
    grand = float(np.concatenate(groups).mean())
    means = np.array([g.mean() for g in groups])
    ss_between = float((sizes * (means - grand) ** 2).sum())
    ss_within = float(sum(((g - g.mean()) ** 2).sum() for g in groups))
    msb, msw = ss_between / (a - 1), ss_within / (total - a)
    k0 = (total - (sizes ** 2).sum() / total) / (a - 1)
    denominator = msb + (k0 - 1) * msw
    value = None if denominator <= 0 else float((msb - msw) / denominator)
    return IccFigure("ICC(1,1)", value, a, int(total), float(k0))


def icc_oneway_segments(values: np.ndarray, segments: Sequence[tuple[int, int]]) -> IccFigure:
    """:func:`icc_oneway` of the targets ``values[first:last]`` for each (first, last) of ``segments``.

    The same figure to the last bit, without one small array per target (2,000 at issue 17's size):
    targets with the same number of ratings are one block, whose rows numpy sums exactly as it sums
    each target's array alone; the sums over targets are then added in the same order.
    """
    target = np.full(len(values), -1, dtype=np.int64)
    for index, (first, last) in enumerate(segments):
        target[first:last] = index
    rated = (target >= 0) & ~np.isnan(values)
    x = values[rated]  # each target's ratings, side by side, targets in order
    sizes_all = np.bincount(target[rated], minlength=len(segments))
    sizes = sizes_all[sizes_all > 0]
    a, total = len(sizes), int(sizes.sum())
    if a < 2 or total - a < 1:
        return IccFigure("ICC(1,1)", None, a, total, float(sizes.mean()) if a else 0.0)
    grand = float(x.mean())
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    means, within = np.empty(a), np.empty(a)
    for size in np.unique(sizes).tolist():
        chosen = np.flatnonzero(sizes == size)
        block = x[starts[chosen][:, None] + np.arange(size)]
        means[chosen] = block.mean(axis=1)
        within[chosen] = ((block - means[chosen][:, None]) ** 2).sum(axis=1)
    sizes_f = sizes.astype(float)
    ss_between = float((sizes_f * (means - grand) ** 2).sum())
    ss_within = float(sum(within.tolist()))
    msb, msw = ss_between / (a - 1), ss_within / (total - a)
    k0 = (total - (sizes_f ** 2).sum() / total) / (a - 1)
    denominator = msb + (k0 - 1) * msw
    value = None if denominator <= 0 else float((msb - msw) / denominator)
    return IccFigure("ICC(1,1)", value, a, total, float(k0))


# -- the round ----------------------------------------------------------------------------------------

def level_counts(data: RoundData) -> tuple[np.ndarray, list[int]]:
    """regions x indicators x levels: how many counted assessors gave each level."""
    top = max((ind.max_level for ind in data.instrument.indicators()), default=1)
    domain = list(range(1, top + 1))
    n_regions, n_indicators = len(data.regions), len(data.indicator_codes)
    region_of_row = np.full(data.levels.shape[0], -1, dtype=np.int64)
    for index, region in enumerate(data.regions):
        rows = data.region_rows.get(region.code)
        if rows is not None:
            region_of_row[rows] = index
    # Rows of calibration cases (not among the regions) are left out: the figures describe the ranked regions.
    present = ~np.isnan(data.levels) & (region_of_row >= 0)[:, None]
    cell = (region_of_row[:, None] * n_indicators + np.arange(n_indicators)) * top  # first bin of each cell
    bins = cell[present] + data.levels[present].astype(np.int64) - 1
    counts = np.bincount(bins, minlength=n_regions * n_indicators * top)
    return counts.reshape(n_regions, n_indicators, top).astype(np.int64, copy=False), domain


def round_agreement(data: RoundData, panels: Sequence[RegionPanel], totals: np.ndarray) -> Agreement:
    counts, _ = level_counts(data)
    terms = UnitTerms(counts)  # every unit's share of the figures, worked out once (agreement_scopes)

    def figure(scope: str, code: str, columns: slice) -> AlphaFigure:
        alpha, units, values = alpha_of_scope(terms, columns)
        ac1, ac2 = gwet_of_scope(terms, columns)
        return AlphaFigure(scope, code, alpha, units, values, ac1, ac2)

    indicators = tuple(figure("indicator", code, slice(j, j + 1)) for j, code in enumerate(data.indicator_codes))
    dimensions = []
    start = 0
    for dim in data.instrument.dimensions:
        stop = start + len(dim.indicators)
        dimensions.append(figure("dimension", dim.code, slice(start, stop)))
        start = stop
    whole = figure("round", "", slice(0, len(data.indicator_codes)))

    bounds = [(rows.start, rows.stop) for r in data.regions if (rows := data.region_rows.get(r.code)) is not None]
    icc = icc_oneway_segments(totals, bounds)

    assessor_of_row = [ref.assessor_id for ref in data.counted]
    total_of_row = totals.tolist()
    by_panel: dict[tuple[str, ...], list[list[float]]] = {}
    for first, last in bounds:
        ids = assessor_of_row[first:last]
        order = sorted(range(len(ids)), key=ids.__getitem__)
        values = [total_of_row[first + i] for i in order]
        if len(ids) >= 2 and all(v == v for v in values):  # v == v: not NaN
            by_panel.setdefault(tuple(ids[i] for i in order), []).append(values)
    panel_iccs = []
    for panel_ids, rows_ in sorted(by_panel.items()):
        if len(rows_) < MIN_PANEL_REGIONS:
            continue
        anova = anova_two_way(np.array(rows_))
        denominator = anova.bms + (anova.k - 1) * anova.ems + anova.k * (anova.jms - anova.ems) / anova.n
        panel_iccs.append(PanelIcc(panel_ids, len(rows_), None if denominator <= 0 else float(anova.icc2_1)))

    flagged_cells = sum(len(p.flagged_indicators) for p in panels)
    flagged_regions = sum(1 for p in panels if p.flagged_indicators)
    return Agreement(whole, tuple(dimensions), indicators, icc, tuple(panel_iccs), flagged_cells, flagged_regions)
