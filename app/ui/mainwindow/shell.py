"""After the first paint: open the store (its passphrase, a damaged file's backup), the first run's
profile and welcome, then the main window in the starting window's place.

The :class:`Shell` owns the store and the window; it builds the window again when the language or
the profile changes, and replaces store and window when a backup is restored. Every start, once the
window is shown: the quick integrity check and the rolling start-up backup on the task runner (see
:mod:`app.ui.mainwindow.data_care`).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from app.base.paths import resolve_data_dir
from app.models.domain import AssessorInfo
from app.store import CorruptStore, Store, StoreError, backup, cipher, open_store, settings
from app.ui import i18n
from app.ui.identity.store_unlock_dialog import StoreUnlockDialog
from app.ui.mainwindow import damaged_dialog, data_care
from app.ui.mainwindow.first_run_dialog import FirstRunDialog
from app.ui.mainwindow.starting import StartingWindow
from app.ui.mainwindow.window import MainWindow
from app.ui.state import UiState
from app.ui.tasks import TaskRunner
from app.ui.widgets import contrast


class QuitAfterPaint(QObject):
    """--quit-after-paint: leave as soon as the main window has been drawn once (selftest, benchmarks)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QCoreApplication.quit)
            watched.removeEventFilter(self)
        return False


class QuitWhenReady(QObject):
    """--quit-when-ready: leave once the schedule is shown and no background work is left (benchmarks)."""

    def __init__(self, window: MainWindow, runner: TaskRunner) -> None:
        super().__init__(window)
        self.runner, self.schedule_loaded = runner, False
        window.schedule.loaded.connect(self._schedule_loaded)
        runner.busy_changed.connect(self._check)

    def _schedule_loaded(self) -> None:
        self.schedule_loaded = True
        self._check(self.runner.busy)

    def _check(self, busy: bool) -> None:
        if not busy and self.schedule_loaded:
            QTimer.singleShot(0, QCoreApplication.quit)


class Shell(QObject):
    """Owns the store and the main window; builds the window again when the language or the profile
    changes, and replaces both when a backup is restored."""

    def __init__(self, store: Store, runner: TaskRunner, lang_override: str | None,
                 database_url: str | None = None) -> None:
        super().__init__()
        self.store, self.runner, self.lang_override = store, runner, lang_override
        self.database_url = database_url
        self.ui_state = UiState(store.data_dir)
        self.window: MainWindow | None = None
        self.restoring = False

    def build(self) -> MainWindow:
        lang = i18n.install(i18n.choose_language(self.lang_override, settings.read(self.store, settings.LANGUAGE)))
        profile = settings.profile(self.store)
        assert profile is not None
        window = MainWindow(self.store, self.runner, profile, lang, self.ui_state)
        window.restart_requested.connect(self.rebuild)
        window.restore_requested.connect(self.restore)
        self.window = window
        return window

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None

    def rebuild(self) -> None:
        self.lang_override = None  # the assessor chose a language in the menu
        self._replace_window(keep_coordinator=True)

    def _replace_window(self, keep_coordinator: bool = False) -> MainWindow | None:
        old = self.window
        if old is None:
            return None
        # the coordinator's window goes with the old one: reopened as it was (tab, region, filters)
        coordinator = old.menus.coordinator_actions.state() if keep_coordinator else None
        old.close()
        window = self.build()
        window.show()
        window.start()
        window.menus.coordinator_actions.reopen(coordinator)
        old.deleteLater()
        return window

    # -- the data at start-up ----------------------------------------------------------------------

    def check_at_start(self) -> None:
        """Quick check, then the rolling backup, off the GUI thread; the window does not wait."""
        label = QCoreApplication.translate("Application", "Checking the data")
        self.runner.run(data_care.startup_care, self.store, label=label, on_done=self._checked,
                        on_error=self._check_failed)

    def _checked(self, care: data_care.StartupCare) -> None:
        if self.window is not None and not self.restoring:
            self.window.startup_checked(care)

    def _check_failed(self, error: BaseException) -> None:
        if not isinstance(error, StoreError | OSError):
            raise error
        if self.window is not None:
            self.window.warn(QCoreApplication.translate("Application", "Data not checked"), str(error))

    # -- restoring a backup ------------------------------------------------------------------------

    def restore(self, path: Path) -> None:
        """Close the store, restore ``path`` (the current database is set aside), open it, new window."""
        window = self.window
        if window is None or self.restoring:
            return
        self.restoring = True
        window.interview.close_assessment()
        window.setEnabled(False)
        window.statusBar().showMessage(QCoreApplication.translate("Application", "Restoring the backup…"))
        self.runner.run(_restore, self.store, Path(path), self.database_url,
                        label=QCoreApplication.translate("Application", "Restoring the backup"),
                        on_done=self._restored, on_error=self._restore_failed)

    def _restored(self, outcome: Restored) -> None:
        self.store = outcome.store
        self.restoring = False
        window = self._replace_window()
        if window is None:
            return
        if outcome.error is not None:
            title = QCoreApplication.translate("Application", "Restore a backup")
            data_care.show_error(window, title, str(outcome.error))
            return
        text = QCoreApplication.translate("Application", "The backup is restored. The data as it was before is "
                                          "kept in %1.").replace("%1", str(outcome.set_aside))
        window.statusBar().showMessage(text, 30000)
        data_care.show_all_well(window, text)

    def _restore_failed(self, error: BaseException) -> None:
        """The store could not be opened again: nothing more can be done here."""
        self.restoring = False
        if not isinstance(error, StoreError | OSError):
            raise error
        QMessageBox.critical(self.window, QCoreApplication.translate("Application", "Nilai cannot continue"),
                             str(error))
        QCoreApplication.exit(1)


