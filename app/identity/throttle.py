"""In-process brake on passphrase guessing (see :class:`UnlockThrottle`)."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from app.identity.errors import IdentityError

__all__ = ["UnlockThrottle"]


class UnlockThrottle:
    """In-process brake on passphrase guessing.

    After ``max_failures`` wrong passphrases within ``window`` seconds for the same identity,
    further attempts are refused (without trying the passphrase) until the oldest of those
    failures is ``window`` seconds old. A correct passphrase clears the record. ``clock`` is
    injectable for tests (defaults to :func:`time.monotonic`).
    """

    def __init__(
        self,
        max_failures: int = 3,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.window = window
        self.clock = clock
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> list[float]:
        recent = [t for t in self._failures.get(key, []) if now - t < self.window]
        self._failures[key] = recent
        return recent

    def check(self, key: str) -> None:
        """Raise :class:`IdentityError` if ``key`` must wait before the next attempt."""
        with self._lock:
            now = self.clock()
            recent = self._recent(key, now)
            if len(recent) >= self.max_failures:
                wait = recent[-self.max_failures] + self.window - now
                seconds = max(1, math.ceil(wait))
                raise IdentityError(
                    f"Too many wrong passphrases. Please wait {seconds} second{'s' if seconds != 1 else ''} "
                    "before trying again."
                )

    def failed(self, key: str) -> None:
        with self._lock:
            now = self.clock()
            self._recent(key, now).append(now)

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)
