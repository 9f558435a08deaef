"""The one way into the database: open (with migrations), transactions, and user-facing errors.

SQLite on an assessor's laptop (WAL, foreign keys, synchronous=FULL because laptops lose power),
or PostgreSQL for a shared coordinator store; the same models and migrations serve both. The
engine and :class:`Store` live in :mod:`app.store.engine`, the errors in :mod:`app.store.errors`,
the waits and lock keys in :mod:`app.store.limits`, damage in :mod:`app.store.damage`; the names
callers use are re-exported here.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError

from app.base.paths import DATABASE_FILE, resolve_data_dir
from app.store import damage, migrations
from app.store.damage import damaged
from app.store.engine import Store, backup_copy, database_url, make_engine, sqlite_copy
from app.store.errors import (
    CorruptStore,
    DiskFull,
    NewerSchema,
    ReadOnlyStore,
    StoreError,
    StoreLocked,
    translate_driver_error,
)

__all__ = ["CorruptStore", "DiskFull", "NewerSchema", "ReadOnlyStore", "Store", "StoreError", "StoreLocked",
           "backup_copy", "damaged", "database_url", "make_engine", "migrations", "open_store", "sqlite_copy",
           "translate_error"]


def translate_error(exc: BaseException, where: str, data_dir: Path | None = None) -> StoreError | None:
    """The user-facing error for a driver error raised outside a transaction; None when it is a bug.

    With ``data_dir`` a damaged store's message names the newest sound backup there.
    """
    error = translate_driver_error(exc, where)
    if isinstance(error, CorruptStore) and data_dir is not None:
        return damaged(where, data_dir, str(getattr(exc, "orig", exc)).split(" with text ")[0])
    return error


def open_store(data_dir: str | Path | None = None, database_url_: str | None = None, *, migrate: bool = True,
               verify: bool = False) -> Store:
    """Open the store, bring its schema up to date, refuse one that is newer or damaged.

    A new SQLite store is made only where no file exists, and appears whole (see :func:`_create_sqlite`),
    so an empty or cut-short file is always damage, never a new store. ``verify`` adds SQLite's integrity
    check (~5 ms per MB here, benchmarks/bench_store_verify.py), so that a command refuses a store
    damaged in the middle before it writes.
    """
    directory = resolve_data_dir(data_dir)
    url = database_url(directory, database_url_)
    label = f"the Nilai database ({directory / DATABASE_FILE})" if url.startswith("sqlite") else "the Nilai database server"
    if url == database_url(directory) and not (directory / DATABASE_FILE).exists():
        _create_sqlite(directory, label, migrate)
    engine = make_engine(url)
    store = Store(engine, directory, label, explain=translate_error)
    try:
        if store.is_sqlite:
            _check_sound(store, verify)
        if migrate:
            migrations.upgrade(store)
        if verify and store.sqlite_path is not None:
            _check_schema(store)
    except StoreError:
        engine.dispose()
        raise
    except (OperationalError, DBAPIError) as exc:
        engine.dispose()
        user_error = translate_error(exc, label, directory if store.is_sqlite else None)
        if user_error is not None:
            raise user_error from exc
        raise
    return store


def _create_sqlite(directory: Path, label: str, migrate: bool) -> None:
    """Make a new store under a temporary name and link it into place once its schema is complete.

    A crash leaves at most a stray temporary file; another process that made the store first wins
    (a hard link never replaces an existing file).
    """
    fresh = directory / f"{DATABASE_FILE}.{os.getpid()}-{secrets.token_hex(4)}.new"
    try:
        engine = make_engine(f"sqlite:///{fresh}")
        try:
            if migrate:
                migrations.upgrade(Store(engine, directory, label, explain=translate_error))
            else:  # an empty database: its header (WAL mode) is written on the first connection
                engine.connect().close()
        finally:
            engine.dispose()  # the last connection folds the WAL into the file
        try:
            os.link(fresh, directory / DATABASE_FILE)
        except FileExistsError:
            pass
        except OSError:  # no hard links on this file system (FAT): a rename, refused over a file on Windows
            os.rename(fresh, directory / DATABASE_FILE)
    except (OperationalError, DBAPIError) as exc:
        user_error = translate_driver_error(exc, label)
        if user_error is not None:
            raise user_error from exc
        raise
    finally:
        for leftover in (fresh, *(Path(f"{fresh}{suffix}") for suffix in ("-wal", "-shm", ".migration-lock"))):
            leftover.unlink(missing_ok=True)


def _check_sound(store: Store, verify: bool) -> None:
    """Refuse a damaged file before anything is written to it."""
    path = store.sqlite_path
    if path is None or not path.exists():
        return
    reason = damage.file_damage(path)
    if reason is None:
        try:
            with store.engine.connect() as conn:
                conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
        except UnicodeDecodeError:  # SQLite's message quotes damaged bytes of the schema
            reason = "its schema is unreadable"
    if reason is None and verify:
        reason = damage.integrity_problem(path)
    if reason is not None:
        raise damaged(store.label, store.data_dir, reason)


def _check_schema(store: Store) -> None:
    """Once at the newest schema, every table and column the models use is there (see damage.schema_problem)."""
    assert store.sqlite_path is not None
    reason = damage.schema_problem(store.sqlite_path)
    if reason is not None:
        raise damaged(store.label, store.data_dir, reason)
