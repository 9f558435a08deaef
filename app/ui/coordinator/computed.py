"""What the coordinator view computes for a round in one background step (no Qt here).

Beside the consolidation under the rule asked for, the view always wants to know the round's
assessor severities (or why the adjustment is refused), the official rule and who chose it, and
for the region detail each region's panel under the raw mean and under the adjusted rule.

When ``adjusted`` is asked for and refused, the ranking is *not* silently made with another rule:
``refusal`` says why, ``requested`` stays ``adjusted``, and the consolidation is the official rule's
(the mean when that is ``adjusted`` too) only so that coverage and region detail keep working; the
ranking tab shows the refusal instead of a ranking and exports nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.consolidation import AdjustmentRefused, AggregationRule, Consolidation, RegionPanel, SeverityFit
from app.consolidation.consolidate import consolidate_data
from app.consolidation.data import RoundData, load_round_data
from app.consolidation.official_rule import RuleChoice, rule_history
from app.consolidation.panel_scores import panel_scores
from app.consolidation.ranking import Placed, RankEntry, rank_entries
from app.consolidation.rules import parse_rule
from app.consolidation.severity.adjust import level_shifts, round_severity
from app.store import Store


@dataclass(frozen=True)
class IslandView:
    """One group of assessors linked among themselves but to no other group."""

    panels: tuple[str, ...]  # the schedule's panel names of the group's regions
    assessors: tuple[str, ...]  # names, sorted
    regions: int


@dataclass(frozen=True, eq=False)
class RoundView:
    consolidation: Consolidation
    requested: AggregationRule  # the rule the coordinator asked for
    official: AggregationRule  # the round's official rule (Round.aggregation_rule)
    severity: SeverityFit | None  # None when the adjustment is refused
    refusal: str  # why the adjusted rule is refused for this round; "" when it is not
    islands: tuple[IslandView, ...]  # the unlinked groups when that is why
    history: tuple[RuleChoice, ...]  # changes of the official rule, oldest first
    raw: dict[str, RegionPanel]  # region code -> panel under the mean of the raw levels
    adjusted: dict[str, RegionPanel]  # region code -> panel adjusted for severity ({} when refused)
    raw_places: dict[str, Placed]  # region code -> its place under the raw mean, when the ranking shown is adjusted

    @property
    def refused(self) -> bool:
        """The rule asked for is ``adjusted`` and the round cannot have it."""
        return self.requested is AggregationRule.ADJUSTED and bool(self.refusal)


def compute_round(store: Store, round_ref: str | None, rule: str | None) -> RoundView:
    data = load_round_data(store, round_ref)
    official = parse_rule(data.round.aggregation_rule)
    requested = parse_rule(rule) if rule is not None else official
    severity: SeverityFit | None = None
    refusal = ""
    islands: tuple[IslandView, ...] = ()
    if requested is AggregationRule.ADJUSTED:
        try:
            c = consolidate_data(data, requested)
            severity = c.severity
        except AdjustmentRefused as refused:
            refusal, islands = str(refused), _islands(data, refused)
            c = consolidate_data(data, official if official is not AggregationRule.ADJUSTED else AggregationRule.MEAN)
    else:
        c = consolidate_data(data, requested)
        try:
            severity = round_severity(data)
        except AdjustmentRefused as refused:
            refusal, islands = str(refused), _islands(data, refused)
    shown = c.rule
    raw = {p.region.code: p for p in (c.panels if shown is AggregationRule.MEAN
                                     else panel_scores(data, AggregationRule.MEAN))}
    adjusted: dict[str, RegionPanel] = {}
    if severity is not None:
        panels = c.panels if shown is AggregationRule.ADJUSTED else panel_scores(
            data, AggregationRule.ADJUSTED, level_shifts(data, severity))
        adjusted = {p.region.code: p for p in panels}
    raw_places: dict[str, Placed] = {}
    if shown is AggregationRule.ADJUSTED:  # where the mean would have put each region: what the adjustment moved
        placed, _cuts = rank_entries([RankEntry(p.region.code, p.total, tuple(d.score for d in p.dimensions))
                                      for p in raw.values()], c.shortlist_sizes)
        raw_places = {place.code: place for place in placed}
    history = tuple(rule_history(store, data.round.id))
    return RoundView(c, requested, official, severity, refusal, islands, history, raw, adjusted, raw_places)


def _islands(data: RoundData, refused: AdjustmentRefused) -> tuple[IslandView, ...]:
    return tuple(IslandView(tuple(sorted({name for code in island.candidate_ids for name in data.panel_names.get(code, ())})),
                            tuple(sorted(data.assessors[a].name for a in island.assessor_ids)), len(island.candidate_ids))
                 for island in refused.islands)
