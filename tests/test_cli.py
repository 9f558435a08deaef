"""The command-line contract (shared CLI.md): names, exit codes, one-line errors, --json."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_builds_a_sound_2018_round(tmp_path: Path, capsys) -> None:
    data = tmp_path / "coordinator"
    code, out, _ = run(capsys, "--data-dir", str(data), "demo", "--json")
    assert code == 0
    result = json.loads(out)
    assert (result["regions"], result["assessors"], result["slots"]) == (116, 6, 116)
    conn = sqlite3.connect(data / "nilai.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        days = conn.execute("SELECT DISTINCT day FROM interview_slot ORDER BY day").fetchall()
        assert [d[0] for d in days] == ["2018-03-05", "2018-03-06", "2018-03-07"]
        # 3 rooms a day, a panel per room and day: seats rotate between days, so the panels are linked
        assert conn.execute("SELECT count(DISTINCT panel_id) FROM interview_slot").fetchone()[0] == 9
        rooms_per_day = conn.execute("SELECT s.day, count(DISTINCT p.room) FROM interview_slot s JOIN panel p "
                                     "ON p.id = s.panel_id GROUP BY s.day").fetchall()
        assert [n for _, n in rooms_per_day] == [3, 3, 3]
        rooms_per_assessor = conn.execute("SELECT pa.assessor_id, count(DISTINCT p.room) FROM panel_assessor pa "
                                          "JOIN panel p ON p.id = pa.panel_id GROUP BY pa.assessor_id").fetchall()
        assert len(rooms_per_assessor) == 6
        assert sum(1 for _, rooms in rooms_per_assessor if rooms > 1) == 3  # the chairs stay, the others rotate
        assert conn.execute("SELECT count(*) FROM assessment WHERE status='draft'").fetchone()[0] == 1
        levels = conn.execute("SELECT level, count(*) FROM score GROUP BY level").fetchall()
    finally:
        conn.close()
    assert {lv for lv, _ in levels} == {1, 2, 3, 4, 5}  # simulated scores spread over the rubric
    code, out, _ = run(capsys, "--data-dir", str(data), "check")
    assert code == 0 and "ok" in out
    # the demo's assessors differ in severity: adjusting for it changes the top 50, and the file says which rule
    shortlists = {}
    for rule in ("mean", "adjusted"):
        assert run(capsys, "--data-dir", str(data), "ranking", "--rule", rule, "--out", str(tmp_path / f"{rule}.csv"))[0] == 0
        with (tmp_path / f"{rule}.csv").open(encoding="utf-8-sig", newline="") as handle:
            cells = list(csv.DictReader(handle))
        assert {c["aggregation_rule"] for c in cells} == {rule}
        shortlists[rule] = {c["region_code"] for c in cells if c["shortlist_50"] == "yes"}
    assert len(shortlists["mean"]) == len(shortlists["adjusted"]) == 50
    assert shortlists["mean"] != shortlists["adjusted"]
    code, _, err = run(capsys, "--data-dir", str(data), "demo")
    assert code == 1 and "already holds the demo round" in err


def test_demo_is_reproducible_by_seed(tmp_path: Path, capsys) -> None:
    def levels(directory: Path) -> list:
        conn = sqlite3.connect(directory / "nilai.sqlite3")
        try:
            return conn.execute("SELECT a.region_code, s.indicator_code, s.level FROM score s JOIN assessment a "
                                "USING (version_id) JOIN assessor p ON p.id = a.assessor_id "
                                "ORDER BY p.nip, a.region_code, s.indicator_code").fetchall()
        finally:
            conn.close()

    for name in ("a", "b"):
        assert run(capsys, "--data-dir", str(tmp_path / name), "demo", "--regions", "12", "--assessors", "4", "--seed", "7")[0] == 0
    assert levels(tmp_path / "a") == levels(tmp_path / "b")


def test_demo_assessor_dirs(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "c"), "demo", "--regions", "6", "--assessors", "3",
                       "--assessor-dirs", str(tmp_path / "assessors"), "--json")
    assert code == 0
    dirs = [Path(p) for p in json.loads(out)["assessor_dirs"]]
    assert len(dirs) == 3
    coordinator = sqlite3.connect(tmp_path / "c" / "nilai.sqlite3")
    assert coordinator.execute("SELECT count(*) FROM assessment").fetchone()[0] == 0  # arrives by bundle
    round_id = coordinator.execute("SELECT id FROM round").fetchone()[0]
    slot_ids = {r[0] for r in coordinator.execute("SELECT id FROM interview_slot")}
    coordinator.close()
    total = 0
    for directory in dirs:
        conn = sqlite3.connect(directory / "nilai.sqlite3")
        assert conn.execute("SELECT id FROM round").fetchone()[0] == round_id
        assert {r[0] for r in conn.execute("SELECT id FROM interview_slot")} == slot_ids
        owners = conn.execute("SELECT DISTINCT assessor_id FROM assessment").fetchall()
        profile = conn.execute("SELECT value FROM setting WHERE key='profile.assessor_id'").fetchone()[0]
        assert owners == [(profile,)]
        total += conn.execute("SELECT count(*) FROM assessment WHERE status='final'").fetchone()[0]
        conn.close()
    assert total == 6 * 3  # three assessors make one panel, and each scores all six regions


def test_instruments_commands(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "instruments", "list", "--json")
    ids = {item["id"] for item in json.loads(out)}
    assert code == 0 and {"smart-city-readiness-2018", "smart-city-six-dimensions"} <= ids
    code, out, _ = run(capsys, "--lang", "id", "instruments", "show", "smart-city-readiness-2018")
    assert code == 0 and "Struktur" in out and "Infrastruktur" in out and "Superstruktur" in out
    broken = tmp_path / "rusak.yaml"
    broken.write_text("id: x\nversion: '1'\ndimensions: [\n", encoding="utf-8")
    code, out, _ = run(capsys, "instruments", "check", str(broken))
    assert code == 1 and "line" in out


def test_regions_search(capsys) -> None:
    code, out, _ = run(capsys, "regions", "search", "banjar", "--json")
    assert code == 0 and [r["code"] for r in json.loads(out)][:2] in (["3279", "6303"], ["6303", "3279"])
    code, _, _ = run(capsys, "regions", "search", "qqqq")
    assert code == 1


def test_round_import_schedule_reports_bad_rows(tmp_path: Path, capsys) -> None:
    csv_file = tmp_path / "jadwal.csv"
    csv_file.write_text("date,start,panel,region\n2018-03-05,08:00,Panel A,3325\n2018-03-05,08:30,Panel A,Kota Atlantis\n",
                        encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "d"), "round", "import-schedule", str(csv_file))
    assert code == 1
    assert err.splitlines()[0].startswith("nilai: ") and "line 3" in err
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "d"), "round", "list", "--json")
    assert json.loads(out) == []  # nothing half-imported, not even an empty round
    csv_file.write_text("date,start,panel,region\n2018-03-05,08:00,Panel A,3325\n", encoding="utf-8")
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "d"), "round", "import-schedule", str(csv_file), "--name", "Uji")
    assert code == 0 and "1 interview slots" in out


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    db_dir = tmp_path / "bad"
    db_dir.mkdir()
    (db_dir / "nilai.sqlite3").write_bytes(b"garbage" * 500)
    proc = subprocess.run([sys.executable, "-m", "app.cli", "--data-dir", str(db_dir), "round", "list"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.startswith("nilai: ") and "Traceback" not in proc.stderr
    assert "damaged" in proc.stderr


@pytest.mark.parametrize("argv", [["--help"], ["round", "--help"], ["instruments", "check", "--help"]])
def test_help_documents_commands(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    assert "usage: nilai" in capsys.readouterr().out


def test_demo_with_one_panel_spreads_over_more_days(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "d"), "demo", "--assessors", "1", "--json")
    assert code == 0 and json.loads(out)["slots"] == 116
    conn = sqlite3.connect(tmp_path / "d" / "nilai.sqlite3")
    try:
        first, last, days = conn.execute("SELECT min(start), max(start), count(DISTINCT day) FROM interview_slot").fetchone()
    finally:
        conn.close()
    assert first.startswith("08:00") and last <= "16:30" and days == 8  # 116 interviews, 16 a day


def test_no_abbreviated_options_so_a_secret_is_never_taken_for_a_file(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--data-dir", str(tmp_path), "demo", "--passphrase", "rahasia"])
    assert done.value.code == 2
    with pytest.raises(SystemExit):
        main(["--data", str(tmp_path), "round", "list"])
