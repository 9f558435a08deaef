"""The assessor's identity: a key pair, an X.509 certificate and a small profile.

Everything lives in ``<data_dir>/identity/``:

``key.pem``
    The private key as PKCS#8 ``ENCRYPTED PRIVATE KEY`` (mode 0600), encrypted with the
    assessor's passphrase using PBES2 (RFC 8018) with the **scrypt** KDF (RFC 7914;
    N=2**14, r=8, p=4, 16-byte salt) and AES-256-CBC. ``cryptography`` can write PKCS#8 PEM
    only with PBKDF2-HMAC-SHA256 at 2048 iterations (``BestAvailableEncryption``), which is cheap
    to brute-force, so the container is assembled here (asn1crypto) around ``cryptography``'s
    Scrypt and AES; it is read back by ``cryptography.load_pem_private_key`` and by
    ``openssl pkey`` (the parameters stay inside OpenSSL's default 32 MiB scrypt memory limit),
    so the key can always be recovered with standard tools.
``cert.pem``
    The signing certificate (self-signed by default, or from an imported PKCS#12 file).
``chain.pem``
    The CA certificates that came with an imported PKCS#12 file (may be empty).
``profile.json``
    name, nip, organisation, created_at, source (``"self-signed"`` or ``"pkcs12"``).

A new identity is written into a staging directory (every file through :mod:`app.atomic`) and
renamed into place as a whole, so a crash leaves the old identity or the new one, never a mix.

The private key never leaves the machine: :func:`unlock` returns an :class:`UnlockedIdentity`
that holds the decrypted key in memory, reusable for many signatures.

This module also holds the small detached-signature and hybrid-encryption helpers that result
bundles use (:func:`sign_bytes`, :func:`verify_bytes`, :func:`encrypt_for`, :func:`decrypt_with`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import shutil
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from asn1crypto import algos as asn1_algos
from asn1crypto import core as asn1_core
from asn1crypto import keys as asn1_keys
from asn1crypto import pem as asn1_pem
from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.exceptions import InvalidSignature, InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives import padding as sym_padding
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.keywrap import InvalidUnwrap, aes_key_unwrap, aes_key_wrap
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from app.atomic import atomic_write

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

IDENTITY_DIR = "identity"
KEY_FILE = "key.pem"
CERT_FILE = "cert.pem"
CHAIN_FILE = "chain.pem"
PROFILE_FILE = "profile.json"
_STAGING_DIR = ".identity.staging"
_PREVIOUS_DIR = ".identity.previous"

MIN_PASSPHRASE_LENGTH = 8
CERT_VALIDITY = dt.timedelta(days=5 * 365 + 1)  # five years, one leap day included
# id-kp-documentSigning (RFC 9336); emailProtection is what NSS (poppler's pdfsig) and Adobe
# accept for document signatures, documentSigning is the purpose-built one.
_EKU_DOCUMENT_SIGNING = x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")

# scrypt parameters for key.pem: N=2**14, r=8 needs 16 MiB and stays inside OpenSSL's default
# memory limit (so `openssl pkey` can read the file); p=4 makes one guess ~0.1 s here.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 4
_SCRYPT_OID = "1.3.6.1.4.1.11591.4.11"  # id-scrypt, RFC 7914 section 7


# --------------------------------------------------------------------------- errors


class IdentityError(Exception):
    """A problem with the assessor identity; ``str(error)`` is meant for the user."""


class WrongPassphrase(IdentityError):
    """The passphrase does not open the key (or the PKCS#12 file)."""


class NoIdentity(IdentityError):
    """No identity has been set up in this data directory."""


class DecryptionError(IdentityError):
    """Encrypted content could not be opened with this identity (wrong recipient, damaged)."""


# --------------------------------------------------------------------------- plain types


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
        return (now or _utcnow()) > self.not_after


class UnlockedIdentity:
    """The decrypted private key with its certificate and chain, kept in memory.

    Reusable for any number of signatures. Derived objects (such as the pyHanko signer that
    :mod:`app.signing` builds) are cached on it through :meth:`cached`, so a batch does not
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


# --------------------------------------------------------------------------- throttle


class UnlockThrottle:
    """In-process brake on passphrase guessing.

    After ``max_failures`` wrong passphrases within ``window`` seconds for the same identity,
    further attempts are refused (without trying the passphrase) until the oldest of those
    failures is ``window`` seconds old. A correct passphrase clears the record. ``clock`` is
    injectable for tests (defaults to :func:`time.monotonic`).
    """

    def __init__(
        self,
        max_failures: int = 3,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.window = window
        self.clock = clock
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> list[float]:
        recent = [t for t in self._failures.get(key, []) if now - t < self.window]
        self._failures[key] = recent
        return recent

    def check(self, key: str) -> None:
        """Raise :class:`IdentityError` if ``key`` must wait before the next attempt."""
        with self._lock:
            now = self.clock()
            recent = self._recent(key, now)
            if len(recent) >= self.max_failures:
                wait = recent[-self.max_failures] + self.window - now
                seconds = max(1, math.ceil(wait))
                raise IdentityError(
                    f"Too many wrong passphrases. Please wait {seconds} second{'s' if seconds != 1 else ''} "
                    "before trying again."
                )

    def failed(self, key: str) -> None:
        with self._lock:
            now = self.clock()
            self._recent(key, now).append(now)

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)


DEFAULT_THROTTLE = UnlockThrottle()


# --------------------------------------------------------------------------- certificates


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


def _load_pem_certificates(data: bytes) -> list[x509.Certificate]:
    if not data.strip():
        return []
    return list(x509.load_pem_x509_certificates(data))


def _cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _name_attr(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    attrs = name.get_attributes_for_oid(oid)
    if not attrs:
        return ""
    value = attrs[0].value
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _key_type(public_key: Any) -> str:
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        curve = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}
        return f"ECDSA {curve.get(public_key.curve.name, public_key.curve.name)}"
    if isinstance(public_key, rsa.RSAPublicKey):
        return f"RSA {public_key.key_size}"
    if isinstance(public_key, ed25519.Ed25519PublicKey):
        return "Ed25519"
    return type(public_key).__name__


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _public_bytes(key: Any) -> bytes:
    return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


# --------------------------------------------------------------------------- key.pem


class _ScryptParams(asn1_core.Sequence):
    # RFC 7914 section 7.1 scrypt-params
    _fields = [
        ("salt", asn1_core.OctetString),
        ("cost_parameter", asn1_core.Integer),
        ("block_size", asn1_core.Integer),
        ("parallelization_parameter", asn1_core.Integer),
        ("key_length", asn1_core.Integer, {"optional": True}),
    ]


def _encrypt_private_key(private_key: Any, passphrase: str) -> bytes:
    """PKCS#8 EncryptedPrivateKeyInfo, PBES2 with scrypt + AES-256-CBC, PEM armoured."""
    plain = private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    salt = os.urandom(16)
    iv = os.urandom(16)
    kek = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(passphrase.encode("utf-8"))
    padder = sym_padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    encryptor = Cipher(algorithms.AES(kek), modes.CBC(iv)).encryptor()
    encrypted = encryptor.update(padded) + encryptor.finalize()
    algorithm = asn1_algos.EncryptionAlgorithm(
        {
            "algorithm": "pbes2",
            "parameters": {
                "key_derivation_func": {
                    "algorithm": _SCRYPT_OID,
                    "parameters": _ScryptParams(
                        {
                            "salt": salt,
                            "cost_parameter": SCRYPT_N,
                            "block_size": SCRYPT_R,
                            "parallelization_parameter": SCRYPT_P,
                            "key_length": 32,
                        }
                    ),
                },
                "encryption_scheme": {"algorithm": "aes256_cbc", "parameters": iv},
            },
        }
    )
    info = asn1_keys.EncryptedPrivateKeyInfo({"encryption_algorithm": algorithm, "encrypted_data": encrypted})
    return asn1_pem.armor("ENCRYPTED PRIVATE KEY", info.dump())


def _decrypt_private_key(key_pem: bytes, passphrase: str) -> Any:
    """The private key object; WrongPassphrase if the passphrase does not open it."""
    try:
        _, _, der = asn1_pem.unarmor(key_pem)
        asn1_keys.EncryptedPrivateKeyInfo.load(der).native  # noqa: B018 - structure check
    except Exception as exc:
        raise IdentityError(
            "The identity's key file is damaged or not an encrypted key. Nothing was changed."
        ) from exc
    try:
        return serialization.load_pem_private_key(key_pem, passphrase.encode("utf-8"))
    except (ValueError, TypeError) as exc:
        raise WrongPassphrase(
            "The passphrase is not correct for this identity. Nothing was changed."
        ) from exc
    except UnsupportedAlgorithm as exc:
        raise IdentityError(f"The identity's key uses an unsupported algorithm: {exc}") from exc


def _check_new_passphrase(passphrase: str | None, what: str = "passphrase") -> str:
    if not isinstance(passphrase, str) or not passphrase:
        raise IdentityError(f"Please enter a {what}; the private key is always stored encrypted.")
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise IdentityError(
            f"The {what} must be at least {MIN_PASSPHRASE_LENGTH} characters long (it has {len(passphrase)})."
        )
    return passphrase


# --------------------------------------------------------------------------- files on disk


def _identity_dir(data_dir: str | os.PathLike[str]) -> Path:
    return Path(data_dir) / IDENTITY_DIR


def _recover(data_dir: Path) -> None:
    """Finish an identity replacement that a crash interrupted between its two renames."""
    target = data_dir / IDENTITY_DIR
    previous = data_dir / _PREVIOUS_DIR
    if not target.exists() and previous.is_dir():
        os.rename(previous, target)


def has_identity(data_dir: str | os.PathLike[str]) -> bool:
    data_dir = Path(data_dir)
    _recover(data_dir)
    return (data_dir / IDENTITY_DIR / CERT_FILE).is_file()


def _install_identity(data_dir: Path, files: dict[str, tuple[bytes, int]], replace: bool) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    _recover(data_dir)
    target = data_dir / IDENTITY_DIR
    if target.exists() and not replace:
        raise IdentityError(
            "An identity already exists on this computer. Replacing it makes sheets signed with it "
            "unverifiable against the new certificate; confirm the replacement to continue."
        )
    staging = data_dir / _STAGING_DIR
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(mode=0o700)
    for name, (data, mode) in files.items():
        atomic_write(staging / name, data, mode=mode)
    previous = data_dir / _PREVIOUS_DIR
    if target.exists():
        if previous.exists():
            shutil.rmtree(previous)
        os.rename(target, previous)
    os.rename(staging, target)
    _fsync_dir(data_dir)
    if previous.exists():
        shutil.rmtree(previous)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _identity_files(
    key_pem: bytes,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    profile: dict[str, Any],
) -> dict[str, tuple[bytes, int]]:
    return {
        KEY_FILE: (key_pem, 0o600),
        CERT_FILE: (_cert_pem(cert), 0o644),
        CHAIN_FILE: (b"".join(_cert_pem(c) for c in chain), 0o644),
        PROFILE_FILE: (json.dumps(profile, ensure_ascii=False, indent=2).encode("utf-8") + b"\n", 0o644),
    }


def _profile(cert: x509.Certificate, source: str, name: str, nip: str, organisation: str) -> dict[str, Any]:
    return {
        "name": name,
        "nip": nip,
        "organisation": organisation,
        "created_at": _utcnow().isoformat(timespec="seconds"),
        "source": source,
        "fingerprint": certificate_fingerprint(cert),
    }


def _info_from(
    cert: x509.Certificate, chain: list[x509.Certificate], profile: dict[str, Any]
) -> IdentityInfo:
    try:
        created_at = dt.datetime.fromisoformat(profile["created_at"])
    except (KeyError, TypeError, ValueError):
        created_at = cert.not_valid_before_utc
    return IdentityInfo(
        name=str(profile.get("name") or _name_attr(cert.subject, NameOID.COMMON_NAME)),
        nip=str(profile.get("nip") or _name_attr(cert.subject, NameOID.SERIAL_NUMBER)),
        organisation=str(profile.get("organisation") or _name_attr(cert.subject, NameOID.ORGANIZATION_NAME)),
        created_at=created_at,
        source=str(profile.get("source") or "self-signed"),
        cert_pem=_cert_pem(cert).decode("ascii"),
        fingerprint=certificate_fingerprint(cert),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        key_type=_key_type(cert.public_key()),
        chain_pems=tuple(_cert_pem(c).decode("ascii") for c in chain),
    )


def _read_identity(
    data_dir: str | os.PathLike[str],
) -> tuple[Path, x509.Certificate, list[x509.Certificate], dict]:
    data_dir = Path(data_dir)
    _recover(data_dir)
    directory = data_dir / IDENTITY_DIR
    if not (directory / CERT_FILE).is_file() or not (directory / KEY_FILE).is_file():
        raise NoIdentity(
            "No assessor identity has been set up on this computer yet. "
            "Create one, or import a PKCS#12 (.p12/.pfx) file from your organisation."
        )
    try:
        cert = x509.load_pem_x509_certificate((directory / CERT_FILE).read_bytes())
        chain_path = directory / CHAIN_FILE
        chain = _load_pem_certificates(chain_path.read_bytes()) if chain_path.exists() else []
    except (OSError, ValueError) as exc:
        raise IdentityError(f"The identity's certificate files are damaged: {exc}") from exc
    try:
        profile = json.loads((directory / PROFILE_FILE).read_text(encoding="utf-8"))
        if not isinstance(profile, dict):
            raise ValueError("profile.json is not an object")
    except FileNotFoundError:
        profile = {}
    except (OSError, ValueError) as exc:
        raise IdentityError(f"The identity's profile is damaged: {exc}") from exc
    return directory, cert, chain, profile


# --------------------------------------------------------------------------- public API


def _clean(value: str, label: str, *, required: bool, max_len: int = 64) -> str:
    value = " ".join((value or "").split())
    if required and not value:
        raise IdentityError(f"Please enter the {label}.")
    if len(value) > max_len:
        raise IdentityError(f"The {label} is too long for a certificate (at most {max_len} characters).")
    return value


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
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "ID")]
    if organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, name))
    if nip:
        attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, nip))
    subject = x509.Name(attributes)
    now = _utcnow().replace(microsecond=0)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
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
    profile = _profile(cert, "self-signed", name, nip, organisation)
    files = _identity_files(_encrypt_private_key(key, passphrase), cert, [], profile)
    _install_identity(data_dir, files, replace)
    return _info_from(cert, [], profile)


