"""Requests for the generator's tests: rounds of real regions with assessors from real provinces."""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from app.regions import regions
from app.rounds.planning import DaySpec, PlanAssessor, PlanCandidate, PlanRequest

LUNCH = ((time(12, 0), time(13, 0)),)


def days(count: int, start: time = time(8, 0), end: time = time(17, 0), breaks=LUNCH) -> tuple[DaySpec, ...]:
    return tuple(DaySpec(date(2018, 3, 5) + timedelta(days=i), start, end, breaks) for i in range(count))


def candidates(count: int, seed: int = 2018, provinces: set[str] | None = None) -> tuple[PlanCandidate, ...]:
    pool = [r for r in regions() if provinces is None or r.province_code in provinces]
    return tuple(PlanCandidate(r.code, r.province_code) for r in random.Random(seed).sample(pool, count))


def assessors(provinces: list[str | None]) -> tuple[PlanAssessor, ...]:
    return tuple(PlanAssessor(f"as-{i:02d}", f"Assessor {i + 1}", province) for i, province in enumerate(provinces))


def shape_2018(linking: str = "rotate", seed: int = 0) -> PlanRequest:
    """116 candidates, 3 days, 3 panels of 4, 12 assessors, several from the provinces with most candidates."""
    homes = ["32", "32", "32", "31", "31", "35", "35", "33", "73", "64", "51", None]
    return PlanRequest(candidates(116), assessors(homes), days(3), panels=3, panel_size=4, linking=linking, seed=seed)


def shape_514(seed: int = 0) -> PlanRequest:
    """Every regency and city, 40 assessors from 20 provinces, 10 panels of 4 over 5 days."""
    rng = random.Random(seed)
    provinces = sorted({r.province_code for r in regions()})
    homes: list[str | None] = [rng.choice(provinces[:20]) for _ in range(40)]
    return PlanRequest(candidates(514), assessors(homes), days(5), panels=10, panel_size=4, seed=seed)
