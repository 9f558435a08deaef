"""Everything consolidation needs about one round, read in one consistent snapshot.

Scores are read with SQLAlchemy Core (no ORM objects): one query joining ``assessment`` and
``score`` for the round, straight into a numpy matrix of levels, one row per counted assessment
and one column per indicator of the round's instrument. Works on any :class:`~app.store.Store`
(SQLite or PostgreSQL).

Which assessments count (the same rule is written in ``docs/ranking-method.md``):

- the version in force (``is_current``) of a record, with status ``final`` or ``signed``;
- not flagged ``in_conflict`` (competing versions from an import wait for the coordinator);
- given under the round's instrument version (same content hash);
- one per assessor and region: if an assessor has two such assessments of the same region, both
  are set aside as ``duplicate`` until the coordinator resolves it, rather than one picked silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import and_, or_, select
from sqlalchemy.engine import Connection
from sqlmodel import Session

from app import catalogue
from app.models.domain import AssessorInfo, Instrument, RegionInfo
from app.models.moderation import Moderation
from app.models.tables import (
    Assessment,
    Assessor,
    Candidate,
    InterviewSlot,
    PanelAssessor,
    Province,
    Region,
    Score,
)
from app.store import Store

COUNTED_STATUSES = ("final", "signed")


class ConsolidationError(Exception):
    """A consolidation request that cannot be met; the message says why and what to do."""


@dataclass(frozen=True)
class AssessmentRef:
    """One assessment version as consolidation sees it."""

    version_id: str
    record_id: str
    region_code: str
    assessor_id: str
    status: str  # draft | final | signed
    is_current: bool
    in_conflict: bool
    instrument_hash: str
    excluded: str = ""  # why it does not count: "" (it counts) | draft | conflict | duplicate | instrument

    @property
    def counted(self) -> bool:
        return not self.excluded


@dataclass(frozen=True)
class ModerationInfo:
    round_id: str
    region_code: str
    indicator_code: str
    level: int
    reason: str
    actor: str
    at: str
    log_entry_id: str


@dataclass(frozen=True)
class RoundMeta:
    id: str
    name: str
    programme: str
    aggregation_rule: str
    shortlist_sizes: tuple[int, ...]


@dataclass(frozen=True, eq=False)
class RoundData:
    """A round's candidates, panels, assessments, levels and moderations.

    ``levels`` has one row per counted assessment (``counted[i]``), grouped by region in the order
    of ``regions`` (``region_rows[code]`` is the slice of that region's rows), and one column per
    indicator in instrument order (``indicator_codes``). NaN where the assessor gave no level;
    ``not_applicable`` marks the cells marked "not applicable".
    """

    round: RoundMeta
    instrument: Instrument
    regions: tuple[RegionInfo, ...]
    assessors: dict[str, AssessorInfo]
    panel: dict[str, tuple[str, ...]]  # region code -> assessor ids seated on its panel(s)
    assessments: tuple[AssessmentRef, ...]  # every current (or conflicting) version in the round
    counted: tuple[AssessmentRef, ...]
    indicator_codes: tuple[str, ...]
    levels: np.ndarray
    not_applicable: np.ndarray
    region_rows: dict[str, slice]
    moderations: dict[tuple[str, str], ModerationInfo] = field(default_factory=dict)

    def region_levels(self, code: str) -> np.ndarray:
        return self.levels[self.region_rows.get(code, slice(0, 0))]

    def region_assessors(self, code: str) -> tuple[str, ...]:
        return tuple(ref.assessor_id for ref in self.counted[self.region_rows.get(code, slice(0, 0))])


def shortlist_sizes(text: str) -> tuple[int, ...]:
    sizes = []
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            size = int(part)
        except ValueError:
            raise ConsolidationError(f"the round's shortlist sizes {text!r} are not whole numbers") from None
        if size <= 0:
            raise ConsolidationError(f"the round's shortlist sizes {text!r} must be positive")
        sizes.append(size)
    return tuple(sorted(set(sizes), reverse=True))


def load_round_data(store: Store, round_ref: str | None = None) -> RoundData:
    """Read one round (by id, id prefix or name; the only one when None) for consolidation."""
    with store.engine.connect() as conn, conn.begin():
        return _load(conn, round_ref)


def _load(conn: Connection, round_ref: str | None) -> RoundData:
    from app.rounds import resolve_round

    session = Session(bind=conn)
    try:
        round_row = resolve_round(session, round_ref)
        meta = RoundMeta(round_row.id, round_row.name, round_row.programme, round_row.aggregation_rule or "mean",
                         shortlist_sizes(round_row.shortlist_sizes))
        instrument = catalogue.load_instrument(session, round_row.instrument_hash)
    finally:
        session.close()
    round_id = meta.id
    a = Assessment.__table__.c

    assessments = [
        AssessmentRef(r.version_id, r.record_id, r.region_code, r.assessor_id, r.status, bool(r.is_current),
                      bool(r.in_conflict), r.instrument_hash)
        for r in conn.execute(
            select(a.version_id, a.record_id, a.region_code, a.assessor_id, a.status, a.is_current, a.in_conflict,
                   a.instrument_hash)
            .where(a.round_id == round_id, or_(a.is_current, a.in_conflict))
            .order_by(a.region_code, a.assessor_id, a.record_id, a.version_id)
        )
    ]
    assessments = _mark_exclusions(assessments, instrument.content_hash)

    c, rg, pv = Candidate.__table__.c, Region.__table__.c, Province.__table__.c
    candidate_codes = set(conn.execute(select(c.region_code).where(c.round_id == round_id)).scalars())
    codes = sorted(candidate_codes | {ref.region_code for ref in assessments})
    regions = {
        r.code: RegionInfo(r.code, r.name, r.kind, r.province_code, r.province_name)
        for r in conn.execute(
            select(rg.code, rg.name, rg.kind, rg.province_code, pv.name.label("province_name"))
            .join(Province.__table__, pv.code == rg.province_code)
            .where(rg.code.in_(codes))
        )
    }
    missing_regions = [code for code in codes if code not in regions]
    if missing_regions:
        raise ConsolidationError(f"regions {', '.join(missing_regions)} of round {meta.name!r} are not in the "
                                 "region catalogue of this store")

    sl, pa = InterviewSlot.__table__.c, PanelAssessor.__table__.c
    panel: dict[str, list[str]] = {}
    for region_code, assessor_id in conn.execute(
        select(sl.region_code, pa.assessor_id).join(PanelAssessor.__table__, pa.panel_id == sl.panel_id)
        .where(sl.round_id == round_id).distinct().order_by(sl.region_code, pa.assessor_id)
    ):
        panel.setdefault(region_code, []).append(assessor_id)

    assessor_ids = sorted({ref.assessor_id for ref in assessments} | {i for ids in panel.values() for i in ids})
    ar = Assessor.__table__.c
    assessors = {
        r.id: AssessorInfo(r.id, r.name, r.nip, r.organisation)
        for r in conn.execute(select(ar.id, ar.name, ar.nip, ar.organisation).where(ar.id.in_(assessor_ids)))
    } if assessor_ids else {}
    for assessor_id in assessor_ids:  # an assessment from an assessor this store has no row for
        assessors.setdefault(assessor_id, AssessorInfo(assessor_id, assessor_id[:8], "", ""))

    counted = [ref for ref in assessments if ref.counted]  # already ordered by region
    region_rows: dict[str, slice] = {}
    start = 0
    for index in range(len(counted) + 1):
        if index == len(counted) or (index > start and counted[index].region_code != counted[start].region_code):
            if index > start:
                region_rows[counted[start].region_code] = slice(start, index)
            start = index
    indicator_codes = tuple(ind.code for ind in instrument.indicators())
    levels, not_applicable = _levels_matrix(conn, round_id, counted, indicator_codes, instrument)

    m = Moderation.__table__.c
    moderations = {
        (r.region_code, r.indicator_code): ModerationInfo(round_id, r.region_code, r.indicator_code, int(r.level),
                                                          r.reason, r.actor, r.at, r.log_entry_id)
        for r in conn.execute(select(m.region_code, m.indicator_code, m.level, m.reason, m.actor, m.at,
                                     m.log_entry_id).where(m.round_id == round_id))
    }
    return RoundData(
        round=meta, instrument=instrument, regions=tuple(regions[code] for code in codes), assessors=assessors,
        panel={code: tuple(ids) for code, ids in panel.items()}, assessments=tuple(assessments),
        counted=tuple(counted), indicator_codes=indicator_codes, levels=levels, not_applicable=not_applicable,
        region_rows=region_rows, moderations=moderations,
    )


def _mark_exclusions(assessments: list[AssessmentRef], instrument_hash: str) -> list[AssessmentRef]:
    from dataclasses import replace

    def reason(ref: AssessmentRef) -> str:
        if ref.in_conflict:
            return "conflict"
        if ref.status not in COUNTED_STATUSES:
            return "draft"
        if ref.instrument_hash != instrument_hash:
            return "instrument"
        return ""

    marked = [replace(ref, excluded=reason(ref)) for ref in assessments]
    seen: dict[tuple[str, str], int] = {}
    for ref in marked:
        if ref.counted:
            key = (ref.region_code, ref.assessor_id)
            seen[key] = seen.get(key, 0) + 1
    return [replace(ref, excluded="duplicate") if ref.counted and seen[(ref.region_code, ref.assessor_id)] > 1
            else ref for ref in marked]


def _levels_matrix(conn: Connection, round_id: str, counted: list[AssessmentRef], indicator_codes: tuple[str, ...],
                   instrument: Instrument) -> tuple[np.ndarray, np.ndarray]:
    a, s = Assessment.__table__.c, Score.__table__.c
    levels = np.full((len(counted), len(indicator_codes)), np.nan)
    not_applicable = np.zeros(levels.shape, dtype=bool)
    if not counted:
        return levels, not_applicable
    # The one query over the big table: every score of every counted-looking version of the round.
    rows = conn.execute(
        select(s.version_id, s.indicator_code, s.level, s.not_applicable)
        .join(Assessment.__table__, a.version_id == s.version_id)
        .where(and_(a.round_id == round_id, a.is_current, ~a.in_conflict,
                    a.status.in_(COUNTED_STATUSES)))
    ).all()
    if not rows:
        return levels, not_applicable
    version_ids, codes, values, flags = zip(*rows, strict=True)
    row_of = {ref.version_id: index for index, ref in enumerate(counted)}
    column_of = {code: index for index, code in enumerate(indicator_codes)}
    row_index = np.fromiter((row_of.get(v, -1) for v in version_ids), dtype=np.int64, count=len(rows))
    col_index = np.fromiter((column_of.get(c, -1) for c in codes), dtype=np.int64, count=len(rows))
    value = np.array(values, dtype=float)
    na = np.array(flags, dtype=bool)
    keep = (row_index >= 0) & (col_index >= 0)  # drops excluded versions and codes outside the instrument
    row_index, col_index, value, na = row_index[keep], col_index[keep], value[keep], na[keep]
    value[na] = np.nan
    levels[row_index, col_index] = value
    not_applicable[row_index, col_index] = na
    _check_ranges(levels, counted, indicator_codes, instrument)
    return levels, not_applicable


def _check_ranges(levels: np.ndarray, counted: list[AssessmentRef], indicator_codes: tuple[str, ...],
                  instrument: Instrument) -> None:
    highs = np.array([instrument.indicator(code).max_level for code in indicator_codes], dtype=float)
    lows = np.array([instrument.indicator(code).min_level for code in indicator_codes], dtype=float)
    bad = ~np.isnan(levels) & ((levels < lows) | (levels > highs) | (levels != np.round(levels)))
    if bad.any():
        row, col = (int(i) for i in np.argwhere(bad)[0])
        ref = counted[row]
        raise ConsolidationError(
            f"assessment {ref.version_id[:8]} (region {ref.region_code}) has level {levels[row, col]:g} for "
            f"{indicator_codes[col]}, outside {lows[col]:g}..{highs[col]:g}; correct or reimport it")
