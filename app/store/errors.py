"""The store's user-facing errors, and the mapping from driver errors to them.

Its own module because the engine, the migrations, the backups and the damage checks all raise
these, and the package's ``__init__`` (which opens a store) imports all of them.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from app.store.limits import WRITE_WAIT_SECONDS

__all__ = ["CorruptStore", "DiskFull", "NewerSchema", "ReadOnlyStore", "StoreError", "StoreLocked",
           "translate_driver_error"]


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


class NewerSchema(StoreError):
    pass


def translate_driver_error(exc: BaseException, where: str) -> StoreError | None:
    """Map driver errors a user can act on to clear messages; anything else is a bug.

    A damaged store gets a general message here; :func:`app.store.translate_error` names the newest
    sound backup of its data directory.
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
        return CorruptStore(
            f"{where} is damaged and cannot be read. Restore the latest backup "
            "(nilai restore FILE, backups are in the data directory's backups folder)."
        )
    return None
