"""The schedule as a file: read CSV or XLSX into rows for the checker, write a round's slots back.

Both formats carry the same columns (``schedule_rows.COLUMNS``), so a schedule exported here can
be edited in a spreadsheet and imported again.

- CSV: UTF-8 (a BOM is fine; Windows-1252 is accepted as a fallback), comma- or semicolon-separated
  (Excel in an Indonesian locale writes semicolons), header on line 1.
- XLSX: every sheet whose first row holds the schedule's columns is read, so one sheet ("Jadwal",
  as exported) or one sheet per day both import; a sheet with none of the columns (notes, a
  cover page) is skipped. Dates and times may be real date/time cells or text.
- Export: one sheet "Jadwal", sorted by day, start and panel; frozen header, autofilter, fitted
  widths, dates as real dates shown dd/mm/yyyy, times as hh:mm. The region is written by its
  full catalogue name (unique), each assessor as "Name (NIP)", so the file also imports into a
  store that does not know them yet.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from sqlmodel import col, select

from app.base.atomic import atomic_write
from app.base.spreadsheet import csv_safe, csv_unescaped
from app.models.domain import RegionInfo
from app.models.tables import Assessor, InterviewSlot, Panel, PanelAssessor
from app.regions.calibration import stored_region
from app.rounds import RoundError, resolve_round
from app.rounds.schedule_rows import (
    COLUMNS,
    KNOWN_COLUMNS,
    ScheduleError,
    ScheduleRow,
    Value,
    assessor_cell,
    missing_columns,
    normal_header,
)
from app.store import Store

TABLE_SUFFIXES = (".csv", ".xlsx")
SHEET = "Jadwal"
HEADER_COLOUR = "1F4E79"  # the house accent, as in the ranking workbook
DATE_FORMAT, TIME_FORMAT = "dd/mm/yyyy", "hh:mm"
CENTRED = ("date", "start", "minutes")  # short, fixed-width columns


# --- reading ---------------------------------------------------------------------------------

def read_rows(path: Path) -> list[ScheduleRow]:
    """The rows of a CSV or XLSX schedule; a file that cannot be read raises ScheduleError."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise ScheduleError(str(path), [f"a schedule is read from .xlsx or .csv, not {suffix or 'a file without suffix'}"])
    return _xlsx_rows(path) if suffix == ".xlsx" else _csv_rows(path)


def _csv_rows(path: Path) -> list[ScheduleRow]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScheduleError(str(path), [f"cannot read the file: {exc.strerror or exc}"]) from exc
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = raw.decode("cp1252", errors="replace")
    return csv_rows(content, str(path))


def csv_rows(content: str, source: str) -> list[ScheduleRow]:
    first = content.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(content), delimiter=";" if first.count(";") > first.count(",") else ",")
    header = normal_header(list(next(reader, [])))
    missing = missing_columns(header)
    if missing:
        raise ScheduleError(source, [f"line 1: missing column(s) {', '.join(missing)} "
                                     f"(found: {', '.join(h for h in header if h) or 'none'})"])
    return [ScheduleRow(f"line {reader.line_num}", dict(zip(header, map(csv_unescaped, cells), strict=False)))
            for cells in reader]


def _xlsx_rows(path: Path) -> list[ScheduleRow]:
    # deferred: openpyxl (heavy; the desktop's first window imports this module through the schedule view)
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ScheduleError(str(path), [f"cannot read the workbook ({exc}); save it as .xlsx and try again"]) from exc
    rows: list[ScheduleRow] = []
    problems: list[str] = []
    seen = False
    try:
        for sheet in book.worksheets:
            values = sheet.iter_rows(values_only=True)
            header = normal_header([_cell(v) for v in next(values, ())])
            if not set(header) & set(KNOWN_COLUMNS):
                continue  # not a schedule sheet: notes, a cover page
            seen = True
            missing = missing_columns(header)
            if missing:
                problems.append(f"sheet {sheet.title}, row 1: missing column(s) {', '.join(missing)}")
                continue
            for number, cells in enumerate(values, start=2):
                row: dict[str, Value] = {name: _cell(value) for name, value in zip(header, cells, strict=False) if name}
                rows.append(ScheduleRow(f"sheet {sheet.title}, row {number}", row))
    finally:
        book.close()
    if problems:
        raise ScheduleError(str(path), problems)
    if not seen:
        raise ScheduleError(str(path), [f"no sheet has the schedule's columns ({', '.join(COLUMNS)}) in its first row"])
    return rows


