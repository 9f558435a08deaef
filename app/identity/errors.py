"""The identity's exceptions, in a module of their own so every identity helper can raise them.

They are re-exported by :mod:`app.identity`, which is where callers import them from.
"""

from __future__ import annotations

__all__ = ["DecryptionError", "IdentityError", "NoIdentity", "WrongPassphrase"]


class IdentityError(Exception):
    """A problem with the assessor identity; ``str(error)`` is meant for the user."""


class WrongPassphrase(IdentityError):
    """The passphrase does not open the key (or the PKCS#12 file)."""


class NoIdentity(IdentityError):
    """No identity has been set up in this data directory."""


class DecryptionError(IdentityError):
    """Encrypted content could not be opened with this identity (wrong recipient, damaged)."""
