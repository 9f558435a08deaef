"""The schedule generator: every candidate interviewed once by a full panel free of conflicts,
the load even across panels and days, panels linked through rotating assessors."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

from app.rounds.planning.assignment import Group, Matching, placed
from app.rounds.planning.conflicts import (
    candidate_conflicts,
    candidate_reasons,
    conflict_reason,
    province_name,
    province_of,
    region_label,
)
from app.rounds.planning.linkage import islands, linkage, linked_pairs
from app.rounds.planning.seating import Seating, initial, search
from app.rounds.planning.slots import day_times, hhmm
from app.rounds.planning.types import (
    CALIBRATION_PANEL,
    LINKING,
    NoPlan,
    Note,
    PanelLoad,
    Plan,
    PlanCandidate,
    PlannedSlot,
    PlanRequest,
)

LISTED = 8  # candidates named one by one in a reason before "and N more"


def panel_name(panel: int, day: int) -> str:
    return f"P{panel + 1} D{day + 1}"


def room_name(request: PlanRequest, panel: int) -> str:
    return request.rooms[panel] if panel < len(request.rooms) and request.rooms[panel] else f"R{panel + 1}"


def generate(request: PlanRequest) -> Plan:
    """A plan for the request, or NoPlan saying exactly why none can be made."""
    fictional = request.linking == "calibration_case" and request.calibration_case is not None
    if fictional and request.calibration_case is not None:  # no one comes from a fictional region: no conflicts
        request = replace(request, candidates=(*request.candidates, PlanCandidate(request.calibration_case, "")))
    times = [day_times(day, request.slot_minutes) for day in request.days]
    masks = [sum(1 << a for a, assessor in enumerate(request.assessors) if conflict_reason(assessor, candidate))
             for candidate in request.candidates]
    reasons = preconditions(request, times, masks)
    if reasons:
        raise NoPlan(reasons)
    rng = random.Random(request.seed)
    calibration = None
    if fictional:
        calibration = len(request.candidates) - 1
    elif request.linking == "calibration_case":
        calibration = rng.choice([c for c, mask in enumerate(masks) if not mask])
    panels, days = request.panels, len(request.days)
    capacities = [len(times[d]) - (1 if calibration is not None and d == 0 else 0)
                  for d in range(days) for _ in range(panels)]
    by_mask: dict[int, list[int]] = {}
    for c, mask in enumerate(masks):
        if c != calibration:
            by_mask.setdefault(mask, []).append(c)
    groups = [Group(mask, tuple(members)) for mask, members in sorted(by_mask.items())]
    order = sorted(range(len(request.assessors)), key=lambda a: (
        province_of(request.assessors[a]) or "~", request.assessors[a].region_code or "", a))
    seating = initial(order, panels, request.panel_size, days, fixed=request.linking != "rotate")
    seating, matching = search(seating, groups, capacities, rng)
    if matching.covered < sum(len(g.members) for g in groups):
        raise NoPlan([_unmatched(request, groups, seating, matching, capacities)])
    slots = _slots(request, times, seating, placed(groups, matching.counts, len(capacities), rng), calibration)
    loads = tuple(PanelLoad(panel_name(p, d), room_name(request, p), request.days[d].day, matching.loads[d * panels + p],
                            capacities[d * panels + p]) for d in range(days) for p in range(panels))
    return Plan(tuple(slots), linkage(slots), tuple(_notes(request, slots, loads, matching, calibration)),
                islands(slots), loads)


def preconditions(request: PlanRequest, times: list[list], masks: list[int]) -> list[Note]:
    """Why no plan can exist, whatever the seating: too few assessors or slots, a candidate no
    full panel can sit on."""
    reasons = []
    if request.linking not in LINKING:
        reasons.append(Note(f"linking must be one of {', '.join(LINKING)}, not {request.linking!r}", "linking_unknown",
                            linking=request.linking))
    if request.panels < 1 or request.panel_size < 1:
        reasons.append(Note(f"a round needs at least one panel of at least one assessor ({request.panels} panels "
                            f"of {request.panel_size} asked)", "no_panels", panels=request.panels,
                            panel_size=request.panel_size))
        return reasons
    if not request.candidates:
        reasons.append(Note("the round has no candidates to schedule", "no_candidates"))
    if not request.days:
        reasons.append(Note("the round has no interview days", "no_days"))
    twice = [code for code, n in Counter(c.region_code for c in request.candidates).items() if n > 1]
    if twice:
        reasons.append(Note("listed more than once: " + ", ".join(region_label(code) for code in twice), "listed_twice",
                            regions=twice))
    seats = request.panels * request.panel_size
    if seats > len(request.assessors):
        reasons.append(Note(f"panel size {request.panel_size} × {request.panels} panels needs {seats} assessors, "
                            f"the round has {len(request.assessors)}", "too_few_assessors", panel_size=request.panel_size,
                            panels=request.panels, needed=seats, assessors=len(request.assessors)))
    slots = request.panels * sum(len(t) for t in times)
    calibration = request.linking == "calibration_case"
    room = slots - (request.panels - 1 if calibration and request.days else 0)
    if request.days and len(request.candidates) > room:
        counts = sorted({len(t) for t in times})
        per_day = (f"{len(request.days)} day{'s' if len(request.days) != 1 else ''} × {counts[0]} slots" if len(counts) == 1
                   else " + ".join(str(len(t)) for t in times) + f" slots over {len(request.days)} days")
        extra = "; the calibration case takes the first slot of every room on the first day" if calibration else ""
        reasons.append(Note(f"{len(request.candidates)} candidates but only {slots} slots "
                            f"({request.panels} panels × {per_day} of {request.slot_minutes} minutes){extra}",
                            "too_few_slots", candidates=len(request.candidates), slots=slots, panels=request.panels,
                            days=len(request.days), per_day=[len(t) for t in times], minutes=request.slot_minutes,
                            calibration=calibration))
    blocked = []
    for candidate, mask in zip(request.candidates, masks, strict=True):
        free = len(request.assessors) - mask.bit_count()
        if free >= request.panel_size or seats > len(request.assessors):
            continue
        why = candidate_reasons(candidate, request.assessors)
        fields = {"region": candidate.region_code, "conflicts": candidate_conflicts(candidate, request.assessors),
                  "free": free, "assessors": len(request.assessors), "panel_size": request.panel_size}
        blocked.append(Note(f"{region_label(candidate.region_code)}: every assessor {why}", "all_conflicted", **fields)
                       if not free else
                       Note(f"{region_label(candidate.region_code)}: only {free} of {len(request.assessors)} assessors "
                            f"have no conflict with it (the others: {why.replace('is from', 'from')}), a panel needs "
                            f"{request.panel_size}", "few_free", **fields))
    reasons += blocked[:LISTED] + ([Note(f"and {len(blocked) - LISTED} more candidates like these", "more_blocked",
                                         count=len(blocked) - LISTED)]
                                   if len(blocked) > LISTED else [])
    if calibration and request.candidates and all(masks):
        reasons.append(Note("calibration case: every candidate conflicts with at least one assessor, so none can be "
                            "interviewed by all of them; choose linking rotate", "calibration_conflicts"))
    if calibration and times and not times[0]:
        reasons.append(Note("calibration case: the first day holds no slot for it", "calibration_no_slot"))
    return reasons


def _unmatched(request: PlanRequest, groups: list[Group], seating: Seating, matching: Matching,
               capacities: list[int]) -> Note:
    """The minimum cut in words: these candidates fit only on these panel-days, which hold too few slots."""
    short = [groups[g] for g in matching.short_groups]
    members = [c for g in short for c in g.members]
    masks = seating.masks()
    open_days = [k for k in range(len(masks)) if capacities[k] and any(not masks[k] & g.conflicts for g in short)]
    room = sum(capacities[k] for k in open_days)
    provinces = Counter(province_name(request.candidates[c].province_code) for c in members)
    who = (", ".join(region_label(request.candidates[c].region_code) for c in members) if len(members) <= 4 else
           "from " + ", ".join(f"{name} ({n})" for name, n in provinces.most_common()))
    return Note(f"no seating was found that gives every candidate a panel free of its conflicts: {len(members)} "
                f"candidates ({who}) can sit only before the {len(open_days)} panel-days with no conflicted assessor, "
                f"which hold {room} slots; add days or panels, or assessors from other provinces", "unmatched",
                regions=[request.candidates[c].region_code for c in members],
                provinces=Counter(request.candidates[c].province_code for c in members).most_common(),
                panel_days=len(open_days), slots=room)


def _slots(request: PlanRequest, times: list[list], seating: Seating, chosen: list[list[int]],
           calibration: int | None) -> list[PlannedSlot]:
    slots = []
    if calibration is not None:
        everyone = tuple(a.id for a in request.assessors)
        slots.append(PlannedSlot(request.days[0].day, times[0][0], request.slot_minutes, CALIBRATION_PANEL,
                                 room_name(request, 0), request.candidates[calibration].region_code, everyone))
    for d, day in enumerate(request.days):
        day_times_left = times[d][1:] if calibration is not None and d == 0 else times[d]
        for p in range(request.panels):
            seated = tuple(request.assessors[a].id for a in sorted(seating.seats[d][p]))
            for start, c in zip(day_times_left, chosen[d * request.panels + p], strict=False):  # loads fit the day
                slots.append(PlannedSlot(day.day, start, request.slot_minutes, panel_name(p, d), room_name(request, p),
                                         request.candidates[c].region_code, seated))
    slots.sort(key=lambda s: (s.day, s.start, s.room, s.panel))
    return slots


def _notes(request: PlanRequest, slots: list[PlannedSlot], loads: tuple[PanelLoad, ...], matching: Matching,
           calibration: int | None) -> list[Note]:
    notes = []
    held = sum(load.capacity for load in loads)
    free = held - sum(load.candidates for load in loads)
    notes.append(Note(f"{len(request.candidates)} candidates in {len(slots)} slots on {len(loads)} panel-days "
                      f"({request.panels} panels × {len(request.days)} days); {free} slots left free", "counts",
                      candidates=len(request.candidates), slots=len(slots), panel_days=len(loads),
                      panels=request.panels, days=len(request.days), free=free))
    counts = [load.candidates for load in loads if load.capacity]
    if matching.balance_shortfall == 0:
        full = any(load.candidates == load.capacity for load in loads if load.capacity) and max(counts) - min(counts) > 1
        notes.append(Note(f"load balanced: every panel-day has {min(counts)}" +
                          (f" or {max(counts)} candidates" if max(counts) != min(counts) else " candidates") +
                          (" (or all it holds)" if full else ""), "balanced", low=min(counts), high=max(counts), full=full))
    else:
        notes.append(Note(f"the conflicts did not allow a load within one candidate per panel-day: loads range from "
                          f"{min(counts)} to {max(counts)}", "unbalanced", low=min(counts), high=max(counts)))
    names, linked = linked_pairs(slots)
    pairs = len(names) * (len(names) - 1) // 2
    if pairs:
        # A panel of k shares assessors with at most k panels of another day, and none of its own day.
        days = len(request.days)
        most = days * (days - 1) // 2 * request.panels * min(request.panel_size, request.panels) / pairs
        how = "share an assessor or the calibration case" if calibration is not None else "share an assessor"
        ceiling = f" (at most {most:.2f} with {request.panels} panels of {request.panel_size} a day)" \
            if calibration is None and most < 1 else ""
        notes.append(Note(f"linkage {len(linked) / pairs:.2f}: {len(linked)} of {pairs} panel pairs {how}{ceiling}",
                          "linkage", share=len(linked) / pairs, linked=len(linked), pairs=pairs,
                          calibration=calibration is not None, most=most if calibration is None and most < 1 else None,
                          panels=request.panels, panel_size=request.panel_size))
    groups = islands(slots)
    if groups == 1:
        notes.append(Note("every panel is linked to every other through shared assessors, so the ranking can compare "
                          "their severity", "all_linked"))
    elif groups > 1:
        notes.append(Note(f"the panels fall into {groups} groups with no assessor in common: the ranking cannot "
                          "compare severity between them (choose linking rotate, or a calibration case)", "islands",
                          groups=groups))
    if calibration is not None:
        first = request.days[0]
        region = request.candidates[calibration].region_code
        notes.append(Note(f"calibration case: {region_label(region)} is interviewed by all {len(request.assessors)} "
                          f"assessors together at {hhmm(slots[0].start)} on {first.day}", "calibration", region=region,
                          assessors=len(request.assessors), start=slots[0].start, day=first.day))
    return notes
