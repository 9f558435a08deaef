"""What the coordinator view computes for a round in the background (no Qt here).

Beside the consolidation under the rule asked for, the view wants the official rule and who chose
it and, for the severity tab and the region detail, the round's assessor severities (or why the
adjustment is refused) and each region's panel under the raw mean and under the adjusted rule.

The severity fit is made only when something needs it: the adjusted rule always; the other rules
only when asked (``severities``: the severity tab or the region detail is open), or later by
:func:`with_severity` when one of them opens. A :class:`SeverityCache` keeps the fit per round
state, so a recompute that changed no level (a moderation, another rule) does not refit.

When ``adjusted`` is asked for and refused, the ranking is *not* silently made with another rule:
``refusal`` says why, ``requested`` stays ``adjusted``, and the consolidation is the official rule's
(the mean when that is ``adjusted`` too) only so that coverage and region detail keep working; the
ranking tab shows the refusal instead of a ranking and exports nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.consolidation import AdjustmentRefused, AggregationRule, Consolidation, RegionPanel, SeverityFit
from app.consolidation.consolidate import consolidate_data
from app.consolidation.data import RoundData, load_round_data
from app.consolidation.official_rule import RuleChoice, rule_history
from app.consolidation.panel_scores import panel_scores
from app.consolidation.ranking import Placed, RankEntry, rank_entries
from app.consolidation.rules import parse_rule
from app.consolidation.severity.adjust import level_shifts, round_severity
from app.consolidation.severity.cache import SeverityCache
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
    raw: dict[str, RegionPanel]  # region code -> panel under the mean of the raw levels ({} until fitted, unless shown)
    adjusted: dict[str, RegionPanel]  # region code -> panel adjusted for severity ({} when refused)
    raw_places: dict[str, Placed]  # region code -> its place under the raw mean, when the ranking shown is adjusted
    fitted: bool  # the severity fit was made (or refused): ``severity`` and ``refusal`` say which

    @property
    def refused(self) -> bool:
        """The rule asked for is ``adjusted`` and the round cannot have it."""
        return self.requested is AggregationRule.ADJUSTED and bool(self.refusal)


def compute_round(store: Store, round_ref: str | None, rule: str | None, severities: bool = False,
                  cache: SeverityCache | None = None) -> RoundView:
    """The round under ``rule``; the severity fit only for ``adjusted`` or when ``severities`` are asked for."""
    data = load_round_data(store, round_ref)
    official = parse_rule(data.round.aggregation_rule)
    requested = parse_rule(rule) if rule is not None else official
    history = tuple(rule_history(store, data.round.id))
    if requested is AggregationRule.ADJUSTED:
        try:
            c = consolidate_data(data, requested, cache=cache)
        except AdjustmentRefused as refused:
            c = consolidate_data(data, official if official is not AggregationRule.ADJUSTED else AggregationRule.MEAN)
            return RoundView(c, requested, official, None, str(refused), _islands(data, refused), history,
                             _raw(c), {}, {}, fitted=True)
        raw = _raw(c)  # where the mean would have put each region: what the adjustment moved
        placed, _cuts = rank_entries([RankEntry(p.region.code, p.total, tuple(d.score for d in p.dimensions))
                                      for p in raw.values()], c.shortlist_sizes)
        return RoundView(c, requested, official, c.severity, "", (), history, raw,
                         {p.region.code: p for p in c.panels}, {place.code: place for place in placed}, fitted=True)
    c = consolidate_data(data, requested)
    view = RoundView(c, requested, official, None, "", (), history,
                     {p.region.code: p for p in c.panels} if c.rule is AggregationRule.MEAN else {}, {}, {},
                     fitted=False)
    return with_severity(view, cache) if severities else view


def with_severity(view: RoundView, cache: SeverityCache | None = None) -> RoundView:
    """``view`` with the severity fit (or its refusal) and the raw and adjusted panels, fitted if not yet."""
    c = view.consolidation
    raw = view.raw or _raw(c)
    if view.fitted:
        return view if raw is view.raw else replace(view, raw=raw)
    data = c.data
    try:
        severity = round_severity(data, cache)
    except AdjustmentRefused as refused:
        return replace(view, raw=raw, refusal=str(refused), islands=_islands(data, refused), fitted=True)
    panels = panel_scores(data, AggregationRule.ADJUSTED, level_shifts(data, severity))
    return replace(view, raw=raw, severity=severity, adjusted={p.region.code: p for p in panels}, fitted=True)


def _raw(c: Consolidation) -> dict[str, RegionPanel]:
    panels = c.panels if c.rule is AggregationRule.MEAN else panel_scores(c.data, AggregationRule.MEAN)
    return {p.region.code: p for p in panels}


def _islands(data: RoundData, refused: AdjustmentRefused) -> tuple[IslandView, ...]:
    return tuple(IslandView(tuple(sorted({name for code in island.candidate_ids for name in data.panel_names.get(code, ())})),
                            tuple(sorted(data.assessors[a].name for a in island.assessor_ids)), len(island.candidate_ids))
                 for island in refused.islands)