def _check_usable(cert: x509.Certificate, key: Any) -> None:
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey):
        raise IdentityError(
            f"The key in this file ({type(key).__name__}) cannot be used; "
            "Nilai needs an ECDSA, RSA or Ed25519 key."
        )
    if _public_bytes(key.public_key()) != _public_bytes(cert.public_key()):
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
    now = _utcnow()
    if cert.not_valid_after_utc < now:
        raise IdentityError(f"This certificate expired on {cert.not_valid_after_utc:%Y-%m-%d}.")
    if cert.not_valid_before_utc > now + dt.timedelta(days=1):
        raise IdentityError(f"This certificate is not valid before {cert.not_valid_before_utc:%Y-%m-%d}.")


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
    if new_passphrase is not None:
        passphrase = _check_new_passphrase(new_passphrase, "new passphrase")
    else:
        passphrase = _check_p12_passphrase_reuse(p12_passphrase)
    profile = _profile(
        cert,
        "pkcs12",
        _name_attr(cert.subject, NameOID.COMMON_NAME),
        _name_attr(cert.subject, NameOID.SERIAL_NUMBER),
        _name_attr(cert.subject, NameOID.ORGANIZATION_NAME),
    )
    files = _identity_files(_encrypt_private_key(loaded.key, passphrase), cert, chain, profile)
    _install_identity(Path(data_dir), files, replace)
    return _info_from(cert, chain, profile)


