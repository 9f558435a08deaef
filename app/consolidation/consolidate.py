"""One call from the store to a ranking: coverage, panel scores, agreement, ranking, shortlists.

The result is plain frozen dataclasses (numpy arrays inside are read-only), safe to hand across
threads to the coordinator's window and to the exports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from app.base.gcpause import paused_gc
from app.consolidation.agreement import Agreement, round_agreement
from app.consolidation.coverage import RegionCoverage, coverage
from app.consolidation.data import RoundData, RoundMeta, load_round_data
from app.consolidation.panel_scores import DimensionScore, RegionPanel, assessment_totals, panel_scores
from app.consolidation.ranking import SCORE_DECIMALS, RankEntry, ShortlistCut, rank_entries
from app.consolidation.rules import AggregationRule, parse_rule
from app.consolidation.severity.adjust import level_shifts, round_severity
from app.consolidation.severity.cache import SeverityCache
from app.consolidation.severity.model import SeverityFit
from app.models.domain import Instrument, RegionInfo
from app.store import Store

REGION_CODE_TIE_BREAKER = "region code"


@dataclass(frozen=True)
class RankedRegion:
    position: int  # place in the ordered list, 1-based
    rank: int | None  # standard competition rank; None without a panel score
    region: RegionInfo
    total: float | None  # panel score 0-100
    dimensions: tuple[DimensionScore, ...]  # instrument order
    assessors: int  # counted assessments
    expected: int  # assessors seated on the region's panel(s)
    missing: int  # panel assessors without a counted assessment
    in_conflict: int  # assessors whose versions conflict (or duplicate)
    flagged_indicators: tuple[str, ...]  # assessors differ by 2 levels or more
    moderated_indicators: tuple[str, ...]
    score_tied: bool  # same panel score as another region (separated by tie-breakers unless tied_with)
    tied_with: tuple[str, ...]  # genuinely equal regions (same score and tie-breakers)
    shortlist: tuple[tuple[int, str], ...]  # (size, "yes" | "no" | "tie") per shortlist size

    def on_shortlist(self, size: int) -> str:
        return dict(self.shortlist)[size]


@dataclass(frozen=True, eq=False)
class Consolidation:
    round: RoundMeta
    instrument: Instrument
    rule: AggregationRule  # the rule this ranking was produced with
    tie_breakers: tuple[str, ...]  # dimension codes in order, then "region code" (orders only)
    score_decimals: int
    generated_at: str  # ISO 8601 UTC
    coverage: tuple[RegionCoverage, ...]
    panels: tuple[RegionPanel, ...]
    agreement: Agreement
    ranking: tuple[RankedRegion, ...]
    cuts: tuple[ShortlistCut, ...]
    data: RoundData
    severity: SeverityFit | None = None  # the fitted severities (the adjusted rule)

    def panel(self, region_code: str) -> RegionPanel:
        return next(p for p in self.panels if p.region.code == region_code)

    def cut(self, size: int) -> ShortlistCut:
        return next(c for c in self.cuts if c.size == size)

    @property
    def shortlist_sizes(self) -> tuple[int, ...]:
        return tuple(cut.size for cut in self.cuts)

    @property
    def straddling_ties(self) -> tuple[ShortlistCut, ...]:
        return tuple(c for c in self.cuts if c.straddled)


def consolidate(store: Store, round_ref: str | None = None, rule: AggregationRule | str | None = None,
                shortlist_sizes: tuple[int, ...] | None = None) -> Consolidation:
    """Consolidate a round. ``rule`` and ``shortlist_sizes`` default to the round's own settings."""
    data = load_round_data(store, round_ref)
    return consolidate_data(data, rule, shortlist_sizes)


@paused_gc()  # tens of thousands of small acyclic objects: see app.base.gcpause
def consolidate_data(data: RoundData, rule: AggregationRule | str | None = None,
                     shortlist_sizes: tuple[int, ...] | None = None, cache: SeverityCache | None = None) -> Consolidation:
    """``cache``: where the adjusted rule finds (or keeps) the severity fit of this round state."""
    chosen = parse_rule(rule if rule is not None else data.round.aggregation_rule)
    sizes = tuple(shortlist_sizes) if shortlist_sizes is not None else data.round.shortlist_sizes
    severity, panels = rule_panels(data, chosen, cache)
    totals = assessment_totals(data)
    totals.setflags(write=False)
    agreement = round_agreement(data, panels, totals)
    cover = coverage(data)
    cover_of = {c.region.code: c for c in cover}
    entries = [RankEntry(p.region.code, p.total, tuple(d.score for d in p.dimensions)) for p in panels]
    placed, cuts = rank_entries(entries, sizes)
    panel_of = {p.region.code: p for p in panels}
    ranking = []
    for place in placed:
        panel, cov = panel_of[place.code], cover_of[place.code]
        ranking.append(RankedRegion(
            position=place.position, rank=place.rank, region=panel.region, total=panel.total,
            dimensions=panel.dimensions, assessors=len(panel.assessor_ids), expected=cov.expected,
            missing=len(cov.missing), in_conflict=len(cov.in_conflict),
            flagged_indicators=panel.flagged_indicators, moderated_indicators=panel.moderated_indicators,
            score_tied=place.score_tied, tied_with=place.tied_with,
            shortlist=tuple(zip(sizes, place.shortlist, strict=True)),
        ))
    return Consolidation(
        round=data.round, instrument=data.instrument, rule=chosen,
        tie_breakers=(*(d.code for d in data.instrument.dimensions), REGION_CODE_TIE_BREAKER),
        score_decimals=SCORE_DECIMALS, generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        coverage=cover, panels=panels, agreement=agreement, ranking=tuple(ranking), cuts=cuts, data=data,
        severity=severity,
    )


def rule_panels(data: RoundData, rule: AggregationRule,
                cache: SeverityCache | None = None) -> tuple[SeverityFit | None, tuple[RegionPanel, ...]]:
    """The panels under ``rule``; for ``adjusted`` also the severity fit (or :class:`AdjustmentRefused`)."""
    if rule is AggregationRule.ADJUSTED:
        fit = round_severity(data, cache)
        return fit, panel_scores(data, rule, level_shifts(data, fit))
    return None, panel_scores(data, rule)
