"""The time grid of an interview day: slots of a fixed length from the start of the day to its end,
none crossing a break (a slot that would, starts when the break ends)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from app.rounds.planning.types import DaySpec


def minutes_of(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def clock(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def day_times(day: DaySpec, slot_minutes: int) -> list[time]:
    """The start times of a day's slots, in order."""
    if slot_minutes <= 0:
        return []
    breaks = sorted((minutes_of(a), minutes_of(b)) for a, b in day.breaks)
    end = minutes_of(day.end)
    times = []
    start = minutes_of(day.start)
    while start + slot_minutes <= end:
        crossed = next(((a, b) for a, b in breaks if start < b and a < start + slot_minutes), None)
        if crossed:
            start = crossed[1]
            continue
        times.append(clock(start))
        start += slot_minutes
    return times


def ends_at(day: date, start: time, minutes: int) -> datetime:
    return datetime.combine(day, start) + timedelta(minutes=minutes)


def span(start: time, minutes: int) -> tuple[int, int]:
    begin = minutes_of(start)
    return begin, begin + minutes


def hhmm(moment: time) -> str:
    return moment.strftime("%H:%M")
