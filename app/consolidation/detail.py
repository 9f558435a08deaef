"""One region of a consolidated round in detail: each counted assessor's level, note and evidence per
indicator, beside the panel's combined, moderated and used figures and the moderation history."""

from __future__ import annotations

from dataclasses import dataclass

from app.assessments.snapshots import snapshot
from app.consolidation.consolidate import Consolidation
from app.consolidation.moderation import ModerationEvent, moderation_history
from app.models.domain import AssessorInfo, RegionInfo
from app.store import Store


@dataclass(frozen=True)
class AssessorLevel:
    level: int | None
    not_applicable: bool
    note: str
    evidence: tuple[str, ...]  # file names


@dataclass(frozen=True)
class IndicatorDetail:
    code: str
    dimension_code: str
    title: str
    min_level: int
    max_level: int
    levels: tuple[AssessorLevel, ...]  # one per assessor of RegionDetail.assessors
    combined: float | None
    moderated: int | None
    used: float | None
    spread: int | None
    flagged: bool
    moderation_reason: str
    level_labels: tuple[tuple[int, str], ...] = ()  # the rubric's (level, label) in the interface language


@dataclass(frozen=True)
class RegionDetail:
    round_id: str
    region: RegionInfo
    assessors: tuple[AssessorInfo, ...]
    statuses: tuple[str, ...]
    indicators: tuple[IndicatorDetail, ...]
    total: float | None
    rank: int | None
    history: tuple[ModerationEvent, ...]


def region_detail(store: Store, c: Consolidation, region_code: str, lang: str = "en") -> RegionDetail:
    """Each counted assessor's level, note and evidence per indicator, beside the panel's figures."""
    data = c.data
    refs = sorted(data.counted[data.region_rows.get(region_code, slice(0, 0))],
                  key=lambda ref: (data.assessors[ref.assessor_id].name.casefold(), ref.assessor_id))
    snaps = [snapshot(store, ref.version_id) for ref in refs]
    panel = c.panel(region_code)
    ranked = next((r for r in c.ranking if r.region.code == region_code), None)
    indicators = []
    for dim in c.instrument.dimensions:
        for ind in dim.indicators:
            p = panel.indicator(ind.code)
            per = []
            for snap in snaps:
                score = snap.score(ind.code)
                per.append(AssessorLevel(score.level if score else None, bool(score and score.not_applicable),
                                         score.note if score else "",
                                         tuple(e.file_name for e in score.evidence) if score else ()))
            moderation = data.moderations.get((region_code, ind.code))
            indicators.append(IndicatorDetail(
                ind.code, dim.code, ind.title.id if lang == "id" else ind.title.en, ind.min_level, ind.max_level,
                tuple(per), p.combined, p.moderated, p.used, p.spread, p.flagged,
                moderation.reason if moderation else "",
                tuple((lvl.level, lvl.label.id if lang == "id" else lvl.label.en) for lvl in ind.levels)))
    history = tuple(e for e in moderation_history(store, c.round.id) if e.region_code == region_code)
    return RegionDetail(c.round.id, panel.region, tuple(data.assessors[ref.assessor_id] for ref in refs),
                        tuple(ref.status for ref in refs), tuple(indicators), panel.total,
                        ranked.rank if ranked else None, history)
