"""Finalizing lists what is missing and jumps there; finalized is read-only; reopening needs a reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app import assessments
from app.assessments.scoring import Mark
from app.assessments.snapshots import snapshot
from app.models.domain import AssessmentStatus
from app.store import settings
from tests.ui.conftest import stored_marks, version_of


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_finalize_lists_what_is_missing_then_finalizes(qtbot, interview, store, scoring_round, tmp_path: Path,
                                                       picked_files) -> None:
    version = version_of(store, scoring_round)
    view = interview.interview
    press(qtbot, interview, Qt.Key.Key_3)
    seen: list[list[str]] = []

    def go_to_second(dialog) -> int:
        seen.append([dialog.list.item(row).text() for row in range(dialog.list.count())])
        dialog.list.itemActivated.emit(dialog.list.item(1))
        return dialog.result()

    view.run_dialog = go_to_second
    press(qtbot, interview, Qt.Key.Key_F, CTRL_SHIFT)
    assert seen == [["A-2  Indicator A-2 — no level chosen", "B-1  Indicator B-1 — no level chosen"]]
    assert view.current_code == "B-1"
    assert snapshot(store, version).status == AssessmentStatus.DRAFT

    press(qtbot, interview, Qt.Key.Key_2)  # B-1
    view.go_to("A-2")
    press(qtbot, interview, Qt.Key.Key_5)  # level 5 of A-2 needs a note and evidence

    def go_to_first(dialog) -> int:
        seen.append([dialog.list.item(row).text() for row in range(dialog.list.count())])
        dialog.list.itemActivated.emit(dialog.list.item(0))
        return dialog.result()

    view.run_dialog = go_to_first
    view.go_to("B-1")
    press(qtbot, interview, Qt.Key.Key_F, CTRL_SHIFT)
    assert seen[-1] == ["A-2  Indicator A-2 — the chosen level needs a note",
                        "A-2  Indicator A-2 — the chosen level needs evidence attached"]
    assert view.current_code == "A-2"

    view.panel.note.setFocus()
    qtbot.keyClicks(view.panel.note, "Pusat data sudah beroperasi")
    document = tmp_path / "sk-command-center.pdf"
    document.write_bytes(b"%PDF-1.4 surat keputusan")
    picked_files.append(document)
    press(qtbot, interview, Qt.Key.Key_E, CTRL_SHIFT)  # the note is committed first, then the file attached

    def confirm(dialog) -> int:
        assert dialog.list.count() == 0
        seen.append(["ready: " + dialog.heading.text().split(".")[0]])
        dialog.buttons.buttons()[0].click()
        return dialog.result()

    view.run_dialog = confirm
    press(qtbot, interview, Qt.Key.Key_F, CTRL_SHIFT)
    assert seen[-1] == ["ready: Everything required is complete"]
    assert snapshot(store, version).status == AssessmentStatus.FINAL
    assert view.banner.isVisible()
    assert interview.interview_actions.reopen.isEnabled() and not interview.interview_actions.levels[0].isEnabled()

    # Read-only: keys change nothing in the store, the note cannot be edited.
    before = stored_marks(store, version)
    press(qtbot, interview, Qt.Key.Key_1)
    press(qtbot, interview, Qt.Key.Key_N)
    assert stored_marks(store, version) == before
    assert view.panel.note.isReadOnly()


def test_reopen_needs_a_reason_and_makes_a_new_version(qtbot, interview, store, scoring_round) -> None:
    version = version_of(store, scoring_round)
    actor = "Siti Rahmawati <198001012005012001>"
    for code, level in (("A-1", 4), ("A-2", 3), ("B-1", 2)):
        assessments.set_level(store, version, code, level, actor)
    assessments.finalize(store, version, actor)
    view = interview.interview
    view.session.refresh()
    assert view.read_only
    checks = []

    def give_reason(dialog) -> int:
        checks.append(dialog.ok.isEnabled())
        qtbot.keyClicks(dialog.reason, "   ")
        checks.append(dialog.ok.isEnabled())
        qtbot.keyClicks(dialog.reason, "Delegasi mengirim Perda setelah wawancara")
        checks.append(dialog.ok.isEnabled())
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    view.run_dialog = give_reason
    press(qtbot, interview, Qt.Key.Key_R, CTRL_SHIFT)
    assert checks == [False, False, True]
    new_version = view.version_id
    assert new_version != version
    assert settings.read(store, settings.LAST_OPEN) == new_version
    new = snapshot(store, new_version)
    assert new.status == AssessmentStatus.DRAFT and new.previous_version_id == version
    assert new.reopen_reason == "   Delegasi mengirim Perda setelah wawancara".strip()
    assert snapshot(store, version).status == AssessmentStatus.FINAL  # the old version stays as it was
    assert not view.read_only and not view.banner.isVisible()
    press(qtbot, interview, Qt.Key.Key_5)
    assert stored_marks(store, new_version)[view.current_code] == Mark(5)
    assert stored_marks(store, version)[view.current_code] != Mark(5)


def test_cancelling_reopen_changes_nothing(qtbot, interview, store, scoring_round) -> None:
    version = version_of(store, scoring_round)
    actor = "Siti Rahmawati <198001012005012001>"
    for code, level in (("A-1", 4), ("A-2", 3), ("B-1", 2)):
        assessments.set_level(store, version, code, level, actor)
    assessments.finalize(store, version, actor)
    view = interview.interview
    view.session.refresh()
    view.run_dialog = lambda dialog: (dialog.reject(), dialog.result())[1]
    press(qtbot, interview, Qt.Key.Key_R, CTRL_SHIFT)
    assert view.version_id == version
    assert settings.read(store, settings.LAST_OPEN) == version
