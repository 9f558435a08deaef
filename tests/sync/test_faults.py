"""Faults on the coordinator's side, with real parts: the service's data directory on a file system
that is full (a small tmpfs), its PostgreSQL server stopped and started again during a sync, and an
encrypted bundle the service cannot open. Each time: one clear line for the sender, nothing half
imported, and the bundle taken in exactly once when the fault is gone."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_support import POSTGRES_URL, SKIP_REASON

from tests.bundles.helpers import Demo, export
from tests.fs_limits import fill, small_filesystem
from tests.sync.faults import PrivatePostgres
from tests.sync.service import Service, free_port, make_tls_certificate
from tests.sync.test_operations import metrics, samples
from tests.sync.test_service import counts, send

pytestmark = [pytest.mark.postgres]
needs_test_server = pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_REASON)


@needs_test_server
def test_full_disk_is_507_with_nothing_kept_then_taken_in_once_space_is_back(pg_url: str, demo: Demo,
                                                                           tmp_path: Path) -> None:
    from app.sync.client import SendFailed

    cert, key = make_tls_certificate(tmp_path)
    with small_filesystem(tmp_path / "disk", 8192) as disk:
        service = Service(pg_url, disk / "data", cert, key, free_port())
        service.start()
        try:
            assert service.cli("bundle", "trust", demo.cert(0)) == 0
            bundle = export(demo, 0, tmp_path / "a0.nilai")
            filler = fill(disk, leave_bytes=bundle.stat().st_size // 2)  # room for log lines, not for the bundle
            with pytest.raises(SendFailed) as full:
                send(service, demo, 0, bundle)
            assert full.value.status == 507 and "disk is full" in str(full.value), full.value
            assert "\n" not in str(full.value)
            assert counts(service) == (0, 0)  # nothing half imported
            assert not any((service.data_dir / "sync" / "incoming").iterdir())  # nothing half written kept
            got = samples(metrics(service).text)
            assert got[("nilai_sync_refused_requests_total", (("status", "507"),))] == 1

            filler.unlink()  # the coordinator frees space; the laptop sends the same bundle again
            outcome = send(service, demo, 0, bundle)
            assert outcome.outcome == "taken_in", outcome
            receipts, versions = counts(service)
            assert receipts == 1 and versions == outcome.records["imported"]
        finally:
            service.stop()


@needs_test_server
def test_full_disk_during_a_resumable_upload_is_507_and_it_resumes_once_space_is_back(pg_url: str, demo: Demo,
                                                                                    tmp_path: Path) -> None:
    from app.sync.client import SendFailed
    from app.sync.resumable import upload_bundle
    from tests.bundles.helpers import unlock_dir

    cert, key = make_tls_certificate(tmp_path)
    with small_filesystem(tmp_path / "disk", 8192) as disk:
        service = Service(pg_url, disk / "data", cert, key, free_port())
        service.start()
        try:
            assert service.cli("bundle", "trust", demo.cert(0)) == 0
            bundle = export(demo, 0, tmp_path / "a0.nilai")
            identity = unlock_dir(demo.assessors[0])
            filler = fill(disk, leave_bytes=bundle.stat().st_size // 2)  # the chunks do not fit
            with pytest.raises(SendFailed) as full:
                upload_bundle(service.url, bundle, identity, service.cert, chunk_bytes=16_384)
            assert full.value.status == 507 and "disk is full" in str(full.value), full.value
            assert "\n" not in str(full.value)
            assert counts(service) == (0, 0)

            filler.unlink()  # space is back: the same upload goes on, and the bundle is taken in once
            outcome = upload_bundle(service.url, bundle, identity, service.cert, chunk_bytes=16_384)
            assert outcome.outcome == "taken_in", outcome
            assert counts(service)[0] == 1
        finally:
            service.stop()


@pytest.fixture
def own_postgres() -> Iterator[PrivatePostgres]:
    if PrivatePostgres.binaries() is None:
        pytest.skip("no PostgreSQL server binaries (/usr/lib/postgresql/*/bin)")
    folder = Path(tempfile.mkdtemp(prefix="nilai-pg-restart-"))  # not under pytest's 0700 tmp: postgres reads it
    folder.chmod(0o755)
    server = PrivatePostgres(folder / "pg")
    server.init()
    try:
        yield server
    finally:
        with contextlib.suppress(AssertionError):  # already stopped by the test
            server.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


def test_postgresql_restart_during_a_sync_is_503_then_taken_in_once(own_postgres: PrivatePostgres, demo: Demo,
                                                                    tmp_path: Path) -> None:
    from app.sync.client import SendFailed

    root = tmp_path / "service"
    root.mkdir()
    cert, key = make_tls_certificate(root)
    service = Service(own_postgres.url, root / "data", cert, key, free_port())
    service.start()
    try:
        assert service.cli("bundle", "trust", demo.cert(0)) == 0
        first, second = export(demo, 0, tmp_path / "a0.nilai"), export(demo, 1, tmp_path / "a1.nilai")
        assert service.cli("bundle", "trust", demo.cert(1)) == 0

        # the database goes away while a bundle is being imported
        incoming = service.data_dir / "sync" / "incoming"
        answers: list[object] = []
        sender = threading.Thread(target=lambda: answers.append(_attempt(service, demo, 0, first)))
        sender.start()
        deadline = time.monotonic() + 60
        while not any(incoming.glob("*.nilai")) and time.monotonic() < deadline:
            time.sleep(0.001)
        own_postgres.stop("fast")
        sender.join(timeout=120)
        # and stays away for the next sync
        down = _attempt(service, demo, 1, second)
        assert isinstance(down, SendFailed) and down.status == 503, down
        assert "store" in str(down) and "send it again" in str(down) and "\n" not in str(down)
        mid = answers[0]
        assert isinstance(mid, SendFailed) and mid.status == 503 or getattr(mid, "outcome", None) == "taken_in", mid

        own_postgres.start()  # the laptops' next try
        again = [send(service, demo, 0, first), send(service, demo, 1, second)]
        assert [a.outcome for a in again] in (["taken_in", "taken_in"], ["repeated", "taken_in"]), again
        receipts, versions = counts(service)
        assert receipts == 2 and versions == sum(sum(a.records.values()) for a in again)
    finally:
        service.stop()


def _attempt(service: Service, demo: Demo, index: int, bundle: Path) -> object:
    from app.sync.client import SendFailed

    try:
        return send(service, demo, index, bundle)
    except SendFailed as exc:
        return exc


@needs_test_server
def test_an_encrypted_bundle_is_rejected_with_what_to_do(service: Service, demo: Demo, tmp_path: Path) -> None:
    assert service.cli("bundle", "trust", demo.cert(0)) == 0
    sealed = export(demo, 0, tmp_path / "sealed.nilai", "--to", demo.cert(1))  # encrypted to a coordinator's cert
    outcome = send(service, demo, 0, sealed)
    assert outcome.outcome == "rejected" and outcome.error_kind == "encrypted", outcome
    assert "opens no encrypted bundle" in outcome.reason and "nilai sync" in outcome.reason
    assert counts(service) == (0, 0)
    plain = send(service, demo, 0, export(demo, 0, tmp_path / "plain.nilai", "--all"))  # the same, unencrypted
    assert plain.outcome == "taken_in", plain
