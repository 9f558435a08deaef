"""The assessor's identity: a key pair, an X.509 certificate and a small profile.

This module is the public API: create or import an identity, read its public information,
unlock its private key, change the passphrase, export the certificate. The pieces live in
small modules, and the names callers use are re-exported here:

* :mod:`app.identity.files`: the files under ``<data_dir>/identity/``, replaced as a whole;
* :mod:`app.identity.keyfile`: ``key.pem``, the scrypt-encrypted PKCS#8 private key, and its cost;
* :mod:`app.identity.rewrap`: bringing an older ``key.pem`` up to today's cost when it is unlocked;
* :mod:`app.identity.certificates`: reading, fingerprinting and making certificates;
* :mod:`app.identity.pkcs12`: reading and vetting a PKCS#12 file from an organisation's CA;
* :mod:`app.identity.throttle`: the brake on passphrase guessing;
* :mod:`app.identity.detached_signature` and :mod:`app.identity.envelope`: the detached signatures and the hybrid
  encryption that result bundles use (:func:`sign_bytes`, :func:`verify_bytes`,
  :func:`encrypt_for`, :func:`decrypt_with`);
* :mod:`app.identity.types`: :class:`IdentityInfo` and :class:`UnlockedIdentity`, which the
  signature and envelope modules take without importing this one;
* :mod:`app.identity.errors`: the exceptions.

The private key never leaves the machine: :func:`unlock` returns an :class:`UnlockedIdentity`
that holds the decrypted key in memory, reusable for many signatures.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.base.atomic import atomic_write
from app.identity import storekey
from app.identity.certificates import CERT_VALIDITY as CERT_VALIDITY
from app.identity.certificates import (
    cert_pem,
    certificate_fingerprint,
    key_type,
    load_certificate,
    name_attr,
    public_key_der,
    self_signed_certificate,
)
from app.identity.detached_signature import sign_bytes, verify_bytes
from app.identity.envelope import decrypt_with, encrypt_for
from app.identity.errors import DecryptionError, IdentityError, NoIdentity, WrongPassphrase
from app.identity.files import CERT_FILE as CERT_FILE
from app.identity.files import CHAIN_FILE as CHAIN_FILE
from app.identity.files import IDENTITY_DIR as IDENTITY_DIR
from app.identity.files import KEY_FILE as KEY_FILE
from app.identity.files import PROFILE_FILE as PROFILE_FILE
from app.identity.files import (
    identity_files,
    install_identity,
    key_file_lock,
    new_profile,
    read_identity,
    recover,
)
from app.identity.keyfile import decrypt_private_key, encrypt_private_key
from app.identity.pkcs12 import read_pkcs12
from app.identity.rewrap import rewrap_if_weaker
from app.identity.throttle import UnlockThrottle
from app.identity.types import IdentityInfo, UnlockedIdentity

__all__ = [
    "DecryptionError",
    "IdentityError",
    "IdentityInfo",
    "NoIdentity",
    "UnlockThrottle",
    "UnlockedIdentity",
    "WrongPassphrase",
    "certificate_fingerprint",
    "change_passphrase",
    "create_identity",
    "decrypt_with",
    "encrypt_for",
    "export_certificate",
    "has_identity",
    "import_pkcs12",
    "load_certificate",
    "load_identity",
    "sign_bytes",
    "unlock",
    "verify_bytes",
]

MIN_PASSPHRASE_LENGTH = 8


# Shared by unlock() and change_passphrase() when the caller brings no throttle of its own.
DEFAULT_THROTTLE = UnlockThrottle()


# --------------------------------------------------------------------------- helpers


def _clean(value: str, label: str, *, required: bool, max_len: int = 64) -> str:
    value = " ".join((value or "").split())
    if required and not value:
        raise IdentityError(f"Please enter the {label}.")
    if len(value) > max_len:
        raise IdentityError(f"The {label} is too long for a certificate (at most {max_len} characters).")
    return value


def _check_new_passphrase(passphrase: str | None, what: str = "passphrase") -> str:
    if not isinstance(passphrase, str) or not passphrase:
        raise IdentityError(f"Please enter a {what}; the private key is always stored encrypted.")
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise IdentityError(
            f"The {what} must be at least {MIN_PASSPHRASE_LENGTH} characters long (it has {len(passphrase)})."
        )
    return passphrase


def _check_p12_passphrase_reuse(p12_passphrase: str) -> str:
    if not p12_passphrase or len(p12_passphrase) < MIN_PASSPHRASE_LENGTH:
        raise IdentityError(
            f"The PKCS#12 passphrase is shorter than {MIN_PASSPHRASE_LENGTH} characters; "
            "please choose a new passphrase of at least that length for the key on this computer."
        )
    return p12_passphrase


def _info_from(
    cert: x509.Certificate, chain: list[x509.Certificate], profile: dict[str, Any]
) -> IdentityInfo:
    try:
        created_at = dt.datetime.fromisoformat(profile["created_at"])
    except (KeyError, TypeError, ValueError):
        created_at = cert.not_valid_before_utc
    return IdentityInfo(
        name=str(profile.get("name") or name_attr(cert.subject, NameOID.COMMON_NAME)),
        nip=str(profile.get("nip") or name_attr(cert.subject, NameOID.SERIAL_NUMBER)),
        organisation=str(profile.get("organisation") or name_attr(cert.subject, NameOID.ORGANIZATION_NAME)),
        created_at=created_at,
        source=str(profile.get("source") or "self-signed"),
        cert_pem=cert_pem(cert).decode("ascii"),
        fingerprint=certificate_fingerprint(cert),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        key_type=key_type(cert.public_key()),
        chain_pems=tuple(cert_pem(c).decode("ascii") for c in chain),
    )


# --------------------------------------------------------------------------- public API


def has_identity(data_dir: str | os.PathLike[str]) -> bool:
    data_dir = Path(data_dir)
    recover(data_dir)
    return (data_dir / IDENTITY_DIR / CERT_FILE).is_file()


def create_identity(
    data_dir: str | os.PathLike[str],
    name: str,
    nip: str,
    organisation: str,
    passphrase: str,
    *,
    replace: bool = False,
) -> IdentityInfo:
    """Generate an ECDSA P-256 key and a self-signed certificate valid for five years.

    Subject: ``C=ID, O=<organisation>, CN=<name>, serialNumber=<NIP>`` (NIP may be empty for
    assessors who are not civil servants; spaces in it are removed). KeyUsage (critical):
    digitalSignature + contentCommitment (non-repudiation); ExtendedKeyUsage: emailProtection +
    documentSigning; BasicConstraints CA=false; SubjectKeyIdentifier; AuthorityKeyIdentifier.
    Refuses to overwrite an existing identity unless ``replace=True``.
    """
    name = _clean(name, "name", required=True)
    nip = _clean(nip, "NIP", required=False).replace(" ", "")
    if nip and not nip.isdigit():
        raise IdentityError("The NIP may contain only digits.")
    organisation = _clean(organisation, "organisation", required=False)
    _check_new_passphrase(passphrase)
    data_dir = Path(data_dir)
    if not replace and has_identity(data_dir):
        raise IdentityError(
            "An identity already exists on this computer. Replacing it makes sheets signed with it "
            "unverifiable against the new certificate; confirm the replacement to continue."
        )

    key = ec.generate_private_key(ec.SECP256R1())
    cert = self_signed_certificate(key, name, nip, organisation)
    profile = new_profile(cert, "self-signed", name, nip, organisation)
    files = identity_files(encrypt_private_key(key, passphrase), cert, [], profile)
    install_identity(data_dir, files, replace)
    return _info_from(cert, [], profile)


def import_pkcs12(
    data_dir: str | os.PathLike[str],
    p12_bytes: bytes,
    p12_passphrase: str,
    new_passphrase: str | None = None,
    *,
    replace: bool = False,
) -> IdentityInfo:
    """Import a key, certificate and CA chain from a PKCS#12 (.p12/.pfx) file.

    The key is stored encrypted with ``new_passphrase`` (default: the PKCS#12 passphrase, which
    then must satisfy the same length rule). Name, NIP and organisation are read from the
    certificate's CN, serialNumber and O.
    """
    key, cert, chain = read_pkcs12(p12_bytes, p12_passphrase)
    if new_passphrase is not None:
        passphrase = _check_new_passphrase(new_passphrase, "new passphrase")
    else:
        passphrase = _check_p12_passphrase_reuse(p12_passphrase)
    profile = new_profile(
        cert,
        "pkcs12",
        name_attr(cert.subject, NameOID.COMMON_NAME),
        name_attr(cert.subject, NameOID.SERIAL_NUMBER),
        name_attr(cert.subject, NameOID.ORGANIZATION_NAME),
    )
    files = identity_files(encrypt_private_key(key, passphrase), cert, chain, profile)
    install_identity(Path(data_dir), files, replace)
    return _info_from(cert, chain, profile)


def load_identity(data_dir: str | os.PathLike[str]) -> IdentityInfo:
    """The identity's public information; needs no passphrase. NoIdentity if there is none."""
    _, cert, chain, profile = read_identity(data_dir)
    return _info_from(cert, chain, profile)


