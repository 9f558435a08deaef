"""Starting the desktop program: the window first, then the store, the first run, the main window.

The first paint comes before the store's libraries are imported: a window with the main window's
size, menus and an empty schedule saying it is loading (:mod:`app.ui.mainwindow.starting`) is drawn,
then SQLAlchemy, SQLModel and the store are imported on a worker thread while that window keeps
painting, and :func:`app.ui.mainwindow.shell.open_and_show` opens the store (asking for its
passphrase, offering a backup for a damaged file, the first run's profile) and puts the main window
in its place; the schedule then fills off the GUI thread (:mod:`app.ui.tasks`).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import threading
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.base.paths import resolve_data_dir, resources_dir
from app.ui import i18n
from app.ui.mainwindow.starting import StartingWindow
from app.ui.state import UiState
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.store import Store
    from app.ui.mainwindow.shell import Shell

# Imported on a worker thread after the first paint: the database layer (most of the start-up's
# import time) and the main window's modules that need no GUI thread to import.
IMPORTED_BEHIND_THE_WINDOW = ("app.models.tables", "app.store", "app.store.settings", "app.assessments")


@dataclass
class Started:
    shell: Shell
    runner: TaskRunner

    @property
    def store(self) -> Store:
        return self.shell.store  # a restored backup brings a new one

    def stop(self) -> None:
        self.shell.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.runner.shutdown()
        self.shell.store.close()


class _Imported(QObject):
    done = Signal()  # emitted on the worker thread, delivered on the GUI thread (a queued connection)


def import_behind(window: StartingWindow, modules: tuple[str, ...] = IMPORTED_BEHIND_THE_WINDOW) -> None:
    """Import ``modules`` on a worker thread while ``window`` goes on repainting; an import error is raised
    here, on the GUI thread, as it would have been without the thread."""
    errors: list[BaseException] = []
    loop = QEventLoop(window)
    imported = _Imported()
    imported.done.connect(loop.quit)

    def work() -> None:
        try:
            for name in modules:
                importlib.import_module(name)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread as it is
            errors.append(exc)
        finally:
            imported.done.emit()

    thread = threading.Thread(target=work, name="nilai-imports", daemon=True)
    thread.start()
    loop.exec()
    thread.join()
    if errors:
        raise errors[0]


def start(args: argparse.Namespace, executor: Executor | None = None) -> Started | int:
    """Everything up to a shown main window; an exit code when the program should not go on.

    ``executor`` runs the background work (default: one worker thread; tests pass an inline one).
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Nilai")
    app.setOrganizationName("Nilai")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "nilai.svg")))
    i18n.install(i18n.choose_language(args.lang, None))
    starting = StartingWindow(UiState(resolve_data_dir(args.data_dir)))
    starting.show_now()
    if getattr(args, "quit_at_first_paint", False):
        starting.close()
        return 0  # start-up benchmarks: the first paint is all they wait for
    import_behind(starting)
    # deferred: the store, the dialogs and the main window, imported once the first window is drawn
    from app.ui.mainwindow.shell import open_and_show

    runner = TaskRunner(executor)
    shell = open_and_show(args, starting, runner)
    if isinstance(shell, int):
        starting.close()
        starting.deleteLater()
        return shell
    starting.deleteLater()
    return Started(shell, runner)


def run(args: argparse.Namespace) -> int:
    started = start(args)
    if isinstance(started, int):
        return started
    try:
        script = os.environ.get("NILAI_UI_SCRIPT")
        if script:
            from app.ui.scripted import (
                ScriptDriver,  # deferred: only for NILAI_UI_SCRIPT runs (numpy, QtTest)
            )

            ScriptDriver(started.shell, script).start()
        app = QApplication.instance()
        assert app is not None
        return app.exec()
    finally:
        started.stop()
