"""Round setup, the coordinator's first step: the round's details, its candidates, its assessors
(with where they come from and their declared conflicts) and how its schedule is laid out.

CONTRACT (2026-12-05): the names below are what the desktop workspace (app/ui/setup/) and the
command line (`nilai round create|candidates|assessors`) call; keep them, add rather than change.
Every function opens its own transaction (one step saved as it is made) and raises SetupError
with one line naming the problem and what to do.

Modules: round_details (the round), names (regions and provinces as people write them),
candidates, assessors, assessor_import (assessors from a spreadsheet), files (reading XLSX/CSV),
layout (days, hours, panels), templates (the XLSX templates in resources/templates/), errors.
"""

from __future__ import annotations

from app.rounds.setup.assessor_import import import_assessors, read_assessors
from app.rounds.setup.assessors import (
    AssessorInfo,
    add_assessor,
    remove_assessor,
    round_assessors,
    update_assessor,
)
from app.rounds.setup.calibration import (
    CALIBRATION,
    add_calibration_case,
    calibration_cases,
    remove_calibration_case,
)
from app.rounds.setup.candidates import (
    STATUSES,
    CandidateInfo,
    ResolvedLine,
    add_candidates,
    remove_candidates,
    resolve_file,
    resolve_lines,
    round_candidates,
    set_candidate_status,
)
from app.rounds.setup.errors import FileProblems, SetupError
from app.rounds.setup.files import read_column
from app.rounds.setup.layout import LINKING, ScheduleLayout, save_schedule_layout, schedule_layout
from app.rounds.setup.round_details import RoundDetails, new_round, round_details, update_round
from app.rounds.setup.templates import TEMPLATES, template_path, write_template

__all__ = [
    "CALIBRATION", "LINKING", "STATUSES", "add_calibration_case", "calibration_cases", "remove_calibration_case", "AssessorInfo", "CandidateInfo", "FileProblems", "ResolvedLine", "RoundDetails",
    "ScheduleLayout", "SetupError", "add_assessor", "add_candidates", "import_assessors", "new_round",
    "read_assessors", "read_column", "remove_assessor", "remove_candidates", "resolve_file", "resolve_lines", "round_assessors",
    "round_candidates", "round_details", "save_schedule_layout", "schedule_layout", "set_candidate_status",
    "update_assessor", "update_round", "TEMPLATES", "template_path", "write_template",
]
