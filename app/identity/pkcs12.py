"""Reading a PKCS#12 (.p12/.pfx) file from an organisation's CA, for :func:`app.identity.import_pkcs12`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from app.identity.certificates import certificate_fingerprint, public_key_der, utcnow
from app.identity.errors import IdentityError, WrongPassphrase

__all__ = ["read_pkcs12"]


def read_pkcs12(
    p12_bytes: bytes, p12_passphrase: str
) -> tuple[Any, x509.Certificate, list[x509.Certificate]]:
    """The private key, its certificate and the CA chain, once the pair is known to be usable for signing.

    An empty ``p12_passphrase`` tries both "no password" and the empty password.
    """
    try:
        asn1_pkcs12.Pfx.load(bytes(p12_bytes)).native  # noqa: B018 - structure check
    except Exception as exc:
        raise IdentityError("This is not a PKCS#12 (.p12/.pfx) file, or the file is damaged.") from exc
    candidates: list[bytes | None] = [p12_passphrase.encode("utf-8")] if p12_passphrase else [None, b""]
    loaded = None
    for password in candidates:
        try:
            loaded = pkcs12.load_pkcs12(bytes(p12_bytes), password)
            break
        except ValueError:
            continue
        except UnsupportedAlgorithm as exc:
            raise IdentityError(f"This PKCS#12 file uses an unsupported algorithm: {exc}") from exc
    if loaded is None:
        raise WrongPassphrase("The passphrase for this PKCS#12 file is not correct. Nothing was imported.")
    if loaded.key is None:
        raise IdentityError("This PKCS#12 file contains no private key, so it cannot be used to sign.")
    if loaded.cert is None:
        raise IdentityError("This PKCS#12 file contains no certificate for its key.")
    cert = loaded.cert.certificate
    _check_usable(cert, loaded.key)
    leaf_fp = certificate_fingerprint(cert)
    chain = [
        c.certificate for c in loaded.additional_certs if certificate_fingerprint(c.certificate) != leaf_fp
    ]
    return loaded.key, cert, chain


def _check_usable(cert: x509.Certificate, key: Any) -> None:
    """Raise :class:`IdentityError` unless ``key`` fits ``cert`` and the pair may sign documents now."""
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey):
        raise IdentityError(
            f"The key in this file ({type(key).__name__}) cannot be used; "
            "Nilai needs an ECDSA, RSA or Ed25519 key."
        )
    if public_key_der(key.public_key()) != public_key_der(cert.public_key()):
        raise IdentityError("The private key in this file does not belong to its certificate.")
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is not None and not (usage.digital_signature or usage.content_commitment):
        raise IdentityError(
            "This certificate is not allowed to sign documents "
            "(its key usage has neither digitalSignature nor nonRepudiation)."
        )
    try:
        basic = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
        if basic.ca:
            raise IdentityError("This is a CA certificate, not a personal signing certificate.")
    except x509.ExtensionNotFound:
        pass
    now = utcnow()
    if cert.not_valid_after_utc < now:
        raise IdentityError(f"This certificate expired on {cert.not_valid_after_utc:%Y-%m-%d}.")
    if cert.not_valid_before_utc > now + dt.timedelta(days=1):
        raise IdentityError(f"This certificate is not valid before {cert.not_valid_before_utc:%Y-%m-%d}.")
