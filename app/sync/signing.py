"""Who sent a request: HTTP Message Signatures (RFC 9421) with the assessor's own signing key.

No shared password lives on a laptop. Each request is signed with the key that signs the
assessor's bundles; the certificate travels along in a header the signature covers, and ``keyid``
is that certificate's SHA-256 fingerprint - the same fingerprint the store's trust list is keyed on.
The signature covers the method, the path (not the host: a reverse proxy may rename it), the
certificate and the body's Content-Digest, and carries a ``created`` time and the tag ``nilai-sync``.

The time window is wide on purpose: field laptops' clocks drift, and a replayed request gains
nothing (the body is fixed by its digest, an import is idempotent, a revocation is checked at
every request), so a laptop half an hour off must still be able to send. The library (pyauth's http-message-signatures) does the RFC's work; this
module only chooses what is covered and how the key is found.
"""

from __future__ import annotations

import base64
import datetime as dt
import hmac
from dataclasses import dataclass
from typing import Any

import http_sf
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from http_message_signatures import (
    HTTPMessageSignaturesException,
    HTTPMessageSigner,
    HTTPMessageVerifier,
    HTTPSignatureKeyResolver,
    algorithms,
)

from app.identity import UnlockedIdentity, certificate_fingerprint

CERT_HEADER = "nilai-certificate"  # the sender's certificate, base64 DER
TAG = "nilai-sync"
COVERED = ("@method", "@path", CERT_HEADER)
REQUIRED = (*COVERED, "content-digest")
MAX_AGE = dt.timedelta(hours=24)
CLOCK_SKEW = dt.timedelta(minutes=30)  # a sender's clock this far ahead is still accepted


class NotAuthenticated(Exception):
    """A request whose signature is missing or does not verify; ``str()`` is one line for the sender."""


@dataclass
class _Message:
    """The request as the library reads it: method, absolute URL, header fields."""

    method: str
    url: str
    headers: Any


class _Verifier(HTTPMessageVerifier):
    max_clock_skew = CLOCK_SKEW


def algorithm_for(key: Any) -> type[algorithms.HTTPSignatureAlgorithm]:
    if isinstance(key, ec.EllipticCurvePublicKey | ec.EllipticCurvePrivateKey):
        if key.curve.name == "secp256r1":
            return algorithms.ECDSA_P256_SHA256
        if key.curve.name == "secp384r1":
            return algorithms.ECDSA_P384_SHA384
    if isinstance(key, rsa.RSAPublicKey | rsa.RSAPrivateKey):
        return algorithms.RSA_PSS_SHA512
    if isinstance(key, ed25519.Ed25519PublicKey | ed25519.Ed25519PrivateKey):
        return algorithms.ED25519
    raise NotAuthenticated(f"a {type(key).__name__} key cannot sign sync requests")


class _OneKey(HTTPSignatureKeyResolver):
    """Resolves exactly one key id: the fingerprint of the certificate at hand."""

    def __init__(self, fingerprint: str, public: Any = None, private: Any = None) -> None:
        self.fingerprint, self.public, self.private = fingerprint, public, private

    def resolve_public_key(self, key_id: str) -> Any:
        if key_id != self.fingerprint:
            raise NotAuthenticated("the signature's keyid is not the fingerprint of the certificate sent with it")
        return self.public

    def resolve_private_key(self, key_id: str) -> Any:
        return self.private


def signed_headers(method: str, url: str, body: bytes, identity: UnlockedIdentity,
                   created: dt.datetime | None = None, fields: dict[str, str] | None = None) -> dict[str, str]:
    """The headers that authenticate this request as coming from ``identity`` (``created``: the laptop's clock).

    ``fields``: further header fields sent with the request and covered by the signature (a resumable
    upload's ``upload-offset``, ``upload-length``...), so nobody on the way can change them."""
    der = identity.certificate.public_bytes(serialization.Encoding.DER)
    extra = {name.lower(): value for name, value in (fields or {}).items()}
    headers = {CERT_HEADER: base64.b64encode(der).decode("ascii"), **extra}
    signer = HTTPMessageSigner(signature_algorithm=algorithm_for(identity.private_key),
                               key_resolver=_OneKey(identity.fingerprint, private=identity.private_key))
    signer.sign(_Message(method.upper(), url, headers), key_id=identity.fingerprint, tag=TAG,
                covered_component_ids=(*COVERED, *extra), body=body, created=created)
    return {name.lower(): value for name, value in headers.items()}


@dataclass(frozen=True)
class Sender:
    fingerprint: str
    certificate: x509.Certificate
    signed_sha256: bytes  # the body's SHA-256 as the signature covers it

    @property
    def pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")

    def body_matches(self, sha256: bytes) -> bool:
        return hmac.compare_digest(self.signed_sha256, sha256)


def authenticate(method: str, url: str, headers: Any, covering: tuple[str, ...] = ()) -> Sender:
    """Check a request's signature before its body is read; the body is checked against
    :attr:`Sender.signed_sha256` as it streams in. Raises :class:`NotAuthenticated`.

    ``headers``: any mapping whose ``items()`` gives every field line (names in any case);
    ``covering``: further header fields the signature must cover (lowercase names)."""
    fields: dict[str, str] = {}
    for name, value in headers.items():  # field names are case-insensitive; repeated lines combine (RFC 9110)
        key = name.lower()
        fields[key] = f"{fields[key]}, {value}" if key in fields else value
    headers = fields
    encoded = headers.get(CERT_HEADER)
    if not encoded or "signature" not in headers:
        raise NotAuthenticated("the request is not signed: send it with `nilai sync` (or the Nilai client), "
                               "which signs it with the assessor's key")
    try:
        certificate = x509.load_der_x509_certificate(base64.b64decode(encoded, validate=True))
        public = certificate.public_key()
    except ValueError as exc:
        raise NotAuthenticated(f"the certificate sent with the request cannot be read: {exc}") from exc
    fingerprint = certificate_fingerprint(certificate)
    verifier = _Verifier(signature_algorithm=algorithm_for(public), key_resolver=_OneKey(fingerprint, public))
    try:
        results = verifier.verify(_Message(method.upper(), url, headers), max_age=MAX_AGE, expect_tag=TAG,
                                  require_components=(*REQUIRED, *covering))
        parsed: Any = http_sf.parse(headers["content-digest"].encode("ascii"), tltype="dictionary")
        digest = parsed["sha-256"][0]
    except (HTTPMessageSignaturesException, KeyError, ValueError, TypeError, IndexError) as exc:
        hint = "; check the date and time of the sending laptop" if "created" in str(exc) or "age" in str(exc) else ""
        raise NotAuthenticated(f"the request signature does not verify: {exc}{hint}") from exc
    if results[0].parameters.get("keyid") != fingerprint or not isinstance(digest, bytes):
        raise NotAuthenticated("the request signature does not name the certificate sent with it")
    return Sender(fingerprint, certificate, digest)
