"""A round in the store as a plan request, its slots as planned slots, and a plan saved back.

The generator and checker know nothing of the store; these functions read the round's candidates,
assessors (with where they come from and their declared conflicts) and schedule settings, and
replace the round's panels, seats and slots in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from sqlalchemy import select as columns  # sqlmodel's select takes at most four columns
from sqlmodel import Session, col, select

from app.models.tables import (
    Assessor,
    AssessorConflict,
    Candidate,
    InterviewSlot,
    Panel,
    PanelAssessor,
    Round,
    RoundAssessor,
    ScheduleSettings,
)
from app.regions import by_code
from app.rounds.planning.checker import check
from app.rounds.planning.plan_saving import PlanStoreError, write_plan
from app.rounds.planning.types import (
    DaySpec,
    PlanAssessor,
    PlanCandidate,
    PlannedSlot,
    PlanRequest,
    SlotProblem,
)
from app.rounds.setup import CALIBRATION, STATUSES, schedule_layout
from app.rounds.setup.calibration import calibration_codes
from app.store import Store

# Candidates with one of these statuses were marked to be interviewed; when none is, every candidate is.
INTERVIEWED = STATUSES[STATUSES.index("interview"):]


def _round(session: Session, round_id: str) -> Round:
    round_ = session.get(Round, round_id)
    if round_ is None:
        raise PlanStoreError(f"There is no round {round_id} in this data directory (see nilai round list).")
    return round_


def interviewed(statuses: dict[str, str]) -> list[str]:
    """The region codes to schedule: those marked to be interviewed, or every one when none is marked."""
    marked = [code for code, status in statuses.items() if status in INTERVIEWED]
    return marked or list(statuses)


def _assessors(session: Session, round_id: str) -> tuple[PlanAssessor, ...]:
    """The round's assessors: its members, and anyone seated on one of its panels (rounds made before
    membership was kept, or brought in by a package)."""
    members = set(session.exec(select(RoundAssessor.assessor_id).where(RoundAssessor.round_id == round_id)))
    members |= set(session.exec(select(PanelAssessor.assessor_id).join(Panel).where(Panel.round_id == round_id)))
    rows = session.exec(select(Assessor).where(col(Assessor.id).in_(members))).all()
    declared: dict[str, set[str]] = {}
    for conflict in session.exec(select(AssessorConflict).where(col(AssessorConflict.assessor_id).in_(members))):
        declared.setdefault(conflict.assessor_id, set()).add(conflict.region_code)
    return tuple(PlanAssessor(a.id, a.name, a.province_code, a.region_code, frozenset(declared.get(a.id, ())))
                 for a in sorted(rows, key=lambda a: (a.name, a.id)))


def plan_request(store: Store, round_id: str, seed: int = 0) -> PlanRequest:
    """The round as the generator sees it: candidates to interview, assessors, and the schedule layout
    (the saved one, or the default from the round's dates)."""
    with store.transaction() as session:
        name = _round(session, round_id).name
    layout = schedule_layout(store, round_id)
    if not layout.days:
        raise PlanStoreError(f"Round {name} has no interview days yet: set them in the schedule layout "
                             "(or the round's dates) first.")
    with store.transaction() as session:
        return PlanRequest(
            candidates=_candidates(session, round_id), assessors=_assessors(session, round_id),
            days=tuple(DaySpec(day, layout.day_start, layout.day_end, layout.breaks) for day in layout.days),
            panels=layout.panels, panel_size=layout.panel_size, slot_minutes=layout.slot_minutes,
            rooms=layout.rooms, linking=layout.linking, seed=seed,
            calibration_case=next(iter(calibration_codes(session, round_id)), None))


def round_slots(store: Store, round_id: str) -> list[PlannedSlot]:
    """The round's slots, in day, time and panel order, each with its panel's assessors and its id."""
    with store.transaction() as session:
        _round(session, round_id)
        seats: dict[str, list[str]] = {}
        for panel_id, assessor_id in session.exec(select(PanelAssessor.panel_id, PanelAssessor.assessor_id)
                                                  .join(Panel).where(Panel.round_id == round_id)):
            seats.setdefault(panel_id, []).append(assessor_id)
        # columns, not ORM objects: read back after every move of a 514-slot schedule
        rows = session.execute(columns(col(InterviewSlot.id), col(InterviewSlot.day), col(InterviewSlot.start),
                                       col(InterviewSlot.minutes), col(InterviewSlot.region_code), col(Panel.id),
                                       col(Panel.name), col(Panel.room))
                               .join(Panel, col(Panel.id) == col(InterviewSlot.panel_id))
                               .where(col(InterviewSlot.round_id) == round_id)
                               .order_by(col(InterviewSlot.day), col(InterviewSlot.start), col(Panel.name))).all()
        return [PlannedSlot(day, start, minutes, name, room, region_code, tuple(sorted(seats.get(panel_id, ()))), slot_id)
                for slot_id, day, start, minutes, region_code, panel_id, name, room in rows]


def save_plan(store: Store, round_id: str, slots: list[PlannedSlot] | tuple[PlannedSlot, ...]) -> int:
    """Make the round's panels, seats and slots these, all or nothing, writing only what differs from
    the saved schedule (a slot keeps its row by `slot_id`; a generated plan's slots are new). Refused
    when a slot that would move, be reseated or go away already has an assessment. Returns the number
    of slots saved."""
    with store.transaction(write=True) as session:
        write_plan(session, _round(session, round_id), slots)
        return len(slots)


def check_round(store: Store, round_id: str, slots: Sequence[PlannedSlot] | None = None) -> list[SlotProblem]:
    """The problems of the round's saved schedule. With no schedule layout saved, the day's hours and
    the panel size are not known: conflicts, double bookings, overlaps and candidates are checked.

    ``slots``: the saved schedule as :func:`round_slots` has just read it (the setup grid reads it
    back after every move), so that it is not read twice."""
    slots = round_slots(store, round_id) if slots is None else list(slots)
    with store.transaction() as session:
        has_layout = session.get(ScheduleSettings, round_id) is not None
    if has_layout:  # the request reads the candidates and assessors itself
        return check(plan_request(store, round_id), slots)
    with store.transaction() as session:
        candidates, assessors = _candidates(session, round_id), _assessors(session, round_id)
        calibration = next(iter(calibration_codes(session, round_id)), None)
    whole_days = tuple(DaySpec(day, time(0, 0), time(23, 59)) for day in sorted({slot.day for slot in slots}))
    smallest = min((len(slot.assessor_ids) for slot in slots), default=1)
    return check(PlanRequest(candidates, assessors, whole_days, 1, smallest, calibration_case=calibration), slots)


def _candidates(session: Session, round_id: str) -> tuple[PlanCandidate, ...]:
    statuses = dict(session.exec(select(Candidate.region_code, Candidate.status).where(
        Candidate.round_id == round_id, Candidate.status != CALIBRATION).order_by(col(Candidate.region_code))).all())
    catalogue = by_code()
    return tuple(PlanCandidate(code, catalogue[code].province_code if code in catalogue else code[:2])
                 for code in interviewed(statuses))
