"""The interview schedule: import from CSV (every bad row reported by line), and the assessor's view.

CSV columns (header row required, any order): date (YYYY-MM-DD or DD/MM/YYYY), start (HH:MM),
minutes (optional, default 30), panel, room (optional), region (BPS code or exact name),
assessors (optional; NIPs or names separated by ";").
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from sqlmodel import Session, col, select

from app import regions
from app.instruments.catalogue import load_instrument
from app.models.domain import Instrument, RegionInfo
from app.models.tables import Assessment, Assessor, InterviewSlot, Panel, PanelAssessor, Round, Score
from app.rounds import SlotPlan, add_slots, create_round, find_assessor, resolve_round
from app.store import Store

REQUIRED_COLUMNS = ("date", "start", "panel", "region")
KNOWN_COLUMNS = (*REQUIRED_COLUMNS, "minutes", "room", "assessors")


class ScheduleError(Exception):
    def __init__(self, source: str, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{source}: {len(problems)} problem(s), nothing was imported:\n  " + "\n  ".join(problems))


def _parse_date(text: str) -> date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(f"date {text!r} is not YYYY-MM-DD")


def _parse_time(text: str) -> time:
    for fmt in ("%H:%M", "%H.%M", "%H:%M:%S"):
        try:
            return datetime.strptime(text.strip(), fmt).time()
        except ValueError:
            continue
    raise ValueError(f"start {text!r} is not HH:MM")


def _find_region(text: str) -> RegionInfo:
    text = text.strip()
    if text.isdigit():
        return regions.region(text)
    exact = [r for r in regions.regions() if r.name.lower() == text.lower()]
    if len(exact) == 1:
        return exact[0]
    hits = regions.search(text, limit=3)
    hint = f" (did you mean {', '.join(r.name + ' ' + r.code for r in hits)}?)" if hits else ""
    raise LookupError(f"region {text!r} is not an exact regency/city name or BPS code{hint}")


def parse_schedule(session: Session, content: str, source: str) -> tuple[list[SlotPlan], list[Assessor]]:
    """Every row checked; raises ScheduleError listing all bad rows with their line numbers."""
    problems: list[str] = []
    reader = csv.DictReader(io.StringIO(content))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise ScheduleError(source, [f"line 1: missing column(s) {', '.join(missing)} (found: {', '.join(header) or 'none'})"])
    reader.fieldnames = header
    plans: list[SlotPlan] = []
    new_assessors: dict[str, Assessor] = {}
    taken: dict[tuple[str, date, time], int] = {}
    scheduled: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        row = {k: (v or "").strip() for k, v in row.items() if k}
        if not any(row.values()):
            continue
        try:
            day = _parse_date(row["date"])
            start = _parse_time(row["start"])
            minutes = int(row.get("minutes") or 30)
            if not 5 <= minutes <= 480:
                raise ValueError(f"minutes {minutes} is not between 5 and 480")
            if not row["panel"]:
                raise ValueError("panel is empty")
            region = _find_region(row["region"])
            assessor_ids = []
            for ref in filter(None, (part.strip() for part in row.get("assessors", "").split(";"))):
                found = find_assessor(session, ref) or new_assessors.get(ref)
                if found is None:
                    if ref.isdigit():
                        raise LookupError(f"no assessor has the NIP {ref}")
                    found = new_assessors[ref] = Assessor(name=ref)
                assessor_ids.append(found.id)
        except (ValueError, LookupError) as exc:
            problems.append(f"line {line}: {exc}")
            continue
        key = (row["panel"], day, start)
        if key in taken:
            problems.append(f"line {line}: panel {row['panel']} already has an interview on {day} at {start:%H:%M} (line {taken[key]})")
            continue
        if region.code in scheduled:
            problems.append(f"line {line}: {region.name} is already scheduled (line {scheduled[region.code]})")
            continue
        taken[key] = line
        scheduled[region.code] = line
        plans.append(SlotPlan(day, start, minutes, row["panel"], row.get("room", ""), region.code, tuple(assessor_ids)))
    if problems:
        raise ScheduleError(source, problems)
    if not plans:
        raise ScheduleError(source, ["the file has no interview rows"])
    return plans, list(new_assessors.values())


def import_schedule(store: Store, path: Path, round_ref: str | None = None, *,
                    new_round_name: str | None = None, instrument: Instrument | None = None) -> tuple[str, int]:
    """Add the slots of a CSV schedule to a round, all or nothing; returns (round id, slots added).

    With no round in the store and an instrument given, a new round is made in the same
    transaction, so a bad file leaves no empty round behind.
    """
    try:
        content = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScheduleError(str(path), [f"cannot read the file: {exc}"]) from exc
    with store.transaction() as session:
        if round_ref is None and instrument is not None and session.exec(select(Round)).first() is None:
            round_ = create_round(session, name=new_round_name or Path(path).stem, instrument=instrument, region_codes=[])
        else:
            round_ = resolve_round(session, round_ref)
        plans, new_assessors = parse_schedule(session, content, str(path))
        for assessor in new_assessors:
            session.add(assessor)
        session.flush()
        slots = session.exec(select(InterviewSlot).where(InterviewSlot.round_id == round_.id)).all()
        taken = {(s.panel_id, s.day, s.start) for s in slots}
        scheduled = {s.region_code for s in slots}
        panels = {p.name: p.id for p in session.exec(select(Panel).where(Panel.round_id == round_.id))}
        clashes = [f"panel {p.panel} already has an interview on {p.day} at {p.start:%H:%M} in this round"
                   for p in plans if (panels.get(p.panel), p.day, p.start) in taken]
        clashes += [f"{regions.region(p.region_code).name} is already scheduled in this round"
                    for p in plans if p.region_code in scheduled]
        if clashes:
            raise ScheduleError(str(path), clashes)
        return round_.id, len(add_slots(session, round_, plans))


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
        entries = []
        for slot, panel in rows:
            held = assessments.get(slot.region_code)
            status = "not_started" if held is None else held.status
            entries.append(ScheduleEntry(slot.id, slot.day, slot.start, slot.minutes, panel.name, panel.room,
                                         regions.region(slot.region_code), status, held.version_id if held else None,
                                         scored.get(held.version_id, 0) if held else 0, total))
        return entries
