"""Automatic sync end to end: the assessor's real window on a demo laptop whose round package names a
real `nilai serve` (uvicorn, TLS, PostgreSQL). The service is down, then started: the outbox drains by
itself, without a click. And two `nilai sync` processes at once send every version once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pg_support import POSTGRES_URL, SKIP_REASON

from app.store import open_store, settings
from tests.bundles.helpers import Demo, unlock_dir
from tests.sync.service import ROOT, Service, free_port, make_tls_certificate
from tests.sync.test_outbox import give_sync_target, outbox
from tests.sync.test_service import counts

pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_REASON)]


@pytest.fixture
def stopped_service(pg_url: str, tmp_path: Path):
    """A service made (certificate, port, database) but not started: the laptop is 'offline'."""
    root = tmp_path / "service-root"
    root.mkdir()
    cert, key = make_tls_certificate(root)
    service = Service(pg_url, root / "data", cert, key, free_port())
    try:
        yield service
    finally:
        service.stop()


def test_the_outbox_drains_by_itself_once_the_service_answers(qtbot, qapp, stopped_service: Service, demo: Demo,
                                                              tmp_path: Path) -> None:
    from app.sync.auto import Backoff
    from app.ui import i18n
    from app.ui.mainwindow.window import MainWindow
    from app.ui.state import UiState
    from app.ui.tasks import TaskRunner

    service = stopped_service
    give_sync_target(service, demo, 0, tmp_path)
    i18n.install("en")
    store = open_store(demo.assessors[0])
    runner = TaskRunner()
    try:
        window = MainWindow(store, runner, settings.profile(store), "en", UiState(store.data_dir))
        qtbot.addWidget(window)
        window.show()
        window.start()
        services = window.menus.sheet_actions.services
        unlocked = unlock_dir(demo.assessors[0])
        services.ask_passphrase = lambda parent, data_dir: unlocked
        services.unlock(window)  # the assessor unlocked their key earlier in this session (a sheet signed)
        auto = window.start_auto_sync(backoff=Backoff(every=0.5, longest=1.0), quiet=0.2)
        auto.start(0)

        qtbot.waitUntil(lambda: auto.last is not None, timeout=30000)
        assert auto.last.unreachable and not auto.last.deliveries
        assert auto.button.isVisible() and auto.button.text().endswith("waiting to sync · offline")
        waiting = len(outbox(demo, 0))
        assert waiting > 0 and all(e.sent_at is None for e in outbox(demo, 0))

        service.start()
        assert service.cli("bundle", "trust", demo.cert(0)) == 0
        messages: list[str] = []
        window.statusBar().messageChanged.connect(messages.append)
        qtbot.waitUntil(lambda: all(e.sent_at is not None for e in outbox(demo, 0)), timeout=60000)
        qtbot.waitUntil(lambda: not auto.running, timeout=30000)
        assert any(m.startswith("Sending ") and m.endswith("assessment(s) to the coordinator…") for m in messages)
        assert "assessment(s) taken in by the coordinator." in messages[-1], messages
        assert not auto.button.isVisible()
        receipts, versions = counts(service)
        assert receipts == 1 and versions == waiting
        assert not list((demo.assessors[0] / "sync" / "outbox").glob("*.nilai"))
        window.close()
    finally:
        runner.shutdown()
        store.close()
        i18n.uninstall()


def test_two_syncs_at_once_send_every_version_once(service: Service, demo: Demo, tmp_path: Path) -> None:
    give_sync_target(service, demo, 1, tmp_path)
    assert service.cli("bundle", "trust", demo.cert(1)) == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "app", "--data-dir", str(demo.assessors[1]), "sync", "--passphrase-file",
               str(demo.passphrase_file)]
    both = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    results = [(p.wait(timeout=300), *p.communicate()) for p in both]
    codes = sorted(code for code, _out, _err in results)
    texts = " ".join(out + err for _code, out, err in results)
    # one sends; the other found the lock taken (exit 1, one line) or came after it and had nothing left
    assert codes in ([0, 0], [0, 1]), results
    if codes == [0, 1]:
        loser = next(err for code, _out, err in results if code == 1)
        assert len(loser.strip().splitlines()) == 1 and "another sync is running" in loser
    else:
        assert "nothing to send" in texts
    entries = outbox(demo, 1)
    assert entries and all(e.sent_at is not None and e.attempts == 1 for e in entries)
    receipts, versions = counts(service)
    assert receipts == 1 and versions == len({e.version_id for e in entries})


def test_a_return_for_revision_arrives_by_itself(qtbot, qapp, service: Service, tmp_path: Path) -> None:
    """The coordinator returns an assessment after the laptop's outbox drained: the next automatic look
    brings it (and the newer round package), with no click; the schedule is told."""
    from app.assessments.returns import for_record
    from app.bundles.trust import cert_info
    from app.identity import create_identity, export_certificate
    from app.sync.auto import Backoff
    from app.ui import i18n
    from app.ui.mainwindow.window import MainWindow
    from app.ui.state import UiState
    from app.ui.tasks import TaskRunner
    from tests.bundles.helpers import PASSPHRASE, run_cli
    from tests.sync.test_return_round_trip import _rows

    passphrase = tmp_path / "pass.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    laptops_root = tmp_path / "laptops"
    assert service.cli("demo", "--regions", "4", "--assessors", "2", "--assessor-dirs", laptops_root,
                       "--passphrase-file", passphrase) == 0
    laptop = sorted(p for p in laptops_root.iterdir() if p.is_dir())[0]
    create_identity(service.data_dir.parent / "coordinator-desk", "Koordinator", "197501012000031001", "Kominfo",
                    PASSPHRASE)
    export_certificate(service.data_dir.parent / "coordinator-desk", tmp_path / "coordinator.pem")
    assert service.cli("round", "export", "--out", tmp_path / "r1.nilairound", "--passphrase-file", passphrase,
                       "--sync-url", service.url, "--sync-cert", service.cert) == 0
    export_certificate(laptop, tmp_path / "laptop.pem")
    assert service.cli("bundle", "trust", tmp_path / "laptop.pem") == 0
    assert run_cli("--data-dir", laptop, "round", "import", tmp_path / "r1.nilairound", "--trust",
                   tmp_path / "coordinator.pem") == 0

    i18n.install("en")
    store = open_store(laptop)
    runner = TaskRunner()
    try:
        window = MainWindow(store, runner, settings.profile(store), "en", UiState(store.data_dir))
        qtbot.addWidget(window)
        window.show()
        window.start()
        services = window.menus.sheet_actions.services
        unlocked = unlock_dir(laptop)
        services.ask_passphrase = lambda parent, data_dir: unlocked
        services.unlock(window)
        auto = window.start_auto_sync(backoff=Backoff(every=0.5, longest=1.0), quiet=0.2)
        received: list[int] = []
        auto.received.connect(received.append)
        auto.start(0)
        nip = cert_info(tmp_path / "laptop.pem").nip
        query = ("SELECT a.record_id, a.region_code FROM assessment a JOIN assessor s ON s.id = a.assessor_id "
                 "WHERE s.nip = :nip AND a.is_current ORDER BY a.region_code LIMIT 1")
        qtbot.waitUntil(lambda: bool(_rows(service, query, nip=nip)), timeout=60000)  # the outbox drained
        [(record_id, region)] = _rows(service, query, nip=nip)
        assert service.cli("round", "return", "--region", region, "--assessor", nip, "--comment",
                           "periksa lagi tingkat 4") == 0

        def returned() -> bool:
            found = for_record(store, record_id)
            return found is not None and found.state == "open"

        qtbot.waitUntil(returned, timeout=60000)
        qtbot.waitUntil(lambda: 1 in received, timeout=30000)
        assert for_record(store, record_id).comment == "periksa lagi tingkat 4"
        window.close()
    finally:
        runner.shutdown()
        store.close()
        i18n.uninstall()
