"""The issue's "Done when": the assessor's day, and the coordinator's import → moderate → rank, with the keyboard
alone, in Indonesian and English. Every step is a key press sent where the keyboard focus is (no mouse, no
method called to act; an Alt letter is the one the control shows in the language); the store is read after
each stage. The only stand-ins are the file picker (it hands over files made here) and
the window manager's activating of a new dialog, which the offscreen platform does not do."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app import identity
from app.assessments.scoring import Mark
from tests.bundles.helpers import PASSPHRASE
from tests.ui.conftest import stored_marks, stored_note, version_of
from tests.ui.test_coordinator_import import ACTOR, bundles  # noqa: F401 - fixture

K = Qt.Key
CTRL, SHIFT, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key | str, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), key, modifiers)
        # a person's pace: what a key press changed is laid out before the next one; a button pressed with
        # Alt+letter is shown pressed for a moment (100 ms) before it acts
        qtbot.wait(150 if modifiers & ALT else 1)


def alt_for(qtbot, control: QWidget) -> None:
    """Alt + the letter underlined for ``control`` (a button's own, or its label's), in the language shown."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from tests.ui.test_mnemonics import mnemonic

    if isinstance(control, QAbstractButton):
        text = control.text()
    else:
        text = next(label.text() for label in control.window().findChildren(QLabel) if label.buddy() is control)
    letter = mnemonic(text)
    assert letter, f"{text!r} has no Alt letter"
    press(qtbot, letter, ALT)


