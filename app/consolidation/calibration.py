"""Calibration cases as the coordinator reads them: who sits high, who sits low, on which indicators.

For each calibration case and indicator the group's level is the median of every counted
assessment of the case (the panel of all assessors). Each assessor's level is compared with it:
an indicator is *high* for an assessor who gave at least :data:`APART` rubric level above the
median, *low* for one at least that far below. The comparison is descriptive, per case; the
severity model (:mod:`app.consolidation.severity`) is what weighs it against the real interviews.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.consolidation.data import RoundData
from app.models.domain import RegionInfo

APART = 1.0  # rubric levels from the group median that make an indicator "high" or "low"


@dataclass(frozen=True)
class IndicatorComparison:
    indicator_code: str
    level: int | None  # the assessor's level (None: no level, or not applicable)
    median: float | None  # the group's median level (None: nobody gave one)

    @property
    def difference(self) -> float | None:
        """The assessor's level minus the group median, in rubric levels."""
        return None if self.level is None or self.median is None else self.level - self.median


@dataclass(frozen=True)
class AssessorCalibration:
    """One assessor's scoring of one calibration case against the group of all assessors."""

    case: RegionInfo
    assessor_id: str
    assessor_name: str
    indicators: tuple[IndicatorComparison, ...]

    @property
    def mean_difference(self) -> float | None:
        """Mean over the indicators the assessor scored: positive sits high (lenient), negative low."""
        values = [d for c in self.indicators if (d := c.difference) is not None]
        return float(np.mean(values)) if values else None

    @property
    def high(self) -> tuple[str, ...]:
        return tuple(c.indicator_code for c in self.indicators if (d := c.difference) is not None and d >= APART)

    @property
    def low(self) -> tuple[str, ...]:
        return tuple(c.indicator_code for c in self.indicators if (d := c.difference) is not None and d <= -APART)


@dataclass(frozen=True)
class CalibrationView:
    cases: tuple[RegionInfo, ...]
    medians: dict[str, dict[str, float | None]]  # case code -> indicator code -> the group median level
    assessors: tuple[AssessorCalibration, ...]  # by case, then from the highest-sitting assessor down

    def sits_high(self, case_code: str) -> tuple[AssessorCalibration, ...]:
        return tuple(a for a in self.assessors if a.case.code == case_code and (a.mean_difference or 0) > 0)

    def sits_low(self, case_code: str) -> tuple[AssessorCalibration, ...]:
        return tuple(a for a in self.assessors if a.case.code == case_code and (a.mean_difference or 0) < 0)


def _median(column: np.ndarray) -> float | None:
    present = column[~np.isnan(column)]
    return float(np.median(present)) if present.size else None


def calibration_view(data: RoundData) -> CalibrationView:
    """Every calibration case of the round, its group medians and each assessor's levels against them."""
    medians: dict[str, dict[str, float | None]] = {}
    assessors: list[AssessorCalibration] = []
    for case in data.calibration:
        rows = data.region_rows.get(case.code, slice(0, 0))
        levels = data.levels[rows]
        median = {code: _median(levels[:, i]) for i, code in enumerate(data.indicator_codes)}
        medians[case.code] = median
        mine = []
        for ref, row in zip(data.counted[rows], levels, strict=True):
            mine.append(AssessorCalibration(case, ref.assessor_id, data.assessors[ref.assessor_id].name, tuple(
                IndicatorComparison(code, None if np.isnan(value) else int(value), median[code])
                for code, value in zip(data.indicator_codes, row.tolist(), strict=True))))
        mine.sort(key=lambda a: (-(a.mean_difference or 0.0), a.assessor_name, a.assessor_id))
        assessors += mine
    return CalibrationView(tuple(data.calibration), medians, tuple(assessors))
