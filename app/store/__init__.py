"""The one way into the database: open (with migrations), transactions, and user-facing errors.

SQLite on an assessor's laptop (WAL, foreign keys, synchronous=FULL because laptops lose power),
or PostgreSQL for a shared coordinator store; the same models and migrations serve both.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlmodel import Session, create_engine

from app.base.paths import DATABASE_FILE, resolve_data_dir


class StoreError(Exception):
    """A problem the user can act on; the message says what happened and what to do."""


class DiskFull(StoreError):
    pass


class ReadOnlyStore(StoreError):
    pass


class StoreLocked(StoreError):
    pass


class CorruptStore(StoreError):
    """The store file is damaged. ``backup`` is the newest sound backup (the way out), None when none exists."""

    def __init__(self, message: str, reason: str = "", backup: Path | None = None) -> None:
        super().__init__(message)
        self.reason, self.backup = reason, backup


def damaged(where: str, data_dir: Path, reason: str) -> CorruptStore:
    """One line: what is damaged, why, that nothing was changed, and the newest sound backup to restore."""
    from app.store import damage

    sound = damage.newest_sound_backup(data_dir)
    return CorruptStore(f"{where} is damaged ({reason}); nothing was changed. {damage.way_out(data_dir, sound)}",
                        reason, sound.path if sound else None)


class NewerSchema(StoreError):
    pass


def _translate(exc: BaseException, where: str, data_dir: Path | None = None) -> StoreError | None:
    """Map driver errors a user can act on to clear messages; anything else is a bug.

    With ``data_dir`` a damaged store's message names the newest sound backup there.
    """
    orig = getattr(exc, "orig", exc)
    message = str(orig).lower()
    code = getattr(orig, "errno", None) or getattr(orig, "sqlite_errorcode", None)
    if "database or disk is full" in message or code in (errno.ENOSPC, sqlite3.SQLITE_FULL):
        return DiskFull(
            f"The disk holding {where} is full; nothing of the last change was written. "
            "Free some space (for example move photos off this computer) and try again."
        )
    if ("readonly" in message or "read-only" in message or "unable to open database file" in message
            or code in (errno.EROFS, errno.EACCES)):
        return ReadOnlyStore(
            f"{where} cannot be written (read-only location, no permission, or a missing folder). "
            "Nothing was changed. Choose a writable data directory with --data-dir."
        )
    if "lock timeout" in message:
        return StoreLocked(
            f"Another Nilai has been writing to {where} for over {WRITE_WAIT_SECONDS} s (a large import?); "
            "nothing was changed here. Try again when it has finished."
        )
    if "database is locked" in message or "database table is locked" in message:
        return StoreLocked(
            f"{where} is in use by another Nilai window or program. Close it and try again."
        )
    # Text that is not UTF-8 was never written by Nilai (sqlite3 encodes every str): damaged bytes.
    if ("malformed" in message or "not a database" in message or "file is encrypted" in message
            or "could not decode to utf-8" in message):
        if data_dir is not None:
            return damaged(where, data_dir, str(orig).split(" with text ")[0])
        return CorruptStore(
            f"{where} is damaged and cannot be read. Restore the latest backup "
            "(nilai restore FILE, backups are in the data directory's backups folder)."
        )
    return None


BUSY_TIMEOUT_MS = 5000  # an ordinary statement waits this long for another process's write
WRITE_WAIT_SECONDS = 120  # a writer waits this long for the write lock (another importer's bundle)
WRITE_LOCK_KEY = 0x4E494C41  # PostgreSQL advisory lock of the store's writers ("NILA")
MIGRATION_LOCK_KEY = 0x4E494D47  # PostgreSQL advisory lock of schema migrations ("NIMG")


def _restore_busy_timeout(session: Session) -> None:
    """Back to the ordinary wait once a writer is done (the connection returns to the pool)."""
    with contextlib.suppress(Exception):  # a connection that broke is discarded by the pool anyway
        session.connection().exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def translate_error(exc: BaseException, where: str, data_dir: Path | None = None) -> StoreError | None:
    """The user-facing error for a driver error raised outside a transaction; None when it is a bug."""
    return _translate(exc, where, data_dir)


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


class Store:
    """A database and its engine. Open one with :func:`open_store`."""

    def __init__(self, engine: Engine, data_dir: Path, label: str) -> None:
        self.engine = engine
        self.data_dir = data_dir
        self.label = label  # how messages name the database

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite or not self.engine.url.database:
            return None
        return Path(self.engine.url.database)

    @contextlib.contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Session]:
        """A session that commits as a whole on success and rolls back on any error.

        ``write=True``: a writer that reads, decides and writes (a bundle's merge, moderation, a
        conflict's resolution) holds the store's write lock from its first statement to its commit,
        so no other process changes what it read before it has written. Other writers wait for it
        (up to :data:`WRITE_WAIT_SECONDS`); readers never do.
        """
        session = Session(self.engine, expire_on_commit=False)
        try:
            if write:
                self._take_write_lock(session)
            yield session
            session.commit()
        except (OperationalError, DBAPIError, OSError) as exc:
            session.rollback()
            user_error = _translate(exc, self.label, self.data_dir if self.is_sqlite else None)
            if user_error is not None:
                raise user_error from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            if write and self.is_sqlite:
                _restore_busy_timeout(session)
            session.close()

    def _take_write_lock(self, session: Session) -> None:
        connection = session.connection()
        if self.is_sqlite:
            # A first statement that writes (nothing) takes SQLite's write lock before anything is read:
            # a deferred transaction that read first could not take it later if another one wrote.
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {WRITE_WAIT_SECONDS * 1000}")
            connection.exec_driver_sql("UPDATE setting SET value = value WHERE 0")
        else:
            connection.execute(text(f"SET LOCAL lock_timeout = '{WRITE_WAIT_SECONDS}s'"))
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})

    def close(self) -> None:
        self.engine.dispose()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 5, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except ImportError as exc:  # e.g. the assessor build ships no PostgreSQL driver
        raise StoreError(
            f"This Nilai cannot reach that database: its driver is not installed ({exc.name or exc}). "
            "Run Nilai from source with the postgres extra (pip install 'nilai[postgres]') for a shared store."
        ) from exc
    except NoSuchModuleError as exc:
        raise StoreError(f"This Nilai does not know that kind of database ({url.split(':')[0]}); "
                         "use sqlite or postgresql+psycopg.") from exc
    except ArgumentError as exc:
        raise StoreError(f"The database URL is not valid: {exc}. Example: postgresql+psycopg://user@host/nilai") from exc


def database_url(data_dir: Path, explicit_url: str | None = None) -> str:
    if explicit_url:
        return explicit_url
    return f"sqlite:///{data_dir / DATABASE_FILE}"


def open_store(data_dir: str | Path | None = None, database_url_: str | None = None, *, migrate: bool = True,
               verify: bool = False) -> Store:
    """Open the store, bring its schema up to date, refuse one that is newer or damaged.

    A new SQLite store is made only where no file exists, and appears whole (see :func:`_create_sqlite`),
    so an empty or cut-short file is always damage, never a new store. ``verify`` adds SQLite's integrity
    check (~5 ms per MB here, benchmarks/bench_store_verify.py), so that a command refuses a store
    damaged in the middle before it writes.
    """
    from app.store import migrations  # Alembic is only needed when a store is opened

    directory = resolve_data_dir(data_dir)
    url = database_url(directory, database_url_)
    label = f"the Nilai database ({directory / DATABASE_FILE})" if url.startswith("sqlite") else "the Nilai database server"
    if url == database_url(directory) and not (directory / DATABASE_FILE).exists():
        _create_sqlite(directory, label, migrate)
    engine = make_engine(url)
    store = Store(engine, directory, label)
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
        user_error = _translate(exc, label, directory if store.is_sqlite else None)
        if user_error is not None:
            raise user_error from exc
        raise
    return store


def _create_sqlite(directory: Path, label: str, migrate: bool) -> None:
    """Make a new store under a temporary name and link it into place once its schema is complete.

    A crash leaves at most a stray temporary file; another process that made the store first wins
    (a hard link never replaces an existing file).
    """
    from app.store import migrations

    fresh = directory / f"{DATABASE_FILE}.{os.getpid()}-{secrets.token_hex(4)}.new"
    try:
        engine = make_engine(f"sqlite:///{fresh}")
        try:
            if migrate:
                migrations.upgrade(Store(engine, directory, label))
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
        user_error = _translate(exc, label)
        if user_error is not None:
            raise user_error from exc
        raise
    finally:
        for leftover in (fresh, *(Path(f"{fresh}{suffix}") for suffix in ("-wal", "-shm", ".migration-lock"))):
            leftover.unlink(missing_ok=True)


def _check_sound(store: Store, verify: bool) -> None:
    """Refuse a damaged file before anything is written to it."""
    from app.store import damage

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
    from app.store import damage

    assert store.sqlite_path is not None
    reason = damage.schema_problem(store.sqlite_path)
    if reason is not None:
        raise damaged(store.label, store.data_dir, reason)


def backup_copy(store: Store, reason: str) -> Path | None:
    """Copy the SQLite database aside (online backup API, consistent even while open)."""
    path = store.sqlite_path
    if path is None or not path.exists():
        return None
    backups = store.data_dir / "backups"
    backups.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups / f"nilai-{stamp}-{reason}.sqlite3"
    partial = target.with_suffix(".part")
    try:
        sqlite_copy(path, partial)
        partial.replace(target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        user_error = _translate(exc, f"the backup folder ({backups})")
        raise (user_error or StoreError(f"Could not back up the database: {exc}")) from exc
    return target


def sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database with the online backup API, even while it is open."""
    src = sqlite3.connect(source)
    try:
        dest = sqlite3.connect(target)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
