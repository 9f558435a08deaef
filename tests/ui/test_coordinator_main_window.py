"""The coordinator window beside the main window: imports refresh the assessor's schedule, and a language
switch brings the coordinator window back as it was. A demo coordinator store whose profile is one of the
assessors (the fixtures of test_coordinator_import); real bundles, real windows, an inline task runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.ui.test_coordinator_import import bundles, trust_all  # noqa: F401 - fixture


@pytest.fixture
def coordinator_dir(tmp_path: Path, bundles) -> Path:  # noqa: F811
    data = tmp_path / "coordinator"
    shutil.copytree(bundles.coordinator, data)
    return data


def statuses(window) -> list[str]:
    return sorted({entry.status for entry in window.schedule.model.entries()})


def own_bundle(store, bundles) -> Path:  # noqa: F811
    """The bundle of the assessor this store's profile names (the coordinator also scores)."""
    from app.identity import load_identity
    from app.store import settings

    name = settings.profile(store).name
    return next(b for b, d in zip(bundles.first, bundles.assessors, strict=True) if load_identity(d).name == name)


def test_importing_bundles_refreshes_the_schedule_of_the_main_window(qtbot, runner, ui_state, english,
                                                                     coordinator_dir, bundles) -> None:  # noqa: F811
    from app.store import open_store, settings
    from app.ui.mainwindow.window import MainWindow

    store = open_store(coordinator_dir)
    try:
        window = MainWindow(store, runner, settings.profile(store), "en", ui_state)
        qtbot.addWidget(window)
        window.start()
        assert statuses(window) == ["not_started"]
        view = window.menus.coordinator_actions.show_view()
        qtbot.addWidget(view.window())
        trust_all(view, bundles)
        view.import_tab.import_paths([own_bundle(store, bundles)])
        assert statuses(window) == ["final"]  # without waiting for a restart or a language switch
        view.window().hide()
    finally:
        store.close()


def test_a_language_switch_keeps_the_coordinator_windows_tab_region_and_filters(qtbot, english, coordinator_dir,
                                                                                bundles) -> None:  # noqa: F811
    from app.bundles.trust import trust_certificate
    from app.store import open_store
    from app.ui.application import Started, start
    from tests.ui.test_main_window import args_for

    store = open_store(coordinator_dir)
    for cert in sorted(bundles.certs.iterdir()):
        trust_certificate(store, cert)
    store.close()
    started = start(args_for(coordinator_dir, lang="en"))
    assert isinstance(started, Started)
    try:
        window = started.shell.window
        view = window.menus.coordinator_actions.show_view()
        view.import_tab.import_paths(bundles.first)
        qtbot.waitUntil(lambda: view.session.consolidation is not None and view.ranking_tab.model.rowCount() == 4)
        region = view.session.consolidation.ranking[-1].region.code
        view.open_region(region)
        view.ranking_tab.search.setText(region[:2])
        view.coverage_tab.search.setText("Kab")
        view.coverage_tab.incomplete.setChecked(True)
        view.tabs.setCurrentWidget(view.coverage_tab)

        window.set_language("id")
        rebuilt = started.shell.window
        assert rebuilt is not window
        again = rebuilt.menus.coordinator_actions.coordinator
        assert again is not None and again.isVisible()
        view = again.view
        assert view.tabs.currentWidget() is view.coverage_tab
        assert view.tabs.tabText(view.tabs.indexOf(view.ranking_tab)) != "R&anking"  # in Indonesian now
        assert (view.ranking_tab.search.text(), view.coverage_tab.search.text()) == (region[:2], "Kab")
        assert view.coverage_tab.incomplete.isChecked()
        qtbot.waitUntil(lambda: view.detail_tab.region_code == region and view.detail_tab.model.rowCount() > 0)
        assert view.detail_tab.region.currentData() == region
    finally:
        started.stop()
