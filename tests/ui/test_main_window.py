"""Starting, resuming after a crash, the schedule, language and window state: the real main window."""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import assessments
from app.assessments.scoring import Mark
from app.store import settings
from app.ui.mainwindow.window import DEFAULT_SIZE, MainWindow
from tests.ui.conftest import version_of


def args_for(data_dir: Path, lang: str | None = "en") -> argparse.Namespace:
    return argparse.Namespace(data_dir=str(data_dir), database_url=None, lang=lang, quit_after_paint=True)


def test_first_start_asks_for_the_profile_then_shows_the_schedule(qtbot, data_dir, english) -> None:
    from app.store import open_store
    from app.ui.application import Started, start

    filled = []

    def fill_in_profile() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # not up yet
            QTimer.singleShot(50, fill_in_profile)
            return
        filled.append(dialog.windowTitle())
        qtbot.keyClicks(dialog.name, "Dewi Lestari")
        qtbot.keyClicks(dialog.nip, "19800101 200501 2 001")
        qtbot.keyClicks(dialog.organisation, "Institut Teknologi Bandung")
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.accept()
        QTimer.singleShot(50, later)

    def later() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not hasattr(dialog, "later_button"):  # the welcome is not up yet
            QTimer.singleShot(50, later)
            return
        filled.append(dialog.windowTitle())
        dialog.later_button.click()

    QTimer.singleShot(50, fill_in_profile)
    started = start(args_for(data_dir, lang=None))
    assert isinstance(started, Started)
    try:
        assert filled == ["Welcome to Nilai", "Welcome to Nilai"]
        assert started.shell.window.isVisible()
        assert started.shell.window.pages.currentWidget() is started.shell.window.schedule
    finally:
        started.stop()
    store = open_store(data_dir)
    try:
        profile = settings.profile(store)
        assert (profile.name, profile.nip, profile.organisation) == (
            "Dewi Lestari", "198001012005012001", "Institut Teknologi Bandung")
        assert settings.read(store, settings.LANGUAGE) == "en"
    finally:
        store.close()
    # The next start goes straight to the window: no dialog.
    again = start(args_for(data_dir))
    assert isinstance(again, Started)
    again.stop()
    assert len(filled) == 2


def test_cancelling_the_first_start_leaves_without_a_profile(qtbot, data_dir, english) -> None:
    from app.ui.application import start

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, cancel)
            return
        dialog.reject()

    QTimer.singleShot(50, cancel)
    assert start(args_for(data_dir, lang=None)) == 0


def test_an_unreadable_store_is_explained_not_a_traceback(qapp, data_dir, english) -> None:
    from app.ui.application import start

    junk = b"this is not a database" * 100
    (data_dir / "nilai.sqlite3").write_bytes(junk)
    shown = []

    def quit_when_asked() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, quit_when_asked)
            return
        shown.append((box.text(), box.informativeText(), [b.text() for b in box.buttons()]))
        next(b for b in box.buttons() if b.text() == "Quit").click()

    QTimer.singleShot(20, quit_when_asked)
    assert start(args_for(data_dir)) == 1
    heading, body, buttons = shown[0]
    assert heading == "Nilai's data is damaged and cannot be opened." and "There is no sound backup" in body
    assert "Restore this backup" not in buttons  # nothing to offer
    assert (data_dir / "nilai.sqlite3").read_bytes() == junk


def test_after_a_crash_the_open_assessment_comes_back_as_stored(qtbot, interview, store, runner, ui_state,
                                                                 scoring_round) -> None:
    version = version_of(store, scoring_round)
    view = interview.interview
    qtbot.keyClick(view.tree, "4")
    view.go_to("A-2")
    qtbot.keyClick(view.tree, "2")
    # No close, no flush: a second window over the same store is what a restart after a crash sees.
    restarted = MainWindow(store, runner, scoring_round[1], "en", ui_state)
    qtbot.addWidget(restarted)
    restarted.start()
    assert restarted.pages.currentWidget() is restarted.interview
    assert restarted.interview.version_id == version
    assert restarted.interview.current_code == "A-2"  # where the assessor was
    assert restarted.interview.outline.mark("A-1") == Mark(4)
    assert restarted.interview.panel.levels.chosen() == Mark(2)


def test_a_vanished_last_assessment_leaves_the_schedule_open(qtbot, store, runner, ui_state, scoring_round,
                                                              english) -> None:
    settings.write(store, settings.LAST_OPEN, "no-such-version")
    window = MainWindow(store, runner, scoring_round[1], "en", ui_state)
    qtbot.addWidget(window)
    window.start()
    assert window.pages.currentWidget() is window.schedule
    assert settings.read(store, settings.LAST_OPEN) is None


def test_back_to_the_schedule_shows_progress_and_forgets_the_open_assessment(qtbot, interview, store) -> None:
    view = interview.interview
    qtbot.keyClick(view.tree, "4")
    interview.interview_actions.back.trigger()
    assert interview.pages.currentWidget() is interview.schedule
    assert settings.read(store, settings.LAST_OPEN) is None
    entry = interview.schedule.current_entry()
    assert entry.region.code == "3325" and entry.status == "draft" and entry.scored == 1
    assert not interview.interview_actions.levels[0].isEnabled()


