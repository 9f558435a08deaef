"""Read an instrument from an XLSForm-style workbook (the layout in :mod:`xlsform_layout`).

The sheets are turned into the same plain definition a YAML file gives, then checked by the same
validator (:mod:`app.instruments.validation`), so the two formats accept exactly the same
instruments. What differs is how problems are reported: each one names the sheet, row and column it
comes from, and they are all reported at once. Nothing is returned unless there are none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyxform import aliases, constants

from app.instruments import instrument_from_checked
from app.instruments.errors import InstrumentError, Location
from app.instruments.validation import validate
from app.instruments.xlsform_layout import (
    BEGIN_GROUP,
    CHOICE_COLUMNS,
    CHOICES,
    END_GROUP,
    SETTINGS,
    SETTINGS_COLUMNS,
    SURVEY,
    SURVEY_COLUMNS,
)
from app.instruments.xlsform_sheets import (
    Cell,
    Problems,
    Row,
    Table,
    find_sheet,
    is_blank,
    level_number,
    number,
    open_workbook,
    read_table,
    text,
    yes_no,
)
from app.models.domain import Instrument

__all__ = ["read_workbook"]

_LANGS = ("id", "en")


def read_workbook(path: str | Path) -> Instrument:
    """The instrument in the workbook at ``path``; :class:`InstrumentError` lists every problem."""
    reader = _Reader()
    data = reader.read(path)
    if reader.problems or data is None:
        raise InstrumentError(path, reader.problems.lines())
    return instrument_from_checked(data)  # _Reader.read ran the validator: no problem was found


@dataclass
class _Level:
    entry: dict[str, Any]
    cells: dict[Location, Cell]  # relative to the level
    bad: set[Location]


@dataclass
class _Reader:
    problems: Problems = field(default_factory=Problems)
    where: dict[Location, Cell] = field(default_factory=dict)  # a place in the definition → its cell
    bad: set[Location] = field(default_factory=set)  # places whose cell was already reported
    doubled: set[str] = field(default_factory=set)  # lists with a level twice: their numbering was reported

    def read(self, path: str | Path) -> dict[str, Any] | None:
        book = open_workbook(path, self.problems)
        if book is None:
            return None
        tables: dict[str, Table] = {}
        for name, columns in ((SURVEY, SURVEY_COLUMNS), (CHOICES, CHOICE_COLUMNS), (SETTINGS, SETTINGS_COLUMNS)):
            sheet = find_sheet(book, name)
            if sheet is None:
                found = ", ".join(repr(s) for s in book.sheetnames)
                self.problems.add(Cell(name), f"the workbook has no sheet {name!r} (it has {found})")
                continue
            table = read_table(sheet, name, columns, self.problems)
            if table is not None:
                tables[name] = table
        if self.problems:
            return None  # a sheet or column is missing: row-by-row reports would only repeat it
        data = self._settings(tables[SETTINGS])
        lists = self._choices(tables[CHOICES])
        data["dimensions"] = self._survey(tables[SURVEY], lists)
        self._validate(data)
        return data

    # ----------------------------------------------------------------------------------------------
    # settings

    def _settings(self, table: Table) -> dict[str, Any]:
        row = table.rows[0] if table.rows else None
        if row is None:
            self.problems.add(Cell(SETTINGS, 2), "empty: write the instrument's form_id, version and titles in row 2")
            self.bad.update({("id",), ("version",), ("title",), ("description",), ("source_note",)})
            return {"id": "", "version": "", "title": None, "description": None, "source_note": None}
        data: dict[str, Any] = {}
        for field_name, key in (("id", "form_id"), ("version", "version")):
            data[field_name] = text(row.values.get((key, None))).strip()
            self.where[(field_name,)] = table.cell(row, key)
        for key in ("title", "description", "source_note"):
            data[key] = self._text(table, row, key, (key,))
        return data

    # ----------------------------------------------------------------------------------------------
    # choices

    def _choices(self, table: Table) -> dict[str, list[_Level]]:
        lists: dict[str, list[_Level]] = {}
        first_row: dict[tuple[str, int], int] = {}
        for row in table.rows:
            name = text(row.values.get(("list_name", None))).strip()
            if not name:
                self.problems.add(table.cell(row, "list_name"),
                                  "no list_name: name the list (select_one LIST) this level belongs to")
                continue
            level, why = level_number(row.values.get(("name", None)))
            if level is None:
                self.problems.add(table.cell(row, "name"), why)
                continue
            seen = first_row.setdefault((name, level), row.number)
            if seen != row.number:
                self.problems.add(table.cell(row, "name"), f"level {level} of list {name!r} appears twice "
                                  f"(rows {seen} and {row.number}); number the levels 1, 2, 3, …")
                self.doubled.add(name)
                continue
            cells: dict[Location, Cell] = {(): table.row_cell(row), ("level",): table.cell(row, "name")}
            entry: dict[str, Any] = {"level": level}
            for key in ("label", "descriptor"):
                entry[key] = {lang: text(row.values.get((key, lang))) for lang in _LANGS}
                cells[(key,)] = table.cell(row, key, "id")
                for lang in _LANGS:
                    cells[(key, lang)] = table.cell(row, key, lang)
            bad: set[Location] = set()
            for key in ("requires_note", "requires_evidence"):
                flag, why = yes_no(row.values.get((key, None)))
                cells[(key,)] = table.cell(row, key)
                entry[key] = flag
                if flag is None:
                    self.problems.add(cells[(key,)], why)
                    bad.add((key,))
            lists.setdefault(name, []).append(_Level(entry, cells, bad))
        return lists

    # ----------------------------------------------------------------------------------------------
    # survey

    def _survey(self, table: Table, lists: dict[str, list[_Level]]) -> list[dict[str, Any]]:
        dimensions: list[dict[str, Any]] = []
        open_group: tuple[dict[str, Any], Row] | None = None
        codes: dict[str, dict[str, int]] = {BEGIN_GROUP: {}, constants.SELECT_ONE: {}}  # dimensions, indicators
        self.where[("dimensions",)] = table.cell(None, "weight")
        for row in table.rows:
            kind, list_name = self._row_type(table, row)
            if kind is None:
                if open_group is not None:  # an empty group then says nothing new
                    self.bad.add(("dimensions", len(dimensions) - 1, "indicators"))
                continue
            code = text(row.values.get(("name", None))).strip()
            if kind != END_GROUP and code:
                seen = codes[kind].setdefault(code, row.number)
                if seen != row.number:
                    noun = "dimension" if kind == BEGIN_GROUP else "indicator"
                    self.problems.add(table.cell(row, "name"), f"code {code!r} is already used in row {seen}; "
                                      f"every {noun} needs its own code")
            if kind == BEGIN_GROUP:
                if open_group is not None:
                    self.problems.add(table.cell(row, "type"), f"a group inside group {open_group[0]['code']!r} "
                                      f"(row {open_group[1].number}): dimensions cannot be nested; close that "
                                      "one with an end group row first")
                    continue
                path: Location = ("dimensions", len(dimensions))
                open_group = (self._dimension(table, row, path, code), row)
                dimensions.append(open_group[0])
            elif kind == END_GROUP:
                if open_group is None:
                    self.problems.add(table.cell(row, "type"), "end group without a begin group above it")
                open_group = None
            elif open_group is None:
                self.problems.add(table.cell(row, "type"), "this indicator is outside any group: every indicator "
                                  "belongs to a dimension (put it between begin group and end group)")
            else:
                dim = open_group[0]
                path = ("dimensions", len(dimensions) - 1, "indicators", len(dim["indicators"]))
                dim["indicators"].append(self._indicator(table, row, path, code, list_name, lists))
        if open_group is not None:
            self.problems.add(table.cell(open_group[1], "type"), f"group {open_group[0]['code']!r} is never "
                              "closed: add an end group row after its last indicator")
        return dimensions

    def _row_type(self, table: Table, row: Row) -> tuple[str | None, str]:
        written = " ".join(text(row.values.get(("type", None))).split())
        lowered = written.lower().replace("_", " ")
        if not written:
            self.problems.add(table.cell(row, "type"), "no type: write begin group, select_one LIST or end group")
            return None, ""
        if lowered in (BEGIN_GROUP, END_GROUP):
            return lowered, ""
        for alias in sorted(aliases.select, key=len, reverse=True):
            spelt = alias.replace("_", " ")
            if lowered.startswith(spelt + " ") or lowered == spelt:
                if aliases.select[alias] != constants.SELECT_ONE:
                    self.problems.add(table.cell(row, "type"), f"{written!r}: an indicator is given one level, "
                                      "so its type is select_one LIST")
                    return None, ""
                list_name = written[len(spelt):].strip()
                if not list_name:
                    self.problems.add(table.cell(row, "type"), "select_one needs the name of its choices list, "
                                      "e.g. select_one STR-1")
                    return None, ""
                return constants.SELECT_ONE, list_name
        self.problems.add(table.cell(row, "type"), f"{written!r} is not a row type of an instrument: "
                          "use begin group, select_one LIST or end group")
        return None, ""

    def _dimension(self, table: Table, row: Row, path: Location, code: str) -> dict[str, Any]:
        self.where[path] = table.row_cell(row)
        self.where[(*path, "code")] = table.cell(row, "name")
        self.where[(*path, "indicators")] = table.cell(row, "type")
        return {"code": code, "title": self._text(table, row, "label", (*path, "title")),
                "weight": self._weight(table, row, (*path, "weight")), "indicators": []}

    def _indicator(self, table: Table, row: Row, path: Location, code: str, list_name: str,
                   lists: dict[str, list[_Level]]) -> dict[str, Any]:
        self.where[path] = table.row_cell(row)
        self.where[(*path, "code")] = table.cell(row, "name")
        indicator: dict[str, Any] = {
            "code": code,
            "title": self._text(table, row, "label", (*path, "title")),
            "question": self._text(table, row, "hint", (*path, "question")),
            "weight": self._weight(table, row, (*path, "weight")),
        }
        for key, field_name in (("guidance_hint", "guidance"), ("evidence_hint", "evidence_hint")):
            if any(not is_blank(row.values.get((key, lang))) for lang in _LANGS):
                indicator[field_name] = self._text(table, row, key, (*path, field_name))
        required, why = yes_no(row.values.get(("required", None)))
        self.where[(*path, "required")] = table.cell(row, "required")
        if required is None:
            self.problems.add(table.cell(row, "required"), why)
            self.bad.add((*path, "required"))
        indicator["required"] = required
        self.where[(*path, "levels")] = table.cell(row, "type")
        levels = lists.get(list_name)
        if levels is None:
            self.problems.add(table.cell(row, "type"), f"list {list_name!r} has no levels on the choices sheet; "
                              "add its rubric levels there (list_name " + repr(list_name) + ")")
            self.bad.add((*path, "levels"))
            levels = []
        if list_name in self.doubled:
            self.bad.add((*path, "levels", "numbering"))
        indicator["levels"] = []
        for index, level in enumerate(levels):
            lpath: Location = (*path, "levels", index)
            for rel, cell in level.cells.items():
                self.where[(*lpath, *rel)] = cell
            self.bad.update((*lpath, *rel) for rel in level.bad)
            indicator["levels"].append(dict(level.entry))
        return indicator

    # ----------------------------------------------------------------------------------------------
    # cells shared by the sheets

    def _text(self, table: Table, row: Row, key: str, path: Location) -> dict[str, str]:
        self.where[path] = table.cell(row, key, "id")
        for lang in _LANGS:
            self.where[(*path, lang)] = table.cell(row, key, lang)
        return {lang: text(row.values.get((key, lang))) for lang in _LANGS}

    def _weight(self, table: Table, row: Row, path: Location) -> float | None:
        value, why = number(row.values.get(("weight", None)))
        self.where[path] = table.cell(row, "weight")
        if value is None:
            self.problems.add(self.where[path], why)
            self.bad.add(path)
        return value

    def _validate(self, data: dict[str, Any]) -> None:
        """The validator's problems (weights, codes, texts, levels), placed on their cells."""
        for location, message in validate(data):
            if any(location[: len(bad)] == bad for bad in self.bad):
                continue  # its cell was already reported in the workbook's own words
            if "is already used by" in message:
                continue  # duplicate codes were reported above, with both rows
            if message.startswith("levels must be numbered") and (*location[:-1], "numbering") in self.bad:
                continue  # a level given twice was reported above; the gap it leaves says nothing new
            if message.startswith("'' is not a valid "):  # a blank cell, in a spreadsheet's words
                noun, _, hint = message.removeprefix("'' is not a valid ").partition(": ")
                message = f"no {noun} given" + (f"; {hint}" if hint else "")
            if location and location[-1] == "indicators" and "needs at least" in message:
                message = "this group has no indicator: put select_one LIST rows between begin group and end group"
            self.problems.add(self._cell_of(location), message)

    def _cell_of(self, location: Sequence[str | int]) -> Cell:
        for cut in range(len(location), -1, -1):
            cell = self.where.get(tuple(location[:cut]))
            if cell is not None:
                return cell
        return Cell(SURVEY)
