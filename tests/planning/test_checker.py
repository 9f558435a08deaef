"""The checker names each problem on its slot: a generated plan, then one edit at a time."""

from __future__ import annotations

import dataclasses
from datetime import date, time

import pytest

from app.rounds.planning import PlanAssessor, PlanCandidate, PlannedSlot, PlanRequest, check, generate
from tests.planning.rounds import assessors, days


@pytest.fixture
def request_() -> PlanRequest:
    team = (*assessors(["11", "12", "13", "14"]), PlanAssessor("as-jb", "Budi", "32"))
    picked = (PlanCandidate("3279", "32"), PlanCandidate("3301", "33"), PlanCandidate("3302", "33"),
              PlanCandidate("3303", "33"), PlanCandidate("6372", "63"))
    return PlanRequest(picked, team, days(2), panels=2, panel_size=2, linking="none")


@pytest.fixture
def plan(request_) -> list[PlannedSlot]:
    slots = list(generate(request_).slots)
    assert check(request_, slots) == []
    return slots


def at(slots: list[PlannedSlot], code: str) -> int:
    return next(i for i, s in enumerate(slots) if s.region_code == code)


def kinds(problems) -> list[tuple[int | None, str]]:
    return [(p.slot, p.kind) for p in problems]


def test_a_slot_moved_into_the_break_or_past_the_day(request_, plan):
    i = at(plan, "3301")
    plan[i] = dataclasses.replace(plan[i], start=time(11, 45))
    [problem] = check(request_, plan)
    assert (problem.slot, problem.kind) == (i, "in_break") and "break 12:00–13:00" in problem.message
    plan[i] = dataclasses.replace(plan[i], start=time(16, 45))
    [problem] = check(request_, plan)
    assert problem.kind == "outside_day" and "outside the day (08:00–17:00)" in problem.message
    plan[i] = dataclasses.replace(plan[i], day=date(2018, 3, 9), start=time(8))
    assert kinds(check(request_, plan)) == [(i, "outside_day")]


def test_a_conflict_names_the_assessor_and_why(request_, plan):
    i = at(plan, "3279")  # Kota Banjar, Jawa Barat: Budi may not sit on it
    plan[i] = dataclasses.replace(plan[i], assessor_ids=("as-jb", plan[i].assessor_ids[0]))
    problems = [p for p in check(request_, plan) if p.kind == "conflict"]
    assert [(p.slot, p.message) for p in problems] == [(i, "Budi sits on Kota Banjar (3279) but is from Jawa Barat")]


def test_a_candidate_twice_is_named_on_both_slots_and_one_left_out_is_unscheduled(request_, plan):
    i, j = at(plan, "3301"), at(plan, "3302")
    plan[j] = dataclasses.replace(plan[j], region_code="3301")
    problems = check(request_, plan)
    assert sorted(kinds(problems), key=str) == sorted([(i, "candidate_twice"), (j, "candidate_twice"),
                                                       (None, "unscheduled")], key=str)
    assert problems[-1].message == "Kabupaten Banyumas (3302) has no slot"
    assert f"{plan[j].start:%H:%M}" in next(p.message for p in problems if p.slot == i)


def test_two_rooms_at_once_double_book_an_assessor(request_, plan):
    first, other = plan[0], next(s for s in plan if s.room != plan[0].room and s.day == plan[0].day)
    j = plan.index(other)
    shared = first.assessor_ids[0]
    plan[j] = dataclasses.replace(other, start=first.start, assessor_ids=(shared, *other.assessor_ids[1:]))
    problems = [p for p in check(request_, plan) if p.kind == "double_booked"]
    assert sorted(p.slot for p in problems) == [0, j]
    name = next(a.name for a in request_.assessors if a.id == shared)
    assert all(p.message.startswith(f"{name} is also on ") for p in problems)


def test_two_slots_in_one_room_at_once_overlap_and_a_short_panel_is_named(request_, plan):
    same_room = [i for i, s in enumerate(plan) if s.room == plan[0].room and s.day == plan[0].day]
    i, j = same_room[0], same_room[1]
    plan[j] = dataclasses.replace(plan[j], start=time(plan[i].start.hour, 15))
    assert sorted(kinds(check(request_, plan))) == sorted([(i, "overlap"), (j, "overlap")])
    plan[j] = dataclasses.replace(plan[j], start=time(15, 0), assessor_ids=plan[j].assessor_ids[:1])
    [problem] = check(request_, plan)
    assert (problem.slot, problem.kind, problem.message) == (j, "panel_not_full", "1 assessor on the panel, it needs 2")


def test_unknown_people_and_places_are_named(request_, plan):
    plan[0] = dataclasses.replace(plan[0], assessor_ids=(*plan[0].assessor_ids, "nobody"))
    plan.append(dataclasses.replace(plan[1], region_code="1101", start=time(16, 30)))
    problems = check(request_, plan)
    assert (0, "unknown_assessor") in kinds(problems)
    assert (len(plan) - 1, "not_candidate") in kinds(problems)
