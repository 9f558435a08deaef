"""How a round's schedule is laid out: days, hours, slot length, breaks, panels and their rooms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.models.tables import ScheduleSettings
from app.rounds.setup.errors import SetupError
from app.rounds.setup.round_details import get_round
from app.store import Store

LINKING = ("rotate", "calibration_case", "none")


@dataclass(frozen=True)
class ScheduleLayout:
    days: tuple[date, ...]
    day_start: time = time(8, 0)
    day_end: time = time(17, 0)
    slot_minutes: int = 30
    breaks: tuple[tuple[time, time], ...] = ((time(12, 0), time(13, 0)),)
    panels: int = 3
    panel_size: int = 3
    linking: str = "rotate"  # rotate | calibration_case | none
    rooms: tuple[str, ...] = ()  # panel i sits in rooms[i] when given


def weekdays(starts_on: date | None, ends_on: date | None) -> tuple[date, ...]:
    """Monday to Friday from the first day to the last (one day when only the first is known)."""
    if starts_on is None:
        return ()
    last = ends_on or starts_on
    count = (last - starts_on).days + 1
    return tuple(d for d in (starts_on + timedelta(days=i) for i in range(count)) if d.weekday() < 5)


def _clock(text: str) -> time:
    return datetime.strptime(text.strip(), "%H:%M").time()


def _breaks_from_text(text: str) -> tuple[tuple[time, time], ...]:
    spans = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        start, _, end = part.partition("-")
        spans.append((_clock(start), _clock(end)))
    return tuple(spans)


def schedule_layout(store: Store, round_id: str) -> ScheduleLayout:
    """The saved layout, or a sensible default from the round's dates."""
    with store.transaction() as session:
        round_ = get_round(session, round_id)
        saved = session.get(ScheduleSettings, round_id)
        if saved is None:
            return ScheduleLayout(days=weekdays(round_.starts_on, round_.ends_on))
        return ScheduleLayout(
            days=tuple(date.fromisoformat(d) for d in saved.days.split(",") if d.strip()),
            day_start=saved.day_start, day_end=saved.day_end, slot_minutes=saved.slot_minutes,
            breaks=_breaks_from_text(saved.breaks), panels=saved.panels, panel_size=saved.panel_size,
            linking=saved.linking, rooms=tuple(saved.rooms.split(";")) if saved.rooms else ())


def check_layout(layout: ScheduleLayout) -> None:
    """SetupError naming the first thing in the layout that cannot be scheduled."""
    if len(set(layout.days)) != len(layout.days):
        raise SetupError("A day is listed twice in the schedule; list each interview day once.", "day_twice")
    if layout.day_start >= layout.day_end:
        raise SetupError(f"The day ends ({layout.day_end:%H:%M}) before it starts ({layout.day_start:%H:%M}); "
                         "correct the hours.", "day_reversed",
                         {"start": f"{layout.day_start:%H:%M}", "end": f"{layout.day_end:%H:%M}"})
    if not 5 <= layout.slot_minutes <= 480:
        raise SetupError(f"An interview of {layout.slot_minutes} minutes is outside 5 to 480; give a slot length "
                         "such as 30.", "slot_length", {"minutes": str(layout.slot_minutes)})
    previous_end: time | None = None
    for start, end in sorted(layout.breaks):
        if start >= end:
            raise SetupError(f"The break {start:%H:%M}-{end:%H:%M} ends before it starts; correct it.", "break_reversed",
                             {"start": f"{start:%H:%M}", "end": f"{end:%H:%M}"})
        if start < layout.day_start or end > layout.day_end:
            raise SetupError(f"The break {start:%H:%M}-{end:%H:%M} is outside the day "
                             f"({layout.day_start:%H:%M}-{layout.day_end:%H:%M}); move it or widen the day.",
                             "break_outside", {"start": f"{start:%H:%M}", "end": f"{end:%H:%M}",
                                               "day_start": f"{layout.day_start:%H:%M}",
                                               "day_end": f"{layout.day_end:%H:%M}"})
        if previous_end is not None and start < previous_end:
            raise SetupError(f"The break at {start:%H:%M} overlaps the one before it; merge them into one.", "break_overlap",
                             {"start": f"{start:%H:%M}"})
        previous_end = end
    if not 1 <= layout.panels <= 50:
        raise SetupError(f"{layout.panels} panels: give between 1 and 50.", "panels_count", {"panels": str(layout.panels)})
    if not 1 <= layout.panel_size <= 20:
        raise SetupError(f"{layout.panel_size} assessors per panel: give between 1 and 20.", "panel_size",
                         {"panel_size": str(layout.panel_size)})
    if layout.linking not in LINKING:
        raise SetupError(f"Linking {layout.linking!r} is not one of {', '.join(LINKING)}.")
    if len(layout.rooms) > layout.panels:
        raise SetupError(f"{len(layout.rooms)} rooms for {layout.panels} panels; give one room per panel at most.",
                         "rooms_too_many", {"rooms": str(len(layout.rooms)), "panels": str(layout.panels)})
    if any(";" in room for room in layout.rooms):
        raise SetupError("A room name cannot contain ';'; rename the room.", "room_semicolon")


def save_schedule_layout(store: Store, round_id: str, layout: ScheduleLayout) -> None:
    check_layout(layout)
    with store.transaction(write=True) as session:
        get_round(session, round_id)
        saved = session.get(ScheduleSettings, round_id) or ScheduleSettings(round_id=round_id)
        saved.days = ",".join(d.isoformat() for d in sorted(layout.days))
        saved.day_start, saved.day_end = layout.day_start, layout.day_end
        saved.slot_minutes = layout.slot_minutes
        saved.breaks = ";".join(f"{s:%H:%M}-{e:%H:%M}" for s, e in sorted(layout.breaks))
        saved.panels, saved.panel_size, saved.linking = layout.panels, layout.panel_size, layout.linking
        saved.rooms = ";".join(" ".join(room.split()) for room in layout.rooms)
        session.add(saved)
