"""The schedule's rows, whatever file they came from: every cell checked, every bad cell named.

A CSV line and a spreadsheet row are the same thing here: a ``ScheduleRow`` holds the cells by
column and says where it came from ("line 12" or "sheet Jadwal, row 12"), so the CSV and XLSX
readers share one checker and report problems the same way:
"sheet Jadwal, row 12, column region: 'Banjar' is ambiguous: Kabupaten Banjar (6303) or Kota Banjar (3279)".

Columns (header row required, any order, case ignored): date, start, minutes (optional, default
30), panel, room (optional), region (BPS code or regency/city name), assessors (optional; each a
NIP, a name, or "Name (NIP)", separated by ";"). A spreadsheet's dates and times may be real
date/time cells or text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlmodel import Session, col, select

from app.models.domain import RegionInfo
from app.models.tables import Assessor
from app.rounds import SlotPlan

REQUIRED_COLUMNS = ("date", "start", "panel", "region")
COLUMNS = ("date", "start", "minutes", "panel", "room", "region", "assessors")  # the order files are written in
KNOWN_COLUMNS = COLUMNS
DEFAULT_MINUTES = 30
Value = str | int | float | date | time | None
SHOWN_PROBLEMS = 40  # in the message; ``problems`` keeps them all


class ScheduleError(Exception):
    """A schedule file that was not taken in: ``problems`` names every bad cell by its place and
    column, ``hint`` says what to do when one thing would fix them all (e.g. import with replace)."""

    def __init__(self, source: str, problems: list[str], hint: str = "") -> None:
        self.problems, self.hint = problems, hint
        shown = problems[:SHOWN_PROBLEMS]
        if len(problems) > len(shown):
            shown = [*shown, f"... and {len(problems) - len(shown)} more"]
        super().__init__(f"{source}: {len(problems)} problem(s), nothing was imported:\n  " + "\n  ".join(shown)
                         + (f"\n{hint}" if hint else ""))


@dataclass(frozen=True)
class ScheduleRow:
    """One row of a schedule file: where it is ("line 12", "sheet Jadwal, row 12") and its cells."""

    where: str
    cells: dict[str, Value]

    def text(self, column: str) -> str:
        value = self.cells.get(column)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    def blank(self) -> bool:
        return not any(self.text(column) for column in self.cells)


def missing_columns(header: list[str]) -> list[str]:
    return [c for c in REQUIRED_COLUMNS if c not in header]


def normal_header(cells: list[Value]) -> list[str]:
    return [str(c).strip().lower() if c is not None else "" for c in cells]


class CellProblem(ValueError):
    """A bad cell: which column, and what is wrong with it."""

    def __init__(self, column: str, message: str) -> None:
        self.column = column
        super().__init__(message)


def read_date(value: Value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float):
        raise CellProblem("date", f"{value!r} is a number, not a date (format the cell as a date, or write YYYY-MM-DD)")
    text = str(value or "").strip()
    if not text:
        raise CellProblem("date", "the cell is empty")
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise CellProblem("date", f"{text!r} is not a date (YYYY-MM-DD or DD/MM/YYYY)")


def read_time(value: Value) -> time:
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, int | float):
        raise CellProblem("start", f"{value!r} is a number, not a time (format the cell as a time, or write HH:MM)")
    text = str(value or "").strip()
    if not text:
        raise CellProblem("start", "the cell is empty")
    for fmt in ("%H:%M", "%H.%M", "%H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).time()
        except ValueError:
            continue
    raise CellProblem("start", f"{text!r} is not a time of day (HH:MM)")


def read_minutes(row: ScheduleRow) -> int:
    text = row.text("minutes")
    if not text:
        return DEFAULT_MINUTES
    try:
        minutes = int(text)
    except ValueError:
        raise CellProblem("minutes", f"{text!r} is not a whole number of minutes") from None
    if not 5 <= minutes <= 480:
        raise CellProblem("minutes", f"{minutes} is not between 5 and 480")
    return minutes


def resolve_region(text: str) -> RegionInfo:
    """A BPS code or a regency/city name as people write it (the round setup's rules: "Kab. Batang",
    "32.79", "Batang" when only one region bears it); an ambiguous name is named with its choices,
    never guessed."""
    # deferred: app.rounds.setup imports openpyxl, and the first window reaches this module
    from app.rounds.setup.names import find_region

    if not text.strip():
        raise CellProblem("region", "the cell is empty")
    found = find_region(text)
    if found.region is not None:
        return found.region
    if found.choices:
        choices = " or ".join(f"{r.name} ({r.code})" for r in sorted(found.choices, key=lambda r: r.name))
        raise CellProblem("region", f"{text.strip()!r} is ambiguous: {choices}; write the full name or the BPS code")
    raise CellProblem("region", found.problem)


_NAMED_NIP = re.compile(r"^(?P<name>.*\S)\s*\((?P<nip>\d+)\)$")


def assessor_cell(name: str, nip: str) -> str:
    """How an assessor is written in the assessors column: "Name (NIP)", or the name alone."""
    return f"{name} ({nip})" if nip else name


class People:
    """The store's assessors by NIP and by name, read once per file (as ``find_assessor`` finds
    them: NIP first, then name), and the new ones the file names."""

    def __init__(self, session: Session) -> None:
        self.by_nip: dict[str, Assessor] = {}
        self.by_name: dict[str, Assessor] = {}
        for person in session.exec(select(Assessor).order_by(col(Assessor.created_at))):
            if person.nip:
                self.by_nip.setdefault(person.nip, person)
            self.by_name.setdefault(person.name, person)
        self.new: dict[str, Assessor] = {}

    def find(self, ref: str) -> Assessor | None:
        return self.by_nip.get(ref) or self.by_name.get(ref) or self.new.get(ref)


def read_assessors(row: ScheduleRow, people: People) -> tuple[str, ...]:
    """The assessors named in the row, found by NIP or name; a name not yet known becomes a new
    assessor (kept in ``people.new`` so later rows find it), a bare NIP not known is a problem."""
    value = row.cells.get("assessors")
    if isinstance(value, float) and value >= 1e15:
        raise CellProblem("assessors", f"{value:.0f} was stored as a number and has lost digits; "
                                       "format the column as text and type the NIP again")
    ids = []
    for ref in filter(None, (part.strip() for part in row.text("assessors").split(";"))):
        named = _NAMED_NIP.match(ref)
        name, nip = (named["name"], named["nip"]) if named else (ref, ref if ref.isdigit() else "")
        found = people.find(nip or name)
        if found is None:
            if not named and nip:
                raise CellProblem("assessors", f"no assessor has the NIP {nip} (write \"Name ({nip})\" to add one)")
            found = people.new[nip or name] = Assessor(name=name, nip=nip if named else "")
        ids.append(found.id)
    return tuple(dict.fromkeys(ids))


IN_ROUND = "in this round"  # where a clash with a slot the round already has is said to be


def check_rows(session: Session, rows: list[ScheduleRow], source: str, *,
               busy: Collection[tuple[str, date, time]] = (),
               scheduled_codes: Collection[str] = ()) -> tuple[list[SlotPlan], list[Assessor]]:
    """Every cell of every row checked; raises ScheduleError naming each bad cell by its place.

    ``busy`` (panel name, day, start) and ``scheduled_codes`` are what the round already holds.
    Returns the slots to add and the assessors the file names that the store does not know yet.
    """
    problems: list[str] = []
    plans: list[SlotPlan] = []
    people = People(session)
    taken: dict[tuple[str, date, time], str] = dict.fromkeys(busy, IN_ROUND)
    scheduled: dict[str, str] = dict.fromkeys(scheduled_codes, IN_ROUND)
    readers: dict[str, Callable[[ScheduleRow], object]] = {
        "date": lambda row: read_date(row.cells.get("date")),
        "start": lambda row: read_time(row.cells.get("start")),
        "minutes": read_minutes,
        "panel": lambda row: row.text("panel") or _empty("panel"),
        "region": lambda row: resolve_region(row.text("region")),
        "assessors": lambda row: read_assessors(row, people),
    }
    for row in rows:
        if row.blank():
            continue
        found: dict[str, object] = {}
        bad = []
        for column, read in readers.items():
            try:
                found[column] = read(row)
            except CellProblem as exc:
                bad.append(f"{row.where}, column {exc.column}: {exc}")
        if bad:
            problems += bad
            continue
        day, start, panel, region = found["date"], found["start"], str(found["panel"]), found["region"]
        assert isinstance(day, date) and isinstance(start, time) and isinstance(region, RegionInfo)
        key = (panel, day, start)
        if key in taken:
            problems.append(f"{row.where}, column start: panel {panel} already has an interview on {day} "
                            f"at {start:%H:%M} {_at(taken[key])}")
            continue
        if region.code in scheduled:
            problems.append(f"{row.where}, column region: {region.name} is already scheduled {_at(scheduled[region.code])}")
            continue
        taken[key] = scheduled[region.code] = row.where
        minutes, assessors = found["minutes"], found["assessors"]
        assert isinstance(minutes, int) and isinstance(assessors, tuple)
        plans.append(SlotPlan(day, start, minutes, panel, row.text("room"), region.code, assessors))
    if problems:
        clash = any(p.endswith(IN_ROUND) for p in problems)
        raise ScheduleError(source, problems, "To put the file in place of the round's schedule, import it with "
                                              "replace (nilai: --replace)." if clash else "")
    if not plans:
        raise ScheduleError(source, ["the file has no interview rows"])
    return plans, list(people.new.values())


def _at(where: str) -> str:
    return where if where == IN_ROUND else f"({where})"


def _empty(column: str) -> str:
    raise CellProblem(column, "the cell is empty")
