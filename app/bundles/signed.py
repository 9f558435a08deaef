"""The signed manifest: the signature over manifest.json's exact bytes, the certificate's trust, then
the manifest itself (strict JSON, format version, schema, limits, signer).
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from app.bundles import zipcheck
from app.bundles.errors import (
    ManifestInvalid,
    SignatureInvalid,
    UnsafeBundle,
    UnsupportedFormat,
    UntrustedCertificate,
)
from app.bundles.format import (
    CERTIFICATE,
    DEFAULT_LIMITS,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    SIGNATURE,
    Limits,
    strict_json_loads,
)
from app.bundles.manifest_check import manifest_problem
from app.bundles.schema import manifest_validator
from app.bundles.trust import cert_info, how_to_trust, renewal_or_impostor, same_person
from app.bundles.verified import VerifyContext
from app.identity import (
    IdentityError,
    certificate_fingerprint,
    load_certificate,
    verify_bytes,
)


@dataclass
class SignedManifest:
    data: dict[str, Any]
    raw: bytes
    sha256: str
    fingerprint: str
    certificate_pem: str




_VALIDATOR = None


def _validator():
    global _VALIDATOR
    if _VALIDATOR is None:
        _VALIDATOR = manifest_validator()
    return _VALIDATOR


def check_signature(archive: zipfile.ZipFile, label: str, raw: bytes | None = None) -> tuple[bytes, str, str]:
    """Authenticate manifest.json before parsing it: (its bytes, certificate fingerprint, certificate PEM).

    ``raw``: manifest.json as already read from this archive (it is not read twice)."""
    names = set(archive.namelist())
    if MANIFEST not in names:
        raise ManifestInvalid(f"{label}: manifest.json is missing; this is not a Nilai bundle")
    if SIGNATURE not in names or CERTIFICATE not in names:
        raise SignatureInvalid(f"{label}: manifest.sig or certificate.pem is missing; the bundle is not signed")
    if raw is None:
        raw = zipcheck.read_entry(archive, MANIFEST, label)
    signature = zipcheck.read_entry(archive, SIGNATURE, label)
    try:
        cert = load_certificate(zipcheck.read_entry(archive, CERTIFICATE, label))
    except IdentityError as exc:
        raise SignatureInvalid(f"{label}: certificate.pem is not a readable certificate") from exc
    fingerprint = certificate_fingerprint(cert)
    try:
        cert.public_key()
    except (UnsupportedAlgorithm, ValueError) as exc:  # e.g. a damaged key algorithm identifier
        raise SignatureInvalid(f"{label}: certificate.pem holds a key this Nilai cannot use ({fingerprint[:16]}…); "
                               "the bundle cannot be authenticated", fingerprint=fingerprint) from exc
    if not verify_bytes(cert, raw, signature):
        raise SignatureInvalid(
            f"{label}: the manifest signature is not valid for the certificate it names ({fingerprint[:16]}…): "
            "the manifest was changed after signing, or signed with another key (forged)", fingerprint=fingerprint)
    return raw, fingerprint, cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def check_trust(fingerprint: str, cert_pem: str, label: str, context: VerifyContext) -> None:
    if fingerprint not in context.trusted:
        info = cert_info(cert_pem.encode("ascii"))
        known = same_person(context.trusted.values(), info)
        text = renewal_or_impostor(fingerprint, info, known.fingerprint) if known else how_to_trust(fingerprint, info.name)
        raise UntrustedCertificate(f"{label}: {text}", fingerprint=fingerprint)


def read_manifest(raw: bytes, label: str, fingerprint: str, limits: Limits = DEFAULT_LIMITS) -> dict[str, Any]:
    """Parse and check the (already authenticated) manifest; its assessor must be the signer."""
    try:
        data = strict_json_loads(raw, "manifest.json", limits.max_json_depth)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ManifestInvalid(f"{label}: manifest.json is not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise ManifestInvalid(f"{label}: manifest.json is not a JSON object")
    if data.get("format") != FORMAT:
        raise ManifestInvalid(f"{label}: manifest.json is not a Nilai bundle manifest (format {data.get('format')!r})")
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        newer = isinstance(version, int) and version > FORMAT_VERSION
        raise UnsupportedFormat(
            f"{label}: bundle format version {version!r} " + ("is newer than this Nilai reads; install the newer Nilai"
                                                            if newer else f"is not supported (this Nilai reads {FORMAT_VERSION})"))
    _within_limits(data, label, limits)  # first: a clearer reason than the schema's for a count past a limit
    problem = manifest_problem(data)
    if problem:
        errors = list(_validator().iter_errors(data))
        if errors:
            best = _best_error(errors)
            where = "/".join(str(p) for p in best.absolute_path) or "(top)"
            problem = f"{where}: {best.message[:200]}"
        raise ManifestInvalid(f"{label}: manifest.json does not follow the bundle format at {problem}")
    assessor = data["assessor"]
    try:
        named = certificate_fingerprint(load_certificate(assessor["certificate"].encode("ascii")))
    except (IdentityError, UnicodeEncodeError) as exc:
        raise SignatureInvalid(f"{label}: the assessor certificate in the manifest cannot be read") from exc
    if named != fingerprint or assessor["fingerprint"] != fingerprint:
        raise SignatureInvalid(f"{label}: the manifest names another certificate than the one that signed it")
    cert = load_certificate(assessor["certificate"].encode("ascii"))
    serials = cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    cert_nip = str(serials[0].value) if serials else None
    if cert_nip is not None and assessor["nip"] and cert_nip != assessor["nip"]:
        raise SignatureInvalid(f"{label}: the manifest names NIP {assessor['nip']}, its certificate NIP {cert_nip}")
    return data


def _within_limits(manifest: dict[str, Any], label: str, limits: Limits) -> None:
    """The counts a manifest controls, against this reader's limits (whatever else is wrong with it)."""

    def listed(value: Any) -> list:
        return value if type(value) is list else []

    records = listed(manifest.get("records"))
    files = max((len(listed(r.get("files"))) for r in records if type(r) is dict), default=0)
    counts = (("versions", len(records), limits.max_versions),
              ("rounds", len(listed(manifest.get("rounds"))), limits.max_rounds),
              ("instruments", len(listed(manifest.get("instruments"))), limits.max_instruments),
              ("files for one version", files, limits.max_files_per_version))
    for what, count, limit in counts:
        if count > limit:
            raise UnsafeBundle(f"{label}: refused, the manifest lists {count} {what}, more than the {limit} allowed")


def _best_error(errors: list) -> Any:
    from jsonschema.exceptions import best_match  # deferred: slow to import, only for a bad manifest

    return best_match(errors)


def open_signed(source: str | Path | io.BytesIO, label: str, context: VerifyContext,
                allowed: set[str], patterns: tuple) -> tuple[zipfile.ZipFile, SignedManifest]:
    """Zip sanity, then the signature over the manifest's bytes, then trust, then the manifest itself."""
    archive = zipcheck.open_zip(source, label, context.limits, allowed=allowed, patterns=patterns)
    try:
        return archive, signed_manifest(archive, label, context)
    except BaseException:
        archive.close()
        raise


def signed_manifest(archive: zipfile.ZipFile, label: str, context: VerifyContext,
                     raw: bytes | None = None) -> SignedManifest:
    raw, fingerprint, cert_pem = check_signature(archive, label, raw)
    check_trust(fingerprint, cert_pem, label, context)
    manifest = read_manifest(raw, label, fingerprint, context.limits)
    return SignedManifest(manifest, raw, hashlib.sha256(raw).hexdigest(), fingerprint,
                          manifest["assessor"]["certificate"])
