"""Schedules as CSV and XLSX: the same columns both ways, round trips that keep every slot, and
every bad cell named by sheet (or line), row and column with nothing imported."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import select

from app.base.spreadsheet import csv_safe, csv_unescaped
from app.models.tables import Assessor, InterviewSlot, Panel, PanelAssessor, Round
from app.rounds import create_round
from app.rounds.schedule import ScheduleError, import_schedule, import_schedule_file
from app.rounds.schedule_files import SHEET, read_rows, round_schedule, write_table
from app.rounds.schedule_rows import COLUMNS
from app.store import open_store

PLAN = """date,start,minutes,panel,room,region,assessors
2018-03-05,09:00,30,Panel A,Ruang 1,3372,198001012005012001;Budi Hidayat (197705052003121002)
2018-03-05,08:30,30,Panel A,Ruang 1,Kota Tangerang Selatan,198001012005012001;Budi Hidayat (197705052003121002)
2018-03-05,08:30,45,Panel B,Ruang 2,Kabupaten Banjar,Ni Luh Putu Ayu Wijayanti
06/03/2018,13:00,,Panel B,Ruang 2,kota banjar,Ni Luh Putu Ayu Wijayanti;Budi Hidayat (197705052003121002)
2018-03-06,08:00,30,Panel A,Ruang 1,Kabupaten Toli-Toli,Budi Hidayat (197705052003121002)
"""


def _slots(store, round_id: str) -> set[tuple]:
    """What a round's schedule holds, independent of ids: slot, panel, room and who sits on the panel."""
    with store.transaction() as session:
        seats: dict[str, set[str]] = {}
        for link, person in session.exec(select(PanelAssessor, Assessor).join(Assessor)):
            seats.setdefault(link.panel_id, set()).add(f"{person.name}/{person.nip}")
        rows = session.exec(select(InterviewSlot, Panel).join(Panel).where(InterviewSlot.round_id == round_id)).all()
        return {(s.day, s.start, s.minutes, p.name, p.room, s.region_code, frozenset(seats.get(p.id, ())))
                for s, p in rows}


def _new_round(store, instrument, name: str) -> str:
    with store.transaction() as session:
        return create_round(session, name=name, instrument=instrument, region_codes=[]).id


@pytest.fixture
def planned(store, scoring_round, small_instrument, tmp_path: Path) -> str:
    """A round whose schedule came from PLAN (besides the fixture's other round)."""
    source = tmp_path / "plan.csv"
    source.write_text(PLAN, encoding="utf-8")
    round_id = _new_round(store, small_instrument, "Rencana")
    assert import_schedule_file(store, round_id, source) == 5
    return round_id


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_into_a_fresh_round_and_a_fresh_store(store, planned, small_instrument, tmp_path: Path,
                                                          suffix: str) -> None:
    out = tmp_path / f"jadwal{suffix}"
    write_table(round_schedule(store, planned), out)
    expected = _slots(store, planned)
    assert len(expected) == 5
    again = _new_round(store, small_instrument, "Salinan")
    assert import_schedule_file(store, again, out) == 5
    assert _slots(store, again) == expected
    # A store that knows none of the assessors takes them in from "Name (NIP)".
    other = open_store(tmp_path / "other")
    try:
        fresh = _new_round(other, small_instrument, "Baru")
        assert import_schedule_file(other, fresh, out) == 5
        assert _slots(other, fresh) == expected
    finally:
        other.close()