def alt_for_tab(qtbot, tabs, page: QWidget) -> None:
    from tests.ui.test_mnemonics import mnemonic

    letter = mnemonic(tabs.tabText(tabs.indexOf(page)))
    assert letter, f"{tabs.tabText(tabs.indexOf(page))!r} has no Alt letter"
    press(qtbot, letter, ALT)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def answer_next_dialog(qtbot, keys: Callable[[QDialog], None], seen: list[QDialog]) -> None:
    """When the next modal dialog is up, give it the focus (as a window manager would) and press ``keys`` in it."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or dialog in seen:
            QTimer.singleShot(20, look)
            return
        seen.append(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and focused().window() is dialog)
        keys(dialog)
        under = dialog.parentWidget()
        if not dialog.isVisible() and under is not None:  # closed: the window under it is active again
            under.window().activateWindow()

    QTimer.singleShot(20, look)


@pytest.fixture
def assessor_window(qtbot, store, runner, ui_state, scoring_round, language):
    """The main window in ``language``, shown, active and started (as tests/ui/conftest.py's main_window)."""
    from app.ui.mainwindow.window import MainWindow

    _round_id, assessor = scoring_round
    window = MainWindow(store, runner, assessor, language, ui_state, pick_files=lambda _parent: [])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.start()
    return window


def test_the_assessors_day_with_the_keyboard_alone(qtbot, assessor_window, store, scoring_round) -> None:
    from app.assessments.snapshots import snapshot
    from app.models.domain import AssessmentStatus

    window = assessor_window
    identity.create_identity(store.data_dir, "Siti Rahmawati", "198001012005012001", "Kominfo", PASSPHRASE)
    schedule = window.schedule
    # the schedule: Tab until the list of interviews has the keys, arrows to Kabupaten Batang, Enter opens it
    for _ in range(10):
        if focused() is schedule.tree:
            break
        press(qtbot, K.Key_Tab)
    assert focused() is schedule.tree
    for _ in range(10):
        entry = schedule.current_entry()
        if entry is not None and entry.region.code == "3325":
            break
        press(qtbot, K.Key_Down)
    press(qtbot, K.Key_Return)
    assert window.pages.currentWidget() is window.interview
    view = window.interview
    version = version_of(store, scoring_round)

    # every indicator scored with the digit keys, Down to the next one
    for level in ("4", "3", "2", "3"):  # B-1
        press(qtbot, level)
        press(qtbot, K.Key_Down)
    assert stored_marks(store, version) == {"A-1": Mark(4), "A-2": Mark(3), "A-3": Mark(2), "B-1": Mark(3)}
    # a note on B-1: Ctrl+E to the note, typed, Esc back to the outline
    press(qtbot, K.Key_E, CTRL)
    assert focused() is view.panel.note
    type_text(qtbot, "Perda SPBE 2017 sudah terbit")
    press(qtbot, K.Key_Escape)
    assert focused() is view.tree
    assert stored_note(store, version, "B-1") == "Perda SPBE 2017 sudah terbit"
    # the level group: Shift+Tab from the note reaches the chosen level, the arrows choose another
    press(qtbot, K.Key_E, CTRL)
    press(qtbot, K.Key_Tab, SHIFT)
    assert focused() is view.panel.levels._cards[3]
    press(qtbot, K.Key_Down)
    assert stored_marks(store, version)["B-1"] == Mark(4)

    # finalize: Ctrl+Shift+F, and Enter on the checklist's "Finalize"
    seen: list[QDialog] = []
    answer_next_dialog(qtbot, lambda dialog: press(qtbot, K.Key_Return), seen)
    press(qtbot, K.Key_F, CTRL | SHIFT)
    assert seen and snapshot(store, version).status == AssessmentStatus.FINAL
    qtbot.waitUntil(lambda: window.isActiveWindow())
    assert focused() is view.tree  # the keys work in the interview at once

    # sign: Ctrl+Shift+G, the passphrase typed and Enter
    answer_next_dialog(qtbot, lambda dialog: (type_text(qtbot, PASSPHRASE), press(qtbot, K.Key_Return)), seen)
    press(qtbot, K.Key_G, CTRL | SHIFT)
    qtbot.waitUntil(lambda: snapshot(store, version).status == AssessmentStatus.SIGNED, timeout=30000)
    assert len(seen) == 2

    # back to the schedule (Alt+Left): the interview reads as signed there
    press(qtbot, K.Key_Left, ALT)
    assert window.pages.currentWidget() is window.schedule
    entry = next(e for e in schedule.model.entries() if e.region.code == "3325")
    assert entry.status == AssessmentStatus.SIGNED


@pytest.fixture
def coordinator_window(qtbot, runner, language, tmp_path: Path, bundles):  # noqa: F811
    """The coordinator view as a window of its own, active, on a copy of the demo round (bundles not taken in)."""
    from app.store import open_store
    from app.ui.coordinator.view import CoordinatorView

    data = tmp_path / "coordinator"
    shutil.copytree(bundles.coordinator, data)
    store = open_store(data)
    view = CoordinatorView(store, runner, data, language, actor=ACTOR, pick_bundles=lambda _parent: list(bundles.first))
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.start()
    yield view
    view.close()
    store.close()


def test_import_moderate_and_rank_with_the_keyboard_alone(qtbot, coordinator_window, bundles) -> None:  # noqa: F811
    from sqlmodel import select

    from app.bundles.trust import list_trusted
    from app.consolidation import list_moderations
    from app.models.tables import Assessment
    from app.ui.coordinator.ranking_model import REGION_CODE_ROLE

    view = coordinator_window
    store = view.services.store
    tabs = view.tabs
    tab = view.import_tab
    # the import tab by its Alt letter, then "Choose bundles…" by its own (the picker hands over three bundles)
    view.setFocus()
    alt_for_tab(qtbot, tabs, tab)
    assert tabs.currentWidget() is tab
    alt_for(qtbot, tab.choose_button)
    assert tab.unknown_model.rowCount() == 3  # three assessors' certificates to decide on
    with store.transaction() as session:
        assert session.exec(select(Assessment)).all() == []  # nothing taken in before they are trusted
    # Select all, then Trust and import (Alt+L, Alt+M in English)
    alt_for(qtbot, tab.select_all_button)
    alt_for(qtbot, tab.trust_button)
    assert len(list_trusted(store)) >= 3 and tab.unknown_model.rowCount() == 0
    with store.transaction() as session:
        assert len(session.exec(select(Assessment)).all()) == 12  # 4 regions × 3 assessors

    # the ranking (Ctrl+4): arrows to a region, Enter opens its detail
    press(qtbot, K.Key_4, CTRL)
    assert tabs.currentWidget() is view.ranking_tab
    table = view.ranking_tab.table
    path = []
    for _ in range(25):
        if focused() is table:
            break
        path.append(f"{type(focused()).__name__} {focused().accessibleName() or getattr(focused(), 'text', lambda: '')()} {focused().isVisible()}")
        press(qtbot, K.Key_Tab)
    assert focused() is table, path
    press(qtbot, K.Key_Down)
    code = table.currentIndex().data(REGION_CODE_ROLE)
    before = {r.region.code: r.total for r in view.session.consolidation.ranking}
    press(qtbot, K.Key_Return)
    assert tabs.currentWidget() is view.detail_tab and view.detail_tab.region_code == code

    # moderate the first indicator: Tab to the levels table, Down, the level's Alt letter, the reason's, Enter
    detail = view.detail_tab
    for _ in range(10):
        if focused() is detail.table:
            break
        press(qtbot, K.Key_Tab)
    assert focused() is detail.table
    press(qtbot, K.Key_Down)
    indicator = detail.current_indicator()
    assert indicator is not None
    panel = detail.moderation
    in_force = panel.level.currentData()
    alt_for(qtbot, panel.level)
    assert focused() is panel.level
    press(qtbot, K.Key_Down if panel.level.currentIndex() < panel.level.count() - 1 else K.Key_Up)
    chosen = panel.level.currentData()
    assert chosen != in_force
    alt_for(qtbot, panel.reason)
    assert focused() is panel.reason
    type_text(qtbot, "rapat pleno 6 Maret")
    press(qtbot, K.Key_Return)
    moderations = list_moderations(store, view.session.round_id)
    assert [(m.region_code, m.indicator_code, m.level, m.reason) for m in moderations] == [
        (code, indicator, chosen, "rapat pleno 6 Maret")]

    # back to the ranking (Ctrl+4): recomputed with the moderated level
    press(qtbot, K.Key_4, CTRL)
    assert tabs.currentWidget() is view.ranking_tab
    qtbot.waitUntil(lambda: {r.region.code: r.total for r in view.session.consolidation.ranking}[code] != before[code])
    assert view.ranking_tab.model.rowCount() == 4
