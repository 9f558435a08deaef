"""A draft's rows as the interview's hot path reads and writes them: SQLAlchemy Core, no ORM objects.

A score change is one small transaction. Through the ORM most of its time went into loading,
tracking and flushing objects, not into the disk (benchmarks/bench_score_change.py). These
statements read and write the same rows through the same column types, so what is stored is
byte for byte what the ORM stored. They run on a Session's connection (undo, redo) or, for a
score or note change, on the driver's own connection (:mod:`app.store.driver`).
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import and_, bindparam, insert, select, update

from app.models.tables import Assessment, Score, table_of
from app.store.driver import Executes

_ASSESSMENT = table_of(Assessment)
_SCORE = table_of(Score)


class DraftRow(NamedTuple):  # a tuple: built on every change, cheaper than a frozen dataclass
    """What a change needs of an assessment version."""

    version_id: str
    record_id: str
    instrument_hash: str
    status: str
    is_current: bool


class ScoreRow(NamedTuple):
    level: int | None
    not_applicable: bool
    note: str


_a, _s = _ASSESSMENT.c, _SCORE.c
# Built once: bound parameters (b_*: the row's key; the rest: the columns set) keep each call to a
# cached statement, with no expression building on the hot path.
_READ_DRAFT = select(_a.record_id, _a.instrument_hash, _a.status, _a.is_current).where(
    _a.version_id == bindparam("b_version_id"))
# A change reads both at once: the draft, and the indicator's score when it has one.
_READ_DRAFT_AND_SCORE = (
    select(_a.record_id, _a.instrument_hash, _a.status, _a.is_current, _s.version_id.label("scored"), _s.level,
           _s.not_applicable, _s.note)
    .select_from(_ASSESSMENT.outerjoin(_SCORE, and_(_s.version_id == _a.version_id,
                                                    _s.indicator_code == bindparam("b_indicator_code"))))
    .where(_a.version_id == bindparam("b_version_id")))
_UPDATE_SCORE = update(_SCORE).where(
    _s.version_id == bindparam("b_version_id"), _s.indicator_code == bindparam("b_indicator_code"))
_INSERT_SCORE = insert(_SCORE)
_TOUCH_ASSESSMENT = update(_ASSESSMENT).where(_a.version_id == bindparam("b_version_id"))


def draft_row(connection: Executes, version_id: str) -> DraftRow | None:
    row = connection.execute(_READ_DRAFT, {"b_version_id": version_id}).first()
    if row is None:
        return None
    return DraftRow(version_id, row.record_id, row.instrument_hash, row.status, bool(row.is_current))


def draft_and_score(connection: Executes, version_id: str, indicator_code: str) -> tuple[DraftRow | None, ScoreRow | None]:
    row = connection.execute(_READ_DRAFT_AND_SCORE, {"b_version_id": version_id, "b_indicator_code": indicator_code}).first()
    if row is None:
        return None, None
    draft = DraftRow(version_id, row.record_id, row.instrument_hash, row.status, bool(row.is_current))
    return draft, None if row.scored is None else ScoreRow(row.level, bool(row.not_applicable), row.note)


def write_score(connection: Executes, version_id: str, indicator_code: str, now: datetime, **values: object) -> None:
    """Set some of a score's columns (level, not_applicable, note), making the row if there is none.

    The UPDATE comes first: it takes the store's write lock, so on SQLite no other writer can make
    the row between it and the INSERT.
    """
    changed = connection.execute(_UPDATE_SCORE, {"b_version_id": version_id, "b_indicator_code": indicator_code,
                                                 "updated_at": now, **values})
    if changed.rowcount == 0:
        connection.execute(_INSERT_SCORE, {"version_id": version_id, "indicator_code": indicator_code, "level": None,
                                           "not_applicable": False, "note": "", **values, "updated_at": now})


def touch_assessment(connection: Executes, version_id: str, now: datetime) -> None:
    connection.execute(_TOUCH_ASSESSMENT, {"b_version_id": version_id, "updated_at": now})
