"""What the sync service has done, for the coordinator's monitoring: ``GET /metrics`` (Prometheus text).

Counts only, never secret data: no fingerprint, name, region or file name is a label. Per service
process (several ``nilai serve`` processes are scraped one by one, as Prometheus does with targets).

- ``nilai_sync_bundles_total{outcome}``: bundles answered, by outcome (taken_in, repeated, conflict,
  rejected, quarantined);
- ``nilai_sync_received_bytes_total``: bytes of bundles received whole (matching their signed digest);
- ``nilai_sync_import_seconds``: histogram of the time to verify and import (or quarantine) one bundle;
- ``nilai_sync_refused_requests_total{status}``: requests answered 4xx/5xx without a bundle outcome
  (401 signature, 403 revoked, 404, 413 too large, 503 store down, 507 disk full, ...);
- ``nilai_sync_uploads_in_progress``: requests carrying a body (POST/PATCH/PUT) being received or imported now;
- ``nilai_sync_quarantined_bundles``: bundles waiting in the quarantine (in the store) for the coordinator's
  decision (NaN while the store does not answer);
- ``nilai_sync_data_dir_free_bytes``: free space where uploads are written (a full disk refuses them, 507);
- the process collector's ``process_*`` (memory, CPU, open files).

The counts come from the service's own log events (the JSON line each request leaves, whichever
route wrote it: ``POST /bundles`` or a finished resumable upload), read by a logging filter while the
request runs, so the metrics and the log cannot disagree; the import time is measured around
:meth:`app.sync.intake.Intake.receive`.

Who may read it: clients on loopback, or in a network given with ``nilai serve --metrics-from``; a
request that came through a reverse proxy (``Forwarded``/``X-Forwarded-For``) is refused even from
loopback, because behind a proxy every client looks local.

:class:`Observed` is the ASGI middleware that counts every response and writes the log lines no
route writes: the service's start and stop, refusals outside ``POST /bundles`` (404, 405, a refused
``/metrics``) and unexpected errors.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import math
import os
import shutil
import time
import traceback
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.process_collector import ProcessCollector
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.store import Store
from app.sync import quarantine
from app.sync.outcome import OUTCOMES

UPLOAD_METHODS = frozenset({"POST", "PATCH", "PUT"})
# a bundle of 30 assessments imports in ~0.4 s on a 2-core machine; a large one with photos, tens of seconds
IMPORT_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)
LOGGER = "app.sync"  # the service's log (app.sync.app, app.sync.uploads write to it)

Event = Callable[..., None]
R = Any  # what a timed function returns


@dataclass
class _Request:
    metrics: Metrics
    logged: bool = False  # a route wrote this request's log line itself


_current: ContextVar[_Request | None] = ContextVar("nilai_sync_request", default=None)


class _Counting(logging.Filter):
    """Reads each service log event written while a request runs into that request's service's metrics."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = _current.get()
        if request is not None:
            request.logged = True
            try:
                fields = json.loads(record.getMessage())
            except (ValueError, TypeError):
                return True
            if isinstance(fields, dict) and fields.get("outcome"):
                request.metrics.bundles.labels(str(fields["outcome"])).inc()
                if isinstance(fields.get("bytes"), int):
                    request.metrics.received.inc(fields["bytes"])
        return True


def _listen() -> None:
    """Install the counting filter once per process; the log must pass INFO events for it to see them."""
    logger = logging.getLogger(LOGGER)
    if not any(isinstance(f, _Counting) for f in logger.filters):
        logger.addFilter(_Counting())
    if not logger.isEnabledFor(logging.INFO):
        logger.setLevel(logging.INFO)


