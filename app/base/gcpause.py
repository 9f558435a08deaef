"""Pause Python's cyclic garbage collector while a large, acyclic result is built.

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
from collections.abc import Iterator
from contextlib import contextmanager

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
