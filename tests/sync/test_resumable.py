"""Resumable uploads (tus) end to end: real PostgreSQL, `nilai serve` under uvicorn with TLS on loopback,
the real client and outbox, and a real TCP relay that cuts or hangs the connection mid-upload."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from email.utils import parsedate_to_datetime
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import httpx
import pytest
from pg_support import POSTGRES_URL, SKIP_REASON

from tests.bundles.helpers import Demo, current_versions, export, open_store_at, unlock_dir
from tests.sync.relay import Relay
from tests.sync.service import ROOT, Service, free_port, make_tls_certificate
from tests.sync.test_outbox import give_sync_target, outbox, sync
from tests.sync.test_service import counts, log_lines

pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_REASON)]

TUS = {"tus-resumable": "1.0.0"}
MIB = 1 << 20


def with_large_evidence(demo: Demo, index: int, tmp_path: Path, mib: int = 3) -> None:
    """One more final version whose evidence photo is ``mib`` MiB that do not compress: a bundle of several chunks."""
    from app import assessments
    from app.assessments import marks_of

    version = current_versions(demo.assessors[index])[0][1]
    photo = tmp_path / "foto-ruang-rapat.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(mib * MIB))
    store = open_store_at(demo.assessors[index])
    try:
        new = assessments.reopen(store, version, "lampiran bukti", "penilai")
        with store.transaction() as session:
            code = sorted(marks_of(session, new))[0]
        assessments.add_evidence(store, new, code, photo, "penilai")
        assessments.finalize(store, new, "penilai")
    finally:
        store.close()


def chunks(service: Service) -> list[tuple[int, int]]:
    """(offset, bytes) of every chunk the service accepted, in the order it accepted them."""
    return [(e["offset"], e["bytes"]) for e in log_lines(service) if e.get("event") == "upload_chunk"]


def each_byte_once(service: Service) -> int:
    """The accepted chunks tile the bundle exactly: no byte range received (and counted) twice. Its length."""
    done = [e for e in log_lines(service) if e.get("event") == "upload_done"]
    assert len(done) == 1, done
    position = 0
    for offset, size in chunks(service):
        assert offset == position, f"chunk at {offset}, expected {position}: {chunks(service)}"
        position += size
    assert position == done[0]["bytes"]
    return position


def point_laptop_at(url: str, service: Service, demo: Demo, index: int, tmp_path: Path) -> None:
    """The round package names ``url`` (the relay in front of the service) as the sync target."""
    give_sync_target(SimpleNamespace(url=url, cert=service.cert), demo, index, tmp_path)  # type: ignore[arg-type]


def test_connection_cut_twice_resumes_and_the_bundle_arrives_once(service: Service, demo: Demo,
                                                                   tmp_path: Path) -> None:
    from app.sync.resumable import CHUNK_BYTES

    assert service.cli("bundle", "trust", demo.cert(0)) == 0
    with_large_evidence(demo, 0, tmp_path)
    relay = Relay(service.port, cuts=[int(1.5 * MIB), int(1.5 * MIB)])
    try:
        point_laptop_at(relay.url, service, demo, 0, tmp_path)
        assert sync(demo, 0) == 0  # the outbox tries again after each cut (1 s, then 2 s)
    finally:
        relay.close()
    assert relay.cut == 2 and relay.connections >= 3
    entries = outbox(demo, 0)
    assert entries and all(e.sent_at is not None and e.outcome == "taken_in" for e in entries)
    assert counts(service) == (1, len(entries))
    length = each_byte_once(service)
    assert length > 3 * MIB
    # each cut cost at most the chunk it cut, not the bundle: well below 3 times the bundle
    assert relay.sent < length + 2 * CHUNK_BYTES + 64_000, (relay.sent, length)
    assert sum(e["event"] == "upload_created" for e in log_lines(service)) == 1  # one upload, resumed
    assert not list((demo.assessors[0] / "sync" / "outbox").iterdir())  # bundle and its upload address gone
    assert not list((service.data_dir / "sync" / "uploads").glob("*.part"))


def test_laptop_killed_mid_upload_then_nilai_sync_goes_on_where_it_stopped(service: Service, demo: Demo,
                                                                         tmp_path: Path) -> None:
    assert service.cli("bundle", "trust", demo.cert(0)) == 0
    with_large_evidence(demo, 0, tmp_path)
    relay = Relay(service.port, hold_after=int(1.6 * MIB))  # the connection hangs after the first chunk
    try:
        point_laptop_at(relay.url, service, demo, 0, tmp_path)
        command = [sys.executable, "-m", "app", "--data-dir", str(demo.assessors[0]), "sync", "--passphrase-file",
                   str(demo.passphrase_file)]
        errors = open(tmp_path / "sync.err", "wb")  # noqa: SIM115 - the child writes it until it is killed
        process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                                   stdout=subprocess.DEVNULL, stderr=errors)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None and relay.sent < relay.hold_after:
            time.sleep(0.05)
        assert process.poll() is None, (tmp_path / "sync.err").read_text()
        process.send_signal(signal.SIGKILL)  # the laptop's process dies mid-upload
        process.wait(timeout=30)
        errors.close()
        assert chunks(service) == [(0, MIB)], "killed after the first chunk, before the last"
        assert list((demo.assessors[0] / "sync" / "outbox").glob("*.upload.json"))  # the address survives
        relay.hold_after = None
        assert sync(demo, 0) == 0  # a new process: it asks the offset and goes on from there
    finally:
        relay.close()
    entries = outbox(demo, 0)
    assert entries and all(e.sent_at is not None and e.outcome == "taken_in" for e in entries)
    assert counts(service) == (1, len(entries))
    each_byte_once(service)
    assert sum(e["event"] == "upload_created" for e in log_lines(service)) == 1


def test_service_restarted_mid_upload_keeps_what_it_had(service: Service, demo: Demo, tmp_path: Path) -> None:
    from app.sync.client import SendFailed
    from app.sync.resumable import upload_bundle

    assert service.cli("bundle", "trust", demo.cert(0)) == 0
    with_large_evidence(demo, 0, tmp_path)
    bundle = export(demo, 0, tmp_path / "a0.nilai")
    relay = Relay(service.port, cuts=[int(2.5 * MIB)])  # only the first connection is cut
    try:
        with pytest.raises(SendFailed):
            upload_bundle(relay.url, bundle, unlock_dir(demo.assessors[0]), service.cert)
        assert chunks(service) == [(0, MIB), (MIB, MIB)]
        service.kill()
        service.start()
        outcome = upload_bundle(relay.url, bundle, unlock_dir(demo.assessors[0]), service.cert)
    finally:
        relay.close()
    assert outcome.outcome == "taken_in", outcome
    each_byte_once(service)
    assert counts(service)[0] == 1


def test_partial_upload_expires_and_is_cleaned(pg_url: str, demo: Demo, tmp_path: Path) -> None:
    from app.sync.client import SendFailed, pinned_context
    from app.sync.resumable import signed_request, state_path, upload_bundle

    root = tmp_path / "short"
    root.mkdir()
    cert, key = make_tls_certificate(root)
    service = Service(pg_url, root / "data", cert, key, free_port(), extra=("--upload-expiry-hours", "0.001"))
    service.start()  # 3.6 s, cleaned every second
    try:
        assert service.cli("bundle", "trust", demo.cert(0)) == 0
        bundle = export(demo, 0, tmp_path / "a0.nilai")
        identity = unlock_dir(demo.assessors[0])
        relay = Relay(service.port, cuts=[40_000])
        try:
            with pytest.raises(SendFailed):
                upload_bundle(relay.url, bundle, identity, service.cert, chunk_bytes=16_384)
        finally:
            relay.close()
        through_relay = json.loads(state_path(bundle).read_text())["location"]
        location = service.url + urlsplit(through_relay).path
        uploads = service.data_dir / "sync" / "uploads"
        with httpx.Client(verify=pinned_context(service.cert)) as http:
            head = signed_request(http, "HEAD", location, b"", identity, dict(TUS))
            assert head.status_code == 200 and 0 < int(head.headers["upload-offset"]) < bundle.stat().st_size
            expires = parsedate_to_datetime(head.headers["upload-expires"]).timestamp()
            assert time.time() < expires < time.time() + 10
            assert len(list(uploads.glob("*.part"))) == 1
            time.sleep(expires - time.time() + 2.5)
            assert signed_request(http, "HEAD", location, b"", identity, dict(TUS)).status_code == 404
        assert not list(uploads.iterdir())
        assert any(e.get("event") == "upload_expired" for e in log_lines(service))
        # the laptop's next send finds it gone and starts a new upload
        relay_free = upload_bundle(service.url, bundle, identity, service.cert, chunk_bytes=16_384)
        assert relay_free.outcome == "taken_in" and counts(service)[0] == 1
    finally:
        service.stop()


def test_one_senders_unfinished_uploads_are_limited(service: Service, demo: Demo) -> None:
    from app.bundles.format import DEFAULT_LIMITS
    from app.sync.client import pinned_context
    from app.sync.resumable import signed_request

    for index in (0, 1):
        assert service.cli("bundle", "trust", demo.cert(index)) == 0
    most = DEFAULT_LIMITS.max_bundle_bytes
    meta = "sha256 " + base64.b64encode(b"ab" * 32).decode()

    def create(index: int, length: int) -> httpx.Response:
        with httpx.Client(verify=pinned_context(service.cert)) as http:
            return signed_request(http, "POST", f"{service.url}/uploads", b"", unlock_dir(demo.assessors[index]),
                                  {"upload-length": str(length), "upload-metadata": meta, **TUS})

    too_big = create(0, most + 1)
    assert too_big.status_code == 413 and "larger than this service takes" in too_big.json()["reason"]
    assert DEFAULT_LIMITS.max_sender_upload_bytes // most == 2
    assert [create(0, most).status_code for _ in range(2)] == [201, 201]
    refused = create(0, most)
    reason = refused.json()["reason"]
    assert refused.status_code == 413 and "unfinished uploads would pass" in reason and "\n" not in reason
    assert create(1, most).status_code == 201  # the limit is per sender
    parts = list((service.data_dir / "sync" / "uploads").glob("*.part"))
    assert len(parts) == 3 and all(p.stat().st_size == 0 for p in parts)  # declared, nothing stored


def test_a_chunk_that_does_not_match_its_digest_is_refused_and_the_offset_stays(service: Service, demo: Demo,
                                                                                tmp_path: Path) -> None:
    from app.sync.client import pinned_context
    from app.sync.resumable import signed_request
    from app.sync.signing import signed_headers

    assert service.cli("bundle", "trust", demo.cert(0)) == 0
    data = export(demo, 0, tmp_path / "a0.nilai").read_bytes()
    identity = unlock_dir(demo.assessors[0])
    meta = "sha256 " + base64.b64encode(hashlib.sha256(data).hexdigest().encode()).decode()
    chunk_type = {"content-type": "application/offset+octet-stream"}
    with httpx.Client(verify=pinned_context(service.cert)) as http:
        created = signed_request(http, "POST", f"{service.url}/uploads", b"", identity,
                                 {"upload-length": str(len(data)), "upload-metadata": meta, **TUS})
        assert created.status_code == 201
        location = service.url + created.headers["location"]
        first = data[:4096]
        headers = signed_headers("PATCH", location, first, identity, fields={"upload-offset": "0", **TUS})
        changed = http.patch(location, content=b"X" + first[1:], headers={**headers, **chunk_type})
        assert changed.status_code == 401 and "Content-Digest" in changed.json()["reason"]
        moved = http.patch(location, content=first, headers={**headers, "upload-offset": "4096", **chunk_type})
        assert moved.status_code == 401  # the offset is signed too
        other = signed_request(http, "PATCH", location, first, unlock_dir(demo.assessors[1]),
                               {"upload-offset": "0", **TUS}, chunk_type)
        assert other.status_code == 404  # someone else's upload
        head = signed_request(http, "HEAD", location, b"", identity, dict(TUS))
        assert head.headers["upload-offset"] == "0"
        assert http.head(location, headers=TUS).status_code == 401  # unsigned
        part = next((service.data_dir / "sync" / "uploads").glob("*.part"))
        assert part.stat().st_size == 0  # nothing of the refused chunks stayed
        ok = signed_request(http, "PATCH", location, first, identity, {"upload-offset": "0", **TUS}, chunk_type)
        assert ok.status_code == 204 and ok.headers["upload-offset"] == "4096"
        behind = signed_request(http, "PATCH", location, first, identity, {"upload-offset": "0", **TUS}, chunk_type)
        assert behind.status_code == 409 and behind.headers["upload-offset"] == "4096"
        rest = signed_request(http, "PATCH", location, data[4096:], identity, {"upload-offset": "4096", **TUS},
                              chunk_type)
        assert rest.status_code == 200 and rest.json()["outcome"] == "taken_in"
        again = signed_request(http, "PATCH", location, b"", identity, {"upload-offset": str(len(data)), **TUS},
                               chunk_type)
        assert again.status_code == 200 and again.json() == rest.json()  # the answer, for one who missed it
    assert counts(service)[0] == 1


def test_quarantined_then_trusted_the_next_sync_sends_it_again_and_it_is_taken_in(service: Service, demo: Demo,
                                                                                  tmp_path: Path) -> None:
    give_sync_target(service, demo, 1, tmp_path)
    assert sync(demo, 1) == 1
    assert all(e.outcome == "quarantined" for e in outbox(demo, 1))
    folder = demo.assessors[1] / "sync" / "outbox"
    assert list(folder.glob("*.nilai")) and not list(folder.glob("*.upload.json"))  # not an answer to replay
    assert service.cli("bundle", "trust", demo.cert(1)) == 0
    assert sync(demo, 1) == 0
    entries = outbox(demo, 1)
    assert entries and all(e.sent_at is not None and e.outcome == "taken_in" for e in entries)
    assert counts(service) == (1, len(entries))
