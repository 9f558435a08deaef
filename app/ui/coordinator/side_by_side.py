"""A region's panel under the other rule, for the region detail: adjusted beside raw, or raw beside adjusted.

When the ranking is by mean, median or trimmed mean, the detail shows the adjusted levels beside
them; when it is adjusted, the mean of the assessors' own levels. With the panel's assessors'
severities. None when the round has no severity fit (its panels are not linked).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.consolidation import AggregationRule, RegionPanel
from app.consolidation.severity.model import AssessorSeverity
from app.ui.coordinator.computed import RoundView


@dataclass(frozen=True)
class SideBySide:
    raw: bool  # True: ``panel`` is the raw mean (the ranking shown is adjusted); False: ``panel`` is adjusted
    panel: RegionPanel
    severities: dict[str, AssessorSeverity]

    def combined(self, indicator_code: str) -> float | None:
        return self.panel.indicator(indicator_code).combined

    def severity(self, assessor_id: str) -> AssessorSeverity | None:
        return self.severities.get(assessor_id)


def side_by_side(view: RoundView | None, region_code: str) -> SideBySide | None:
    if view is None or view.severity is None:
        return None
    raw = view.consolidation.rule is AggregationRule.ADJUSTED
    panel = (view.raw if raw else view.adjusted).get(region_code)
    if panel is None:
        return None
    return SideBySide(raw, panel, {a.assessor_id: a for a in view.severity.assessors})
