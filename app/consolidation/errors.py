"""The error consolidation raises when a request cannot be met."""

from __future__ import annotations


class ConsolidationError(Exception):
    """A consolidation request that cannot be met; the message says why and what to do."""
