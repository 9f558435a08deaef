"""A region's panel under the other rule, for the region detail: adjusted beside raw, or raw beside adjusted.

When the ranking is by mean, median or trimmed mean, the detail shows the adjusted levels beside
them; when it is adjusted, the mean of the assessors' own levels. With the panel's assessors'
severities. None when the round has no severity fit (its panels are not linked).

:func:`shortlist_move` says where the raw mean and the adjusted rule each place the region, and which
shortlist cut-offs the adjustment moves it across: what the region detail says to explain a change.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.consolidation import AggregationRule, RegionPanel
from app.consolidation.ranking import YES, Placed, RankEntry, rank_entries
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


@dataclass(frozen=True)
class ShortlistMove:
    raw: Placed  # the region's place under the raw mean
    adjusted: Placed  # and adjusted for assessor severity
    crossed: tuple[tuple[int, str, str], ...]  # (size, raw mark, adjusted mark) where the marks differ


def _places(panels: dict[str, RegionPanel], sizes: tuple[int, ...]) -> dict[str, Placed]:
    placed, _cuts = rank_entries([RankEntry(p.region.code, p.total, tuple(d.score for d in p.dimensions))
                                  for p in panels.values()], sizes)
    return {place.code: place for place in placed}


def shortlist_move(view: RoundView | None, region_code: str) -> ShortlistMove | None:
    """The region's place by the raw mean and adjusted (a ranking of a few hundred regions: milliseconds)."""
    if view is None or view.severity is None or not view.raw or not view.adjusted:
        return None
    sizes = view.consolidation.shortlist_sizes
    raw, adjusted = _places(view.raw, sizes).get(region_code), _places(view.adjusted, sizes).get(region_code)
    if raw is None or adjusted is None or raw.rank is None or adjusted.rank is None:
        return None
    crossed = tuple((size, before, after) for size, before, after in zip(sizes, raw.shortlist, adjusted.shortlist,
                                                                          strict=True) if before != after)
    return ShortlistMove(raw, adjusted, crossed)


def shortlist_changes(view: RoundView | None) -> list[tuple[int, int, int]]:
    """(size, regions the adjustment brings onto the shortlist, regions it takes off) per cut-off; [] unfitted."""
    if view is None or view.severity is None or not view.raw or not view.adjusted:
        return []
    sizes = view.consolidation.shortlist_sizes
    raw, adjusted = _places(view.raw, sizes), _places(view.adjusted, sizes)
    changes = []
    for index, size in enumerate(sizes):
        was = {code for code, place in raw.items() if place.shortlist[index] == YES}
        now = {code for code, place in adjusted.items() if place.shortlist[index] == YES}
        changes.append((size, len(now - was), len(was - now)))
    return changes