@dataclass(frozen=True)
class Restored:
    store: Store  # open again (on the restored database, or the unchanged one if the restore failed)
    set_aside: Path | None
    error: StoreError | None


def _restore(store: Store, path: Path, database_url: str | None) -> Restored:
    data_dir = store.data_dir
    store.close()
    set_aside, error = None, None
    try:
        set_aside = backup.restore(data_dir, path)
    except StoreError as exc:
        error = exc
    return Restored(open_store(data_dir, database_url), set_aside, error)


def ask_profile(store: Store, lang: str, parent: QWidget | None = None) -> AssessorInfo | None:
    dialog = FirstRunDialog(lang, None, parent)
    if not dialog.exec():
        return None
    name, nip, organisation = dialog.values()
    settings.write(store, settings.LANGUAGE, dialog.chosen_language())
    return settings.save_profile(store, name, nip, organisation)


def welcome(store: Store, runner: TaskRunner, profile: AssessorInfo, parent: QWidget | None = None) -> tuple[str, bool]:
    """The first-run welcome (signing key; demo, round package, a new round, or later): what happened, for
    the status bar, and whether the coordinator asked to prepare a round."""
    from app.ui.mainwindow.welcome_dialog import WelcomeDialog  # deferred: first start only

    dialog = WelcomeDialog(store, runner, profile, parent)
    dialog.exec()
    outcome, prepare = dialog.outcome, dialog.prepare_round
    dialog.deleteLater()
    return outcome, prepare


def _recover(args: argparse.Namespace, error: CorruptStore) -> tuple[Store | None, str]:
    """The store is damaged: offer the newest sound backup and restore the one chosen (the damaged file
    is set aside first). The store opened on it and what to announce, or (None, "") to quit."""
    data_dir = resolve_data_dir(args.data_dir)
    chosen = damaged_dialog.ask(data_dir, error)
    if chosen is None:
        return None, ""
    set_aside = backup.restore(data_dir, chosen)  # a StoreError here is shown by start() as it is
    store = open_store(args.data_dir, args.database_url)
    text = QCoreApplication.translate("Application", "The backup is restored. The damaged data is kept in %1.")
    return store, text.replace("%1", str(set_aside)) if set_aside else ""


def open_and_show(args: argparse.Namespace, starting: StartingWindow, runner: TaskRunner) -> Shell | int:
    """The store opened and the main window shown in ``starting``'s place; an exit code when the program
    should not go on (the runner is then shut down)."""
    restored = ""
    encrypted = not args.database_url and cipher.wants_encryption(resolve_data_dir(args.data_dir))
    if encrypted and not StoreUnlockDialog.ask(resolve_data_dir(args.data_dir)):
        runner.shutdown()
        return 0  # the assessor chose to quit: nothing was opened
    try:
        try:
            store = open_store(args.data_dir, args.database_url)
        except CorruptStore as exc:
            recovered, restored = _recover(args, exc)
            if recovered is None:
                runner.shutdown()
                return 1
            store = recovered
    except StoreError as exc:
        runner.shutdown()
        title = QCoreApplication.translate("Application", "Nilai cannot open its data")
        QMessageBox.critical(starting, title, str(exc))
        return 1
    try:
        lang = i18n.install(i18n.choose_language(args.lang, settings.read(store, settings.LANGUAGE)))
        contrast.apply(settings.read(store, settings.HIGH_CONTRAST) == "1")
        outcome, prepare = "", False
        if settings.profile(store) is None:
            profile = ask_profile(store, lang, starting)
            if profile is None:
                runner.shutdown()
                store.close()
                return 0
            i18n.install(i18n.choose_language(args.lang, settings.read(store, settings.LANGUAGE)))
            outcome, prepare = welcome(store, runner, profile, starting)
        shell = Shell(store, runner, args.lang, args.database_url)
        window = shell.build()
        if getattr(args, "quit_after_paint", False):
            window.installEventFilter(QuitAfterPaint(window))
        if getattr(args, "quit_when_ready", False):
            QuitWhenReady(window, runner)
        window.show()
        starting.close()
        window.start()
        shell.check_at_start()
        if prepare:  # a coordinator's first start: straight to round setup
            window.menus.coordinator_actions.new_round.trigger()
        if outcome or restored:
            window.announce(outcome or restored)
    except StoreError as exc:
        runner.shutdown()
        store.close()
        QMessageBox.critical(starting, QCoreApplication.translate("Application", "Nilai cannot continue"), str(exc))
        return 1
    return shell
