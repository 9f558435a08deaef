"""Send a bundle in chunks that survive a cut connection (tus, the laptop's side of :mod:`app.sync.uploads`).

The upload's address is written beside the bundle (``<bundle>.upload.json``) before the first byte
goes out, so a send cut short - the Wi-Fi gone, the laptop shut, the process killed - goes on where
the service says it got to (``HEAD``), not from zero, the next time. Every request is signed with
the assessor's key like ``POST /bundles``, each chunk with its own Content-Digest and offset. A
service too old for resumable uploads (no ``/uploads``) gets the whole bundle in one POST.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import httpx

from app.base.atomic import atomic_write
from app.identity import UnlockedIdentity
from app.sync.client import TIMEOUT, SendFailed, pinned_context, send_bundle
from app.sync.outcome import SENT, Outcome
from app.sync.signing import signed_headers

CHUNK_BYTES = 1 << 20  # 1 MiB: what a cut connection costs again at most
TUS = {"tus-resumable": "1.0.0"}
STATE_SUFFIX = ".upload.json"
ANSWERED = (200, 202, 422)  # the last chunk: the import's outcome


def state_path(bundle: Path) -> Path:
    return bundle.with_name(bundle.name + STATE_SUFFIX)


def upload_bundle(url: str, bundle_path: Path, identity: UnlockedIdentity, ca_cert: Path,
                  client: httpx.Client | None = None, chunk_bytes: int = CHUNK_BYTES) -> Outcome:
    """Upload the bundle to ``url``/uploads, resuming an upload begun before; the service's outcome for it."""
    bundle_path = Path(bundle_path)
    base = url.rstrip("/")
    length, sha256 = _measure(bundle_path)
    own = client is None
    http = client or httpx.Client(verify=pinned_context(ca_cert), timeout=TIMEOUT)
    try:
        location, offset = _resume(http, base, bundle_path, length, sha256, identity)
        if location is None:
            created = signed_request(http, "POST", f"{base}/uploads", b"", identity, {
                "upload-length": str(length),
                "upload-metadata": f"sha256 {_b64(sha256)},filename {_b64(bundle_path.name)}", **TUS})
            if created.status_code in (404, 405):  # a service from before resumable uploads
                return send_bundle(url, bundle_path, identity, ca_cert, client=http)
            if created.status_code != 201 or "location" not in created.headers:
                raise _refused(f"{base}/uploads", created)
            location = urljoin(f"{base}/uploads", created.headers["location"])
            atomic_write(state_path(bundle_path), json.dumps(
                {"service": base, "location": location, "length": length, "sha256": sha256}).encode("utf-8"))
            offset = 0
        return _send_chunks(http, location, bundle_path, offset, length, identity, chunk_bytes)
    except httpx.HTTPError as exc:
        raise SendFailed(f"{base}: the service could not be reached ({type(exc).__name__}: {exc}); "
                         "the upload goes on from where it stopped next time") from exc
    finally:
        if own:
            http.close()


def _resume(http: httpx.Client, base: str, bundle_path: Path, length: int, sha256: str,
            identity: UnlockedIdentity) -> tuple[str | None, int]:
    """The upload begun before for this very bundle and how far it got, or (None, 0)."""
    path = state_path(bundle_path)
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, 0
    if (state.get("service"), state.get("length"), state.get("sha256")) != (base, length, sha256):
        path.unlink(missing_ok=True)  # another bundle, or another service: start anew
        return None, 0
    answer = signed_request(http, "HEAD", state["location"], b"", identity, dict(TUS))
    if answer.status_code in (404, 410):  # expired on the service (or lost with a crash there)
        path.unlink(missing_ok=True)
        return None, 0
    if answer.status_code != 200 or not answer.headers.get("upload-offset", "").isdigit():
        raise _refused(state["location"], answer)
    return str(state["location"]), int(answer.headers["upload-offset"])


def _send_chunks(http: httpx.Client, location: str, bundle_path: Path, offset: int, length: int,
                 identity: UnlockedIdentity, chunk_bytes: int) -> Outcome:
    stalled = 0
    with bundle_path.open("rb") as bundle:
        while True:
            bundle.seek(offset)
            chunk = bundle.read(min(chunk_bytes, length - offset))  # empty at the end: asks for the answer again
            answer = signed_request(http, "PATCH", location, chunk, identity, {"upload-offset": str(offset), **TUS},
                                    {"content-type": "application/offset+octet-stream"})
            if answer.status_code == 204:
                offset = int(answer.headers["upload-offset"])
                stalled = 0
                continue
            if answer.status_code in (409, 423) and stalled < 3:  # not where we thought: go on from the service's offset
                stalled += 1
                head = signed_request(http, "HEAD", location, b"", identity, dict(TUS))
                if head.status_code == 200 and head.headers.get("upload-offset", "").isdigit():
                    offset = int(head.headers["upload-offset"])
                    continue
                answer = head
            data = _json(answer)
            if answer.status_code in ANSWERED and data.get("outcome"):
                outcome = Outcome.from_json(data)
                if outcome.outcome not in SENT:  # quarantined or rejected: judged anew when sent again, not replayed
                    state_path(bundle_path).unlink(missing_ok=True)
                return outcome
            if answer.status_code in (404, 409):  # expired, or the whole did not match: start anew next time
                state_path(bundle_path).unlink(missing_ok=True)
            raise _refused(location, answer)


def signed_request(http: httpx.Client, method: str, url: str, body: bytes, identity: UnlockedIdentity,
                   covered: dict[str, str], plain: dict[str, str] | None = None) -> httpx.Response:
    """One request signed with the assessor's key: ``covered`` header fields under the signature, ``plain`` not."""
    headers = signed_headers(method, url, body, identity, fields=covered)
    return http.request(method, url, content=body, headers={**headers, **(plain or {})})


def _refused(where: str, response: httpx.Response) -> SendFailed:
    reason = _json(response).get("reason") or response.text.strip()[:200] or response.reason_phrase
    return SendFailed(f"{where}: refused ({response.status_code}): {reason}", response.status_code)


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _measure(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")
