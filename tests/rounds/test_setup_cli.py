"""nilai round create | candidates | assessors: one-line errors, exit codes, nothing half done."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.cli import main
from app.cli.round_setup_cmds import STATUSES as CLI_STATUSES
from app.rounds.setup import STATUSES


def run(capsys, data: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path, capsys) -> Path:
    directory = tmp_path / "koordinator"
    code, out, err = run(capsys, directory, "round", "create", "--name", "Smart City 2018", "--instrument",
                         "smart-city-readiness-2018", "--stage", "Wawancara", "--dates", "2018-03-05..2018-03-07",
                         "--shortlist", "75,50", "--json")
    assert code == 0, err
    made = json.loads(out)
    assert (made["name"], made["stage"], made["starts_on"], made["ends_on"], made["shortlist_sizes"]) == (
        "Smart City 2018", "Wawancara", "2018-03-05", "2018-03-07", [75, 50])
    return directory


def _codes(capsys, data: Path) -> dict[str, str]:
    code, out, _ = run(capsys, data, "round", "candidates", "list", "--json")
    assert code == 0
    return {c["region"]["code"]: c["status"] for c in json.loads(out)}


def test_create_refuses_bad_requests_in_one_line(data: Path, capsys) -> None:
    for argv, says in [
        (["--name", "X", "--instrument", "nope"], "no instrument matches 'nope'"),
        (["--name", "X", "--instrument", "smart-city-readiness-2018", "--dates", "5-7 March"], "--dates '5-7 March'"),
        (["--name", "X", "--instrument", "smart-city-readiness-2018", "--shortlist", "75;50"], "--shortlist"),
        (["--name", "Smart City 2018", "--instrument", "smart-city-readiness-2018"], "already exists"),
    ]:
        code, _, err = run(capsys, data, "round", "create", *argv)
        assert code == 1 and says in err and err.count("\n") == 1, err
    code, out, _ = run(capsys, data, "round", "list", "--json")
    assert [r["name"] for r in json.loads(out)] == ["Smart City 2018"]


def test_candidates_add_all_or_nothing(data: Path, capsys) -> None:
    code, _, err = run(capsys, data, "round", "candidates", "add", "3273", "Banjar", "Kota Banjarmasn")
    assert code == 1
    lines = err.strip().splitlines()
    assert lines[0].startswith("nilai: argument 2: 'Banjar' is ambiguous: Kota Banjar (3279, Jawa Barat) or "
                               "Kabupaten Banjar (6303, Kalimantan Selatan)")
    assert "argument 3: 'Kota Banjarmasn' is not a regency or city (did you mean Kota Banjarmasin 6371" in lines[1]
    assert "nothing was added" in lines[2] and len(lines) == 3
    assert _codes(capsys, data) == {}
    code, out, _ = run(capsys, data, "round", "candidates", "add", "3273", "kabupaten banjar", "32.79", "3273",
                       "--status", "interview")
    assert code == 0 and "3 candidates added" in out
    assert _codes(capsys, data) == {"3273": "interview", "3279": "interview", "6303": "interview"}


def test_candidates_import_a_spreadsheet_column(data: Path, capsys, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Candidates"
    sheet.append(["No", "Kabupaten/Kota"])
    for number, name in enumerate(["Kota Bandung", "Bandung", "Kab. Banjar"], start=1):
        sheet.append([number, name])
    path = tmp_path / "kandidat.xlsx"
    book.save(path)
    code, _, err = run(capsys, data, "round", "candidates", "import", str(path), "--column", "kabupaten/kota")
    assert code == 1
    assert "kandidat.xlsx, sheet Candidates, row 3, column Kabupaten/Kota: 'Bandung' is ambiguous" in err
    assert _codes(capsys, data) == {}
    code, _, err = run(capsys, data, "round", "candidates", "import", str(path), "--column", "wilayah")
    assert code == 1 and "no column 'wilayah'" in err
    sheet["B3"] = "3204"
    book.save(path)
    code, out, _ = run(capsys, data, "round", "candidates", "import", str(path), "--column", "Kabupaten/Kota")
    assert code == 0 and "3 candidates added" in out
    assert set(_codes(capsys, data)) == {"3273", "3204", "6303"}


def test_assessors_add_import_and_list(data: Path, capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, data, "round", "assessors", "add", "--name", "Budi Hidayat", "--nip",
                         "197501012000031001", "--org", "ITB", "--role", "academic", "--province", "Jawa Barat",
                         "--region", "Banjar", "--conflict", "3273", "Kab. Bandung")
    assert code == 0, err
    assert "from Kota Banjar, Jawa Barat; conflicts: 3204, 3273" in out
    code, _, err = run(capsys, data, "round", "assessors", "add", "--name", "X", "--province", "Jawa Baratt")
    assert code == 1 and err == "nilai: --province 'Jawa Baratt' is not a province (did you mean Jawa Barat?)\n"
    code, _, err = run(capsys, data, "round", "assessors", "add", "--name", "X", "--region", "Banjar")
    assert code == 1 and "ambiguous" in err
    path = tmp_path / "penilai.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["nama", "nip", "instansi", "peran", "provinsi", "kabupaten/kota", "konflik"])
        writer.writerow(["Siti", "198001012005012002", "UI", "academic", "31", "", "3273;3279"])
        writer.writerow(["Made", "", "", "government", "Balli", "", ""])
    code, _, err = run(capsys, data, "round", "assessors", "import", str(path))
    assert code == 1
    assert "penilai.csv: 1 problem(s), nothing was imported" in err
    assert "row 3, column province: 'Balli' is not a province (did you mean Bali?)" in err
    path.write_text(path.read_text(encoding="utf-8-sig").replace("Balli", "Bali"), encoding="utf-8")
    code, out, _ = run(capsys, data, "round", "assessors", "import", str(path))
    assert code == 0 and "2 assessors imported" in out
    code, out, _ = run(capsys, data, "round", "assessors", "list", "--json")
    people = {a["name"]: a for a in json.loads(out)}
    assert set(people) == {"Budi Hidayat", "Siti", "Made"}
    assert people["Siti"]["conflicts"] == {"3273": "declared", "3279": "declared"}
    assert (people["Made"]["province_code"], people["Budi Hidayat"]["region_code"]) == ("51", "3279")


def test_without_a_round_the_commands_say_so(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, tmp_path / "empty", "round", "candidates", "add", "3273")
    assert code == 1 and "no round in this data directory" in err


def test_the_command_line_offers_every_candidate_status() -> None:
    assert CLI_STATUSES == STATUSES