def _check_p12_passphrase_reuse(p12_passphrase: str) -> str:
    if not p12_passphrase or len(p12_passphrase) < MIN_PASSPHRASE_LENGTH:
        raise IdentityError(
            f"The PKCS#12 passphrase is shorter than {MIN_PASSPHRASE_LENGTH} characters; "
            "please choose a new passphrase of at least that length for the key on this computer."
        )
    return p12_passphrase


def load_identity(data_dir: str | os.PathLike[str]) -> IdentityInfo:
    """The identity's public information; needs no passphrase. NoIdentity if there is none."""
    _, cert, chain, profile = _read_identity(data_dir)
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
    """
    throttle = throttle or DEFAULT_THROTTLE
    directory, cert, chain, profile = _read_identity(data_dir)
    throttle_key = str(directory.resolve())
    throttle.check(throttle_key)
    try:
        key_pem = (directory / KEY_FILE).read_bytes()
    except OSError as exc:
        raise IdentityError(f"Could not read the identity's key file: {exc.strerror or exc}") from exc
    try:
        private_key = _decrypt_private_key(key_pem, passphrase if isinstance(passphrase, str) else "")
    except WrongPassphrase:
        throttle.failed(throttle_key)
        raise
    throttle.succeeded(throttle_key)
    if _public_bytes(private_key.public_key()) != _public_bytes(cert.public_key()):
        raise IdentityError("The identity's key does not match its certificate; the identity is damaged.")
    return UnlockedIdentity(_info_from(cert, chain, profile), private_key, cert, chain)


def change_passphrase(
    data_dir: str | os.PathLike[str],
    old: str,
    new: str,
    *,
    throttle: UnlockThrottle | None = None,
) -> None:
    """Re-encrypt key.pem under ``new`` (atomic). Wrong ``old`` → WrongPassphrase, file untouched."""
    _check_new_passphrase(new, "new passphrase")
    throttle = throttle or DEFAULT_THROTTLE
    directory, _, _, _ = _read_identity(data_dir)
    throttle_key = str(directory.resolve())
    throttle.check(throttle_key)
    key_pem = (directory / KEY_FILE).read_bytes()
    try:
        private_key = _decrypt_private_key(key_pem, old if isinstance(old, str) else "")
    except WrongPassphrase:
        throttle.failed(throttle_key)
        raise
    throttle.succeeded(throttle_key)
    atomic_write(directory / KEY_FILE, _encrypt_private_key(private_key, new), mode=0o600)


def export_certificate(
    data_dir: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    fmt: str | None = None,
) -> Path:
    """Write the identity's certificate (never the key) to ``out_path``, atomically.

    ``fmt`` is ``"pem"`` or ``"der"``; when omitted it follows the extension: ``.der``/``.cer``
    → DER, anything else → PEM.
    """
    _, cert, _, _ = _read_identity(data_dir)
    out = Path(out_path)
    if fmt is None:
        fmt = "der" if out.suffix.lower() in (".der", ".cer") else "pem"
    fmt = fmt.lower()
    if fmt == "pem":
        data = _cert_pem(cert)
    elif fmt == "der":
        data = cert.public_bytes(serialization.Encoding.DER)
    else:
        raise IdentityError(f"Unknown certificate format {fmt!r}; use 'pem' or 'der'.")
    try:
        atomic_write(out, data, mode=0o644)
    except OSError as exc:
        raise IdentityError(f"Could not write the certificate to {out}: {exc.strerror or exc}") from exc
    return out


# --------------------------------------------------------------------------- detached signatures


def _as_certificate(cert: Any) -> x509.Certificate:
    if isinstance(cert, x509.Certificate):
        return cert
    if isinstance(cert, bytes | bytearray | str):
        return load_certificate(cert if not isinstance(cert, bytearray) else bytes(cert))
    if hasattr(cert, "dump"):  # asn1crypto
        return x509.load_der_x509_certificate(cert.dump())
    raise TypeError(f"not a certificate: {type(cert).__name__}")


_PSS = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH)


def sign_bytes(unlocked: UnlockedIdentity, data: bytes) -> bytes:
    """Detached signature over ``data`` with the identity's key.

    ECDSA keys: ECDSA with SHA-256, DER-encoded (r, s). RSA keys: RSASSA-PSS with SHA-256,
    MGF1-SHA-256, salt length 32. Ed25519 keys: pure Ed25519.
    """
    key = unlocked.private_key
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(hashes.SHA256()))
    if isinstance(key, rsa.RSAPrivateKey):
        return key.sign(data, _PSS, hashes.SHA256())
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return key.sign(data)
    raise IdentityError(f"Signing with a {type(key).__name__} key is not supported.")


def verify_bytes(cert: Any, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` (from :func:`sign_bytes`) is valid for ``data`` under ``cert``'s key."""
    try:
        public_key = _as_certificate(cert).public_key()
        if isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public_key, rsa.RSAPublicKey):
            public_key.verify(signature, data, _PSS, hashes.SHA256())
        elif isinstance(public_key, ed25519.Ed25519PublicKey):
            public_key.verify(signature, data)
        else:
            return False
    except (InvalidSignature, ValueError, TypeError, IdentityError):
        return False
    return True