def test_export_is_sorted_and_pleasant_in_a_spreadsheet(store, planned, tmp_path: Path) -> None:
    out = tmp_path / "jadwal.xlsx"
    write_table(round_schedule(store, planned), out)
    book = openpyxl.load_workbook(out)
    sheet = book[SHEET]
    assert [c.value for c in sheet[1]] == list(COLUMNS)
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:G6"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(r[0].date(), r[1], r[3]) for r in rows] == [
        (date(2018, 3, 5), time(8, 30), "Panel A"), (date(2018, 3, 5), time(8, 30), "Panel B"),
        (date(2018, 3, 5), time(9, 0), "Panel A"), (date(2018, 3, 6), time(8, 0), "Panel A"),
        (date(2018, 3, 6), time(13, 0), "Panel B")]
    assert sheet["A2"].number_format == "dd/mm/yyyy" and sheet["B2"].number_format == "hh:mm"
    assert rows[1][5] == "Kabupaten Banjar" and rows[4][5] == "Kota Banjar"
    assert rows[0][6] == "Budi Hidayat (197705052003121002); Siti Rahmawati (198001012005012001)"
    assert rows[4][6] == "Budi Hidayat (197705052003121002); Ni Luh Putu Ayu Wijayanti"  # Budi sits on both panels
    assert sheet.column_dimensions["G"].width > 40
    csv_text = (tmp_path / "jadwal.csv")
    write_table(round_schedule(store, planned), csv_text)
    lines = csv_text.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == ",".join(COLUMNS)
    assert lines[1].startswith("2018-03-05,08:30,30,Panel A,Ruang 1,Kota Tangerang Selatan,")


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.worksheets[0])
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_xlsx_takes_real_date_and_time_cells_text_and_one_sheet_per_day(store, small_instrument, tmp_path: Path) -> None:
    header = ["Date", "Start", "Panel", "Region", "Assessors"]
    path = _workbook(tmp_path / "per-day.xlsx", {
        "Catatan": [["Jadwal wawancara, disusun oleh Direktorat"]],  # no schedule columns: skipped
        "Senin": [header, [datetime(2018, 3, 5), time(8, 0), "Panel A", 3325, "Budi Hidayat"],
                  [date(2018, 3, 5), "08.30", "Panel A", "Kota Banjar", None]],
        "Selasa": [header, ["06/03/2018", datetime(1899, 12, 30, 9, 0), "Panel B", "Toli-toli", ""], [None] * 5,
                   [date(2018, 3, 6), timedelta(hours=9, minutes=30), "Panel B", "3371", None]],  # a duration cell
    })
    round_id = _new_round(store, small_instrument, "Per hari")
    assert import_schedule_file(store, round_id, path) == 4
    assert {(s[0], s[1], s[3], s[5]) for s in _slots(store, round_id)} == {
        (date(2018, 3, 5), time(8, 0), "Panel A", "3325"), (date(2018, 3, 5), time(8, 30), "Panel A", "3279"),
        (date(2018, 3, 6), time(9, 0), "Panel B", "7206"), (date(2018, 3, 6), time(9, 30), "Panel B", "3371")}


def _nothing_imported(store, round_id: str) -> None:
    with store.transaction() as session:
        assert session.exec(select(InterviewSlot).where(InterviewSlot.round_id == round_id)).all() == []
        assert session.exec(select(Panel).where(Panel.round_id == round_id)).all() == []
        assert session.exec(select(Assessor).where(Assessor.name == "Dewi Lestari")).first() is None


def test_every_bad_cell_named_by_sheet_row_and_column(store, small_instrument, tmp_path: Path) -> None:
    header = ["date", "start", "minutes", "panel", "room", "region", "assessors"]
    path = _workbook(tmp_path / "rusak.xlsx", {"Jadwal": [
        header,
        [date(2018, 3, 5), time(8, 0), 30, "Panel A", "Ruang 1", "3325", "Dewi Lestari"],  # row 2: good
        ["2018-02-30", time(8, 30), 30, "Panel A", "", "3371", ""],  # row 3
        [43164, time(9, 0), 30, "Panel A", "", "3372", ""],  # row 4: a bare number in the date column
        [date(2018, 3, 5), "25:00", 30, "Panel A", "", "3373", ""],  # row 5
        [date(2018, 3, 5), 0.375, "tiga puluh", "Panel A", "", "3374", ""],  # row 6: two bad cells
        [date(2018, 3, 5), time(10, 0), 600, "", "", "", ""],  # row 7: three bad cells
        [date(2018, 3, 5), time(10, 30), 30, "Panel A", "", "Banjar", ""],  # row 8
        [date(2018, 3, 5), time(11, 0), 30, "Panel A", "", "Kota Atlantis", ""],  # row 9
        [date(2018, 3, 5), time(11, 30), 30, "Panel A", "", "9999", ""],  # row 10
        [date(2018, 3, 5), time(13, 0), 30, "Panel A", "", "3376", "199001012015011001"],  # row 11
        [date(2018, 3, 5), time(13, 30), 30, "Panel A", "", "3301", 1.98001012005012e17],  # row 12: NIP as a number
        [date(2018, 3, 5), time(8, 0), 30, "Panel A", "", "3302", ""],  # row 13: panel busy (row 2)
        [date(2018, 3, 5), time(14, 0), 30, "Panel A", "", "Kabupaten Batang", ""],  # row 14: twice (row 2)
    ]})
    round_id = _new_round(store, small_instrument, "Rusak")
    with pytest.raises(ScheduleError) as caught:
        import_schedule_file(store, round_id, path)
    problems = caught.value.problems
    assert [p.split(":")[0] for p in problems] == [
        "sheet Jadwal, row 3, column date", "sheet Jadwal, row 4, column date", "sheet Jadwal, row 5, column start",
        "sheet Jadwal, row 6, column start", "sheet Jadwal, row 6, column minutes",
        "sheet Jadwal, row 7, column minutes", "sheet Jadwal, row 7, column panel", "sheet Jadwal, row 7, column region",
        "sheet Jadwal, row 8, column region", "sheet Jadwal, row 9, column region", "sheet Jadwal, row 10, column region",
        "sheet Jadwal, row 11, column assessors", "sheet Jadwal, row 12, column assessors",
        "sheet Jadwal, row 13, column start", "sheet Jadwal, row 14, column region"]
    assert problems[8] == ("sheet Jadwal, row 8, column region: 'Banjar' is ambiguous: Kabupaten Banjar (6303) "
                           "or Kota Banjar (3279); write the full name or the BPS code")
    assert "format the cell as a date" in problems[1] and "not between 5 and 480" in problems[5]
    assert "NIP 199001012015011001" in problems[11] and "format the column as text" in problems[12]
    assert "already has an interview on 2018-03-05 at 08:00 (sheet Jadwal, row 2)" in problems[13]
    assert "Kabupaten Batang is already scheduled (sheet Jadwal, row 2)" in problems[14]
    assert str(caught.value).startswith(f"{path}: 15 problem(s), nothing was imported")
    _nothing_imported(store, round_id)


