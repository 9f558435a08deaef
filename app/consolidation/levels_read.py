"""A round's levels read out of the store: the one query over the big table, and its text turned into
the levels matrix (see :mod:`app.consolidation.data` for how a round is read, and why this way)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import Select, String, case, cast, func, or_, select
from sqlalchemy.engine import Connection

from app.base.ids import short_id
from app.consolidation.errors import ConsolidationError
from app.models.domain import Instrument
from app.models.tables import Assessment, Score, table_of

if TYPE_CHECKING:
    from app.consolidation.data import AssessmentRef

NA_TOKEN = "n"  # the level text of a "not applicable" score in the aggregated string
CODES_END = ":"  # between the codes and the levels (an indicator code is letters, digits and dashes)


def assessments_with_levels(round_id: str) -> Select:
    """The one query over the big table: every current (or conflicting) version of the round, each with
    its codes and levels as "CODE,CODE,...:level,n,..." from a correlated subquery on the version id.

    The subquery reads only columns of ``ix_score_levels`` (migration 0009), so SQLite answers it from
    that index without visiting the score table (tests/test_store_score_index_migration.py).
    """
    a, s = table_of(Assessment).c, table_of(Score).c
    level_token = case((s.not_applicable, NA_TOKEN), else_=cast(s.level, String))
    levels_text = (select(func.aggregate_strings(s.indicator_code, ",") + CODES_END
                          + func.aggregate_strings(level_token, ","))
                   .where(s.version_id == a.version_id, s.level.is_not(None) | s.not_applicable)
                   .scalar_subquery())
    return (select(a.version_id, a.record_id, a.region_code, a.assessor_id, a.status, a.is_current, a.in_conflict,
                   a.instrument_hash, levels_text)
            .where(a.round_id == round_id, or_(a.is_current, a.in_conflict)))


def driver_rows(conn: Connection, statement: Select) -> list[Any]:
    """The rows of ``statement`` as the database driver returns them, without SQLAlchemy's rows.

    For the one query over the big table (40,000 rows at 2,000 candidates) SQLAlchemy's row objects and
    result processing cost ~70 ms of CPU above the driver's own tuples. Its columns need no conversion
    but the booleans, which come as 0/1 from SQLite and are read with ``bool()``. Same connection, so
    the same transaction as every other read here.
    """
    compiled = statement.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    arguments = tuple(params[name] for name in compiled.positiontup or ()) if compiled.positional else params
    cursor = conn.connection.cursor()
    try:
        cursor.execute(str(compiled), arguments)
        return list(cursor.fetchall())  # already a list from sqlite3 and psycopg: no copy of the rows
    finally:
        cursor.close()


def _pairs(text: str | None) -> list[tuple[str, str]]:
    """(code, level text) of one assessment's aggregated scores, in the order read."""
    if not text:
        return []
    codes, _, values = text.rpartition(CODES_END)
    return list(zip(codes.split(","), values.split(","), strict=True))


def parse_levels(text: str | None) -> dict[str, int | None]:
    return {code: None if value == NA_TOKEN else int(value) for code, value in _pairs(text)}


