"""The signing error, in a module of its own so the appearance code can raise it too.

Re-exported by :mod:`app.sheets.signing`, which is where callers import it from.
"""

from __future__ import annotations

__all__ = ["SignPdfError"]


class SignPdfError(Exception):
    """The PDF could not be signed; ``str(error)`` is meant for the user."""