def unlock(
    data_dir: str | os.PathLike[str],
    passphrase: str,
    *,
    throttle: UnlockThrottle | None = None,
) -> UnlockedIdentity:
    """Decrypt the private key. Never retried here: one call, one attempt.

    Wrong passphrase → :class:`WrongPassphrase`; nothing on disk changes. After three wrong
    attempts within a minute further attempts raise :class:`IdentityError` asking to wait.
    A key file written at a cheaper key-derivation cost than today's is re-wrapped at today's
    cost, under the same passphrase (:mod:`app.identity.rewrap`).
    """
    throttle = throttle or DEFAULT_THROTTLE
    directory, cert, chain, profile = read_identity(data_dir)
    throttle_key = str(directory.resolve())
    throttle.check(throttle_key)
    try:
        key_pem = (directory / KEY_FILE).read_bytes()
    except OSError as exc:
        raise IdentityError(f"Could not read the identity's key file: {exc.strerror or exc}") from exc
    try:
        private_key = decrypt_private_key(key_pem, passphrase if isinstance(passphrase, str) else "")
    except WrongPassphrase:
        throttle.failed(throttle_key)
        raise
    throttle.succeeded(throttle_key)
    if public_key_der(private_key.public_key()) != public_key_der(cert.public_key()):
        raise IdentityError("The identity's key does not match its certificate; the identity is damaged.")
    rewrap_if_weaker(directory, key_pem, private_key, passphrase)
    return UnlockedIdentity(_info_from(cert, chain, profile), private_key, cert, chain)


