"""The round-setup pages one by one: what each edit writes, how it is undone, what is refused and
why, and the schedule grid's moves by keyboard, cut and paste, and drag and drop."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from PySide6.QtCore import QModelIndex, Qt

from app.rounds import setup
from app.rounds.planning import store_io
from app.rounds.setup import ScheduleLayout
from tests.conftest import small_instrument_data


@pytest.fixture
def workspace(qtbot, store, data_dir, runner, english):
    from app.ui.coordinator.services import CoordinatorServices
    from app.ui.setup.workspace import SetupWorkspace

    round_id = setup.new_round(store, name="Uji 2026", instrument_id="smart-city-readiness-2018")
    ws = SetupWorkspace(CoordinatorServices(store, runner, data_dir, "en"))
    qtbot.addWidget(ws)
    ws.resize(1366, 768)
    ws.show()
    ws.set_round(round_id)
    return ws


def messages(ws) -> tuple[list[str], list[str]]:
    said: list[str] = []
    refused: list[str] = []
    ws.message.connect(said.append)
    ws.failed.connect(refused.append)
    return said, refused


def test_a_bad_field_is_refused_with_one_line_and_changes_nothing(workspace, store) -> None:
    _said, refused = messages(workspace)
    page = workspace.round_page
    page.sizes.setText("75, lima puluh")
    page.sizes.editingFinished.emit()
    assert refused == ["Shortlist sizes are whole numbers separated by commas, e.g. 75, 50."]
    assert setup.round_details(store, workspace.round_id).shortlist_sizes == (75, 50)
    assert page.sizes.text() == "75, 50"  # the field shows what is kept
    assert not workspace.ctx.history.stack.canUndo()


def test_an_instrument_from_a_file_is_kept_and_chosen(workspace, store, tmp_path) -> None:
    path = tmp_path / "instrumen.yaml"
    path.write_text(yaml.safe_dump(small_instrument_data(), allow_unicode=True), encoding="utf-8")
    workspace.ctx.services.pick_open = lambda _parent, _title, _filter: str(path)
    workspace.round_page.choose_file()
    details = setup.round_details(store, workspace.round_id)
    assert details.instrument_hash == workspace.round_page.instrument.currentData()
    assert "in this data directory" in workspace.round_page.instrument.currentText()
    workspace.ctx.history.undo()
    assert setup.round_details(store, workspace.round_id).instrument_hash != details.instrument_hash


def test_an_instrument_written_in_a_workbook_is_imported_chosen_and_previewed(workspace, store, tmp_path,
                                                                             small_instrument) -> None:
    from app.instruments.workbooks import export_instrument_workbook

    path = tmp_path / "instrumen.xlsx"
    export_instrument_workbook(small_instrument, path)
    page = workspace.round_page
    assert page.use_file(path)
    assert setup.round_details(store, workspace.round_id).instrument_hash == small_instrument.content_hash
    assert "in this data directory" in page.instrument.currentText()
    dialog = page.preview()
    try:
        assert dialog is not None and dialog.instrument.content_hash == small_instrument.content_hash
    finally:
        dialog.reject()


def test_a_workbook_with_bad_cells_lists_them_and_nothing_changes(workspace, store, tmp_path, small_instrument) -> None:
    from openpyxl import load_workbook

    from app.instruments.workbooks import export_instrument_workbook

    path = tmp_path / "rusak.xlsx"
    export_instrument_workbook(small_instrument, path)
    book = load_workbook(path)
    book["settings"]["A2"] = ""  # the instrument's id left blank
    book.save(path)
    _said, refused = messages(workspace)
    shown = []
    workspace.round_page.show_problems = lambda dialog: shown.append(
        [dialog.problems.item(i).text() for i in range(dialog.problems.count())])
    before = setup.round_details(store, workspace.round_id).instrument_hash
    assert not workspace.round_page.use_file(path)
    assert shown and shown[0] and "rusak.xlsx" in refused[-1]
    assert setup.round_details(store, workspace.round_id).instrument_hash == before


def test_a_broken_instrument_file_is_named_and_nothing_changes(workspace, store, tmp_path) -> None:
    _said, refused = messages(workspace)
    path = tmp_path / "rusak.yaml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    before = setup.round_details(store, workspace.round_id).instrument_hash
    assert not workspace.round_page.use_file(path)
    assert len(refused) == 1 and "rusak.yaml" in refused[0]
    assert setup.round_details(store, workspace.round_id).instrument_hash == before


def test_catalogue_filters_and_adding_and_removing_candidates_with_undo(qtbot, workspace, store) -> None:
    page = workspace.candidates_page
    workspace.show_step(1)
    page.province.setCurrentIndex(page.province.findData("63"))  # Kalimantan Selatan
    page.kind.setCurrentIndex(page.kind.findData("kota"))
    names = [page.catalogue_model.item(r).name for r in range(page.catalogue_model.rowCount())]
    assert names and all(n.startswith("Kota") for n in names) and "Kota Banjarmasin" in names
    qtbot.keyClicks(page.search, "banjarb")
    assert [page.catalogue_model.item(r).code for r in range(page.catalogue_model.rowCount())] == ["6372"]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # to the first region found
    qtbot.keyClick(page.catalogue, Qt.Key.Key_Return)  # and in
    assert [c.region.code for c in setup.round_candidates(store, workspace.round_id)] == ["6372"]
    page.candidates.selectRow(0)
    page.status.setCurrentIndex(page.status.findData("interview"))
    assert page.set_status()
    assert setup.round_candidates(store, workspace.round_id)[0].status == "interview"
    page.candidates.selectRow(0)
    page.candidates.setFocus()
    qtbot.keyClick(page.candidates, Qt.Key.Key_Delete)
    assert setup.round_candidates(store, workspace.round_id) == []
    qtbot.keyClick(workspace, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    [back] = setup.round_candidates(store, workspace.round_id)
    assert (back.region.code, back.status) == ("6372", "interview")  # with its status
    qtbot.keyClick(workspace, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert setup.round_candidates(store, workspace.round_id) == []


def test_an_assessor_is_edited_field_by_field_with_a_declared_conflict(workspace, store) -> None:
    page = workspace.assessors_page
    page.name.setText("Sari Wulandari")
    page.nip.setText("198001012005012001")
    assert page.add_from_form()
    page.view.selectRow(0)
    assert page.current is not None and page.current.name == "Sari Wulandari"
    page.organisation.setText("Universitas Diponegoro")
    page.organisation.editingFinished.emit()
    page.conflict_region.setEditText("Kota Semarang (3374)")
    page.conflict_reason.setText("pernah menjabat di sana")
    assert page.declare_conflict()
    [info] = setup.round_assessors(store, workspace.round_id)
    assert info.organisation == "Universitas Diponegoro"
    assert info.conflicts == {"3374": "pernah menjabat di sana"}
    assert "Kota Semarang" in page.model.index(0, 5).data()
    workspace.ctx.history.undo()
    assert setup.round_assessors(store, workspace.round_id)[0].conflicts == {}


def planned(workspace, store, codes: list[str], assessors: list[tuple[str, str | None]]) -> None:
    setup.add_candidates(store, workspace.round_id, codes)
    for name, province in assessors:
        setup.add_assessor(store, workspace.round_id, name=name, province_code=province)
    setup.save_schedule_layout(store, workspace.round_id, ScheduleLayout(days=(date(2026, 3, 2),), panels=2,
                                                                         panel_size=2, rooms=("Garuda", "Merak")))
    workspace.ctx.changed.emit()
    workspace.show_step(3)
    workspace.schedule_page.generate()


def test_slots_move_by_keyboard_cut_and_paste_and_drag_and_drop(qtbot, workspace, store) -> None:
    from app.ui.setup.slot_grid import MIME, SLOT_ROLE

    planned(workspace, store, ["3301", "3302", "3201", "3202"], [("A", "33"), ("B", "32"), ("C", None), ("D", None)])
    page = workspace.schedule_page
    model = page.model
    assert model.columnCount() == 2 and model.headerData(0, Qt.Orientation.Horizontal).startswith("Garuda")
    assert page.problems == [] and len(page.slots) == 4
    first = next((r, c) for r in range(model.rowCount()) for c in range(2) if model.index(r, c).data(SLOT_ROLE) is not None)
    code = page.slots[model.index(*first).data(SLOT_ROLE)].region_code
    before = {s.region_code: (s.start, s.panel) for s in store_io.round_slots(store, workspace.round_id)}

    # Ctrl+Down: one slot later (or swapped with the one there)
    page.grid.setFocus()
    page.grid.setCurrentIndex(model.index(*first))
    qtbot.keyClick(page.grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    after = {s.region_code: (s.start, s.panel) for s in store_io.round_slots(store, workspace.round_id)}
    assert after[code][0] > before[code][0]
    assert page.grid.currentIndex().data(SLOT_ROLE) is not None  # the moved slot stays selected

    # cut, then paste into the empty last row of the other panel
    empty = model.index(model.rowCount() - 1, 1 - first[1])
    assert empty.data(SLOT_ROLE) is None
    qtbot.keyClick(page.grid, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    page.grid.setCurrentIndex(empty)
    qtbot.keyClick(page.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    moved = {s.region_code: s for s in store_io.round_slots(store, workspace.round_id)}[code]
    assert moved.start == model.cell_time(model.rowCount() - 1) and moved.panel == model.seat_of(1 - first[1]).panel

    # drag and drop: the model carries the slot and asks the page to move it
    source = model.cell_of(next(i for i, s in enumerate(page.slots) if s.region_code == code))
    data = model.mimeData([model.index(*source)])
    assert data.hasFormat(MIME)
    target = model.index(0, first[1])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    dropped = {s.region_code: s for s in store_io.round_slots(store, workspace.round_id)}[code]
    assert dropped.start == model.cell_time(0) and dropped.panel == model.seat_of(first[1]).panel
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())


def test_a_slot_in_the_break_is_named_on_the_slot(qtbot, workspace, store) -> None:
    planned(workspace, store, ["3301", "3201"], [("A", "33"), ("B", "32"), ("C", None), ("D", None)])
    page = workspace.schedule_page
    model = page.model
    lunch = next(r for r in range(model.rowCount()) if model.in_break(r))
    assert model.index(lunch, 0).data() == "break"
    assert page.move_slot(0, model.day, model.cell_time(lunch), 0)
    kinds = {p.kind for p in page.problems}
    assert "in_break" in kinds or "outside_day" in kinds
    cell = model.index(lunch, 0)
    assert cell.data().startswith("⚠") and cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert page.problem_list.count() == len(page.problems)


def test_assessors_from_a_spreadsheet_all_or_nothing(workspace, store, tmp_path) -> None:
    _said, refused = messages(workspace)
    bad = tmp_path / "penilai-salah.csv"
    bad.write_text("nama,nip,instansi,peran,provinsi\nSari Wulandari,198001012005012001,UNDIP,academic,Jawa Tengah\n"
                   "Budi Santoso,12AB,ITB,academic,Jawa Barat\n", encoding="utf-8")
    workspace.ctx.services.pick_open = lambda _parent, _title, _filter: str(bad)
    assert not workspace.assessors_page.import_file()
    assert "nothing was imported" in refused[-1] and "row 3, column nip: “12AB” is not a NIP" in refused[-1]
    assert setup.round_assessors(store, workspace.round_id) == []
    good = tmp_path / "penilai.csv"
    good.write_text(bad.read_text(encoding="utf-8").replace("12AB", "197001011995121001"), encoding="utf-8")
    workspace.ctx.services.pick_open = lambda _parent, _title, _filter: str(good)
    assert workspace.assessors_page.import_file()
    assert {a.name: a.province_code for a in setup.round_assessors(store, workspace.round_id)} == {
        "Sari Wulandari": "33", "Budi Santoso": "32"}
    assert workspace.assessors_page.model.rowCount() == 2 and "2 assessor(s)" in workspace.steps.item(2).text()


def test_candidates_from_a_spreadsheet_column_ask_about_banjar(workspace, store, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QDialog

    from app.ui.setup.paste_dialog import PasteDialog

    sheet = tmp_path / "kandidat.csv"
    sheet.write_text("Kabupaten/Kota\n3374\nBanjar\n", encoding="utf-8")
    workspace.ctx.services.pick_open = lambda _parent, _title, _filter: str(sheet)
    asked = []

    def answer(dialog) -> int:
        asked.extend(line.text for line in dialog.unanswered())
        dialog.choose(dialog.unanswered()[0].line, "6303")  # Kabupaten Banjar
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PasteDialog, "exec", answer)
    assert workspace.candidates_page.read_column()
    assert asked == ["Banjar"]
    assert sorted(c.region.code for c in setup.round_candidates(store, workspace.round_id)) == ["3374", "6303"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_step_keys_collide_with_no_other_key_of_the_window(qtbot, store, data_dir, runner, lang) -> None:
    """Alt+letter opens a step in either language: no tab, label or button of the window claims it too;
    and every step fits the window's default width in either language."""
    from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

    from app.ui import i18n
    from app.ui.coordinator.services import CoordinatorServices
    from app.ui.coordinator.view import CoordinatorView
    from app.ui.setup.workspace import mnemonic

    i18n.install(lang)
    try:
        setup.new_round(store, name="Uji", instrument_id="smart-city-readiness-2018")
        view = CoordinatorView(store, runner, data_dir, lang, services=CoordinatorServices(store, runner, data_dir, lang))
        qtbot.addWidget(view)
        view.show()
        view.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        view.start()
        ws = view.setup_tab
        always = [view.tabs.tabText(i) for i in range(view.tabs.count())]
        always += [w.text() for w in view.findChildren(QLabel) if w.buddy() is view.round]
        always.append(ws.new_button.text())
        taken = [mnemonic(text) for text in always if mnemonic(text)]
        assert len(ws.letters) == 5 and not set(ws.letters) & set(taken), (ws.letters, taken)
        assert len(set(taken + ws.letters)) == len(taken) + 5
        for number, page in enumerate(ws.pages):  # and none of a page's own keys while it shows
            ws.show_step(number)
            widgets = [*page.findChildren(QAbstractButton), *page.findChildren(QLabel)]
            own = [mnemonic(w.text()) for w in widgets if w.isVisible()]
            own = [letter for letter in own if letter]
            assert not set(own) & set(ws.letters + taken), (number, own)
            assert len(set(own)) == len(own), (number, own)
        ws.show_step(0)
        qtbot.keyClick(ws, Qt.Key(ord(ws.letters[1])), Qt.KeyboardModifier.AltModifier)
        assert ws.stack.currentWidget() is ws.candidates_page
        assert view.minimumSizeHint().width() <= 1280  # the coordinator window's default width is enough
    finally:
        i18n.install("en")


