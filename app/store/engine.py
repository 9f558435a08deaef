"""The database and its engine: SQLite pragmas, transactions (and the writers' lock), SQLite copies.

SQLite on an assessor's laptop (WAL, foreign keys, synchronous=FULL because laptops lose power),
or PostgreSQL for a shared coordinator store. :func:`app.store.open_store` builds a :class:`Store`
and migrates it; :mod:`app.store.migrations` works on a :class:`Store` without importing that.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from sqlalchemy import event, make_url, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlmodel import Session, create_engine

from app.base.paths import DATABASE_FILE
from app.store import cipher
from app.store.driver import KeptConnections
from app.store.errors import StoreError, translate_driver_error
from app.store.limits import BUSY_TIMEOUT_MS, WRITE_LOCK_KEY, WRITE_WAIT_SECONDS

__all__ = ["Explain", "Store", "backup_copy", "database_url", "make_engine", "sqlite_copy"]

Explain = Callable[[BaseException, str, "Path | None"], "StoreError | None"]  # error, where, data directory


def _explain(exc: BaseException, where: str, _data_dir: Path | None) -> StoreError | None:
    return translate_driver_error(exc, where)


def _restore_busy_timeout(session: Session, temp_store: int | None = None) -> None:
    """Back to the ordinary wait (and ``temp_store``, if a bulk writer changed it) once a writer is done (the
    connection returns to the pool)."""
    with contextlib.suppress(Exception):  # a connection that broke is discarded by the pool anyway
        connection = session.connection()
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if temp_store is not None:
            connection.exec_driver_sql(f"PRAGMA temp_store = {int(temp_store)}")


def _memory_temp_store(session: Session) -> int | None:
    """``temp_store = MEMORY`` before a bulk writer's first write (SQLite decides there where this transaction's
    statement journals go); the value it replaced, to put back, or None if it could not be changed."""
    try:
        connection = session.connection()
        before = connection.exec_driver_sql("PRAGMA temp_store").scalar()
        connection.exec_driver_sql("PRAGMA temp_store = MEMORY")
    except (OperationalError, DBAPIError):  # journals go to temporary files, as for any writer
        return None
    return int(before or 0)


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _encrypted_engine(url: str, key: bytes) -> Engine:
    """SQLCipher through SQLAlchemy's SQLite dialect: the key is the first statement of every connection."""
    engine = create_engine(url, module=cipher.sqlcipher, connect_args={"timeout": 5, "check_same_thread": False})

    def key_then_pragmas(dbapi_connection: sqlite3.Connection, record: object) -> None:
        dbapi_connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        _sqlite_pragmas(dbapi_connection, record)

    event.listen(engine, "connect", key_then_pragmas)
    return engine


class Store:
    """A database and its engine. Open one with :func:`open_store`."""

    def __init__(self, engine: Engine, data_dir: Path, label: str, explain: Explain | None = None) -> None:
        self.engine = engine
        self.data_dir = data_dir
        self.label = label  # how messages name the database
        # How a driver error reaches the user: open_store passes the one that names the newest sound
        # backup of a damaged store (app.store.damage reads backups, so it sits above this module).
        self.explain: Explain = explain or _explain
        self.kept = KeptConnections()  # the hot path's connections (app.store.driver), closed with the store

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite or not self.engine.url.database:
            return None
        return Path(self.engine.url.database)

    @contextlib.contextmanager
    def transaction(self, *, write: bool = False, bulk: bool = False) -> Iterator[Session]:
        """A session that commits as a whole on success and rolls back on any error.

        ``write=True``: a writer that reads, decides and writes (a bundle's merge, moderation, a
        conflict's resolution) holds the store's write lock from its first statement to its commit,
        so no other process changes what it read before it has written. Other writers wait for it
        (up to :data:`WRITE_WAIT_SECONDS`); readers never do.

        ``bulk=True`` (with ``write``; SQLite): a writer of many rows a statement (a bundle's import,
        :mod:`app.bundles.multirow`). SQLite keeps a journal to undo a failed statement alone; for this
        transaction it stays in memory (``temp_store = MEMORY``) instead of going to a temporary file
        page by page. The transaction, the write-ahead log and its syncs are as for any writer.
        """
        session = Session(self.engine, expire_on_commit=False)
        temp_store = None
        try:
            if write:
                if bulk and self.is_sqlite:
                    temp_store = _memory_temp_store(session)
                self._take_write_lock(session)
            yield session
            session.commit()
        except (OperationalError, DBAPIError, OSError) as exc:
            session.rollback()
            user_error = self.explain(exc, self.label, self.data_dir if self.is_sqlite else None)
            if user_error is not None:
                raise user_error from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            if write and self.is_sqlite:
                _restore_busy_timeout(session, temp_store)
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
        self.kept.close()
        self.engine.dispose()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = make_url(url).database
        if path and (cipher.is_encrypted_file(Path(path))
                     or (not Path(path).exists() and cipher.wants_encryption(Path(path).parent))):
            return _encrypted_engine(url, cipher.key_for(Path(path)))
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
    except (sqlite3.Error, cipher.sqlcipher.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        user_error = translate_driver_error(exc, f"the backup folder ({backups})")
        raise (user_error or StoreError(f"Could not back up the database: {exc}")) from exc
    return target


def sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database with the online backup API, even while it is open.

    The copy of an encrypted store is encrypted with the same key (see :func:`app.store.cipher.copy`).
    """
    cipher.copy(source, target)
