"""Encryption at rest of a SQLite store: which files are encrypted, the unlocked data keys, keyed connections.

A data directory whose ``store.key`` exists is encrypted (or being converted, see
:mod:`app.store.encryption`): its database and backups are SQLCipher files (AES-256, an HMAC on
every page) under a random 256-bit data key, its evidence files are sealed with a key derived from
it (:mod:`app.store.sealed`). Whether one file is encrypted is read from the file itself (a plain
SQLite file starts with its header, a SQLCipher file with a random salt), so a conversion that was
interrupted leaves every file readable.

The data key is unwrapped from ``store.key`` with the assessor's passphrase by
:mod:`app.identity.storekey` (which knows the key-derivation); this layer only holds the unwrapped
keys of this process, per data directory, and asks the registered :data:`Unlocker` when a file
needs a key it does not hold yet (the command line reads the passphrase then; the desktop asks for
it before it opens the store).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from app.store.errors import StoreError
from app.store.header import read_start

__all__ = ["DatabaseError", "Error", "KEY_FILE", "StoreLockedByPassphrase", "connect", "copy", "forget",
           "is_encrypted_file", "key_file", "key_for", "set_unlocker", "unlock", "wants_encryption"]

KEY_FILE = "store.key"  # beside the database: the data key, wrapped under the assessor's passphrase
HEADER = b"SQLite format 3\x00"

# The drivers' error classes are unrelated: catch both where a file may be either kind.
Error: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)
DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)

Unlocker = Callable[[Path], bytes]  # data directory -> its data key (raises when the passphrase is wrong)

_keys: dict[Path, bytes] = {}
_unlocker: Unlocker | None = None


def _quiet() -> None:
    """SQLCipher writes a failed page decryption to stderr (a damaged file); Nilai says it once, in one line."""
    conn = sqlcipher.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # process-wide
    finally:
        conn.close()


_quiet()


class StoreLockedByPassphrase(StoreError):
    """The store is encrypted and this process has not been given the passphrase."""


def key_file(data_dir: Path) -> Path:
    return data_dir / KEY_FILE


def wants_encryption(data_dir: Path) -> bool:
    """A new file of this data directory (database, backup, evidence) is written encrypted."""
    return key_file(data_dir).exists()


def set_unlocker(unlocker: Unlocker | None) -> None:
    """How this process obtains a data key it needs (the command line reads the passphrase)."""
    global _unlocker
    _unlocker = unlocker


def unlock(data_dir: Path, key: bytes) -> None:
    """Hold the data key of ``data_dir`` for this process."""
    if len(key) != 32:
        raise ValueError("a data key is 256 bits")
    _keys[Path(data_dir).resolve()] = key


def forget(data_dir: Path | None = None) -> None:
    """Drop the held key of one data directory (all when None)."""
    if data_dir is None:
        _keys.clear()
    else:
        _keys.pop(Path(data_dir).resolve(), None)


def key_for(path: Path) -> bytes:
    """The data key of the data directory holding ``path`` (the database, a backup, an evidence file).

    Looks up the folders above the file; unlocks through the :data:`Unlocker` when needed. A file
    outside any encrypted data directory (a backup copied elsewhere) gets the only key held, if one.
    """
    resolved = Path(path).resolve()
    for folder in list(resolved.parents)[:4]:
        if folder in _keys:
            return _keys[folder]
        if key_file(folder).exists():
            if _unlocker is None:
                raise StoreLockedByPassphrase(
                    f"The Nilai data in {folder} is encrypted and has not been unlocked: give the assessor's "
                    "passphrase (--passphrase-file FILE or NILAI_PASSPHRASE_FILE). Nothing was changed.")
            key = _unlocker(folder)
            unlock(folder, key)
            return key
    if len(set(_keys.values())) == 1:
        return next(iter(_keys.values()))
    raise StoreLockedByPassphrase(f"{path} is encrypted, and no unlocked Nilai store has its key. "
                                  "Copy it into the backups folder of its data directory and try again there.")


def is_encrypted_file(path: Path) -> bool:
    """A non-empty file that is not plain SQLite, in (or under) a data directory with a store key.

    Anything else that is not plain SQLite stays damage for :mod:`app.store.soundness` to name.
    """
    try:
        start = read_start(path, len(HEADER))  # not open()/close(): that would drop this process's locks on it
    except FileNotFoundError:
        return False
    if not start or start == HEADER:
        return False
    resolved = Path(path).resolve()
    return any(f in _keys or key_file(f).exists() for f in list(resolved.parents)[:4])


def _keyed(conn: Any, key: bytes) -> Any:
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")  # a raw key: no second key derivation
    return conn


def connect(path: Path, *, read_only: bool = False, immutable: bool = False, key: bytes | None = None,
            new: bool = False) -> Any:
    """A DB-API connection to a store or backup file, keyed when the file is encrypted.

    ``new`` with ``key``: create an encrypted file. ``read_only``/``immutable`` as SQLite's URI options.
    """
    encrypted = key is not None if new else is_encrypted_file(path)
    if encrypted and key is None:
        key = key_for(path)
    query = "&".join((["mode=ro"] if read_only else []) + (["immutable=1"] if immutable else []))
    target: str = f"{Path(path).resolve().as_uri()}?{query}" if query else str(path)
    module: Any = sqlcipher if encrypted else sqlite3
    conn = module.connect(target, uri=bool(query))
    if encrypted:
        assert key is not None
        _keyed(conn, key)
    return conn


def copy(source: Path, target: Path, target_key: bytes | None | bool = True) -> None:
    """A consistent copy of a store file (even while it is open), encrypted as asked.

    ``target_key``: True keeps the source's encryption and key; bytes encrypts under that key;
    None writes a plain file. The same encryption uses SQLite's backup API; a change of
    encryption goes through ``sqlcipher_export`` (the backup API cannot change it).
    """
    source_key = key_for(source) if is_encrypted_file(source) else None
    wanted = source_key if target_key is True else target_key
    assert wanted is None or isinstance(wanted, bytes)
    if wanted == source_key:
        src = connect(source)
        try:
            dest = connect(target, key=wanted, new=True)
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
        return
    src = sqlcipher.connect(str(source))  # SQLCipher reads plain files too, and has sqlcipher_export
    try:
        if source_key is not None:
            _keyed(src, source_key)
        attach_key = f"x'{wanted.hex()}'" if wanted is not None else ""
        src.execute("ATTACH DATABASE ? AS converted KEY ?", (str(target), attach_key))
        src.execute("SELECT sqlcipher_export('converted')")
        src.execute("DETACH DATABASE converted")
    finally:
        src.close()
