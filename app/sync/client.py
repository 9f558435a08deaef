"""Send one bundle to the coordinator's sync service (the laptop's side; no outbox yet).

The coordinator's certificate is pinned: it is the only authority the TLS connection accepts, so a
self-signed service certificate needs no public CA and nothing else can stand in for it.
"""

from __future__ import annotations

import ssl
from pathlib import Path

import httpx

from app.identity import UnlockedIdentity
from app.sync.outcome import Outcome
from app.sync.signing import signed_headers

TIMEOUT = httpx.Timeout(30.0, read=600.0)  # a large bundle is imported before the answer comes


class SendFailed(Exception):
    """The bundle did not reach the service, or the service refused the sender; ``str()`` is one line."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


def pinned_context(ca_cert: Path) -> ssl.SSLContext:
    try:
        return ssl.create_default_context(cafile=str(ca_cert))
    except (OSError, ssl.SSLError) as exc:
        raise SendFailed(f"{ca_cert}: not a certificate the connection can be pinned to ({exc})") from exc


def send_bundle(url: str, bundle_path: Path, identity: UnlockedIdentity, ca_cert: Path,
                client: httpx.Client | None = None) -> Outcome:
    """POST the bundle to ``url``/bundles, signed with ``identity``; the service's outcome for it."""
    endpoint = url.rstrip("/") + "/bundles"
    body = Path(bundle_path).read_bytes()
    headers = signed_headers("POST", endpoint, body, identity)
    headers["content-type"] = "application/octet-stream"
    own = client is None
    http = client or httpx.Client(verify=pinned_context(ca_cert), timeout=TIMEOUT)
    try:
        response = http.post(endpoint, content=body, headers=headers)
    except httpx.HTTPError as exc:
        raise SendFailed(f"{endpoint}: the service could not be reached ({type(exc).__name__}: {exc})") from exc
    finally:
        if own:
            http.close()
    try:
        data = response.json()
    except ValueError:
        data = {}
    if response.status_code in (200, 202, 422) and data.get("outcome"):
        return Outcome.from_json(data)
    reason = data.get("reason") or response.text.strip()[:200] or response.reason_phrase
    raise SendFailed(f"{endpoint}: refused ({response.status_code}): {reason}", response.status_code)
