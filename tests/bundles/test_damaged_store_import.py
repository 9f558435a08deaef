"""Importing into a store damaged in the middle ends in one line naming the newest sound backup,
not in a traceback (issue 13, item 6c); nothing is written. Runs `python -m app` as a user would."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.bundles.helpers import Demo, db_digest, db_file, export, run_cli

ROOT = Path(__file__).resolve().parents[2]


def test_import_into_a_store_with_a_value_that_is_not_utf8(demo: Demo, tmp_path: Path) -> None:
    bundle = export(demo, 0, tmp_path / "a.nilai")
    assert run_cli("--data-dir", demo.coordinator, "backup") == 0
    backup = next((demo.coordinator / "backups").glob("*-manual.sqlite3"))
    conn = sqlite3.connect(db_file(demo.coordinator))  # damage SQLite's own check cannot see
    conn.execute("UPDATE assessor SET name = CAST(X'4275C3FF6469' AS TEXT)")
    conn.commit()
    conn.close()
    before = db_digest(demo.coordinator)
    done = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(demo.coordinator), "bundle", "import",
                           str(bundle), "--trust-dir", str(demo.certs)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(lines) == 1 and "is damaged (Could not decode to UTF-8" in lines[0] and str(backup) in lines[0]
    assert db_digest(demo.coordinator) == before