def test_csv_problems_name_line_and_column(store, small_instrument, tmp_path: Path) -> None:
    path = tmp_path / "rusak.csv"
    path.write_text("date;start;panel;region;assessors\n2018-03-05;08:00;Panel A;3325;Dewi Lestari\n"
                    "2018-03-05;08:30;Panel A;Banjar;\n", encoding="cp1252")  # Excel's Indonesian CSV: semicolons
    round_id = _new_round(store, small_instrument, "Rusak")
    with pytest.raises(ScheduleError) as caught:
        import_schedule_file(store, round_id, path)
    assert caught.value.problems == ["line 3, column region: 'Banjar' is ambiguous: Kabupaten Banjar (6303) "
                                     "or Kota Banjar (3279); write the full name or the BPS code"]
    _nothing_imported(store, round_id)


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("jadwal.xlsx", {"Jadwal": [["date", "start", "region"], [date(2018, 3, 5), time(8, 0), "3325"]]},
     "sheet Jadwal, row 1: missing column(s) panel"),
    ("jadwal.xlsx", {"Catatan": [["hanya catatan"]]}, "no sheet has the schedule's columns"),
    ("jadwal.xlsx", {"Jadwal": [["date", "start", "panel", "region"]]}, "the file has no interview rows"),
    ("jadwal.xlsx", b"not a zip file at all", "cannot read the workbook"),
    ("jadwal.ods", b"", "a schedule is read from .xlsx or .csv, not .ods"),
    ("jadwal.csv", b"tanggal,mulai\n", "line 1: missing column(s) date, start, panel, region"),
])
def test_unreadable_files_say_why(store, small_instrument, tmp_path: Path, name: str, content, expected: str) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        _workbook(path, content)
    round_id = _new_round(store, small_instrument, "Kosong")
    with pytest.raises(ScheduleError, match="nothing was imported") as caught:
        import_schedule_file(store, round_id, path)
    assert any(expected in p for p in caught.value.problems), caught.value.problems
    _nothing_imported(store, round_id)


