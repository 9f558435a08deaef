"""Everything consolidation needs about one round, read in one consistent snapshot.

Scores are read with SQLAlchemy Core (no ORM objects) in one query over ``assessment`` and
``score`` for the round: each assessment row carries its scores as one aggregated string, the
indicator codes then the levels (``CODE,CODE,...:level,na,...``, where ``n`` marks "not applicable";
``aggregate_strings`` is ``group_concat`` on SQLite and ``string_agg`` on PostgreSQL, both lists
built in one pass over the same rows), taken from ``score`` by a correlated subquery on the version
id that SQLite answers from the covering index ``ix_score_levels`` alone (migration 0009). That is
measured ~3x faster on SQLite than fetching 400,000 score rows (or joining with a GROUP BY, which
needs a temporary sort), and its rows are taken as the driver gives them (no SQLAlchemy rows). Assessments with the same list of codes (nearly all of a
round) are turned into the numpy matrix of levels together, one row per counted assessment and one
column per indicator of the round's instrument, by reading their one-character levels as bytes:
no Python object per score, so 2,000 candidates x 20 assessors x 40 indicators stay well under
300 MB (``benchmarks/bench_consolidation.py --regions 2000``). Works on any
:class:`~app.store.Store` (SQLite or PostgreSQL).

Which assessments count (the same rule is written in ``docs/ranking-method.md``):

- the version in force (``is_current``) of a record, with status ``final`` or ``signed``;
- not flagged ``in_conflict`` (competing versions from an import wait for the coordinator);
- given under the round's instrument version (same content hash);
- one per assessor and region: if an assessor has two such assessments of the same region, both
  are set aside as ``duplicate`` until the coordinator resolves it, rather than one picked silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter, itemgetter
from typing import NamedTuple

import numpy as np
from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlmodel import Session

from app.base.gcpause import paused_gc
from app.base.ids import short_id
from app.consolidation.errors import ConsolidationError
from app.consolidation.levels_read import (
    assessments_with_levels,
    driver_rows,
    levels_matrix,
    parse_levels,
)
from app.instruments import catalogue
from app.models.domain import AssessorInfo, Instrument, RegionInfo
from app.models.moderation import Moderation
from app.models.tables import (
    Assessor,
    Candidate,
    InterviewSlot,
    Panel,
    PanelAssessor,
    Province,
    Region,
    table_of,
)
from app.regions.calibration import is_calibration_code
from app.rounds import resolve_round
from app.rounds.setup.calibration import CALIBRATION
from app.store import Store

COUNTED_STATUSES = ("final", "signed")


class AssessmentRef(NamedTuple):
    """One assessment version as consolidation sees it (a named tuple: a round holds tens of thousands)."""

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
    # levels of the assessments that do not count (version id -> code -> level, None = N/A), for exports
    excluded_levels: dict[str, dict[str, int | None]] = field(default_factory=dict)
    # region code -> names of the panels that interview it (from the schedule), for naming groups of panels
    panel_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The round's calibration cases: their levels are rows of ``levels`` (the severity fit and the
    # calibration comparison read them) but they are not in ``regions``, so nothing ranks them.
    calibration: tuple[RegionInfo, ...] = ()

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
    with paused_gc(), store.engine.connect() as conn, conn.begin():  # paused: see app.base.gcpause
        return _load(conn, round_ref)


def _load(conn: Connection, round_ref: str | None) -> RoundData:
    session = Session(bind=conn)
    try:
        round_row = resolve_round(session, round_ref)
        meta = RoundMeta(round_row.id, round_row.name, round_row.programme, round_row.aggregation_rule or "mean",
                         shortlist_sizes(round_row.shortlist_sizes))
        instrument = catalogue.load_instrument(session, round_row.instrument_hash)
    finally:
        session.close()
    round_id = meta.id
    rows = driver_rows(conn, assessments_with_levels(round_id))
    c, rg, pv = table_of(Candidate).c, table_of(Region).c, table_of(Province).c
    statuses = dict(conn.execute(select(c.region_code, c.status).where(c.round_id == round_id)).all())
    # A calibration case removed from the round after it was scored (forced): its records stay, counted nowhere.
    removed = {code for code in {r[2] for r in rows} if is_calibration_code(code) and statuses.get(code) != CALIBRATION}
    if removed:
        rows = [r for r in rows if r[2] not in removed]
    rows.sort(key=itemgetter(2, 3, 1, 0))  # region, assessor, record, version
    excluded = _exclusions(rows, instrument.content_hash)
    make = AssessmentRef._make
    assessments = tuple(make((r[0], r[1], r[2], r[3], r[4], bool(r[5]), bool(r[6]), r[7], why))
                        for r, why in zip(rows, excluded, strict=True))
    counted = tuple(ref for ref in assessments if ref.counted)  # ordered by region
    indicator_codes = tuple(ind.code for ind in instrument.indicators())
    levels, not_applicable = levels_matrix([r[8] for r, why in zip(rows, excluded, strict=True) if not why],
                                            counted, indicator_codes, instrument)
    region_rows: dict[str, slice] = {}
    start = 0
    for code, refs in groupby(counted, key=attrgetter("region_code")):  # counted is ordered by region
        stop = start + sum(1 for _ in refs)
        region_rows[code] = slice(start, stop)
        start = stop

    codes = sorted(set(statuses) | {ref.region_code for ref in assessments})
    calibration = {code for code in codes if statuses.get(code) == CALIBRATION or is_calibration_code(code)}
    regions = {
        r.code: RegionInfo(r.code, r.name, r.kind, r.province_code, r.province_name)
        for r in conn.execute(
            select(rg.code, rg.name, rg.kind, rg.province_code, pv.name.label("province_name"))
            .join(table_of(Province), pv.code == rg.province_code)
            .where(rg.code.in_(codes))
        )
    }
    missing_regions = [code for code in codes if code not in regions]
    if missing_regions:
        raise ConsolidationError(f"regions {', '.join(missing_regions)} of round {meta.name!r} are not in the "
                                 "region catalogue of this store")

    sl, pa = table_of(InterviewSlot).c, table_of(PanelAssessor).c
    panel: dict[str, list[str]] = {}
    for region_code, assessor_id in conn.execute(
        select(sl.region_code, pa.assessor_id).join(table_of(PanelAssessor), pa.panel_id == sl.panel_id)
        .where(sl.round_id == round_id).distinct().order_by(sl.region_code, pa.assessor_id)
    ):
        panel.setdefault(region_code, []).append(assessor_id)

    pn = table_of(Panel).c
    panel_names: dict[str, list[str]] = {}
    for region_code, name in conn.execute(
        select(sl.region_code, pn.name).join(table_of(Panel), pn.id == sl.panel_id)
        .where(sl.round_id == round_id).distinct().order_by(sl.region_code, pn.name)
    ):
        panel_names.setdefault(region_code, []).append(name)

    assessor_ids = sorted({ref.assessor_id for ref in assessments} | {i for ids in panel.values() for i in ids})
    ar = table_of(Assessor).c
    assessors = {
        r.id: AssessorInfo(r.id, r.name, r.nip, r.organisation)
        for r in conn.execute(select(ar.id, ar.name, ar.nip, ar.organisation).where(ar.id.in_(assessor_ids)))
    } if assessor_ids else {}
    for assessor_id in assessor_ids:  # an assessment from an assessor this store has no row for
        assessors.setdefault(assessor_id, AssessorInfo(assessor_id, short_id(assessor_id), "", ""))

    m = table_of(Moderation).c
    moderations = {
        (r.region_code, r.indicator_code): ModerationInfo(round_id, r.region_code, r.indicator_code, int(r.level),
                                                          r.reason, r.actor, r.at, r.log_entry_id)
        for r in conn.execute(select(m.region_code, m.indicator_code, m.level, m.reason, m.actor, m.at,
                                     m.log_entry_id).where(m.round_id == round_id))
    }
    excluded_levels = {r[0]: parse_levels(r[8]) for r, why in zip(rows, excluded, strict=True) if why}
    levels.setflags(write=False)
    not_applicable.setflags(write=False)
    return RoundData(
        round=meta, instrument=instrument, regions=tuple(regions[code] for code in codes if code not in calibration),
        calibration=tuple(regions[code] for code in codes if code in calibration), assessors=assessors,
        panel={code: tuple(ids) for code, ids in panel.items()}, assessments=assessments,
        counted=counted, indicator_codes=indicator_codes, levels=levels, not_applicable=not_applicable,
        region_rows=region_rows, moderations=moderations, excluded_levels=excluded_levels,
        panel_names={code: tuple(names) for code, names in panel_names.items()},
    )


def _exclusions(rows: list, instrument_hash: str) -> list[str]:
    """Why each (region-ordered) assessment row does not count; "" where it counts."""

    def reason(r) -> str:
        if r[6]:
            return "conflict"
        if r[4] not in COUNTED_STATUSES or not r[5]:
            return "draft"
        if r[7] != instrument_hash:
            return "instrument"
        return ""

    reasons = [reason(r) for r in rows]
    # Rows are sorted by region, then assessor: the rows of one (region, assessor) pair are one run.
    start, n = 0, len(rows)
    while start < n:
        region, assessor = rows[start][2], rows[start][3]
        stop = start + 1
        while stop < n and rows[stop][3] == assessor and rows[stop][2] == region:
            stop += 1
        if stop - start > 1:  # several versions of one assessor's region (rare): two that count are duplicates
            counting = [index for index in range(start, stop) if not reasons[index]]
            if len(counting) > 1:
                for index in counting:
                    reasons[index] = "duplicate"
        start = stop
    return reasons
