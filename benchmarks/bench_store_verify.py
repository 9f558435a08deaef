"""What refusing a damaged store costs each command: opening with SQLite's integrity check against without.

Run: ``.venv/bin/python -m benchmarks.bench_store_verify [--regions 116] [--n 15]``

Every `nilai` command opens its store with ``verify=True`` (header, size, then ``PRAGMA
integrity_check``) so that a store damaged in the middle is refused before anything is written.
Baseline: ``open_store`` without the check (header and size only), on a demo round of the 2018
size. The check grows with the file; the figure per MB says what a bigger coordinator store pays.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `app` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.base.paths import DATABASE_FILE  # noqa: E402
from app.store import open_store  # noqa: E402
from benchmarks.timing import median_seconds  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=116)
    parser.add_argument("--n", type=int, default=15)
    args = parser.parse_args(argv)
    from app.cli import main as nilai

    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "coordinator"
        assert nilai(["--data-dir", str(data), "demo", "--regions", str(args.regions)]) == 0
        size_mb = (data / DATABASE_FILE).stat().st_size / 1e6
        baseline = median_seconds(lambda: open_store(data).close(), args.n)
        verified = median_seconds(lambda: open_store(data, verify=True).close(), args.n)
    extra = verified - baseline
    print(f"store of {size_mb:.1f} MB")
    print(f"open_store                 {baseline * 1000:8.1f} ms")
    print(f"open_store(verify=True)    {verified * 1000:8.1f} ms   {verified / baseline:.2f}x  "
          f"(+{extra * 1000:.1f} ms, {extra * 1000 / size_mb:.1f} ms per MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
