"""Rendering sheets ahead of the signer, in a small pool of worker processes.

Rendering is pure-Python ReportLab work (about 0.1 s a sheet), so a batch renders in worker
*processes* while the calling process signs, writes and records. They are started with ``spawn``
(safe from a GUI's worker thread). Batches of fewer than :data:`POOL_THRESHOLD` sheets, and frozen
builds, render in-process; if the worker processes cannot start or die, rendering falls back to
the calling process (rendering is pure, so rendering a sheet again is safe).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from app.models.domain import AssessmentSnapshot

log = logging.getLogger(__name__)

POOL_THRESHOLD = 6  # fewer sheets than this: starting worker processes costs more than it saves
MAX_WORKERS = 4
WORKERS_VARIABLE = "NILAI_RENDER_PROCESSES"  # a whole number: render processes for a batch (1: none)


def _render(snap: AssessmentSnapshot, lang: str) -> bytes:
    # Module-level, so worker processes can run it too.
    # deferred: ReportLab loads with the first sheet, not at start-up
    from app.sheets.render import render_sheet

    return render_sheet(snap, lang)


class SheetRenderer:
    """Renders sheets ahead of the signer: in worker processes for a batch, else in-process."""

    def __init__(self, workers: int, lang: str) -> None:
        self.lang = lang
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        if workers > 1:
            self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))

    def submit(self, snap: AssessmentSnapshot) -> Future:
        if self.pool is not None:
            try:
                return self.pool.submit(_render, snap, self.lang)
            except BrokenProcessPool:
                self._fall_back()
        future: Future = Future()
        future.set_running_or_notify_cancel()
        try:
            future.set_result(_render(snap, self.lang))
        except Exception as exc:
            future.set_exception(exc)
        return future

    def result(self, snap: AssessmentSnapshot, future: Future) -> bytes:
        """The rendered sheet; if the worker processes broke, render it (and the rest) in-process.

        Worker processes can fail to start where the main module cannot be imported again
        (an unguarded script, a frozen build without ``freeze_support``); rendering is pure, so
        rendering again here is safe.
        """
        try:
            return future.result()
        except BrokenProcessPool:
            self._fall_back()
            return _render(snap, self.lang)

    def _fall_back(self) -> None:
        if self.pool is not None:
            log.warning("sheet-rendering processes stopped; rendering in this process instead")
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def default_workers(count: int) -> int:
    """Worker processes for ``count`` sheets: none for small batches and frozen builds.

    :data:`WORKERS_VARIABLE` in the environment overrides the choice (a slow laptop, a benchmark)."""
    chosen = os.environ.get(WORKERS_VARIABLE, "").strip()
    if chosen.isdigit() and int(chosen) >= 1:
        return min(int(chosen), count) if count else 1
    if count < POOL_THRESHOLD or getattr(sys, "frozen", False):
        # A frozen build can start worker processes only if its entry point calls
        # multiprocessing.freeze_support(); render in-process there.
        return 1
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1, count))
