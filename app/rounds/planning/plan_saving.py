"""A plan written into the store as the difference from the schedule saved there.

A coordinator moving one slot by hand changes one or two rows of a 514-slot schedule; rewriting
them all made every move wait a third of a second. Here the round's panels, seats and slots become
the plan's with bulk statements for what differs only: slots gone are deleted, slots kept (by their
id) and changed are updated, new slots (a generated plan has no ids) are added, panels follow.
All in the caller's transaction, so all or nothing; refused when a slot that goes, changes, or
whose panel is seated differently already has an assessment.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, insert, tuple_, update
from sqlalchemy import select as columns  # sqlmodel's select takes at most four columns
from sqlmodel import Session, col, select

from app.models.tables import Assessment, Candidate, InterviewSlot, Panel, PanelAssessor, Round, new_id
from app.rounds import RoundError, SlotPlan, add_slots
from app.rounds.planning.types import PlannedSlot


class PlanStoreError(RoundError):
    """A round whose schedule cannot be read or written; the message says why and what to do."""


_COLUMNS = ("panel_id", "region_code", "day", "start", "minutes")


def write_plan(session: Session, round_: Round, slots: Sequence[PlannedSlot]) -> None:
    """Make the round's schedule these slots, writing only what differs from the stored one."""
    round_id = round_.id
    stored = {row[0]: dict(zip(_COLUMNS, row[1:], strict=True)) for row in session.execute(
        columns(col(InterviewSlot.id), col(InterviewSlot.panel_id), col(InterviewSlot.region_code),
                col(InterviewSlot.day), col(InterviewSlot.start), col(InterviewSlot.minutes))
        .where(col(InterviewSlot.round_id) == round_id))}
    panels = {name: (panel_id, room) for panel_id, name, room in session.exec(
        select(Panel.id, Panel.name, Panel.room).where(Panel.round_id == round_id))}
    seats: dict[str, set[str]] = {}
    for panel_id, assessor_id in session.exec(select(PanelAssessor.panel_id, PanelAssessor.assessor_id)
                                              .join(Panel).where(Panel.round_id == round_id)):
        seats.setdefault(panel_id, set()).add(assessor_id)

    # the panels the plan asks for: a name's room from its first slot, everyone seated on any of its slots
    wanted: dict[str, tuple[str, set[str]]] = {}
    for slot in slots:
        wanted.setdefault(slot.panel, (slot.room, set()))[1].update(slot.assessor_ids)
    new_panels = {name: new_id() for name in wanted if name not in panels}
    panel_ids = {name: panel_id for name, (panel_id, _room) in panels.items()} | new_panels
    reseated = {panel_ids[name] for name, (_room, seated) in wanted.items() if seats.get(panel_ids[name], set()) != seated}

    kept = [slot for slot in slots if slot.slot_id in stored]
    changed = [{"id": slot.slot_id, **row} for slot in kept
               if (row := _row(slot, panel_ids[slot.panel])) != stored[str(slot.slot_id)]]
    gone = set(stored) - {slot.slot_id for slot in kept}
    touched = gone | {row["id"] for row in changed} | {slot_id for slot_id, row in stored.items()
                                                       if row["panel_id"] in reseated}
    _refuse_if_scored(session, round_, touched)

    if gone:
        session.execute(delete(InterviewSlot).where(col(InterviewSlot.id).in_(gone)))
    if new_panels:
        session.execute(insert(Panel), [{"id": panel_id, "round_id": round_id, "name": name, "room": wanted[name][0]}
                                        for name, panel_id in new_panels.items()])
    moved_rooms = [{"id": panels[name][0], "room": room} for name, (room, _seated) in wanted.items()
                   if name in panels and panels[name][1] != room]
    if moved_rooms:
        session.execute(update(Panel), moved_rooms)
    _reseat(session, {panel_ids[name]: seated for name, (_room, seated) in wanted.items()}, seats, reseated)
    _add_candidates(session, round_id, [slot.region_code for slot in kept])
    if changed:
        session.execute(update(InterviewSlot), changed)
    fresh = [slot for slot in slots if slot.slot_id not in stored]
    if fresh:
        add_slots(session, round_, [SlotPlan(s.day, s.start, s.minutes, s.panel, s.room, s.region_code, s.assessor_ids,
                                             s.slot_id) for s in fresh])  # also stretches the round's dates
    if changed:
        _stretch_dates(round_, [row["day"] for row in changed])
        session.add(round_)
    unused = [panel_id for name, (panel_id, _room) in panels.items() if name not in wanted]
    if unused:
        session.execute(delete(PanelAssessor).where(col(PanelAssessor.panel_id).in_(unused)))
        session.execute(delete(Panel).where(col(Panel.id).in_(unused)))
    session.flush()


def _row(slot: PlannedSlot, panel_id: str) -> dict[str, Any]:
    return {"panel_id": panel_id, "region_code": slot.region_code, "day": slot.day, "start": slot.start,
            "minutes": slot.minutes}


def _refuse_if_scored(session: Session, round_: Round, touched: set[str]) -> None:
    if not touched:
        return
    scored = session.exec(select(Assessment.region_code).where(
        Assessment.round_id == round_.id, col(Assessment.slot_id).in_(touched))).all()
    if scored:
        raise PlanStoreError(f"Round {round_.name} already has {len(scored)} assessment(s) on the slots this change "
                             f"would move, reseat or remove (e.g. {sorted(set(scored))[0]}); nothing was changed: "
                             "leave those slots as they are and move the others.")


def _reseat(session: Session, wanted: dict[str, set[str]], seats: dict[str, set[str]], reseated: set[str]) -> None:
    """The seats of the panels seated differently: those who left the panel go, those who joined come."""
    leaving = [(panel_id, a) for panel_id in reseated for a in seats.get(panel_id, set()) - wanted[panel_id]]
    joining = [{"panel_id": panel_id, "assessor_id": a} for panel_id in reseated
               for a in sorted(wanted[panel_id] - seats.get(panel_id, set()))]
    if leaving:
        session.execute(delete(PanelAssessor).where(
            tuple_(col(PanelAssessor.panel_id), col(PanelAssessor.assessor_id)).in_(leaving)))
    if joining:
        session.execute(insert(PanelAssessor), joining)


def _add_candidates(session: Session, round_id: str, codes: list[str]) -> None:
    """A slot moved onto a region that is not a candidate yet makes it one, as a new slot does."""
    known = set(session.exec(select(Candidate.region_code).where(Candidate.round_id == round_id)))
    for code in sorted(set(codes) - known):  # rare: the ORM fills the columns' defaults
        session.add(Candidate(round_id=round_id, region_code=code))


def _stretch_dates(round_: Round, days: list) -> None:
    round_.starts_on = min([d for d in (round_.starts_on, *days) if d is not None])
    round_.ends_on = max([d for d in (round_.ends_on, *days) if d is not None])
