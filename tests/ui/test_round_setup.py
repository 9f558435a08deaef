"""The round-setup workspace driven end to end, as a coordinator would from an empty data directory:
a round with an instrument written in a workbook → candidates pasted (Banjar asked about) →
assessors → layout → generate → a slot moved into a conflict and named → undo → the signed round
package, the printable schedule and the XLSX; then an assessor's store takes the package in (with
its instrument) and shows the schedule."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app import identity
from app.rounds import list_rounds, setup
from app.rounds.planning import store_io
from app.store import open_store

PASS = "kata sandi koordinator 2026"
# 24 regions from four provinces (Jawa Tengah 33, Jawa Barat 32, Kalimantan Selatan 63, Jawa Timur 35)
CODES = ["3301", "3302", "3303", "3304", "3305", "3306", "3201", "3202", "3203", "3204", "3205", "3206",
         "6301", "6302", "6304", "6305", "6306", "6307", "3501", "3502", "3503", "3504", "3505", "3506"]
ASSESSORS = [("Sari Wulandari", "33"), ("Budi Santoso", "32"), ("Rina Marlina", "63"), ("Agus Salim", "35"),
             ("Dewi Anggraini", None), ("Hendra Gunawan", None)]


@pytest.fixture
def view(qtbot, store, data_dir, runner, english, tmp_path):
    from app.ui.coordinator.services import CoordinatorServices
    from app.ui.coordinator.view import CoordinatorView

    saved: list[Path] = []

    def pick_save(_parent, _title, suggested, _filter):
        saved.append(tmp_path / "out" / Path(suggested).name)
        saved[-1].parent.mkdir(exist_ok=True)
        return saved[-1]

    services = CoordinatorServices(store, runner, data_dir, "en", actor="Dewi Lestari <197803142005012002>",
                                   pick_save=pick_save,
                                   ask_passphrase=lambda _parent, directory, _purpose: identity.unlock(directory, PASS))
    widget = CoordinatorView(store, runner, data_dir, "en", services=services)
    widget.saved = saved
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.start()
    return widget


def answer_banjar(dialog) -> int:
    """The paste dialog as a coordinator meets it: Banjar asked, Atlantis reported, nothing guessed."""
    asked = dialog.unanswered()
    assert [line.text for line in asked] == ["Banjar"]
    assert {r.name for r in asked[0].choices} == {"Kabupaten Banjar", "Kota Banjar"}
    assert [line.text for line in dialog.unknown()] == ["Atlantis"]
    assert not dialog.add.isEnabled()  # not before Banjar is answered
    dialog.choose(asked[0].line, "3279")  # Kota Banjar, Jawa Barat
    assert dialog.add.isEnabled() and dialog.add.text() == "&Add 25 region(s)"
    return QDialog.DialogCode.Accepted.value


def test_from_an_empty_store_to_a_round_package_and_the_assessors_schedule(qtbot, view, store, data_dir, runner,
                                                                           tmp_path, monkeypatch, small_instrument) -> None:
    from app.bundles.round_package import import_round_package
    from app.instruments.workbooks import export_instrument_workbook
    from app.ui.setup.paste_dialog import PasteDialog
    from app.ui.setup.slot_grid import SLOT_ROLE

    ws = view.setup_tab
    # an empty data directory: the view offers creating a round
    assert view.tabs.currentWidget() is ws and ws.stack.currentWidget() is ws.round_page
    assert "create one here in Round setup" in view.status.text()
    assert not ws.steps.item(1).flags() & Qt.ItemFlag.ItemIsEnabled  # candidates wait for the round

    # 1. the round
    page = ws.round_page
    qtbot.keyClicks(page.name, "Smart City 2026 - wawancara")
    page.sizes.setText("20, 10")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    [made] = list_rounds(store)
    assert made.name == "Smart City 2026 - wawancara" and made.shortlist_sizes == (20, 10)
    assert ws.round_id == made.id and view.round.currentData() == made.id
    page.stage.setText("Wawancara")
    page.stage.editingFinished.emit()
    assert setup.round_details(store, made.id).stage == "Wawancara"
    qtbot.keyClick(ws, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert setup.round_details(store, made.id).stage == ""  # undone in the store, not only on screen
    assert page.stage.text() == ""
    # the instrument, written in a spreadsheet
    workbook = tmp_path / "instrumen.xlsx"
    export_instrument_workbook(small_instrument, workbook)
    view.services.pick_open = lambda _parent, _title, _filter: str(workbook)
    qtbot.mouseClick(page.from_file, Qt.MouseButton.LeftButton)
    assert setup.round_details(store, made.id).instrument_hash == small_instrument.content_hash

    # 2. candidates, pasted: one ambiguous name asked about, one unknown reported
    qtbot.keyClick(ws, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert ws.stack.currentWidget() is ws.candidates_page
    monkeypatch.setattr(PasteDialog, "exec", answer_banjar)
    assert ws.candidates_page.paste("\n".join([*CODES, "Banjar", "Atlantis"]))
    codes = {c.region.code for c in setup.round_candidates(store, made.id)}
    assert codes == {*CODES, "3279"}
    assert "25 candidate(s)" in ws.steps.item(1).text()

    # 3. assessors: the first typed into the form, with where she comes from
    qtbot.keyClick(ws, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    apage = ws.assessors_page
    assert ws.stack.currentWidget() is apage
    name, province = ASSESSORS[0]
    qtbot.keyClicks(apage.name, name)
    apage.province.setCurrentIndex(apage.province.findData(province))
    apage.province.activated.emit(apage.province.currentIndex())
    qtbot.keyClick(apage.name, Qt.Key.Key_Return)
    for name, province in ASSESSORS[1:]:
        apage.start_new()
        apage.name.setText(name)
        apage.province.setCurrentIndex(apage.province.findData(province))
        assert apage.add_from_form()
    assessors = {a.name: a for a in setup.round_assessors(store, made.id)}
    assert set(assessors) == {n for n, _ in ASSESSORS}
    assert assessors["Sari Wulandari"].province_code == "33"

    # 4. layout and generation
    qtbot.keyClick(ws, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    spage = ws.schedule_page
    spage.form.first_day.setDate(spage.form.first_day.date().fromString("2026-03-02", "yyyy-MM-dd"))
    spage.form.first_day.editingFinished.emit()
    spage.form.day_count.setValue(2)
    spage.form.panels.setValue(2)
    assert setup.schedule_layout(store, made.id).days == (date(2026, 3, 2), date(2026, 3, 3))
    assert setup.schedule_layout(store, made.id).panels == 2
    qtbot.mouseClick(spage.generate_button, Qt.MouseButton.LeftButton)
    slots = store_io.round_slots(store, made.id)
    assert sorted(s.region_code for s in slots) == sorted({*CODES, "3279"})
    assert spage.problems == [] and "No problems" in spage.problem_label.text()
    assert "Linked:" in spage.linkage.text()
    by_name = {a.id: a for a in assessors.values()}
    for slot in slots:  # nobody on a candidate of their own province
        assert all(by_name[i].province_code != slot.region_code[:2] for i in slot.assessor_ids)

    # move a Jawa Tengah candidate onto Sari's panel: the conflict is named on the slot
    sari = assessors["Sari Wulandari"].id
    target = next(s for s in spage.slots if sari in s.assessor_ids)
    index = next(i for i, s in enumerate(spage.slots) if s.region_code.startswith("33"))
    from app.ui.setup.slot_grid import column_of

    assert spage.move_slot(index, target.day, target.start, column_of(target, spage.model.rooms()))
    problems = [p for p in spage.problems if p.kind == "conflict"]
    assert problems and problems[0].slot is not None
    moved_slot = spage.slots[problems[0].slot]
    assert moved_slot.region_code.startswith("33") and sari in moved_slot.assessor_ids
    row, column = spage.model.cell_of(problems[0].slot)
    cell = spage.model.index(row, column)
    assert cell.data(SLOT_ROLE) == problems[0].slot
    assert cell.data().startswith("⚠") and problems[0].message in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None
    assert any(problems[0].message in spage.problem_list.item(i).text() for i in range(spage.problem_list.count()))
    saved = {s.region_code: s for s in store_io.round_slots(store, made.id)}
    assert sari in saved[moved_slot.region_code].assessor_ids  # the move is in the store
    assert "problem" in ws.steps.item(3).text()
    qtbot.keyClick(ws, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert spage.problems == []
    assert sari not in {s.region_code: s for s in store_io.round_slots(store, made.id)}[moved_slot.region_code].assessor_ids

    # 5. hand out: the signed package, the PDF and the XLSX
    identity.create_identity(data_dir, "Dewi Lestari", "197803142005012002", "Kominfo", PASS)
    qtbot.keyClick(ws, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    hpage = ws.handout_page
    assert "✓ 25 candidate(s)" in hpage.ready.text()
    qtbot.mouseClick(hpage.package_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(hpage.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(hpage.xlsx_button, Qt.MouseButton.LeftButton)
    package, pdf, xlsx = view.saved
    assert package.suffix == ".nilairound" and package.stat().st_size > 0
    assert pdf.exists() and xlsx.exists(), view.status.text()
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.read_bytes().startswith(b"PK")

    # an assessor's store takes the package in and shows Sari's schedule
    from app.ui.schedule.view import ScheduleView

    laptop = open_store(tmp_path / "laptop")
    try:
        result = import_round_package(laptop, package)
        assert result.slots == len(slots)
        assert [r.instrument_hash for r in list_rounds(laptop)] == [small_instrument.content_hash]
        schedule = ScheduleView(laptop, runner, sari)
        qtbot.addWidget(schedule)
        schedule.reload()
        entries = []
        model = schedule.model

        def walk(parent) -> None:
            for r in range(model.rowCount(parent)):
                child = model.index(r, 0, parent)
                walk(child)
                if not model.rowCount(child):
                    entries.append(child.data())

        from PySide6.QtCore import QModelIndex

        walk(QModelIndex())
        mine = [s for s in slots if sari in s.assessor_ids]
        assert len(entries) == len(mine) > 0
    finally:
        laptop.close()


def test_a_new_coordinator_reaches_round_setup_from_the_first_start(qtbot, data_dir, english) -> None:
    """An empty data directory: profile, then "Prepare a new round" in the welcome opens round setup."""
    from app.ui.application import Started, start
    from app.ui.tasks import InlineExecutor
    from tests.ui.test_main_window import args_for
    from tests.ui.test_main_wiring import first_run

    seen = first_run(qtbot, lambda dialog: dialog.prepare_button.click())
    started = start(args_for(data_dir, lang=None), executor=InlineExecutor())
    assert isinstance(started, Started)
    try:
        assert seen == ["Welcome to Nilai", "Welcome to Nilai"]
        coordinator = started.shell.window.menus.coordinator_actions.coordinator
        assert coordinator is not None and coordinator.isVisible()
        view = coordinator.view
        assert view.tabs.currentWidget() is view.setup_tab and view.setup_tab.round_page.create_button.isVisible()
        qtbot.keyClicks(view.setup_tab.round_page.name, "Ronde pertama")
        qtbot.keyClick(view.setup_tab.round_page.name, Qt.Key.Key_Return)
        assert [r.name for r in list_rounds(started.store)] == ["Ronde pertama"]
    finally:
        started.stop()
