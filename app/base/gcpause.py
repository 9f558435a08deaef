"""Python's cyclic garbage collector around work that builds many objects and no cycles: paused
while a large, acyclic result is built (:func:`paused_gc`), paused while a command loads its
libraries (:func:`loaded_then_frozen`), and run less often while bundles are imported
(:func:`fewer_collections`).

Building tens of thousands of small tuples (a 2,000-candidate round's assessments, coverage and
panels) triggers a collection every 700 allocations, and each older-generation pass walks every
object already built: measured ~20% of a consolidation (benchmarks/bench_consolidation.py). What
is built here holds no reference cycles, so nothing is lost by collecting once, afterwards.
The pause is process-wide (the collector is); it nests, and leaves a collector that was already
off, off.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager

_lock = threading.Lock()
_depth = 0  # pauses in force (threads or nesting)
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


@contextmanager
def loaded_then_frozen() -> Iterator[Callable[[], None]]:
    """No collection while a command loads what it needs; then, when it calls the function yielded
    here, what is loaded is frozen (``gc.freeze``: out of the collector's sight) and collection
    resumes, so that each collection of the work that follows walks only the work's own objects.

    For a batch command that imports SQLAlchemy, pyHanko... (about a million objects, alive until
    the process ends): measured on ``nilai sheets export`` of 116 sheets, collections took 0.17 s
    of its 3 s of CPU, 0.03 s so. On leaving, the frozen objects are thawed and the collector is
    as it was (a command run inside a longer process, e.g. a test).
    """
    frozen = False
    with ExitStack() as pause:
        pause.enter_context(paused_gc())

        def loaded() -> None:
            nonlocal frozen
            if not frozen:
                gc.freeze()
                frozen = True
            pause.close()

        try:
            yield loaded
        finally:
            pause.close()
            if frozen:
                gc.unfreeze()


# -- fewer collections: a bundle import -----------------------------------------------------------
# An import builds rows by the ten thousand (a bundle of 100 records: ~9,000 score and change-log
# tuples, held until its commit) and makes no reference cycles of its own. With the usual threshold
# (a young collection every 700 new objects) those rows are traversed again and again while they
# live, and now and then the whole heap with them: ~0.5 s of 8 s for 10,000 records
# (benchmarks/README.md). A young collection every YOUNG new objects instead lets most rows be freed
# before they are ever traversed; what the collector would find, it still finds, later. The
# threshold is the process's own, so nested or concurrent imports (the sync service's requests)
# count themselves in, and the last one out puts back what was there before the first came in.

YOUNG = 50_000  # new objects between two young collections during an import (Python's default: 700)

_threshold_lock = threading.Lock()
_inside = 0
_before: tuple[int, int, int] | None = None


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Young collections every :data:`YOUNG` new objects (not fewer than before) while the block runs."""
    global _inside, _before
    with _threshold_lock:
        if _inside == 0:
            _before = gc.get_threshold()
            gc.set_threshold(max(YOUNG, _before[0]), _before[1], _before[2])
        _inside += 1
    try:
        yield
    finally:
        with _threshold_lock:
            _inside -= 1
            if _inside == 0 and _before is not None:
                gc.set_threshold(*_before)
                _before = None
