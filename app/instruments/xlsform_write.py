"""Write an instrument as an XLSForm-style workbook that a person can read and edit.

Every field that enters the content hash is written (both languages of every text, weights at both
levels, flags), so reading the workbook back gives the same instrument and the same hash. The sheets
are made for people too: a frozen header row, column widths, wrapped long texts, dimension rows
shaded, yes/no drop-downs, and a README sheet in Indonesian and English.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from app.base.atomic import atomic_write
from app.instruments.errors import InstrumentError
from app.instruments.xlsform_layout import (
    BEGIN_GROUP,
    CHOICE_COLUMNS,
    CHOICES,
    END_GROUP,
    LANGUAGES,
    README,
    SETTINGS,
    SETTINGS_COLUMNS,
    SURVEY,
    SURVEY_COLUMNS,
    Column,
)
from app.models.domain import Indicator, Instrument, Text

__all__ = ["instrument_workbook", "write_workbook"]

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_GROUP_FILL = PatternFill("solid", fgColor="EEF3E2")
_GROUP_FONT = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")


def write_workbook(instrument: Instrument, path: str | Path) -> None:
    """Write ``instrument`` to ``path`` (replaced atomically, so a failed write leaves no half file)."""
    buffer = io.BytesIO()
    instrument_workbook(instrument).save(buffer)
    atomic_write(Path(path), buffer.getvalue())


def instrument_workbook(instrument: Instrument) -> Workbook:
    problems = _unwritable_texts(instrument)
    if problems:
        raise InstrumentError(f"{instrument.id}@{instrument.version}", problems)
    book = Workbook()
    readme = book.active
    assert readme is not None
    readme.title = README
    _write_readme(readme, instrument)
    _write_survey(book.create_sheet(SURVEY), instrument)
    _write_choices(book.create_sheet(CHOICES), instrument)
    _write_settings(book.create_sheet(SETTINGS), instrument)
    return book


def list_name(indicator: Indicator) -> str:
    # One list per indicator: every indicator has its own descriptors.
    return indicator.code


# --------------------------------------------------------------------------------------------------
# Sheets


def _write_survey(sheet: Worksheet, instrument: Instrument) -> None:
    _header(sheet, SURVEY_COLUMNS, freeze="C2")
    for dim in instrument.dimensions:
        row = _row(sheet, SURVEY_COLUMNS, {"type": BEGIN_GROUP, "name": dim.code, "label": dim.title,
                                           "weight": _number(dim.weight)})
        for cell in sheet[row]:
            cell.fill = _GROUP_FILL
            cell.font = _GROUP_FONT
        for ind in dim.indicators:
            values: dict[str, Any] = {
                "type": f"select_one {list_name(ind)}", "name": ind.code, "label": ind.title,
                "weight": _number(ind.weight), "required": _yes_no(ind.required), "hint": ind.question,
            }
            if ind.guidance.id or ind.guidance.en:
                values["guidance_hint"] = ind.guidance
            if ind.evidence_hint.id or ind.evidence_hint.en:
                values["evidence_hint"] = ind.evidence_hint
            _row(sheet, SURVEY_COLUMNS, values)
        row = _row(sheet, SURVEY_COLUMNS, {"type": END_GROUP, "name": dim.code})
        for cell in sheet[row]:
            cell.fill = _GROUP_FILL
    _yes_no_dropdown(sheet, SURVEY_COLUMNS, ("required",))


def _write_choices(sheet: Worksheet, instrument: Instrument) -> None:
    _header(sheet, CHOICE_COLUMNS, freeze="C2")
    for ind in instrument.indicators():
        for lv in ind.levels:
            _row(sheet, CHOICE_COLUMNS, {
                "list_name": list_name(ind), "name": str(lv.level), "label": lv.label,
                "descriptor": lv.descriptor, "requires_note": _yes_no(lv.requires_note),
                "requires_evidence": _yes_no(lv.requires_evidence),
            })
    _yes_no_dropdown(sheet, CHOICE_COLUMNS, ("requires_note", "requires_evidence"))


def _write_settings(sheet: Worksheet, instrument: Instrument) -> None:
    _header(sheet, SETTINGS_COLUMNS, freeze="A2")
    _row(sheet, SETTINGS_COLUMNS, {
        "form_id": instrument.id, "version": instrument.version, "default_language": LANGUAGES["id"],
        "title": instrument.title, "description": instrument.description, "source_note": instrument.source_note,
    })


_README = (
    ("Instrumen penilaian Nilai — buku kerja bergaya XLSForm",
     "Nilai assessment instrument — an XLSForm-style workbook"),
    ("Lembar survey: satu baris 'begin group' … 'end group' per dimensi, di antaranya satu baris "
     "'select_one DAFTAR' per indikator. label = judul, hint = pertanyaan wawancara, guidance_hint = "
     "panduan penilai, evidence_hint = bukti yang diminta, weight = bobot dalam persen (bobot dimensi "
     "berjumlah 100; bobot indikator dalam satu dimensi berjumlah 100), required = yes/no.",
     "Sheet survey: one 'begin group' … 'end group' pair per dimension, with one 'select_one LIST' row "
     "per indicator between them. label = title, hint = the interview question, guidance_hint = "
     "guidance for the assessor, evidence_hint = the evidence to ask for, weight = weight in percent "
     "(dimension weights sum to 100; the indicator weights of a dimension sum to 100), required = yes/no."),
    ("Lembar choices: level rubrik tiap daftar, bernomor 1, 2, 3, … (name). label = nama singkat level, "
     "descriptor = syarat untuk memberi level itu; requires_note / requires_evidence = yes bila level itu "
     "wajib disertai catatan / bukti.",
     "Sheet choices: the rubric levels of each list, numbered 1, 2, 3, … (name). label = the level's "
     "short name, descriptor = what must be true to give it; requires_note / requires_evidence = yes "
     "when giving the level needs a note / evidence."),
    ("Lembar settings: form_id (id instrumen), version, judul, deskripsi dan catatan sumber.",
     "Sheet settings: form_id (the instrument's id), version, title, description and source note."),
    ("Setiap teks ditulis dalam dua bahasa: kolom ::Indonesian (id) dan ::English (en).",
     "Every text is written in both languages: the ::Indonesian (id) and ::English (en) columns."),
    ("Impor: menu Koordinator › Impor instrumen dari buku kerja…, atau: nilai instruments import-xlsx BERKAS. "
     "Setiap masalah dilaporkan dengan lembar, baris dan kolomnya; tidak ada yang disimpan sampai semuanya benar.",
     "Import: Coordinator menu › Import instrument from workbook…, or: nilai instruments import-xlsx FILE. "
     "Every problem is reported with its sheet, row and column; nothing is stored until all are fixed."),
    ("Mengubah isi (teks, bobot, level) menghasilkan hash isi baru; naikkan juga 'version'.",
     "Changing any content (text, weight, level) gives a new content hash; raise 'version' too."),
)


def _write_readme(sheet: Worksheet, instrument: Instrument) -> None:
    sheet.column_dimensions["A"].width = 70
    sheet.column_dimensions["B"].width = 70
    sheet.append(["Bahasa Indonesia", "English"])
    for cell in sheet[1]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    sheet.append([f"{instrument.title.id} — {instrument.id} {instrument.version}",
                  f"{instrument.title.en} — {instrument.id} {instrument.version}"])
    for id_text, en_text in _README:
        sheet.append([id_text, en_text])
    for number, row in enumerate(sheet.iter_rows(min_row=2), start=2):
        for cell in row:
            cell.alignment = _WRAP
        _fit_height(sheet, number, max(_wrapped_lines(str(cell.value or ""), 70) for cell in row))
    for cell in sheet[2] + sheet[3]:
        cell.font = _HEADER_FONT
    sheet.freeze_panes = "A2"


# --------------------------------------------------------------------------------------------------
# Cells


def _header(sheet: Worksheet, columns: Sequence[Column], freeze: str) -> None:
    sheet.append([c.header for c in columns])
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _WRAP
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"


def _row(sheet: Worksheet, columns: Sequence[Column], values: dict[str, Any]) -> int:
    row = sheet.max_row + 1
    lines = 1
    for index, column in enumerate(columns, start=1):
        value = values.get(column.key)
        if isinstance(value, Text):
            value = getattr(value, column.lang or "id")  # exactly this language, no fallback
        cell = sheet.cell(row=row, column=index)
        if value is None or value == "":
            continue
        cell.value = value
        if isinstance(value, str):
            # openpyxl takes a text starting with "=" for a formula; a text here is always text.
            cell.data_type = "s"
            cell.number_format = "@"
        cell.alignment = _WRAP if column.wrap else _TOP
        if column.wrap and isinstance(value, str):
            lines = max(lines, _wrapped_lines(value, column.width))
    _fit_height(sheet, row, lines)
    return row


_LINE_POINTS = 15.0  # one line of the default 11-point font
_MAX_ROW_POINTS = 409.0  # the tallest row a spreadsheet allows


def _wrapped_lines(text: str, width: int) -> int:
    # Spreadsheet programs do not grow a row for wrapped text written by another program (LibreOffice
    # overlaps the lines, Excel clips them), so the height is set from an estimate: a column `width`
    # characters wide holds about that many characters per line.
    per_line = max(1, width - 1)
    return sum(max(1, -(-len(paragraph) // per_line)) for paragraph in text.split("\n"))


def _fit_height(sheet: Worksheet, row: int, lines: int) -> None:
    if lines > 1:
        sheet.row_dimensions[row].height = min(_MAX_ROW_POINTS, lines * _LINE_POINTS)


def _yes_no_dropdown(sheet: Worksheet, columns: Sequence[Column], keys: Sequence[str]) -> None:
    rule = DataValidation(type="list", formula1='"yes,no"', allow_blank=True)
    sheet.add_data_validation(rule)
    last = max(sheet.max_row, 2) + 200  # room for rows a person adds
    for index, column in enumerate(columns, start=1):
        if column.key in keys:
            letter = get_column_letter(index)
            rule.add(f"{letter}2:{letter}{last}")


def _number(value: float) -> int | float | str:
    # 35.0 shows as 35; the reader turns every weight into a float again. Spreadsheets keep 15
    # significant digits (openpyxl writes 16): a weight that needs more (100 - 68.6992188) is written
    # as text, exactly, so the hash survives.
    value = float(value)
    if value.is_integer():
        return int(value)
    return value if float(f"{value:.15g}") == value else repr(value)


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _unwritable_texts(instrument: Instrument) -> list[str]:
    """Texts a workbook cannot hold exactly: control characters, carriage returns, over-long cells."""
    problems: list[str] = []

    def check(where: str, text: Text) -> None:
        for lang in ("id", "en"):
            value = getattr(text, lang)
            if ILLEGAL_CHARACTERS_RE.search(value) or "\r" in value:
                problems.append(f"{where} ({lang}): contains a control character that a workbook cannot hold")
            elif len(value) > 32767:
                problems.append(f"{where} ({lang}): longer than a spreadsheet cell can hold (32767 characters)")

    check("title", instrument.title)
    check("description", instrument.description)
    check("source_note", instrument.source_note)
    for dim in instrument.dimensions:
        check(f"dimension {dim.code} title", dim.title)
        for ind in dim.indicators:
            for name in ("title", "question", "guidance", "evidence_hint"):
                check(f"indicator {ind.code} {name}", getattr(ind, name))
            for lv in ind.levels:
                check(f"indicator {ind.code} level {lv.level} label", lv.label)
                check(f"indicator {ind.code} level {lv.level} descriptor", lv.descriptor)
    return problems
