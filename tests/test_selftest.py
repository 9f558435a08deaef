"""`nilai selftest`: every step really runs, a failure is one line and a non-zero exit, real data is safe."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import selftest
from app.cli import main

CORE_STEPS = ["store", "instruments", "workbooks", "demo", "identity", "sheet", "verify", "encryption",
              "bundle-export", "bundle-import", "sync-service"]


def test_every_step_passes_in_a_given_directory(tmp_path: Path) -> None:
    out = io.StringIO()
    results = selftest.selftest(tmp_path / "fresh", out=out)
    assert [r.name for r in results] == CORE_STEPS
    assert [r.status for r in results] == ["ok"] * len(CORE_STEPS), out.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("nilai ") and len(lines) == 1 + len(CORE_STEPS)
    # The directory was given, so it is kept: the store, the identity and the signed sheet are there.
    assert (tmp_path / "fresh" / "nilai.sqlite3").is_file()
    assert list((tmp_path / "fresh" / "sheets").glob("*.pdf"))
    assert (tmp_path / "fresh" / "identity").is_dir()


def test_cli_passes_with_a_temporary_directory(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    assert main(["selftest"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[-1].startswith(f"selftest passed: {len(CORE_STEPS)} steps")
    assert list(tmp_path.iterdir()) == []  # the temporary directory is gone


def test_a_failing_step_is_one_line_and_the_rest_is_skipped(capsys, monkeypatch) -> None:
    def broken(ctx: selftest.Context) -> str:
        raise KeyError("signature field\nwith a second line")

    monkeypatch.setattr(selftest, "step_sheet", broken)
    assert main(["selftest"]) == 1
    out, err = capsys.readouterr()
    assert err.count("\n") == 1
    assert err.startswith("nilai: selftest failed at step sheet: KeyError:")
    statuses = {line.split()[1]: line.split()[0] for line in out.splitlines()[1:]}
    assert statuses["identity"] == "ok" and statuses["sheet"] == "FAIL"
    assert statuses["verify"] == statuses["bundle-import"] == "skip"


def test_refuses_a_directory_with_someones_data(tmp_path: Path, capsys) -> None:
    data = tmp_path / "real"
    assert main(["--data-dir", str(data), "round", "list"]) == 0
    before = (data / "nilai.sqlite3").read_bytes()
    assert main(["--data-dir", str(data), "selftest"]) == 1
    assert "already holds Nilai data" in capsys.readouterr().err
    assert (data / "nilai.sqlite3").read_bytes() == before


def test_nilai_data_dir_from_the_environment_is_not_used(tmp_path: Path, capsys, monkeypatch) -> None:
    # NILAI_DATA_DIR names the assessor's real data; a selftest must never write its demo there.
    real = tmp_path / "real"
    monkeypatch.setenv("NILAI_DATA_DIR", str(real))
    assert main(["--data-dir", str(real), "round", "list"]) == 0
    from app.cli import build_parser

    args = build_parser().parse_args(["selftest"])
    from app.cli.selftest_cmds import _explicit_data_dir

    assert _explicit_data_dir(args) is None


@pytest.mark.slow
def test_gui_step_draws_the_window_in_a_subprocess(tmp_path: Path) -> None:
    # In a subprocess: core tests never create a QApplication, and the step starts the real program.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NILAI_LOG_DIR": str(tmp_path / "logs")}
    env.pop("NILAI_DATA_DIR", None)
    done = subprocess.run([sys.executable, "-m", "app", "selftest", "--gui", "--data-dir", str(tmp_path / "d")],
                          capture_output=True, text=True, env=env, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    assert any(line.startswith("ok    gui") for line in done.stdout.splitlines()), done.stdout
