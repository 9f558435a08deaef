"""Loading the two shipped instruments (parse, validate, hash) against reading the same YAML.

Run: ``.venv/bin/python -m benchmarks.bench_instruments [--n 20]``

Baseline: ``yaml.load`` of both files with the C loader where PyYAML has it (what any loader pays
before checking anything). Nilai adds the JSON-Schema and domain checks and the content hash.
Target: at most 3x the baseline (it was a timed assertion, < 100 ms, in the tests before). Both
sides are timed in wall and in CPU time (median of ``--n``); the verdict is on the CPU ratio, which
other work on a shared machine does not swing as it does the wall times of a few milliseconds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `app` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml  # noqa: E402

from app.base.paths import resources_dir  # noqa: E402
from app.instruments import load_instrument  # noqa: E402
from benchmarks.timing import median_wall_and_cpu  # noqa: E402

TARGET = 3.0
FILES = ("smart-city-readiness-2018.yaml", "smart-city-six-dimensions.yaml")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20)
    args = parser.parse_args(argv)
    paths = [resources_dir() / "instruments" / name for name in FILES]
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    baseline = median_wall_and_cpu(lambda: [yaml.load(p.read_text("utf-8"), Loader=loader) for p in paths], args.n)
    nilai = median_wall_and_cpu(lambda: [load_instrument(p) for p in paths], args.n)
    wall_ratio, cpu_ratio = nilai[0] / baseline[0], nilai[1] / baseline[1]
    print(f"baseline yaml.load of both files   {baseline[0] * 1000:8.1f} ms (CPU {baseline[1] * 1000:.1f} ms)")
    print(f"nilai load_instrument of both     {nilai[0] * 1000:8.1f} ms (CPU {nilai[1] * 1000:.1f} ms)   "
          f"wall {wall_ratio:.2f}x, CPU {cpu_ratio:.2f}x  "
          f"(target <= {TARGET:.0f}x: {'met' if cpu_ratio <= TARGET else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
