"""Property tests over random rounds: every generated plan passes the checker, or the generator says
exactly why none exists, and for one-day rounds small enough to try every seating, it finds a plan
whenever one exists."""

from __future__ import annotations

from datetime import time
from itertools import product

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.regions import regions
from app.rounds.planning import (
    CALIBRATION_PANEL,
    LINKING,
    DaySpec,
    NoPlan,
    PlanAssessor,
    PlanCandidate,
    PlanRequest,
    check,
    generate,
    islands,
)
from app.rounds.planning.conflicts import conflict_reason
from app.rounds.planning.slots import day_times
from tests.planning.rounds import days

PROVINCES = ["31", "32", "34", "36"]  # few provinces, so conflicts are common
POOL = [PlanCandidate(r.code, r.province_code) for r in regions() if r.province_code in PROVINCES]


@st.composite
def rounds(draw, max_days: int = 3, linking: tuple[str, ...] = LINKING) -> PlanRequest:
    picked = tuple(draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=24, unique=True)))
    homes = draw(st.lists(st.sampled_from([*PROVINCES, None]), min_size=1, max_size=8))
    codes = [c.region_code for c in picked]
    team = []
    for i, home in enumerate(homes):
        declared = draw(st.lists(st.sampled_from(codes), max_size=2, unique=True))
        team.append(PlanAssessor(f"as-{i}", f"Assessor {i + 1}", home, None, frozenset(declared)))
    ends = draw(st.lists(st.sampled_from([time(9), time(10), time(11), time(12)]), min_size=1, max_size=max_days))
    grid = tuple(DaySpec(d.day, time(8), end, d.breaks if end == time(12) else ())
                 for d, end in zip(days(len(ends), breaks=((time(10), time(10, 30)),)), ends, strict=True))
    return PlanRequest(picked, tuple(team), grid, panels=draw(st.integers(1, 3)), panel_size=draw(st.integers(1, 3)),
                       slot_minutes=30, linking=draw(st.sampled_from(linking)), seed=draw(st.integers(0, 1000)))


def free_assessors(request: PlanRequest, candidate: PlanCandidate) -> int:
    return sum(conflict_reason(a, candidate) is None for a in request.assessors)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rounds())
def test_every_plan_passes_the_checker_or_the_generator_says_why(request: PlanRequest):
    try:
        plan = generate(request)
    except NoPlan as no_plan:
        assert no_plan.reasons and all(no_plan.reasons)
        capacity = request.panels * sum(len(day_times(d, 30)) for d in request.days)
        for reason in no_plan.reasons:
            if " candidates but only " in reason:
                assert len(request.candidates) > capacity - (request.panels - 1 if "calibration" in reason else 0)
            elif reason.startswith("panel size "):
                assert request.panels * request.panel_size > len(request.assessors)
            elif ": every assessor " in reason or " assessors have no conflict" in reason:
                code = reason.split("(")[1].split(")")[0]
                candidate = next(c for c in request.candidates if c.region_code == code)
                assert free_assessors(request, candidate) < request.panel_size
            elif reason.startswith("calibration case: every candidate"):
                assert all(free_assessors(request, c) < len(request.assessors) for c in request.candidates)
            else:
                assert reason.startswith("no seating was found"), reason
        return
    assert check(request, list(plan.slots)) == []
    assert len(plan.slots) == len(request.candidates)
    not_full = [load.candidates for load in plan.loads if load.candidates < load.capacity]
    if any(note.startswith("load balanced") for note in plan.notes) and not_full:
        level = min(not_full)  # an even spread: level or level + 1 each, or all it holds when that is less
        for load in plan.loads:
            assert load.candidates == load.capacity if load.capacity <= level else load.candidates in (level, level + 1)
    panels = {s.panel for s in plan.slots if s.panel != CALIBRATION_PANEL}
    assert 0.0 <= plan.linkage <= 1.0 and plan.islands == islands(plan.slots) <= len(panels)
    if request.linking == "calibration_case":
        assert plan.islands == (1 if panels else 0)
    # rotation links panels unless the conflicts force them apart; either way the plan says which
    assert (plan.islands > 1) == any(f"fall into {plan.islands} groups" in note for note in plan.notes)


def _matches_everyone(allowed: list[list[int]]) -> bool:
    taken: dict[int, int] = {}

    def augment(c: int, seen: set[int]) -> bool:
        for i in allowed[c]:
            if i not in seen:
                seen.add(i)
                if i not in taken or augment(taken[i], seen):
                    taken[i] = c
                    return True
        return False

    return all(augment(c, set()) for c in range(len(allowed)))


def plan_exists(request: PlanRequest) -> bool:
    """For one day: try every seating; is there one under which every candidate gets a slot of a panel
    free of conflicts? (Kuhn's augmenting paths over candidates and single slots.)"""
    slots = len(day_times(request.days[0], request.slot_minutes))
    size, count = request.panel_size, len(request.assessors)
    for placement in product(range(request.panels + 1), repeat=count):  # panel of each assessor, or sitting out
        panels = [[a for a in range(count) if placement[a] == p] for p in range(request.panels)]
        if any(len(p) != size for p in panels):
            continue
        places = [p for p, members in enumerate(panels) for _ in range(slots)]
        allowed = [[i for i, p in enumerate(places) if all(conflict_reason(request.assessors[a], c) is None
                                                         for a in panels[p])] for c in request.candidates]
        if _matches_everyone(allowed):
            return True
    return False


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rounds(max_days=1, linking=("rotate", "none")).filter(lambda r: len(r.assessors) <= 6))
def test_a_one_day_round_gets_a_plan_whenever_one_exists(request: PlanRequest):
    try:
        generate(request)
        found = True
    except NoPlan:
        found = False
    assert found == plan_exists(request)
