"""Rolling backups of the SQLite store (online backup API) and restoring one.

A backup is taken at start-up and after each finalized assessment; the newest N are kept
(setting ``backup.keep``, default 20). Restoring first sets the current file aside, so a restore
can itself be undone.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.base.paths import DATABASE_FILE
from app.store import cipher, settings
from app.store.engine import Store, backup_copy, sqlite_copy
from app.store.errors import StoreError
from app.store.soundness import diagnose, file_damage, integrity_problem

DEFAULT_KEEP = 20
_ROLLING = re.compile(r"^nilai-\d{8}-\d{6}-\d{6}-(startup|finalized|manual)\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Every backup in the data directory, newest first."""
    found = []
    for path in backups_dir(data_dir).glob("nilai-*.sqlite3"):
        parts = path.stem.split("-")
        try:
            taken = datetime.strptime("-".join(parts[1:4]), "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue
        found.append(BackupInfo(path, taken, "-".join(parts[4:]), path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def take_backup(store: Store, reason: str = "manual") -> Path | None:
    """A consistent copy of the live database; older rolling copies beyond the limit are removed."""
    path = backup_copy(store, reason)
    if path is not None:
        prune(store)
    return path


def prune(store: Store) -> list[Path]:
    keep = int(settings.read(store, settings.BACKUPS_KEEP, str(DEFAULT_KEEP)) or DEFAULT_KEEP)
    rolling = [b for b in list_backups(store.data_dir) if _ROLLING.match(b.path.name)]
    removed = []
    for old in rolling[max(1, keep):]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def check_backup_file(path: Path) -> None:
    """Refuse to restore anything that is not a sound Nilai database."""
    # A backup Nilai took has no WAL: read it as immutable, leaving no -wal/-shm files beside it.
    immutable = not Path(f"{path}-wal").exists()
    damage = file_damage(path) or integrity_problem(path, immutable=immutable)
    if damage:
        raise StoreError(f"{path} is not a sound Nilai database ({damage}); nothing was restored.")
    try:
        conn = cipher.connect(path, read_only=True, immutable=immutable)
        try:
            has_version = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'").fetchone()[0]
        finally:
            conn.close()
    except cipher.DatabaseError as exc:
        raise StoreError(f"{path} is not a readable Nilai database ({exc}); nothing was restored.") from exc
    if not has_version:
        raise StoreError(f"{path} is not a Nilai database (no schema version); nothing was restored.")


def restore(data_dir: Path, backup: Path) -> Path | None:
    """Replace the store with a backup; returns where the current database was set aside (None: there was none).

    The store must be closed. A sound current database is copied aside with the backup API; a
    damaged one byte for byte, with its WAL, as ``…-damaged.sqlite3`` (the backup API may refuse
    to read it, and a copy through it would not be the evidence of what happened). The restored
    file is copied into a temporary file beside the database and renamed into place, so a failure
    leaves the current one intact.
    """
    backup = Path(backup)
    if not backup.is_file():
        raise StoreError(f"{backup} does not exist; see the backups folder of {data_dir}.")
    check_backup_file(backup)
    database = data_dir / DATABASE_FILE
    partial = database.with_name(database.name + ".restoring")
    aside = None
    try:
        if database.exists():
            aside = _set_aside(data_dir, database)
        # The restored store is encrypted as the data directory is, whatever the backup was.
        cipher.copy(backup, partial, cipher.key_for(database) if cipher.wants_encryption(data_dir) else None)
        for suffix in ("-wal", "-shm"):
            Path(str(database) + suffix).unlink(missing_ok=True)
        partial.replace(database)
    except (OSError, sqlite3.Error, cipher.sqlcipher.Error) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"Could not restore {backup.name}: {exc}. The current database is unchanged.") from exc
    return aside


def _set_aside(data_dir: Path, database: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    backups_dir(data_dir).mkdir(exist_ok=True)
    if diagnose(database) is None:
        aside = backups_dir(data_dir) / f"nilai-{stamp}-before-restore.sqlite3"
        try:
            sqlite_copy(database, aside)
            return aside
        except cipher.DatabaseError:  # damaged inside: keep its bytes as they are
            aside.unlink(missing_ok=True)
    aside = backups_dir(data_dir) / f"nilai-{stamp}-damaged.sqlite3"
    for suffix in ("", "-wal"):
        if Path(f"{database}{suffix}").exists():
            shutil.copyfile(f"{database}{suffix}", f"{aside}{suffix}")
    return aside
