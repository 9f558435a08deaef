"""The assessor's calibration feedback: from the schedule, their own level on each indicator of the
calibration case beside the group median the round package carried, where they sat said in words."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlmodel import select

from tests.consolidation.test_calibration_view import calibrated_round

SHOTS = os.environ.get("NILAI_SCREENSHOTS")  # a folder: save the screenshots there to look at


def _carry_feedback(store, round_id: str) -> None:
    """What importing a package exported with --calibration-feedback stores (the same two functions)."""
    from app.bundles.package_calibration import apply_cases, package_cases

    with store.transaction(write=True) as session:
        apply_cases(session, round_id, package_cases(session, round_id, feedback=True))


def _schedule(qtbot, store, runner, assessor_id):
    from app.ui.schedule.view import ScheduleView

    view = ScheduleView(store, runner, assessor_id)
    qtbot.addWidget(view)
    view.reload()
    return view


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_assessor_sees_where_they_sat_against_the_group(qtbot, store, runner, lang) -> None:
    from app.bundles.package_calibration import calibration_feedback
    from app.ui import i18n
    from app.ui.schedule.calibration_feedback import INDICATOR, MEDIAN, MINE, WHERE

    i18n.install(lang)
    try:
        b, code = calibrated_round(store)
        bayu = b.assessor("Bayu")
        view = _schedule(qtbot, store, runner, bayu)
        assert not view.feedback_button.isVisibleTo(view)  # the package carried no feedback yet
        _carry_feedback(store, b.round_id)
        view.reload()
        assert view.feedback_button.isVisibleTo(view)
        dialog = view.feedback_dialog()
        assert dialog is not None
        table = dialog.table
        shown = {table.item(r, INDICATOR).text().split()[0]: (table.item(r, MINE).text(), table.item(r, MEDIAN).text(),
                                                                 table.item(r, WHERE).text())
                 for r in range(table.rowCount())}
        (case,) = calibration_feedback(store, b.round_id, bayu)
        lower = "Anda 1 tingkat lebih rendah" if lang == "id" else "you sat lower by 1"
        assert shown == {line.indicator_code: (str(line.my_level), str(int(line.median)), lower)
                         for line in case.lines}
        assert all(line.my_level == line.median - 1 for line in case.lines)  # Bayu scored one level below
        assert ("Umpan balik kalibrasi" if lang == "id" else "Calibration feedback") in dialog.windowTitle()
        from tests.ui.test_accessibility import problems

        view.show()
        dialog.show()
        assert problems(dialog, f"calibration feedback ({lang})") == []
        assert problems(view, f"schedule with feedback ({lang})") == []
        dialog.close()
        if SHOTS:
            dialog.grab().save(str(Path(SHOTS) / f"calibration-feedback-{lang}.png"))
        ani_view = _schedule(qtbot, store, runner, b.assessor("Ani"))
        ani = ani_view.feedback_dialog()
        assert ani is not None
        same = "sama dengan kelompok" if lang == "id" else "the same as the group"
        assert {ani.table.item(r, WHERE).text() for r in range(ani.table.rowCount())} == {same}
    finally:
        i18n.uninstall()


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_interview_shows_your_calibration_for_the_indicator_in_view(qtbot, store, runner, data_dir,
                                                                        lang) -> None:
    from PySide6.QtCore import Qt

    from app.bundles.package_calibration import calibration_feedback
    from app.models.tables import Assessment
    from app.ui import i18n
    from app.ui.interview.actions import InterviewActions
    from app.ui.interview.calibration_dialog import MEDIAN, MINE, WHERE
    from app.ui.interview.view import InterviewView
    from app.ui.schedule.calibration_feedback import CalibrationFeedbackDialog
    from app.ui.state import UiState

    i18n.install(lang)
    try:
        b, code = calibrated_round(store)
        bayu = b.assessor("Bayu")
        with store.transaction() as session:  # Bayu's real interview: 1103
            (version,) = [a.version_id for a in session.exec(select(Assessment).where(
                Assessment.assessor_id == bayu, Assessment.region_code == "1103"))]
        actions = InterviewActions(None)
        view = InterviewView(store, runner, "Bayu", UiState(data_dir), actions, lang)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        qtbot.waitUntil(view.isActiveWindow)  # the shortcuts are the window's
        notices: list[str] = []
        view.notice.connect(notices.append)
        shown: list = []
        view.run_dialog = lambda dialog: shown.append(dialog) or 0
        view.open(version)
        view.go_to("I1")
        qtbot.keyClick(view.tree, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # no feedback carried yet
        assert shown == [] and len(notices) == 1
        assert ("Belum ada umpan balik kalibrasi" if lang == "id" else "No calibration feedback") in notices[0]

        _carry_feedback(store, b.round_id)
        qtbot.keyClick(view.tree, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        (dialog,) = shown
        (case,) = calibration_feedback(store, b.round_id, bayu)
        (line,) = [line for line in case.lines if line.indicator_code == "I1"]
        assert dialog.table.rowCount() == 1 and line.my_level == line.median - 1
        assert dialog.table.item(0, MINE).text() == str(line.my_level)
        assert dialog.table.item(0, MEDIAN).text() == str(int(line.median))
        lower = "lebih rendah dari kelompok 1 tingkat" if lang == "id" else "lower than the group by 1"
        assert dialog.table.item(0, WHERE).text() == lower
        assert "I1" in dialog.windowTitle() and code in dialog.table.item(0, 0).text()
        rubric = dialog.rubric.text()  # the rubric's words of both levels, in the language shown
        indicator = view.session.snapshot.instrument.indicator("I1")
        for level in (line.my_level, int(line.median)):
            words = next(r for r in indicator.levels if r.level == level)
            assert f"<b>{level} · {words.label.get(lang)}</b>" in rubric
        dialog.all_button.click()  # every indicator: the schedule's dialog
        assert isinstance(shown[-1], CalibrationFeedbackDialog)
        from tests.ui.test_accessibility import problems

        dialog.show()
        assert problems(dialog, f"your calibration ({lang})") == []
        if SHOTS:
            dialog.grab().save(str(Path(SHOTS) / f"interview-calibration-{lang}.png"))
        dialog.close()
    finally:
        i18n.uninstall()
