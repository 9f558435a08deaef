"""Generating and checking a round's schedule (app/rounds/planning).

Run: ``.venv/bin/python -m benchmarks.bench_schedule [--n 5]``

Shapes: the 2018 round (116 candidates, 12 assessors, 3 panels of 4, 3 days) and the largest round
the programme plans for (all 514 regencies and cities, 40 assessors, 10 panels of 4, 5 days), once
with assessors from 20 provinces and once with all 40 from the 8 provinces that hold the most
candidates (many conflicts). The worst case is a round with no plan, where the seating search runs
all its steps before saying why: 300 candidates with all 38 of Jawa Timur, 42 assessors of whom 38
are from Jawa Timur, 10 panels of 4 over 3 short days. Target: generation under 2 s.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from datetime import date, time, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `app` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.regions import regions  # noqa: E402
from app.rounds.planning import (  # noqa: E402
    DaySpec,
    NoPlan,
    PlanAssessor,
    PlanCandidate,
    PlanRequest,
    check,
    generate,
)
from benchmarks.timing import median_seconds  # noqa: E402

TARGET = 2.0


def request(candidates: int, homes: list[str | None], panels: int, size: int, days: int) -> PlanRequest:
    rng = random.Random(2018)
    picked = tuple(PlanCandidate(r.code, r.province_code) for r in rng.sample(list(regions()), candidates))
    team = tuple(PlanAssessor(f"as-{i}", f"Assessor {i + 1}", home) for i, home in enumerate(homes))
    grid = tuple(DaySpec(date(2018, 3, 5) + timedelta(days=d), time(8), time(17), ((time(12), time(13)),))
                 for d in range(days))
    return PlanRequest(picked, team, grid, panels, size, seed=1)


def shapes() -> dict[str, PlanRequest]:
    rng = random.Random(7)
    provinces = sorted({r.province_code for r in regions()})
    biggest = [code for code, _ in Counter(r.province_code for r in regions()).most_common(8)]
    return {
        "2018: 116 candidates, 12 assessors, 3x4 panels, 3 days":
            request(116, ["32", "32", "32", "31", "31", "35", "35", "33", "73", "64", "51", None], 3, 4, 3),
        "514 candidates, 40 assessors (20 provinces), 10x4, 5 days":
            request(514, [rng.choice(provinces[:20]) for _ in range(40)], 10, 4, 5),
        "514 candidates, 40 assessors (8 biggest provinces), 10x4, 5 days":
            request(514, [biggest[i % 8] for i in range(40)], 10, 4, 5),
    }


def no_plan() -> PlanRequest:
    jatim = [r for r in regions() if r.province_code == "35"]
    others = [r for r in regions() if r.province_code != "35"][:262]
    team = tuple(PlanAssessor(f"as-{i}", f"Assessor {i + 1}", "35" if i < 38 else None) for i in range(42))
    grid = tuple(DaySpec(date(2018, 3, 5) + timedelta(days=d), time(8), time(14)) for d in range(3))
    return PlanRequest(tuple(PlanCandidate(r.code, r.province_code) for r in jatim + others), team, grid, 10, 4)


def attempt(shape: PlanRequest) -> object:
    try:
        return generate(shape)
    except NoPlan as reason:
        return reason


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5)
    args = parser.parse_args(argv)
    for name, shape in shapes().items():
        plan = generate(shape)
        problems = check(shape, list(plan.slots))
        seconds = median_seconds(lambda shape=shape: generate(shape), args.n)
        checking = median_seconds(lambda shape=shape, plan=plan: check(shape, list(plan.slots)), args.n)
        print(f"{name}\n  generate {seconds * 1000:8.1f} ms  (target < {TARGET:.0f} s: "
              f"{'met' if seconds < TARGET else 'NOT met'})   check {checking * 1000:6.1f} ms   "
              f"linkage {plan.linkage:.2f}, {plan.islands} island(s), {len(problems)} problem(s)")
    seconds = median_seconds(lambda: attempt(no_plan()), args.n)
    print(f"worst case, no plan exists (the search runs out): 300 candidates, 42 assessors, 10x4, 3 days\n"
          f"  generate {seconds * 1000:8.1f} ms  (target < {TARGET:.0f} s: {'met' if seconds < TARGET else 'NOT met'})"
          f"   {attempt(no_plan())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
