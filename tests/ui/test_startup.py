"""Start-up order: the first window is drawn before the store's libraries are imported, then replaced."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel

from app.ui.application import Started, start
from app.ui.mainwindow.starting import StartingWindow
from app.ui.state import UiState
from app.ui.tasks import InlineExecutor

ROOT = Path(__file__).resolve().parents[2]

FIRST_PAINT = """
import argparse, json, sys
from app.ui.application import start
args = argparse.Namespace(data_dir=sys.argv[1], database_url=None, lang="en", quit_at_first_paint=True)
code = start(args)
heavy = [m for m in ("sqlalchemy", "sqlmodel", "app.store", "app.models.tables", "reportlab", "pyhanko")
         if m in sys.modules]
print(json.dumps({"code": code, "heavy": heavy}))
"""


def test_the_first_window_is_drawn_before_the_store_libraries_are_imported(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(tmp_path / "data")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome == {"code": 0, "heavy": []}
    assert not (tmp_path / "data" / "nilai.sqlite3").exists()  # nothing opened before the paint


def test_the_starting_window_has_the_menus_and_says_it_is_loading(qtbot, tmp_path: Path, english) -> None:
    window = StartingWindow(UiState(tmp_path))
    qtbot.addWidget(window)
    window.show_now()
    assert window.painted
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Interview", "Shee&ts", "&Settings", "&Help"]
    assert not any(action.isEnabled() for action in window.menuBar().actions())
    assert isinstance(window.centralWidget(), QLabel) and window.centralWidget().text() == "Opening your data…"


def test_the_main_window_takes_the_starting_windows_place(qtbot, store, scoring_round, english) -> None:
    store.close()
    args = argparse.Namespace(data_dir=str(store.data_dir), database_url=None, lang="en", quit_after_paint=False)
    started = start(args, executor=InlineExecutor())
    assert isinstance(started, Started)
    try:
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        assert started.shell.window in shown
        assert not any(isinstance(w, StartingWindow) for w in shown)
        assert started.shell.window.schedule.model.rowCount() > 0  # the schedule filled in
    finally:
        started.stop()
