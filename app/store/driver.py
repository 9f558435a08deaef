"""Core statements run on a DB-API connection of the engine: the interview's hot path.

A score change is four small statements and a commit. Run through SQLAlchemy's Session and
Connection, most of its time went into their per-statement bookkeeping (~0.5 of ~0.7 ms of CPU),
not into the database (benchmarks/bench_score_change.py). Here each Core statement is compiled
once per engine and set of parameter names, by SQLAlchemy, into the driver's SQL text, its
parameter order and the column types' bind and result processors (such as SQLite's DATETIME text),
and then executed on the driver's cursor. So what is stored is exactly what the same statement
stores through a Connection, on SQLite, SQLCipher and PostgreSQL alike. On SQLite each thread keeps
its connection from one change to the next (:class:`KeptConnections`); on PostgreSQL each
transaction takes one from the pool.

Only plain statements qualify: one whose execution SQLAlchemy would complete itself (a column
default or onupdate computed in Python, an expanding IN) is refused when it is compiled, so a
caller passes every column's value.
"""

from __future__ import annotations

import collections
import contextlib
import threading
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Engine, Select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import Executable

if TYPE_CHECKING:
    from app.store.engine import Store

__all__ = ["DriverConnection", "Executes", "KeptConnections", "transaction"]


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
    """One DB-API connection of an engine, executing Core statements compiled once."""

    def __init__(self, engine: Engine, pooled: Any) -> None:
        self.engine = engine
        self._pooled = pooled  # the pool's wrapper: closing it returns or (kept, detached) closes the connection
        self._dbapi = pooled.dbapi_connection
        self._cursor = self._dbapi.cursor()
        self.in_use = False
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

    def commit(self) -> None:
        self._dbapi.commit()

    def rollback(self) -> None:
        with contextlib.suppress(Exception):  # a connection that broke is closed next anyway
            self._dbapi.rollback()

    def end(self) -> None:
        """Finish the transaction's statements: a SELECT whose rows were not all read would otherwise
        hold its snapshot of the database, and keep the write-ahead log from being folded in, until
        the next change."""
        self._cursor.close()
        self._cursor = self._dbapi.cursor()

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closed already, or its connection broke
            self._cursor.close()
        with contextlib.suppress(Exception):
            self._pooled.close()


class KeptConnections:
    """A store's driver connections on SQLite: one per thread, kept from its first transaction until the
    store closes.

    Checking a connection out of the pool and back in for each change cost more CPU than the change's
    four statements (bench_score_change); an SQLite connection is a local file's and does not go
    stale. A kept connection is detached from the pool, so the pool neither counts nor resets it, and
    a store dropped without closing leaves nothing for the pool to warn about. PostgreSQL's
    connections stay pooled: the pool checks each one is alive when it is taken.
    """

    def __init__(self) -> None:
        self._by_thread: dict[int, DriverConnection] = {}
        self._lock = threading.Lock()

    def take(self, engine: Engine) -> DriverConnection | None:
        """This thread's connection, opened on first use; None while it is in use (a nested transaction)."""
        connection = self._by_thread.get(threading.get_ident())
        if connection is None:
            pooled = engine.raw_connection()
            pooled.detach()
            connection = DriverConnection(engine, pooled)
            with self._lock:
                self._by_thread[threading.get_ident()] = connection
        elif connection.in_use:
            return None
        connection.in_use = True
        return connection

    def give_back(self, connection: DriverConnection) -> None:
        connection.end()
        connection.in_use = False

    def discard(self, connection: DriverConnection) -> None:
        """Close a connection that met a driver error; the thread's next transaction opens a new one."""
        with self._lock:
            if self._by_thread.get(threading.get_ident()) is connection:
                del self._by_thread[threading.get_ident()]
        connection.close()

    def close(self) -> None:
        with self._lock:
            connections, self._by_thread = list(self._by_thread.values()), {}
        for connection in connections:
            connection.close()


class transaction:  # noqa: N801 - a context manager, used like store.transaction()
    """Like ``store.transaction()`` (commit on success, roll back on any error, driver errors told as
    the store's user-facing errors), on the driver's connection: the thread's kept one on SQLite."""

    __slots__ = ("_store", "_connection", "_kept")

    def __init__(self, store: Store) -> None:
        self._store = store
        self._connection: DriverConnection | None = None
        self._kept = False

    def __enter__(self) -> DriverConnection:
        store = self._store
        try:
            connection = store.kept.take(store.engine) if store.is_sqlite else None
            self._kept = connection is not None
            if connection is None:  # PostgreSQL, or a transaction inside this thread's kept one
                connection = DriverConnection(store.engine, store.engine.raw_connection())
        except (_dbapi_error(store), DBAPIError, OSError) as exc:  # cannot open
            raise self._told(exc) from exc
        self._connection = connection
        return connection

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, _trace: object) -> None:
        connection = self._connection
        assert connection is not None, "transaction exited before it was entered"
        broken: BaseException | None = None
        try:
            if kind is None:
                try:
                    connection.commit()
                except (_dbapi_error(self._store), OSError) as exc:
                    connection.rollback()
                    broken = exc
            else:
                connection.rollback()
                if isinstance(error, _dbapi_error(self._store) | DBAPIError | OSError):
                    broken = error
        finally:
            if not self._kept:
                connection.close()
            elif broken is not None:
                self._store.kept.discard(connection)
            else:
                self._store.kept.give_back(connection)
        if broken is not None:
            raise self._told(broken) from broken

    def _told(self, exc: BaseException) -> BaseException:
        """The store's one-line error for a driver error, or the error itself when it has none."""
        store = self._store
        error = exc if isinstance(exc, DBAPIError | OSError) else DBAPIError.instance(
            None, None, exc, _dbapi_error(store))
        user_error = store.explain(error, store.label, store.data_dir if store.is_sqlite else None)
        return exc if user_error is None else user_error


def _dbapi_error(store: Store) -> type[Exception]:
    """The store's driver's base error (sqlite3's, SQLCipher's or psycopg's)."""
    error: type[Exception] = store.engine.dialect.loaded_dbapi.Error
    return error
