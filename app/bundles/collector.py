"""Python's cyclic garbage collector, run less often while bundles are imported.

An import builds rows by the ten thousand (a bundle of 100 records: ~9,000 score and change-log
tuples, held until its commit) and makes no reference cycles of its own. With the collector's usual
threshold (a young collection every 700 new objects) those rows are traversed again and again while
they live, and now and then the whole heap with them: ~0.5 s of 8 s for 10,000 records
(benchmarks/README.md). A young collection every :data:`YOUNG` new objects instead lets most rows be
freed before they are ever traversed; what the collector would find, it still finds, later.

The threshold is the process's own, so nested or concurrent imports (the sync service's requests) count
themselves in and the last one out puts back what was there before the first came in.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG = 50_000  # new objects between two young collections during an import (Python's default: 700)

_lock = threading.Lock()
_inside = 0
_before: tuple[int, int, int] | None = None


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Young collections every :data:`YOUNG` new objects (not fewer than before) while the block runs."""
    global _inside, _before
    with _lock:
        if _inside == 0:
            _before = gc.get_threshold()
            gc.set_threshold(max(YOUNG, _before[0]), _before[1], _before[2])
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            if _inside == 0 and _before is not None:
                gc.set_threshold(*_before)
                _before = None
