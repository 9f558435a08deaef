"""The coordinator menu and window, work on a real background thread, and the view in Bahasa Indonesia."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow

from tests.consolidation.builders import RoundBuilder, three_dimensions

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def small_round(store) -> RoundBuilder:
    builder = RoundBuilder(store, three_dimensions(), ["3325", "3671", "6303"], sizes=(2, 1))
    builder.panel("Panel A", ["3325", "3671", "6303"], ["Ani", "Budi"])
    for region, levels in {"3325": (2, 4), "3671": (4, 4), "6303": (1, 3)}.items():
        for assessor, level in zip(("Ani", "Budi"), levels, strict=True):
            builder.assess_all(region, assessor, level)
    return builder


def test_the_coordinator_menu_opens_one_window_with_shortcuts(qtbot, store, data_dir, runner, english,
                                                              small_round) -> None:
    from app.ui.coordinator.actions import install
    from app.ui.coordinator.services import CoordinatorServices

    main = QMainWindow()
    qtbot.addWidget(main)
    actions = install(main, main.menuBar(), CoordinatorServices(store, runner, data_dir, "en"))
    menu = main.menuBar().actions()[-1]
    assert menu.text() == "&Coordinator"
    texts = [a.text() for a in menu.menu().actions() if not a.isSeparator()]
    assert texts[0] == "&Coordinator view…" and "Export round &package for assessors…" in texts
    assert actions.open.shortcut().toString() == "Ctrl+Shift+O"
    assert actions.import_bundles.shortcut().toString() == "Ctrl+Shift+B"
    assert actions.open in main.actions()  # shortcuts work while the menu is closed
    actions.open.trigger()
    window = actions.coordinator
    qtbot.addWidget(window)
    assert window.isVisible() and window.view.session.consolidation is not None
    assert window.view.ranking_tab.model.rowCount() == 3
    window.close()
    assert not window.isVisible()
    actions.open.trigger()
    assert actions.coordinator is window and window.isVisible()
    window.hide()


def test_work_runs_on_a_background_thread_and_comes_back_by_signal(qtbot, store, data_dir, english,
                                                                  small_round) -> None:
    from app.ui.coordinator.view import CoordinatorView
    from app.ui.tasks import TaskRunner

    runner = TaskRunner()  # the program's own: one worker thread
    try:
        view = CoordinatorView(store, runner, data_dir, "en", actor="Koordinator")
        qtbot.addWidget(view)
        view.show()
        view.start()
        qtbot.waitUntil(lambda: view.session.consolidation is not None, timeout=10000)
        assert [view.ranking_tab.model.ranked(r).region.code for r in range(3)] == ["3671", "3325", "6303"]
        with qtbot.waitSignal(view.session.consolidated, timeout=10000):
            view.ranking_tab.rule.setCurrentIndex(1)
            view.ranking_tab.rule.activated.emit(1)
        assert view.session.consolidation.rule.value == "median"
        view.detail_tab.show_region("3325")
        qtbot.waitUntil(lambda: view.detail_tab.model.rowCount() == 5, timeout=10000)
        view.detail_tab.select_indicator("S1")
        panel = view.detail_tab.moderation
        panel.level.setCurrentIndex(panel.level.findData(1))  # not the level in force: that is refused
        panel.reason.setText("rapat pleno")
        with qtbot.waitSignal(view.session.consolidated, timeout=10000):
            view.detail_tab.moderation.set_button.click()
        qtbot.waitUntil(lambda: view.detail_tab.moderation.history_model.rowCount() == 1, timeout=10000)
    finally:
        runner.shutdown()


def test_the_view_speaks_indonesian(qtbot, store, data_dir, runner, english, small_round) -> None:
    from app.ui import i18n
    from app.ui.coordinator.view import CoordinatorView

    i18n.install("id")
    view = CoordinatorView(store, runner, data_dir, "id", actor="Koordinator")
    qtbot.addWidget(view)
    view.start()
    assert view.tabs.tabText(2) != "R&anking"
    assert view.ranking_tab.model.headerData(4, Qt.Orientation.Horizontal) \
        != "Panel score"
    # a string answered by the fallback file, and one of the main catalogue still answered by it
    assert QCoreApplication.translate("CoverageModel", "Missing") == "Belum ada"
    assert QCoreApplication.translate("MainWindow", "&File") == "&Berkas"
    i18n.install("en")
    assert QCoreApplication.translate("CoverageModel", "Missing") == "Missing"


def test_every_coordinator_string_has_an_indonesian_translation(tmp_path: Path) -> None:
    """In the main catalogue, or (until it is merged there) in resources/i18n/coordinator_id.txt."""
    from app.ui.coordinator.i18n import CONTEXTS, read_catalogue

    lupdate = shutil.which("pyside6-lupdate", path=str(ROOT / ".venv" / "bin"))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    sources = sorted(str(p) for pattern in ("coordinator/*.py", "charts/*.py") for p in (ROOT / "app" / "ui").glob(pattern))
    assert sources, "the coordinator's modules moved: point this test at them"
    ts = tmp_path / "coordinator.ts"
    subprocess.run([lupdate, "-locations", "none", *sources, "-ts", str(ts)], check=True, capture_output=True)
    catalogue = {}
    for path in (ts, ROOT / "resources" / "i18n" / "nilai_id.ts"):
        for context in ET.parse(path).getroot().iter("context"):
            for message in context.iter("message"):
                translation = message.find("translation")
                done = translation.get("type") not in ("unfinished", "vanished", "obsolete") and (translation.text or
                                                                                                   translation.findall("numerusform"))
                if path != ts and done:
                    catalogue[(context.findtext("name"), message.findtext("source"))] = True
    fallback = read_catalogue()
    code = [(context.findtext("name"), message.findtext("source"))
            for context in ET.parse(ts).getroot().iter("context") for message in context.iter("message")]
    # the fallback file answers only for the contexts its translator serves
    untranslated = [key for key in code if key not in catalogue and not (key[0] in CONTEXTS and key[1] in fallback)]
    assert untranslated == []


def test_merge_into_ts_fills_only_the_coordinator_entries(tmp_path: Path) -> None:
    from app.ui.coordinator.i18n import merge_into_ts

    ts = tmp_path / "x.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="id_ID">'
                  '<context><name>CoverageModel</name><message><source>Missing</source>'
                  '<translation type="unfinished"></translation></message></context>'
                  '<context><name>MainWindow</name><message><source>Missing</source>'
                  '<translation type="unfinished"></translation></message></context></TS>', encoding="utf-8")
    assert merge_into_ts(ts, {"Missing": "Belum ada"}) == 1
    root = ET.parse(ts).getroot()
    done = {c.findtext("name"): c.find("message/translation") for c in root.iter("context")}
    assert done["CoverageModel"].text == "Belum ada" and done["CoverageModel"].get("type") is None
    assert done["MainWindow"].get("type") == "unfinished"
