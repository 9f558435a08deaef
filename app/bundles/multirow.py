"""SQLite: a bundle's rows inserted many to a statement, ``INSERT ... VALUES (?, ...), (?, ...), ...``.

sqlite3's ``executemany`` runs its statement once per row: a reset, each value bound from a Python
tuple, a step, Python's lock let go and taken back. One INSERT listing many rows binds them all and
runs them in one step, for the same rows in the same order (so the same rowids and the same bytes
stored): SQLite's share of an import costs about a fifth less CPU (benchmarks/README.md, "Bundle
import, many rows a statement").

The full statements go in one ``executemany`` (one call for all of a table's full groups); the rows
left over go in groups of a power of two, so each table has a handful of statement texts, all kept in
sqlite3's statement cache. An error is raised by SQLAlchemy as from any other statement (a duplicate
id is an ``IntegrityError``; a full disk is translated by the store), and the bundle's transaction
is rolled back whole, as before.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

# SQLite's lowest limit on the parameters of one statement (SQLITE_MAX_VARIABLE_NUMBER before 3.32.0;
# a SQLCipher or system build may still have it). Beyond ~60 rows a statement, more rows save nothing.
MAX_PARAMETERS = 999

_TEXTS: dict[tuple[str, int], str] = {}
_flat = chain.from_iterable


def statement(one_row: str, rows: int) -> str:
    """``one_row`` (``INSERT INTO t (a, b) VALUES (?, ?)``, as SQLAlchemy compiles it for SQLite) for ``rows`` rows."""
    key = (one_row, rows)
    text = _TEXTS.get(key)
    if text is None:
        head, _, group = one_row.rpartition(" VALUES ")
        if not head or not group.startswith("(") or set(group) - set("(?, )"):  # pragma: no cover - not qmark style
            raise ValueError(f"not a one-row qmark INSERT: {one_row[:80]!r}")
        text = _TEXTS[key] = f"{head} VALUES {', '.join([group] * rows)}"
    return text


def insert_many(connection: Any, one_row: str, rows: list[tuple[Any, ...]]) -> None:
    """Insert ``rows`` (tuples in the order of ``one_row``'s columns) through the SQLAlchemy ``connection``."""
    if not rows:
        return
    per = max(1, MAX_PARAMETERS // len(rows[0]))
    count = len(rows)
    full = count - count % per
    if full:
        connection.exec_driver_sql(statement(one_row, per),
                                   [tuple(_flat(rows[i:i + per])) for i in range(0, full, per)])
    size = 1 << (per.bit_length() - 1)  # the largest power of two not above per
    start = full
    while start < count:
        while size > count - start:
            size >>= 1
        connection.exec_driver_sql(statement(one_row, size), tuple(_flat(rows[start:start + size])))
        start += size
