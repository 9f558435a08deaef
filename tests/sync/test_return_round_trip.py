"""Return for revision through the sync service, end to end with real parts: a PostgreSQL coordinator
store (the demo round set up on it), `nilai serve` under uvicorn with TLS on loopback, five assessor
data directories that sync their finalized assessments with `nilai sync`; the coordinator returns one,
its assessor's next sync brings it (and the newer round package), the assessor reopens it with the
comment as the reason, finalizes, signs, syncs, and the coordinator's store has the revised version
once and the return answered."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import httpx
import pytest
from pg_support import POSTGRES_URL, SKIP_REASON
from sqlalchemy import create_engine, text

from tests.bundles.helpers import PASSPHRASE, current_versions, open_store_at, run_cli, unlock_dir
from tests.sync.service import Service
from tests.sync.test_service import counts

pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_REASON)]

COMMENT = "I3.1: catatan tidak menyebut dokumen Perda; periksa lagi tingkat 4 atau lampirkan buktinya"


def _sync(directory: Path, passphrase: Path, capsys) -> tuple[int, dict]:
    capsys.readouterr()
    code = run_cli("--data-dir", directory, "sync", "--passphrase-file", passphrase, "--retries", "0", "--json")
    return code, json.loads(capsys.readouterr().out)


def _coordinator_returns(service: Service, capsys) -> list[dict]:
    capsys.readouterr()
    assert service.cli("round", "return", "--list", "--json") == 0
    return json.loads(capsys.readouterr().out)


def _rows(service: Service, sql: str, **params) -> list:
    engine = create_engine(service.database_url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(sql), params))
    finally:
        engine.dispose()


def test_five_laptops_sync_one_is_returned_revised_and_comes_back_once(service: Service, tmp_path: Path,
                                                                       capsys) -> None:
    from app.assessments import finalize
    from app.assessments.returns import for_record, reopen_for_revision
    from app.bundles.trust import cert_info
    from app.identity import create_identity, export_certificate
    from app.sheets.export import sign_one

    passphrase = tmp_path / "pass.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    desk = service.data_dir.parent / "coordinator-desk"
    laptops_root = tmp_path / "laptops"
    # the coordinator sets the round up on the PostgreSQL store the service runs on
    assert service.cli("demo", "--regions", "6", "--assessors", "5", "--assessor-dirs", laptops_root,
                       "--passphrase-file", passphrase) == 0
    laptops = sorted(p for p in laptops_root.iterdir() if p.is_dir())
    assert len(laptops) == 5
    create_identity(desk, "Koordinator Nasional", "197501012000031001", "Kominfo", PASSPHRASE)
    export_certificate(desk, tmp_path / "coordinator.pem")
    package = tmp_path / "ronde.nilairound"
    assert service.cli("round", "export", "--out", package, "--passphrase-file", passphrase,
                       "--sync-url", service.url, "--sync-cert", service.cert) == 0
    for laptop in laptops:
        cert = tmp_path / f"{laptop.name}.pem"
        export_certificate(laptop, cert)
        assert service.cli("bundle", "trust", cert) == 0
        assert run_cli("--data-dir", laptop, "round", "import", package, "--trust", tmp_path / "coordinator.pem") == 0

    # GET /round-package serves the very bytes `nilai round export` wrote, to a signed, trusted request only
    from app.sync.client import pinned_context
    from app.sync.signing import signed_headers

    url = f"{service.url}/round-package"
    with httpx.Client(verify=pinned_context(service.cert), timeout=60) as http:
        served = http.get(url, headers=signed_headers("GET", url, b"", unlock_dir(laptops[0])))
        unsigned = http.get(url)
        stranger_dir = tmp_path / "stranger"
        create_identity(stranger_dir, "Orang Lain", "199001012020011001", "?", PASSPHRASE)
        stranger = http.get(f"{service.url}/returns",
                            headers=signed_headers("GET", f"{service.url}/returns", b"", unlock_dir(stranger_dir)))
    assert served.status_code == 200 and served.headers["nilai-package-version"] == "1"
    assert hashlib.sha256(served.content).hexdigest() == hashlib.sha256(package.read_bytes()).hexdigest()
    assert unsigned.status_code == 401 and "not signed" in unsigned.json()["reason"]
    assert stranger.status_code == 403 and "trust list" in stranger.json()["reason"]

    for laptop in laptops:
        code, report = _sync(laptop, passphrase, capsys)
        assert code == 0, report
        assert [d["outcome"] for d in report["deliveries"]] == ["taken_in"]
        assert report["received"][0]["added"] == 0 and not report["received"][0]["error"]
    finalized = sum(len(current_versions(laptop)) for laptop in laptops)
    assert finalized >= 10 and counts(service) == (5, finalized)

    # the coordinator returns one assessment of the first laptop, then issues package version 2
    first = laptops[0]
    nip = cert_info(tmp_path / f"{first.name}.pem").nip
    [(record_id, version_id, region)] = _rows(
        service, "SELECT a.record_id, a.version_id, a.region_code FROM assessment a JOIN assessor s "
        "ON s.id = a.assessor_id WHERE s.nip = :nip AND a.is_current ORDER BY a.region_code LIMIT 1", nip=nip)
    assert service.cli("round", "return", "--region", region, "--assessor", nip, "--comment", COMMENT) == 0
    [made] = _coordinator_returns(service, capsys)
    assert (made["state"], made["version_id"]) == ("open", version_id)
    assert service.cli("round", "export", "--out", tmp_path / "ronde-2.nilairound", "--passphrase-file",
                       passphrase) == 0

    # every laptop's sync takes package version 2 in; only the returned laptop keeps the return it carries
    code, report = _sync(laptops[1], passphrase, capsys)
    assert code == 0 and report["received"][0]["added"] == 0, report
    assert "package version 2 updated" in report["received"][0]["package"]
    code, report = _sync(first, passphrase, capsys)
    assert code == 0 and report["received"][0]["added"] == 1, report
    assert "package version 2 updated" in report["received"][0]["package"]
    store = open_store_at(first)
    try:
        waiting = for_record(store, record_id)
        assert waiting is not None and (waiting.state, waiting.comment, waiting.version_id) == ("open", COMMENT,
                                                                                                 version_id)
        new = reopen_for_revision(store, waiting.id, "penilai")
        finalize(store, new, "penilai")
        sign_one(store, new, unlock_dir(first))
    finally:
        store.close()

    code, report = _sync(first, passphrase, capsys)
    assert code == 0, report
    assert [(d["outcome"], d["versions"]) for d in report["deliveries"]] == [("taken_in", 1)]
    assert report["received"][0]["added"] == 0
    [answered] = _coordinator_returns(service, capsys)
    assert (answered["state"], answered["answered_by"]) == ("answered", new)
    [(status, current, reason)] = _rows(service, "SELECT status, is_current, reopen_reason FROM assessment "
                                                 "WHERE version_id = :v", v=new)
    assert (status, current, reason) == ("signed", True, COMMENT)
    assert _rows(service, "SELECT is_current FROM assessment WHERE version_id = :v", v=version_id) == [(False,)]

    # nothing twice: every laptop syncs again, nothing is sent, nothing new comes back
    for laptop in laptops:
        code, report = _sync(laptop, passphrase, capsys)
        assert code == 0 and report["deliveries"] == [] and report["received"][0]["added"] == 0, report
    assert counts(service) == (6, finalized + 1)
    assert len(_rows(service, "SELECT id FROM revision_return")) == 1
    store = open_store_at(first)
    try:
        assert for_record(store, record_id) is None
    finally:
        store.close()

    # a revoked laptop is refused what comes back, as it is refused sending
    revoked = laptops[4]
    assert service.cli("bundle", "trust", "--revoke", cert_info(tmp_path / f"{revoked.name}.pem").nip,
                       "--reason", "laptop hilang") == 0
    code, report = _sync(revoked, passphrase, capsys)
    assert code == 1 and "403" in report["received"][0]["error"] and "laptop hilang" in report["received"][0]["error"]
