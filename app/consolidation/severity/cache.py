"""The severity fit kept per round state, so a recompute that did not change any level does not refit.

The fit depends on nothing but the long table of counted levels (:class:`Observations`), so the
key is a digest of exactly that: every candidate, assessor, indicator and level, and the ids the
indices name. A moderation, a change of rule or of shortlist sizes leaves the table (and the fit)
as it was; an imported bundle or a reopened assessment changes it, and the next fit is a new one.
Hashing 400,000 levels takes a few milliseconds against a fit of a few tenths of a second.

A refusal is kept too (as the model's own error), so an unlinked round is not re-examined either.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from app.consolidation.severity.data import Observations
from app.consolidation.severity.model import SeverityError, SeverityFit, fit_severity

KEPT = 4  # round states remembered (a coordinator switches between a few rounds)


def state_key(obs: Observations) -> str:
    """A digest of the long table: equal exactly when the fit would be."""
    digest = hashlib.blake2b(digest_size=20)
    for array in (obs.candidate, obs.assessor, obs.indicator, obs.level, obs.normalised, obs.spans):
        digest.update(array.dtype.str.encode())
        digest.update(array.tobytes())
    for names in (obs.candidate_ids, obs.assessor_ids, obs.indicator_codes):
        digest.update("\x1f".join(names).encode())
        digest.update(b"\x1e")
    return digest.hexdigest()


class SeverityCache:
    """Fits by round state; safe to share between the GUI thread and the background worker."""

    def __init__(self, kept: int = KEPT) -> None:
        self._kept = kept
        self._fits: OrderedDict[str, SeverityFit | SeverityError] = OrderedDict()
        self._lock = threading.Lock()
        self.fitted = 0  # fits actually run (the rest came from the cache)

    def fit(self, obs: Observations) -> SeverityFit:
        """The fit of these levels: the kept one when the state was seen before; raises its SeverityError."""
        key = state_key(obs)
        with self._lock:
            kept = self._fits.get(key)
            if kept is not None:
                self._fits.move_to_end(key)
        if kept is None:
            try:
                kept = fit_severity(obs)
            except SeverityError as problem:
                kept = problem
            with self._lock:
                self.fitted += 1
                self._fits[key] = kept
                while len(self._fits) > self._kept:
                    self._fits.popitem(last=False)
        if isinstance(kept, SeverityError):
            raise kept
        return kept
