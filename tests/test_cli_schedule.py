"""nilai round schedule export | import, and the old import-schedule: formats by suffix, bad
cells named on stderr with nothing imported, replace, --json."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from app.cli import main

PLAN = """date,start,minutes,panel,room,region,assessors
2018-03-05,08:00,30,Panel A,Ruang 1,3325,Ni Luh Putu Ayu Wijayanti
2018-03-05,08:30,30,Panel A,Ruang 1,Kota Banjar,Ni Luh Putu Ayu Wijayanti
2018-03-06,09:00,30,Panel B,Ruang 2,Kabupaten Banjar,Teuku Muhammad Iqbal (197705052003121002)
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, capsys) -> Path:
    """A data directory whose one round came from PLAN through the old command."""
    source = tmp_path / "plan.csv"
    source.write_text(PLAN, encoding="utf-8")
    data = tmp_path / "d"
    code, _, err = run(capsys, "--data-dir", str(data), "round", "import-schedule", str(source), "--name", "Uji 2018")
    assert code == 0, err
    return data


def test_export_every_format_and_import_it_back(data: Path, tmp_path: Path, capsys) -> None:
    for suffix in ("xlsx", "csv", "pdf"):
        out = tmp_path / f"jadwal.{suffix}"
        code, stdout, err = run(capsys, "--data-dir", str(data), "round", "schedule", "export", "--out", str(out),
                                "--json")
        assert code == 0, err
        assert json.loads(stdout) == {"out": str(out), "slots": 3}
    assert openpyxl.load_workbook(tmp_path / "jadwal.xlsx")["Jadwal"].max_row == 4
    assert (tmp_path / "jadwal.csv").read_text(encoding="utf-8-sig").splitlines()[1].startswith(
        "2018-03-05,08:00,30,Panel A,Ruang 1,Kabupaten Batang,")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "jadwal.pdf"), "-"], capture_output=True, text=True).stdout
        assert "Jadwal wawancara" in text and "Teuku Muhammad Iqbal" in text
    # The same file again clashes with every slot: named, nothing imported, replace suggested.
    code, _, err = run(capsys, "--data-dir", str(data), "round", "schedule", "import", str(tmp_path / "jadwal.xlsx"))
    assert code == 1
    assert err.startswith("nilai: ") and "sheet Jadwal, row 2, column start" in err and "--replace" in err
    code, out, err = run(capsys, "--data-dir", str(data), "round", "schedule", "import", str(tmp_path / "jadwal.xlsx"),
                         "--replace", "--json")
    assert code == 0, err
    assert json.loads(out)["slots"] == 3 and json.loads(out)["replaced"] is True
    code, out, _ = run(capsys, "--data-dir", str(data), "round", "list", "--json")
    assert [r["slots"] for r in json.loads(out)] == [3]


def test_english_pdf_with_lang(data: Path, tmp_path: Path, capsys) -> None:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = tmp_path / "schedule.pdf"
    code, _, err = run(capsys, "--data-dir", str(data), "round", "schedule", "export", "--out", str(out), "--lang", "en")
    assert code == 0, err
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Interview schedule" in text and "Monday, 5 March 2018" in text


def test_bad_cells_on_stderr_and_nothing_imported(data: Path, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "rusak.csv"
    bad.write_text("date,start,panel,region\n2018-03-07,08:00,Panel C,3671\n2018-03-07,08:30,Panel C,Banjar\n"
                   "2018-03-07,31:00,Panel C,3674\n", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(data), "round", "schedule", "import", str(bad))
    assert code == 1
    assert "line 3, column region: 'Banjar' is ambiguous: Kabupaten Banjar (6303) or Kota Banjar (3279)" in err
    assert "line 4, column start: '31:00' is not a time of day" in err
    code, out, _ = run(capsys, "--data-dir", str(data), "round", "list", "--json")
    assert [r["slots"] for r in json.loads(out)] == [3]


def test_unknown_formats_refused_in_one_line(data: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "--data-dir", str(data), "round", "schedule", "export", "--out", str(tmp_path / "j.docx"))
    assert code == 1 and err.startswith("nilai: ") and "not .docx" in err and "Traceback" not in err
    assert not (tmp_path / "j.docx").exists()
    (tmp_path / "j.ods").write_bytes(b"")
    code, _, err = run(capsys, "--data-dir", str(data), "round", "schedule", "import", str(tmp_path / "j.ods"))
    assert code == 1 and "read from .xlsx or .csv" in err


def test_schedule_help_names_its_actions(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["round", "schedule", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "export" in out and "import" in out


def test_a_generated_schedule_goes_out_and_comes_back(tmp_path: Path, capsys) -> None:
    """Prepared and generated from the command line, exported, edited nowhere, imported in its place:
    the same schedule, and the checker still finds nothing wrong (an assessor sits on several panels)."""
    data = str(tmp_path / "d")
    assert run(capsys, "--data-dir", data, "round", "create", "--name", "Uji 2018", "--instrument",
               "smart-city-readiness-2018", "--dates", "2018-03-05..2018-03-07")[0] == 0
    codes = ["3325", "3371", "3372", "3373", "6303", "3279", "7206", "1101", "1102", "5101", "6371", "3273"]
    assert run(capsys, "--data-dir", data, "round", "candidates", "add", *codes)[0] == 0
    for i, province in enumerate(["11", "12", "13", "14", "15", "16", "31", "35", "52"], start=1):
        code, _, err = run(capsys, "--data-dir", data, "round", "assessors", "add", "--name", f"Penilai Ke-{i}",
                           "--nip", f"19800101200501100{i}", "--province", province)
        assert code == 0, err
    code, _, err = run(capsys, "--data-dir", data, "round", "schedule", "generate")
    assert code == 0, err
    first, again = tmp_path / "first.xlsx", tmp_path / "again.xlsx"
    assert run(capsys, "--data-dir", data, "round", "schedule", "export", "--out", str(first))[0] == 0
    code, _, err = run(capsys, "--data-dir", data, "round", "schedule", "import", str(first), "--replace")
    assert code == 0, err
    assert run(capsys, "--data-dir", data, "round", "schedule", "check")[0] == 0
    assert run(capsys, "--data-dir", data, "round", "schedule", "export", "--out", str(again))[0] == 0
    rows = [list(openpyxl.load_workbook(f)["Jadwal"].iter_rows(values_only=True)) for f in (first, again)]
    assert rows[0] == rows[1] and len(rows[0]) == 1 + len(codes)
    seats = [r[6].split("; ") for r in rows[0][1:]]
    assert len({name for names in seats for name in names}) == 9 and all(len(names) == 3 for names in seats)
