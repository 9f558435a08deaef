"""The schedule generator and checker: pure functions over plain data (no store, no Qt).

The desktop workspace and `nilai round schedule generate|check` call these. A panel is a group of
assessors on one day in one room, named "P<room number> D<day number>" (e.g. "P1 D2"; the desktop
shows room and day beside it): assessors rotate between panels over the days so that panels are
linked (the ranking compares panels' severity only through shared assessors). docs/schedule-generator.md
explains the method.

Modules: `types` (the data shapes), `slots` (the time grid of a day), `conflicts` (who may not sit on
whom, and why, in words), `flow` (a small max-flow), `seating` (who sits on which panel each day),
`assignment` (candidates to panel-days and times), `linkage`, `checker`, `generator`, and
`store_io` (the round in a store to a request, a plan back into the store).
"""

from __future__ import annotations

from app.rounds.planning.checker import check
from app.rounds.planning.generator import generate
from app.rounds.planning.linkage import islands, linkage
from app.rounds.planning.types import (
    CALIBRATION_PANEL,
    LINKING,
    DaySpec,
    NoPlan,
    Note,
    PanelLoad,
    Plan,
    PlanAssessor,
    PlanCandidate,
    PlannedSlot,
    PlanRequest,
    SlotProblem,
)

__all__ = ["CALIBRATION_PANEL", "LINKING", "DaySpec", "NoPlan", "Note", "PanelLoad", "Plan", "PlanAssessor", "PlanCandidate",
           "PlanRequest", "PlannedSlot", "SlotProblem", "check", "generate", "islands", "linkage"]
