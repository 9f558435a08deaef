"""The schedule generator: full coverage by full panels, no conflict, even load, linked panels,
and NoPlan naming exactly why when no plan can exist."""

from __future__ import annotations

import random
from collections import Counter
from datetime import time
from itertools import combinations

import pytest

from app.rounds.planning import (
    CALIBRATION_PANEL,
    NoPlan,
    PlanAssessor,
    PlanCandidate,
    PlannedSlot,
    PlanRequest,
    check,
    generate,
    islands,
    linkage,
)
from app.rounds.planning.assignment import Group, match
from app.rounds.planning.seating import Seating, search
from app.rounds.planning.slots import day_times
from tests.planning.rounds import assessors, candidates, days, shape_514, shape_2018


def loads(slots) -> Counter:
    return Counter((s.day, s.panel) for s in slots if s.panel != CALIBRATION_PANEL)


def test_the_2018_round_is_covered_by_full_panels_with_no_conflict():
    request = shape_2018()
    plan = generate(request)
    assert check(request, list(plan.slots)) == []
    assert sorted(s.region_code for s in plan.slots) == sorted(c.region_code for c in request.candidates)
    assert all(len(set(s.assessor_ids)) == 4 for s in plan.slots)
    homes = {a.id: a.province_code for a in request.assessors}
    province = {c.region_code: c.province_code for c in request.candidates}
    assert not [s for s in plan.slots for a in s.assessor_ids if homes[a] == province[s.region_code]]
    per_panel_day = loads(plan.slots)
    assert len(per_panel_day) == 9 and max(per_panel_day.values()) - min(per_panel_day.values()) <= 1
    assert any("load balanced" in note for note in plan.notes)


def test_slots_lie_on_the_day_grid_and_never_in_the_break():
    request = shape_2018()
    grid = {d.day: set(day_times(d, 30)) for d in request.days}
    assert all(s.start in grid[s.day] and s.minutes == 30 for s in generate(request).slots)
    assert time(12, 0) not in grid[request.days[0].day] and time(12, 30) not in grid[request.days[0].day]
    assert len(grid[request.days[0].day]) == 16


def test_rotation_links_every_panel_and_the_figure_counts_shared_assessors():
    plan = generate(shape_2018())
    members: dict[str, set[str]] = {}
    for slot in plan.slots:
        members.setdefault(slot.panel, set()).update(slot.assessor_ids)
    pairs = list(combinations(members, 2))
    shared = [p for p in pairs if members[p[0]] & members[p[1]]]
    assert len(members) == 9 and plan.linkage == pytest.approx(len(shared) / len(pairs))
    # a panel of 4 rotating over 3 rooms meets every room of every other day; same-day panels never share
    assert plan.linkage == pytest.approx(27 / 36) and plan.islands == 1
    assert any(note.startswith("linkage 0.75: 27 of 36") for note in plan.notes)


def test_fixed_panels_are_islands_and_the_plan_says_so():
    plan = generate(shape_2018(linking="none"))
    assert plan.islands == 3 and plan.linkage == pytest.approx(9 / 36)
    assert any("3 groups with no assessor in common" in note for note in plan.notes)
    by_room = {}
    for slot in plan.slots:
        assert by_room.setdefault(slot.room, set(slot.assessor_ids)) == set(slot.assessor_ids)


def test_a_calibration_case_is_scored_by_every_assessor_and_links_every_panel():
    request = shape_2018(linking="calibration_case")
    plan = generate(request)
    assert check(request, list(plan.slots)) == []
    [calibration] = [s for s in plan.slots if s.panel == CALIBRATION_PANEL]
    assert set(calibration.assessor_ids) == {a.id for a in request.assessors}
    assert (calibration.day, calibration.start) == (request.days[0].day, time(8, 0))
    assert not [s for s in plan.slots if s.day == calibration.day and s.start == calibration.start and s is not calibration]
    assert plan.linkage == 1.0 and plan.islands == 1
    assert len(plan.slots) == 116


def test_the_same_seed_gives_the_same_plan():
    assert generate(shape_2018(seed=4)) == generate(shape_2018(seed=4))
    assert generate(shape_2018(seed=4)).slots != generate(shape_2018(seed=5)).slots


def test_the_largest_round_is_planned():
    request = shape_514()
    plan = generate(request)
    assert check(request, list(plan.slots)) == [] and len(plan.slots) == 514
    per_panel_day = loads(plan.slots)
    assert len(per_panel_day) == 50 and max(per_panel_day.values()) - min(per_panel_day.values()) <= 1
    assert plan.islands == 1 and plan.linkage > 0.3


def test_declared_conflicts_and_home_regions_are_respected():
    central, yogya = candidates(10, provinces={"33"}), candidates(4, provinces={"34"})
    declared = PlanAssessor("as-d", "Dewi", None, None, frozenset({central[0].region_code, central[1].region_code}))
    home = PlanAssessor("as-h", "Hadi", None, yogya[0].region_code)  # a home regency: its whole province conflicts
    request = PlanRequest(central + yogya, (declared, home, *assessors(["11", "12", "13", "14"])), days(1),
                          panels=2, panel_size=3)
    plan = generate(request)
    assert check(request, list(plan.slots)) == []
    seated = {s.region_code: s.assessor_ids for s in plan.slots}
    assert "as-d" not in seated[central[0].region_code] + seated[central[1].region_code]
    assert not [c for c in yogya if "as-h" in seated[c.region_code]]
    assert [c for c in central if "as-d" in seated[c.region_code]]  # only the declared ones are kept from her


