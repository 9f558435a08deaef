"""Run every benchmark (``bench_*.py`` here) with its defaults, one after the other.

``.venv/bin/python -m benchmarks [NAME ...]`` — NAME picks benchmarks by name, e.g. ``sheets signing``.
"""

from __future__ import annotations

import importlib
import inspect
import sys
import time
from pathlib import Path


def names() -> list[str]:
    return sorted(path.stem for path in Path(__file__).parent.glob("bench_*.py"))


def main(argv: list[str]) -> int:
    wanted = [n if n.startswith("bench_") else f"bench_{n}" for n in argv]
    unknown = [n for n in wanted if n not in names()]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; there are: {', '.join(names())}", file=sys.stderr)
        return 2
    for name in wanted or names():
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"== {name} ==", flush=True)
        started = time.perf_counter()
        if inspect.signature(module.main).parameters:
            module.main([])
        else:  # a benchmark that reads sys.argv itself
            saved, sys.argv = sys.argv, [str(module.__file__)]
            try:
                module.main()
            finally:
                sys.argv = saved
        print(f"   ({time.perf_counter() - started:.1f} s)\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
