"""Spreadsheets in: the rows of an XLSX sheet or a CSV file, each cell kept with where it was,
so every problem can name its sheet, row and column."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.base.notes import Note
from app.rounds.setup.errors import FileProblems, SetupError
from app.rounds.setup.names import fold

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")


@dataclass(frozen=True)
class Table:
    """One sheet: its header (as written) and its non-empty data rows with their row numbers."""

    source: str  # the file name
    sheet: str  # the sheet name; "" for a CSV file
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    # (row, column index) of cells a workbook held as numbers, not text: a long number such as an
    # 18-digit NIP has lost its last digits there (a spreadsheet keeps 15 significant digits).
    numbers: frozenset[tuple[int, int]] = frozenset()

    def where(self, row: int, column: str | None = None) -> str:
        """ "sheet Assessors, row 7, column province" (a CSV file has no sheet)."""
        parts = [f"sheet {self.sheet}"] if self.sheet else []
        parts.append(f"row {row}")
        if column:
            parts.append(f"column {column}")
        return ", ".join(parts)

    def columns(self, aliases: dict[str, tuple[str, ...]]) -> dict[str, int]:
        """Where each known column is: header names matched (folded) against each name's aliases."""
        folded = [fold(h) for h in self.header]
        found: dict[str, int] = {}
        for name, spellings in aliases.items():
            for index, heading in enumerate(folded):
                if heading and (heading == fold(name) or heading in {fold(s) for s in spellings}):
                    found.setdefault(name, index)
        return found


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split())


def read_table(path: Path, sheet_names: tuple[str, ...] = ()) -> Table:
    """The first row as header and the rest as data, from an XLSX sheet (the first of ``sheet_names``
    that exists, else the first sheet) or a CSV file (UTF-8 with or without BOM, ";" or "," separated)."""
    if not path.is_file():
        raise SetupError(f"{path}: no such file; check the path.", "no_file", {"file": path.name})
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path, sheet_names)
    if suffix in CSV_SUFFIXES:
        return _read_csv(path)
    raise SetupError(f"{path.name}: not a spreadsheet Nilai reads; save it as .xlsx or .csv.", "not_spreadsheet",
                     {"file": path.name})


def _read_xlsx(path: Path, sheet_names: tuple[str, ...]) -> Table:
    # deferred: openpyxl (and numpy, which it imports) load with the first workbook read, not at the
    # desktop's start (the interview view reaches this package through calibration feedback): 0.3 s
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise SetupError(f"{path.name}: cannot be read as an XLSX workbook ({exc}); save it again from the "
                         "spreadsheet program as .xlsx.", "unreadable_xlsx", {"file": path.name}) from exc
    try:
        by_fold = {fold(name): name for name in book.sheetnames}
        name = next((by_fold[fold(n)] for n in sheet_names if fold(n) in by_fold), book.sheetnames[0])
        rows: list[tuple[int, tuple[str, ...]]] = []
        numbers: set[tuple[int, int]] = set()
        header: tuple[str, ...] = ()
        for number, values in enumerate(book[name].iter_rows(values_only=True), start=1):
            cells = tuple(_cell_text(v) for v in values)
            if number == 1:
                header = cells
            elif any(cells):
                rows.append((number, cells))
                numbers.update((number, i) for i, v in enumerate(values) if isinstance(v, (int, float)))
    finally:
        book.close()
    return Table(path.name, name, _trim(header), tuple(rows), frozenset(numbers))


def _read_csv(path: Path) -> Table:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Spreadsheet programs on Windows save CSV in the legacy code page.
        text = raw.decode("cp1252", errors="replace")
    # The header line tells the separator (Excel writes ";" where "," is the decimal mark); csv.Sniffer
    # is misled by quoted cells that hold the other one ("3273;3279" in a comma file).
    first = text.splitlines()[0] if text else ""
    delimiter = max((",", ";", "\t"), key=first.count) if any(d in first for d in ",;\t") else ","
    rows: list[tuple[int, tuple[str, ...]]] = []
    header: tuple[str, ...] = ()
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    for values in reader:
        cells = tuple(_cell_text(v) for v in values)
        if reader.line_num == 1 and not header:
            header = cells
        elif any(cells):
            rows.append((reader.line_num, cells))
    return Table(path.name, "", _trim(header), tuple(rows))


def _trim(header: tuple[str, ...]) -> tuple[str, ...]:
    cells = list(header)
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells)


def cell(values: tuple[str, ...], index: int | None) -> str:
    return values[index] if index is not None and index < len(values) else ""


def column_index(table: Table, column: str | None) -> int:
    """Where the column with this header is (the first column when none is named)."""
    if column is None:
        return 0
    wanted = fold(column)
    matches = [i for i, heading in enumerate(table.header) if fold(heading) == wanted]
    if not matches:
        listed = ", ".join(repr(h) for h in table.header if h) or "none"
        raise FileProblems(table.source, [Note(f"{table.where(1)}: no column {column!r} (the columns are {listed})",
                                               "no_column", sheet=table.sheet, row=1, column=None, wanted=column,
                                               columns=listed)])
    return matches[0]


def read_column(path: Path, column: str | None = None) -> list[str]:
    """The values of one column of an XLSX or CSV file (the first, or the one with this header);
    the first row is the header."""
    table = read_table(path)
    index = column_index(table, column)
    return [value for _, values in table.rows if (value := cell(values, index))]
