"""The schedule generator and checker: pure functions over plain data (no store, no Qt).

CONTRACT (2026-12-05): the desktop workspace and `nilai round schedule generate|check` call these;
bodies are being filled in on the `planner` branch. Keep the names and shapes; add, don't change.

A panel is a group of assessors on one day in one room: assessors rotate between panels over
the days so that panels are linked (the ranking compares panels' severity only through shared
assessors). A PlannedSlot's `panel` is that panel's name, e.g. "Panel 1 · Hari 2".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time


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
    """What is wrong with one slot (index into the slot list), named for the coordinator."""

    slot: int | None  # None: a problem of the whole plan (e.g. a candidate never scheduled)
    kind: str  # double_booked | candidate_twice | conflict | outside_day | in_break | panel_not_full | unscheduled | overlap
    message: str


@dataclass(frozen=True)
class Plan:
    slots: tuple[PlannedSlot, ...]
    linkage: float  # share of panel pairs connected through a shared assessor, 0..1
    notes: tuple[str, ...] = field(default=())  # e.g. how balanced the load is


class NoPlan(Exception):
    """No plan can meet the request; `reasons` says exactly why (too few slots, a candidate every
    assessor is conflicted with, ...)."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = reasons
        super().__init__("; ".join(reasons))


def generate(request: PlanRequest) -> Plan:
    raise NotImplementedError


def check(request: PlanRequest, slots: list[PlannedSlot]) -> list[SlotProblem]:
    raise NotImplementedError


def linkage(slots: list[PlannedSlot]) -> float:
    raise NotImplementedError
