"""What the sync service sends back to a laptop: the current round package, and that assessor's returns.

``GET /round-package[?round=ID]``: the signed package exactly as ``nilai round export`` wrote it
(kept in the store, so every service on a shared store serves the same bytes), with its version in
the ``Nilai-Package-Version`` header. ``GET /returns``: JSON ``{"returns": [...]}``, the open returns
for revision addressed to the assessor who asks. Both answer only a request signed by a trusted
assessor key (RFC 9421, :mod:`app.sync.signing`, the same check as ``POST /bundles``): unknown
certificates and revoked keys get 403, since a package names every assessor and a return carries a
coordinator's comment. The laptop knows the answer comes from the coordinator's service because its
TLS connection accepts only the certificate pinned in the round package.

The assessor is found from the certificate that signed the request: the assessor the trust list's
entry names (by NIP), the assessor row that carries the fingerprint, and the assessors whose bundles
arrived signed with it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sqlmodel import col, select
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.assessments.returns import open_for_assessors
from app.bundles.package_returns import latest_issued
from app.models.sync import BundleReceipt, TrustedCertificate
from app.models.tables import Assessor
from app.store import Store
from app.sync.signing import NotAuthenticated, Sender, authenticate

TRUSTED = "trusted"
PACKAGE_TYPE = "application/vnd.nilai.round-package+zip"
VERSION_HEADER = "nilai-package-version"
ROUND_HEADER = "nilai-round"
EMPTY_SHA256 = bytes.fromhex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")

Standing = Callable[[str], tuple[str, str]]  # fingerprint -> (trusted|revoked|unknown, reason)
Event = Callable[..., None]


def assessor_ids_of(store: Store, fingerprint: str) -> set[str]:
    with store.transaction() as session:
        ids = set(session.exec(select(Assessor.id).where(Assessor.cert_fingerprint == fingerprint)))
        ids |= set(session.exec(select(BundleReceipt.assessor_id).where(BundleReceipt.assessor_fingerprint == fingerprint)))
        trusted = session.get(TrustedCertificate, fingerprint)
        if trusted is not None and trusted.nip.strip():
            ids |= set(session.exec(select(Assessor.id).where(col(Assessor.nip) == trusted.nip.strip())))
        return ids


def return_routes(store: Store, standing: Standing, event: Event) -> list[Route]:
    async def who(request: Request) -> tuple[Sender | None, JSONResponse | None]:
        """The trusted sender of a signed GET, or the refusal to answer."""
        try:
            sender = authenticate(request.method, str(request.url), request.headers)
        except NotAuthenticated as exc:
            return None, JSONResponse({"reason": str(exc)}, status_code=401)
        if not sender.body_matches(EMPTY_SHA256):
            return None, JSONResponse({"reason": "a GET is signed over an empty body"}, status_code=401)
        word, reason = await run_in_threadpool(standing, sender.fingerprint)
        if word != TRUSTED:
            reason = reason or ("this laptop's certificate is not on the coordinator's trust list yet; send it to the "
                                "coordinator (nilai identity export-cert)")
            return sender, JSONResponse({"reason": reason}, status_code=403)
        return sender, None

    def logged(name: str, request: Request, started: float, response: Response, sender: Sender | None,
               **extra: Any) -> Response:
        event(event=name, status=response.status_code, seconds=round(time.monotonic() - started, 3),
              client=request.client and request.client.host,
              fingerprint=sender.fingerprint if sender else None, **extra)
        return response

    async def round_package(request: Request) -> Response:
        started = time.monotonic()
        sender, refusal = await who(request)
        if refusal is not None:
            return logged("round-package", request, started, refusal, sender)
        round_id = request.query_params.get("round") or None

        def latest() -> tuple[int, str, str, bytes] | None:
            with store.transaction() as session:
                row = latest_issued(session, round_id)
                return None if row is None else (row.package_version, row.round_id, row.sha256, bytes(row.content))

        found = await run_in_threadpool(latest)
        if found is None:
            return logged("round-package", request, started, JSONResponse(
                {"reason": "no round package has been issued for this round yet (nilai round export)"},
                status_code=404), sender)
        version, issued_round, sha256, content = found
        response = Response(content, media_type=PACKAGE_TYPE,
                            headers={VERSION_HEADER: str(version), ROUND_HEADER: issued_round})
        return logged("round-package", request, started, response, sender, package_version=version, sha256=sha256)

    async def returns(request: Request) -> Response:
        started = time.monotonic()
        sender, refusal = await who(request)
        if refusal is not None or sender is None:
            assert refusal is not None
            return logged("returns", request, started, refusal, sender)

        def addressed() -> list[dict[str, Any]]:
            ids = assessor_ids_of(store, sender.fingerprint)
            with store.transaction() as session:
                return open_for_assessors(session, ids) if ids else []

        items = await run_in_threadpool(addressed)
        return logged("returns", request, started, JSONResponse({"returns": items}), sender, returns=len(items))

    return [Route("/round-package", round_package, methods=["GET"]), Route("/returns", returns, methods=["GET"])]
