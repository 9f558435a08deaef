"""Rounds: create one from an instrument, candidates, dates, panels and slots; find and list them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlmodel import Session, col, func, select

from app.base.ids import id_matches, short_id
from app.instruments import catalogue
from app.models.domain import Instrument
from app.models.tables import Assessor, Candidate, InterviewSlot, Panel, PanelAssessor, Round
from app.regions.seed import ensure_regions
from app.store import Store, settings


class RoundError(Exception):
    """A round request that cannot be met; the message says why."""


@dataclass(frozen=True)
class RoundInfo:
    id: str
    name: str
    programme: str
    instrument_hash: str
    starts_on: date | None
    ends_on: date | None
    candidates: int
    slots: int
    aggregation_rule: str
    shortlist_sizes: tuple[int, ...]
    origin: str = "here"  # ORIGINS: made in this data directory, or brought in by a bundle or a round package


@dataclass(frozen=True)
class SlotPlan:
    day: date
    start: time
    minutes: int
    panel: str
    room: str
    region_code: str
    assessor_ids: tuple[str, ...]
    slot_id: str | None = None  # kept when a round travels between stores (round packages, demo)


def create_round(
    session: Session,
    *,
    name: str,
    instrument: Instrument,
    region_codes: list[str],
    starts_on: date | None = None,
    ends_on: date | None = None,
    programme: str = "Gerakan Menuju 100 Smart City",
    shortlist_sizes: tuple[int, ...] = (75, 50),
    round_id: str | None = None,
) -> Round:
    ensure_regions(session)
    catalogue.store_instrument(session, instrument)
    round_ = Round(name=name, programme=programme, instrument_hash=instrument.content_hash, starts_on=starts_on,
                   ends_on=ends_on, shortlist_sizes=",".join(str(n) for n in shortlist_sizes))
    if round_id:
        round_.id = round_id
    session.add(round_)
    session.flush()
    for code in dict.fromkeys(region_codes):
        session.add(Candidate(round_id=round_.id, region_code=code))
    session.flush()
    return round_


def add_slots(session: Session, round_: Round, plans: list[SlotPlan]) -> list[InterviewSlot]:
    """Add interview slots (creating panels and candidates as needed) to a round."""
    panels = {p.name: p for p in session.exec(select(Panel).where(Panel.round_id == round_.id))}
    seated = {(pa.panel_id, pa.assessor_id) for pa in session.exec(
        select(PanelAssessor).join(Panel).where(Panel.round_id == round_.id))}
    candidates = set(session.exec(select(Candidate.region_code).where(Candidate.round_id == round_.id)))
    slots = []
    for plan in plans:
        panel = panels.get(plan.panel)
        if panel is None:
            panel = Panel(round_id=round_.id, name=plan.panel, room=plan.room)
            session.add(panel)
            session.flush()
            panels[plan.panel] = panel
        for assessor_id in plan.assessor_ids:
            if (panel.id, assessor_id) not in seated:
                session.add(PanelAssessor(panel_id=panel.id, assessor_id=assessor_id))
                seated.add((panel.id, assessor_id))
        if plan.region_code not in candidates:
            session.add(Candidate(round_id=round_.id, region_code=plan.region_code))
            candidates.add(plan.region_code)
        slot = InterviewSlot(round_id=round_.id, panel_id=panel.id, region_code=plan.region_code, day=plan.day,
                             start=plan.start, minutes=plan.minutes)
        if plan.slot_id:
            slot.id = plan.slot_id
        session.add(slot)
        slots.append(slot)
    days = [plan.day for plan in plans]
    if days:
        round_.starts_on = min([d for d in (round_.starts_on, *days) if d is not None])
        round_.ends_on = max([d for d in (round_.ends_on, *days) if d is not None])
        session.add(round_)
    session.flush()
    return slots


ORIGINS = ("here", "bundle", "round package")
ORIGIN_KEY = "round.origin."  # + round id: a setting "bundle" for a round an imported bundle created


def round_origin(session: Session, round_: Round) -> str:
    """Where a round came from: two rounds of one name are told apart by this and their id."""
    if round_.coordinator_cert_pem or round_.package_version:
        return "round package"
    return "bundle" if settings.get(session, ORIGIN_KEY + round_.id) == "bundle" else "here"


def _info(session: Session, round_: Round) -> RoundInfo:
    candidates = session.exec(select(func.count()).select_from(Candidate).where(Candidate.round_id == round_.id)).one()
    slots = session.exec(select(func.count()).select_from(InterviewSlot).where(InterviewSlot.round_id == round_.id)).one()
    sizes = tuple(int(n) for n in round_.shortlist_sizes.split(",") if n.strip())
    return RoundInfo(round_.id, round_.name, round_.programme, round_.instrument_hash, round_.starts_on,
                     round_.ends_on, candidates, slots, round_.aggregation_rule, sizes, round_origin(session, round_))


def list_rounds(store: Store) -> list[RoundInfo]:
    with store.transaction() as session:
        rounds = session.exec(select(Round).order_by(col(Round.starts_on), col(Round.name))).all()
        return [_info(session, r) for r in rounds]


def resolve_round(session: Session, ref: str | None) -> Round:
    """A round by id, id prefix or name; with no reference, the only round there is."""
    rounds = list(session.exec(select(Round)))
    if ref is None:
        if len(rounds) == 1:
            return rounds[0]
        if not rounds:
            raise RoundError("There is no round in this data directory yet (try: nilai round create, nilai round import, or nilai demo).")
        names = ", ".join(f"{r.name} ({short_id(r.id)})" for r in rounds)
        raise RoundError(f"This data directory holds {len(rounds)} rounds; choose one with --round: {names}")
    matches = [r for r in rounds if r.id == ref or r.name == ref] or [r for r in rounds if id_matches(r.id, ref)]
    if len(matches) != 1:
        raise RoundError(f"No single round matches {ref!r}; see nilai round list.")
    return matches[0]


def find_assessor(session: Session, ref: str) -> Assessor | None:
    ref = ref.strip()
    by_nip = session.exec(select(Assessor).where(Assessor.nip == ref)).first() if ref else None
    return by_nip or session.exec(select(Assessor).where(Assessor.name == ref)).first()