def test_seating_an_assessor_by_hand_is_checked_on_every_slot_of_the_panel(workspace, store, monkeypatch) -> None:
    from app.ui.setup.seat_dialog import SeatDialog
    from app.ui.setup.slot_grid import column_of

    planned(workspace, store, ["3301", "3302", "3201", "3202"], [("A", "33"), ("B", "32"), ("C", None), ("D", None)])
    page = workspace.schedule_page
    ids = {a.name: a.id for a in setup.round_assessors(store, workspace.round_id)}
    slot = next(s for s in page.slots if s.region_code.startswith("33"))
    column = column_of(slot, page.model.rooms())
    seen = []

    def seat(dialog) -> int:
        seen.append(dialog.chosen())
        dialog.tick([ids["A"], ids["C"]])
        return 1

    monkeypatch.setattr(SeatDialog, "exec", seat)
    page.model.show_day(slot.day)
    assert page.seat_panel(column)
    assert seen == [tuple(sorted(slot.assessor_ids))]  # the dialog opened on who sat there
    saved = [s for s in store_io.round_slots(store, workspace.round_id) if s.panel == slot.panel]
    assert saved and all(s.assessor_ids == tuple(sorted([ids["A"], ids["C"]])) for s in saved)
    conflicts = [p for p in page.problems if p.kind == "conflict"]
    assert conflicts and all(page.slots[p.slot].region_code.startswith("33") for p in conflicts)
    workspace.ctx.history.undo()
    assert page.problems == []


