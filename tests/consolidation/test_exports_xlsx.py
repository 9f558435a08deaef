"""XLSX export: the same data as the CSVs, plus a method sheet; frozen header, filter, formats, widths."""

from __future__ import annotations

import csv
import io
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl import load_workbook

from app.consolidation import consolidate
from app.consolidation.exports_csv import ranking_csv, scores_csv
from app.consolidation.exports_xlsx import write_ranking_xlsx
from tests.consolidation.test_exports_csv import build_round


def _csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_sheets_match_the_csvs(any_store, tmp_path: Path) -> None:
    build_round(any_store)
    result = consolidate(any_store)
    path = write_ranking_xlsx(result, tmp_path / "ranking.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Ranking", "Scores", "Method"]
    for name, expected in (("Ranking", _csv(ranking_csv(result))), ("Scores", _csv(scores_csv(result)))):
        sheet = book[name]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        assert rows[0] == expected[0]
        assert len(rows) == len(expected)
        header = expected[0]
        for got, want in zip(rows[1:], expected[1:], strict=True):
            for column, g, w in zip(header, got, want, strict=True):
                if column.endswith("_score") and w:  # the CSV's score rounded by hand to what the screen shows
                    assert g == float(Decimal(w).quantize(Decimal("0.01"), ROUND_HALF_UP)), (column, g, w)
                elif isinstance(g, (int, float)) and "." in w:  # a weight; 100.0 reads back as 100
                    assert abs(g - float(w)) < 1e-9, (column, g, w)
                else:
                    assert ("" if g is None else str(g)) == w, (column, g, w)
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(row=1, column=len(header)).column_letter}{len(expected)}"
        assert all(sheet.column_dimensions[c.column_letter].width >= 8 for c in sheet[1])
    ranking = book["Ranking"]
    header = [c.value for c in ranking[1]]
    score_col = header.index("panel_score") + 1
    assert ranking.cell(row=2, column=score_col).number_format == "0.00"
    assert isinstance(ranking.cell(row=2, column=score_col).value, float)
    assert isinstance(ranking.cell(row=2, column=header.index("rank") + 1).value, int)
    # a rule under place 3 (the shortlist of 3), and the straddling tie in amber
    assert ranking.cell(row=4, column=1).border.bottom.style == "medium"
    tie_cell = ranking.cell(row=3, column=header.index("shortlist_3") + 1)
    assert tie_cell.value == "tie" and tie_cell.fill.fgColor.rgb.endswith("FCE4B6")
    method = book["Method"]
    texts = [str(c.value) for row in method.iter_rows() for c in row if c.value is not None]
    assert any("Aggregation rule: mean" in t for t in texts)
    assert any("Krippendorff" in t for t in texts) and any(t.startswith("ICC(1,1)") for t in texts)
    assert "S1" in texts and "P1" in texts  # per-indicator alphas


def test_method_sheet_in_indonesian(any_store, tmp_path: Path) -> None:
    build_round(any_store)
    book = load_workbook(write_ranking_xlsx(consolidate(any_store, rule="median"), tmp_path / "r.xlsx", lang="id"))
    texts = [str(c.value) for row in book["Method"].iter_rows() for c in row if c.value is not None]
    assert "Metode pemeringkatan" in texts and any("Aturan agregasi: median" in t for t in texts)
