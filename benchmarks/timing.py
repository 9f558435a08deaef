"""Timing helpers the benchmarks share."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(action: Callable[[], object], n: int) -> float:
    """The median wall time of ``n`` runs of ``action``, after one run that warms imports and caches."""
    action()
    times = []
    for _ in range(n):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def median_wall_and_cpu(action: Callable[[], object], n: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``n`` runs of ``action``, after one run that warms caches."""
    action()
    walls, cpus = [], []
    for _ in range(n):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def percentile(samples: list[float], p: float) -> float:
    """The sample at the ``p``-th percentile (nearest rank, no interpolation)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]
