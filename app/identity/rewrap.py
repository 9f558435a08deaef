"""Bringing ``key.pem`` up to today's key-derivation cost on the next successful unlock.

A key written by an older Nilai (or by the same Nilai before its cost was raised) still opens: its
scrypt parameters are inside the file. Once the passphrase has opened it, the same key is wrapped
again at :func:`app.identity.keyfile.current_cost` under the same passphrase and replaces the file
through :mod:`app.base.atomic`, so there is never a moment without a valid key file: a crash leaves
the old file or the new one, and both open with that passphrase.

Every writer of ``key.pem`` holds :func:`app.identity.files.key_file_lock`, and the re-wrap replaces
the file only if it still holds the bytes that were unlocked: a passphrase changed meanwhile by
another Nilai process is never undone by a re-wrap under the old passphrase.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from app.base.atomic import atomic_write
from app.identity.files import KEY_FILE, key_file_lock
from app.identity.keyfile import current_cost, encrypt_private_key, is_weaker_than_current, key_file_cost

__all__ = ["rewrap_if_weaker"]

log = logging.getLogger(__name__)


def rewrap_if_weaker(directory: Path, key_pem: bytes, private_key: Any, passphrase: str) -> bool:
    """Re-wrap ``key_pem`` (just opened with ``passphrase``) at the current cost if it is cheaper.

    True if the file was replaced. A failure to write (read-only or full disk, another process
    holding the lock) leaves the old file, is logged, and is retried at the next unlock: the key is
    unlocked either way.
    """
    if not is_weaker_than_current(key_pem):
        return False
    stronger = encrypt_private_key(private_key, passphrase)
    path = directory / KEY_FILE
    try:
        with key_file_lock(directory.parent):
            if path.read_bytes() != key_pem:
                return False  # changed since it was unlocked (a new passphrase): leave it be
            atomic_write(path, stronger, mode=0o600)
    except OSError as exc:  # includes the lock's Timeout
        log.warning("key.pem kept at %s; re-wrapping it failed: %s", key_file_cost(key_pem), exc)
        return False
    log.info("key.pem re-wrapped from %s to %s", key_file_cost(key_pem), current_cost())
    return True
