"""What the coordinator's window computes per round against the consolidation alone.

Run: ``.venv/bin/python -m benchmarks.bench_coordinator_round [--regions 514] [--assessors 20]
[--indicators 40] [--runs 3]``

The window's background step (:func:`app.ui.coordinator.computed.compute_round`, no Qt) consolidates
under the rule asked for; under the adjusted rule it also ranks by the raw mean (what the adjustment
moved). The assessor severities (severity tab) and the raw and adjusted panels (region detail) are
fitted only when one of those tabs opens (:func:`~app.ui.coordinator.computed.with_severity`), and
kept per round state (:class:`~app.consolidation.severity.cache.SeverityCache`): a recompute with
the tab open that changed no level (a moderation) takes them from the cache. Same synthetic store as
``bench_consolidation``. Target: every step stays under 3 s, like the adjusted consolidation.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `app` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.consolidation import consolidate  # noqa: E402
from app.consolidation.severity.cache import SeverityCache  # noqa: E402
from app.store import open_store  # noqa: E402
from app.ui.coordinator.computed import compute_round, with_severity  # noqa: E402
from benchmarks.bench_consolidation import build, timed  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=514)
    parser.add_argument("--assessors", type=int, default=20)
    parser.add_argument("--indicators", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp))
        try:
            round_id, scores = build(store, args.regions, args.assessors, args.indicators)
            print(f"{args.regions} regions × {args.assessors} assessors × {args.indicators} indicators: {scores:,} scores")
            for rule in ("mean", "adjusted"):
                alone, _ = timed(lambda rule=rule: consolidate(store, round_id, rule=rule), args.runs)
                window, view = timed(lambda rule=rule: compute_round(store, round_id, rule), args.runs)
                print(f"{rule:>9}: consolidate {alone:.2f} s · the window's step {window:.2f} s "
                      f"(ratio {window / alone:.2f}; shared cores, noisy)")
            _, mean_view = timed(lambda: compute_round(store, round_id, "mean"), 1)
            opened, _ = timed(lambda: with_severity(mean_view, SeverityCache()), args.runs)
            print(f"severity tab or region detail opened under the mean: {opened:.2f} s (the fit, raw and adjusted "
                  "panels)")
            cache = SeverityCache()
            compute_round(store, round_id, "mean", True, cache)
            kept, _ = timed(lambda: compute_round(store, round_id, "mean", True, cache), args.runs)
            fresh, _ = timed(lambda: compute_round(store, round_id, "mean", True, SeverityCache()), args.runs)
            print(f"     mean with the tab open: recompute {fresh:.2f} s fitting, {kept:.2f} s with the fit kept "
                  f"(ratio {kept / fresh:.2f}; {cache.fitted} fit for {args.runs + 2} recomputes)")
        finally:
            store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
