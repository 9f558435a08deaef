"""Rendering sheets ahead of the signer, in a small pool of worker processes.

Rendering is pure-Python ReportLab work (about 0.1 s a sheet), so a batch renders in worker
*processes* while the calling process signs, writes and records. They are started with ``spawn``
(safe from a GUI's worker thread). Batches of fewer than :data:`POOL_THRESHOLD` sheets, and frozen
builds, render in-process; if the worker processes cannot start or die, rendering falls back to
the calling process (rendering is pure, so rendering a sheet again is safe).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from app.models.domain import AssessmentSnapshot

log = logging.getLogger(__name__)

POOL_THRESHOLD = 6  # fewer sheets than this: starting worker processes costs more than it saves
MAX_WORKERS = 4
MAX_SHEETS_AHEAD = 48  # sheets handed to the render processes before the signer takes them
WORKERS_VARIABLE = "NILAI_RENDER_PROCESSES"  # a whole number: render processes for a batch (1: none)


def _render(snap: AssessmentSnapshot, lang: str) -> bytes:
    # deferred: ReportLab loads with the first sheet, not at start-up
    from app.sheets.render import render_sheet

    return render_sheet(snap, lang)


def _render_all(snaps: list[AssessmentSnapshot], lang: str) -> list[bytes]:
    # Module-level, so worker processes can run it too.
    return [_render(snap, lang) for snap in snaps]


def _warm_up(lang: str) -> None:
    """Load ReportLab and the sheet's fonts and styles: a worker process ready for its first sheet."""
    # deferred: the point is to pay for these imports in the worker, before the first sheet arrives
    from app.sheets.render import warm_up

    warm_up(lang)


def _started() -> None:
    """A task that only makes the pool start a process (the initializer does the work)."""


@dataclass(frozen=True)
class Rendering:
    """One sheet's place in a submitted group: ``future`` renders the group, ``index`` is this sheet."""

    future: Future
    index: int


class SheetRenderer:
    """Renders sheets ahead of the signer: in worker processes for a batch, else in-process.

    Sheets go to the workers in groups (:meth:`submit_group`): the pool hands out one task at a
    time per process, through threads of the calling process that wait for Python's lock while it
    signs, so fewer, larger tasks keep the workers fed under load; and a group's snapshots share
    one pickled instrument.
    """

    def __init__(self, workers: int, lang: str) -> None:
        self.lang = lang
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        if workers > 1:
            # The initializer warms a process up as soon as it starts, not when its first task arrives.
            self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_warm_up, initargs=(lang,))

    def warm_up(self) -> None:
        """Start the worker processes now and let them load what rendering needs.

        A batch calls this first thing, so that the workers start up while the calling process
        opens the store, takes the snapshots and unlocks the key (each worker's start-up, mostly
        ReportLab, costs about as much CPU as ten sheets)."""
        if self.pool is None:
            return
        try:
            for _ in range(self.workers):  # each submission starts a process while none is idle
                self.pool.submit(_started)
        except BrokenProcessPool:
            self._fall_back()

    def submit_group(self, snaps: list[AssessmentSnapshot]) -> list[Rendering]:
        """Render ``snaps`` as one task; one :class:`Rendering` per sheet, in order."""
        future: Future | None = None
        if self.pool is not None:
            try:
                future = self.pool.submit(_render_all, snaps, self.lang)
            except BrokenProcessPool:
                self._fall_back()
        if future is None:
            future = Future()
            future.set_running_or_notify_cancel()
            try:
                future.set_result(_render_all(snaps, self.lang))
            except Exception as exc:
                future.set_exception(exc)
        return [Rendering(future, index) for index in range(len(snaps))]

    def submit(self, snap: AssessmentSnapshot) -> Rendering:
        return self.submit_group([snap])[0]

    def result(self, snap: AssessmentSnapshot, rendering: Rendering) -> bytes:
        """The rendered sheet; if the worker processes broke, render it (and the rest) in-process.

        Worker processes can fail to start where the main module cannot be imported again
        (an unguarded script, a frozen build without ``freeze_support``); rendering is pure, so
        rendering again here is safe.
        """
        try:
            return rendering.future.result()[rendering.index]
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

    def discard(self) -> None:
        """Stop the worker processes without waiting for them (nothing is left to render)."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        # ProcessPoolExecutor has no public way to stop its processes before Python 3.14
        # (terminate_workers); rendering is pure, so stopping one mid-sheet loses nothing.
        processes = dict(getattr(pool, "_processes", None) or {})
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes.values():
            with contextlib.suppress(Exception):
                process.terminate()


def early_workers() -> int:
    """Render processes to start before the batch's size is known: as many as a large batch gets.

    Started early they cost nothing when the batch turns out small (they are warm by then), and are
    stopped at once when there is nothing to sign."""
    return default_workers(MAX_SHEETS_AHEAD)


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