# --------------------------------------------------------------------------- hybrid encryption

_ENC_MAGIC = b"NILAIENC"
_ENC_VERSION = 1
_ALG_ECDH_HKDF_A256KW = 1
_ALG_RSA_OAEP_SHA256 = 2
_HKDF_INFO = b"nilai/bundle-content-key/v1"
_OAEP = padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def _uncompressed_point(key: ec.EllipticCurvePublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)


def _ecdh_kek(shared: bytes, ephemeral_point: bytes, recipient_point: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO + ephemeral_point + recipient_point
    ).derive(shared)


def encrypt_for(cert: Any, plaintext: bytes) -> bytes:
    """Encrypt ``plaintext`` so that only the holder of ``cert``'s private key can read it.

    Construction (all from ``cryptography``):

    1. A fresh random 256-bit content key CEK and 96-bit nonce.
    2. CEK is wrapped for the recipient:

       * EC certificate (e.g. P-256): an ephemeral key pair on the recipient's curve;
         Z = ECDH(ephemeral private, recipient public); KEK = HKDF-SHA256(Z, salt=none,
         info="nilai/bundle-content-key/v1" || ephemeral point || recipient point, 32 bytes)
         (points X9.62 uncompressed); wrapped = AES-KW(KEK, CEK) (RFC 3394).
       * RSA certificate: wrapped = RSA-OAEP(SHA-256, MGF1-SHA-256, no label)(CEK).

    3. body = AES-256-GCM(CEK, nonce, plaintext, aad=header).

    Output layout (big-endian lengths)::

        "NILAIENC" | version u8 (1) | alg u8 (1=ECDH-HKDF-A256KW, 2=RSA-OAEP-SHA256)
        | recipient certificate SHA-256 (32 bytes)
        | u16 len | ephemeral point (empty for RSA) | u16 len | wrapped CEK | nonce (12)
        | GCM ciphertext || 16-byte tag

    Everything before the ciphertext is the header, authenticated as GCM associated data.
    """
    recipient = _as_certificate(cert)
    public_key = recipient.public_key()
    cek = AESGCM.generate_key(bit_length=256)
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        alg = _ALG_ECDH_HKDF_A256KW
        ephemeral = ec.generate_private_key(public_key.curve)
        ephemeral_point = _uncompressed_point(ephemeral.public_key())
        shared = ephemeral.exchange(ec.ECDH(), public_key)
        kek = _ecdh_kek(shared, ephemeral_point, _uncompressed_point(public_key))
        wrapped = aes_key_wrap(kek, cek)
    elif isinstance(public_key, rsa.RSAPublicKey):
        alg = _ALG_RSA_OAEP_SHA256
        ephemeral_point = b""
        wrapped = public_key.encrypt(cek, _OAEP)
    else:
        raise IdentityError(
            f"Cannot encrypt to this certificate: its {_key_type(public_key)} key does not support "
            "encryption. The coordinator needs an EC (P-256) or RSA certificate."
        )
    nonce = os.urandom(12)
    header = (
        _ENC_MAGIC
        + bytes([_ENC_VERSION, alg])
        + bytes.fromhex(certificate_fingerprint(recipient))
        + struct.pack(">H", len(ephemeral_point))
        + ephemeral_point
        + struct.pack(">H", len(wrapped))
        + wrapped
        + nonce
    )
    return header + AESGCM(cek).encrypt(nonce, plaintext, header)


