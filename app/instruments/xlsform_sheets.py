"""Reading the instrument workbook's sheets and cells, with every problem kept by sheet, row, column.

The workbook is read with openpyxl directly rather than through pyxform's reader, which replaces
non-breaking spaces and "smart" quotes in texts: that would change an instrument's content hash.
pyxform still decides how headers are spelt (see :mod:`app.instruments.xlsform_layout`).
"""

from __future__ import annotations

import difflib
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from app.instruments.xlsform_layout import Column, split_header

__all__ = ["Cell", "Problems", "Row", "Table", "find_sheet", "is_blank", "level_number", "number", "open_workbook",
           "read_table", "text", "yes_no"]

FILE = "file"  # a problem with the file as a whole, before any sheet
_SHEET_ORDER = (FILE, "settings", "survey", "choices")


@dataclass(frozen=True)
class Cell:
    """Where a problem is: a sheet, and a row and column when it is that precise."""

    sheet: str
    row: int | None = None
    column: str | None = None  # the header, as written in the workbook
    column_index: int = 0

    def describe(self) -> str:
        where = self.sheet if self.row is None else f"{self.sheet} row {self.row}"
        return f"{where}, column {self.column}" if self.column else where

    def sort_key(self) -> tuple[int, int, int]:
        order = _SHEET_ORDER.index(self.sheet) if self.sheet in _SHEET_ORDER else len(_SHEET_ORDER)
        # a problem of a whole column (a weight sum) after the rows of its sheet
        return (order, self.row if self.row is not None else 1 << 30, self.column_index)


@dataclass
class Problems:
    items: list[tuple[Cell, str]] = field(default_factory=list)

    def add(self, cell: Cell, message: str) -> None:
        self.items.append((cell, message))

    def lines(self) -> list[str]:
        ordered = sorted(enumerate(self.items), key=lambda item: (item[1][0].sort_key(), item[0]))
        return [message if cell.sheet == FILE else f"{cell.describe()}: {message}" for _, (cell, message) in ordered]

    def __bool__(self) -> bool:
        return bool(self.items)


@dataclass(frozen=True)
class Row:
    number: int
    values: dict[tuple[str, str | None], Any]  # (column key, language) → the cell's value


@dataclass
class Table:
    sheet: str
    headers: dict[tuple[str, str | None], tuple[int, str]]  # (key, language) → (1-based index, header)
    rows: list[Row]

    def cell(self, row: Row | None, key: str, lang: str | None = None) -> Cell:
        index, header = self.headers.get((key, lang), (0, _canonical(key, lang)))
        return Cell(self.sheet, row.number if row else None, header, index)

    def row_cell(self, row: Row) -> Cell:
        return Cell(self.sheet, row.number)


def _canonical(key: str, lang: str | None) -> str:
    return Column(key, lang).header


_OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")  # the container of .xls files and of encrypted .xlsx


def open_workbook(path: str | Path, problems: Problems) -> Workbook | None:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        problems.add(Cell(FILE), "file not found")
        return None
    except IsADirectoryError:
        problems.add(Cell(FILE), "is a folder, not a workbook")
        return None
    except OSError as exc:
        problems.add(Cell(FILE), f"cannot read the file: {exc.strerror or exc}")
        return None
    if data.startswith(_OLE_SIGNATURE):
        problems.add(Cell(FILE), "is an Excel 97-2003 workbook (.xls) or a password-protected one; save it "
                                 "from the spreadsheet program as .xlsx, without a password")
        return None
    try:
        # From bytes, so openpyxl does not judge the file by its extension; data_only reads the
        # values a spreadsheet program last computed instead of formulas.
        return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for a file that is not a workbook
        problems.add(Cell(FILE), "is not an Excel workbook (.xlsx) that can be read "
                                   f"({type(exc).__name__}); save it from the spreadsheet program as .xlsx")
        return None


