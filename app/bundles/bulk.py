"""Writing a merged bundle: evidence and sheets into the data directory, rows into the store.

Rows go in with SQLAlchemy Core bulk inserts. On SQLite the statements are compiled by SQLAlchemy
from twins of the model tables whose time columns take the stored text and whose flags take 0/1,
and executed with the rows as tuples, many rows to a statement (:mod:`app.bundles.multirow`):
SQLAlchemy's per-row parameter processing would otherwise cost more than SQLite's own insert (see
benchmarks/bench_import.py, ``--bulk dicts``).
"""

from __future__ import annotations

import io
import os
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Column, DateTime, Integer, MetaData, String, Table, bindparam, insert, update
from sqlmodel import Session

from app.bundles import zipcheck
from app.bundles.errors import BundleError
from app.bundles.format import iso
from app.bundles.manifest import ENTRY_ROW_FIELDS, SCORE_COLUMNS, sqlite_time
from app.bundles.merge import RecordState, Writes, chunks
from app.bundles.multirow import insert_many
from app.bundles.verified import VerifiedBundle
from app.models.sync import ImportedVersion
from app.models.tables import Assessment, ChangeLogEntry, Evidence, Score
from app.store import Store, cipher, sealed


def copy_files(store: Store, bundle: VerifiedBundle, writes: Writes) -> None:
    """Evidence and sheets into the data directory, each checked again while copied (before the commit)."""
    for sha in sorted(writes.evidence_to_copy):
        target = store.data_dir / "evidence" / sha[:2] / sha
        if not target.exists():
            _copy_checked(bundle, bundle.evidence[sha], target, sha, cipher.wants_encryption(store.data_dir))
    for source, (relative, sha) in sorted(writes.sheets_to_copy.items()):
        target = store.data_dir / relative
        if not target.exists():
            _copy_checked(bundle, source, target, sha)


def _copy_checked(bundle: VerifiedBundle, name: str, target: Path, sha: str, encrypted: bool = False) -> None:
    """``encrypted``: an evidence file of an encrypted store, kept sealed (:mod:`app.store.sealed`)."""
    assert bundle.archive is not None  # attached: the bundle being taken in
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    try:
        with open(partial, "wb") as handle:
            content = io.BytesIO() if encrypted else handle
            got, _size = zipcheck.hash_entry(bundle.archive, name, bundle.label, sink=content)
            if isinstance(content, io.BytesIO):
                handle.write(sealed.seal(content.getvalue(), cipher.key_for(target)))
            handle.flush()
            os.fsync(handle.fileno())
        if got != sha:
            raise BundleError(f"{bundle.label}: {name} changed while it was being imported; nothing was written")
        partial.replace(target)
    except OSError as exc:
        raise BundleError(f"{bundle.label}: could not copy {name} into the data directory: {exc.strerror or exc}; "
                          "nothing of the bundle was written") from exc
    finally:
        partial.unlink(missing_ok=True)


_FAST_TABLES: dict[str, Table] = {}


def bulk_table(model: Any, sqlite: bool) -> Table:
    """The table for Core bulk inserts. On SQLite, a twin of the model's table whose time columns take
    the stored text (``2018-03-05 01:00:00.000000``, as SQLAlchemy's DateTime writes it, UTC) and whose
    flags take 0/1, so millions of values skip per-value type processing; other databases get the
    model's own table and real datetimes."""
    table: Table = model.__table__
    if not sqlite:
        return table
    fast = _FAST_TABLES.get(table.name)
    if fast is None:
        columns = []
        for column in table.columns:
            kind = column.type
            if isinstance(kind, DateTime) or isinstance(getattr(kind, "impl_instance", None), DateTime):
                kind = String()
            elif isinstance(kind, Boolean):
                kind = Integer()
            columns.append(Column(column.name, kind, primary_key=column.primary_key))
        fast = _FAST_TABLES[table.name] = Table(table.name, MetaData(), *columns)
    return fast


def now_value(now: datetime, sqlite: bool) -> Any:
    return sqlite_time(iso(now) or "") if sqlite else now


_COMPILED: dict[tuple[Any, ...], tuple[str, Any]] = {}


