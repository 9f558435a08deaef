"""X.509 certificates: read them, fingerprint them, describe them, make the self-signed one.

Shared by the identity (:mod:`app.identity`), detached signatures, encryption and bundles.
Everything here works on ``cryptography`` objects; :func:`certificate_fingerprint` and
:func:`as_certificate` also take asn1crypto certificates and DER/PEM bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from app.identity.errors import IdentityError

__all__ = [
    "CERT_VALIDITY",
    "as_certificate",
    "cert_pem",
    "certificate_fingerprint",
    "key_type",
    "load_certificate",
    "load_pem_certificates",
    "name_attr",
    "public_key_der",
    "self_signed_certificate",
    "utcnow",
]

CERT_VALIDITY = dt.timedelta(days=5 * 365 + 1)  # five years, one leap day included
# id-kp-documentSigning (RFC 9336); emailProtection is what NSS (poppler's pdfsig) and Adobe
# accept for document signatures, documentSigning is the purpose-built one.
_EKU_DOCUMENT_SIGNING = x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def certificate_fingerprint(cert: Any) -> str:
    """SHA-256 of the certificate's DER encoding, lowercase hex, no colons.

    Accepts a ``cryptography`` certificate, an ``asn1crypto`` certificate or DER bytes.
    """
    if isinstance(cert, x509.Certificate):
        der = cert.public_bytes(serialization.Encoding.DER)
    elif isinstance(cert, bytes | bytearray):
        der = bytes(cert)
    elif hasattr(cert, "dump"):
        der = cert.dump()
    else:
        raise TypeError(f"not a certificate: {type(cert).__name__}")
    return hashlib.sha256(der).hexdigest()


def load_certificate(path_or_bytes: str | os.PathLike[str] | bytes) -> x509.Certificate:
    """A certificate from PEM or DER bytes, PEM text, or a file holding either."""
    if isinstance(path_or_bytes, bytes | bytearray):
        data = bytes(path_or_bytes)
    elif isinstance(path_or_bytes, str) and path_or_bytes.lstrip().startswith("-----BEGIN"):
        data = path_or_bytes.encode("ascii", "replace")
    else:
        try:
            data = Path(path_or_bytes).read_bytes()
        except OSError as exc:
            raise IdentityError(f"Could not read the certificate file: {exc.strerror or exc}") from exc
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise IdentityError("This is not a readable X.509 certificate (PEM or DER).") from exc


def as_certificate(cert: Any) -> x509.Certificate:
    """A ``cryptography`` certificate from one, from PEM/DER bytes or text, or from asn1crypto."""
    if isinstance(cert, x509.Certificate):
        return cert
    if isinstance(cert, bytes | bytearray | str):
        return load_certificate(cert if not isinstance(cert, bytearray) else bytes(cert))
    if hasattr(cert, "dump"):  # asn1crypto
        return x509.load_der_x509_certificate(cert.dump())
    raise TypeError(f"not a certificate: {type(cert).__name__}")


def load_pem_certificates(data: bytes) -> list[x509.Certificate]:
    if not data.strip():
        return []
    return list(x509.load_pem_x509_certificates(data))


def cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def name_attr(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    attrs = name.get_attributes_for_oid(oid)
    if not attrs:
        return ""
    value = attrs[0].value
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def key_type(public_key: Any) -> str:
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        curve = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}
        return f"ECDSA {curve.get(public_key.curve.name, public_key.curve.name)}"
    if isinstance(public_key, rsa.RSAPublicKey):
        return f"RSA {public_key.key_size}"
    if isinstance(public_key, ed25519.Ed25519PublicKey):
        return "Ed25519"
    return type(public_key).__name__


def public_key_der(key: Any) -> bytes:
    return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def self_signed_certificate(
    key: ec.EllipticCurvePrivateKey, name: str, nip: str, organisation: str
) -> x509.Certificate:
    """The assessor's self-signed signing certificate for ``key``, valid for :data:`CERT_VALIDITY`.

    Subject: ``C=ID, O=<organisation>, CN=<name>, serialNumber=<NIP>`` (O and serialNumber only
    when given). KeyUsage (critical): digitalSignature + contentCommitment (non-repudiation);
    ExtendedKeyUsage: emailProtection + documentSigning; BasicConstraints CA=false;
    SubjectKeyIdentifier; AuthorityKeyIdentifier.
    """
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "ID")]
    if organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, name))
    if nip:
        attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, nip))
    subject = x509.Name(attributes)
    now = utcnow().replace(microsecond=0)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))  # tolerate small clock differences
        .not_valid_after(now + CERT_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION, _EKU_DOCUMENT_SIGNING]),
            critical=False,
        )
        .add_extension(ski, critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
        .sign(key, hashes.SHA256())
    )
