"""Core statements run on the pooled DB-API connection: the interview's hot path.

A score change is five small statements and a commit. Run through SQLAlchemy's Session and
Connection, most of its time went into their per-statement bookkeeping (~0.5 of ~0.7 ms of CPU),
not into the database (benchmarks/bench_score_change.py). Here each Core statement is compiled
once per engine and set of parameter names, by SQLAlchemy, into the driver's SQL text, its
parameter order and the column types' bind and result processors (such as SQLite's DATETIME text),
and then executed on the driver's cursor. So what is stored is exactly what the same statement
stores through a Connection, on SQLite, SQLCipher and PostgreSQL alike.

Only plain statements qualify: one whose execution SQLAlchemy would complete itself (a column
default or onupdate computed in Python, an expanding IN) is refused when it is compiled, so a
caller passes every column's value.
"""

from __future__ import annotations

import collections
import contextlib
import weakref
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Engine, Select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import Executable

if TYPE_CHECKING:
    from app.store.engine import Store

__all__ = ["DriverConnection", "Executes", "transaction"]


class ResultLike(Protocol):
    @property
    def rowcount(self) -> int: ...

    def first(self) -> Any: ...


class Executes(Protocol):
    """What the hot path's statements run on: a SQLAlchemy Connection or a :class:`DriverConnection`."""

    @property
    def engine(self) -> Engine: ...

    def execute(self, statement: Any, parameters: Any = ..., /) -> ResultLike: ...


@dataclass(frozen=True)
class _Compiled:
    statement: Executable  # kept alive: the cache is keyed by its id()
    sql: str
    order: tuple[str, ...] | None  # positional drivers (SQLite's qmark): the parameters' order
    constants: dict[str, Any]  # the statement's own values, e.g. the -1 of `position == -1`
    binds: tuple[tuple[str, Callable[[Any], Any]], ...]  # parameters whose type converts the value
    row: type[tuple[Any, ...]] | None  # a SELECT's row type: fields named like the columns
    results: tuple[Callable[[Any], Any] | None, ...]  # per column; all None when nothing converts


_compiled: weakref.WeakKeyDictionary[Engine, dict[tuple[int, frozenset[str]], _Compiled]] = weakref.WeakKeyDictionary()


def _row_type(names: list[str]) -> type[tuple[Any, ...]]:
    make: Any = collections.namedtuple  # the fields are known only when the statement is compiled
    return make("Row", names)


def _compile(engine: Engine, statement: Executable, names: frozenset[str]) -> _Compiled:
    dialect = engine.dialect
    compiled = statement.compile(dialect=dialect, column_keys=sorted(names))  # type: ignore[attr-defined]
    # Work SQLAlchemy does around the driver call that this path would skip.
    if (getattr(compiled, "insert_prefetch", None) or getattr(compiled, "update_prefetch", None)
            or compiled.escaped_bind_names or "POSTCOMPILE" in str(compiled)):
        raise ValueError(f"statement needs SQLAlchemy to complete it; pass every column: {compiled}")
    binds: dict[str, Callable[[Any], Any]] = {}  # by name: a name bound twice is converted once
    constants: dict[str, Any] = {}
    for bind, name in compiled.bind_names.items():  # (binds also holds anonymous names unresolved)
        process = bind.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            binds[name] = process
        if not bind.required and name not in names:
            constants[name] = bind.effective_value
    row: type[tuple[Any, ...]] | None = None
    results: tuple[Callable[[Any], Any] | None, ...] = ()
    if isinstance(statement, Select):
        columns = list(statement.selected_columns)
        row = _row_type([str(column.key) for column in columns])
        processors = tuple(column.type.dialect_impl(dialect).result_processor(dialect, None) for column in columns)
        results = processors if any(processors) else ()
    order = tuple(compiled.positiontup) if dialect.positional and compiled.positiontup else None
    return _Compiled(statement, str(compiled), order, constants, tuple(binds.items()), row, results)


class _Result:
    __slots__ = ("_cursor", "_compiled")

    def __init__(self, cursor: Any, compiled: _Compiled) -> None:
        self._cursor, self._compiled = cursor, compiled

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)

    def first(self) -> Any:
        values = self._cursor.fetchone()
        if values is None:
            return None
        results = self._compiled.results
        if results:
            values = [value if process is None else process(value) for process, value in zip(results, values, strict=True)]
        assert self._compiled.row is not None, "first() of a statement that returns no rows"
        return self._compiled.row(*values)


class DriverConnection:
    """One DB-API connection of an engine's pool, executing Core statements compiled once."""

    def __init__(self, engine: Engine, dbapi_connection: Any) -> None:
        self.engine = engine
        self._cursor = dbapi_connection.cursor()
        cache = _compiled.get(engine)
        self._cache = _compiled[engine] = {} if cache is None else cache

    def execute(self, statement: Executable, parameters: Mapping[str, Any] | None = None, /) -> _Result:
        given = parameters or {}
        key = (id(statement), frozenset(given))
        compiled = self._cache.get(key)
        if compiled is None:
            compiled = self._cache[key] = _compile(self.engine, statement, key[1])
        values: Mapping[str, Any] = given
        if compiled.constants or compiled.binds:
            converted = {**compiled.constants, **given}
            for name, process in compiled.binds:
                converted[name] = process(converted.get(name))
            values = converted
        arguments = values if compiled.order is None else tuple(map(values.__getitem__, compiled.order))
        self._cursor.execute(compiled.sql, arguments)
        return _Result(self._cursor, compiled)

    def close(self) -> None:
        self._cursor.close()


@contextlib.contextmanager
def transaction(store: Store) -> Iterator[DriverConnection]:
    """Like ``store.transaction()`` (commit on success, roll back on any error, driver errors told
    as the store's user-facing errors), on the driver's connection."""
    engine = store.engine
    dbapi_error = engine.dialect.loaded_dbapi.Error
    pooled, connection = None, None
    try:
        pooled = engine.raw_connection()  # (a connection that cannot open raises DBAPIError here)
        connection = DriverConnection(engine, pooled)
        yield connection
        connection.close()
        pooled.commit()
    except (dbapi_error, DBAPIError, OSError) as exc:
        _roll_back(pooled)
        error = exc if isinstance(exc, DBAPIError | OSError) else DBAPIError.instance(None, None, exc, dbapi_error)
        user_error = store.explain(error, store.label, store.data_dir if store.is_sqlite else None)
        if user_error is not None:
            raise user_error from exc
        raise
    except BaseException:
        _roll_back(pooled)
        raise
    finally:
        if connection is not None:
            with contextlib.suppress(Exception):  # closed already, or its connection broke
                connection.close()
        if pooled is not None:
            pooled.close()


def _roll_back(pooled: Any) -> None:
    if pooled is not None:
        with contextlib.suppress(Exception):  # a connection that broke is discarded by the pool anyway
            pooled.rollback()