def test_an_assessor_removed_from_the_round_comes_back_onto_the_same_seats(workspace, store) -> None:
    planned(workspace, store, ["3301", "3302", "3201", "3202"], [("A", "33"), ("B", "32"), ("C", None), ("D", None)])
    page = workspace.assessors_page
    seated = {s.region_code: s.assessor_ids for s in store_io.round_slots(store, workspace.round_id)}
    row = next(r for r in range(page.model.rowCount()) if page.model.item(r).name == "C")
    before = page.model.item(row).id
    page.view.selectRow(row)
    assert page.remove_current()
    assert "C" not in {a.name for a in setup.round_assessors(store, workspace.round_id)}
    assert any(p.kind == "panel_not_full" for p in workspace.schedule_page.problems)  # named in step 4
    workspace.ctx.history.undo()
    after = next(a.id for a in setup.round_assessors(store, workspace.round_id) if a.name == "C")  # no NIP: new id
    again = {s.region_code: s.assessor_ids for s in store_io.round_slots(store, workspace.round_id)}
    assert again == {code: tuple(sorted(after if i == before else i for i in ids)) for code, ids in seated.items()}
    assert workspace.schedule_page.problems == []


def test_a_slot_moved_where_no_panel_sits_keeps_its_assessors_as_a_new_panel() -> None:
    from datetime import time

    from app.rounds.planning import PlannedSlot
    from app.ui.setup.slot_grid import moved

    day1, day2 = date(2026, 3, 2), date(2026, 3, 3)
    slots = [PlannedSlot(day1, time(8), 30, "P1 D1", "Garuda", "3301", ("a", "b")),
             PlannedSlot(day1, time(8), 30, "P2 D1", "Merak", "3201", ("c", "d")),
             PlannedSlot(day2, time(8), 30, "P1 D2", "Garuda", "3302", ("a", "c"))]
    rooms = ("Garuda", "Merak")
    # onto Merak on day 2, where nobody sits yet: the slot keeps a and b
    after = moved(slots, 0, day2, time(9), 1, rooms, (day1, day2))
    assert (after[0].panel, after[0].room, after[0].assessor_ids) == ("P2 D2", "Merak", ("a", "b"))
    # onto an occupied cell: the two swap, each taking the panel of its new cell
    swapped = moved(slots, 0, day1, time(8), 1, rooms)
    assert (swapped[0].region_code, swapped[0].panel, swapped[0].assessor_ids) == ("3301", "P2 D1", ("c", "d"))
    assert (swapped[1].region_code, swapped[1].panel, swapped[1].assessor_ids) == ("3201", "P1 D1", ("a", "b"))
    assert swapped[2] == slots[2]


