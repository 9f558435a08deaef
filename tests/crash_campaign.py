"""Crash campaign: score through the real core in a subprocess, SIGKILL it at random moments,
and prove after every kill that the store opens, passes the integrity check and holds every
change the driver acknowledged.

Run by tests/test_crash_campaign.py with a CI-sized setting; for a longer manual run:
    .venv/bin/python tests/crash_campaign.py --kills 300
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACTOR = "Crash Driver <0000>"


def script_step(step: int, codes: list[str]) -> tuple[str, str, str]:
    """Step n of the scripted interview: (indicator, field, value); every step changes something."""
    code = codes[step % len(codes)]
    if step % 2 == 0:
        return code, "level", str((step // len(codes)) % 5 + 1) if (step // 2) % 7 else "NA"
    return code, "note", f"catatan langkah {step} — Kabupaten Batang ✓"


def expected_state(steps: int, codes: list[str]) -> dict[tuple[str, str], str]:
    state: dict[tuple[str, str], str] = {}
    for step in range(steps):
        code, field, value = script_step(step, codes)
        state[(code, field)] = value
    return state


def drive(data_dir: str, version_id: str, start: int, codes: list[str]) -> None:
    """The child: apply steps from ``start`` on, printing ACK after each commit returns."""
    sys.path.insert(0, str(ROOT))
    from app import assessments as A
    from app.store import open_store

    store = open_store(data_dir)
    step = start
    while True:
        code, field, value = script_step(step, codes)
        if field == "level":
            if value == "NA":
                A.set_not_applicable(store, version_id, code, ACTOR)
            else:
                A.set_level(store, version_id, code, int(value), ACTOR)
        else:
            A.set_note(store, version_id, code, value, ACTOR)
        sys.stdout.write(f"ACK {step}\n")
        sys.stdout.flush()
        step += 1


def prepare(data_dir: Path) -> tuple[str, list[str]]:
    sys.path.insert(0, str(ROOT))
    from app import assessments as A
    from app.instruments import find_instrument
    from app.rounds import create_round
    from app.store import open_store, settings

    store = open_store(data_dir)
    try:
        me = settings.save_profile(store, "Crash Driver", "0000", "Uji")
        instrument = find_instrument("smart-city-readiness-2018")
        with store.transaction() as session:
            round_id = create_round(session, name="Crash", instrument=instrument, region_codes=["3325"]).id
        version = A.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=me.id)
        return version, [ind.code for ind in instrument.indicators()]
    finally:
        store.close()


def stored_state(data_dir: Path, version_id: str) -> tuple[dict[tuple[str, str], str], int]:
    from sqlmodel import select

    from app.assessments import encode_mark
    from app.assessments.scoring import Mark
    from app.models.tables import ChangeLogEntry, Score
    from app.store import open_store

    store = open_store(data_dir)
    try:
        with store.transaction() as session:
            state: dict[tuple[str, str], str] = {}
            for row in session.exec(select(Score).where(Score.version_id == version_id)):
                mark = encode_mark(Mark(row.level, row.not_applicable))
                if mark:
                    state[(row.indicator_code, "level")] = mark
                if row.note:
                    state[(row.indicator_code, "note")] = row.note
            edits = len(session.exec(select(ChangeLogEntry).where(ChangeLogEntry.version_id == version_id,
                                                                  ChangeLogEntry.field.in_(("level", "note")))).all())
        from app.store.integrity import check

        report = check(store, full=True)
        if not report.ok:
            raise AssertionError(f"integrity check failed after a kill: {[str(f) for f in report.findings]}")
        return state, edits
    finally:
        store.close()


@dataclass
class CampaignResult:
    kills: int
    acknowledged: int
    verified_steps: int
    in_flight_committed: int


def run_campaign(data_dir: Path, kills: int, seed: int, max_wait: float = 0.4) -> CampaignResult:
    rng = random.Random(seed)
    version, codes = prepare(data_dir)
    applied = 0
    acknowledged_total = 0
    in_flight = 0
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for _ in range(kills):
        child = subprocess.Popen(
            [sys.executable, __file__, "--drive", str(data_dir), version, str(applied), json.dumps(codes)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True, bufsize=1)
        # Let it reach the scoring loop, then kill at a random moment within the next stretch.
        last_ack = applied - 1
        first = child.stdout.readline()
        if not first.startswith("ACK"):
            child.kill()
            raise AssertionError(f"driver did not start: {first!r} {child.stderr.read()}")
        last_ack = int(first.split()[1])
        deadline = time.monotonic() + rng.uniform(0.0, max_wait)
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if line.startswith("ACK"):
                last_ack = int(line.split()[1])
        os.kill(child.pid, signal.SIGKILL)
        # Lines already written before the kill were acknowledged too.
        for line in child.stdout.read().splitlines():
            if line.startswith("ACK"):
                last_ack = int(line.split()[1])
        child.wait()
        child.stdout.close()
        child.stderr.close()
        state, edits = stored_state(data_dir, version)
        acknowledged = last_ack + 1
        # Every acknowledged step is there; at most the one in flight when killed committed too.
        if edits == acknowledged + 1:
            in_flight += 1
        elif edits != acknowledged:
            raise AssertionError(f"store has {edits} changes, driver acknowledged {acknowledged}")
        if state != expected_state(edits, codes):
            raise AssertionError(f"store content differs from the first {edits} scripted changes")
        acknowledged_total += acknowledged - applied
        applied = edits
    return CampaignResult(kills, acknowledged_total, applied, in_flight)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--drive":
        drive(sys.argv[2], sys.argv[3], int(sys.argv[4]), json.loads(sys.argv[5]))
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    import tempfile

    directory = args.data_dir or Path(tempfile.mkdtemp(prefix="nilai-crash-"))
    result = run_campaign(directory, args.kills, args.seed)
    print(f"crash campaign: {result.kills} kills survived, {result.verified_steps} changes in the store verified "
          f"({result.acknowledged} acknowledged before a kill, {result.in_flight_committed} in-flight changes "
          f"committed just before the kill)")


if __name__ == "__main__":
    main()