def levels_matrix(texts: list[str | None], counted: tuple[AssessmentRef, ...], indicator_codes: tuple[str, ...],
                   instrument: Instrument) -> tuple[np.ndarray, np.ndarray]:
    """Parse each counted assessment's "CODE,...:level,..." into the levels matrix and the N/A mask.

    Rows sharing one list of codes are read together: when every level is one character, the
    levels text of ``n`` scores is exactly ``2n - 1`` characters and its even bytes are the levels.
    Anything else (a level of two digits or a sign, a level outside the rubric) goes token by token
    through :func:`_slow_levels`, which says which assessment is wrong.
    """
    levels = np.full((len(counted), len(indicator_codes)), np.nan)
    not_applicable = np.zeros(levels.shape, dtype=bool)
    if not counted:
        return levels, not_applicable
    column_of = {code: column for column, code in enumerate(indicator_codes)}
    indicators = [instrument.indicator(code) for code in indicator_codes]
    low = np.array([ind.min_level if ind else 0 for ind in indicators] + [0])
    high = np.array([ind.max_level if ind else 0 for ind in indicators] + [0])
    groups: dict[str, tuple[list[int], list[str]]] = {}  # codes text -> (rows, levels texts)
    for row, text in enumerate(texts):
        if text:
            codes, _, values = text.rpartition(CODES_END)
            group = groups.get(codes)
            if group is None:
                group = groups[codes] = ([], [])
            group[0].append(row)
            group[1].append(values)
    digit = np.full(256, -1, dtype=np.int8)  # byte -> level; -1 not a level, -2 "not applicable"
    digit[np.frombuffer(b"0123456789", dtype=np.uint8)] = np.arange(10)
    digit[ord(NA_TOKEN)] = -2
    for codes, (rows_, values_) in groups.items():
        code_list = codes.split(",")
        n = len(code_list)
        if any(len(v) != 2 * n - 1 for v in values_):
            return _slow_levels(texts, counted, indicator_codes, instrument)
        chars = np.frombuffer(",".join(values_).encode("ascii", "replace"), dtype=np.uint8)[::2].reshape(len(rows_), n)
        cells = digit[chars]
        columns = np.array([column_of.get(code, -1) for code in code_list], dtype=np.int64)
        known = columns >= 0  # a code the round's instrument does not have: not part of this ranking
        if not known.all():
            cells, columns = cells[:, known], columns[known]
        if (cells == -1).any():
            return _slow_levels(texts, counted, indicator_codes, instrument)
        is_na = cells == -2
        # Each column's lowest and highest level (a column with none: lowest 127, highest -2).
        lowest, highest = np.where(is_na, np.int8(127), cells).min(axis=0), cells.max(axis=0)
        if ((lowest < low[columns]) & (lowest != 127) | (highest > high[columns])).any():
            return _slow_levels(texts, counted, indicator_codes, instrument)
        if len(rows_) == len(texts) and len(columns) == len(indicator_codes):
            # The usual round: every row scored every indicator. Put the columns in instrument order on
            # the small int8 cells (np.take), then make the matrices from them: ~5x cheaper than
            # assigning 1.6 million cells through a column index.
            order = np.empty(len(columns), dtype=np.int64)
            order[columns] = np.arange(len(columns))
            cells = np.take(cells, order, axis=1)
            not_applicable = cells == -2
            levels = cells.astype(np.float64)
            levels[not_applicable] = np.nan
            continue
        given = cells.astype(np.float64)
        given[is_na] = np.nan
        if len(rows_) == len(texts):  # every row in this group: whole columns at once
            levels[:, columns], not_applicable[:, columns] = given, is_na
        else:
            row_index = np.array(rows_, dtype=np.int64)[:, None]  # each row is in one group: its cells are NaN yet
            levels[row_index, columns], not_applicable[row_index, columns] = given, is_na
    return levels, not_applicable


def _slow_levels(texts: list[str | None], counted: tuple[AssessmentRef, ...], indicator_codes: tuple[str, ...],
                 instrument: Instrument) -> tuple[np.ndarray, np.ndarray]:
    """Token by token: codes outside the instrument are left out, a level outside its rubric is refused."""
    levels = np.full((len(counted), len(indicator_codes)), np.nan)
    not_applicable = np.zeros(levels.shape, dtype=bool)
    column_of = {code: column for column, code in enumerate(indicator_codes)}
    for row, text in enumerate(texts):
        for code, value in _pairs(text):
            indicator = instrument.indicator(code)
            if indicator is None:
                continue  # a code the round's instrument does not have: not part of this ranking
            if value == NA_TOKEN:
                not_applicable[row, column_of[code]] = True
                continue
            try:
                level = int(value)
            except ValueError:
                level = None
            if level is None or not indicator.min_level <= level <= indicator.max_level:
                ref = counted[row]
                raise ConsolidationError(
                    f"assessment {short_id(ref.version_id)} (region {ref.region_code}) has level {value} for {code}, "
                    f"outside {indicator.min_level}..{indicator.max_level}; correct or reimport it")
            levels[row, column_of[code]] = level
    return levels, not_applicable
