"""Round setup in Indonesian: the checker's problems, the generator's notes and reasons, and the
pasted lines' problems are said in the interface language, not in the core's English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.rounds import setup
from app.rounds.setup import ScheduleLayout

# words of the core's English messages that must not reach an Indonesian screen
ENGLISH = re.compile(r"\b(sits on|but|is from|is also|candidates|slots|panel pairs|every assessor|load balanced|"
                     r"declared|not a regency|did you mean)\b", re.IGNORECASE)
CODES = ["3301", "3302", "3303", "3304", "3201", "3202", "3203", "3204", "6301", "6302", "6303", "6304"]


@pytest.fixture
def indonesian(qapp) -> Iterator[None]:
    from PySide6.QtCore import QLocale

    from app.ui import i18n

    locale = QLocale()
    i18n.install("id")
    yield
    i18n.uninstall()
    QLocale.setDefault(locale)


@pytest.fixture
def workspace(qtbot, store, data_dir, runner, indonesian):
    from app.ui.coordinator.services import CoordinatorServices
    from app.ui.setup.workspace import SetupWorkspace

    round_id = setup.new_round(store, name="Uji 2026", instrument_id="smart-city-readiness-2018")
    setup.add_candidates(store, round_id, CODES)
    for name, province in (("Sari Wulandari", "33"), ("Budi Santoso", "32"), ("Rina Marlina", "63"),
                           ("Agus Salim", "35")):
        setup.add_assessor(store, round_id, name=name, province_code=province)
    setup.save_schedule_layout(store, round_id, ScheduleLayout(days=(date(2026, 3, 2), date(2026, 3, 3)),
                                                               panels=2, panel_size=2))
    ws = SetupWorkspace(CoordinatorServices(store, runner, data_dir, "id"))
    qtbot.addWidget(ws)
    ws.resize(1366, 768)
    ws.show()
    ws.set_round(round_id)
    return ws


def test_a_conflict_is_named_in_indonesian_on_the_slot_and_in_the_list(workspace) -> None:
    from app.ui.setup.slot_grid import column_of

    page = workspace.schedule_page
    page.generate()
    assert page.slots and page.problems == []
    notes = page.notes.text()
    assert "Beban seimbang" in notes and "kandidat dalam" in notes and not ENGLISH.search(notes)
    assert "Keterhubungan:" in page.linkage.text() and "%" in page.linkage.text()

    sari = next(a.id for a in setup.round_assessors(workspace.ctx.store, workspace.round_id)
                if a.name == "Sari Wulandari")
    target = next(s for s in page.slots if sari in s.assessor_ids)
    index = next(i for i, s in enumerate(page.slots) if s.region_code.startswith("33") and sari not in s.assessor_ids)
    assert page.move_slot(index, target.day, target.start, column_of(target, page.model.rooms()))
    conflict = next(p for p in page.problems if p.kind == "conflict" and p.data["assessor"] == "Sari Wulandari")
    assert "sits on" in conflict.message  # the core keeps its English for the command line
    row, column = page.model.cell_of(conflict.slot)
    tooltip = page.model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
    assert " menit · " in tooltip.splitlines()[1] and "." in tooltip.splitlines()[1].split(",")[0]  # 08.00, not 08:00
    said = tooltip.splitlines()[-1]
    assert said.startswith("⚠ Sari Wulandari menilai Kabupaten") and "berasal dari Jawa Tengah" in said
    assert not ENGLISH.search(said)
    listed = [page.problem_list.item(i).text() for i in range(page.problem_list.count())]
    assert any("Sari Wulandari menilai" in text and "padahal berasal dari Jawa Tengah" in text for text in listed)
    assert not any(ENGLISH.search(text) for text in listed)


def test_no_plan_is_explained_in_indonesian(workspace, store) -> None:
    refused: list[str] = []
    workspace.failed.connect(refused.append)
    setup.save_schedule_layout(store, workspace.round_id, ScheduleLayout(days=(date(2026, 3, 2),), panels=2,
                                                                         panel_size=3))
    workspace.schedule_page.refresh()
    workspace.schedule_page.generate()
    assert refused and refused[-1].startswith("Tidak ada jadwal")
    assert "memerlukan 6 penilai, putaran ini punya 4" in refused[-1] and not ENGLISH.search(refused[-1])


def test_pasted_lines_that_name_no_region_are_explained_in_indonesian(qtbot, indonesian) -> None:
    from app.ui.setup.paste_dialog import PasteDialog

    dialog = PasteDialog(text="Atlantis\n33\nKabupaten Cilacp")
    dialog.resolve()
    qtbot.addWidget(dialog)
    said = [dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())]
    assert said[0] == "✗ “Atlantis” bukan kabupaten atau kota"
    assert said[1].startswith("✗ “33” adalah kode provinsi")
    assert "maksud Anda Kabupaten Cilacap (3301)?" in said[2]
    assert not any(ENGLISH.search(text) for text in said)


def test_an_assessors_workbook_with_bad_cells_is_refused_in_indonesian(workspace, store, tmp_path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "penilai.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.title = "Penilai"
    sheet.append(["name", "nip", "province"])
    sheet.append(["Rudi Hartono", "19800101", "Jawa Barta"])
    sheet.append(["Wati", "12ab", "32"])
    book.save(path)
    refused: list[str] = []
    workspace.failed.connect(refused.append)
    before = {a.name for a in setup.round_assessors(store, workspace.round_id)}
    workspace.ctx.services.pick_open = lambda _parent, _title, _filter: str(path)
    assert not workspace.assessors_page.import_file()
    assert refused == ["penilai.xlsx: 2 masalah, tidak ada yang diimpor; yang pertama: lembar Penilai, baris 2, "
                       "kolom province: “Jawa Barta” bukan provinsi (maksud Anda Jawa Barat?)"]
    assert {a.name for a in setup.round_assessors(store, workspace.round_id)} == before  # nothing imported


def test_a_taken_round_name_and_a_scored_candidate_are_refused_in_indonesian(workspace, store) -> None:
    from PySide6.QtCore import QItemSelectionModel

    from app.assessments.editing import start_assessment

    setup.new_round(store, name="Lain 2026", instrument_id="smart-city-readiness-2018")
    refused: list[str] = []
    workspace.failed.connect(refused.append)
    page = workspace.round_page
    page.name.setText("Lain 2026")
    page.name.editingFinished.emit()
    assert refused == ["Sudah ada putaran bernama “Lain 2026” di sini; pilih nama lain."]
    assert setup.round_details(store, workspace.round_id).name == "Uji 2026"  # nothing changed

    sari = next(a.id for a in setup.round_assessors(store, workspace.round_id) if a.name == "Sari Wulandari")
    start_assessment(store, round_id=workspace.round_id, region_code="3301", assessor_id=sari)
    candidates = workspace.candidates_page
    row = next(i for i, c in enumerate(candidates._candidates) if c.region.code == "3301")
    candidates.candidates.selectionModel().select(candidates.candidate_model.index(row, 0),
                                                  QItemSelectionModel.SelectionFlag.Select |
                                                  QItemSelectionModel.SelectionFlag.Rows)
    assert not candidates.remove_selected()
    assert refused[-1] == ("Kabupaten Cilacap (3301) sudah memiliki penilaian dalam putaran ini, jadi tetap menjadi "
                           "kandidat; tidak ada yang dihapus.")
    assert "3301" in {c.region.code for c in setup.round_candidates(store, workspace.round_id)}

    assessors = workspace.assessors_page
    info = next(a for a in setup.round_assessors(store, workspace.round_id) if a.id == sari)
    assessors.current = info
    assert not assessors.remove_current()
    assert refused[-1] == "Sari Wulandari sudah memiliki penilaian dalam putaran ini, jadi tetap berada di dalamnya."
    assert not any(ENGLISH.search(text) for text in refused)


def test_a_missing_column_and_a_bad_break_are_said_in_indonesian_and_an_unknown_refusal_in_english(
        indonesian, tmp_path) -> None:
    from datetime import time

    from app.rounds.setup.layout import check_layout
    from app.ui.setup.setup_words import SetupWords

    words = SetupWords()
    path = tmp_path / "kandidat.csv"
    path.write_text("kode;nama\n3301;Cilacap\n", encoding="utf-8")
    with pytest.raises(setup.FileProblems) as column:
        setup.read_column(path, "wilayah")
    assert "no column 'wilayah'" in str(column.value)  # the command line keeps its English
    assert words.said(column.value) == ("kandidat.csv: 1 masalah, tidak ada yang diimpor; yang pertama: baris 1: "
                                        "tidak ada kolom “wilayah” (kolomnya: 'kode', 'nama')")
    with pytest.raises(setup.SetupError) as outside:
        check_layout(ScheduleLayout(days=(date(2026, 3, 2),), breaks=((time(7, 0), time(7, 30)),)))
    assert words.said(outside.value).startswith("Istirahat 07.00–07.30 berada di luar hari (08.00–")
    assert words.said(setup.SetupError("Something new; do this.")) == "Something new; do this."
    assert words.said(setup.SetupError("Said in English.", "a_kind_not_known_yet")) == "Said in English."