@dataclass
class _Envelope:
    alg: int
    fingerprint: str
    ephemeral_point: bytes
    wrapped: bytes
    nonce: bytes
    header: bytes
    ciphertext: bytes = field(repr=False)


def _parse_envelope(blob: bytes) -> _Envelope:
    blob = bytes(blob)
    try:
        if not blob.startswith(_ENC_MAGIC):
            raise ValueError("magic")
        pos = len(_ENC_MAGIC)
        version, alg = blob[pos], blob[pos + 1]
        if version != _ENC_VERSION:
            raise DecryptionError(
                f"This encrypted content uses format version {version}, which this Nilai cannot read."
            )
        pos += 2
        fingerprint = blob[pos : pos + 32].hex()
        pos += 32
        (n,) = struct.unpack_from(">H", blob, pos)
        pos += 2
        ephemeral_point = blob[pos : pos + n]
        pos += n
        (m,) = struct.unpack_from(">H", blob, pos)
        pos += 2
        wrapped = blob[pos : pos + m]
        pos += m
        nonce = blob[pos : pos + 12]
        pos += 12
        if len(ephemeral_point) != n or len(wrapped) != m or len(nonce) != 12 or len(blob) < pos + 16:
            raise ValueError("truncated")
    except (ValueError, IndexError, struct.error) as exc:
        raise DecryptionError("This is not Nilai encrypted content, or it is truncated.") from exc
    return _Envelope(alg, fingerprint, ephemeral_point, wrapped, nonce, blob[:pos], blob[pos:])


