"""The generator's and checker's data shapes: a request (candidates, assessors, days, panels) and a plan.

Kept apart from the functions so that every module of the package can import them without a cycle;
`app.rounds.planning` re-exports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from app.base.notes import Note

__all__ = ["CALIBRATION_PANEL", "LINKING", "DaySpec", "NoPlan", "Note", "PanelLoad", "Plan", "PlanAssessor",
           "PlanCandidate", "PlanRequest", "PlannedSlot", "SlotProblem"]

LINKING = ("rotate", "calibration_case", "none")
CALIBRATION_PANEL = "CAL"  # the plenary slot in which every assessor scores the common calibration case


@dataclass(frozen=True)
class PlanCandidate:
    region_code: str
    province_code: str


@dataclass(frozen=True)
class PlanAssessor:
    id: str
    name: str
    province_code: str | None = None  # never seated on a candidate of this province
    region_code: str | None = None
    declared: frozenset[str] = frozenset()  # region codes of declared conflicts


@dataclass(frozen=True)
class DaySpec:
    day: date
    start: time
    end: time
    breaks: tuple[tuple[time, time], ...] = ()


@dataclass(frozen=True)
class PlanRequest:
    candidates: tuple[PlanCandidate, ...]
    assessors: tuple[PlanAssessor, ...]
    days: tuple[DaySpec, ...]
    panels: int  # panels sitting at the same time (rooms)
    panel_size: int  # assessors on each panel
    slot_minutes: int = 30
    rooms: tuple[str, ...] = ()
    linking: str = "rotate"  # rotate | calibration_case | none
    seed: int = 0
    # The round's calibration case (a fictional K-code region): with linking calibration_case every
    # assessor scores it in the plenary first slot instead of a real candidate.
    calibration_case: str | None = None


@dataclass(frozen=True)
class PlannedSlot:
    day: date
    start: time
    minutes: int
    panel: str  # a panel is one room's group of assessors on one day
    room: str
    region_code: str
    assessor_ids: tuple[str, ...]
    slot_id: str | None = None  # set for slots read back from a store


@dataclass(frozen=True)
class SlotProblem:
    """What is wrong with one slot (index into the slot list), named for the coordinator: `message` in
    English for the command line, `kind` and `data` (the named fields of the message) for a UI that
    says it in its own language."""

    slot: int | None  # None: a problem of the whole plan (e.g. a candidate never scheduled)
    kind: str  # double_booked | candidate_twice | conflict | outside_day | in_break | panel_not_full | unscheduled | overlap
    # | unknown_assessor | not_candidate
    message: str
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Plan:
    slots: tuple[PlannedSlot, ...]
    linkage: float  # share of panel pairs connected through a shared assessor, 0..1
    notes: tuple[Note, ...] = field(default=())  # e.g. how balanced the load is
    islands: int = 1  # groups of panels with no shared assessor between them; 1 = every panel linked
    loads: tuple[PanelLoad, ...] = ()  # candidates per panel-day, in day and room order


@dataclass(frozen=True)
class PanelLoad:
    panel: str
    room: str
    day: date
    candidates: int
    capacity: int  # slots the day holds for this panel


class NoPlan(Exception):
    """No plan can meet the request; `reasons` says exactly why (too few slots, a candidate every
    assessor is conflicted with, ...)."""

    def __init__(self, reasons: list[Note]) -> None:
        self.reasons = reasons
        super().__init__("; ".join(reasons))