def networks(values: Sequence[str]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """``--metrics-from`` values (an address or a network, e.g. 10.0.0.7 or 10.0.0.0/24); ValueError names a bad one."""
    found = []
    for value in values:
        try:
            found.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError as exc:
            raise ValueError(f"--metrics-from {value!r}: not an address or network ({exc})") from exc
    return tuple(found)


class Metrics:
    def __init__(self, data_dir: Path, allowed: Sequence[str] = (), store: Store | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.store = store
        self.allowed = networks(allowed)
        self.registry = registry = CollectorRegistry()
        self.bundles = Counter("nilai_sync_bundles", "Bundles answered, by outcome", ["outcome"], registry=registry)
        for outcome in OUTCOMES:  # every outcome shows, 0 until it happens (a rate needs the series to exist)
            self.bundles.labels(outcome)
        self.received = Counter("nilai_sync_received_bytes", "Bytes of bundles received whole", registry=registry)
        self.import_seconds = Histogram("nilai_sync_import_seconds", "Seconds to verify and import (or quarantine) "
                                        "one received bundle", buckets=IMPORT_BUCKETS, registry=registry)
        self.refused = Counter("nilai_sync_refused_requests", "Requests answered 4xx/5xx without a bundle outcome, "
                               "by HTTP status", ["status"], registry=registry)
        self.uploads = Gauge("nilai_sync_uploads_in_progress", "Requests with a body being received or imported now",
                             registry=registry)
        quarantined = Gauge("nilai_sync_quarantined_bundles", "Bundles waiting in quarantine for the coordinator",
                            registry=registry)
        quarantined.set_function(self._quarantined)
        free = Gauge("nilai_sync_data_dir_free_bytes", "Free bytes on the data directory's file system",
                     registry=registry)
        free.set_function(lambda: shutil.disk_usage(self.data_dir).free)
        ProcessCollector(registry=registry)
        _listen()

    def _quarantined(self) -> float:
        if self.store is None:
            return math.nan
        try:
            return float(quarantine.count(self.store))
        except Exception:  # noqa: BLE001 - the store is down: /health says so; the metrics still answer
            return math.nan

    def timed(self, receive: Callable[..., R]) -> Callable[..., R]:
        """``Intake.receive``, observed into the import-seconds histogram."""
        @wraps(receive)
        def observed(*args: Any, **kwargs: Any) -> R:
            with self.import_seconds.time():
                return receive(*args, **kwargs)
        return observed

    def may_read(self, request: Request) -> str:
        """Why this client may not read the metrics, or '' when it may."""
        if "forwarded" in request.headers or "x-forwarded-for" in request.headers:
            return "came through a proxy"
        host = request.client.host if request.client else ""
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return "no client address"
        if address.is_loopback or any(address in network for network in self.allowed):
            return ""
        return f"{host} is neither loopback nor in --metrics-from"

    async def endpoint(self, request: Request) -> Response:
        refusal = self.may_read(request)
        if refusal:
            return JSONResponse({"outcome": None, "reason": f"metrics are for this machine's monitoring only "
                                 f"({refusal}); see nilai serve --metrics-from"}, status_code=403)
        return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)


class Observed:
    """ASGI middleware: counts responses and uploads in flight; logs start, stop, refusals and errors."""

    def __init__(self, app: ASGIApp, metrics: Metrics, event: Event) -> None:
        self.app = app
        self.metrics = metrics
        self.event = event

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, self._lifespan(send))
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.monotonic()
        status = 0
        request = _Request(self.metrics)
        token = _current.set(request)

        async def noting(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        def refused(code: int, **extra: Any) -> None:
            self.metrics.refused.labels(str(code)).inc()
            if not request.logged:
                client = scope.get("client")
                self.event(event="refused", status=code, method=scope["method"], path=scope["path"],
                           seconds=round(time.monotonic() - started, 3), client=client[0] if client else None,
                           **extra)

        upload = scope["method"] in UPLOAD_METHODS
        if upload:
            self.metrics.uploads.inc()
        try:
            await self.app(scope, receive, noting)
        except Exception as exc:
            refused(500, reason=f"{type(exc).__name__}: {exc}".splitlines()[0], error=traceback.format_exc())
            raise
        finally:
            if upload:
                self.metrics.uploads.dec()
            _current.reset(token)
        if status >= 400 and not (request.logged and status == 422):  # 422: a rejected bundle, an outcome
            refused(status)

    def _lifespan(self, send: Send) -> Send:
        async def noting(message: Message) -> None:
            if message["type"] == "lifespan.startup.complete":
                self.event(event="start", pid=os.getpid(), data_dir=str(self.metrics.data_dir))
            elif message["type"] == "lifespan.shutdown.complete":
                self.event(event="stop", pid=os.getpid())
            await send(message)
        return noting

