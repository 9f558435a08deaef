"""The printable schedule: every slot's region and assessors in the text, one section per day, a
panel table per panel, the round in the page header, page numbers, both languages."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime, time
from pathlib import Path

import pytest

from app import regions
from app.rounds import RoundError, create_round
from app.rounds.schedule import import_schedule_file
from app.rounds.schedule_files import round_schedule
from app.sheets.schedule_export import export_schedule
from app.sheets.schedule_pdf import render_schedule

if shutil.which("pdftotext") is None:
    pytest.skip("pdftotext (poppler-utils) is not installed", allow_module_level=True)

PLAN = """date,start,minutes,panel,room,region,assessors
2018-03-05,08:00,30,Panel A,Ruang Garuda,3325,Ni Luh Putu Ayu Wijayanti;Fransiskus Xaverius Léo
2018-03-05,08:30,30,Panel A,Ruang Garuda,6303,Ni Luh Putu Ayu Wijayanti;Fransiskus Xaverius Léo
2018-03-05,08:00,45,Panel B,Ruang Cendrawasih,3279,Teuku Muhammad Iqbal
2018-03-06,13:00,30,Panel A,Ruang Garuda,7206,Ni Luh Putu Ayu Wijayanti;Fransiskus Xaverius Léo
"""


def _text(pdf: Path, *pages: int) -> str:
    span = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    out = subprocess.run(["pdftotext", *span, str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(out.split())  # a long name may wrap in its cell


@pytest.fixture
def round_id(store, small_instrument, tmp_path: Path) -> str:
    with store.transaction() as session:
        rid = create_round(session, name="Kota Cerdas 2018 — Tahap II", instrument=small_instrument, region_codes=[]).id
    source = tmp_path / "plan.csv"
    source.write_text(PLAN, encoding="utf-8")
    import_schedule_file(store, rid, source)
    return rid


def test_every_slot_region_and_assessor_printed(store, round_id: str, tmp_path: Path) -> None:
    pdf = tmp_path / "jadwal.pdf"
    assert export_schedule(store, round_id, pdf, "id") == 4
    text = _text(pdf)
    for slot in round_schedule(store, round_id).slots:
        assert f"{slot.region.name} ({slot.region.code})" in text
        assert slot.region.province_name in text
        for person in slot.assessors:
            assert person.name in text
    assert "Fransiskus Xaverius Léo" in text  # a name beyond ASCII renders as itself
    first, second = _text(pdf, 1), _text(pdf, 2)
    assert "Senin, 5 Maret 2018" in first and "Selasa, 6 Maret 2018" not in first  # one day per page
    assert "Selasa, 6 Maret 2018" in second and "Kabupaten Toli-Toli" in second
    assert "Panel A · Ruang Garuda · 2 wawancara" in first and "Panel B · Ruang Cendrawasih · 1 wawancara" in first
    assert "08.00–08.30" in first and "08.00–08.45" in first
    for page in (first, second):
        assert "Jadwal wawancara · Kota Cerdas 2018 — Tahap II · Gerakan Menuju 100 Smart City" in page
    assert "Halaman 1 dari 2" in first and "Halaman 2 dari 2" in second


def test_english_labels(store, round_id: str) -> None:
    schedule = round_schedule(store, round_id)
    pdf = render_schedule(schedule, "en", generated_at=datetime(2018, 3, 1, 9, 0, tzinfo=UTC))
    text = " ".join(subprocess.run(["pdftotext", "-", "-"], input=pdf, check=True, capture_output=True).stdout.decode().split())
    assert "Interview schedule" in text and "Monday, 5 March 2018" in text and "Tuesday, 6 March 2018" in text
    assert "Assessors" in text and "Province" in text and "Page 2 of 2" in text and "08:00–08:30" in text
    assert "Generated 2018-03-01 09:00 UTC" in text
    assert "Penilai" not in text and "Halaman" not in text


def test_a_long_panel_runs_on_with_its_heading(store, small_instrument, tmp_path: Path) -> None:
    codes = [r.code for r in regions.regions()[:60]]
    rows = ["date,start,minutes,panel,region"] + [
        f"2018-03-05,{time(7 + i * 15 // 60, i * 15 % 60):%H:%M},15,Panel Panjang,{code}" for i, code in enumerate(codes)]
    source = tmp_path / "long.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with store.transaction() as session:
        rid = create_round(session, name="Panjang", instrument=small_instrument, region_codes=[]).id
    import_schedule_file(store, rid, source)
    pdf = tmp_path / "long.pdf"
    export_schedule(store, rid, pdf, "en")
    pages = [_text(pdf, n) for n in (1, 2)]
    assert all("Panel Panjang · 60 interviews" in page for page in pages)
    assert "no assessor yet" in pages[0]


def test_empty_schedule_and_unknown_format(store, small_instrument, tmp_path: Path) -> None:
    with store.transaction() as session:
        rid = create_round(session, name="Kosong", instrument=small_instrument, region_codes=[]).id
    pdf = tmp_path / "kosong.pdf"
    assert export_schedule(store, rid, pdf, "id") == 0
    assert "Belum ada wawancara" in _text(pdf)
    with pytest.raises(RoundError, match=r"\.csv, \.xlsx, \.pdf .*not \.docx"):
        export_schedule(store, rid, tmp_path / "jadwal.docx")
    assert not (tmp_path / "jadwal.docx").exists()
