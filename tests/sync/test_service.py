"""`nilai serve` end to end: real PostgreSQL, uvicorn with TLS on loopback, real assessor data
directories sending real bundles through the real client (app.sync.client)."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import httpx
import pytest
from pg_support import POSTGRES_URL, SKIP_REASON
from sqlalchemy import create_engine, text

from tests.bundles.helpers import Demo, export, rewrite_zip, unlock_dir
from tests.sync.service import Service

pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_REASON)]


def send(service: Service, demo: Demo, index: int, bundle: Path):
    from app.sync.client import send_bundle

    return send_bundle(service.url, bundle, unlock_dir(demo.assessors[index]), service.cert)


def counts(service: Service) -> tuple[int, int]:
    """(bundle receipts, assessment versions) in the coordinator's store."""
    engine = create_engine(service.database_url)
    try:
        with engine.connect() as conn:
            return (conn.execute(text("SELECT count(*) FROM bundle_receipt")).scalar_one(),
                    conn.execute(text("SELECT count(*) FROM assessment")).scalar_one())
    finally:
        engine.dispose()


def log_lines(service: Service) -> list[dict]:
    path = service.data_dir / "logs" / "sync-service.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_taken_in_once_then_repeated_then_refused_when_revoked(service: Service, demo: Demo, tmp_path: Path) -> None:
    from app.bundles.trust import cert_info
    from app.sync.client import SendFailed

    assert service.cli("bundle", "trust", demo.cert(0)) == 0
    bundle = export(demo, 0, tmp_path / "a0.nilai")
    first = send(service, demo, 0, bundle)
    assert first.outcome == "taken_in", first
    receipts, versions = counts(service)
    assert receipts == 1 and versions == first.records["imported"] > 0

    again = send(service, demo, 0, bundle)
    assert again.outcome == "repeated" and again.bundle_id == first.bundle_id
    assert counts(service) == (1, versions)  # no duplicate rows
    reports = sorted((service.data_dir / "sync" / "reports").glob("*.json"))
    assert [json.loads(p.read_text())["bundles"][0]["outcome"] for p in reports] == ["imported", "already_imported"]

    nip = cert_info(demo.cert(0)).nip
    assert service.cli("bundle", "trust", "--revoke", nip, "--reason", "laptop stolen at the venue") == 0
    with pytest.raises(SendFailed) as refused:
        send(service, demo, 0, bundle)
    assert refused.value.status == 403 and "revoked" in str(refused.value) and "laptop stolen" in str(refused.value)
    assert counts(service) == (1, versions)
    assert [e["status"] for e in log_lines(service) if e["event"] == "bundle"] == [200, 200, 403]


def quarantined(service: Service) -> list[tuple[str, str, bytes]]:
    """(fingerprint, sha256, bundle bytes) of every bundle in the store's quarantine."""
    engine = create_engine(service.database_url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text("SELECT fingerprint, sha256, bundle FROM sync_quarantine"))]
    finally:
        engine.dispose()


def test_unknown_certificate_is_quarantined_not_imported_not_lost(service: Service, demo: Demo, tmp_path: Path) -> None:
    bundle = export(demo, 1, tmp_path / "a1.nilai")
    outcome = send(service, demo, 1, bundle)
    assert outcome.outcome == "quarantined" and outcome.kept, outcome
    assert counts(service) == (0, 0)
    fingerprint = unlock_dir(demo.assessors[1]).fingerprint
    assert quarantined(service) == [(fingerprint, outcome.kept, bundle.read_bytes())]  # in the store, whole
    assert send(service, demo, 1, bundle).outcome == "quarantined"  # the same bundle again: still kept once
    assert len(quarantined(service)) == 1
    # the coordinator's decision, after checking the fingerprint: trust it, and the waiting bundle is imported
    assert service.cli("bundle", "quarantine", "trust", fingerprint[:12]) == 0
    assert counts(service)[0] == 1 and quarantined(service) == []


def test_a_bundle_signed_by_someone_else_waits_for_its_signer_or_is_refused_if_revoked(
        service: Service, demo: Demo, tmp_path: Path) -> None:
    from app.bundles.trust import cert_info

    for index in (0, 1):
        assert service.cli("bundle", "trust", demo.cert(index)) == 0
    assert service.cli("bundle", "trust", "--revoke", cert_info(demo.cert(1)).nip) == 0
    from_revoked = send(service, demo, 0, export(demo, 1, tmp_path / "a1.nilai"))  # carried by assessor 0
    assert from_revoked.outcome == "rejected" and "revoked" in from_revoked.reason, from_revoked
    from_unknown = send(service, demo, 0, export(demo, 2, tmp_path / "a2.nilai"))
    assert from_unknown.outcome == "quarantined", from_unknown
    signer = unlock_dir(demo.assessors[2]).fingerprint
    assert [(f, sha) for f, sha, _data in quarantined(service)] == [(signer, from_unknown.kept)]
    assert counts(service) == (0, 0)