def test_schedule_search_then_enter_opens_the_interview(qtbot, main_window) -> None:
    schedule = main_window.schedule
    schedule.search.setFocus()
    qtbot.keyClicks(schedule.search, "batang")
    assert schedule.current_entry().region.code == "3325"
    qtbot.keyClick(schedule.search, "\r")
    assert main_window.pages.currentWidget() is main_window.interview
    assert main_window.windowTitle().startswith("Kabupaten Batang")


def test_language_choice_is_kept_in_the_store(qtbot, main_window, store) -> None:
    language_menu = next(a.menu() for m in main_window.menuBar().actions() for a in m.menu().actions()
                         if a.menu() is not None and a.text() == "&Language")
    indonesian = next(a for a in language_menu.actions() if a.data() == "id")
    with qtbot.waitSignal(main_window.restart_requested):
        indonesian.trigger()
    assert settings.read(store, settings.LANGUAGE) == "id"


def test_window_state_lives_in_the_data_directory(qtbot, store, runner, ui_state, scoring_round, data_dir) -> None:
    window = MainWindow(store, runner, scoring_round[1], "en", ui_state)
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert DEFAULT_SIZE[0] <= 1366 and DEFAULT_SIZE[1] <= 768 - 40  # a common laptop, with its task bar
    assert window.width() == min(DEFAULT_SIZE[0], available.width() - 40)
    assert window.height() == min(DEFAULT_SIZE[1], available.height() - 40)
    window.show()
    qtbot.waitExposed(window)
    window.resize(700, 500)
    window.close()
    assert (data_dir / "ui.ini").exists()
    again = MainWindow(store, runner, scoring_round[1], "en", ui_state)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)


def test_splitter_positions_are_remembered(qtbot, interview, store, runner, ui_state, scoring_round) -> None:
    splitter = interview.interview.splitter
    splitter.setSizes([200, 400, 200])
    state = splitter.saveState()
    interview.close()
    again = MainWindow(store, runner, scoring_round[1], "en", ui_state)
    qtbot.addWidget(again)
    assert again.interview.splitter.saveState() == state


def test_a_finalized_assessment_opens_read_only(qtbot, store, runner, ui_state, scoring_round, english) -> None:
    version = version_of(store, scoring_round)
    actor = "Siti Rahmawati <198001012005012001>"
    for code, level in (("A-1", 4), ("A-2", 3), ("B-1", 2)):
        assessments.set_level(store, version, code, level, actor)
    assessments.finalize(store, version, actor)
    window = MainWindow(store, runner, scoring_round[1], "en", ui_state)
    qtbot.addWidget(window)
    window.open_version(version)
    assert window.interview.read_only
    assert window.interview.banner.text().startswith("This assessment is finalized")
    assert not window.interview_actions.levels[0].isEnabled() and window.interview_actions.reopen.isEnabled()


def test_switching_language_rebuilds_the_window_in_that_language_and_keeps_the_interview(
        qtbot, store, scoring_round, data_dir, english) -> None:
    from app.ui.application import Started, start

    version = version_of(store, scoring_round)
    settings.write(store, settings.LAST_OPEN, version)
    started = start(args_for(data_dir, lang=None))
    assert isinstance(started, Started)
    try:
        window = started.shell.window
        qtbot.waitUntil(lambda: window.interview.current_code is not None)
        window.interview.go_to("A-2")
        window.set_language("id")
        rebuilt = started.shell.window
        assert rebuilt is not window
        assert rebuilt.menuBar().actions()[0].text() == "&Berkas"
        qtbot.waitUntil(lambda: rebuilt.interview.current_code is not None)
        assert rebuilt.interview.version_id == version and rebuilt.interview.current_code == "A-2"
        assert rebuilt.interview.summary.scored.text().endswith("indikator sudah dinilai")
    finally:
        started.stop()


def test_the_first_run_dialog_switches_language_as_it_is_chosen(qtbot, english) -> None:
    from app.ui.mainwindow.first_run_dialog import FirstRunDialog

    dialog = FirstRunDialog("en")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Welcome to Nilai"
    assert not dialog.buttons.buttons()[0].isEnabled()  # a name is required
    dialog.language.setCurrentIndex(dialog.language.findData("id"))
    assert dialog.windowTitle() == "Selamat datang di Nilai"
    assert dialog.labels[0].text() == "&Nama:"
    assert dialog.chosen_language() == "id"


def test_a_change_the_store_refuses_is_reported_and_not_shown_as_saved(qtbot, interview, store, scoring_round,
                                                                       monkeypatch) -> None:
    from app import assessments as core
    from app.store import DiskFull

    def disk_full(*_args, **_kwargs):
        raise DiskFull("The disk holding the Nilai database is full; nothing of the last change was written.")

    monkeypatch.setattr(core, "set_level", disk_full)
    qtbot.keyClick(interview.interview.tree, "4")
    assert interview.saved_label.text() == "Last change not saved"
    assert "disk" in interview.saved_label.toolTip()
    assert interview.interview.panel.levels.chosen() == Mark()  # the view shows what the store holds
