"""Check the next bundles in a helper process while this one writes the current bundle.

Checking a bundle (hashing, parsing, change-log chains) is pure Python and takes about as long as
writing it, so on a machine with free cores a batch import can run them side by side: a single
helper process (started with ``spawn``, safe from a GUI's worker thread) verifies bundles a couple
ahead and sends back what it checked; this process opens each bundle again only to copy its
evidence and sheets, re-hashing every byte it copies against the signed manifest. Nothing is
written by the helper. Encrypted bundles are checked here (the helper has no passphrase), and if the
helper dies the remaining bundles are checked here too.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import fields
from pathlib import Path
from typing import Any

from app.bundles import errors
from app.bundles.verified import VerifiedBundle, VerifyContext
from app.bundles.verify import verify_bundle

MIN_BUNDLES = 8  # below this, starting a process costs more than it saves
AHEAD = 2  # bundles checked ahead of the one being written (bounds memory)

_CONTEXT: VerifyContext | None = None


def wanted(count: int, workers: int | None) -> bool:
    """Off unless asked for (``workers=1`` or ``NILAI_IMPORT_WORKERS=1``): on the shared two-core machine
    it was measured on, the helper saved nothing (both cores were busy anyway) and cost ~80 MB; on an
    idle multi-core coordinator machine it overlaps checking with writing."""
    if workers is None:
        env = os.environ.get("NILAI_IMPORT_WORKERS", "")
        return env.isdigit() and int(env) > 0 and (os.cpu_count() or 1) > 1 and count >= MIN_BUNDLES
    return workers > 0


def _init(state: dict[str, Any]) -> None:
    global _CONTEXT
    _CONTEXT = VerifyContext(**state)


def _verify(path: str) -> tuple[str, Any]:
    assert _CONTEXT is not None
    try:
        with verify_bundle(Path(path), _CONTEXT) as bundle:
            return "ok", bundle.detached()
    except errors.NeedsIdentity:
        return "here", None
    except errors.BundleError as exc:
        return "error", (type(exc).__name__, str(exc), exc.fingerprint)
    except Exception:  # noqa: BLE001 - whatever it was, this process checks the bundle again and says why
        return "here", None


class VerifyAhead:
    """Results of checking ``paths[i]`` in the helper: a detached VerifiedBundle, a BundleError, or None
    (check it here)."""

    def __init__(self, context: VerifyContext, paths: list[Path]) -> None:
        state = {f.name: getattr(context, f.name) for f in fields(VerifyContext) if f.name != "unlock"}
        self.paths = [str(p) for p in paths]
        self.futures: dict[int, Future] = {}
        self.submitted = 0
        self.broken = False
        self.executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_init, initargs=(state,))

    def _submit_until(self, index: int) -> None:
        while not self.broken and self.submitted < min(len(self.paths), index + AHEAD + 1):
            try:
                self.futures[self.submitted] = self.executor.submit(_verify, self.paths[self.submitted])
            except (BrokenProcessPool, RuntimeError):
                self.broken = True
                return
            self.submitted += 1

    def get(self, index: int) -> VerifiedBundle | errors.BundleError | None:
        self._submit_until(index)
        future = self.futures.pop(index, None)
        self._submit_until(index + 1)
        if future is None:
            return None
        try:
            status, value = future.result()
        except (BrokenProcessPool, OSError, EOFError):
            self.broken = True
            return None
        except Exception:  # noqa: BLE001 - e.g. a result that could not be sent back: checked here instead
            return None
        if status == "ok":
            return value
        if status == "error":
            name, message, fingerprint = value
            cls = getattr(errors, name, errors.BundleError)
            return cls(message, fingerprint=fingerprint)
        return None

    def skip(self, index: int) -> None:
        """The bundle needs no checking (already imported): drop its job if it has not started."""
        self._submit_until(index)
        future = self.futures.pop(index, None)
        if future is not None:
            future.cancel()
        self._submit_until(index + 1)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.executor.shutdown(wait=True, cancel_futures=True)