def find_sheet(book: Workbook, name: str) -> Worksheet | None:
    # XLSForm sheet names are matched without regard to case or surrounding spaces.
    for sheet in book.worksheets:
        if sheet.title.strip().lower() == name:
            return sheet
    return None


def read_table(sheet: Worksheet, name: str, columns: Sequence[Column], problems: Problems) -> Table | None:
    """The sheet's rows keyed by column; None (with the problems added) when a column is missing."""
    headers: dict[tuple[str, str | None], tuple[int, str]] = {}
    rows_iter = sheet.iter_rows(values_only=True)
    first = next(rows_iter, ())
    ok = True
    for index, value in enumerate(first, start=1):
        if is_blank(value):
            continue
        header = " ".join(str(value).split())
        parsed = split_header(header)
        if parsed is None:
            continue  # a translation Nilai does not use
        if parsed in headers:
            other_index, _ = headers[parsed]
            problems.add(Cell(name, 1, header, index), f"column {header!r} appears twice (columns "
                         f"{get_column_letter(other_index)} and {get_column_letter(index)}); keep one")
            ok = False
            continue
        headers[parsed] = (index, header)
    written = [h for _, h in headers.values()]
    for column in columns:
        if column.required and (column.key, column.lang) not in headers:
            close = difflib.get_close_matches(column.header, written, n=1, cutoff=0.6)
            hint = f" (is {close[0]!r} meant to be it?)" if close else ""
            problems.add(Cell(name, 1), f"no column {column.header!r}{hint}; add it to the header row")
            ok = False
    if not ok:
        return None
    wanted = {(c.key, c.lang) for c in columns}
    rows: list[Row] = []
    for number, values in enumerate(rows_iter, start=2):
        picked = {key: values[index - 1] for key, (index, _) in headers.items()
                  if key in wanted and index - 1 < len(values) and not is_blank(values[index - 1])}
        if picked:
            rows.append(Row(number, picked))
    return Table(name, headers, rows)


# --------------------------------------------------------------------------------------------------
# Cell values


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: Any) -> str:
    """A cell as text, exactly as written (texts are trimmed and NFC-normalised later, for the hash)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def number(value: Any) -> tuple[float | None, str]:
    """A weight: (the number, "") or (None, why not)."""
    if is_blank(value):
        return None, "no weight given; write a number such as 25"
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None, f"{text(value)!r} is not a number"
    if isinstance(value, str):
        written = value.strip().replace("%", "").strip()
        if written.count(",") == 1 and "." not in written:
            written = written.replace(",", ".")  # a decimal comma, as Indonesian spreadsheets write it
        try:
            result = float(written)
        except ValueError:
            return None, f"{value.strip()!r} is not a number"
    else:
        result = float(value)
    if not math.isfinite(result):
        return None, f"{text(value)!r} is not a number"
    return result, ""


_YES = {"yes", "y", "true", "true()", "1", "ya"}
_NO = {"no", "n", "false", "false()", "0", "tidak"}


def yes_no(value: Any) -> tuple[bool | None, str]:
    """A yes/no cell (blank is no, as in XLSForm): (the flag, "") or (None, why not)."""
    if is_blank(value):
        return False, ""
    if isinstance(value, bool):
        return value, ""
    written = text(value).strip().lower()
    if written in _YES:
        return True, ""
    if written in _NO:
        return False, ""
    return None, f"{text(value).strip()!r} is not yes or no"


def level_number(value: Any) -> tuple[int | None, str]:
    if is_blank(value):
        return None, "no level number; number the levels of a list 1, 2, 3, …"
    if isinstance(value, bool):
        return None, f"{text(value)!r} is not a level number (1, 2, 3, …)"
    if isinstance(value, int):
        return value, ""
    if isinstance(value, float) and value.is_integer():
        return int(value), ""
    written = text(value).strip()
    if written.isdigit():
        return int(written), ""
    return None, f"{written!r} is not a level number (1, 2, 3, …)"
