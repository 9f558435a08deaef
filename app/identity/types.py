"""The identity's two plain types: what is public (:class:`IdentityInfo`) and the unlocked key.

Kept apart from :mod:`app.identity` so that the modules it re-exports (detached signatures,
envelope encryption) can name :class:`UnlockedIdentity` without importing their own importer.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography import x509

from app.identity.certificates import utcnow


@dataclass(frozen=True)
class IdentityInfo:
    """What can be known about the identity without the passphrase. Safe to pass anywhere."""

    name: str
    nip: str
    organisation: str
    created_at: dt.datetime
    source: str  # "self-signed" | "pkcs12"
    cert_pem: str
    fingerprint: str  # SHA-256 of the certificate DER, lowercase hex without colons
    not_before: dt.datetime
    not_after: dt.datetime
    subject: str  # RFC 4514
    issuer: str  # RFC 4514
    key_type: str  # "ECDSA P-256", "RSA 3072", "Ed25519"
    chain_pems: tuple[str, ...] = ()

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.cert_pem.encode("ascii"))

    @property
    def self_signed(self) -> bool:
        return self.subject == self.issuer and not self.chain_pems

    def expired(self, now: dt.datetime | None = None) -> bool:
        return (now or utcnow()) > self.not_after


class UnlockedIdentity:
    """The decrypted private key with its certificate and chain, kept in memory.

    Reusable for any number of signatures. Derived objects (such as the pyHanko signer that
    :mod:`app.sheets.signing` builds) are cached on it through :meth:`cached`, so a batch does not
    re-parse keys or certificates.
    """

    def __init__(
        self,
        info: IdentityInfo,
        private_key: Any,
        certificate: x509.Certificate,
        chain: list[x509.Certificate],
    ) -> None:
        self.info = info
        self.private_key = private_key
        self.certificate = certificate
        self.chain = list(chain)
        self._cache: dict[str, Any] = {}
        self._cache_lock = threading.Lock()

    @property
    def fingerprint(self) -> str:
        return self.info.fingerprint

    def cached(self, key: str, factory: Callable[[], Any]) -> Any:
        """The object stored under ``key``, built once with ``factory``."""
        with self._cache_lock:
            if key not in self._cache:
                self._cache[key] = factory()
            return self._cache[key]

    def __repr__(self) -> str:  # never show key material
        return f"<UnlockedIdentity {self.info.name!r} {self.info.fingerprint[:16]}…>"
