"""The assessor's outbox and `nilai sync` end to end: real PostgreSQL, `nilai serve` under uvicorn with
TLS, a demo assessor's data directory holding a round package that names the service."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pg_support import POSTGRES_URL, SKIP_REASON

from tests.bundles.helpers import PASSPHRASE, Demo, current_versions, open_store_at, run_cli
from tests.sync.service import ROOT, Service
from tests.sync.test_service import counts

pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_REASON)]


def give_sync_target(service: Service, demo: Demo, index: int, tmp_path: Path) -> Path:
    """The coordinator names the service in a new round package; the assessor imports it."""
    from app.identity import create_identity, export_certificate

    if not (tmp_path / "coordinator.pem").exists():  # the demo's coordinator has no identity yet
        create_identity(demo.coordinator, "Koordinator", "198001012010011001", "Kementerian", PASSPHRASE)
        export_certificate(demo.coordinator, tmp_path / "coordinator.pem")
    package = tmp_path / "ronde.nilairound"
    assert run_cli("--data-dir", demo.coordinator, "round", "export", "--out", package, "--passphrase-file",
                   demo.passphrase_file, "--sync-url", service.url, "--sync-cert", service.cert) == 0
    assert run_cli("--data-dir", demo.assessors[index], "round", "import", package, "--trust",
                   tmp_path / "coordinator.pem") == 0
    return package


def sync(demo: Demo, index: int, *extra: str) -> int:
    return run_cli("--data-dir", demo.assessors[index], "sync", "--passphrase-file", demo.passphrase_file, *extra)


def outbox(demo: Demo, index: int) -> list:
    from sqlmodel import select

    from app.models.sync import OutboxEntry

    store = open_store_at(demo.assessors[index])
    try:
        with store.transaction() as session:
            return list(session.exec(select(OutboxEntry)))
    finally:
        store.close()


def finalize_one_more(demo: Demo, index: int) -> str:
    from app import assessments

    version = current_versions(demo.assessors[index])[0][1]
    store = open_store_at(demo.assessors[index])
    try:
        new = assessments.reopen(store, version, "catatan tambahan", "penilai")
        assessments.finalize(store, new, "penilai")
        return new
    finally:
        store.close()


def test_round_package_carries_the_sync_target(service: Service, demo: Demo, tmp_path: Path) -> None:
    from app.bundles import sync_target
    from app.bundles.round_package import read_package

    package = give_sync_target(service, demo, 0, tmp_path)
    data = read_package(package).data
    assert data["sync"] == {"url": service.url, "certificate": service.cert.read_text().strip() + "\n"}
    store = open_store_at(demo.assessors[0])
    try:
        with store.transaction() as session:
            target = sync_target.get(session, data["round"]["id"])
    finally:
        store.close()
    assert target is not None and target.url == service.url
    # a later package without the options still carries it (remembered for the round)
    again = tmp_path / "ronde-2.nilairound"
    assert run_cli("--data-dir", demo.coordinator, "round", "export", "--out", again, "--passphrase-file",
                   demo.passphrase_file) == 0
    assert read_package(again).data["sync"]["url"] == service.url


def test_sync_sends_once_then_nothing_then_the_new_version(service: Service, demo: Demo, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert service.cli("bundle", "trust", demo.cert(0)) == 0
    give_sync_target(service, demo, 0, tmp_path)
    capsys.readouterr()
    assert sync(demo, 0) == 0
    out = capsys.readouterr().out
    assert "taken in" in out, out
    entries = outbox(demo, 0)
    assert entries and all(e.sent_at is not None and e.outcome == "taken_in" for e in entries)
    receipts, versions = counts(service)
    assert receipts == 1 and versions == len(entries)
    assert not list((demo.assessors[0] / "sync" / "outbox").glob("*.nilai"))  # the sent bundle is gone

    assert sync(demo, 0) == 0
    assert "nothing to send" in capsys.readouterr().out
    assert counts(service) == (1, versions)

    finalize_one_more(demo, 0)
    assert sync(demo, 0) == 0
    assert "1 version(s) taken in" in capsys.readouterr().out
    assert counts(service) == (2, versions + 1)


def test_server_down_keeps_the_versions_queued_then_sends_them_once(service: Service, demo: Demo, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert service.cli("bundle", "trust", demo.cert(0)) == 0
    give_sync_target(service, demo, 0, tmp_path)
    service.stop()
    capsys.readouterr()
    assert sync(demo, 0, "--retries", "1") == 1
    out = capsys.readouterr().out
    assert "not sent: offline?" in out and "still queued" in out, out
    entries = outbox(demo, 0)
    assert entries and all(e.sent_at is None and e.attempts == 1 and "could not be reached" in e.reason
                           for e in entries)
    service.start()
    assert counts(service) == (0, 0)
    assert sync(demo, 0) == 0
    assert all(e.sent_at is not None for e in outbox(demo, 0))
    assert counts(service) == (1, len(entries))


def test_untrusted_laptop_is_quarantined_and_stays_queued(service: Service, demo: Demo, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    give_sync_target(service, demo, 1, tmp_path)
    capsys.readouterr()
    assert sync(demo, 1) == 1
    out = capsys.readouterr().out
    assert "quarantined: the coordinator does not trust this laptop's certificate yet" in out, out
    assert all(e.sent_at is None and e.outcome == "quarantined" for e in outbox(demo, 1))
    assert counts(service) == (0, 0)


def test_sync_killed_mid_send_then_run_again_arrives_exactly_once(service: Service, demo: Demo,
                                                                  tmp_path: Path) -> None:
    assert service.cli("bundle", "trust", demo.cert(0)) == 0
    give_sync_target(service, demo, 0, tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "app", "--data-dir", str(demo.assessors[0]), "sync", "--passphrase-file",
               str(demo.passphrase_file)]
    # Kill it once the bundle is written (its name goes on the queued rows right after): mid-send.
    errors = open(tmp_path / "sync.err", "wb")  # noqa: SIM115 - the child writes it until it is killed
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    folder = demo.assessors[0] / "sync" / "outbox"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None and not list(folder.glob("*.nilai")):
        time.sleep(0.02)
    time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    errors.close()
    assert list(folder.glob("*.nilai")), (tmp_path / "sync.err").read_text()
    killed = outbox(demo, 0)
    assert any(e.batch for e in killed) and not all(e.sent_at for e in killed), "not killed mid-send"
    assert sync(demo, 0) == 0
    entries = outbox(demo, 0)
    assert all(e.sent_at is not None and e.outcome in ("taken_in", "repeated") for e in entries)
    receipts, versions = counts(service)
    assert receipts == 1 and versions == len(entries)  # the same bundle, once
