"""nilai ranking and nilai moderation: files written, one-line errors, non-zero exits."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from app import identity
from app.cli import main
from app.sheets import signing
from tests.consolidation.test_exports_csv import build_round


def run(data_dir: Path, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), *argv])


@pytest.fixture
def round_dir(store) -> Path:
    build_round(store)
    return store.data_dir


def test_csv_with_default_scores_file(round_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "ranking.csv"
    assert run(round_dir, "ranking", "--format", "csv", "--out", str(out)) == 0
    stdout = capsys.readouterr().out
    assert "9 of 10 regions" in stdout and "rule: mean" in stdout
    assert "shortlist 3: TIE across the cut-off: 1101, 1102, 1103 share 2 place(s)" in stdout
    assert (tmp_path / "ranking-scores.csv").exists()
    with open(out, encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 10


def test_xlsx_and_pdf_by_suffix_with_rule(round_dir: Path, tmp_path: Path, capsys) -> None:
    assert run(round_dir, "ranking", "--out", str(tmp_path / "r.xlsx"), "--rule", "median",
               "--scores", str(tmp_path / "levels.csv")) == 0
    assert (tmp_path / "r.xlsx").stat().st_size > 0 and (tmp_path / "levels.csv").exists()
    assert run(round_dir, "--lang", "en", "ranking", "--out", str(tmp_path / "r.pdf"), "--json") == 0
    assert '"rule": "mean"' in capsys.readouterr().out
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("argv", "message"), [
    (["ranking", "--out", "{tmp}/r.txt"], "--format"),
    (["ranking", "--format", "csv", "--out", "{tmp}/missing/r.csv"], "does not exist"),
    (["ranking", "--format", "csv", "--out", "{tmp}"], "is a folder"),
    (["ranking", "--format", "csv", "--out", "{tmp}/r.csv", "--sign"], "only the PDF report is signed"),
    (["ranking", "--format", "csv", "--out", "{tmp}/r.csv", "--round", "nope"], "No single round matches"),
    (["moderation", "set", "1107", "S1", "9", "--reason", "x", "--actor", "A"], "outside 1..5"),
    (["moderation", "set", "1107", "S1", "4", "--reason", "x"], "--actor"),
    (["moderation", "clear", "1107", "S2", "--reason", "x", "--actor", "A"], "no moderation to clear"),
])
def test_errors_are_one_line(round_dir: Path, tmp_path: Path, capsys, argv, message) -> None:
    assert run(round_dir, *[a.replace("{tmp}", str(tmp_path)) for a in argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith("nilai: ") and message in err and err.count("\n") == 1


def test_no_round_yet(data_dir: Path, tmp_path: Path, capsys) -> None:
    assert run(data_dir, "ranking", "--format", "csv", "--out", str(tmp_path / "r.csv")) == 1
    assert "no round" in capsys.readouterr().err.lower()


def test_moderation_commands(round_dir: Path, capsys) -> None:
    assert run(round_dir, "moderation", "set", "1108", "P1", "5", "--reason", "bukti tambahan", "--actor", "Rina <1>") == 0
    assert run(round_dir, "moderation", "list") == 0
    out = capsys.readouterr().out
    assert "1108 P1: level 5  by Rina <1>" in out and "1107 S1: level 3" in out
    assert run(round_dir, "moderation", "clear", "1108", "P1", "--reason", "keliru", "--actor", "Rina <1>") == 0
    assert run(round_dir, "moderation", "list", "--history", "--json") == 0
    out = capsys.readouterr().out
    assert '"new_level": 5' in out and '"reason": "keliru"' in out


def test_signed_pdf(round_dir: Path, tmp_path: Path, capsys) -> None:
    identity.create_identity(round_dir, "Rina Koordinator", "197001011995032001", "Kominfo", "rahasia koordinator")
    passfile = tmp_path / "pass"
    passfile.write_text("rahasia koordinator\n", encoding="utf-8")
    out = tmp_path / "signed.pdf"
    assert run(round_dir, "ranking", "--out", str(out), "--passphrase-file", str(passfile)) == 0
    assert "and signed" in capsys.readouterr().out
    assert signing.verify_pdf(out.read_bytes()).intact
    passfile.write_text("wrong passphrase\n", encoding="utf-8")
    assert run(round_dir, "ranking", "--out", str(tmp_path / "s2.pdf"), "--passphrase-file", str(passfile)) == 1
    assert not (tmp_path / "s2.pdf").exists()
