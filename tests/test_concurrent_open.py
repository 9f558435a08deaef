"""A store opened again and again by one process does not hold up another process's writer.

The desktop and a ``nilai`` command on one laptop open the same SQLite store: a command's open (damage
check, migration check, integrity check) must never stall a concurrent writer (``nilai sync``, an
import, the desktop saving a level). Process A opens the store as a command does every 50 ms; process
B makes a fixed number of write transactions, alone and then beside A.

The bound is a ratio, not a time: B beside A may take up to 5x its time alone plus 2 s. A shares
the (possibly busy) cores with B, so some slow-down is expected; a lock held or waited for by an open
would cost a whole busy timeout (5 s) or write wait (120 s) per blocked write, far above the bound.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.store import open_store

ROOT = Path(__file__).resolve().parents[1]
WORKER = Path(__file__).with_name("concurrent_open_worker.py")
WRITES = 400
OPENER_SECONDS = 60  # longer than any run of B that passes; A is stopped once B is done


def _env(encrypted: bool) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if encrypted:
        env["ENCRYPTED"] = "1"
    return env


def _writer_seconds(data_dir: Path, env: dict[str, str]) -> float:
    done = subprocess.run([sys.executable, str(WORKER), "write", str(data_dir), str(WRITES)], env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return float(done.stdout.strip().rpartition("seconds=")[2])


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_opening_again_and_again_does_not_stall_a_writer(tmp_path: Path, encrypted: bool) -> None:
    from app.store import cipher

    data_dir = tmp_path / "laptop"
    data_dir.mkdir()
    if encrypted:
        (data_dir / cipher.KEY_FILE).write_text("wrapped key (not read: the data key is given directly)")
        cipher.unlock(data_dir, b"k" * 32)
    try:
        open_store(data_dir).close()
    finally:
        cipher.forget()
    env = _env(encrypted)
    alone = _writer_seconds(data_dir, env)

    opener = subprocess.Popen([sys.executable, str(WORKER), "open", str(data_dir), str(OPENER_SECONDS)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(1.5)  # A past its imports and opening
        assert opener.poll() is None, opener.communicate()[1]
        beside = _writer_seconds(data_dir, env)
        assert opener.poll() is None, f"the opener stopped: {opener.communicate()[1]}"
    finally:
        opener.terminate()
        _out, err = opener.communicate(timeout=30)
    assert "Traceback" not in err, err
    print(f"{WRITES} writes: {alone:.2f} s alone, {beside:.2f} s beside an opener")
    assert beside < 5 * alone + 2, f"{WRITES} writes took {beside:.2f} s beside the opener, {alone:.2f} s alone"
