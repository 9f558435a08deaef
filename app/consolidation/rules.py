"""How a panel's levels for one indicator are combined into one level: mean, median, trimmed mean.

The rules, exactly (``docs/ranking-method.md`` says the same for an official recomputing by hand):

- ``mean``: the arithmetic mean of the levels.
- ``median``: the middle level of the sorted levels; with an even count, the mean of the two
  middle levels.
- ``trimmed_mean``: with three or more levels, drop one lowest and one highest level and take the
  mean of the rest; with one or two levels, the mean.
- ``adjusted``: the mean of the levels after each is corrected for its assessor's severity
  (:mod:`app.consolidation.severity`); the caller passes the corrected levels, so here it is the
  mean. Refused for a round whose assessors are not linked.

Only levels count: "not applicable" and unscored indicators are not values and are left out
before the rule is applied. No levels: no combined level (None).

:func:`combine_columns` works on a matrix, one column per indicator, so a whole region is combined
in one step; :func:`combine` is the same rule on one list of levels.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

import numpy as np


class AggregationRule(StrEnum):
    MEAN = "mean"
    MEDIAN = "median"
    TRIMMED_MEAN = "trimmed_mean"
    ADJUSTED = "adjusted"  # mean of the levels corrected for each assessor's severity


DEFAULT_RULE = AggregationRule.MEAN

DESCRIPTIONS = {
    AggregationRule.MEAN: {
        "en": "mean: the arithmetic mean of the assessors' levels",
        "id": "rata-rata: rata-rata aritmetika tingkat dari para asesor",
    },
    AggregationRule.MEDIAN: {
        "en": "median: the middle level; with an even number of levels, the mean of the two middle ones",
        "id": "median: tingkat tengah; bila jumlah tingkat genap, rata-rata dua tingkat tengah",
    },
    AggregationRule.TRIMMED_MEAN: {
        "en": "trimmed mean: with 3 or more levels, drop one lowest and one highest, then the mean of "
              "the rest; with 1 or 2 levels, the mean",
        "id": "rata-rata terpangkas: bila ada 3 tingkat atau lebih, buang satu terendah dan satu tertinggi, "
              "lalu rata-rata sisanya; bila 1 atau 2 tingkat, rata-rata",
    },
    AggregationRule.ADJUSTED: {
        "en": "adjusted for assessor severity: each assessor's level plus that assessor's severity (estimated "
              "from every region assessors scored in common), then the mean",
        "id": "disesuaikan dengan keketatan asesor: tingkat tiap asesor ditambah keketatan asesor itu (diperkirakan "
              "dari semua daerah yang dinilai bersama oleh para asesor), lalu rata-rata",
    },
}


class RuleError(ValueError):
    """An aggregation rule this program does not know."""


def parse_rule(value: str | AggregationRule | None) -> AggregationRule:
    if value is None or value == "":
        return DEFAULT_RULE
    try:
        return AggregationRule(str(value).strip().lower().replace("-", "_"))
    except ValueError:
        known = ", ".join(rule.value for rule in AggregationRule)
        raise RuleError(f"unknown aggregation rule {value!r}; use one of: {known}") from None


def describe(rule: AggregationRule, lang: str = "en") -> str:
    return DESCRIPTIONS[rule]["id" if lang == "id" else "en"]


def combine_columns(rule: AggregationRule, levels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Combine each column of ``levels`` (raters x indicators, NaN where a rater gave no level).

    Returns ``(combined, counts)``: the combined level per column (NaN where a column has no
    level) and how many levels each column had.
    """
    values = np.asarray(levels, dtype=float)
    if values.ndim != 2:
        raise ValueError("levels must be a raters x indicators matrix")
    present = ~np.isnan(values)
    counts = present.sum(axis=0)
    total = np.where(present, values, 0.0).sum(axis=0)
    combined = np.full(values.shape[1], np.nan)
    has = counts > 0
    if rule is AggregationRule.MEAN or rule is AggregationRule.ADJUSTED:  # adjusted: levels already corrected
        combined[has] = total[has] / counts[has]
    elif rule is AggregationRule.MEDIAN:
        ordered = np.sort(values, axis=0)  # NaN sorts last
        columns = np.nonzero(has)[0]
        low = ordered[(counts[columns] - 1) // 2, columns]
        high = ordered[counts[columns] // 2, columns]
        combined[columns] = (low + high) / 2.0
    elif rule is AggregationRule.TRIMMED_MEAN:
        lowest = np.fmin.reduce(values, axis=0) if values.shape[0] else np.full(values.shape[1], np.nan)
        highest = np.fmax.reduce(values, axis=0) if values.shape[0] else np.full(values.shape[1], np.nan)
        trim = counts >= 3
        plain = has & ~trim
        combined[plain] = total[plain] / counts[plain]
        combined[trim] = (total[trim] - lowest[trim] - highest[trim]) / (counts[trim] - 2)
    else:  # pragma: no cover - the enum is closed
        raise RuleError(f"unknown aggregation rule {rule!r}")
    return combined, counts


def combine(rule: AggregationRule | str, levels: Iterable[int | float | None]) -> float | None:
    """The combined level of one indicator's levels (None entries are left out); None if none."""
    chosen = parse_rule(rule)  # adjusted: the caller passes levels already corrected for severity
    values = [float(v) for v in levels if v is not None]
    if not values:
        return None
    combined, _ = combine_columns(chosen, np.array(values, dtype=float).reshape(-1, 1))
    return float(combined[0])
