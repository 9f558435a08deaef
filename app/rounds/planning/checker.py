"""The schedule checker: every problem of a plan named on its slot, for the coordinator who moves
slots by hand (each edit is checked again) and for `nilai round schedule check`."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from app.rounds.planning.conflicts import conflict_of, conflict_reason, region_label
from app.rounds.planning.slots import hhmm, minutes_of, span
from app.rounds.planning.types import (
    CALIBRATION_PANEL,
    DaySpec,
    PlanAssessor,
    PlanCandidate,
    PlannedSlot,
    PlanRequest,
    SlotProblem,
)


def _when(slot: PlannedSlot) -> str:
    return f"{hhmm(slot.start)} on {slot.day} ({slot.panel}, {slot.room})"


def _at(slot: PlannedSlot) -> dict:
    """Where and when a slot is, as named fields of a problem."""
    return {"day": slot.day, "start": slot.start, "panel": slot.panel, "room": slot.room}


def check(request: PlanRequest, slots: list[PlannedSlot]) -> list[SlotProblem]:
    """The problems of a plan, slot by slot in order, then those of the whole plan (candidates with no slot)."""
    problems: list[SlotProblem] = []
    candidates = {c.region_code: c for c in request.candidates}
    if request.calibration_case is not None:  # the plenary calibration slot: a fictional region, no conflicts
        candidates[request.calibration_case] = PlanCandidate(request.calibration_case, "")
    known = _Known({day.day: day for day in request.days}, candidates,
                   {a.id: a for a in request.assessors})
    for index, slot in enumerate(slots):
        problems += _slot_problems(request, known, index, slot)
    problems += _candidates_twice(slots)
    problems += _overlaps(slots)
    problems += _double_booked(request, slots)
    problems.sort(key=lambda p: (p.slot is None, p.slot or 0))
    scheduled = {slot.region_code for slot in slots}
    problems += [SlotProblem(None, "unscheduled", f"{region_label(c.region_code)} has no slot",
                             {"region": c.region_code})
                 for c in request.candidates if c.region_code not in scheduled]
    return problems


@dataclass(frozen=True)
class _Known:
    days: dict[date, DaySpec]
    candidates: dict[str, PlanCandidate]
    assessors: dict[str, PlanAssessor]


def _slot_problems(request: PlanRequest, known: _Known, index: int, slot: PlannedSlot) -> list[SlotProblem]:
    problems = []
    days = known.days
    begin, end = span(slot.start, slot.minutes)
    day = days.get(slot.day)
    if day is None:
        problems.append(SlotProblem(index, "outside_day", f"{slot.day} is not an interview day of the round",
                                    {"day": slot.day}))
    elif begin < minutes_of(day.start) or end > minutes_of(day.end):
        problems.append(SlotProblem(index, "outside_day", f"{hhmm(slot.start)} for {slot.minutes} minutes is outside "
                                    f"the day ({hhmm(day.start)}–{hhmm(day.end)})",
                                    {"start": slot.start, "minutes": slot.minutes, "day_start": day.start,
                                     "day_end": day.end}))
    else:
        for start, stop in day.breaks:
            if begin < minutes_of(stop) and minutes_of(start) < end:
                problems.append(SlotProblem(index, "in_break", f"{hhmm(slot.start)} for {slot.minutes} minutes runs "
                                            f"into the break {hhmm(start)}–{hhmm(stop)}",
                                            {"start": slot.start, "minutes": slot.minutes, "break_start": start,
                                             "break_end": stop}))
    candidate = known.candidates.get(slot.region_code)
    if candidate is None:
        problems.append(SlotProblem(index, "not_candidate",
                                    f"{region_label(slot.region_code)} is not a candidate of the round",
                                    {"region": slot.region_code}))
    for assessor_id in slot.assessor_ids:
        assessor = known.assessors.get(assessor_id)
        if assessor is None:
            problems.append(SlotProblem(index, "unknown_assessor", f"assessor {assessor_id} is not in the round",
                                        {"assessor": assessor_id}))
        elif candidate is not None and (conflict := conflict_of(assessor, candidate)):
            problems.append(SlotProblem(index, "conflict", f"{assessor.name} sits on {region_label(slot.region_code)} "
                                        f"but {conflict_reason(assessor, candidate)}",
                                        {"assessor": assessor.name, "region": slot.region_code, "why": conflict[0],
                                         "province": conflict[1]}))
    seated = len(set(slot.assessor_ids))
    if seated < request.panel_size and slot.panel != CALIBRATION_PANEL:
        problems.append(SlotProblem(index, "panel_not_full", f"{seated} assessor{'s' if seated != 1 else ''} on the "
                                    f"panel, it needs {request.panel_size}",
                                    {"seated": seated, "needed": request.panel_size}))
    return problems


def _candidates_twice(slots: list[PlannedSlot]) -> list[SlotProblem]:
    by_candidate: dict[str, list[int]] = defaultdict(list)
    for index, slot in enumerate(slots):
        by_candidate[slot.region_code].append(index)
    problems = []
    for code, indexes in by_candidate.items():
        for index in indexes if len(indexes) > 1 else ():
            others = "; ".join(_when(slots[i]) for i in indexes if i != index)
            problems.append(SlotProblem(index, "candidate_twice", f"{region_label(code)} is also interviewed at {others}",
                                        {"region": code, "others": [_at(slots[i]) for i in indexes if i != index]}))
    return problems


def _clashes(slots: list[PlannedSlot], indexes: list[int]) -> list[tuple[int, int]]:
    """Pairs of slots (of one day) whose times overlap."""
    ordered = sorted(indexes, key=lambda i: span(slots[i].start, slots[i].minutes))
    pairs = []
    open_slots: list[int] = []
    for index in ordered:
        begin = span(slots[index].start, slots[index].minutes)[0]
        open_slots = [i for i in open_slots if span(slots[i].start, slots[i].minutes)[1] > begin]
        pairs += [(i, index) for i in open_slots]
        open_slots.append(index)
    return pairs


def _overlaps(slots: list[PlannedSlot]) -> list[SlotProblem]:
    by_room: dict[tuple, list[int]] = defaultdict(list)
    for index, slot in enumerate(slots):
        by_room[slot.day, slot.room or slot.panel].append(index)
    problems = []
    for indexes in by_room.values():
        for a, b in _clashes(slots, indexes):
            for here, there in ((a, b), (b, a)):
                problems.append(SlotProblem(here, "overlap", f"overlaps {region_label(slots[there].region_code)} at "
                                            f"{_when(slots[there])} in the same room",
                                            {"region": slots[there].region_code, **_at(slots[there])}))
    return problems


def _double_booked(request: PlanRequest, slots: list[PlannedSlot]) -> list[SlotProblem]:
    names = {a.id: a.name for a in request.assessors}
    by_assessor: dict[tuple, list[int]] = defaultdict(list)
    for index, slot in enumerate(slots):
        for assessor_id in set(slot.assessor_ids):
            by_assessor[assessor_id, slot.day].append(index)
    problems = []
    for (assessor_id, _), indexes in by_assessor.items():
        for a, b in _clashes(slots, indexes):
            if (slots[a].room or slots[a].panel) == (slots[b].room or slots[b].panel):
                continue  # one room's overlap, named as such
            for here, there in ((a, b), (b, a)):
                problems.append(SlotProblem(here, "double_booked", f"{names.get(assessor_id, assessor_id)} is also on "
                                            f"{region_label(slots[there].region_code)} at {_when(slots[there])}",
                                            {"assessor": names.get(assessor_id, assessor_id),
                                             "region": slots[there].region_code, **_at(slots[there])}))
    return problems
