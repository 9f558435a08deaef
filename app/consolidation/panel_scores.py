"""The panel score of each region: combine the assessors' levels per indicator, then score.

For each region and indicator:

1. the levels of the counted assessments (see :mod:`app.consolidation.data`), "not applicable"
   and unscored left out, are combined with the round's rule (:mod:`app.consolidation.rules`);
2. a coordinator's moderated level, where there is one, replaces that combined level;
3. the level in force is normalised to 0-100 with :func:`app.assessments.scoring.normalise`;
4. dimension scores and the total are :func:`app.assessments.scoring.weighted_mean` of those, with the
   weights of indicators (dimensions) that have no level renormalised away, exactly as an
   individual assessment is scored (:mod:`app.assessments.scoring`).

Under the ``adjusted`` rule, step 1 combines each assessor's level *plus that assessor's severity*
(``shifts``, in levels, from :mod:`app.consolidation.severity`) by the mean; an adjusted level may
lie a little outside the rubric's range and is normalised by the same formula without clipping.

Alongside, the spread (highest minus lowest level) of each indicator's original levels, flagged
when the assessors differ by :data:`SPREAD_FLAG` levels or more.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from app.assessments import scoring
from app.consolidation.data import RoundData
from app.consolidation.rules import AggregationRule, combine_columns
from app.models.domain import Indicator, RegionInfo

SPREAD_FLAG = 2  # assessors differing by this many levels or more on an indicator are flagged


@dataclass(frozen=True)
class IndicatorPanel:
    code: str
    dimension_code: str
    levels: int  # how many assessors gave a level
    not_applicable: int  # how many marked it "not applicable"
    lowest: int | None
    highest: int | None
    combined: float | None  # the rule applied to the levels
    moderated: int | None  # the coordinator's level, if moderated
    used: float | None  # moderated if set, else combined
    normalised: float | None  # ``used`` on 0-100
    spread: int | None  # highest - lowest of the original levels
    flagged: bool  # spread >= SPREAD_FLAG


@dataclass(frozen=True)
class DimensionScore:
    code: str
    score: float | None  # 0-100; None when no indicator of the dimension has a level


@dataclass(frozen=True, eq=False)
class RegionPanel:
    region: RegionInfo
    assessor_ids: tuple[str, ...]  # the counted assessments' assessors, rows of ``levels``
    total: float | None
    dimensions: tuple[DimensionScore, ...]
    indicators: tuple[IndicatorPanel, ...]
    levels: np.ndarray  # assessors x indicators (instrument order), NaN where no level
    flagged_indicators: tuple[str, ...]  # assessors differ by SPREAD_FLAG levels or more
    moderated_indicators: tuple[str, ...]

    def dimension(self, code: str) -> DimensionScore:
        return next(d for d in self.dimensions if d.code == code)

    def indicator(self, code: str) -> IndicatorPanel:
        return next(i for i in self.indicators if i.code == code)

    def indicator_levels(self, code: str) -> tuple[int | None, ...]:
        """Each counted assessor's level for one indicator (None: not applicable or unscored)."""
        column = [ind.code for ind in self.indicators].index(code)
        return tuple(None if math.isnan(v) else int(v) for v in self.levels[:, column].tolist())


