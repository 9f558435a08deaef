"""One sync at a time per laptop: a second `nilai sync` while another process holds the data
directory's sync lock says so in one line, exits 1 and changes nothing; the lock goes with a process
that dies. Real processes, no service needed (with a service: tests/sync/test_auto_sync.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.sync.auto import CERTIFICATE, NOT_TRUSTED, OFFLINE, REFUSED, Backoff, failure_kind
from app.sync.lock import SyncBusy, sync_lock
from app.sync.outbox import FAILED, Delivery
from tests.bundles.helpers import Demo, open_store_at
from tests.sync.service import ROOT

HOLD = ("import sys; from app.sync.lock import sync_lock\n"
        "with sync_lock(sys.argv[1]):\n    print('held', flush=True); sys.stdin.readline()\n")


def nilai(*args: str | Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def outbox_rows(data_dir: Path) -> list[tuple]:
    from sqlmodel import select

    from app.models.sync import OutboxEntry

    store = open_store_at(data_dir)
    try:
        with store.transaction() as session:
            return sorted((e.version_id, e.state, e.attempts, e.outcome, e.batch) for e in session.exec(select(OutboxEntry)))
    finally:
        store.close()


def test_a_second_sync_while_another_process_holds_the_lock_exits_1_and_changes_nothing(demo: Demo) -> None:
    laptop = demo.assessors[0]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(laptop)], cwd=ROOT, env=env, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        second = nilai("--data-dir", laptop, "sync", "--passphrase-file", demo.passphrase_file)
        assert second.returncode == 1
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1 and "another sync is running on this laptop" in lines[0], second.stderr
        rows = outbox_rows(laptop)
        assert rows and all(attempts == 0 and outcome == "" and batch is None for _v, _s, attempts, outcome, batch in rows)
    finally:
        holder.kill()  # dies holding it: the operating system lets go
        holder.communicate(timeout=30)
    with sync_lock(laptop):
        pass
    again = nilai("--data-dir", laptop, "sync", "--passphrase-file", demo.passphrase_file)
    assert "another sync" not in again.stderr and "names no sync service" in again.stdout, again


def test_the_lock_refuses_a_second_holder_in_the_same_process(tmp_path: Path) -> None:
    # the desktop's background sync and File ▸ Sync now are one process
    with sync_lock(tmp_path), pytest.raises(SyncBusy, match="another sync is running"), sync_lock(tmp_path):
        pass
    with sync_lock(tmp_path):
        pass


def test_backoff_doubles_while_offline_up_to_a_ceiling_and_resets_when_reached() -> None:
    backoff = Backoff(every=60, longest=900)
    delays = []
    for _ in range(6):
        backoff.missed()
        delays.append(backoff.next_delay())
    assert delays == [120, 240, 480, 900, 900, 900]
    backoff.reached()
    assert backoff.next_delay() == 60


@pytest.mark.parametrize(("delivery", "kind"), [
    (Delivery("R", 1, FAILED, "offline? https://x/bundles: the service could not be reached (ConnectError: x)"), OFFLINE),
    (Delivery("R", 1, FAILED, "https://x/bundles: refused (503): busy"), OFFLINE),
    (Delivery("R", 1, FAILED, "… CERTIFICATE_VERIFY_FAILED …; the service's certificate is not the one pinned in "
              "the round package: ask the coordinator for a new round package"), CERTIFICATE),
    (Delivery("R", 1, "quarantined", "the coordinator does not trust this laptop's certificate yet"), NOT_TRUSTED),
    (Delivery("R", 1, FAILED, "https://x/bundles: refused (403): the certificate was revoked"), REFUSED),
    (Delivery("R", 1, "rejected", "tampered"), REFUSED),
])
def test_failures_fall_in_the_cases_the_assessor_can_tell_apart(delivery: Delivery, kind: str) -> None:
    assert failure_kind(delivery) == kind
