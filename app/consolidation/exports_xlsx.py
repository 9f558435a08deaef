"""XLSX export of a ranking (openpyxl): Ranking, Scores and Method sheets.

The Ranking and Scores sheets have the same columns as the CSV files (:mod:`.exports_csv`), with
numbers stored as numbers (scores rounded as the screen and the PDF write them, by the rule of
:mod:`app.base.numbers`, and shown with exactly those decimals),
a frozen header row, an autofilter, fitted column widths, shortlist marks coloured and a rule
under each shortlist cut-off. The Method sheet says how the ranking was made and gives the
agreement figures (overall and per indicator).
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.base.atomic import atomic_write
from app.base.numbers import Kind, number_format, round_score
from app.consolidation.consolidate import Consolidation
from app.consolidation.exports_csv import SCORE_COLUMNS, ranking_header, ranking_rows, score_rows
from app.consolidation.method import agreement_rows, method_items
from app.consolidation.ranking import TIE, YES

HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
YES_FILL = PatternFill("solid", fgColor="DDEFD9")
TIE_FILL = PatternFill("solid", fgColor="FCE4B6")
CUT_BORDER = Border(bottom=Side(style="medium", color="B03A2E"))
SCORE_FORMAT = number_format(Kind.PANEL)
INTEGER_COLUMNS = {"position", "rank", "assessors", "panel_assessors", "missing", "in_conflict", "flagged_indicators",
                   "dimension_position", "indicator_position", "min_level", "max_level", "level"}
FLOAT_COLUMNS = {"dimension_weight", "indicator_weight"}


def _typed(name: str, value: str) -> object:
    if value == "":
        return None
    if name in INTEGER_COLUMNS:
        return int(value)
    if name == "panel_score" or name.endswith("_score"):
        return round_score(float(value), Kind.PANEL)
    if name in FLOAT_COLUMNS:
        return float(value)
    return value


def _fill_sheet(sheet: Worksheet, header: list[str] | tuple[str, ...], rows) -> int:
    sheet.append(list(header))
    count = 0
    for row in rows:
        sheet.append([_typed(name, value) for name, value in zip(header, row, strict=True)])
        count += 1
    for cell in sheet[1]:
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"
    for index, name in enumerate(header, start=1):
        letter = get_column_letter(index)
        if name == "panel_score" or name.endswith("_score"):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = SCORE_FORMAT
        longest = max([len(name)] + [len(str(c.value)) for (c,) in sheet.iter_rows(
            min_row=2, max_row=min(count + 1, 400), min_col=index, max_col=index) if c.value is not None])
        sheet.column_dimensions[letter].width = min(max(8, longest + 2), 42)
    return count


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def workbook(c: Consolidation, lang: str = "en") -> Workbook:
    book = Workbook()
    ranking = book.worksheets[0]  # a new workbook's one (active) sheet
    ranking.title = "Ranking"
    header = ranking_header(c)
    _fill_sheet(ranking, header, ranking_rows(c))
    marks = [header.index(f"shortlist_{size}") + 1 for size in c.shortlist_sizes]
    for row_index in range(2, len(c.ranking) + 2):
        for column in marks:
            cell = ranking.cell(row=row_index, column=column)
            cell.fill = YES_FILL if cell.value == YES else TIE_FILL if cell.value == TIE else PatternFill()
    for cut in c.cuts:  # a rule under the Nth place; a tie across it is marked "tie" in amber
        row = min(cut.size, cut.ranked) + 1
        if 1 < row <= len(c.ranking) + 1:
            for cell in ranking[row]:
                cell.border = CUT_BORDER

    scores = book.create_sheet("Scores")
    _fill_sheet(scores, SCORE_COLUMNS, score_rows(c))

    method = book.create_sheet("Method")
    method.column_dimensions["A"].width = 34
    method.column_dimensions["B"].width = 110
    method.column_dimensions["C"].width = 60
    method.column_dimensions["D"].width = 14
    method.column_dimensions["E"].width = 14
    method.append(["Ranking method" if lang != "id" else "Metode pemeringkatan"])
    method["A1"].font = Font(bold=True, size=14)
    for heading, text in method_items(c, lang):
        method.append([heading, text])
        row = method.max_row
        method.cell(row=row, column=1).font = Font(bold=True)
        method.cell(row=row, column=1).alignment = Alignment(vertical="top")
        method.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        method.row_dimensions[row].height = 15 * max(1, len(text) // 100 + 1)
    method.append([])
    method.append(["Agreement" if lang != "id" else "Kesepakatan", "", ""])
    method.cell(row=method.max_row, column=1).font = Font(bold=True, size=12)
    for figure, value, detail in agreement_rows(c, lang):
        method.append([figure, value, detail])
    method.append([])
    method.append(["indicator", "Krippendorff's alpha (ordinal)", "pairable regions", "Gwet's AC1",
                   "Gwet's AC2 (ordinal weights)"])
    for cell in method[method.max_row]:
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
    for indicator in c.agreement.indicators:
        method.append([indicator.code, _rounded(indicator.alpha), indicator.units, _rounded(indicator.ac1),
                       _rounded(indicator.ac2)])
        for column in (2, 4, 5):
            method.cell(row=method.max_row, column=column).number_format = "0.000"
            method.cell(row=method.max_row, column=column).alignment = Alignment(horizontal="left")
    for (cell,) in method.iter_rows(min_col=2, max_col=2):
        if cell.alignment.horizontal is None:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.properties.title = f"{c.round.name} — ranking"
    book.properties.creator = "Nilai"
    return book


def ranking_xlsx(c: Consolidation, lang: str = "en") -> bytes:
    buffer = io.BytesIO()
    workbook(c, lang).save(buffer)
    return buffer.getvalue()


def write_ranking_xlsx(c: Consolidation, path: str | Path, lang: str = "en") -> Path:
    atomic_write(path, ranking_xlsx(c, lang))
    return Path(path)
