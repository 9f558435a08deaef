"""The Calibration section of the coordinator's severity tab: each assessor against the median of all on
the round's calibration case, who sits low and on which indicators; in English and Indonesian."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.consolidation.test_adjusted_rule import CODES, unlinked_round
from tests.consolidation.test_calibration_view import calibrated_round
from tests.ui.test_coordinator_severity import make_view

SHOTS = os.environ.get("NILAI_SCREENSHOTS")  # a folder: save the screenshots there to look at


@pytest.fixture
def saved() -> list[Path]:
    return []


def _rows(panel) -> dict[str, tuple[str, str, str]]:
    table = panel.table
    return {table.item(r, 1).text(): (table.item(r, 2).text(), table.item(r, 3).text(), table.item(r, 4).text())
            for r in range(table.rowCount())}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_calibration_section_names_who_sat_low_and_where(qtbot, store, runner, data_dir, saved, lang) -> None:
    from app.ui import i18n

    i18n.install(lang)
    try:
        calibrated_round(store)
        view = make_view(qtbot, store, runner, data_dir, saved)
        tab = view.severity_tab
        view.tabs.setCurrentWidget(tab)
        panel = tab.calibration
        assert panel.table.isVisible() and not tab.refusal.isVisible()  # the case links the two panels
        rows = _rows(panel)
        assert set(rows) == {"Ani", "Agus", "Xena", "Bayu", "Bela"}
        assert rows["Bayu"] == ("−1,00" if lang == "id" else "−1.00", "", ", ".join(CODES))
        assert rows["Ani"][1:] == ("", "")
        assert [panel.table.item(r, 1).text() for r in range(3, 5)] in (["Bayu", "Bela"], ["Bela", "Bayu"])
        assert ("Kalibrasi" if lang == "id" else "Calibration") in panel.title.text()
        if SHOTS:
            view.resize(1200, 800)
            tab.grab().save(str(Path(SHOTS) / f"calibration-{lang}.png"))
    finally:
        i18n.uninstall()


def test_a_round_without_a_case_says_how_to_add_one(qtbot, store, runner, data_dir, saved, english) -> None:
    unlinked_round(store)
    view = make_view(qtbot, store, runner, data_dir, saved)
    view.tabs.setCurrentWidget(view.severity_tab)
    panel = view.severity_tab.calibration
    assert not panel.table.isVisible() and "nilai round calibration add" in panel.title.text()


def test_the_severity_table_counts_only_real_regions_and_panels(qtbot, store, runner, data_dir, saved,
                                                                 english) -> None:
    from app.rounds.planning.types import CALIBRATION_PANEL
    from app.ui.coordinator.severity_model import PANELS, REGIONS

    b, code = calibrated_round(store)
    b.panel(CALIBRATION_PANEL, [code], ["Ani", "Agus", "Xena", "Bayu", "Bela"])  # the plenary slot
    view = make_view(qtbot, store, runner, data_dir, saved)
    view.tabs.setCurrentWidget(view.severity_tab)
    model = view.severity_tab.model
    rows = {model.data(model.index(r, 0)): (model.data(model.index(r, PANELS)), model.data(model.index(r, REGIONS)))
            for r in range(model.rowCount())}
    assert rows["Bayu"] == ("Panel B", "2") and rows["Ani"] == ("Panel A", "2")  # not CAL, not the case
    assert rows["Xena"] == ("", "0")  # scored only the calibration case