def _none(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def _normalise_adjusted(indicator: Indicator, value: float) -> float:
    """The normalising formula of :func:`scoring.normalise`, for adjusted levels that may leave the range."""
    return (value - indicator.min_level) / (indicator.max_level - indicator.min_level) * 100.0


def panel_scores(data: RoundData, rule: AggregationRule, shifts: np.ndarray | None = None) -> tuple[RegionPanel, ...]:
    """The panel of every region of the round, in region-code order.

    ``shifts`` (the adjusted rule only): per counted assessment and indicator, the levels to add to
    the assessor's level, shaped like ``data.levels``.
    """
    adjusted = rule is AggregationRule.ADJUSTED
    if adjusted and (shifts is None or shifts.shape != data.levels.shape):
        raise ValueError("the adjusted rule needs a shift per counted assessment and indicator")
    shifted = data.levels + shifts if adjusted and shifts is not None else data.levels
    normalise = _normalise_adjusted if adjusted else scoring.normalise
    instrument = data.instrument
    indicators = instrument.indicators()
    dimension_of = [dim.code for dim in instrument.dimensions for _ in dim.indicators]
    layout = []  # per dimension: its weight and the column range of its indicators
    start = 0
    for dim in instrument.dimensions:
        layout.append((dim, start, start + len(dim.indicators)))
        start += len(dim.indicators)
    column_of = {code: index for index, code in enumerate(data.indicator_codes)}
    moderations_of: dict[str, dict[int, int]] = {}
    for (region_code, indicator_code), moderation in data.moderations.items():
        if indicator_code in column_of:
            moderations_of.setdefault(region_code, {})[column_of[indicator_code]] = moderation.level
    result = []
    for region in data.regions:
        rows = data.region_rows.get(region.code, slice(0, 0))
        levels = data.levels[rows]
        combined, counts = combine_columns(rule, shifted[rows])
        na_counts = data.not_applicable[rows].sum(axis=0)
        if levels.shape[0]:
            lowest, highest = np.fmin.reduce(levels, axis=0), np.fmax.reduce(levels, axis=0)
        else:
            lowest = highest = np.full(len(indicators), np.nan)
        used = combined.copy()
        moderated = moderations_of.get(region.code, {})
        for column, level in moderated.items():
            used[column] = level
        normalised = [None if math.isnan(value) else normalise(indicator, value)
                      for indicator, value in zip(indicators, used.tolist(), strict=True)]
        dimensions = []
        dimension_pairs = []
        for dim, first, last in layout:
            pairs = [(ind.weight, value) for j, ind in enumerate(indicators[first:last], start=first)
                     if (value := normalised[j]) is not None]
            score = scoring.weighted_mean(pairs)
            dimensions.append(DimensionScore(dim.code, score))
            if score is not None:
                dimension_pairs.append((dim.weight, score))
        counts_l, na_l, low_l, high_l = counts.tolist(), na_counts.tolist(), lowest.tolist(), highest.tolist()
        combined_l, used_l = combined.tolist(), used.tolist()
        panels = []
        for j, ind in enumerate(indicators):
            low, high = low_l[j], high_l[j]
            spread = None if math.isnan(low) else int(high - low)
            panels.append(IndicatorPanel(
                code=ind.code, dimension_code=dimension_of[j], levels=int(counts_l[j]), not_applicable=int(na_l[j]),
                lowest=None if math.isnan(low) else int(low), highest=None if math.isnan(high) else int(high),
                combined=_none(combined_l[j]), moderated=moderated.get(j), used=_none(used_l[j]),
                normalised=normalised[j], spread=spread, flagged=spread is not None and spread >= SPREAD_FLAG,
            ))
        result.append(RegionPanel(
            region=region, assessor_ids=data.region_assessors(region.code),
            total=scoring.weighted_mean(dimension_pairs), dimensions=tuple(dimensions), indicators=tuple(panels),
            levels=levels, flagged_indicators=tuple(p.code for p in panels if p.flagged),
            moderated_indicators=tuple(indicators[j].code for j in sorted(moderated)),
        ))
    return tuple(result)


def assessment_totals(data: RoundData) -> np.ndarray:
    """Each counted assessment's own total (0-100; NaN if it has no level), by :mod:`app.assessments.scoring`'s rules.

    Vectorised over all assessments for speed; ``tests/consolidation`` checks it equals
    :func:`app.assessments.scoring.summarize` on every assessment. Levels are normalised through
    :func:`app.assessments.scoring.normalise` (one lookup table per indicator and level).
    """
    instrument = data.instrument
    indicators = instrument.indicators()
    n = len(indicators)
    top = max((ind.max_level for ind in indicators), default=1)
    table = np.full((n, top + 1), np.nan)
    for j, ind in enumerate(indicators):
        for level in range(ind.min_level, ind.max_level + 1):
            table[j, level] = scoring.normalise(ind, level)
    levels = data.levels
    present = ~np.isnan(levels)
    index = np.where(present, levels, 0).astype(np.int64)
    values = np.where(present, table[np.arange(n), index], 0.0)
    weights = np.array([ind.weight for ind in indicators], dtype=float)
    totals_num = np.zeros(levels.shape[0])
    totals_den = np.zeros(levels.shape[0])
    start = 0
    for dim in instrument.dimensions:
        stop = start + len(dim.indicators)
        w = np.where(present[:, start:stop], weights[start:stop], 0.0)
        den = w.sum(axis=1)
        num = (w * values[:, start:stop]).sum(axis=1)
        has = den > 0
        score = np.divide(num, den, out=np.zeros_like(num), where=has)
        totals_num += np.where(has, dim.weight * score, 0.0)
        totals_den += np.where(has, dim.weight, 0.0)
        start = stop
    return np.divide(totals_num, totals_den, out=np.full_like(totals_num, np.nan), where=totals_den > 0)
