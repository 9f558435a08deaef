"""The round-setup schedule grid reads evenly: every row of a day one height, tall enough for two lines of
a wrapped region name and no taller, at the scale of all 514 regencies and cities (8 panels, 5 days)."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt

from app.regions import regions
from app.rounds import setup
from app.rounds.planning import store_io
from app.rounds.setup import ScheduleLayout
from app.ui.widgets.even_rows import PADDING

SHOTS = os.environ.get("NILAI_SCREENSHOTS")  # a folder: save the screenshot there to look at


def open_all_regions(qtbot, store, data_dir, runner, lang: str):
    """The round-setup workspace on step 4 of a round of all 514 regions, generated: (workspace, page)."""
    from app.ui.coordinator.services import CoordinatorServices
    from app.ui.setup.workspace import SetupWorkspace

    round_id = setup.new_round(store, name="Semua 514", instrument_id="smart-city-readiness-2018")
    setup.add_candidates(store, round_id, [r.code for r in regions()])
    for number in range(16):
        setup.add_assessor(store, round_id, name=f"Penilai {number + 1:02d}")
    days = tuple(date(2026, 3, 2) + timedelta(days=i) for i in range(5))
    setup.save_schedule_layout(store, round_id, ScheduleLayout(days=days, panels=8, panel_size=2))
    workspace = SetupWorkspace(CoordinatorServices(store, runner, data_dir, lang))
    qtbot.addWidget(workspace)
    workspace.resize(1366, 768)
    workspace.show()
    workspace.set_round(round_id)
    workspace.show_step(3)
    page = workspace.schedule_page
    page.generate()
    assert len(store_io.round_slots(store, round_id)) == 514
    return workspace, page


@pytest.fixture
def all_regions_page(qtbot, store, data_dir, runner, english):
    return open_all_regions(qtbot, store, data_dir, runner, "en")


def heights(page) -> list[int]:
    return [page.grid.rowHeight(row) for row in range(page.model.rowCount())]


def lines_needed(page, row: int, column: int) -> int:
    """How many lines the cell's text takes wrapped at its column's width."""
    text = page.model.index(row, column).data() or ""
    width = page.grid.columnWidth(column) - 8  # the delegate's margins
    box = page.grid.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
    return max(1, round(box.height() / page.grid.fontMetrics().lineSpacing()))


def test_every_row_of_every_day_has_one_height_of_at_most_two_lines(qtbot, all_regions_page) -> None:
    workspace, page = all_regions_page
    line = page.grid.fontMetrics().lineSpacing()
    for width in (1366, 1024):  # narrower columns wrap more names: the rows stay even
        workspace.resize(width, 768)
        for day in range(page.day_tabs.count()):
            page.day_tabs.setCurrentIndex(day)
            qtbot.wait(5)  # the rows are measured again once the resizing stops
            shown = heights(page)
            assert len(set(shown)) == 1, f"day {day + 1} at {width} px: rows of {sorted(set(shown))} px"
            assert line + PADDING <= shown[0] <= 2 * line + PADDING
            most = max(lines_needed(page, r, c) for r in range(page.model.rowCount())
                       for c in range(page.model.columnCount()))
            assert shown[0] >= min(most, 2) * line  # a name that wraps onto two lines is shown whole


def test_a_regency_is_shown_as_kab_and_read_out_whole(all_regions_page) -> None:
    _workspace, page = all_regions_page
    model = page.model
    cells = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    regency = next(i for i in cells if (i.data(Qt.ItemDataRole.AccessibleTextRole) or "").startswith("Kabupaten "))
    assert regency.data() == regency.data(Qt.ItemDataRole.AccessibleTextRole).replace("Kabupaten ", "Kab. ")
    assert regency.data(Qt.ItemDataRole.ToolTipRole).startswith(regency.data(Qt.ItemDataRole.AccessibleTextRole))


def test_a_wrapped_name_makes_every_row_taller_not_only_its_own(qtbot) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from app.ui.widgets.even_rows import EvenRows

    model = QStandardItemModel(4, 2)
    for row in range(4):
        for column in range(2):
            model.setItem(row, column, QStandardItem(f"Kota {row}{column}"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)
    view.setColumnWidth(0, 120)
    view.setColumnWidth(1, 120)
    view.show()
    rows = EvenRows(view, max_lines=2)
    line = view.fontMetrics().lineSpacing()
    assert {view.rowHeight(r) for r in range(4)} == {line + PADDING}  # short names: one line each
    model.setItem(2, 1, QStandardItem("Kabupaten Kepulauan Siau"))  # wraps onto two lines at 120 px
    qtbot.wait(5)
    assert {view.rowHeight(r) for r in range(4)} == {rows.fit()} and rows.fit() > line + PADDING
    assert rows.fit() <= 2 * line + PADDING
    model.setItem(2, 1, QStandardItem("Kabupaten Kepulauan Siau Tagulandang Biaro dan sekitarnya"))  # 3+ lines
    qtbot.wait(5)
    assert {view.rowHeight(r) for r in range(4)} == {2 * line + PADDING}  # at most two: the rest is cut with "…"
    model.setItem(2, 1, QStandardItem("Kota 21"))
    qtbot.wait(5)
    assert {view.rowHeight(r) for r in range(4)} == {line + PADDING}  # and back when the long name goes


@pytest.mark.skipif(not SHOTS, reason="set NILAI_SCREENSHOTS=<folder> to take the screenshot")
@pytest.mark.parametrize("lang", ["id", "en"])
def test_screenshot_of_the_grid_at_514_candidates(qtbot, store, data_dir, runner, lang) -> None:
    from app.ui import i18n

    i18n.install(lang)
    try:
        workspace, page = open_all_regions(qtbot, store, data_dir, runner, lang)
        qtbot.wait(5)
        assert len(set(heights(page))) == 1
        workspace.grab().save(str(Path(SHOTS) / f"setup-schedule-514-{lang}.png"))
    finally:
        i18n.uninstall()
