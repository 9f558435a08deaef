"""SIGKILL at random moments loses nothing that was acknowledged (see tests/crash_campaign.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from crash_campaign import run_campaign


# 25 child processes killed and checked: ~13 s of CPU; `make test-fast` leaves it out, CI runs it.
@pytest.mark.slow
def test_kills_lose_no_acknowledged_change(tmp_path: Path, capsys) -> None:
    kills = int(os.environ.get("NILAI_CRASH_KILLS", "25"))
    result = run_campaign(tmp_path / "data", kills=kills, seed=2018)
    assert result.kills == kills
    assert result.verified_steps >= kills  # every child got at least one change in before its kill
    with capsys.disabled():
        print(f"\ncrash campaign: {result.kills} kills survived, {result.verified_steps} changes verified in the store "
              f"({result.acknowledged} acknowledged, {result.in_flight_committed} in-flight commits found)")
