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
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from app.assessments import scoring
from app.consolidation.data import RoundData
from app.consolidation.rules import AggregationRule, combine_columns
from app.models.domain import RegionInfo

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
class PanelFigures:
    """The per-indicator figures of every region at once (regions x indicators; NaN where none).

    :attr:`RegionPanel.indicators` reads its row when first asked: a round of 2,000 candidates
    ranks without building 80,000 :class:`IndicatorPanel` objects nobody looks at.
    """

    codes: tuple[str, ...]
    dimension_codes: tuple[str, ...]
    counts: np.ndarray  # how many assessors gave a level
    not_applicable: np.ndarray
    lowest: np.ndarray
    highest: np.ndarray
    combined: np.ndarray
    moderated: np.ndarray  # NaN where not moderated
    used: np.ndarray
    normalised: np.ndarray

    def row(self, index: int) -> tuple[IndicatorPanel, ...]:
        counts, na = self.counts[index].tolist(), self.not_applicable[index].tolist()
        lowest, highest = self.lowest[index].tolist(), self.highest[index].tolist()
        combined, moderated = self.combined[index].tolist(), self.moderated[index].tolist()
        used, normalised = self.used[index].tolist(), self.normalised[index].tolist()
        panels = []
        for j, code in enumerate(self.codes):
            low, high = lowest[j], highest[j]
            spread = None if math.isnan(low) else int(high - low)
            panels.append(IndicatorPanel(
                code=code, dimension_code=self.dimension_codes[j], levels=int(counts[j]), not_applicable=int(na[j]),
                lowest=None if math.isnan(low) else int(low), highest=None if math.isnan(high) else int(high),
                combined=_none(combined[j]), moderated=None if math.isnan(moderated[j]) else int(moderated[j]),
                used=_none(used[j]), normalised=_none(normalised[j]), spread=spread,
                flagged=spread is not None and spread >= SPREAD_FLAG,
            ))
        return tuple(panels)


@dataclass(frozen=True, eq=False)
class RegionPanel:
    region: RegionInfo
    assessor_ids: tuple[str, ...]  # the counted assessments' assessors, rows of ``levels``
    total: float | None
    dimensions: tuple[DimensionScore, ...]
    levels: np.ndarray  # assessors x indicators (instrument order), NaN where no level
    flagged_indicators: tuple[str, ...]  # assessors differ by SPREAD_FLAG levels or more
    moderated_indicators: tuple[str, ...]
    figures: PanelFigures = field(repr=False)
    index: int = 0  # this region's row of ``figures``

    @cached_property
    def indicators(self) -> tuple[IndicatorPanel, ...]:
        """Each indicator's panel figures, in instrument order."""
        return self.figures.row(self.index)

    def dimension(self, code: str) -> DimensionScore:
        return next(d for d in self.dimensions if d.code == code)

    def indicator(self, code: str) -> IndicatorPanel:
        return next(i for i in self.indicators if i.code == code)

    def indicator_levels(self, code: str) -> tuple[int | None, ...]:
        """Each counted assessor's level for one indicator (None: not applicable or unscored)."""
        column = self.figures.codes.index(code)
        return tuple(None if math.isnan(v) else int(v) for v in self.levels[:, column].tolist())


