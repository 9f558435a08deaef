"""Round setup: a calibration case added on the Candidates step, through the same core as
``nilai round calibration add``; a refused name says why in one line and changes nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.rounds import setup

SHOTS = os.environ.get("NILAI_SCREENSHOTS")  # a folder: save the screenshots there to look at


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_calibration_case_is_added_on_the_candidates_step(qtbot, store, data_dir, runner, lang) -> None:
    from app.ui import i18n

    i18n.install(lang)
    try:
        from app.ui.coordinator.services import CoordinatorServices
        from app.ui.setup.workspace import SetupWorkspace

        round_id = setup.new_round(store, name="Uji 2026", instrument_id="smart-city-readiness-2018")
        ws = SetupWorkspace(CoordinatorServices(store, runner, data_dir, lang))
        qtbot.addWidget(ws)
        ws.resize(1366, 768)
        ws.show()
        ws.set_round(round_id)
        refused: list[str] = []
        ws.failed.connect(refused.append)
        box = ws.candidates_page.calibration
        qtbot.keyClicks(box.name, "Kota Contoh")
        box.province.setCurrentIndex(box.province.findData("33"))
        qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
        (case,) = setup.calibration_cases(store, round_id)
        assert (case.code, case.name, case.province_code) == ("K001", "Kota Contoh", "33")
        assert refused == [] and box.name.text() == "" and "K001 Kota Contoh" in box.cases.text()
        assert setup.round_candidates(store, round_id) == []  # a case is no candidate to rank

        qtbot.keyClicks(box.name, "Kota Contoh")  # the same name again: refused, nothing changes
        qtbot.keyClick(box.name, Qt.Key.Key_Return)
        taken = "sudah memiliki kasus kalibrasi" if lang == "id" else "already has a calibration case"
        assert len(refused) == 1 and taken in refused[0] and "K001" in refused[0] and "\n" not in refused[0]
        assert [c.code for c in setup.calibration_cases(store, round_id)] == ["K001"]

        box.name.clear()
        box.province.setCurrentIndex(0)  # no province
        qtbot.keyClicks(box.name, "Kabupaten Latihan")
        qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
        assert [(c.code, c.name) for c in setup.calibration_cases(store, round_id)] == [
            ("K001", "Kota Contoh"), ("K002", "Kabupaten Latihan")]
        from tests.ui.test_accessibility import problems

        assert problems(ws.candidates_page, f"candidates step ({lang})") == []
        if SHOTS:
            ws.stack.setCurrentWidget(ws.candidates_page)
            ws.grab().save(str(Path(SHOTS) / f"setup-calibration-{lang}.png"))
    finally:
        i18n.uninstall()


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_calibration_case_is_removed_and_a_scored_one_only_when_ticked(qtbot, store, data_dir, runner,
                                                                        lang) -> None:
    from app.ui import i18n
    from tests.consolidation.test_calibration_view import calibrated_round

    b, code = calibrated_round(store)  # K001, scored by all five assessors
    spare = setup.add_calibration_case(store, b.round_id, "Kota Cadangan")
    i18n.install(lang)
    try:
        from app.ui.coordinator.services import CoordinatorServices
        from app.ui.setup.workspace import SetupWorkspace

        ws = SetupWorkspace(CoordinatorServices(store, runner, data_dir, lang))
        qtbot.addWidget(ws)
        ws.resize(1366, 768)
        ws.show()
        ws.set_round(b.round_id)
        refused: list[str] = []
        ws.failed.connect(refused.append)
        box = ws.candidates_page.calibration
        assert [box.chosen.itemData(i) for i in range(box.chosen.count())] == [code, spare.code]
        box.chosen.setCurrentIndex(box.chosen.findData(spare.code))
        qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)  # nobody scored it: removed
        assert refused == [] and [c.code for c in setup.calibration_cases(store, b.round_id)] == [code]
        assert box.chosen.count() == 1 and spare.code not in box.cases.text()

        qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)  # scored: refused in one line
        words = "sudah memiliki 5 penilaian" if lang == "id" else "already has 5 assessment(s)"
        assert len(refused) == 1 and words in refused[0] and "\n" not in refused[0]
        assert [c.code for c in setup.calibration_cases(store, b.round_id)] == [code]
        if SHOTS:
            ws.show_step(1)  # the Candidates step, chosen in the step list as a coordinator would
            ws.grab().save(str(Path(SHOTS) / f"setup-calibration-remove-{lang}.png"))

        box.force.setFocus()
        qtbot.keyClick(box.force, Qt.Key.Key_Space)  # the keyboard ticks "also when scored"
        assert box.force.isChecked()
        qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
        assert setup.calibration_cases(store, b.round_id) == [] and len(refused) == 1
        assert not box.remove_button.isEnabled() and not box.force.isChecked()
    finally:
        i18n.uninstall()
