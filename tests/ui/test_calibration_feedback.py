"""The assessor's calibration feedback: from the schedule, their own level on each indicator of the
calibration case beside the group median the round package carried, where they sat said in words."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
