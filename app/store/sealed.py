"""Files kept beside an encrypted store (evidence), sealed with AES-256-GCM.

One file, one seal: ``MAGIC``, a random 96-bit nonce, then the AES-GCM ciphertext and tag of the
whole content, under a key derived (HKDF-SHA256) from the store's data key, so the database key and
the file key are never the same bytes. A file is written sealed when its data directory is
encrypted, and read by its first bytes, so a plain file (written before the store was encrypted,
or during an interrupted conversion) still reads. Evidence files are photos and documents of a few
MB (the bundle limits bound them), read whole, so one seal per file is enough.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.store import cipher
from app.store.errors import StoreError

__all__ = ["MAGIC", "chunks", "is_sealed", "read", "seal", "unseal", "viewable"]

MAGIC = b"NILAI-SEALED-1\n"
_NONCE = 12


def _file_key(data_key: bytes) -> AESGCM:
    return AESGCM(HKDF(hashes.SHA256(), 32, salt=None, info=b"nilai evidence files v1").derive(data_key))


def seal(data: bytes, data_key: bytes) -> bytes:
    nonce = os.urandom(_NONCE)
    return MAGIC + nonce + _file_key(data_key).encrypt(nonce, data, MAGIC)


def unseal(sealed: bytes, data_key: bytes, label: str = "the file") -> bytes:
    nonce = sealed[len(MAGIC):len(MAGIC) + _NONCE]
    try:
        return _file_key(data_key).decrypt(nonce, sealed[len(MAGIC) + _NONCE:], MAGIC)
    except InvalidTag:
        raise StoreError(f"{label} is sealed with another key or was changed; it cannot be read.") from None


def is_sealed(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def read(path: Path) -> bytes:
    """The content of a file of the data directory, unsealed when it is sealed."""
    raw = Path(path).read_bytes()
    if not raw.startswith(MAGIC):
        return raw
    return unseal(raw, cipher.key_for(path), str(path))


def chunks(path: Path, size: int = 1 << 20) -> Iterator[bytes]:
    """The content of a file of the data directory in pieces (a sealed file comes whole, unsealed)."""
    with open(path, "rb") as handle:
        first = handle.read(len(MAGIC))
        if first == MAGIC:
            yield unseal(first + handle.read(), cipher.key_for(path), str(path))
            return
        if first:
            yield first
        yield from iter(lambda: handle.read(size), b"")


def viewable(path: Path, file_name: str) -> Path:
    """A file another program (a photo or PDF viewer) can open: the file itself when it is plain; when
    sealed, its content under ``file_name`` in a private temporary folder (mode 0700) that is removed
    when Nilai exits. While it is open, that copy is plain on disk: said in docs/security.md."""
    if not is_sealed(path):
        return path
    global _viewing
    if _viewing is None:
        _viewing = Path(tempfile.mkdtemp(prefix="nilai-evidence-"))
        atexit.register(shutil.rmtree, _viewing, True)
    folder = _viewing / Path(path).name  # one folder per file: two attachments may share a name
    folder.mkdir(exist_ok=True)
    target = folder / (Path(file_name).name or "evidence")
    target.write_bytes(read(path))
    return target


_viewing: Path | None = None