def test_ctrl_z_in_a_field_undoes_its_typing_first_then_the_round(qtbot, workspace, store) -> None:
    from PySide6.QtWidgets import QApplication

    workspace.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    page = workspace.round_page
    page.stage.setFocus()
    qtbot.keyClicks(page.stage, "Wawancara")
    qtbot.keyClick(page.stage, Qt.Key.Key_Tab)  # saved on leaving; the focus is now in a date field
    assert setup.round_details(store, workspace.round_id).stage == "Wawancara"
    assert QApplication.focusWidget() is page.starts_on
    page.programme.setFocus()
    qtbot.keyClicks(page.programme, " X")
    qtbot.keyClick(page.programme, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.programme.text() == "Gerakan Menuju 100 Smart City"  # the field's own typing went first
    assert setup.round_details(store, workspace.round_id).stage == "Wawancara"
    page.starts_on.setFocus()
    qtbot.keyClick(page.starts_on, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert setup.round_details(store, workspace.round_id).stage == ""  # nothing typed there: the round's undo


def test_number_keys_open_steps_from_the_tab_bar_and_switch_tabs_elsewhere(qtbot, store, data_dir, runner,
                                                                           english) -> None:
    """Ctrl+4 on the round-setup tab opens step 4 wherever the focus is (the tab bar after a click on the
    tab, or a field of the workspace); on another tab it switches tabs."""
    from PySide6.QtWidgets import QApplication

    from app.ui.coordinator.services import CoordinatorServices
    from app.ui.coordinator.view import CoordinatorView

    setup.new_round(store, name="Uji", instrument_id="smart-city-readiness-2018")
    view = CoordinatorView(store, runner, data_dir, "en", services=CoordinatorServices(store, runner, data_dir, "en"))
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    view.start()
    ws = view.setup_tab
    view.tabs.setCurrentWidget(ws)
    view.tabs.tabBar().setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.tabs.tabBar())
    qtbot.keyClick(view.tabs.tabBar(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert view.tabs.currentWidget() is ws and ws.stack.currentIndex() == 3
    ws.steps.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ws.steps)
    qtbot.keyClick(ws.steps, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert view.tabs.currentWidget() is ws and ws.stack.currentIndex() == 1
    view.tabs.setCurrentWidget(view.ranking_tab)
    view.tabs.tabBar().setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.tabs.tabBar())
    qtbot.keyClick(view.tabs.tabBar(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert view.tabs.currentIndex() == 1
