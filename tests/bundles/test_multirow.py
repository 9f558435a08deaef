"""Many rows to a statement (app/bundles/multirow.py): the same rows, rowids and errors as executemany."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import IntegrityError

from app.bundles import multirow

ONE_ROW = "INSERT INTO entry (id, chain, position, note) VALUES (?, ?, ?, ?)"
TABLE = "CREATE TABLE entry (id TEXT PRIMARY KEY, chain TEXT NOT NULL, position INTEGER, note TEXT, UNIQUE (chain, position))"


def _rows(count: int, start: int = 0) -> list[tuple]:
    # Values of every kind a bundle's rows carry: text, whole numbers, None, booleans, non-ASCII text.
    return [(f"id-{i:05d}", f"chain-{i % 7}", i, None if i % 3 else f"catatan ke-{i} é ✓") for i in range(start, start + count)]


def _stored(path: Path) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT rowid, id, chain, position, note, typeof(position), typeof(note) "
                                  "FROM entry ORDER BY rowid").fetchall()
    finally:
        connection.close()


def _engine(path: Path):
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.exec_driver_sql(TABLE)
    return engine


@pytest.mark.parametrize("count", [0, 1, 2, 3, 248, 249, 250, 251, 499, 500, 1000, 1234])
def test_the_same_rows_and_rowids_as_executemany(tmp_path: Path, count: int) -> None:
    rows = _rows(count)
    plain = tmp_path / "plain.sqlite3"
    connection = sqlite3.connect(plain)
    connection.execute(TABLE)
    connection.executemany(ONE_ROW, rows)
    connection.commit()
    connection.close()
    engine = _engine(tmp_path / "many.sqlite3")
    with engine.begin() as sa:
        multirow.insert_many(sa, ONE_ROW, rows)
    engine.dispose()
    assert _stored(tmp_path / "many.sqlite3") == _stored(plain)
    assert len(_stored(plain)) == count


def test_statements_stay_few_and_within_the_parameter_limit(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "many.sqlite3")
    seen: list[tuple[int, bool]] = []

    class Recording:  # the connection, recording each statement's row count and whether it ran as executemany
        def __init__(self, connection) -> None:
            self.connection = connection

        def exec_driver_sql(self, sql, parameters):
            groups = sql.count("(?")
            many = isinstance(parameters, list)
            for p in parameters if many else [parameters]:
                assert len(p) == groups * 4 <= multirow.MAX_PARAMETERS
            seen.append((groups, many))
            return self.connection.exec_driver_sql(sql, parameters)

    with engine.begin() as sa:
        multirow.insert_many(Recording(sa), ONE_ROW, _rows(1000))
    engine.dispose()
    per = multirow.MAX_PARAMETERS // 4  # 249 rows a statement
    # Four full statements in one executemany, then the 4 rows left as one statement of 4.
    assert seen == [(per, True), (4, False)]
    assert len(_stored(tmp_path / "many.sqlite3")) == 1000


def test_a_duplicate_is_an_integrity_error_and_the_transaction_rolls_back(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "many.sqlite3")
    with engine.begin() as sa:
        multirow.insert_many(sa, ONE_ROW, _rows(10))
    clashing = _rows(600, start=100) + _rows(1, start=5)  # the last row repeats an id already stored
    with pytest.raises(IntegrityError), engine.begin() as sa:
        multirow.insert_many(sa, ONE_ROW, clashing)
    engine.dispose()
    assert [row[1] for row in _stored(tmp_path / "many.sqlite3")] == [f"id-{i:05d}" for i in range(10)]
