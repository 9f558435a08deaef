"""Resumable uploads: the tus protocol 1.0.0 (core, creation, expiration) on the sync service.

``POST /uploads`` creates an upload for a bundle of ``Upload-Length`` bytes whose SHA-256 the sender
declares in ``Upload-Metadata`` (``sha256``); ``HEAD /uploads/<id>`` says how far it got
(``Upload-Offset``) and until when it is kept (``Upload-Expires``); ``PATCH /uploads/<id>`` appends
one chunk at ``Upload-Offset``. A cut connection costs at most the chunk it cut: the sender asks the
offset and goes on from there.

Unlike a plain tus server, **every request is signed** (RFC 9421, :mod:`app.sync.signing`): the
signature covers the tus fields that matter (``upload-length`` and ``upload-metadata`` at creation,
``upload-offset`` on each chunk) and each chunk's own ``Content-Digest``; it is checked, with the
trust list (a revoked key: 403), before a byte is stored. Only the creator of an upload may
continue it. A chunk is written after the verified offset and only counted once its digest
matches; a chunk that does not match (or is cut off) is cut away again, the offset does not move.
When the last byte is in and the whole file matches the declared SHA-256, the upload goes to the
same intake as ``POST /bundles`` and the last PATCH answers with the outcome; the answer is kept
until the upload expires, so a sender who missed it gets it by sending the (empty) last chunk again.

Limits: one bundle no larger than ``max_bundle_bytes``; one sender's unfinished uploads together no
larger than ``max_sender_upload_bytes`` (413, one line). Why a small tus core here rather than a
tus server library: see docs/sync-service.md, "Resumable uploads".
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import hashlib
import json
import logging
import re
import time
import traceback
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.bundles.format import Limits
from app.sync.intake import REVOKED_KEY, Intake
from app.sync.outcome import DISK_FULL, QUARANTINED, REJECTED, disk_full_reason, first_line, store_down_reason
from app.sync.signing import NotAuthenticated, Sender, authenticate
from app.sync.upload_store import Upload, UploadStore, take_whole

log = logging.getLogger("app.sync")

TUS_VERSION = "1.0.0"
EXTENSIONS = "creation,expiration"
CHUNK_TYPE = "application/offset+octet-stream"
CREATE_FIELDS = ("upload-length", "upload-metadata", "tus-resumable")
PATCH_FIELDS = ("upload-offset", "tus-resumable")
LOCK_WAIT = 30.0  # seconds a chunk waits for the one before it on the same upload (a connection not closed yet)
STATUS = {QUARANTINED: 202, REJECTED: 422}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _event(**fields: Any) -> None:
    fields["time"] = datetime.now(UTC).isoformat(timespec="milliseconds")
    log.info(json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str))


def metadata(text: str) -> dict[str, str]:
    """tus ``Upload-Metadata``: comma-separated ``key base64value`` pairs."""
    found = {}
    for pair in filter(None, (p.strip() for p in text.split(","))):
        key, _, value = pair.partition(" ")
        try:
            found[key] = base64.b64decode(value, validate=True).decode("utf-8") if value else ""
        except (binascii.Error, UnicodeDecodeError) as exc:
            raise ValueError(f"Upload-Metadata {key!r}: not base64 UTF-8") from exc
    return found


class Uploads:
    """The tus routes; ``clean_every`` seconds the expired uploads are removed (and once at start)."""

    def __init__(self, intake: Intake, store: UploadStore, limits: Limits) -> None:
        self.intake, self.store, self.limits = intake, store, limits
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}  # per upload: one chunk at a time
        self.store.expire()

    @property
    def clean_every(self) -> float:
        return min(600.0, max(1.0, self.store.expiry.total_seconds() / 4))

    def routes(self) -> list[Route]:
        return [Route("/uploads", self.options, methods=["OPTIONS"]),
                Route("/uploads", self.create, methods=["POST"]),
                Route("/uploads/{upload_id}", self.head, methods=["HEAD"]),
                Route("/uploads/{upload_id}", self.patch, methods=["PATCH"])]

    @contextlib.asynccontextmanager
    async def cleaning(self) -> AsyncIterator[None]:
        """Remove expired uploads every ``clean_every`` seconds while the service runs."""

        async def loop() -> None:
            while True:
                await asyncio.sleep(self.clean_every)
                for gone in await run_in_threadpool(self.store.expire, set(self._locks)):
                    _event(event="upload_expired", upload=gone.id, fingerprint=gone.fingerprint, offset=gone.offset,
                           length=gone.length, finished=gone.finished)

        task = asyncio.create_task(loop())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    # --- the tus requests -------------------------------------------------------------------------

    async def options(self, _request: Request) -> Response:
        return Response(status_code=204, headers={"Tus-Version": TUS_VERSION, "Tus-Resumable": TUS_VERSION,
                                                  "Tus-Extension": EXTENSIONS,
                                                  "Tus-Max-Size": str(self.limits.max_bundle_bytes)})

    async def create(self, request: Request) -> Response:
        started = time.monotonic()
        sender, refusal = await self._sender(request, CREATE_FIELDS)
        if refusal is not None:
            return refusal
        assert sender is not None
        declared = request.headers.get("upload-length", "")
        try:
            sha256 = metadata(request.headers.get("upload-metadata", "")).get("sha256", "")
        except ValueError as exc:
            return self._refuse(request, 400, str(exc), sender)
        if not declared.isdigit() or int(declared) <= 0 or not _SHA256.match(sha256):
            return self._refuse(request, 400, "an upload needs Upload-Length (bytes) and the bundle's sha256 in "
                                "Upload-Metadata: send it with `nilai sync`", sender)
        length = int(declared)
        if length > self.limits.max_bundle_bytes:
            return self._refuse(request, 413, f"the bundle is larger than this service takes "
                                f"({self.limits.max_bundle_bytes:,} bytes, the bundle format's limit)", sender)
        reserved = await run_in_threadpool(self.store.reserved_bytes, sender.fingerprint)
        if reserved + length > self.limits.max_sender_upload_bytes:
            return self._refuse(request, 413, f"this sender's unfinished uploads would pass "
                                f"{self.limits.max_sender_upload_bytes:,} bytes ({reserved:,} waiting, {length:,} more): "
                                "finish them, or wait until they expire", sender)
        try:
            upload = await run_in_threadpool(self.store.create, sender.fingerprint, length, sha256)
        except OSError as exc:
            if exc.errno not in DISK_FULL:
                raise
            return self._refuse(request, 507, disk_full_reason(), sender)
        _event(event="upload_created", status=201, upload=upload.id, fingerprint=sender.fingerprint, length=length,
               sha256=sha256, seconds=round(time.monotonic() - started, 3), client=_client(request))
        return Response(status_code=201, headers={**self._tus(upload), "Location": f"/uploads/{upload.id}"})

    async def head(self, request: Request) -> Response:
        sender, refusal = await self._sender(request, ("tus-resumable",))
        if refusal is not None:
            return refusal
        upload = self._own(request, sender)
        if upload is None:
            return Response(status_code=404, headers={"Tus-Resumable": TUS_VERSION, "Cache-Control": "no-store"})
        return Response(status_code=200, headers={**self._tus(upload), "Upload-Length": str(upload.length),
                                                  "Cache-Control": "no-store"})

    async def patch(self, request: Request) -> Response:
        started = time.monotonic()
        sender, refusal = await self._sender(request, PATCH_FIELDS)
        if refusal is not None:
            return refusal
        assert sender is not None
        if self._own(request, sender) is None:
            return self._refuse(request, 404, "no such upload (it expired, or it is not yours): start it again", sender)
        upload_id = request.path_params["upload_id"]
        lock, users = self._locks.get(upload_id, (asyncio.Lock(), 0))
        self._locks[upload_id] = (lock, users + 1)  # counted, so the lock goes only when nobody waits for it
        try:
            try:
                await asyncio.wait_for(lock.acquire(), LOCK_WAIT)
            except TimeoutError:
                return self._refuse(request, 423, "the previous chunk of this upload is still being received: "
                                    "ask the offset again in a moment", sender)
            try:
                return await self._append(request, sender, started)
            except OSError as exc:  # the upload's record could not be written: nothing moved
                if exc.errno not in DISK_FULL:
                    raise
                return self._refuse(request, 507, disk_full_reason(), sender)
            finally:
                lock.release()
        finally:
            lock, users = self._locks[upload_id]
            if users == 1:
                del self._locks[upload_id]
            else:
                self._locks[upload_id] = (lock, users - 1)

    async def _append(self, request: Request, sender: Sender, started: float) -> Response:
        upload = self.store.get(request.path_params["upload_id"])  # again, now that no other chunk is being written
        if upload is None:
            return self._refuse(request, 404, "no such upload (it expired): start it again", sender)
        if request.headers.get("content-type", "") != CHUNK_TYPE:
            return self._refuse(request, 415, f"a chunk is sent as {CHUNK_TYPE}", sender, upload)
        offset = request.headers.get("upload-offset", "")
        if not offset.isdigit() or int(offset) != upload.offset:
            return self._refuse(request, 409, f"this upload is at offset {upload.offset}, not {offset or '(none)'}: "
                                "go on from there", sender, upload)
        if upload.finished:
            assert upload.answer is not None
            return self._answer(request, upload, upload.answer["status"], upload.answer["body"], sender, started)
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and upload.offset + int(declared) > upload.length:
            return self._refuse(request, 413, "the chunk goes past the upload's declared length", sender, upload)
        digest, size, fault = await self._receive(request, upload)
        if fault is not None:
            return self._refuse(request, fault[0], fault[1], sender, upload)
        if not sender.body_matches(digest):
            await run_in_threadpool(_cut_back, self.store.part(upload), upload.offset)
            return self._refuse(request, 401, "the chunk does not match its signed Content-Digest (changed on the "
                                "way, or cut short); the offset stays where it was", sender, upload)
        upload = await run_in_threadpool(self.store.accepted, upload, upload.offset + size)
        _event(event="upload_chunk", status=204, upload=upload.id, fingerprint=sender.fingerprint,
               offset=upload.offset - size, bytes=size, length=upload.length,
               seconds=round(time.monotonic() - started, 3), client=_client(request))
        if upload.offset < upload.length:
            return Response(status_code=204, headers=self._tus(upload))
        return await self._complete(request, upload, sender, started)

    async def _receive(self, request: Request, upload: Upload) -> tuple[bytes, int, tuple[int, str] | None]:
        """Write the chunk after the verified offset; anything not verified is cut away again."""
        digest = hashlib.sha256()
        size = 0
        part = self.store.part(upload)
        fault: tuple[int, str] | None = None
        with part.open("r+b", buffering=0) as out:  # unbuffered: a full disk shows at the write, not at close
            out.truncate(upload.offset)  # a chunk cut off before (or refused) leaves nothing behind
            out.seek(upload.offset)
            try:
                async for data in request.stream():
                    size += len(data)
                    if upload.offset + size > upload.length:
                        fault = (413, "the chunk goes past the upload's declared length")
                        break
                    digest.update(data)
                    view = memoryview(data)
                    while view:  # a raw write may take only part of the bytes
                        view = view[out.write(view) or 0:]
            except ClientDisconnect:
                fault = (400, "the connection dropped during the chunk")
            except OSError as exc:
                if exc.errno not in DISK_FULL:
                    out.truncate(upload.offset)
                    raise
                fault = (507, disk_full_reason())  # the offset stays: the laptop resumes once space is back
            except BaseException:
                out.truncate(upload.offset)
                raise
            if fault is not None:
                out.truncate(upload.offset)
        return digest.digest(), size, fault

    async def _complete(self, request: Request, upload: Upload, sender: Sender, started: float) -> Response:
        whole = await run_in_threadpool(_sha256_of, self.store.part(upload))
        if whole != upload.sha256:
            await run_in_threadpool(self.store.discard, upload)
            return self._refuse(request, 409, "the uploaded bundle does not match the SHA-256 declared when the "
                                "upload was created; send it again", sender, upload)
        spooled = self.intake.new_upload()
        take_whole(self.store, upload, spooled)
        try:
            outcome = await run_in_threadpool(self.intake.receive, spooled, whole, sender.fingerprint, sender.pem)
        except OSError as exc:
            if exc.errno not in DISK_FULL:
                raise
            await run_in_threadpool(self.store.discard, upload)
            return self._refuse(request, 507, disk_full_reason(), sender, upload)
        except Exception as exc:  # noqa: BLE001 - the store failed (not the bundle): nothing was taken in
            await run_in_threadpool(self.store.discard, upload)
            return self._refuse(request, 503, f"the coordinator's store could not take the bundle in ({first_line(exc)}); "
                                "nothing of it was kept: send it again later", sender, upload,
                                error=traceback.format_exc())
        status = STATUS.get(outcome.outcome, 200)
        upload = await run_in_threadpool(self.store.finish, upload, status, outcome.to_json())
        return self._answer(request, upload, status, outcome.to_json(), sender, started, records=outcome.records)

    # --- helpers ----------------------------------------------------------------------------------

    async def _sender(self, request: Request, covering: tuple[str, ...]) -> tuple[Sender | None, Response | None]:
        """The signed, not revoked sender of this request, or the refusal to answer."""
        if request.headers.get("tus-resumable") != TUS_VERSION:
            return None, self._refuse(request, 412, f"this service speaks tus {TUS_VERSION} (Tus-Resumable)", None)
        try:
            sender = authenticate(request.method, str(request.url), request.headers, covering)
        except NotAuthenticated as exc:
            return None, self._refuse(request, 401, str(exc), None)
        try:
            standing, reason = await run_in_threadpool(self.intake.standing, sender.fingerprint)
        except Exception as exc:  # noqa: BLE001 - the store is down or restarting: the sender asks again later
            return None, self._refuse(request, 503, store_down_reason(exc), sender)
        if standing == REVOKED_KEY:
            return None, self._refuse(request, 403, reason, sender)
        return sender, None

    def _own(self, request: Request, sender: Sender | None) -> Upload | None:
        upload = self.store.get(request.path_params["upload_id"])
        if upload is None or sender is None or upload.fingerprint != sender.fingerprint:
            return None  # someone else's upload is not even said to exist
        return upload

    def _tus(self, upload: Upload) -> dict[str, str]:
        return {"Tus-Resumable": TUS_VERSION, "Upload-Offset": str(upload.offset), "Upload-Expires": upload.expires_http}

    def _answer(self, request: Request, upload: Upload, status: int, body: dict[str, Any], sender: Sender,
                started: float, **extra: Any) -> Response:
        _event(event="upload_done", status=status, upload=upload.id, outcome=body.get("outcome"),
               reason=body.get("reason", ""), fingerprint=sender.fingerprint, bytes=upload.length, sha256=upload.sha256,
               seconds=round(time.monotonic() - started, 3), client=_client(request), **extra)
        return JSONResponse(body, status_code=status, headers=self._tus(upload))

    def _refuse(self, request: Request, status: int, reason: str, sender: Sender | None,
                upload: Upload | None = None, **extra: Any) -> Response:
        _event(event="upload_refused", status=status, reason=reason, method=request.method, path=request.url.path,
               fingerprint=sender and sender.fingerprint, upload=upload and upload.id, client=_client(request), **extra)
        headers = self._tus(upload) if upload is not None else {"Tus-Resumable": TUS_VERSION}
        if request.method == "HEAD":
            return Response(status_code=status, headers=headers)
        return JSONResponse({"outcome": None, "reason": reason}, status_code=status, headers=headers)


def _client(request: Request) -> str | None:
    return request.client.host if request.client else None


def _cut_back(part: Path, offset: int) -> None:
    with part.open("r+b") as out:
        out.truncate(offset)


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
