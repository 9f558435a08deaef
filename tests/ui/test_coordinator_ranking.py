"""Ranking, region detail, moderation, charts and exports of the coordinator view, driven with qtbot on
a round with hand-chosen levels (the task runner runs work inline).

Three assessors score three regions on every indicator (levels 1-5):
3325 gets 1, 5, 5 (mean 3.67, median 5), 3671 gets 4, 4, 4, 6303 gets 2, 2, 3. Under the mean
3671 leads; under the median (and the trimmed mean) 3325 does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPalette

from tests.consolidation.builders import RoundBuilder, three_dimensions

ACTOR = "Koordinator Uji <197501012000031001>"
PASSPHRASE = "kata sandi koordinator 2018"
LEVELS = {"3325": (1, 5, 5), "3671": (4, 4, 4), "6303": (2, 2, 3)}


@pytest.fixture
def crafted(store) -> RoundBuilder:
    builder = RoundBuilder(store, three_dimensions(), list(LEVELS), sizes=(2, 1))
    builder.panel("Panel A", list(LEVELS), ["Ani", "Budi", "Citra"])
    for region, levels in LEVELS.items():
        for assessor, level in zip(("Ani", "Budi", "Citra"), levels, strict=True):
            builder.assess_all(region, assessor, level)
    return builder


@pytest.fixture
def saved() -> list[Path]:
    """Where the (injected) save dialog says to write, next time it is asked."""
    return []


@pytest.fixture
def view(qtbot, store, data_dir, runner, english, crafted, saved):
    from app.identity import unlock
    from app.ui.coordinator.view import CoordinatorView

    def pick_save(_parent, _title, suggested, _filter):
        return saved.pop(0) if saved else None

    widget = CoordinatorView(store, runner, data_dir, "en", actor=ACTOR, pick_save=pick_save,
                             ask_passphrase=lambda _parent, directory, _purpose: unlock(directory, PASSPHRASE))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.start()
    return widget


def order(view) -> list[str]:
    model = view.ranking_tab.model
    return [model.ranked(row).region.code for row in range(model.rowCount())]


def test_changing_the_aggregation_rule_recomputes_the_ranking(qtbot, view) -> None:
    tab = view.ranking_tab
    view.tabs.setCurrentWidget(tab)
    assert view.session.consolidation.rule.value == "mean"
    assert order(view) == ["3671", "3325", "6303"]
    assert "rule: Mean" in tab.agreement.text()
    tab.rule.setFocus()
    qtbot.keyClick(tab.rule, Qt.Key.Key_Down)  # mean -> median
    assert tab.rule.currentData() == "median"
    assert view.session.consolidation.rule.value == "median"
    assert order(view) == ["3325", "3671", "6303"]
    assert tab.model.index(0, 4).data() == "100.00"  # panel score of 3325 under the median
    assert "rule: Median" in tab.agreement.text()
    qtbot.keyClick(tab.rule, Qt.Key.Key_Down)  # trimmed mean: with three levels, the middle one
    assert view.session.consolidation.rule.value == "trimmed_mean"
    assert order(view) == ["3325", "3671", "6303"]
    # the shortlist columns and the cut-off lines follow the new order
    top1 = tab.model.shortlist_column(1)
    assert [tab.model.index(row, top1).data() for row in range(3)] == ["✓", "", ""]
    assert tab.table.cut_rows() == {0: [1], 1: [0]}
    tab.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by region name: no cut-off lines
    assert tab.table.cut_rows() == {}


def test_filtering_and_opening_a_region_from_the_ranking(qtbot, view) -> None:
    tab = view.ranking_tab
    view.tabs.setCurrentWidget(tab)
    qtbot.keyClicks(tab.search, "tangerang")
    assert tab.proxy.rowCount() == 1
    index = tab.proxy.index(0, 2)
    assert index.data() == "Kota Tangerang"
    tab.table.doubleClicked.emit(index)
    assert view.tabs.currentWidget() is view.detail_tab
    assert view.detail_tab.region_code == "3671"
    assert view.detail_tab.model.detail().region.code == "3671"
    assert view.charts_tab.radar.axes()[0][1] == 75.0  # the radar follows the region on screen


def test_region_detail_shows_each_assessors_level_note_and_evidence(qtbot, view, store, crafted) -> None:
    from sqlmodel import select

    from app.models.tables import Assessment, Evidence, Score

    detail = view.detail_tab
    detail.show_region("3325")
    model = detail.model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Ani"  # tab closed: the severities are not fitted
    assert view.session.view.severity is None
    view.tabs.setCurrentWidget(detail)  # the tab opens: fitted, and shown under each name
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(1, 4)]
    assert [h.split("\n")[0] for h in headers] == ["Ani", "Budi", "Citra"]  # under each name: their severity
    assert "⚠ erratic" in headers[0]  # Ani's 1 where the others give 5: the model cannot explain it
    row = model.row_of("S1")
    assert [model.index(row, c).data() for c in range(1, 4)] == ["1", "5", "5"]
    assert model.index(row, model.combined_column).data() == "3.67"
    assert model.index(row, model.spread_column).data() == "⚠ 4"
    # a note and an evidence file on Ani's (finalized) assessment reach the detail; written to the tables
    # directly, as an imported bundle would have brought them
    with store.transaction() as session:
        version = session.exec(select(Assessment.version_id).where(
            Assessment.region_code == "3325", Assessment.assessor_id == crafted.assessor("Ani"))).one()
        score = session.get(Score, (version, "S1"))
        score.note = "Perda belum disahkan"
        session.add(score)
        session.add(Evidence(version_id=version, indicator_code="S1", file_name="notulen-rapat.pdf", sha256="0" * 64,
                             size=10, stored_path="evidence/x"))
    detail.show_region("3325")
    detail.select_indicator("S1")
    assert model.index(row, 1).data() == "1 ✎ ⧉1"
    text = detail.notes.toPlainText()
    assert "Perda belum disahkan" in text and "notulen-rapat.pdf" in text and "Budi" in text


def test_moderating_a_level_needs_a_reason_is_logged_and_recomputes_the_ranking(qtbot, view, store, crafted) -> None:
    from app.consolidation import list_moderations, moderation_history

    detail = view.detail_tab
    view.open_region("3671")
    detail.select_indicator("S1")
    panel = detail.moderation
    assert panel.indicator.code == "S1"
    assert panel.level.itemText(0) == "1 — L1"  # the rubric's labels beside the levels
    assert not panel.set_button.isEnabled()
    panel.level.setCurrentIndex(panel.level.findData(1))
    panel.reason.setFocus()
    qtbot.keyClick(panel.reason, Qt.Key.Key_Return)  # no reason: nothing happens, the reason is asked for
    assert list_moderations(store, crafted.round_id) == []
    assert panel.problem.isVisibleTo(view)
    qtbot.keyClicks(panel.reason, "bukti Perda tidak ditunjukkan")
    assert panel.set_button.isEnabled()
    qtbot.mouseClick(panel.set_button, Qt.MouseButton.LeftButton)

    stored = list_moderations(store, crafted.round_id)
    assert [(m.region_code, m.indicator_code, m.level, m.reason, m.actor) for m in stored] == [
        ("3671", "S1", 1, "bukti Perda tidak ditunjukkan", ACTOR)]
    history = moderation_history(store, crafted.round_id)
    assert [(e.old_level, e.new_level, e.reason) for e in history] == [(None, 1, "bukti Perda tidak ditunjukkan")]
    # recomputed: 3671's Struktur drops (S1 level 1 -> 0 of 100), and 3325 leads under the mean
    assert order(view) == ["3325", "3671", "6303"]
    moderated = view.ranking_tab.model.kind_column("moderated")
    assert view.ranking_tab.model.index(1, moderated).data() == "1"
    assert detail.model.index(detail.model.row_of("S1"), detail.model.in_force_column).data() == "1 (moderated)"
    assert panel.history_model.rowCount() == 1 and panel.reason.text() == ""
    assert "moderated to level 1" in view.status.text()

    # clearing needs a reason too, and is logged
    detail.select_indicator("S1")
    assert panel.clear_button.isEnabled() is False
    qtbot.keyClicks(panel.reason, "salah baca notulen")
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert list_moderations(store, crafted.round_id) == []
    assert [(e.old_level, e.new_level) for e in moderation_history(store, crafted.round_id)] == [(None, 1), (1, None)]
    assert order(view) == ["3671", "3325", "6303"]
    assert panel.history_model.rowCount() == 2


def test_coverage_shows_states_and_filters_incomplete_regions(qtbot, view, crafted) -> None:
    crafted.assess_all("3325", "Dewi", 3, status="draft")  # an assessor not on the panel, still in draft
    view.session.recompute()
    tab = view.coverage_tab
    model = tab.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3, model.columnCount())] == [
        "Ani", "Budi", "Citra", "Dewi"]
    row = next(r for r in range(model.rowCount()) if model.region_coverage(r).region.code == "3325")
    assert model.index(row, 6).data() == "Draft"
    assert model.index(row, 3).data() == "Final"
    assert model.index(row, 2).data() == "3/3"  # Dewi is not on the panel: the region is complete
    crafted.panel("Panel B", ["6303"], ["Eko"])  # seated on a second panel for 6303; nothing arrived
    view.session.recompute()
    eko = next(c for c in range(3, model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Eko")
    row = next(r for r in range(model.rowCount()) if model.region_coverage(r).region.code == "6303")
    assert model.index(row, eko).data() == "Missing" and model.index(row, 2).data() == "3/4"
    tab.incomplete.setChecked(True)
    shown = [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]
    assert shown == [f"6303  {model.region_coverage(r).region.name}" for r in range(model.rowCount())
                     if model.region_coverage(r).region.code == "6303"]
    assert "1 incomplete" in tab.summary.text()


def test_charts_follow_the_consolidation_in_light_and_dark_palettes(qtbot, view) -> None:
    from app.ui.charts.palette import IN_ALL

    charts = view.charts_tab
    assert [r.region.code for r in charts.bars.bars()] == ["3671", "3325", "6303"]
    assert charts.bars.cut_positions() == [2, 1]
    assert sum(charts.histogram.bins()) == 3
    charts.show_region("3325")
    axes = charts.radar.axes()
    assert [label for label, _, _ in axes] == ["STR", "INF", "SUP"]
    assert axes[0][1] == pytest.approx(66.6667, abs=1e-3) and axes[0][2] == pytest.approx(66.6667, abs=1e-3)
    for chart in (charts.bars, charts.radar, charts.histogram):
        for base, text in ((QColor(255, 255, 255), QColor(0, 0, 0)), (QColor(30, 30, 30), QColor(235, 235, 235))):
            palette = QPalette(chart.palette())
            palette.setColor(QPalette.ColorRole.Base, base)
            palette.setColor(QPalette.ColorRole.WindowText, text)
            chart.setPalette(palette)
            image = chart.render_image(QSize(480, 300))
            assert image.pixelColor(2, image.height() - 2) == base
            colours = {image.pixelColor(x, y).rgb() for x in range(0, 480, 3) for y in range(0, 300, 3)}
            assert len(colours) > 5
            if chart is charts.bars:
                assert IN_ALL.rgb() in colours


def test_exports_are_written_off_the_gui_thread_and_said_where(qtbot, view, data_dir, saved, tmp_path) -> None:
    tab = view.ranking_tab
    saved.append(tmp_path / "ranking.csv")
    qtbot.mouseClick(tab.csv_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "ranking.csv").is_file() and (tmp_path / "ranking-scores.csv").is_file()
    assert str(tmp_path / "ranking.csv") in view.status.text()
    assert (tmp_path / "ranking.csv").read_text(encoding="utf-8-sig").splitlines()[1].split(",")[2] == "3671"
    saved.append(tmp_path / "ranking")  # no suffix: one is added
    qtbot.mouseClick(tab.xlsx_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "ranking.xlsx").is_file()
    saved.append(tmp_path / "report.pdf")
    qtbot.mouseClick(tab.pdf_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    # signing needs an identity in the data directory
    tab.sign.setChecked(True)
    saved.append(tmp_path / "signed.pdf")
    qtbot.mouseClick(tab.pdf_button, Qt.MouseButton.LeftButton)
    assert not (tmp_path / "signed.pdf").exists()
    assert "no signing identity" in view.status.text()
    saved.clear()
    qtbot.mouseClick(tab.csv_button, Qt.MouseButton.LeftButton)  # the save dialog cancelled: nothing happens
    assert not list(tmp_path.glob("ranking-mean*"))


def test_signed_report_and_round_package(qtbot, view, data_dir, saved, tmp_path) -> None:
    from app.bundles.round_package import read_package
    from app.identity import create_identity
    from app.sheets.signing import verify_pdf

    create_identity(data_dir, "Koordinator Uji", "197501012000031001", "Kominfo", PASSPHRASE)
    tab = view.ranking_tab
    tab.sign.setChecked(True)
    saved.append(tmp_path / "signed.pdf")
    qtbot.mouseClick(tab.pdf_button, Qt.MouseButton.LeftButton)
    result = verify_pdf((tmp_path / "signed.pdf").read_bytes())
    assert result.valid and result.signer_name == "Koordinator Uji"
    saved.append(tmp_path / "round.nilairound")
    qtbot.mouseClick(view.import_tab.package_button, Qt.MouseButton.LeftButton)
    assert read_package(tmp_path / "round.nilairound") is not None
    assert "Round package version 1 written" in view.status.text()


def test_a_short_panel_is_said_in_words_not_only_in_red(qtbot, view, crafted) -> None:
    from app.ui.coordinator.ranking_model import ASSESSORS

    crafted.panel("Panel B", ["6303"], ["Eko"])  # seated for 6303; nothing arrived from him
    view.session.recompute()
    spoken = Qt.ItemDataRole.AccessibleTextRole
    coverage = view.coverage_tab.model
    row = next(r for r in range(coverage.rowCount()) if coverage.region_coverage(r).region.code == "6303")
    assert coverage.index(row, 2).data() == "3/4" and coverage.index(row, 2).data(spoken) == "3 of 4 assessors, Missing"
    ranking = view.ranking_tab.model
    row = next(r for r in range(ranking.rowCount()) if ranking.ranked(r).region.code == "6303")
    cell = ranking.index(row, ranking.kind_column(ASSESSORS))
    assert cell.data() == "3/4" and cell.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert cell.data(spoken) == "3/4, warning: 1 missing, 0 in conflict"
    other = next(r for r in range(ranking.rowCount()) if ranking.ranked(r).region.code == "3671")
    assert ranking.index(other, ranking.kind_column(ASSESSORS)).data(spoken) == "3"  # nothing to warn of
