"""The signed sheet says what the screen said: every total and subtotal of the demo round, in both
languages, as the real widgets show it (offscreen), as the rendered sheet and ranking PDF print it,
and as the CSV and XLSX exports hold it.

The oracle is a person rounding by hand: the CSV's 6-decimal text, or the score's decimal value,
rounded half away from zero (``Decimal.quantize`` with ``ROUND_HALF_UP``), never the program's own
formatter. The demo round has dozens of values that sit exactly on a half (38.125, 56.25, ...),
where Qt's and Python's formatting used to disagree.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from app.consolidation import consolidate
from app.consolidation.exports_csv import ranking_csv
from app.consolidation.exports_xlsx import ranking_xlsx
from app.consolidation.report_pdf import render_report
from app.models.tables import Assessment
from app.rounds.demo import build_demo
from app.sheets.render import render_sheet
from app.sheets.text import label
from app.store import open_store

pytestmark = pytest.mark.slow


def by_hand(value: float | str | None, decimals: int, lang: str) -> str:
    """What a person writes: the decimal value (first to the compared 6 places), half away from zero."""
    if value is None:
        return "–"
    exact = Decimal(value if isinstance(value, str) else repr(value)).quantize(Decimal("0.000001"), ROUND_HALF_UP)
    text = f"{exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP):f}"
    return text.replace(".", ",") if lang == "id" else text


def is_half(value: float | None, decimals: int) -> bool:
    """The value sits exactly halfway between two written values (where formatters disagree)."""
    if value is None:
        return False
    shifted = Decimal(repr(value)).quantize(Decimal("0.000001"), ROUND_HALF_UP).scaleb(decimals + 1)
    return shifted == shifted.to_integral() and int(shifted) % 10 == 5


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    store = open_store(tmp_path_factory.mktemp("demo"))
    build_demo(store, regions_count=116, assessors_count=6)
    yield store
    store.close()


@pytest.fixture(params=["id", "en"])
def lang(request: pytest.FixtureRequest, qapp) -> Iterator[str]:
    """The interface in one language; afterwards the translators and locale are as they were."""
    from PySide6.QtCore import QLocale

    from app.ui import i18n

    locale = QLocale()
    i18n.install(request.param)
    yield request.param
    i18n.uninstall()
    QLocale.setDefault(locale)


def _layout_text(pdf: bytes, folder: Path, name: str) -> list[str]:
    path = folder / name
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout.splitlines()


def _sheet_figures(lines: list[str], lang: str) -> tuple[dict[str, set[str]], str]:
    """Every subtotal the sheet prints per dimension (headings and summary table), and the total."""
    subtotals: dict[str, set[str]] = {}
    heading = re.compile(rf"\d+\. .*\((\w+)\)\s+{label('weight', lang)} \S+% · {label('subtotal', lang)} (\S+) / 100")
    summary_row = re.compile(r"^\s*\S.*\((\w+)\)\s+[\d,.]+%\s+\d+/\d+\s+(\S+)")
    total_row = re.compile(rf"^\s*{label('weighted_total', lang)}\s+\d+/\d+\s+(\S+)")
    total = None
    for line in lines:
        if m := heading.search(line) or summary_row.search(line):
            subtotals.setdefault(m[1], set()).add(m[2])
        elif m := total_row.search(line):
            total = m[1]
    assert total is not None, "the sheet prints a weighted total"
    return subtotals, total


def test_every_assessment_reads_the_same_on_screen_in_the_dialog_and_on_its_sheet(
        qtbot, demo_store, lang: str, tmp_path: Path, data_dir: Path) -> None:
    from app.ui.interview.actions import InterviewActions
    from app.ui.interview.finalize_dialog import FinalizeDialog
    from app.ui.interview.view import InterviewView
    from app.ui.state import UiState
    from app.ui.tasks import InlineExecutor, TaskRunner

    runner = TaskRunner(InlineExecutor())
    holder = InterviewActions(None)
    view = InterviewView(demo_store, runner, "Koordinator", UiState(data_dir), holder, lang)
    qtbot.addWidget(view)
    with demo_store.transaction() as session:
        versions = [a.version_id for a in session.exec(select(Assessment).order_by(Assessment.version_id))]
    assert len(versions) == 220
    halves = figures = 0
    for version_id in versions:
        view.open(version_id)
        snap = view.session.snapshot
        assert snap is not None and snap.version_id == version_id
        summary = snap.summary
        screen_total = view.summary.total.text()
        assert screen_total == by_hand(summary.total, 1, lang)
        screen = {d.code: view.summary._rows[d.code][1].text() for d in summary.dimensions}
        assert screen == {d.code: by_hand(d.score, 1, lang) for d in summary.dimensions}
        dialog = FinalizeDialog(snap.region.name, [], snap.instrument, lang, summary)
        assert f": {screen_total}." in dialog.heading.text()
        dialog.deleteLater()
        subtotals, sheet_total = _sheet_figures(_layout_text(render_sheet(snap, lang), tmp_path, "sheet.pdf"), lang)
        assert sheet_total == screen_total, version_id
        for code, text in screen.items():
            if text != "–":
                assert subtotals[code] == {text}, (version_id, code)
        figures += 1 + len(screen)
        halves += sum(is_half(v, 1) for v in (summary.total, *(d.score for d in summary.dimensions)))
    view.close_assessment()
    runner.shutdown()
    assert figures == 220 * 5 and halves >= 20  # the demo round does reach the rounding halves


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_every_panel_score_reads_the_same_on_screen_in_the_pdf_and_in_the_exports(
        qtbot, demo_store, lang: str, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from app.ui.coordinator.ranking_model import SCORE, RankingModel

    c = consolidate(demo_store)
    dims = [d.code for d in c.instrument.dimensions]
    columns = ["panel_score", *(f"{code}_score" for code in dims)]
    exported = {row["region_code"]: row for row in _csv_rows(ranking_csv(c))}
    sheet = load_workbook(io.BytesIO(ranking_xlsx(c, lang)))["Ranking"]
    header = [cell.value for cell in sheet[1]]
    cells = {row[header.index("region_code")].value: row for row in sheet.iter_rows(min_row=2)}
    model = RankingModel()
    model.set_consolidation(c)
    report = _layout_text(render_report(c, lang), tmp_path, "ranking.pdf")
    number = re.compile(r"(?<![\d.,])\d+[.,]\d\d(?![\d.,])")
    halves = 0
    for row in range(model.rowCount()):
        code = model.ranked(row).region.code
        texts = [model.data(model.index(row, SCORE), Qt.ItemDataRole.DisplayRole),
                 *(model.data(model.index(row, model.dimension_column(d)), Qt.ItemDataRole.DisplayRole) for d in dims)]
        # the CSV carries the compared precision; rounded by hand it is what the screen shows
        assert texts == [by_hand(exported[code][column] or None, 2, lang) for column in columns], code
        # the XLSX cell holds that very number, shown with two decimals
        for column, text in zip(columns, texts, strict=True):
            cell = cells[code][header.index(column)]
            assert cell.number_format == "0.00"
            assert (cell.value is None and text == "–") or by_hand(repr(cell.value), 2, lang) == text, (code, column)
        # the ranking PDF prints the same figures on the region's line of the ranking table
        if texts[0] != "–":
            line = next(line for line in report
                        if re.search(rf"\b{code}\b", line) and len(number.findall(line)) >= len(texts))
            assert number.findall(line)[: len(texts)] == texts, (code, line)
        r = model.ranked(row)
        halves += sum(is_half(v, 2) for v in (r.total, *(d.score for d in r.dimensions)))
    assert model.rowCount() == 116 and halves >= 20
