"""Round setup, the coordinator's first step: the round's details, its candidates, its assessors
(with where they come from and their declared conflicts) and how its schedule is laid out.

CONTRACT (2026-12-05): the signatures below are what the desktop workspace (app/ui/setup/) and the
command line (`nilai round create|candidates|assessors`) call. Bodies are being filled in on the
`setup-core` branch; keep the names and shapes, add to them rather than change them.
Every function opens its own transaction (one step saved as it is made) and raises SetupError
with one line naming the problem and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

from app.models.domain import RegionInfo
from app.rounds import RoundError
from app.store import Store


class SetupError(RoundError):
    """A setup request that cannot be met; the message names the problem and what to do."""


class FileProblems(SetupError):
    """A spreadsheet with bad cells: nothing was taken in. Each problem names sheet, row and column."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{source}: {len(problems)} problem(s), nothing was imported:\n  " + "\n  ".join(problems))


# --- the round -------------------------------------------------------------------------------

@dataclass(frozen=True)
class RoundDetails:
    id: str
    name: str
    programme: str
    stage: str
    starts_on: date | None
    ends_on: date | None
    shortlist_sizes: tuple[int, ...]
    instrument_hash: str
    has_assessments: bool  # the instrument can no longer change once scoring started


def new_round(store: Store, *, name: str, instrument_id: str | None = None, instrument_hash: str | None = None,
              programme: str = "Gerakan Menuju 100 Smart City", stage: str = "",
              starts_on: date | None = None, ends_on: date | None = None,
              shortlist_sizes: tuple[int, ...] = (75, 50)) -> str:
    """A new round with no candidates yet; the instrument by catalogue id (built-in or stored) or hash."""
    raise NotImplementedError


def round_details(store: Store, round_id: str) -> RoundDetails:
    raise NotImplementedError


def update_round(store: Store, round_id: str, **changes: object) -> RoundDetails:
    """Change name, programme, stage, starts_on, ends_on, shortlist_sizes or instrument_hash;
    the instrument is refused once any assessment of the round exists."""
    raise NotImplementedError


# --- candidates ------------------------------------------------------------------------------

@dataclass(frozen=True)
class ResolvedLine:
    """One pasted line: resolved to one region, or ambiguous (choices to ask about), or unknown."""

    line: int
    text: str
    region: RegionInfo | None = None
    choices: tuple[RegionInfo, ...] = ()  # ambiguous: e.g. "Banjar" is Kabupaten Banjar and Kota Banjar
    problem: str = ""  # unknown: says why and suggests near names


@dataclass(frozen=True)
class CandidateInfo:
    region: RegionInfo
    status: str  # invited | interview (to be interviewed) | assessed | shortlisted | selected


def resolve_lines(text: str) -> list[ResolvedLine]:
    """Each non-empty line a BPS code or a regency/city name; nothing is guessed."""
    raise NotImplementedError


def read_column(path: Path, column: str | None = None) -> list[str]:
    """The values of one column of an XLSX or CSV file (the first, or the one with this header)."""
    raise NotImplementedError


def add_candidates(store: Store, round_id: str, region_codes: list[str], status: str = "invited") -> int:
    """Adds the regions not yet in the round; returns how many were added."""
    raise NotImplementedError


def remove_candidates(store: Store, round_id: str, region_codes: list[str]) -> int:
    """Refused for a candidate that already has a slot with assessments."""
    raise NotImplementedError


def set_candidate_status(store: Store, round_id: str, region_codes: list[str], status: str) -> None:
    raise NotImplementedError


def round_candidates(store: Store, round_id: str) -> list[CandidateInfo]:
    raise NotImplementedError


# --- assessors -------------------------------------------------------------------------------

@dataclass(frozen=True)
class AssessorInfo:
    id: str
    name: str
    nip: str
    organisation: str
    role: str
    province_code: str | None
    region_code: str | None
    conflicts: dict[str, str] = field(default_factory=dict)  # declared: region code -> reason


def add_assessor(store: Store, round_id: str, *, name: str, nip: str = "", organisation: str = "", role: str = "",
                 province_code: str | None = None, region_code: str | None = None,
                 conflicts: dict[str, str] | None = None) -> str:
    """An assessor (found by NIP if known, else new) joins the round; returns the assessor id."""
    raise NotImplementedError


def update_assessor(store: Store, assessor_id: str, **changes: object) -> AssessorInfo:
    """Change name, nip, organisation, role, province_code, region_code or conflicts."""
    raise NotImplementedError


def remove_assessor(store: Store, round_id: str, assessor_id: str) -> None:
    """The assessor leaves the round (refused once they have assessments in it)."""
    raise NotImplementedError


def round_assessors(store: Store, round_id: str) -> list[AssessorInfo]:
    raise NotImplementedError


def import_assessors(store: Store, round_id: str, path: Path) -> int:
    """XLSX or CSV with columns name, nip, organisation, role, province, region, conflicts;
    all or nothing; FileProblems names sheet, row and column of every bad cell."""
    raise NotImplementedError


# --- how the schedule is laid out ------------------------------------------------------------

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


def schedule_layout(store: Store, round_id: str) -> ScheduleLayout:
    """The saved layout, or a sensible default from the round's dates."""
    raise NotImplementedError


def save_schedule_layout(store: Store, round_id: str, layout: ScheduleLayout) -> None:
    raise NotImplementedError
