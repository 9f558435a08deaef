"""Scoring rules of one assessment: plain functions over an instrument and its levels.

- A rubric level is normalised to 0-100: (level - lowest) / (highest - lowest) * 100.
- A dimension's score is the weighted mean of its indicators that count: those with a level.
  "Not applicable" indicators, and unscored ones while an assessment is in progress, are left
  out and the remaining weights renormalised (so weights 40/30/30 with the 30 marked N/A
  become 40/30 -> 57.1%/42.9%).
- The total is the weighted mean of the dimension scores over dimensions that have one, with
  the dimension weights renormalised the same way.
- Completeness: required indicators with neither a level nor "not applicable" are missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.models.domain import DimensionSummary, Indicator, Instrument, Summary


@dataclass(frozen=True)
class Mark:
    """What the assessor chose for one indicator."""

    level: int | None = None
    not_applicable: bool = False

    @property
    def is_scored(self) -> bool:
        return self.not_applicable or self.level is not None


def normalise(indicator: Indicator, level: int) -> float:
    low, high = indicator.min_level, indicator.max_level
    if not low <= level <= high:
        raise ValueError(f"level {level} is outside {low}..{high} for indicator {indicator.code}")
    return (level - low) / (high - low) * 100.0


def weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    """Mean of (weight, value) pairs with the weights renormalised; None if nothing counts."""
    total_weight = sum(weight for weight, _ in pairs)
    if not pairs or total_weight <= 0:
        return None
    return sum(weight * value for weight, value in pairs) / total_weight


def summarize(instrument: Instrument, marks: Mapping[str, Mark]) -> Summary:
    dimensions: list[DimensionSummary] = []
    dimension_pairs: list[tuple[float, float]] = []
    missing: list[str] = []
    scored_total = 0
    for dimension in instrument.dimensions:
        pairs: list[tuple[float, float]] = []
        scored = 0
        for indicator in dimension.indicators:
            mark = marks.get(indicator.code, Mark())
            if mark.is_scored:
                scored += 1
            elif indicator.required:
                missing.append(indicator.code)
            if mark.level is not None and not mark.not_applicable:
                pairs.append((indicator.weight, normalise(indicator, mark.level)))
        score = weighted_mean(pairs)
        if score is not None:
            dimension_pairs.append((dimension.weight, score))
        scored_total += scored
        dimensions.append(DimensionSummary(dimension.code, score, scored, len(dimension.indicators)))
    return Summary(
        total=weighted_mean(dimension_pairs),
        dimensions=tuple(dimensions),
        scored=scored_total,
        total_indicators=sum(d.total for d in dimensions),
        missing_required=tuple(missing),
    )
