"""The interview schedule: import from CSV or XLSX (all or nothing, every bad cell named), and the
assessor's view.

The columns and the checks are in :mod:`.schedule_rows`, the file formats in :mod:`.schedule_files`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, func, select

from app.instruments.catalogue import load_instrument
from app.models.domain import Instrument, RegionInfo
from app.models.returns import RevisionReturn
from app.models.tables import Assessment, Assessor, InterviewSlot, Panel, PanelAssessor, Round, Score
from app.regions.calibration import stored_region
from app.rounds import SlotPlan, add_slots, create_round, resolve_round
from app.rounds.schedule_files import csv_rows, read_rows
from app.rounds.schedule_rows import KNOWN_COLUMNS, REQUIRED_COLUMNS, ScheduleError, check_rows
from app.store import Store

__all__ = ["KNOWN_COLUMNS", "REQUIRED_COLUMNS", "ScheduleEntry", "ScheduleError", "import_schedule",
           "import_schedule_file", "parse_schedule", "schedule_for"]


def parse_schedule(session: Session, content: str, source: str) -> tuple[list[SlotPlan], list[Assessor]]:
    """A CSV schedule's text checked; raises ScheduleError naming every bad cell by line and column."""
    return check_rows(session, csv_rows(content, source), source)


def import_schedule(store: Store, path: Path, round_ref: str | None = None, *,
                    new_round_name: str | None = None, instrument: Instrument | None = None,
                    replace: bool = False) -> tuple[str, int]:
    """Add the slots of a CSV or XLSX schedule to a round, all or nothing; returns (round id, slots added).

    With no round in the store and an instrument given, a new round is made in the same
    transaction, so a bad file leaves no empty round behind. With ``replace`` the file takes the
    place of the round's schedule (its slots, panels and seats), refused once scoring has begun.
    """
    rows = read_rows(Path(path))
    with store.transaction() as session:
        if round_ref is None and instrument is not None and session.exec(select(Round)).first() is None:
            round_ = create_round(session, name=new_round_name or Path(path).stem, instrument=instrument, region_codes=[])
        else:
            round_ = resolve_round(session, round_ref)
        if replace:
            _clear_schedule(session, round_, str(path))
        busy = {(p.name, s.day, s.start) for s, p in session.exec(
            select(InterviewSlot, Panel).join(Panel).where(InterviewSlot.round_id == round_.id))}
        plans, new_assessors = check_rows(session, rows, str(path), busy=busy,
                                          scheduled_codes=_scheduled(session, round_))
        for assessor in new_assessors:
            session.add(assessor)
        session.flush()
        return round_.id, len(add_slots(session, round_, plans))


def _scheduled(session: Session, round_: Round) -> set[str]:
    return set(session.exec(select(InterviewSlot.region_code).where(InterviewSlot.round_id == round_.id)))


def import_schedule_file(store: Store, round_id: str, path: Path, *, replace: bool = False) -> int:
    """The desktop's import: a CSV or XLSX schedule into this round; returns the slots added."""
    return import_schedule(store, path, round_id, replace=replace)[1]


def _clear_schedule(session: Session, round_: Round, source: str) -> None:
    scored = session.exec(select(func.count()).select_from(Assessment).where(Assessment.round_id == round_.id)).one()
    if scored:
        raise ScheduleError(source, [f"round {round_.name} already has {scored} assessment(s); its schedule can "
                                     "no longer be replaced, only added to"])
    panels = session.exec(select(Panel).where(Panel.round_id == round_.id)).all()
    doomed: list[InterviewSlot | PanelAssessor] = []
    doomed += session.exec(select(InterviewSlot).where(InterviewSlot.round_id == round_.id)).all()
    doomed += session.exec(select(PanelAssessor).where(col(PanelAssessor.panel_id).in_([p.id for p in panels]))).all()
    for row in doomed:
        session.delete(row)
    session.flush()  # slots and seats go before the panels they point at
    for panel in panels:
        session.delete(panel)
    session.flush()


@dataclass(frozen=True)
class ScheduleEntry:
    """One interview slot as an assessor sees it."""

    slot_id: str
    day: date
    start: time
    minutes: int
    panel: str
    room: str
    region: RegionInfo
    status: str  # not_started | draft | final | signed
    version_id: str | None
    scored: int
    total: int
    returned: str = ""  # "open": the coordinator returned it for revision; "revising": reopened for that
    return_comment: str = ""
    returned_by: str = ""
    returned_on: date | None = None
    return_id: str | None = None


def schedule_for(store: Store, round_id: str, assessor_id: str | None, *, all_panels: bool = False) -> list[ScheduleEntry]:
    """The round's slots (only the assessor's panels when one is given, unless all_panels) with
    the assessor's status and progress."""
    with store.transaction() as session:
        round_ = session.get(Round, round_id)
        assert round_ is not None
        total = len(load_instrument(session, round_.instrument_hash).indicators())
        query = select(InterviewSlot, Panel).join(Panel).where(InterviewSlot.round_id == round_id)
        if assessor_id and not all_panels:
            panel_ids = select(PanelAssessor.panel_id).where(PanelAssessor.assessor_id == assessor_id)
            query = query.where(col(Panel.id).in_(panel_ids))
        rows = session.exec(query.order_by(col(InterviewSlot.day), col(InterviewSlot.start), col(Panel.name))).all()
        assessments: dict[str, Assessment] = {}
        if assessor_id:
            for a in session.exec(select(Assessment).where(Assessment.round_id == round_id,
                                                           Assessment.assessor_id == assessor_id,
                                                           col(Assessment.is_current).is_(True))):
                assessments[a.region_code] = a
        scored: dict[str, int] = {}
        if assessments:
            for score in session.exec(select(Score).where(col(Score.version_id).in_([a.version_id for a in assessments.values()]))):
                if score.level is not None or score.not_applicable:
                    scored[score.version_id] = scored.get(score.version_id, 0) + 1
        returns = _waiting_returns(session, assessments)
        entries = []
        for slot, panel in rows:
            held = assessments.get(slot.region_code)
            status = "not_started" if held is None else held.status
            back = returns.get(held.version_id) if held else None
            extra: dict[str, Any] = {} if back is None else {
                "returned": "open" if back.answered_version_id is None else "revising", "return_comment": back.comment,
                "returned_by": back.returned_by, "returned_on": back.returned_at.date(), "return_id": back.id}
            entries.append(ScheduleEntry(slot.id, slot.day, slot.start, slot.minutes, panel.name, panel.room,
                                         stored_region(session, slot.region_code), status, held.version_id if held else None,
                                         scored.get(held.version_id, 0) if held else 0, total, **extra))
        return entries


def _waiting_returns(session: Session, current: dict[str, Assessment]) -> dict[str, RevisionReturn]:
    """Current version id -> the coordinator's return it still answers to: not reopened yet (the current
    version is the one returned, or a later one not finalized), or reopened for it and still a draft."""
    by_record = {a.record_id: a for a in current.values()}
    if not by_record:
        return {}
    found: dict[str, RevisionReturn] = {}
    for back in session.exec(select(RevisionReturn).where(col(RevisionReturn.record_id).in_(sorted(by_record)),
                                                          col(RevisionReturn.cancelled_at).is_(None))
                             .order_by(col(RevisionReturn.returned_at))):
        held = by_record[back.record_id]
        waiting = back.answered_version_id is None and (held.version_id == back.version_id or held.status == "draft")
        revising = back.answered_version_id == held.version_id and held.status == "draft"
        if waiting or revising:
            found[held.version_id] = back
    return found
