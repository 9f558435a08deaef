"""The interview clock of an assessment, kept in the store so a crash does not stop or reset it.

Only the start of the current run and the time counted before it are stored (a wall-clock
instant, not a running total), so nothing needs writing while the clock runs, and a program
killed mid-interview finds the clock still running with the right time when it comes back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from app.models.tables import utcnow
from app.store import Store, settings


@dataclass(frozen=True)
class InterviewClock:
    banked: float = 0.0  # seconds counted before the current run
    started_at: datetime | None = None  # when the current run began (UTC); None while paused

    @property
    def running(self) -> bool:
        return self.started_at is not None

    def elapsed(self, now: datetime | None = None) -> float:
        if self.started_at is None:
            return self.banked
        return self.banked + max(0.0, ((now or utcnow()) - self.started_at).total_seconds())


def _key(record_id: str) -> str:
    return f"interview.clock.{record_id}"


def _decode(value: str | None) -> InterviewClock:
    if not value:
        return InterviewClock()
    try:
        data = json.loads(value)
        started = data.get("started_at")
        return InterviewClock(max(0.0, float(data.get("banked", 0.0))),
                              datetime.fromisoformat(started) if started else None)
    except (ValueError, TypeError, AttributeError):
        return InterviewClock()  # a damaged value starts the clock afresh rather than failing the interview


def _encode(clock: InterviewClock) -> str:
    return json.dumps({"banked": round(clock.banked, 3),
                       "started_at": clock.started_at.isoformat() if clock.started_at else None})


def read_clock(store: Store, record_id: str) -> InterviewClock:
    return _decode(settings.read(store, _key(record_id)))


def _update(store: Store, record_id: str, change) -> InterviewClock:
    with store.transaction() as session:
        clock = change(_decode(settings.get(session, _key(record_id))))
        settings.put(session, _key(record_id), _encode(clock))
        return clock


def start_clock(store: Store, record_id: str, now: datetime | None = None) -> InterviewClock:
    """Start (or keep running) the interview clock of ``record_id``."""
    return _update(store, record_id,
                   lambda clock: clock if clock.running else InterviewClock(clock.banked, now or utcnow()))


def pause_clock(store: Store, record_id: str, now: datetime | None = None) -> InterviewClock:
    """Stop the clock, keeping the time counted so far."""
    return _update(store, record_id,
                   lambda clock: InterviewClock(clock.elapsed(now)) if clock.running else clock)