def _cell(value: object) -> Value:
    """A spreadsheet value as the checker takes it: text, a number, a date or a time."""
    if value is None or isinstance(value, str | int | float | date | time) and not isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, timedelta) and value < timedelta(days=1):  # a duration cell such as [h]:mm
        return (datetime.min + value).time()
    return str(value)  # rich text, a boolean, an array formula's text


# --- the round's schedule, for writing -------------------------------------------------------

@dataclass(frozen=True)
class SeatedAssessor:
    name: str
    nip: str


@dataclass(frozen=True)
class ScheduledSlot:
    """One slot as the files and the printed schedule show it."""

    day: date
    start: time
    minutes: int
    panel: str
    room: str
    region: RegionInfo
    assessors: tuple[SeatedAssessor, ...]  # the panel's seated assessors, by name

    def cells(self) -> dict[str, Value]:
        return {"date": self.day, "start": self.start, "minutes": self.minutes, "panel": self.panel,
                "room": self.room, "region": self.region.name,
                "assessors": "; ".join(assessor_cell(a.name, a.nip) for a in self.assessors)}


@dataclass(frozen=True)
class RoundSchedule:
    round_id: str
    name: str
    programme: str
    stage: str
    slots: tuple[ScheduledSlot, ...]  # by day, start, panel


def round_schedule(store: Store, round_ref: str | None) -> RoundSchedule:
    """The round's slots by day, start and panel; the round by id, id prefix or name (None: the only one)."""
    with store.transaction() as session:
        round_ = resolve_round(session, round_ref)
        round_id = round_.id
        seated: dict[str, list[SeatedAssessor]] = {}
        for panel_id, name, nip in session.exec(select(PanelAssessor.panel_id, Assessor.name, Assessor.nip)
                                                .join(Assessor).join(Panel).where(Panel.round_id == round_id)):
            seated.setdefault(panel_id, []).append(SeatedAssessor(name, nip))
        for people in seated.values():
            people.sort(key=lambda a: (a.name.lower(), a.nip))
        rows = session.exec(select(InterviewSlot, Panel).join(Panel).where(InterviewSlot.round_id == round_id)
                            .order_by(col(InterviewSlot.day), col(InterviewSlot.start), col(Panel.name))).all()
        slots = tuple(ScheduledSlot(s.day, s.start, s.minutes, p.name, p.room, stored_region(session, s.region_code),
                                    tuple(seated.get(p.id, ()))) for s, p in rows)
        return RoundSchedule(round_.id, round_.name, round_.programme, round_.stage, slots)


# --- writing ---------------------------------------------------------------------------------

def write_table(schedule: RoundSchedule, path: Path) -> None:
    """The schedule as CSV or XLSX, by the path's suffix; written atomically."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        atomic_write(path, schedule_csv(schedule.slots))
    elif suffix == ".xlsx":
        atomic_write(path, schedule_xlsx(schedule.slots))
    else:
        raise RoundError(f"{path}: a schedule table is written as .xlsx or .csv, not {suffix or 'a name without one'}")


def schedule_csv(slots: Iterable[ScheduledSlot]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for slot in slots:
        cells = slot.cells()
        writer.writerow([_csv_text(cells[c]) for c in COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM makes Excel read UTF-8


def _csv_text(value: Value) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return "" if value is None else csv_safe(str(value))


def schedule_xlsx(slots: Iterable[ScheduledSlot]) -> bytes:
    # deferred: openpyxl (heavy; the desktop's first window imports this module through the schedule view)
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    centred = Alignment(horizontal="center")
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = SHEET
    sheet.append(list(COLUMNS))
    count = 0
    for slot in slots:
        cells = slot.cells()
        sheet.append([cells[c] for c in COLUMNS])
        count += 1
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # a name that starts with "=" is text, never a formula
                cell.data_type = "s"
    for name, cell in zip(COLUMNS, sheet[1], strict=True):
        cell.fill, cell.font = PatternFill("solid", fgColor=HEADER_COLOUR), Font(bold=True, color="FFFFFF")
        cell.alignment = Alignment(vertical="center", horizontal="center" if name in CENTRED else "left")
    sheet.freeze_panes = "A2"
    # Printed from the spreadsheet too: landscape, all columns on the page, the header on each.
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.print_title_rows = "1:1"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{count + 1}"
    for index, name in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            if name == "date":
                cell.number_format = DATE_FORMAT
            elif name == "start":
                cell.number_format = TIME_FORMAT
            if name in CENTRED:
                cell.alignment = centred
        longest = max([len(name)] + [len(str(c.value)) for (c,) in sheet.iter_rows(
            min_row=2, max_row=min(count + 1, 600), min_col=index, max_col=index) if c.value is not None])
        sheet.column_dimensions[letter].width = 12 if name in CENTRED else min(max(longest, 10) + 3, 70)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