def test_tampered_bundle_is_rejected_with_the_reason_verify_gives(service: Service, demo: Demo, tmp_path: Path,
                                                                  capsys) -> None:
    assert service.cli("bundle", "trust", demo.cert(2)) == 0
    bundle = export(demo, 2, tmp_path / "a2.nilai")
    tampered = rewrite_zip(bundle, tmp_path / "tampered.nilai",
                           lambda name, data: data.replace(b'"level":', b'"level": ', 1)
                           if name.startswith("records/") else data)
    capsys.readouterr()
    assert service.cli("bundle", "verify", tampered, "--json") == 1
    verified = json.loads(capsys.readouterr().out)[0]
    outcome = send(service, demo, 2, tampered)
    assert outcome.outcome == "rejected" and outcome.error_kind == verified["error_kind"] == "tampered"
    # the same reason, about the server's copy of the file instead of tampered.nilai
    assert outcome.reason.split(": ", 1)[1] == verified["reason"].split(": ", 1)[1]
    assert counts(service) == (0, 0)
    assert len(list((service.data_dir / "sync" / "rejected").glob("*.nilai"))) == 1


def test_missing_or_bad_signature_is_401(service: Service, demo: Demo, tmp_path: Path) -> None:
    from app.sync.client import pinned_context
    from app.sync.signing import signed_headers

    assert service.cli("bundle", "trust", demo.cert(0)) == 0
    bundle = export(demo, 0, tmp_path / "a0.nilai").read_bytes()
    url = f"{service.url}/bundles"
    headers = signed_headers("POST", url, bundle, unlock_dir(demo.assessors[0]))
    other = signed_headers("POST", url, bundle, unlock_dir(demo.assessors[1]))
    with httpx.Client(verify=pinned_context(service.cert), timeout=60) as client:
        unsigned = client.post(url, content=bundle)
        swapped = client.post(url, content=bundle, headers={**headers, "nilai-certificate": other["nilai-certificate"]})
        changed = client.post(url, content=bundle + b"\0", headers=headers)
    for response in (unsigned, swapped, changed):
        assert response.status_code == 401, response.text
        assert "\n" not in response.json()["reason"]
    assert "not signed" in unsigned.json()["reason"]
    assert "Content-Digest" in changed.json()["reason"]
    assert counts(service) == (0, 0)


def test_killed_mid_import_then_sent_again_is_taken_in_exactly_once(service: Service, demo: Demo,
                                                                    tmp_path: Path) -> None:
    from app.sync.client import SendFailed

    assert service.cli("bundle", "trust", demo.cert(0)) == 0
    bundle = export(demo, 0, tmp_path / "a0.nilai")
    incoming = service.data_dir / "sync" / "incoming"
    failures: list[Exception] = []

    def first_try() -> None:
        try:
            send(service, demo, 0, bundle)
        except SendFailed as exc:
            failures.append(exc)

    sender = threading.Thread(target=first_try)
    sender.start()
    deadline = time.monotonic() + 60
    while not any(incoming.glob("*.nilai")) and time.monotonic() < deadline:  # received whole, the import begun
        time.sleep(0.001)
    service.kill()
    sender.join(timeout=60)
    assert failures, "the first send was answered before the kill: nothing was interrupted"
    service.start()
    assert not any(incoming.iterdir())  # the cut-off upload was cleared at start
    outcome = send(service, demo, 0, bundle)
    assert outcome.outcome in ("taken_in", "repeated"), outcome
    receipts, versions = counts(service)
    assert receipts == 1 and versions == sum(outcome.records.values())


def test_the_same_bundle_from_two_laptops_at_once_is_taken_in_once(service: Service, demo: Demo,
                                                                    tmp_path: Path) -> None:
    """Assessor 1's bundle, copied to assessor 0's laptop too (a USB stick passed around), sent by both at
    the same moment: one is taken in, the other answered repeated; every version is in the store once."""
    import threading

    for index in (0, 1):
        assert service.cli("bundle", "trust", demo.cert(index)) == 0
    bundle = export(demo, 1, tmp_path / "a1.nilai")
    outcomes: dict[int, object] = {}
    start = threading.Barrier(2)

    def carry(index: int) -> None:
        start.wait()
        try:
            outcomes[index] = send(service, demo, index, bundle)
        except Exception as exc:  # noqa: BLE001 - recorded and asserted below
            outcomes[index] = exc

    threads = [threading.Thread(target=carry, args=(i,)) for i in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    words = sorted(getattr(o, "outcome", repr(o)) for o in outcomes.values())
    assert words == ["repeated", "taken_in"], outcomes
    taken = next(o for o in outcomes.values() if getattr(o, "outcome", "") == "taken_in")
    receipts, versions = counts(service)
    assert receipts == 1 and versions == taken.records["imported"]  # type: ignore[attr-defined]
