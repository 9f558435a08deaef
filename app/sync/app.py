"""The sync service as an ASGI application (Starlette): a thin transport around :mod:`app.sync.intake`.

``GET /health``: is the store reachable, which version runs. ``POST /bundles``: a bundle file as the
body, signed by its sender (:mod:`app.sync.signing`). The signature is checked from the headers
before a byte of the body is read (401 if it fails, 403 for a revoked key), the body streams into a
file under a size limit (the bundle format's ``max_bundle_bytes``, 413 past it) and must match the
signed Content-Digest, then the intake answers with an :class:`~app.sync.outcome.Outcome` as JSON.
Every request leaves one JSON line in the service log. ``/uploads``: the same bundle, resumable
(tus), in :mod:`app.sync.uploads`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import traceback
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from app import __version__
from app.bundles.format import DEFAULT_LIMITS, Limits
from app.store import Store
from app.sync.intake import REVOKED_KEY, Intake
from app.sync.metrics import Metrics, Observed
from app.sync.outcome import DISK_FULL, QUARANTINED, REJECTED, disk_full_reason, first_line, store_down_reason
from app.sync.returns import return_routes
from app.sync.signing import NotAuthenticated, authenticate
from app.sync.upload_store import DEFAULT_EXPIRY, UploadStore
from app.sync.uploads import Uploads

log = logging.getLogger("app.sync")

STATUS = {QUARANTINED: 202, REJECTED: 422}  # anything else: 200


class TooLarge(Exception):
    pass


def _event(**fields: Any) -> None:
    """One JSON line per request (the handler ``nilai serve`` installs writes the message as it is)."""
    fields["time"] = datetime.now(UTC).isoformat(timespec="milliseconds")
    log.info(json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str))


def build_app(store: Store, data_dir: Path, limits: Limits = DEFAULT_LIMITS,
              upload_expiry: timedelta = DEFAULT_EXPIRY, metrics_from: Sequence[str] = ()) -> Starlette:
    intake = Intake(store, data_dir)
    metrics = Metrics(data_dir, metrics_from, store)  # GET /metrics: app/sync/metrics.py
    intake.receive = metrics.timed(intake.receive)  # type: ignore[method-assign]  # every import, either route
    uploads = Uploads(intake, UploadStore(Path(data_dir) / "sync" / "uploads", upload_expiry), limits)

    async def health(_request: Request) -> JSONResponse:
        def reachable() -> str:
            with store.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return store.engine.dialect.name

        try:
            engine = await run_in_threadpool(reachable)
        except Exception as exc:  # noqa: BLE001 - whatever it is, the answer is "not healthy" and why
            return JSONResponse({"status": "unavailable", "version": __version__, "reason": str(exc).splitlines()[0]},
                                status_code=503)
        return JSONResponse({"status": "ok", "version": __version__, "store": engine})

    async def receive_bundle(request: Request) -> JSONResponse:
        started = time.monotonic()

        def answer(status: int, body: dict[str, Any], **extra: Any) -> JSONResponse:
            _event(event="bundle", status=status, outcome=body.get("outcome"), reason=body.get("reason", ""),
                   seconds=round(time.monotonic() - started, 3), client=request.client and request.client.host,
                   **extra)
            return JSONResponse(body, status_code=status)

        try:
            sender = authenticate(request.method, str(request.url), request.headers)
        except NotAuthenticated as exc:
            return answer(401, {"outcome": None, "reason": str(exc)})
        try:
            standing, reason = await run_in_threadpool(intake.standing, sender.fingerprint)
        except Exception as exc:  # noqa: BLE001 - the store is down or restarting: the sender tries again later
            return answer(503, {"outcome": None, "reason": store_down_reason(exc)}, fingerprint=sender.fingerprint)
        if standing == REVOKED_KEY:
            return answer(403, {"outcome": None, "reason": reason}, fingerprint=sender.fingerprint)
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limits.max_bundle_bytes:
            return answer(413, {"outcome": None, "reason": _too_large(limits)}, fingerprint=sender.fingerprint)

        upload = intake.new_upload()
        digest = hashlib.sha256()
        size = 0
        try:
            with upload.open("wb") as out:
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > limits.max_bundle_bytes:
                        raise TooLarge
                    digest.update(chunk)
                    out.write(chunk)
        except TooLarge:
            upload.unlink(missing_ok=True)
            return answer(413, {"outcome": None, "reason": _too_large(limits)}, fingerprint=sender.fingerprint)
        except OSError as exc:
            upload.unlink(missing_ok=True)
            if exc.errno not in DISK_FULL:
                raise
            return answer(507, {"outcome": None, "reason": disk_full_reason()}, fingerprint=sender.fingerprint)
        except BaseException:
            upload.unlink(missing_ok=True)  # the connection dropped: nothing kept, the sender sends again
            raise
        if not sender.body_matches(digest.digest()):
            upload.unlink(missing_ok=True)
            return answer(401, {"outcome": None, "reason": "the body does not match its signed Content-Digest "
                                "(changed on the way, or cut short)"}, fingerprint=sender.fingerprint)
        try:
            outcome = await run_in_threadpool(intake.receive, upload, digest.hexdigest(), sender.fingerprint, sender.pem)
        except OSError as exc:
            if exc.errno not in DISK_FULL:
                raise
            return answer(507, {"outcome": None, "reason": disk_full_reason()}, fingerprint=sender.fingerprint)
        except Exception as exc:  # noqa: BLE001 - the store failed (not the bundle): nothing was taken in
            return answer(503, {"outcome": None, "reason": f"the coordinator's store could not take the bundle in "
                                f"({first_line(exc)}); nothing of it was kept: send it again later"},
                          fingerprint=sender.fingerprint, error=traceback.format_exc())
        return answer(STATUS.get(outcome.outcome, 200), outcome.to_json(), fingerprint=sender.fingerprint,
                      bytes=size, sha256=digest.hexdigest(), records=outcome.records)

    return Starlette(routes=[Route("/health", health, methods=["GET"]),
                             Route("/metrics", metrics.endpoint, methods=["GET"]),
                             Route("/bundles", receive_bundle, methods=["POST"]),
                             *uploads.routes(),  # resumable uploads (tus): app/sync/uploads.py
                             *return_routes(store, intake.standing, _event)],  # app/sync/returns.py
                     lifespan=lambda _app: uploads.cleaning(),
                     middleware=[Middleware(Observed, metrics=metrics, event=_event)])  # counts, start/stop, refusals


def _too_large(limits: Limits) -> str:
    return f"the bundle is larger than this service takes ({limits.max_bundle_bytes:,} bytes, the bundle format's limit)"
