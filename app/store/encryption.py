"""Turning a data directory's store encrypted or plain again: database, backups, evidence.

Every file is converted on its own into a new file beside it, checked, then renamed over the old
one, and every reader tells a plain file from an encrypted one by its first bytes. So a crash (or a
kill) at any point leaves each file whole, in one state or the other, and the store usable; running
the conversion again finishes it. The caller writes ``store.key`` before encrypting (so the key of
every encrypted file is known from the first one on) and removes it only after decrypting.

The database goes last: until it is swapped, the program keeps working on the old file. The store
must not be open in another Nilai meanwhile (refused when its write-ahead log shows another user).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.base.atomic import replace_durably
from app.base.paths import DATABASE_FILE
from app.store import cipher, sealed
from app.store.errors import StoreError, StoreLocked

__all__ = ["Converted", "convert", "plain_files"]


def _no_crash(step: str) -> None:
    """Between steps; tests replace it to fail there."""


crash_point: Callable[[str], None] = _no_crash


@dataclass
class Converted:
    database: bool = False
    backups: int = 0
    evidence: int = 0
    left_as_they_were: list[str] = field(default_factory=list)  # damaged backups that could not be read


def _evidence_files(data_dir: Path) -> list[Path]:
    root = data_dir / "evidence"
    return sorted(p for p in root.glob("*/*") if p.is_file() and not p.name.endswith(".part")) if root.is_dir() else []


def _backup_files(data_dir: Path) -> list[Path]:
    root = data_dir / "backups"
    return sorted(root.glob("*.sqlite3")) if root.is_dir() else []


def plain_files(data_dir: Path) -> list[Path]:
    """The files of a data directory with a store key that are still plain (an unfinished conversion)."""
    database = data_dir / DATABASE_FILE
    found = [p for p in [database, *_backup_files(data_dir)]
             if p.exists() and p.stat().st_size and not cipher.is_encrypted_file(p)]
    return found + [p for p in _evidence_files(data_dir) if not sealed.is_sealed(p)]


def _tables(path: Path) -> dict[str, int]:
    conn = cipher.connect(path, read_only=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
    finally:
        conn.close()


def _check_copy(source: Path, copy: Path) -> None:
    conn = cipher.connect(copy, read_only=True)
    try:
        verdict = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()
    if verdict != ["ok"] or _tables(source) != _tables(copy):
        raise StoreError(f"The converted copy of {source.name} did not match it; nothing was replaced.")


def _convert_database_file(path: Path, key: bytes | None, *, live: bool) -> None:
    partial = path.with_name(path.name + ".converting")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm"), Path(f"{partial}-journal")):
        leftover.unlink(missing_ok=True)
    wal = Path(f"{path}-wal")
    if live:  # fold the write-ahead log into the file: the renamed copy must not meet the old log
        conn = cipher.connect(path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        if wal.exists():  # the last connection to close removes it: another program has the store open
            raise StoreLocked(f"{path} is open in another Nilai window or program. Close it and try again; "
                              "nothing was changed.")
    cipher.copy(path, partial, key)
    _check_copy(path, partial)
    if wal.exists() and wal.stat().st_size:  # written to meanwhile: the copy is already behind
        partial.unlink(missing_ok=True)
        raise StoreLocked(f"{path} was changed by another Nilai while it was being converted. Close it and "
                          "try again; nothing was changed.")
    crash_point(f"copied {path.name}")
    for stale in (wal, Path(f"{path}-shm")):  # an empty log and its index from the checks' readers
        stale.unlink(missing_ok=True)
    replace_durably(partial, path)


def convert(data_dir: Path, key: bytes | None) -> Converted:
    """Encrypt every file of the store under the data key ``key``, or decrypt them all (``None``)."""
    done = Converted()
    want = key is not None
    if key is not None:
        cipher.unlock(data_dir, key)  # the files already encrypted, and the copies made here, are read with it
    for path in _evidence_files(data_dir):
        if sealed.is_sealed(path) == want:
            continue
        content = sealed.read(path)
        partial = path.with_name(f".{path.name}.part")
        partial.write_bytes(sealed.seal(content, key) if key is not None else content)
        replace_durably(partial, path)
        done.evidence += 1
        crash_point(f"evidence {path.name}")
    for path in _backup_files(data_dir):
        if cipher.is_encrypted_file(path) == want or Path(f"{path}-wal").exists():
            continue  # a damaged store set aside with its log stays as it was, bytes and all
        try:
            _convert_database_file(path, key, live=False)
        except (sqlite3.DatabaseError, cipher.sqlcipher.DatabaseError, StoreError):
            done.left_as_they_were.append(path.name)
            continue
        done.backups += 1
        crash_point(f"backup {path.name}")
    database = data_dir / DATABASE_FILE
    if database.exists() and cipher.is_encrypted_file(database) != want:
        _convert_database_file(database, key, live=True)
        done.database = True
    return done