def decrypt_with(unlocked: UnlockedIdentity, blob: bytes) -> bytes:
    """Open content made by :func:`encrypt_for` for this identity's certificate.

    Raises :class:`DecryptionError` (never a raw cryptography exception) when the content was
    made for another certificate, the key does not fit, or anything was altered.
    """
    env = _parse_envelope(blob)
    if env.fingerprint != unlocked.fingerprint:
        raise DecryptionError(
            "This content was encrypted for another certificate "
            f"(fingerprint {env.fingerprint[:16]}…), not for this identity ({unlocked.fingerprint[:16]}…)."
        )
    key = unlocked.private_key
    try:
        if env.alg == _ALG_ECDH_HKDF_A256KW and isinstance(key, ec.EllipticCurvePrivateKey):
            ephemeral = ec.EllipticCurvePublicKey.from_encoded_point(key.curve, env.ephemeral_point)
            shared = key.exchange(ec.ECDH(), ephemeral)
            kek = _ecdh_kek(shared, env.ephemeral_point, _uncompressed_point(key.public_key()))
            cek = aes_key_unwrap(kek, env.wrapped)
        elif env.alg == _ALG_RSA_OAEP_SHA256 and isinstance(key, rsa.RSAPrivateKey):
            cek = key.decrypt(env.wrapped, _OAEP)
        else:
            raise DecryptionError(
                "This content was encrypted with a method that does not fit this identity's key."
            )
        return AESGCM(cek).decrypt(env.nonce, env.ciphertext, env.header)
    except DecryptionError:
        raise
    except (InvalidTag, InvalidUnwrap, ValueError, TypeError) as exc:
        raise DecryptionError(
            "The encrypted content could not be opened with this identity: it was altered, "
            "damaged, or made for another key."
        ) from exc
