"""UI fixtures: real widgets built from their services (store, inline task runner, ui state).

No global application object: each test builds exactly the widgets it drives, with ``qtbot``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app import assessments
from app.assessments.scoring import Mark
from app.models.domain import AssessorInfo
from app.store import settings
from app.ui.i18n import LANGUAGES
from tests.bundles.helpers import run_cli


@pytest.fixture(params=LANGUAGES)
def language(request, qapp):
    """The test runs once in each of the UI's languages; the locale is given back after it."""
    from PySide6.QtCore import QLocale

    from app.ui import i18n

    locale = QLocale()
    i18n.install(request.param)
    yield request.param
    i18n.uninstall()
    QLocale.setDefault(locale)


@pytest.fixture
def runner(qapp):
    from app.ui.tasks import InlineExecutor, TaskRunner

    task_runner = TaskRunner(InlineExecutor())
    yield task_runner
    task_runner.shutdown()
    task_runner.deleteLater()


@pytest.fixture
def ui_state(data_dir: Path):
    from app.ui.state import UiState

    return UiState(data_dir)


@pytest.fixture
def english(qapp) -> Iterator[None]:
    """English as the program shows it; afterwards the translators and locale are as they were."""
    from PySide6.QtCore import QLocale

    from app.ui import i18n

    locale = QLocale()
    i18n.install("en")
    yield
    i18n.uninstall()
    QLocale.setDefault(locale)


@pytest.fixture
def picked_files() -> list[Path]:
    """What the (injected) file picker returns the next time evidence is attached."""
    return []


@pytest.fixture
def main_window(qtbot, store, runner, ui_state, scoring_round, english, picked_files):
    from app.ui.mainwindow.window import MainWindow

    _round_id, assessor = scoring_round
    window = MainWindow(store, runner, assessor, "en", ui_state, pick_files=lambda _parent: list(picked_files))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.start()
    return window


@pytest.fixture
def interview(qtbot, main_window, store, scoring_round):
    """The main window with the slot of Kabupaten Batang (3325) opened from the schedule."""
    window = main_window
    view = window.schedule
    entry = next(e for e in view.model.entries() if e.region.code == "3325")
    assert view.select_slot(entry.slot_id)
    view.tree.setFocus()
    qtbot.keyClick(view.tree, "\r")
    assert window.pages.currentWidget() is window.interview
    assert window.interview.current_code == "A-1"
    return window


def version_of(store, scoring_round) -> str:
    round_id, assessor = scoring_round
    return assessments.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=assessor.id)


def stored_marks(store, version_id: str) -> dict[str, Mark]:
    with store.transaction() as session:
        return assessments.marks_of(session, version_id)


def stored_note(store, version_id: str, code: str) -> str:
    from app.assessments.snapshots import snapshot

    score = snapshot(store, version_id).score(code)
    return score.note if score else ""


def profile(store) -> AssessorInfo:
    found = settings.profile(store)
    assert found is not None
    return found


@pytest.fixture(scope="module")
def coordinator_demo_dir(tmp_path_factory) -> Path:
    """A coordinator's demo round (``nilai demo``), made once per test module: copy it before changing it."""
    directory = tmp_path_factory.mktemp("coordinator-demo") / "coordinator"
    assert run_cli("--data-dir", directory, "demo") == 0
    return directory
