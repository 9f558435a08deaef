"""Running the service: GET /metrics (who may read it, what it counts) and the log's start, stop and
refusal lines, on `nilai serve` under uvicorn with TLS on loopback and a real PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from pg_support import POSTGRES_URL, SKIP_REASON
from prometheus_client.parser import text_string_to_metric_families
from starlette.requests import Request

from tests.bundles.helpers import Demo, export, unlock_dir
from tests.sync.service import Service
from tests.sync.test_service import counts, log_lines, send


def metrics(service: Service, **headers: str) -> httpx.Response:
    from app.sync.client import pinned_context

    with httpx.Client(verify=pinned_context(service.cert), timeout=30) as client:
        return client.get(f"{service.url}/metrics", headers=headers)


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """{(sample name, sorted labels): value} of a Prometheus text exposition."""
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


@pytest.mark.postgres
@pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_REASON)
def test_metrics_count_what_the_service_did_and_the_log_has_every_refusal(service: Service, demo: Demo,
                                                                         tmp_path: Path) -> None:
    from app.sync.client import pinned_context
    from app.sync.resumable import upload_bundle

    assert service.cli("bundle", "trust", demo.cert(0)) == 0
    assert service.cli("bundle", "trust", demo.cert(2)) == 0
    bundle = export(demo, 0, tmp_path / "a0.nilai")
    assert send(service, demo, 0, bundle).outcome == "taken_in"
    assert send(service, demo, 0, bundle).outcome == "repeated"
    assert send(service, demo, 1, export(demo, 1, tmp_path / "a1.nilai")).outcome == "quarantined"
    resumable = export(demo, 2, tmp_path / "a2.nilai")  # through the resumable route (tus), counted the same
    assert upload_bundle(service.url, resumable, unlock_dir(demo.assessors[2]), service.cert).outcome == "taken_in"
    with httpx.Client(verify=pinned_context(service.cert), timeout=30) as client:
        assert client.post(f"{service.url}/bundles", content=b"not signed").status_code == 401
        assert client.get(f"{service.url}/nothing-here").status_code == 404
        assert client.get(f"{service.url}/bundles").status_code == 405

    proxied = metrics(service, **{"X-Forwarded-For": "203.0.113.9"})
    assert proxied.status_code == 403 and "proxy" in proxied.json()["reason"]
    answer = metrics(service)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/plain")
    got = samples(answer.text)
    for outcome, expected in [("taken_in", 2), ("repeated", 1), ("quarantined", 1), ("rejected", 0), ("conflict", 0)]:
        assert got[("nilai_sync_bundles_total", (("outcome", outcome),))] == expected, outcome
    size = bundle.stat().st_size
    assert got[("nilai_sync_received_bytes_total", ())] == (2 * size + (tmp_path / "a1.nilai").stat().st_size
                                                            + resumable.stat().st_size)
    assert got[("nilai_sync_import_seconds_count", ())] == 4
    assert 0 < got[("nilai_sync_import_seconds_sum", ())] < 300
    for status in ("401", "403", "404", "405"):  # 403: the proxied /metrics request above
        assert got[("nilai_sync_refused_requests_total", (("status", status),))] == 1, status
    assert got[("nilai_sync_uploads_in_progress", ())] == 0
    assert got[("nilai_sync_quarantined_bundles", ())] == 1
    assert got[("nilai_sync_data_dir_free_bytes", ())] > 0
    assert "BEGIN CERTIFICATE" not in answer.text and demo.cert(0).stem not in answer.text
    assert counts(service)[0] == 2

    service.stop()
    lines = log_lines(service)
    assert lines[0]["event"] == "start" and lines[-1]["event"] == "stop"
    refused = sorted((line["status"], line.get("path", "/bundles")) for line in lines if line.get("status", 0) >= 400)
    assert refused == [(401, "/bundles"), (403, "/metrics"), (404, "/nothing-here"), (405, "/bundles")]
    assert all(line["time"] for line in lines)


def request_from(host: str, **headers: str) -> Request:
    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    return Request({"type": "http", "method": "GET", "path": "/metrics", "headers": raw, "client": (host, 5000)})


def test_who_may_read_the_metrics(tmp_path: Path) -> None:
    from app.sync.metrics import Metrics

    local = Metrics(tmp_path)
    assert local.may_read(request_from("127.0.0.1")) == local.may_read(request_from("::1")) == ""
    assert "10.0.0.7" in local.may_read(request_from("10.0.0.7"))
    assert "proxy" in local.may_read(request_from("127.0.0.1", Forwarded="for=198.51.100.4"))
    monitored = Metrics(tmp_path, ["10.0.0.0/24", "192.0.2.5"])
    assert monitored.may_read(request_from("10.0.0.7")) == monitored.may_read(request_from("192.0.2.5")) == ""
    assert monitored.may_read(request_from("10.0.1.7")) and monitored.may_read(request_from("192.0.2.6"))
    with pytest.raises(ValueError, match="not an address"):
        Metrics(tmp_path, ["10.0.0.300"])