def _none(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def _region_bounds(data: RoundData) -> tuple[np.ndarray, np.ndarray]:
    """First and past-the-last row of each region's counted assessments (equal: none)."""
    starts = np.zeros(len(data.regions), dtype=np.int64)
    stops = np.zeros(len(data.regions), dtype=np.int64)
    for index, region in enumerate(data.regions):
        rows = data.region_rows.get(region.code)
        if rows is not None:
            starts[index], stops[index] = rows.start, rows.stop
    return starts, stops


def _segments(ufunc: np.ufunc, values: np.ndarray, starts: np.ndarray, stops: np.ndarray,
              empty: float, any_order: bool = False) -> np.ndarray:
    """``ufunc`` reduced over the rows of each segment (``empty`` for a segment without rows).

    ``reduceat`` over the (start, stop) pairs, with a padding row so that a stop may be the end;
    the odd results (between segments, e.g. rows of calibration cases) are dropped. Rows are
    combined one after another, exactly as ``ufunc.reduce(values[start:stop], axis=0)`` does.

    ``any_order``: the result does not depend on the order rows are combined in (a minimum, a
    maximum, a sum of whole numbers): then segments of one length are gathered into one block and
    reduced together, ~4x faster than ``reduceat`` at 2,000 regions.
    """
    result = np.full((len(starts), values.shape[1]), empty)
    has = stops > starts
    if not has.any():
        return result
    if any_order:
        lengths = stops - starts
        for length in np.unique(lengths[has]).tolist():
            chosen = np.flatnonzero(lengths == length)
            block = values[starts[chosen][:, None] + np.arange(length)]  # segments x rows x columns
            result[chosen] = ufunc.reduce(block, axis=1)
        return result
    padded = np.vstack([values, np.zeros((1, values.shape[1]), dtype=values.dtype)])
    bounds = np.column_stack([starts[has], stops[has]]).ravel()
    result[has] = ufunc.reduceat(padded, bounds, axis=0)[::2]
    return result


def _weighted_means(weights: list[float], values: np.ndarray) -> np.ndarray:
    """Per row, :func:`scoring.weighted_mean` of (weight, value) over the columns with a value (NaN: none).

    Column by column, in order, so each sum is added up exactly as the scalar function adds it."""
    numerator = np.zeros(values.shape[0])
    denominator = np.zeros(values.shape[0])
    counted = np.zeros(values.shape[0], dtype=bool)
    for j, weight in enumerate(weights):
        has = ~np.isnan(values[:, j])
        numerator = np.where(has, numerator + weight * values[:, j], numerator)
        denominator = np.where(has, denominator + weight, denominator)
        counted |= has
    ok = counted & (denominator > 0)
    return np.divide(numerator, denominator, out=np.full(values.shape[0], np.nan), where=ok)


def panel_scores(data: RoundData, rule: AggregationRule, shifts: np.ndarray | None = None) -> tuple[RegionPanel, ...]:
    """The panel of every region of the round, in region-code order.

    ``shifts`` (the adjusted rule only): per counted assessment and indicator, the levels to add to
    the assessor's level, shaped like ``data.levels``.

    Computed for all regions at once (numpy over regions x indicators); every figure is the
    scalar rule's, operation for operation, so the results are the same to the last bit.
    """
    adjusted = rule is AggregationRule.ADJUSTED
    if adjusted and (shifts is None or shifts.shape != data.levels.shape):
        raise ValueError("the adjusted rule needs a shift per counted assessment and indicator")
    shifted = data.levels + shifts if adjusted and shifts is not None else data.levels
    instrument = data.instrument
    indicators = instrument.indicators()
    codes = tuple(ind.code for ind in indicators)
    n_regions, n_indicators = len(data.regions), len(indicators)
    starts, stops = _region_bounds(data)

    present = ~np.isnan(shifted)  # as combine_columns counts them
    counts = _segments(np.add, present.astype(np.int64), starts, stops, 0, any_order=True).astype(np.int64)
    na_counts = _segments(np.add, data.not_applicable.astype(np.int64), starts, stops, 0,
                          any_order=True).astype(np.int64)
    lowest = _segments(np.fmin, data.levels, starts, stops, np.nan, any_order=True)
    highest = _segments(np.fmax, data.levels, starts, stops, np.nan, any_order=True)
    if rule is AggregationRule.MEAN or adjusted:  # adjusted: levels already corrected
        # Levels are whole numbers, summed exactly in any order; adjusted levels are not.
        totals = _segments(np.add, np.where(present, shifted, 0.0), starts, stops, 0.0, any_order=not adjusted)
        combined = np.divide(totals, counts, out=np.full(counts.shape, np.nan), where=counts > 0)
    else:  # median, trimmed mean: region by region
        combined = np.full((n_regions, n_indicators), np.nan)
        for index in range(n_regions):
            combined[index] = combine_columns(rule, shifted[starts[index]:stops[index]])[0]

    region_index = {region.code: index for index, region in enumerate(data.regions)}
    column_of = {code: j for j, code in enumerate(codes)}
    moderated = np.full((n_regions, n_indicators), np.nan)
    for (region_code, indicator_code), moderation in data.moderations.items():
        if region_code in region_index and indicator_code in column_of:
            moderated[region_index[region_code], column_of[indicator_code]] = moderation.level
    is_moderated = ~np.isnan(moderated)
    used = np.where(is_moderated, moderated, combined)

    low = np.array([float(ind.min_level) for ind in indicators])
    high = np.array([float(ind.max_level) for ind in indicators])
    if not adjusted:  # scoring.normalise refuses a level outside the rubric: let it say which
        outside = ~np.isnan(used) & ((used < low) | (used > high))
        if outside.any():
            index, j = (int(v[0]) for v in np.nonzero(outside))
            scoring.normalise(indicators[j], used[index, j].item())  # raises, naming the level and indicator
    normalised = (used - low) / (high - low) * 100.0

    dimension_codes = tuple(dim.code for dim in instrument.dimensions for _ in dim.indicators)
    dimension_scores = np.full((n_regions, len(instrument.dimensions)), np.nan)
    start = 0
    for d, dim in enumerate(instrument.dimensions):
        stop = start + len(dim.indicators)
        dimension_scores[:, d] = _weighted_means([ind.weight for ind in dim.indicators], normalised[:, start:stop])
        start = stop
    totals_ = _weighted_means([dim.weight for dim in instrument.dimensions], dimension_scores)

    figures = PanelFigures(codes, dimension_codes, counts, na_counts, lowest, highest, combined, moderated, used,
                           normalised)
    for array in (counts, na_counts, lowest, highest, combined, moderated, used, normalised):
        array.setflags(write=False)
    flagged = (highest - lowest) >= SPREAD_FLAG  # NaN compares False
    flagged_codes, moderated_codes = _codes_by_row(flagged, codes), _codes_by_row(is_moderated, codes)
    dimension_list = dimension_scores.tolist()
    total_list = totals_.tolist()
    assessor_of_row = [ref.assessor_id for ref in data.counted]
    result = []
    for index, region in enumerate(data.regions):
        rows = data.region_rows.get(region.code, slice(0, 0))
        result.append(RegionPanel(
            region=region, assessor_ids=tuple(assessor_of_row[rows]), total=_none(total_list[index]),
            dimensions=tuple(DimensionScore(dim.code, _none(score))
                             for dim, score in zip(instrument.dimensions, dimension_list[index], strict=True)),
            levels=data.levels[rows], flagged_indicators=flagged_codes[index],
            moderated_indicators=moderated_codes[index], figures=figures, index=index,
        ))
    return tuple(result)


def _codes_by_row(marked: np.ndarray, codes: tuple[str, ...]) -> list[tuple[str, ...]]:
    """For each row of a regions x indicators mask, the codes of its marked columns (one nonzero over all)."""
    rows, columns = np.nonzero(marked)
    bounds = np.searchsorted(rows, np.arange(marked.shape[0] + 1)).tolist()
    names = [codes[j] for j in columns.tolist()]
    return [tuple(names[bounds[i]:bounds[i + 1]]) for i in range(marked.shape[0])]


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