def test_replace_puts_the_file_in_place_of_the_schedule(store, planned, small_instrument, tmp_path: Path) -> None:
    edited = tmp_path / "edited.xlsx"
    write_table(round_schedule(store, planned), edited)
    book = openpyxl.load_workbook(edited)
    book[SHEET]["B2"] = "07:30"  # the coordinator moves the first slot in the spreadsheet
    book.save(edited)
    with pytest.raises(ScheduleError, match="already scheduled in this round") as caught:
        import_schedule_file(store, planned, edited)
    assert "import it with replace" in str(caught.value)
    before = _slots(store, planned)
    book[SHEET]["F3"] = "Banjar"  # a bad cell: replacing is all or nothing too
    book.save(edited)
    with pytest.raises(ScheduleError, match="row 3, column region: 'Banjar' is ambiguous"):
        import_schedule_file(store, planned, edited, replace=True)
    assert _slots(store, planned) == before
    book[SHEET]["F3"] = "Kabupaten Banjar"
    book.save(edited)
    assert import_schedule_file(store, planned, edited, replace=True) == 5
    starts = {(s[3], s[1]) for s in _slots(store, planned)}
    assert ("Panel A", time(7, 30)) in starts and len(starts) == 5
    with store.transaction() as session:
        assert len(session.exec(select(Panel).where(Panel.round_id == planned)).all()) == 2


def test_replace_refused_once_scoring_began(store, scoring_round, tmp_path: Path) -> None:
    from app import assessments as A

    round_id, me = scoring_round
    A.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=me.id)
    path = tmp_path / "j.csv"
    path.write_text("date,start,panel,region\n2018-03-06,08:00,Panel Z,3671\n", encoding="utf-8")
    with pytest.raises(ScheduleError, match="already has 1 assessment"):
        import_schedule_file(store, round_id, path, replace=True)
    with store.transaction() as session:
        assert len(session.exec(select(InterviewSlot).where(InterviewSlot.round_id == round_id)).all()) == 1
        assert session.get(Round, round_id) is not None


def test_read_rows_keeps_positions(tmp_path: Path) -> None:
    path = tmp_path / "j.csv"
    path.write_text('date,start,panel,region,assessors\n2018-03-05,08:00,Panel A,3325,"A\nB"\n\n'
                    "2018-03-05,08:30,Panel A,3371,\n", encoding="utf-8")
    rows = read_rows(path)
    assert [r.where for r in rows if not r.blank()] == ["line 3", "line 5"]  # a quoted line break spans lines
    assert import_schedule is not None


def test_a_name_like_a_formula_stays_text(store, small_instrument, tmp_path: Path) -> None:
    source = tmp_path / "f.csv"
    source.write_text('date,start,panel,region,assessors\n2018-03-05,08:00,=1+1,3325,"=HYPERLINK(""x"")"\n',
                      encoding="utf-8")
    round_id = _new_round(store, small_instrument, "Rumus")
    import_schedule_file(store, round_id, source)
    out = tmp_path / "f.xlsx"
    write_table(round_schedule(store, round_id), out)
    row = openpyxl.load_workbook(out)[SHEET][2]
    assert [(c.value, c.data_type) for c in (row[3], row[6])] == [("=1+1", "s"), ('=HYPERLINK("x")', "s")]


def test_full_region_names_are_unique_so_export_may_write_them() -> None:
    from app import regions

    names = [r.name.lower() for r in regions.regions()]
    assert len(names) == len(set(names)) == 514


def test_csv_cells_that_look_like_formulas_are_written_inert_and_read_back(store, small_instrument,
                                                                           tmp_path: Path) -> None:
    """A room typed as "=HYPERLINK(...)" or "-1 (basement)" would run or break in Excel; it is written
    with a leading apostrophe and comes back as typed."""
    source = tmp_path / "plan.csv"
    source.write_text("date,start,panel,room,region\n"
                      '2018-03-05,09:00,Panel A,"=HYPERLINK(""http://x"")",3372\n'
                      "2018-03-05,09:00,Panel B,-1 (basement),3273\n", encoding="utf-8")
    round_id = _new_round(store, small_instrument, "Rumus")
    assert import_schedule_file(store, round_id, source) == 2
    out = tmp_path / "out.csv"
    write_table(round_schedule(store, round_id), out)
    text = out.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'-1 (basement)" in text
    again = _new_round(store, small_instrument, "Rumus lagi")
    assert import_schedule_file(store, again, out) == 2
    rooms = {slot[4] for slot in _slots(store, again)}
    assert rooms == {'=HYPERLINK("http://x")', "-1 (basement)"}


def test_numbers_are_not_marked_as_formulas() -> None:
    assert csv_safe("-0.5") == "-0.5" and csv_safe("+62 21 555") == "'+62 21 555"
    assert csv_unescaped(csv_safe("@risk")) == "@risk" and csv_unescaped("'tidak") == "'tidak"
