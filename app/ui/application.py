"""Starting the desktop program: translations, the store, the first-run profile, the main window."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import settings
from app.models.domain import AssessorInfo
from app.paths import resources_dir
from app.store import Store, StoreError, open_store
from app.ui import i18n
from app.ui.first_run_dialog import FirstRunDialog
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner
from app.ui.ui_state import UiState


class _QuitAfterPaint(QObject):
    """--quit-after-paint: leave as soon as the window has been drawn once (start-up benchmarks)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QCoreApplication.quit)
            watched.removeEventFilter(self)
        return False


class Shell(QObject):
    """Owns the main window and builds it again when the language or the profile changes."""

    def __init__(self, store: Store, runner: TaskRunner, lang_override: str | None) -> None:
        super().__init__()
        self.store, self.runner, self.lang_override = store, runner, lang_override
        self.ui_state = UiState(store.data_dir)
        self.window: MainWindow | None = None

    def build(self) -> MainWindow:
        lang = i18n.install(i18n.choose_language(self.lang_override, settings.read(self.store, settings.LANGUAGE)))
        profile = settings.profile(self.store)
        assert profile is not None
        window = MainWindow(self.store, self.runner, profile, lang, self.ui_state)
        window.restart_requested.connect(self.rebuild)
        self.window = window
        return window

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None

    def rebuild(self) -> None:
        old = self.window
        if old is None:
            return
        old.close()
        self.lang_override = None  # the assessor chose a language in the menu
        window = self.build()
        window.show()
        window.start()
        old.deleteLater()


def ask_profile(store: Store, lang: str, parent: QWidget | None = None) -> AssessorInfo | None:
    dialog = FirstRunDialog(lang, None, parent)
    if not dialog.exec():
        return None
    name, nip, organisation = dialog.values()
    settings.write(store, settings.LANGUAGE, dialog.chosen_language())
    return settings.save_profile(store, name, nip, organisation)


@dataclass
class Started:
    shell: Shell
    store: Store
    runner: TaskRunner

    def stop(self) -> None:
        self.shell.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.runner.shutdown()
        self.store.close()


def start(args: argparse.Namespace) -> Started | int:
    """Everything up to a shown main window; an exit code when the program should not go on."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Nilai")
    app.setOrganizationName("Nilai")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "nilai.svg")))
    i18n.install(i18n.choose_language(args.lang, None))
    try:
        store = open_store(args.data_dir, args.database_url)
    except StoreError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("Application", "Nilai cannot open its data"), str(exc))
        return 1
    runner = TaskRunner()
    try:
        lang = i18n.install(i18n.choose_language(args.lang, settings.read(store, settings.LANGUAGE)))
        if settings.profile(store) is None and ask_profile(store, lang) is None:
            runner.shutdown()
            store.close()
            return 0
        shell = Shell(store, runner, args.lang)
        window = shell.build()
        if args.quit_after_paint:
            window.installEventFilter(_QuitAfterPaint(window))
        window.show()
        window.start()
    except StoreError as exc:
        runner.shutdown()
        store.close()
        QMessageBox.critical(None, QCoreApplication.translate("Application", "Nilai cannot continue"), str(exc))
        return 1
    return Started(shell, store, runner)


def run(args: argparse.Namespace) -> int:
    started = start(args)
    if isinstance(started, int):
        return started
    try:
        script = os.environ.get("NILAI_UI_SCRIPT")
        if script:
            from app.ui.scripted import ScriptDriver

            ScriptDriver(started.shell, script).start()
        app = QApplication.instance()
        assert app is not None
        return app.exec()
    finally:
        started.stop()
