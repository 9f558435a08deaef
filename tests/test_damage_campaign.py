"""Every command on a damaged store answers in one line, never a traceback (see tests/damage_campaign.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from damage_campaign import run_campaign


@pytest.mark.slow  # ~8 s of CPU, over 20 s of wall time on a shared machine
def test_damaged_stores_are_refused_in_one_line(tmp_path: Path, capsys) -> None:
    randoms = int(os.environ.get("NILAI_DAMAGE_RANDOM", "6"))
    result = run_campaign(tmp_path, seed=2018, random_stores=randoms)
    assert result.failures == []
    assert result.tracebacks == 0
    assert result.stores_damaged >= 9  # empty, six cuts, a PDF and a zip are always damage
    assert result.commands_run == 12 * (result.stores_damaged + result.stores_unnoticed)
    with capsys.disabled():
        print(f"\ndamage campaign: {result.stores_damaged} stores damaged (+{result.stores_unnoticed} changed where "
              f"SQLite cannot see), {result.commands_run} commands run, {result.refused_in_one_line} refused in one "
              f"line, {result.succeeded} succeeded, {result.tracebacks} tracebacks")
