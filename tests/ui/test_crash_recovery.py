"""End to end: the real program, driven through its key handling, killed with SIGKILL mid-interview.

Everything the window reported as saved must be in the store afterwards, the change log intact,
and the next start must come back to the same interview showing exactly what was stored.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import assessments
from app.assessments.scoring import Mark
from app.assessments.snapshots import snapshot
from app.rounds.demo import build_demo
from app.rounds.schedule import schedule_for
from app.store import changelog, open_store, settings

ROOT = Path(__file__).resolve().parents[2]


def start_program(data_dir: Path, script: list[dict], tmp_path: Path, *extra: str) -> subprocess.Popen:
    path = tmp_path / f"script-{time.monotonic_ns()}.json"
    path.write_text(json.dumps(script), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NILAI_UI_SCRIPT": str(path)}
    env.pop("NILAI_DATA_DIR", None)
    return subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(data_dir), "--lang", "en", *extra],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def read_until(process: subprocess.Popen, marker: str, timeout: float = 60) -> list[str]:
    lines, deadline = [], time.monotonic() + timeout
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if line.startswith(marker):
            return lines
    process.kill()
    pytest.fail(f"no {marker!r} from the program; stdout: {lines}; stderr: {process.stderr.read()[-3000:]}")


@pytest.fixture
def demo_dir(tmp_path: Path) -> tuple[Path, str, str]:
    """A small demo round; returns (data dir, round id, region code of an interview not started yet)."""
    data_dir = tmp_path / "data"
    store = open_store(data_dir)
    try:
        result = build_demo(store, regions_count=6, assessors_count=2)
        me = settings.profile(store)
        entries = schedule_for(store, result.round_id, me.id)
        todo = next(e for e in entries if e.status == "not_started")
        return data_dir, result.round_id, todo.region.code
    finally:
        store.close()


def test_sigkill_mid_interview_loses_nothing_that_was_saved(demo_dir, tmp_path: Path) -> None:
    data_dir, round_id, region_code = demo_dir
    script = [
        {"open": region_code}, {"wait": 300},
        {"key": "3"}, {"key": "Down"}, {"key": "4"}, {"key": "Ctrl+Return"}, {"key": "N"},
        {"key": "Down"}, {"key": "2"}, {"key": "Ctrl+E"}, {"type": "Bupati hadir; Perda TIK 2017"},
        {"wait": 700},  # longer than the note's save interval: it has reached the store
        {"key": "Escape"}, {"key": "Down"}, {"key": "5"}, {"key": "Ctrl+Z"},  # undone: back to no level
        {"key": "Down"}, {"key": "1"},
        {"print": "SAVED"}, {"wait": 120000},
    ]
    with start_program(data_dir, script, tmp_path) as program:
        try:
            read_until(program, "SAVED")
            time.sleep(0.3)
        finally:
            os.kill(program.pid, signal.SIGKILL)
            program.wait(10)
    assert program.returncode == -signal.SIGKILL

    store = open_store(data_dir)
    try:
        me = settings.profile(store)
        version = assessments.start_assessment(store, round_id=round_id, region_code=region_code, assessor_id=me.id)
        snap = snapshot(store, version)
        codes = [ind.code for ind in snap.instrument.indicators()]
        with store.transaction() as session:
            marks = assessments.marks_of(session, version)
            assert changelog.verify_chain(session, snap.record_id) == []
        scored = {code: mark for code, mark in marks.items() if mark.is_scored}
        assert scored == {codes[0]: Mark(3), codes[1]: Mark(4), codes[2]: Mark(None, True), codes[3]: Mark(2),
                          codes[5]: Mark(1)}
        assert snap.score(codes[3]).note == "Bupati hadir; Perda TIK 2017"
        assert marks.get(codes[4], Mark()) == Mark()  # the undo reached the store too
        assert settings.read(store, settings.LAST_OPEN) == version
    finally:
        store.close()

    # Restart: straight back to the interview, showing what the store holds, at the indicator left.
    with start_program(data_dir, [{"wait": 300}, {"report": True}, {"quit": True}], tmp_path) as program:
        lines = read_until(program, "STATE")
        program.wait(30)
    state = json.loads(lines[-1][len("STATE "):])
    assert state["version"] == version
    assert state["current"] == codes[5]
    assert state["marks"] == {codes[0]: [3, False], codes[1]: [4, False], codes[2]: [None, True],
                              codes[3]: [2, False], codes[5]: [1, False]}
    assert program.returncode == 0


def test_quit_after_paint_starts_and_leaves_cleanly(demo_dir, tmp_path: Path) -> None:
    data_dir, _round_id, _region = demo_dir
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("NILAI_UI_SCRIPT", None)
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data_dir), "--quit-after-paint"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 30