def insert_tuples(connection: Any, model: Any, columns: tuple[str, ...], rows: list[tuple[Any, ...]], sqlite: bool,
                   bulk: str) -> None:
    """Like :func:`insert_rows`, for rows already built as tuples in ``columns`` order (scores, change-log entries)."""
    if not rows:
        return
    table = bulk_table(model, sqlite)
    if not (sqlite and bulk == "tuples"):
        connection.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    key = (table.name, columns, "tuples")
    compiled = _COMPILED.get(key)
    if compiled is None:
        statement = insert(table).compile(dialect=connection.dialect, column_keys=list(columns))
        text = str(statement)
        if tuple(statement.positiontup or ()) != columns:  # the table's order: the columns named in the rows' order
            if sorted(statement.positiontup or ()) != sorted(columns):  # pragma: no cover - not every column
                raise RuntimeError(f"cannot bulk insert into {table.name} positionally")
            quote = connection.dialect.identifier_preparer.quote
            text = (f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, columns))}) "
                    f"VALUES ({', '.join('?' * len(columns))})")
        compiled = _COMPILED[key] = (text, None)
    insert_many(connection, compiled[0], rows)


def insert_rows(connection: Any, model: Any, rows: list[dict[str, Any]], sqlite: bool, bulk: str) -> None:
    """Core bulk insert of ``rows`` (dicts with the same keys).

    ``bulk="dicts"``: ``connection.execute(insert(table), rows)``. ``bulk="tuples"`` (the default on
    SQLite): the same ``insert(table)`` compiled once by SQLAlchemy, then executed with the rows as
    tuples through the connection (``exec_driver_sql``, many rows a statement), which skips SQLAlchemy's
    per-row parameter processing (~5 µs a row, more than SQLite's own insert) - the values are already in
    storage form.
    """
    if not rows:
        return
    table = bulk_table(model, sqlite)
    if not (sqlite and bulk == "tuples"):
        connection.execute(insert(table), rows)
        return
    key = (table.name, tuple(rows[0]))
    compiled = _COMPILED.get(key)
    if compiled is None:
        statement = insert(table).compile(dialect=connection.dialect, column_keys=list(key[1]))
        order = tuple(statement.positiontup or ())
        if sorted(order) != sorted(key[1]):  # pragma: no cover - a dialect without positional binds
            raise RuntimeError(f"cannot bulk insert into {table.name} positionally")
        compiled = _COMPILED[key] = (str(statement), itemgetter(*order))
    sql, row_tuple = compiled
    insert_many(connection, sql, list(map(row_tuple, rows)))


def write(session: Session, bundle: VerifiedBundle, writes: Writes, records: dict[str, RecordState],
           bulk: str = "tuples") -> None:
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # Bulk work: a bigger page cache, and checkpoints of the write-ahead log less often (the WAL is
        # still synced on every commit; synchronous=FULL stays).
        connection.exec_driver_sql("PRAGMA cache_size = -65536")
        connection.exec_driver_sql("PRAGMA wal_autocheckpoint = 10000")
    a = bulk_table(Assessment, sqlite)
    if writes.signed_updates:
        connection.execute(update(a).where(a.c.version_id == bindparam("b_version_id")).values(
            status=bindparam("status"), sheet_sha256=bindparam("sheet_sha256"), sheet_path=bindparam("sheet_path"),
            signed_at=bindparam("signed_at")), writes.signed_updates)
    insert_rows(connection, Assessment, writes.assessments, sqlite, bulk)
    if writes.not_current:
        connection.execute(update(a).where(a.c.version_id == bindparam("b_version_id")).values(is_current=False),
                           [{"b_version_id": v} for v in writes.not_current])
    flagged = sorted(r.record_id for r in records.values() if r.flag_all)
    for chunk in chunks(flagged):
        connection.execute(update(a).where(a.c.record_id.in_(chunk)).values(in_conflict=True))
    insert_tuples(connection, Score, SCORE_COLUMNS, writes.scores, sqlite, bulk)
    insert_rows(connection, Evidence, writes.evidence, sqlite, bulk)
    insert_tuples(connection, ChangeLogEntry, ENTRY_ROW_FIELDS, writes.entries, sqlite, bulk)
    now = now_value(writes.now, sqlite)
    for row in writes.imported:
        row["imported_at"] = now
    insert_rows(connection, ImportedVersion, writes.imported, sqlite, bulk)
    if writes.imported_updates:
        iv = bulk_table(ImportedVersion, sqlite)
        connection.execute(update(iv).where(iv.c.record_id == bindparam("b_record_id"),
                                            iv.c.version_id == bindparam("b_version_id"))
                           .values(record_sha256=bindparam("record_sha256")), writes.imported_updates)
    for obj in writes.orm:
        session.add(obj)
    session.flush()
