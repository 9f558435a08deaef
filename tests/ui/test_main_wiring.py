"""The main window's wiring: menus from the install hooks, signing the open sheet, the start-up check
and backup, Help → Check data now, File → Restore a backup…, and the first-run welcome."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlmodel import select

from app import assessments, identity
from app.base.paths import DATABASE_FILE
from app.identity import UnlockThrottle
from app.models.tables import Assessment, InterviewSlot
from app.store import backup, settings
from app.ui.mainwindow import data_care
from app.ui.tasks import InlineExecutor
from tests.ui.test_main_window import args_for

PASS = "kata sandi penilai"
ACTOR = "Siti Rahmawati <198001012005012001>"


def titles(menu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def menu_named(window, title: str):
    return next(a.menu() for a in window.menuBar().actions() if a.text() == title)


def finalized_version(store, scoring_round) -> str:
    round_id, assessor = scoring_round
    version = assessments.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=assessor.id)
    for code, level in (("A-1", 4), ("A-2", 3), ("B-1", 2)):
        assessments.set_level(store, version, code, level, ACTOR)
    assessments.finalize(store, version, ACTOR)
    return version


# --------------------------------------------------------------------------- menus


def test_the_menus_hold_the_wired_entries(qtbot, main_window) -> None:
    bar = [a.text() for a in main_window.menuBar().actions()]
    assert bar == ["&File", "&Edit", "&Interview", "Shee&ts", "&Coordinator", "&Settings", "&Help"]
    assert titles(menu_named(main_window, "&File")) == [
        "&Open round package…", "&Export result bundle…", "&Sync now", "Back to schedule", "&Restore a backup…",
        "&Quit"]
    assert titles(menu_named(main_window, "Shee&ts")) == [
        "Assessor identity…", "Export signed sheets…", "Verify sheets…", "Si&gn this sheet…"]
    assert "&Coordinator view…" in titles(menu_named(main_window, "&Coordinator"))
    assert titles(menu_named(main_window, "&Help")) == [
        "&Keyboard shortcuts", "&Check data now", "Open &data folder", "Open &log file", "&About Nilai"]
    assert "Si&gn this sheet…" in titles(main_window.menus.interview)
    # The window's own commands, the sheets' and the coordinator's share no key with anything else.
    menus = main_window.menus
    added = [*menus.own_actions(), *menus.sheet_actions.all(), *menus.coordinator_actions.all()]
    everything = [s.toString() for a in main_window.findChildren(type(menus.quit)) for s in a.shortcuts()]
    for action in added:
        for key in action.shortcuts():
            assert everything.count(key.toString()) == 1, key.toString()


def test_about_comes_from_the_help_hook(qtbot, main_window) -> None:
    from app.ui.help.about_dialog import AboutDialog

    dialog = main_window.menus.help_actions.show_about()
    assert isinstance(dialog, AboutDialog) and dialog.isVisible()
    assert str(main_window.store.data_dir) in [w.text() for w in dialog.findChildren(type(main_window.saved_label))]
    dialog.close()


def test_sign_this_sheet_is_offered_for_a_finalized_assessment_and_signs_it(qtbot, store, runner, ui_state,
                                                                            scoring_round, english) -> None:
    from app.sheets.scope import link_identity
    from app.ui.mainwindow.window import MainWindow

    version = finalized_version(store, scoring_round)
    assessor = scoring_round[1]
    link_identity(store, identity.create_identity(store.data_dir, assessor.name, assessor.nip,
                                                  assessor.organisation, PASS))
    window = MainWindow(store, runner, assessor, "en", ui_state)
    qtbot.addWidget(window)
    window.show()
    sign = window.menus.sign_sheet
    assert not sign.isEnabled()  # the schedule is showing
    unlocked = identity.unlock(store.data_dir, PASS, throttle=UnlockThrottle())
    window.menus.sheet_actions.services.ask_passphrase = lambda parent, data_dir: unlocked
    window.open_version(version)
    assert sign.isEnabled()
    sign.trigger()
    with store.transaction() as session:
        row = session.get(Assessment, version)
        assert row.status == "signed" and (store.data_dir / row.sheet_path).is_file()
    assert not sign.isEnabled()  # signed now: nothing more to sign
    window.back_to_schedule()
    assert not sign.isEnabled()


# --------------------------------------------------------------------------- start-up check and backup


@pytest.fixture
def closed_store(store, scoring_round):
    """A data directory with a profile and a round, its store closed (the program opens its own)."""
    store.close()
    return store.data_dir


def test_startup_takes_the_backup_after_a_clean_quick_check(qtbot, closed_store, english, monkeypatch) -> None:
    from app.ui.application import start

    shown = []
    monkeypatch.setattr(data_care, "show_problems", lambda *args: shown.append(args) or False)
    started = start(args_for(closed_store), executor=InlineExecutor())
    try:
        taken = backup.list_backups(closed_store)
        assert [b.reason for b in taken] == ["startup"] and taken[0].size > 0
        assert shown == [] and not started.shell.window.care_label.isVisible()
    finally:
        started.stop()


def tamper(data_dir: Path) -> None:
    """A score that points to no assessment: what a copy made by hand or a bad disk can leave."""
    conn = sqlite3.connect(data_dir / DATABASE_FILE)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("INSERT INTO score (version_id, indicator_code, level, not_applicable, note, updated_at) "
                     "VALUES ('no-such-version', 'A-1', 3, 0, '', '2018-03-05 08:00:00')")
        conn.commit()
    finally:
        conn.close()


def test_a_damaged_store_shows_the_problem_and_the_way_out(qtbot, closed_store, english, monkeypatch) -> None:
    from app.ui.application import start

    (closed_store / "backups").mkdir()
    good = closed_store / "backups" / "nilai-20180305-070000-000000-manual.sqlite3"
    sqlite3.connect(closed_store / DATABASE_FILE).backup(conn := sqlite3.connect(good))
    conn.close()
    tamper(closed_store)
    shown = []

    def capture(parent, report, sound):
        shown.append(data_care.problems_text(report, sound))
        return False

    monkeypatch.setattr(data_care, "show_problems", capture)
    started = start(args_for(closed_store), executor=InlineExecutor())
    try:
        qtbot.waitUntil(lambda: len(shown) == 1)
        heading, body, details = shown[0]
        assert heading == "Nilai found problems in its data (1)."
        assert "foreign keys: row" in body and "score points to a missing assessment" in body
        assert "Restore the newest sound backup, from" in body and "File → Restore a backup…" in body
        assert str(good) in details  # the core's way out names the file
        # The damaged database was not backed up over the good copy.
        assert [b.reason for b in backup.list_backups(closed_store)] == ["manual"]
        assert started.shell.window.isVisible()
    finally:
        started.stop()


def test_a_backup_that_cannot_be_written_is_a_status_bar_warning(qtbot, closed_store, english,
                                                                  monkeypatch) -> None:
    from app.store import DiskFull
    from app.ui.application import start

    def full(*_args):
        raise DiskFull("The disk holding the backup folder is full; free some space.")

    monkeypatch.setattr(backup, "take_backup", full)
    started = start(args_for(closed_store), executor=InlineExecutor())
    try:
        window = started.shell.window
        assert window.care_label.isVisible() and window.care_label.text() == "No start-up backup"
        assert "disk holding the backup folder is full" in window.care_label.toolTip()
    finally:
        started.stop()


def test_check_data_now_runs_the_full_check(qtbot, main_window, store, monkeypatch) -> None:
    said = []
    monkeypatch.setattr(data_care, "show_all_well", lambda parent, text: said.append(text))
    main_window.menus.check_data.trigger()
    qtbot.waitUntil(lambda: said != [])
    assert said and said[0].startswith("No problems found.") and "change-log entries" in said[0]
    assert main_window.data_check.progress is None and not main_window.data_check.running


# --------------------------------------------------------------------------- restore


def test_restoring_a_backup_replaces_store_and_window(qtbot, store, scoring_round, english, monkeypatch) -> None:
    from app.ui.application import start
    from app.ui.mainwindow import restore_dialog

    round_id, assessor = scoring_round
    manual = backup.take_backup(store, "manual")
    assessments.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=assessor.id)
    store.close()
    data_dir = store.data_dir
    started = start(args_for(data_dir), executor=InlineExecutor())
    old_window, old_store = started.shell.window, started.store
    asked, said = [], []
    monkeypatch.setattr(restore_dialog, "confirm_restore", lambda parent, info: asked.append(info.path) or True)
    monkeypatch.setattr(data_care, "show_all_well", lambda parent, text: said.append(text))

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, restore_dialog.RestoreDialog):
            QTimer.singleShot(20, choose)
            return
        assert [b.reason for b in dialog.backups] == ["startup", "manual"]
        dialog.list.setCurrentItem(dialog.list.topLevelItem(1))
        dialog.restore_button.click()

    QTimer.singleShot(20, choose)
    try:
        old_window.menus.restore.trigger()
        assert asked == [manual]
        window = started.shell.window
        assert window is not old_window and window.isVisible() and window.isEnabled()
        assert started.store is not old_store and window.store is started.store
        with started.store.transaction() as session:
            assert session.exec(select(Assessment)).all() == []  # the assessment came after the backup
            assert len(session.exec(select(InterviewSlot)).all()) == 1
        aside = [b for b in backup.list_backups(data_dir) if b.reason == "before-restore"]
        assert len(aside) == 1 and str(aside[0].path) in said[0]
    finally:
        started.stop()


# --------------------------------------------------------------------------- first run


def first_run(qtbot, on_welcome) -> list[str]:
    """Fill the profile dialog, then hand the welcome to ``on_welcome``; returns the window titles seen."""
    seen = []

    def profile() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not hasattr(dialog, "nip"):
            QTimer.singleShot(20, profile)
            return
        seen.append(dialog.windowTitle())
        qtbot.keyClicks(dialog.name, "Dewi Lestari")
        qtbot.keyClicks(dialog.nip, "197803142005012002")
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.accept()
        QTimer.singleShot(20, welcome)

    def welcome() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not hasattr(dialog, "demo_button"):
            QTimer.singleShot(20, welcome)
            return
        seen.append(dialog.windowTitle())
        on_welcome(dialog)

    QTimer.singleShot(20, profile)
    return seen


def test_first_run_welcome_loads_the_demo_round_and_keeps_the_profile(qtbot, data_dir, english) -> None:
    from app.rounds import list_rounds
    from app.ui.application import Started, start

    seen = first_run(qtbot, lambda dialog: dialog.demo_button.click())
    started = start(args_for(data_dir, lang=None), executor=InlineExecutor())
    assert isinstance(started, Started)
    try:
        assert seen == ["Welcome to Nilai", "Welcome to Nilai"]
        rounds = list_rounds(started.store)
        assert len(rounds) == 1 and rounds[0].candidates == 116 and rounds[0].slots == 116
        assert settings.profile(started.store).name == "Dewi Lestari"
        window = started.shell.window
        assert window.statusBar().currentMessage().startswith("Demo round loaded: 116 regions")
        assert len(window.schedule.model.entries()) == 116  # not on a panel: every interview is listed
    finally:
        started.stop()


def test_welcome_offers_the_signing_key_and_can_wait(qtbot, store, runner, english) -> None:
    from app.ui.mainwindow.welcome_dialog import WelcomeDialog

    profile = settings.save_profile(store, "Dewi Lestari", "197803142005012002", "ITB")
    made = []

    def create() -> None:
        made.append(identity.create_identity(store.data_dir, profile.name, profile.nip, profile.organisation, PASS))

    dialog = WelcomeDialog(store, runner, profile, open_identity=create)
    qtbot.addWidget(dialog)
    assert dialog.key_button.text() == "&Create signing key…"
    dialog.key_button.click()
    assert made and dialog.key_text.text().startswith("Your signing key is ready")
    assert dialog.key_button.text() == "&Show signing key…"
    dialog.later_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.outcome == ""
