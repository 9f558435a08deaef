"""``store.key``: the data key of an encrypted store, wrapped under the assessor's passphrase.

The data key (256 random bits) encrypts the database, its backups and the evidence files
(:mod:`app.store.cipher`). It never changes while the store stays encrypted; what this file
holds is that key sealed with AES-256-GCM under a key derived from the passphrase with scrypt,
at the same cost as the identity's ``key.pem`` (:mod:`app.identity.keyfile`). The scrypt
parameters are written into the file, so a file made at an older cost still opens, and is
re-wrapped at the current cost when it is next unlocked. A wrong passphrase fails the GCM tag:
nothing is read or written then.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.base.atomic import atomic_write
from app.identity import keyfile
from app.identity.errors import IdentityError, WrongPassphrase
from app.identity.files import key_file_lock
from app.store.cipher import key_file

__all__ = ["create", "exists", "rewrap", "unwrap", "wrap"]

FORMAT = "nilai-store-key"
VERSION = 1
_AAD = b"nilai-store-key v1"  # binds the sealed key to this file format


def exists(data_dir: Path) -> bool:
    return key_file(Path(data_dir)).is_file()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _wrapped(data_key: bytes, passphrase: str) -> bytes:
    salt, nonce = os.urandom(16), os.urandom(12)
    cost = keyfile.current_cost()
    n, r, p = cost.n, cost.r, cost.p
    sealed = AESGCM(_derive(passphrase, salt, n, r, p)).encrypt(nonce, data_key, _AAD)
    document = {"format": FORMAT, "version": VERSION,
                "kdf": {"name": "scrypt", "n": n, "r": r, "p": p, "salt": _b64(salt)},
                "cipher": "AES-256-GCM", "nonce": _b64(nonce), "wrapped_key": _b64(sealed)}
    return (json.dumps(document, indent=2) + "\n").encode("utf-8")


def _read(data_dir: Path) -> dict[str, Any]:
    path = key_file(data_dir)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != FORMAT or document.get("version") != VERSION:
            raise ValueError("not a Nilai store key")
        kdf = document["kdf"]
        if kdf["name"] != "scrypt":
            raise ValueError("unknown key derivation")
        for field in ("n", "r", "p"):
            if not isinstance(kdf[field], int) or kdf[field] < 1:
                raise ValueError("bad scrypt parameters")
        return document
    except FileNotFoundError:
        raise IdentityError(f"{path} is missing: this store is not encrypted.") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IdentityError(f"The store key {path} is damaged ({exc}); the encrypted store cannot be opened "
                            "without it. Restore the file from a copy of the data directory.") from exc


def create(data_dir: Path, passphrase: str) -> bytes:
    """A new random data key, written wrapped under ``passphrase``; returns the key."""
    data_key = AESGCM.generate_key(bit_length=256)
    atomic_write(key_file(Path(data_dir)), _wrapped(data_key, passphrase), mode=0o600)
    return data_key


def unwrap(data_dir: Path, passphrase: str) -> bytes:
    """The data key; :class:`WrongPassphrase` (nothing read or written) when the passphrase does not open it.

    A key wrapped at a lower scrypt cost than today's is re-wrapped (same data key) at once.
    """
    data_dir = Path(data_dir)
    document = _read(data_dir)
    data_key = _open(data_dir, document, passphrase)
    kdf = document["kdf"]
    if keyfile.ScryptCost(kdf["n"], kdf["r"], kdf["p"]).weaker_than(keyfile.current_cost()):
        _rewrap_if_unchanged(data_dir, document, data_key, passphrase)
    return data_key


def unwrap_exact(data_dir: Path, passphrase: str) -> bytes:
    """The data key, writing nothing."""
    return _open(Path(data_dir), _read(Path(data_dir)), passphrase)


def _open(data_dir: Path, document: dict[str, Any], passphrase: str) -> bytes:
    kdf = document["kdf"]
    try:
        kek = _derive(passphrase, base64.b64decode(kdf["salt"]), kdf["n"], kdf["r"], kdf["p"])
        data_key = AESGCM(kek).decrypt(base64.b64decode(document["nonce"]),
                                       base64.b64decode(document["wrapped_key"]), _AAD)
    except InvalidTag:
        raise WrongPassphrase("The passphrase is not correct for this encrypted store. Nothing was changed.") from None
    except (ValueError, TypeError) as exc:
        raise IdentityError(f"The store key {key_file(data_dir)} is damaged ({exc}).") from exc
    return data_key


def _rewrap_if_unchanged(data_dir: Path, seen: dict[str, Any], data_key: bytes, passphrase: str) -> None:
    """Re-wrap at today's cost, unless another process changed the file since it was read (a passphrase
    change in progress): writing the old passphrase's wrapping back would undo that change."""
    try:
        with key_file_lock(data_dir):
            if _read(data_dir) == seen:
                atomic_write(key_file(data_dir), _wrapped(data_key, passphrase), mode=0o600)
    except (OSError, IdentityError):
        pass  # the key stays at its old cost and opens as before; the next unlock tries again


def wrap(data_dir: Path, data_key: bytes, passphrase: str) -> None:
    """Write the (unchanged) data key wrapped under ``passphrase`` (atomic)."""
    with key_file_lock(Path(data_dir)):
        atomic_write(key_file(Path(data_dir)), _wrapped(data_key, passphrase), mode=0o600)


def rewrap(data_dir: Path, old: str, new: str) -> None:
    """The same data key under a new passphrase (atomic). Wrong ``old``: WrongPassphrase, file untouched."""
    data_dir = Path(data_dir)
    with key_file_lock(data_dir):  # no unlock's cost re-wrap can slip in between and restore ``old``
        data_key = unwrap_exact(data_dir, old)
        atomic_write(key_file(data_dir), _wrapped(data_key, new), mode=0o600)
