"""The coordinator's sync service a round's assessors send to: its URL and its pinned certificate.

The coordinator names it once (``nilai round export --sync-url URL --sync-cert FILE``); every
round package of the round carries it, signed with the rest, and ``nilai round import`` keeps it in
the assessor's store. The certificate is the only authority the laptop's TLS connection accepts,
so a self-signed service certificate needs no public CA. Kept as settings keyed by round id.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sqlmodel import Session

from app.identity import IdentityError, certificate_fingerprint, load_certificate
from app.store import settings

MAX_URL = 400


class TargetError(ValueError):
    """A sync URL or certificate that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class SyncTarget:
    url: str
    cert_pem: str

    @property
    def fingerprint(self) -> str:
        return certificate_fingerprint(load_certificate(self.cert_pem.encode("ascii")))

    def to_json(self) -> dict[str, str]:
        return {"url": self.url, "certificate": self.cert_pem}


def checked(url: str, cert_pem: str) -> SyncTarget:
    """The target, once the URL is https (http only on loopback, for trying out) and the certificate reads."""
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if len(url) > MAX_URL or parts.scheme not in ("https", "http") or not parts.hostname:
        raise TargetError(f"sync URL {url!r}: give the service's address as https://HOST[:PORT]")
    if parts.scheme == "http" and not _loopback(parts.hostname):
        raise TargetError(f"sync URL {url!r}: plain http is for loopback only; the service runs with TLS (https://)")
    try:
        load_certificate(cert_pem.encode("ascii"))
    except (IdentityError, UnicodeEncodeError, ValueError) as exc:
        raise TargetError(f"the sync service certificate cannot be read ({exc}); give its PEM file") from exc
    return SyncTarget(url, cert_pem.strip() + "\n")


def from_files(url: str, cert_file: str | Path) -> SyncTarget:
    try:
        pem = Path(cert_file).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise TargetError(f"--sync-cert {cert_file}: cannot be read ({exc})") from exc
    return checked(url, pem)


def _key(round_id: str) -> tuple[str, str]:
    return f"sync.url:{round_id}", f"sync.cert:{round_id}"


def get(session: Session, round_id: str) -> SyncTarget | None:
    url_key, cert_key = _key(round_id)
    url, pem = settings.get(session, url_key), settings.get(session, cert_key)
    return SyncTarget(url, pem) if url and pem else None


def put(session: Session, round_id: str, target: SyncTarget | None) -> None:
    url_key, cert_key = _key(round_id)
    settings.put(session, url_key, target.url if target else None)
    settings.put(session, cert_key, target.cert_pem if target else None)


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
