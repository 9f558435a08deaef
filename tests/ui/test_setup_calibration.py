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
