"""Candidates: pasted lines and spreadsheet columns resolved to regions without guessing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlmodel import select

from app import assessments as A
from app.models.tables import Candidate, InterviewSlot
from app.rounds.setup import (
    FileProblems,
    SetupError,
    add_candidates,
    read_column,
    remove_candidates,
    resolve_lines,
    round_candidates,
    set_candidate_status,
)


@pytest.mark.parametrize(("text", "code"), [
    ("3273", "3273"),
    ("32.73", "3273"),
    ("Kota Bandung", "3273"),
    ("  kota   BANDUNG ", "3273"),
    ("Kab. Bandung", "3204"),
    ("Kab Bandung", "3204"),
    ("kabupaten banjar", "6303"),
    ("Kota Banjar", "3279"),
    ("Kota Bandúng", "3273"),  # diacritics are folded away
    ("Banjarbaru", "6372"),  # spacing: BPS writes "Kota Banjar Baru"
    ("Kabupaten Bandung Barat", "3217"),
])
def test_a_line_resolves_to_one_region(text, code) -> None:
    [line] = resolve_lines(text)
    assert line.region is not None and line.region.code == code, line
    assert (line.choices, line.problem) == ((), "")


@pytest.mark.parametrize(("text", "codes"), [
    ("Banjar", {"6303", "3279"}),  # Kabupaten Banjar (Kalimantan Selatan) and Kota Banjar (Jawa Barat)
    ("Bandung", {"3204", "3273"}),
])
def test_an_ambiguous_name_gives_choices_never_a_guess(text, codes) -> None:
    [line] = resolve_lines(text)
    assert line.region is None
    assert {r.code for r in line.choices} == codes
    said = line.explain()
    assert "ambiguous" in said and all(f"{r.name} ({r.code}, {r.province_name})" in said for r in line.choices)


@pytest.mark.parametrize(("text", "says"), [
    ("Kota Banjarmasn", "did you mean Kota Banjarmasin 6371"),
    ("9999", "no regency or city has the BPS code 9999"),
    ("32", "province code"),
    ("Jawa Barat", "is a province"),
    ("Kota Atlantis", "is not a regency or city"),
])
def test_an_unknown_line_says_why_and_suggests(text, says) -> None:
    [line] = resolve_lines(text)
    assert line.region is None and line.choices == ()
    assert says in line.problem


@pytest.mark.parametrize(("text", "code"), [
    ("3273\tKota Bandung", "3273"),  # a row copied from a spreadsheet: code and name agree
    ("17\tKabupaten Banjar\tKalimantan Selatan", "6303"),  # numbering and province cells beside the name
    ("1. Kota Bandung", "3273"),  # a numbered list pasted from a document
    ("12) kab. banjar", "6303"),
    ("• Kota Banjar", "3279"),
])
def test_pasted_rows_and_lists(text, code) -> None:
    [line] = resolve_lines(text)
    assert line.region is not None and line.region.code == code, line


def test_a_pasted_row_whose_cells_disagree_is_not_guessed() -> None:
    [line] = resolve_lines("3273\tKabupaten Banjar")
    assert line.region is None and "name different regions" in line.problem
    [line] = resolve_lines("5\tBanjar")
    assert {r.code for r in line.choices} == {"3279", "6303"}


def test_lines_keep_their_numbers_and_blank_lines_are_skipped() -> None:
    lines = resolve_lines("3273\n\n   \nBanjar\nKota Atlantis\n")
    assert [(r.line, r.text) for r in lines] == [(1, "3273"), (4, "Banjar"), (5, "Kota Atlantis")]


def test_candidates_are_added_once_and_move_through_statuses(store, scoring_round) -> None:
    round_id, _ = scoring_round
    assert add_candidates(store, round_id, ["3273", "3279", "3273", "3325"]) == 2  # 3325 is in the round already
    assert add_candidates(store, round_id, ["3273"]) == 0
    set_candidate_status(store, round_id, ["3273", "3279"], "interview")
    statuses = {c.region.code: c.status for c in round_candidates(store, round_id)}
    assert statuses == {"3273": "interview", "3279": "interview", "3325": "invited", "3671": "invited", "6303": "invited"}
    with pytest.raises(SetupError, match="not one of"):
        set_candidate_status(store, round_id, ["3273"], "maybe")
    with pytest.raises(SetupError, match="3204 is not a candidate"):
        set_candidate_status(store, round_id, ["3273", "3204"], "selected")
    with pytest.raises(SetupError, match="BPS code 9999"):
        add_candidates(store, round_id, ["3204", "9999"])
    assert "3204" not in {c.region.code for c in round_candidates(store, round_id)}  # nothing added


def test_removing_a_candidate_takes_its_slot_but_not_an_assessed_one(store, scoring_round) -> None:
    round_id, me = scoring_round
    assert remove_candidates(store, round_id, ["3325", "3671"]) == 2
    with store.transaction() as session:
        assert session.exec(select(InterviewSlot).where(InterviewSlot.round_id == round_id)).all() == []
    A.start_assessment(store, round_id=round_id, region_code="6303", assessor_id=me.id)
    with pytest.raises(SetupError, match="Kabupaten Banjar .* already has assessments"):
        remove_candidates(store, round_id, ["6303"])
    with store.transaction() as session:
        assert session.exec(select(Candidate.region_code).where(Candidate.round_id == round_id)).all() == ["6303"]


def test_read_column_from_xlsx_by_header_or_first(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["No", "Kabupaten/Kota", "Kode"])
    sheet.append([1, "Kota Bandung", 3273])
    sheet.append([None, None, None])
    sheet.append([2, "Kabupaten Banjar", 6303])
    path = tmp_path / "kandidat.xlsx"
    book.save(path)
    assert read_column(path, "kode") == ["3273", "6303"]
    assert read_column(path, "Kabupaten/Kota") == ["Kota Bandung", "Kabupaten Banjar"]
    assert read_column(path) == ["1", "2"]
    with pytest.raises(FileProblems, match="row 1: no column 'wilayah'"):
        read_column(path, "wilayah")


@pytest.mark.parametrize("delimiter", [";", ","])
def test_read_column_from_csv_with_either_separator(tmp_path: Path, delimiter) -> None:
    path = tmp_path / "kandidat.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerows([["region", "catatan"], ["Kota Bandung", "baru, 2018"], ["32.79", ""]])
    assert read_column(path, "REGION") == ["Kota Bandung", "32.79"]
    assert read_column(path, "catatan") == ["baru, 2018"]


def test_read_column_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    with pytest.raises(SetupError, match="no such file"):
        read_column(tmp_path / "missing.xlsx")
    (tmp_path / "list.pdf").write_bytes(b"%PDF")
    with pytest.raises(SetupError, match="save it as .xlsx or .csv"):
        read_column(tmp_path / "list.pdf")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(SetupError, match="cannot be read as an XLSX workbook"):
        read_column(tmp_path / "broken.xlsx")
