"""Check a bundle completely without writing anything: zip sanity, manifest, signature, trust, every file.

Order of the checks (each failure raises a specific :class:`~app.bundles.errors.BundleError`):

1. zip sanity of the central directory (:mod:`app.bundles.zipcheck`);
2. manifest.sig: a valid signature over the exact bytes of manifest.json by certificate.pem
   (checked before the manifest is even parsed);
3. trust: that certificate is on the trust list (or given with --trust);
4. manifest.json: strict JSON, format version, JSON Schema; the certificate and NIP it names are
   the signer's;
5. (encrypted bundles) the payload's hash, then decryption with this store's identity, then 1-4
   again for the inner bundle, which must be the same bundle by the same assessor;
6. every file: listed exactly once, present, SHA-256 and size as signed, nothing extra;
7. every record: format, its own hash chain (``verify_entries``), agreement with the manifest;
   signed sheets: a valid PDF signature by the same certificate covering the whole file;
8. instruments: known to the store or carried (and then rebuilt and checked by hash), and the
   same as the round's instrument where the store knows the round.

The result keeps the zip open so the importer copies evidence and sheets from what was checked.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.bundles import zipcheck
from app.bundles.contents import check_contents, listed_files, same_names
from app.bundles.errors import (
    BundleError,
    CheckFailed,
    EncryptedBundleError,
    ManifestInvalid,
    NeedsIdentity,
    TamperedFile,
)
from app.bundles.format import (
    CERTIFICATE,
    ENCRYPTION_SCHEME,
    MANIFEST,
    PAYLOAD,
    PLAIN_NAMES,
    SIGNATURE,
)
from app.bundles.signed import SignedManifest, open_signed, signed_manifest
from app.bundles.verified import VerifiedBundle, VerifyContext
from app.identity import (
    IdentityError,
    NoIdentity,
    decrypt_with,
)

log = logging.getLogger(__name__)



@dataclass
class OpenedBundle:
    """A bundle file whose zip directory passed the sanity checks, and its manifest.json bytes (not yet
    authenticated; None when missing). :func:`verify_opened` checks the rest from the same open zip."""

    label: str
    archive: zipfile.ZipFile
    manifest_raw: bytes | None

    @property
    def manifest_sha256(self) -> str | None:
        return None if self.manifest_raw is None else hashlib.sha256(self.manifest_raw).hexdigest()

    def close(self) -> None:
        self.archive.close()


@contextlib.contextmanager
def rejecting(label: str) -> Iterator[None]:
    """Any failure while checking a bundle is a :class:`BundleError` with the reason: content that no check
    foresaw (a RecursionError, a MemoryError, a bug) rejects this bundle, not the batch (logged in full)."""
    try:
        yield
    except BundleError:
        raise
    except Exception as exc:
        raise check_failed(label, exc) from exc


def check_failed(label: str, exc: Exception) -> CheckFailed:
    """The rejection for an unexpected error while checking a bundle; the traceback goes to the log at INFO
    (into the program's log file, never onto a terminal: the reason is reported)."""
    log.info("checking %s failed unexpectedly", label, exc_info=exc)
    text = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return CheckFailed(f"{label}: the bundle could not be checked ({type(exc).__name__}"
                       f"{': ' + text if text else ''}); it is refused")


def open_bundle(path: str | Path, context: VerifyContext, label: str | None = None,
                read_manifest: bool = True) -> OpenedBundle:
    """Zip sanity (central directory), then manifest.json read once (if there is one and ``read_manifest``);
    the caller closes the result."""
    path = Path(path)
    label = label or path.name
    with rejecting(label):
        return _open_bundle(path, context, label, read_manifest)


def _open_bundle(path: Path, context: VerifyContext, label: str, read_manifest: bool) -> OpenedBundle:
    archive = zipcheck.open_zip(path, label, context.limits, allowed={MANIFEST, SIGNATURE, CERTIFICATE, PAYLOAD},
                                patterns=PLAIN_NAMES)
    try:
        raw = zipcheck.read_entry(archive, MANIFEST, label) if read_manifest and MANIFEST in archive.namelist() \
            else None
    except BaseException:
        archive.close()
        raise
    return OpenedBundle(label, archive, raw)


def verify_bundle(path: str | Path, context: VerifyContext, label: str | None = None) -> VerifiedBundle:
    """Every check of the module docstring; the caller closes the result."""
    return verify_opened(open_bundle(path, context, label, read_manifest=False), context)


def verify_opened(opened: OpenedBundle, context: VerifyContext) -> VerifiedBundle:
    """The checks after zip sanity (signature, trust, manifest, every file, ...) on an opened bundle, which
    this takes over: the result keeps its zip open, and it is closed if a check fails."""
    with rejecting(opened.label):
        return _verify_opened(opened, context)


def _verify_opened(opened: OpenedBundle, context: VerifyContext) -> VerifiedBundle:
    label, archive = opened.label, opened.archive
    try:
        signed = signed_manifest(archive, label, context, opened.manifest_raw)
    except BaseException:
        archive.close()
        raise
    outer_sha = None
    recipient = None
    try:
        if signed.data["encrypted"]:
            outer_sha = signed.sha256
            recipient = signed.data["encryption"]["recipient_fingerprint"]
            inner = _decrypt(archive, signed, label, context)
            archive.close()
            archive, inner_signed = open_signed(io.BytesIO(inner), label, context, {MANIFEST, SIGNATURE, CERTIFICATE},
                                                 PLAIN_NAMES)
            _same_bundle(signed, inner_signed, label)
            signed = inner_signed
        elif PAYLOAD in archive.namelist():
            raise TamperedFile(f"{label}: {PAYLOAD} is not listed in the signed manifest")
        return check_contents(archive, signed, label, context, outer_sha, recipient)
    except BaseException:
        archive.close()
        raise


def _decrypt(archive: zipfile.ZipFile, signed: SignedManifest, label: str, context: VerifyContext) -> bytes:
    data = _payload(archive, signed, label)
    recipient = signed.data["encryption"]["recipient_fingerprint"]
    if context.unlock is None:
        raise NeedsIdentity(
            f"{label}: the bundle is encrypted for the certificate {recipient[:16]}…; open it in the data directory "
            "holding that identity and give its passphrase (--passphrase-file)")
    try:
        unlocked = context.unlock()
    except NoIdentity as exc:
        raise EncryptedBundleError(
            f"{label}: the bundle is encrypted for the certificate {recipient[:16]}…, and this data directory has no "
            "identity to open it; import it in the data directory holding that identity") from exc
    except IdentityError as exc:
        raise EncryptedBundleError(f"{label}: the bundle is encrypted and this identity cannot be opened: {exc}") from exc
    if unlocked.fingerprint != recipient:
        raise EncryptedBundleError(
            f"{label}: the bundle is encrypted for another certificate ({recipient[:16]}…), not for this data "
            f"directory's identity ({unlocked.fingerprint[:16]}…)")
    try:
        return decrypt_with(unlocked, data)
    except IdentityError as exc:
        raise EncryptedBundleError(f"{label}: {exc}") from exc


def _payload(archive: zipfile.ZipFile, signed: SignedManifest, label: str) -> bytes:
    """An encrypted bundle's payload, exactly as signed (still encrypted)."""
    encryption = signed.data["encryption"]
    if encryption["scheme"] != ENCRYPTION_SCHEME:
        raise EncryptedBundleError(f"{label}: unknown encryption scheme {encryption['scheme']!r}")
    payload = encryption["payload"]
    if set(archive.namelist()) != {MANIFEST, SIGNATURE, CERTIFICATE, PAYLOAD}:
        raise TamperedFile(f"{label}: an encrypted bundle holds only manifest.json, manifest.sig, certificate.pem "
                           "and payload.enc")
    data = zipcheck.read_entry(archive, PAYLOAD, label)
    if len(data) != payload["size"] or hashlib.sha256(data).hexdigest() != payload["sha256"]:
        raise TamperedFile(f"{label}: payload.enc was changed after signing (its SHA-256 or size differs from the "
                           "signed manifest)")
    return data


def check_repeat(opened: OpenedBundle, context: VerifyContext) -> None:
    """Before a bundle whose signed manifest has a receipt is called a repeat: the file is exactly what was
    signed - signature, trust, manifest, every file it lists present with its signed SHA-256 and size and
    nothing else (an encrypted bundle: its payload). Records, sheets and instruments were checked on these
    same bytes when the bundle was imported. Raises the BundleError of the first difference; leaves the zip open."""
    label, archive = opened.label, opened.archive
    with rejecting(label):
        signed = signed_manifest(archive, label, context, opened.manifest_raw)
        if signed.data["encrypted"]:
            _payload(archive, signed, label)
            return
        if PAYLOAD in archive.namelist():
            raise TamperedFile(f"{label}: {PAYLOAD} is not listed in the signed manifest")
        listed = listed_files(signed.data, label)
        same_names(archive, listed, label)
        for path, (sha, size) in listed.items():
            if zipcheck.hash_entry(archive, path, label) != (sha, size):
                raise TamperedFile(f"{label}: {path} was changed after signing (its SHA-256 or size differs from the "
                                   "signed manifest)")


def _same_bundle(outer: SignedManifest, inner: SignedManifest, label: str) -> None:
    for key in ("bundle_id", "created_at"):
        if outer.data[key] != inner.data[key]:
            raise TamperedFile(f"{label}: the encrypted content belongs to another bundle ({key} differs)")
    if outer.fingerprint != inner.fingerprint:
        raise TamperedFile(f"{label}: the encrypted content was signed by another certificate than the bundle")
    if inner.data["encrypted"]:
        raise ManifestInvalid(f"{label}: the encrypted content is itself encrypted")


