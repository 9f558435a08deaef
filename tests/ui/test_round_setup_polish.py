"""Small things of the round-setup screens: the round chooser shows a long name whole (or elided in
the middle, with the whole name in its tooltip), the rooms field reads from its start, and the
generator's summary says the linkage first, then the load, each on its own line."""

from __future__ import annotations

from datetime import date

import pytest

from app.rounds import setup
from app.rounds.setup import ScheduleLayout

LONG = "Gerakan Menuju 100 Smart City 2026 — Tahap II (wawancara daerah)"


def test_the_round_chooser_shows_a_long_name_and_tells_it_whole(qtbot, store, data_dir, runner, english) -> None:
    from app.ui.coordinator.view import CoordinatorView

    round_id = setup.new_round(store, name=LONG, instrument_id="smart-city-readiness-2018")
    view = CoordinatorView(store, runner, data_dir, "en")
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.start()
    combo = view.round
    assert combo.currentData() == round_id
    assert LONG in combo.toolTip() and round_id in combo.toolTip()
    shown = combo.fontMetrics().horizontalAdvance(combo.currentText())
    assert combo.width() >= shown and combo.width() <= combo.maximumWidth()  # the whole name, within reason


def test_the_rooms_read_from_their_start_and_the_summary_has_its_order(qtbot, store, data_dir, runner,
                                                                        english) -> None:
    from app.ui.coordinator.services import CoordinatorServices
    from app.ui.setup.workspace import SetupWorkspace

    round_id = setup.new_round(store, name="Uji 2026", instrument_id="smart-city-readiness-2018")
    setup.add_candidates(store, round_id, ["3401", "3402", "3403", "3404", "3601", "3602"])
    for name, province in (("Sari", "33"), ("Budi", "32"), ("Rina", "63"), ("Agus", "35")):
        setup.add_assessor(store, round_id, name=name, province_code=province)
    rooms = ("Ruang Garuda Wisnu Kencana", "Ruang Merak Biru Laut Selatan")
    setup.save_schedule_layout(store, round_id, ScheduleLayout(days=(date(2026, 3, 2),), panels=2, panel_size=2,
                                                               rooms=rooms))
    ws = SetupWorkspace(CoordinatorServices(store, runner, data_dir, "en"))
    qtbot.addWidget(ws)
    ws.resize(1280, 720)
    ws.show()
    ws.set_round(round_id)
    page = ws.schedule_page
    assert page.form.rooms.cursorPosition() == 0 and page.form.rooms.text().startswith("Ruang Garuda")
    page.generate()
    assert page.linkage.text().startswith("<b>Linked:")
    notes = page.notes.text()
    assert notes.index("<b>Load</b>") < notes.index("Load balanced") < notes.index("candidates in")


@pytest.mark.parametrize("typed, expected", [("3 Mar 2026", date(2026, 3, 3)), ("5 Mar 2026", date(2026, 3, 5)),
                                             ("15 Jul 2026", date(2026, 7, 15))])
def test_a_date_is_typed_into_an_unset_date_field(qtbot, english, typed: str, expected: date) -> None:
    from PySide6.QtTest import QTest

    from app.ui.setup.round_page import NO_DATE, OptionalDateEdit

    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("—")
    edit.setDisplayFormat("d MMM yyyy")
    edit.setDate(NO_DATE)
    edit.show()
    QTest.keyClicks(edit, typed)  # once piled onto the dash ("—3Mar2026"); "5" then skipped the month
    assert edit.date().toPython() == expected