def change_passphrase(
    data_dir: str | os.PathLike[str],
    old: str,
    new: str,
    *,
    throttle: UnlockThrottle | None = None,
) -> None:
    """Re-encrypt key.pem under ``new`` at today's cost (atomic). Wrong ``old`` → WrongPassphrase, file untouched."""
    _check_new_passphrase(new, "new passphrase")
    throttle = throttle or DEFAULT_THROTTLE
    directory, _, _, _ = read_identity(data_dir)
    throttle_key = str(directory.resolve())
    throttle.check(throttle_key)
    key_pem = (directory / KEY_FILE).read_bytes()
    try:
        private_key = decrypt_private_key(key_pem, old if isinstance(old, str) else "")
    except WrongPassphrase:
        throttle.failed(throttle_key)
        raise
    throttle.succeeded(throttle_key)
    # An encrypted store opens with the same passphrase: its data key is re-wrapped too (unwrapped
    # first, so a store key under another passphrase refuses the change before anything is written).
    store_key = storekey.unwrap(Path(data_dir), old) if storekey.exists(Path(data_dir)) else None
    rewrapped = encrypt_private_key(private_key, new)
    try:
        with key_file_lock(directory.parent):
            atomic_write(directory / KEY_FILE, rewrapped, mode=0o600)
    except OSError as exc:
        raise IdentityError(
            f"Could not write the new key file ({exc.strerror or exc}); the old passphrase still opens it."
        ) from exc
    if store_key is not None:
        storekey.wrap(Path(data_dir), store_key, new)


def export_certificate(
    data_dir: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    fmt: str | None = None,
) -> Path:
    """Write the identity's certificate (never the key) to ``out_path``, atomically.

    ``fmt`` is ``"pem"`` or ``"der"``; when omitted it follows the extension: ``.der``/``.cer``
    → DER, anything else → PEM.
    """
    _, cert, _, _ = read_identity(data_dir)
    out = Path(out_path)
    if fmt is None:
        fmt = "der" if out.suffix.lower() in (".der", ".cer") else "pem"
    fmt = fmt.lower()
    if fmt == "pem":
        data = cert_pem(cert)
    elif fmt == "der":
        data = cert.public_bytes(serialization.Encoding.DER)
    else:
        raise IdentityError(f"Unknown certificate format {fmt!r}; use 'pem' or 'der'.")
    try:
        atomic_write(out, data, mode=0o644)
    except OSError as exc:
        raise IdentityError(f"Could not write the certificate to {out}: {exc.strerror or exc}") from exc
    return out
