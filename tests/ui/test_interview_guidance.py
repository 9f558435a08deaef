"""What the interview tells the assessor as they go: what a level still needs, the timer's state, the
status bar, where the keys go after a dialog, and the signing identity offered where it is needed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from app import assessments, identity
from app.assessments.scoring import Mark
from app.assessments.snapshots import snapshot
from app.models.domain import AssessmentStatus
from tests.ui.conftest import profile, stored_marks, version_of

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def test_a_level_that_needs_a_note_and_evidence_says_so_as_soon_as_it_is_chosen(
        qtbot, interview, store, scoring_round, tmp_path, picked_files) -> None:
    view = interview.interview
    version = version_of(store, scoring_round)
    view.go_to("A-2")
    press(qtbot, interview, Qt.Key.Key_5)  # level 5 of A-2 needs a note and evidence
    row = view.outline.indicator_index("A-2")
    card = view.panel.levels._cards[5]
    assert row.data() == "A-2  Indicator A-2 — needs a note, needs evidence"
    assert "needs a note, needs evidence" in row.data(Qt.ItemDataRole.AccessibleTextRole)
    assert not card.unmet_label.isHidden() and "needs a note, needs evidence" in card.unmet_label.text()
    assert card.accessibleName() == "5: Level 5 — needs a note, needs evidence. ⚠ needs a note, needs evidence"
    assert view.panel.levels._cards[4].unmet_label.isHidden()

    view.panel.note.setFocus()
    qtbot.keyClicks(view.panel.note, "SK pusat data terlampir")
    view.flush()
    assert row.data() == "A-2  Indicator A-2 — needs evidence" and card.unmet_label.text() == "⚠ needs evidence"
    document = tmp_path / "sk.pdf"
    document.write_bytes(b"%PDF-1.4 sk")
    picked_files.append(document)
    view.attach_evidence()
    assert row.data() == "A-2  Indicator A-2" and card.unmet_label.isHidden()
    assert card.accessibleName() == "5: Level 5 — needs a note, needs evidence"  # what the level asks, no warning

    view.tree.setFocus()
    press(qtbot, interview, Qt.Key.Key_3)  # a level that asks for nothing
    assert stored_marks(store, version)["A-2"] == Mark(3) and row.data() == "A-2  Indicator A-2"


def test_the_timer_resumes_and_is_off_once_finalized(qtbot, interview, store, scoring_round) -> None:
    view = interview.interview
    timer_action = interview.interview_actions.timer
    assert view.timer.button.text() == "Start" and timer_action.text() == "Start timer"
    press(qtbot, interview, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert view.timer.running and view.timer.button.text() == "Pause"
    qtbot.wait(20)
    press(qtbot, interview, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert not view.timer.running
    assert view.timer.button.text() == "Resume" and timer_action.text() == "Resume timer"

    version = version_of(store, scoring_round)
    for code, level in (("A-1", 4), ("A-2", 3), ("B-1", 2)):
        view.go_to(code)
        press(qtbot, interview, getattr(Qt.Key, f"Key_{level}"))
    view.run_dialog = lambda dialog: (dialog.buttons.buttons()[0].click(), dialog.result())[1]
    press(qtbot, interview, Qt.Key.Key_F, CTRL_SHIFT)
    assert snapshot(store, version).status == AssessmentStatus.FINAL
    assert not timer_action.isEnabled() and not view.timer.button.isEnabled()
    press(qtbot, interview, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert not view.timer.running, "a finalized interview's clock does not start"


def test_progress_leaves_the_status_bar_when_the_work_is_done(qtbot, main_window) -> None:
    bar = main_window.statusBar()
    shown: list[str] = []
    bar.messageChanged.connect(shown.append)
    main_window.schedule.reload()
    assert "Loading the schedule… 1/1" in shown, "progress was shown while loading"
    assert bar.currentMessage() == "", "and is gone once the schedule is there"
    main_window.announce("Welcome back")  # a message of its own stays for its time
    assert bar.currentMessage() == "Welcome back"


def test_digit_keys_score_at_once_after_the_shortcut_list(qtbot, interview, store, scoring_round) -> None:
    version = version_of(store, scoring_round)
    view = interview.interview
    view.panel.note.setFocus()  # where the digits type text, not levels
    closed: list[str] = []

    def close_the_list() -> None:
        dialog = QApplication.activeModalWidget()
        closed.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(50, close_the_list)
    press(qtbot, interview, Qt.Key.Key_F1)
    assert closed == ["Keyboard shortcuts"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.tree, timeout=2000)
    press(qtbot, interview, Qt.Key.Key_4)
    assert stored_marks(store, version)["A-1"] == Mark(4)
    assert view.panel.note.toPlainText() == ""


def test_digit_keys_score_at_once_after_go_to_indicator(qtbot, interview, store, scoring_round) -> None:
    version = version_of(store, scoring_round)
    view = interview.interview

    def go_to_b1(dialog) -> int:
        row = next(r for r in range(dialog.list.count()) if dialog.list.item(r).text().startswith("B-1"))
        dialog.list.setCurrentRow(row)
        dialog.buttons.buttons()[0].click()  # "Go to indicator"
        return dialog.result()

    view.panel.note.setFocus()
    view.run_dialog = go_to_b1
    press(qtbot, interview, Qt.Key.Key_F, CTRL_SHIFT)
    assert view.current_code == "B-1"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.tree, timeout=2000)
    press(qtbot, interview, Qt.Key.Key_2)
    assert stored_marks(store, version)["B-1"] == Mark(2)


def test_finalize_offers_the_signing_identity_this_computer_lacks(qtbot, interview, store, scoring_round) -> None:
    view = interview.interview
    version = version_of(store, scoring_round)
    for code, level in (("A-1", 4), ("A-2", 3), ("B-1", 2)):
        view.go_to(code)
        press(qtbot, interview, getattr(Qt.Key, f"Key_{level}"))
    services = interview.menus.sheet_actions.services
    offered: list[str] = []

    def create(dialog) -> int:  # the identity dialog: opened on "Create new", the assessor creates one
        offered.append(dialog.purpose_label.text())
        dialog.show()
        assert dialog.tabs.currentIndex() == 1 and dialog.name.text() == profile(store).name
        qtbot.keyClicks(dialog.new_passphrase, "Tiga Kata Rahasia 2018")
        qtbot.keyClicks(dialog.new_again, "Tiga Kata Rahasia 2018")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    services.run_dialog = create
    seen: list[str] = []

    def finalize_dialog(dialog) -> int:
        dialog.show()
        assert not dialog.list.isVisible(), "no empty list over the title when nothing is missing"
        assert dialog.identity_note.isVisible() and "has none yet" in dialog.identity_note.text()
        qtbot.mouseClick(dialog.identity_button, Qt.MouseButton.LeftButton)
        seen.append(dialog.identity_note.text())
        assert not dialog.identity_button.isVisible()
        dialog.buttons.buttons()[0].click()  # Finalize
        return dialog.result()

    view.run_dialog = finalize_dialog
    press(qtbot, interview, Qt.Key.Key_F, CTRL_SHIFT)
    assert offered and "signed with your signing identity" in offered[0]
    assert identity.has_identity(store.data_dir) and seen[0].startswith("Your signing identity is ready")
    assert snapshot(store, version).status == AssessmentStatus.FINAL


def test_signing_without_an_identity_offers_one_and_cancelling_signs_nothing(qtbot, store, scoring_round,
                                                                              main_window) -> None:
    round_id, assessor = scoring_round
    actor = f"{assessor.name} <{assessor.nip}>"
    version = assessments.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=assessor.id)
    for code, level in (("A-1", 4), ("A-2", 3), ("B-1", 2)):
        assessments.set_level(store, version, code, level, actor)
    assessments.finalize(store, version, actor)
    main_window.open_version(version)
    offered: list[QDialog] = []
    main_window.menus.sheet_actions.services.run_dialog = lambda dialog: offered.append(dialog) or 0
    errors: list[str] = []
    main_window.statusBar().messageChanged.connect(errors.append)
    main_window.menus.sign_sheet.trigger()
    assert len(offered) == 1 and offered[0].tabs.currentIndex() == 1
    assert snapshot(store, version).status == AssessmentStatus.FINAL, "not signed"
    assert not any("not signed" in text for text in errors), "a choice, not a failure"