def test_uneven_days_fill_to_what_each_holds():
    full_day, short_day = days(1)[0], days(2, end=time(10, 0), breaks=())[1]  # 16 and 4 slots
    request = PlanRequest(candidates(30), assessors([None] * 4), (full_day, short_day), panels=2, panel_size=2)
    plan = generate(request)
    assert check(request, list(plan.slots)) == []
    per = {load.panel: (load.candidates, load.capacity) for load in plan.loads}
    assert per["P1 D2"] == (4, 4) and per["P2 D2"] == (4, 4)
    assert per["P1 D1"][0] + per["P2 D1"][0] == 22 and abs(per["P1 D1"][0] - per["P2 D1"][0]) <= 1


def test_too_few_slots_is_said_with_the_arithmetic():
    request = PlanRequest(candidates(116), assessors([None] * 12), days(2), panels=3, panel_size=4)
    with pytest.raises(NoPlan) as raised:
        generate(request)
    assert raised.value.reasons == ["116 candidates but only 96 slots (3 panels × 2 days × 16 slots of 30 minutes)"]


def test_too_few_assessors_is_said():
    request = PlanRequest(candidates(20), assessors([None] * 10), days(3), panels=3, panel_size=4)
    with pytest.raises(NoPlan) as raised:
        generate(request)
    assert raised.value.reasons == ["panel size 4 × 3 panels needs 12 assessors, the round has 10"]


def test_a_candidate_every_assessor_conflicts_with_is_named():
    banjar_baru = PlanCandidate("6372", "63")
    team = (*assessors(["63"] * 3), PlanAssessor("as-x", "Xaverius", "32", None, frozenset({"6372"})))
    request = PlanRequest((banjar_baru, PlanCandidate("3279", "32")), team, days(1), panels=1, panel_size=2)
    with pytest.raises(NoPlan) as raised:
        generate(request)
    assert raised.value.reasons == [
        "Kota Banjar Baru (6372): every assessor is from Kalimantan Selatan or declared a conflict"]


def test_a_candidate_with_too_few_free_assessors_is_named():
    team = assessors(["63", "63", "32", "31"])
    request = PlanRequest((PlanCandidate("6372", "63"),), team, days(1), panels=1, panel_size=3)
    with pytest.raises(NoPlan) as raised:
        generate(request)
    assert raised.value.reasons == ["Kota Banjar Baru (6372): only 2 of 4 assessors have no conflict with it "
                                    "(the others: from Kalimantan Selatan), a panel needs 3"]


def test_when_no_seating_frees_enough_panels_the_cut_is_named():
    # 4 assessors from Jawa Barat on 2 panels of 2 with 2 more: every panel of every day holds one or two of them
    team = assessors(["32", "32", "32", "32", "33", "33"])
    request = PlanRequest(candidates(6, provinces={"32"}), team, days(1, end=time(9, 0), breaks=()), 3, 2)
    with pytest.raises(NoPlan) as raised:
        generate(request)
    [reason] = raised.value.reasons
    assert reason.startswith("no seating was found that gives every candidate a panel free of its conflicts: "
                             "6 candidates (from Jawa Barat (6)) can sit only before the 1 panel-days")
    assert "which hold 2 slots" in reason


def test_the_search_gathers_blocking_assessors_onto_one_panel():
    # two provinces, two assessors each, on two panels of two: mixed panels block everyone
    groups = [Group(0b0011, (0, 1, 2)), Group(0b1100, (3, 4, 5))]
    mixed = Seating(panels=2, days=1, fixed=False, seats=[[[0, 2], [1, 3]]], resting=[[]])
    assert match(groups, mixed.masks(), [3, 3]).covered == 0
    seating, matching = search(mixed, groups, [3, 3], random.Random(0))
    assert matching.covered == 6 and sorted(map(sorted, seating.seats[0])) == [[0, 1], [2, 3]]


def test_linkage_of_hand_made_slots():
    def slot(panel: str, *ids: str) -> PlannedSlot:
        return PlannedSlot(days(1)[0].day, time(8), 30, panel, "R1", "3301", ids)

    apart = [slot("A", "x", "y"), slot("B", "z"), slot("C", "w")]
    assert linkage(apart) == 0.0 and islands(apart) == 3
    chained = [slot("A", "x", "y"), slot("B", "y", "z"), slot("C", "z")]
    assert linkage(chained) == pytest.approx(2 / 3) and islands(chained) == 1
    calibrated = [*apart, slot(CALIBRATION_PANEL, "x", "z", "w")]
    assert linkage(calibrated) == 1.0 and islands(calibrated) == 1
    assert linkage([slot("A", "x")]) == 1.0
