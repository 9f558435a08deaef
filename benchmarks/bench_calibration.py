"""A large round with a calibration case: the adjusted consolidation (its levels in the severity fit,
the case kept out of the ranking) and the per-assessor calibration comparison.

Run: ``.venv/bin/python -m benchmarks.bench_calibration [--regions 514] [--assessors 20] [--indicators 40]
[--runs 3]``

Builds the round of :mod:`benchmarks.bench_consolidation`, adds a calibration case every assessor
scored, and times (median of ``--runs`` after one warm-up) ``consolidate(rule="adjusted")`` and
:func:`app.consolidation.calibration.calibration_view`. Targets: adjusted < 3 s (issue 15's bar, the
calibration case included); the comparison < 50 ms.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import uuid
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `app` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from app.consolidation import consolidate, load_round_data  # noqa: E402
from app.consolidation.calibration import calibration_view  # noqa: E402
from app.models.tables import Assessment, Assessor, Score, table_of  # noqa: E402
from app.rounds.setup import add_calibration_case  # noqa: E402
from app.store import Store, open_store  # noqa: E402
from benchmarks.bench_consolidation import build  # noqa: E402
from benchmarks.timing import median_seconds  # noqa: E402


def add_scored_case(store: Store, round_id: str, seed: int = 15) -> str:
    """A calibration case, scored by every assessor of the built round (random levels 1-5)."""
    case = add_calibration_case(store, round_id, "Kota Contoh")
    rng = random.Random(seed)
    with store.engine.begin() as conn:
        assessors = list(conn.execute(select(table_of(Assessor).c.id)).scalars())
        model = dict(conn.execute(select(table_of(Assessment)).limit(1)).mappings().one())
        codes = list(conn.execute(select(table_of(Score).c.indicator_code)
                                  .where(table_of(Score).c.version_id == model["version_id"])).scalars())
        rows, scores = [], []
        for assessor_id in assessors:
            version_id = str(uuid.uuid4())
            rows.append(model | {"version_id": version_id, "record_id": str(uuid.uuid4()), "region_code": case.code,
                                 "assessor_id": assessor_id})
            scores += [{"version_id": version_id, "indicator_code": code, "level": rng.randint(1, 5),
                        "not_applicable": False, "note": "", "updated_at": model["created_at"]} for code in codes]
        conn.execute(insert(table_of(Assessment)), rows)
        conn.execute(insert(table_of(Score)), scores)
    return case.code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--regions", type=int, default=514)
    parser.add_argument("--assessors", type=int, default=20)
    parser.add_argument("--indicators", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as directory:
        store = open_store(Path(directory))
        try:
            round_id, scores = build(store, args.regions, args.assessors, args.indicators)
            code = add_scored_case(store, round_id)
            adjusted = median_seconds(lambda: consolidate(store, rule="adjusted"), args.runs)
            data = load_round_data(store)
            comparison = median_seconds(lambda: calibration_view(data), args.runs)
            ranked = consolidate(store, rule="adjusted").ranking
            assert code not in {r.region.code for r in ranked} and len(ranked) == args.regions
        finally:
            store.close()
    print(f"{args.regions} regions × {args.assessors} assessors × {args.indicators} indicators "
          f"({scores:,} scores) + a calibration case scored by every assessor")
    print(f"consolidate (adjusted, the case in the fit, not ranked): {adjusted:.2f} s "
          f"(target < 3 s: {'met' if adjusted < 3 else 'NOT met'})")
    print(f"calibration comparison: {comparison * 1000:.1f} ms (target < 50 ms: {'met' if comparison < 0.05 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
