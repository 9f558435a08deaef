"""Scoring an interview with the keyboard, through the real window; every check reads the store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.assessments.scoring import Mark
from app.assessments.snapshots import snapshot
from app.store import settings
from tests.ui.conftest import stored_marks, stored_note, version_of


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the assessor's focus is (shortcuts go through Qt's shortcut map)."""
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def test_opening_from_the_schedule_starts_the_assessment_and_remembers_it(interview, store, scoring_round) -> None:
    version = version_of(store, scoring_round)
    assert interview.interview.version_id == version
    assert settings.read(store, settings.LAST_OPEN) == version
    assert interview.interview.header.region.text() == "Kabupaten Batang"
    assert "Jawa Tengah" in interview.interview.header.details.text()
    assert "3325" in interview.interview.header.details.text()


def test_digit_keys_score_and_arrows_move(qtbot, interview, store, scoring_round) -> None:
    version = version_of(store, scoring_round)
    view = interview.interview
    press(qtbot, interview, Qt.Key.Key_3)
    assert stored_marks(store, version)["A-1"] == Mark(3)
    press(qtbot, interview, Qt.Key.Key_Down)
    assert view.current_code == "A-2"
    press(qtbot, interview, Qt.Key.Key_5)
    press(qtbot, interview, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.current_code == "A-3"
    press(qtbot, interview, Qt.Key.Key_N)  # not applicable
    press(qtbot, interview, Qt.Key.Key_PageDown)
    assert view.current_code == "B-1"
    press(qtbot, interview, Qt.Key.Key_0)  # also not applicable
    press(qtbot, interview, Qt.Key.Key_PageUp)
    press(qtbot, interview, Qt.Key.Key_Up)
    assert view.current_code == "A-2"
    assert stored_marks(store, version) == {"A-1": Mark(3), "A-2": Mark(5), "A-3": Mark(None, True),
                                            "B-1": Mark(None, True)}
    press(qtbot, interview, Qt.Key.Key_Delete)  # clear the level
    assert stored_marks(store, version)["A-2"] == Mark()
    press(qtbot, interview, Qt.Key.Key_9)  # not a rubric level here: nothing changes
    assert stored_marks(store, version)["A-2"] == Mark()
    # The outline and the live summary follow the store.
    assert view.outline.indicator_index("A-1").siblingAtColumn(1).data() == "3"
    assert view.summary.scored.text() == "3 of 4 indicators scored"
    assert view.summary.total.text() == "50.0"  # A: only A-1 counts (level 3 of 1-5 = 50); B: N/A
    assert view.summary.chart.values() == [("A", 50.0), ("B", None)]


def test_next_unscored_and_find(qtbot, interview, store) -> None:
    view = interview.interview
    press(qtbot, interview, Qt.Key.Key_2)
    press(qtbot, interview, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert view.current_code == "A-2"

    def find(dialog) -> int:
        qtbot.keyClicks(dialog.search, "b-1")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
        return dialog.result()

    view.run_dialog = find
    press(qtbot, interview, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.current_code == "B-1"


def test_a_note_reaches_the_store_after_a_pause_and_at_once_on_leaving(qtbot, interview, store, scoring_round) -> None:
    version = version_of(store, scoring_round)
    view = interview.interview
    press(qtbot, interview, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert view.panel.note.hasFocus()
    qtbot.keyClicks(view.panel.note, "Bupati hadir 3 jam")  # digits are text here, not levels
    assert stored_marks(store, version) == {}
    qtbot.waitUntil(lambda: stored_note(store, version, "A-1") == "Bupati hadir 3 jam", timeout=2000)
    assert interview.saved_label.text().startswith("All changes saved")
    # Typing then moving on at once: the last keystroke is committed before the move.
    qtbot.keyClicks(view.panel.note, ".")
    qtbot.keyClick(view.panel.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.current_code == "A-2"
    assert stored_note(store, version, "A-1") == "Bupati hadir 3 jam."
    # Typing then leaving the field (focus out) commits too.
    view.panel.note.setFocus()
    qtbot.keyClicks(view.panel.note, "Perda TIK")
    view.tree.setFocus()
    assert stored_note(store, version, "A-2") == "Perda TIK"


def test_closing_the_window_commits_the_last_keystroke(qtbot, interview, store, scoring_round) -> None:
    version = version_of(store, scoring_round)
    view = interview.interview
    view.panel.note.setFocus()
    qtbot.keyClicks(view.panel.note, "ditutup")
    interview.close()
    assert stored_note(store, version, "A-1") == "ditutup"


def test_undo_and_redo_go_through_the_store(qtbot, interview, store, scoring_round) -> None:
    version = version_of(store, scoring_round)
    view = interview.interview
    assert not interview.interview_actions.undo.isEnabled()
    press(qtbot, interview, Qt.Key.Key_2)
    press(qtbot, interview, Qt.Key.Key_4)
    assert interview.interview_actions.undo.isEnabled()
    press(qtbot, interview, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_marks(store, version)["A-1"] == Mark(2)
    assert view.panel.levels.chosen() == Mark(2)
    press(qtbot, interview, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored_marks(store, version)["A-1"] == Mark(4)
    # Ctrl+Z in the note field undoes through the store too (the field has no undo of its own).
    view.panel.note.setFocus()
    qtbot.keyClicks(view.panel.note, "catatan")
    qtbot.keyClick(view.panel.note, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_note(store, version, "A-1") == ""
    assert view.panel.note.toPlainText() == ""


def test_evidence_is_copied_hashed_and_removable(qtbot, interview, store, scoring_round, tmp_path: Path,
                                                 picked_files) -> None:
    version = version_of(store, scoring_round)
    view = interview.interview
    photo = tmp_path / "ruang-server.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg")
    picked_files.append(photo)
    press(qtbot, interview, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    evidence = snapshot(store, version).score("A-1").evidence
    assert [e.file_name for e in evidence] == ["ruang-server.jpg"]
    assert (store.data_dir / evidence[0].stored_path).read_bytes() == photo.read_bytes()
    assert view.panel.evidence.list.item(0).text().startswith("ruang-server.jpg")
    view.panel.evidence.list.setCurrentRow(0)
    qtbot.mouseClick(view.panel.evidence.remove_button, Qt.MouseButton.LeftButton)
    assert snapshot(store, version).score("A-1").evidence == ()
    press(qtbot, interview, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(snapshot(store, version).score("A-1").evidence) == 1
    # Delete in the evidence list detaches the file; elsewhere it clears the level.
    press(qtbot, interview, Qt.Key.Key_3)
    view.panel.evidence.list.setFocus()
    view.panel.evidence.list.setCurrentRow(0)
    qtbot.keyClick(view.panel.evidence.list, Qt.Key.Key_Delete)
    assert snapshot(store, version).score("A-1").evidence == ()
    assert stored_marks(store, version)["A-1"] == Mark(3)


def test_delegation_is_edited_and_stored(qtbot, interview, store, scoring_round) -> None:
    version = version_of(store, scoring_round)
    view = interview.interview

    def fill(dialog) -> int:
        dialog.table.item(0, 0).setText("Wihaji")
        dialog.table.item(0, 1).setText("Bupati")
        dialog.add_row("Ahmad Saputra", "Kepala Dinas Kominfo")
        dialog.accept()
        return dialog.result()

    view.run_dialog = fill
    press(qtbot, interview, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    delegation = snapshot(store, version).delegation
    assert [(d.name, d.role) for d in delegation] == [("Wihaji", "Bupati"), ("Ahmad Saputra", "Kepala Dinas Kominfo")]
    assert "Wihaji (Bupati)" in view.header.delegation.text()


def test_every_shortcut_is_shown_in_menus_and_tooltips(interview) -> None:
    actions = interview.interview_actions

    def walk(menu_actions) -> set:
        found = set()
        for action in menu_actions:
            found.add(action)
            if action.menu() is not None:
                found |= walk(action.menu().actions())
        return found

    menu_actions = walk(interview.menuBar().actions())
    for action in actions.all():
        assert action in menu_actions, action.text()
        assert action.shortcuts(), action.text()
        key = action.shortcuts()[0].toString()
        assert key in action.toolTip(), (action.text(), action.toolTip())


def test_the_views_own_qt_actions_list_still_answers(interview) -> None:
    # The interview's actions once lived in `self.actions`, hiding QWidget.actions(): Qt's own list of the
    # shortcuts the view carries could not be asked for at all.
    assert set(interview.interview_actions.all()) <= set(interview.interview.actions())
    assert all(action.shortcuts() for action in interview.interview.actions())
