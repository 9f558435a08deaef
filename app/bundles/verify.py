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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path
from typing import Any

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from app import regions
from app.bundles import zipcheck
from app.bundles.errors import (
    BundleError,
    CheckFailed,
    EncryptedBundleError,
    InstrumentMismatch,
    ManifestInvalid,
    NeedsIdentity,
    RecordInvalid,
    SignatureInvalid,
    TamperedFile,
    UnsafeBundle,
    UnsupportedFormat,
    UntrustedCertificate,
)
from app.bundles.format import (
    CERTIFICATE,
    DEFAULT_LIMITS,
    ENCRYPTION_SCHEME,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    PAYLOAD,
    PLAIN_NAMES,
    SIGNATURE,
    Limits,
    evidence_path,
    instrument_path,
    record_path,
    sheet_path,
    strict_json_loads,
)
from app.bundles.manifest import ParsedRecord, datetime_time, parse_record
from app.bundles.manifest_check import manifest_problem
from app.bundles.schema import manifest_validator
from app.bundles.trust import CertInfo, cert_info, how_to_trust, renewal_or_impostor, same_person
from app.identity import (
    IdentityError,
    NoIdentity,
    certificate_fingerprint,
    decrypt_with,
    load_certificate,
    verify_bytes,
)
from app.instruments import InstrumentError, parse_instrument
from app.models.domain import Instrument

log = logging.getLogger(__name__)


@dataclass
class VerifyContext:
    """What the checks need to know about the receiving store (read before, nothing written)."""

    trusted: dict[str, CertInfo] = field(default_factory=dict)
    known_instruments: dict[str, Instrument] = field(default_factory=dict)  # content hash -> instrument
    round_instruments: dict[str, str] = field(default_factory=dict)  # round id -> instrument hash
    unlock: Callable[[], Any] | None = None  # -> UnlockedIdentity, for encrypted bundles
    limits: Limits = DEFAULT_LIMITS
    check_sheet_signatures: bool = True
    time_value: Callable[[str], Any] = datetime_time  # how record times become column values
    checked_instrument_files: dict[str, tuple[dict[str, Any], Instrument]] = field(default_factory=dict)  # by sha256
    settled: set[tuple[str, ...]] = field(default_factory=set)  # facts the importer committed during this batch
    generation: int = 0  # raised whenever the importer adds a trusted certificate, an instrument or a round


@dataclass
class SignedManifest:
    data: dict[str, Any]
    raw: bytes
    sha256: str
    fingerprint: str
    certificate_pem: str


@dataclass
class VerifiedBundle:
    label: str
    manifest: dict[str, Any]
    manifest_sha256: str
    outer_sha256: str | None
    fingerprint: str
    certificate_pem: str
    recipient_fingerprint: str | None
    records: list[ParsedRecord]
    instruments: dict[str, tuple[dict[str, Any], Instrument]]  # carried: hash -> (definition, parsed)
    sheets: dict[str, str]  # version id -> path in the zip
    evidence: dict[str, str]  # sha256 -> path in the zip
    archive: zipfile.ZipFile | None  # None once detached (sent from a helper process)

    @property
    def bundle_id(self) -> str:
        return self.manifest["bundle_id"]

    @property
    def assessor(self) -> dict[str, Any]:
        return self.manifest["assessor"]

    @property
    def encrypted(self) -> bool:
        return self.outer_sha256 is not None

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()

    def detached(self) -> VerifiedBundle:
        """The checked content without the open zip (to pass to another process)."""
        return replace(self, archive=None)

    def reattach(self, path: str | Path, context: VerifyContext) -> VerifiedBundle:
        """Open the (plain) bundle again to copy its files; every copied file is re-hashed against the manifest."""
        archive = zipcheck.open_zip(path, self.label, context.limits, allowed={MANIFEST, SIGNATURE, CERTIFICATE},
                                    patterns=PLAIN_NAMES)
        return replace(self, archive=archive)

    def __enter__(self) -> VerifiedBundle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- the signed manifest ----------------------------------------------------------------------


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
        return archive, _signed_manifest(archive, label, context)
    except BaseException:
        archive.close()
        raise


def _signed_manifest(archive: zipfile.ZipFile, label: str, context: VerifyContext,
                     raw: bytes | None = None) -> SignedManifest:
    raw, fingerprint, cert_pem = check_signature(archive, label, raw)
    check_trust(fingerprint, cert_pem, label, context)
    manifest = read_manifest(raw, label, fingerprint, context.limits)
    return SignedManifest(manifest, raw, hashlib.sha256(raw).hexdigest(), fingerprint,
                          manifest["assessor"]["certificate"])


# -- the whole bundle -------------------------------------------------------------------------


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
        signed = _signed_manifest(archive, label, context, opened.manifest_raw)
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
        return _check_contents(archive, signed, label, context, outer_sha, recipient)
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
        signed = _signed_manifest(archive, label, context, opened.manifest_raw)
        if signed.data["encrypted"]:
            _payload(archive, signed, label)
            return
        if PAYLOAD in archive.namelist():
            raise TamperedFile(f"{label}: {PAYLOAD} is not listed in the signed manifest")
        listed = _listed_files(signed.data, label)
        _same_names(archive, listed, label)
        for path, (sha, size) in listed.items():
            if zipcheck.hash_entry(archive, path, label) != (sha, size):
                raise TamperedFile(f"{label}: {path} was changed after signing (its SHA-256 or size differs from the "
                                   "signed manifest)")


def _same_names(archive: zipfile.ZipFile, listed: dict[str, tuple[str, int]], label: str) -> None:
    """The files of a plain bundle are exactly those its manifest lists."""
    present = set(archive.namelist()) - {MANIFEST, SIGNATURE, CERTIFICATE}
    missing = sorted(set(listed) - present)
    if missing:
        raise TamperedFile(f"{label}: {missing[0]} is listed in the signed manifest but missing from the bundle "
                           f"({len(missing)} missing)")
    extra = sorted(present - set(listed))
    if extra:
        raise TamperedFile(f"{label}: {extra[0]} is in the bundle but not in the signed manifest")


def _same_bundle(outer: SignedManifest, inner: SignedManifest, label: str) -> None:
    for key in ("bundle_id", "created_at"):
        if outer.data[key] != inner.data[key]:
            raise TamperedFile(f"{label}: the encrypted content belongs to another bundle ({key} differs)")
    if outer.fingerprint != inner.fingerprint:
        raise TamperedFile(f"{label}: the encrypted content was signed by another certificate than the bundle")
    if inner.data["encrypted"]:
        raise ManifestInvalid(f"{label}: the encrypted content is itself encrypted")


def _check_contents(archive: zipfile.ZipFile, signed: SignedManifest, label: str, context: VerifyContext,
                    outer_sha: str | None, recipient: str | None) -> VerifiedBundle:
    manifest = signed.data
    if manifest["encrypted"]:
        raise ManifestInvalid(f"{label}: an encrypted manifest inside a plain bundle")
    listed = _listed_files(manifest, label)
    _same_names(archive, listed, label)

    instruments = _check_instruments(archive, manifest, listed, label, context)
    rounds = {r["id"]: r for r in manifest["rounds"]}
    records: list[ParsedRecord] = []
    sheets: dict[str, str] = {}
    evidence: dict[str, str] = {}
    hashed: set[str] = set()
    for entry in manifest["records"]:
        parsed, sheet = _check_record(archive, entry, listed, manifest, rounds, label, context)
        records.append(parsed)
        hashed.add(parsed.path)
        if sheet:
            sheets[parsed.version_id] = sheet
        for sha in parsed.evidence_shas:
            evidence[sha] = evidence_path(sha)
    for path, (sha, size) in listed.items():
        if path in hashed or path.startswith("instruments/"):
            continue
        got_sha, got_size = zipcheck.hash_entry(archive, path, label)
        if (got_sha, got_size) != (sha, size):
            raise TamperedFile(f"{label}: {path} was changed after signing (its SHA-256 or size differs from the "
                               "signed manifest)")
    cert_pem = signed.certificate_pem
    if context.check_sheet_signatures:
        for version_id, path in sheets.items():
            _check_sheet(archive, path, version_id, signed.fingerprint, cert_pem, label)
    indicator_maps: dict[str, tuple[dict[str, frozenset[int]], frozenset[tuple[str, int | None]]]] = {}
    for parsed in records:
        known = parsed.instrument_hash in context.known_instruments
        if not known and parsed.instrument_hash not in instruments:
            raise InstrumentMismatch(f"{label}: version {parsed.version_id[:8]} was scored under instrument "
                                     f"{parsed.instrument_hash[:12]}, which this store does not know and the bundle "
                                     "does not carry")
        round_instrument = context.round_instruments.get(parsed.round_id)
        if round_instrument is not None and round_instrument != parsed.instrument_hash:
            raise InstrumentMismatch(
                f"{label}: version {parsed.version_id[:8]} was scored under instrument {parsed.instrument_hash[:12]}, "
                f"but round {rounds[parsed.round_id]['name']!r} here uses {round_instrument[:12]}: "
                "the definitions differ, so the scores cannot be compared; ask the assessor which round package they used")
        instrument = (instruments[parsed.instrument_hash][1] if parsed.instrument_hash in instruments
                      else context.known_instruments[parsed.instrument_hash])
        maps = indicator_maps.get(instrument.content_hash)
        if maps is None:
            levels_of = {ind.code: frozenset(lv.level for lv in ind.levels) for ind in instrument.indicators()}
            allowed = frozenset([(code, None) for code in levels_of]
                                + [(code, level) for code, levels in levels_of.items() for level in levels])
            maps = indicator_maps[instrument.content_hash] = (levels_of, allowed)
        _check_scores(parsed, instrument, maps[0], label, maps[1])
    return VerifiedBundle(label=label, manifest=manifest, manifest_sha256=signed.sha256, outer_sha256=outer_sha,
                          fingerprint=signed.fingerprint, certificate_pem=cert_pem, recipient_fingerprint=recipient,
                          records=records, instruments=instruments, sheets=sheets, evidence=evidence, archive=archive)


def _listed_files(manifest: dict[str, Any], label: str) -> dict[str, tuple[str, int]]:
    listed: dict[str, tuple[str, int]] = {}

    def add(path: str, sha: str, size: int) -> None:
        if path in listed and listed[path] != (sha, size):
            raise ManifestInvalid(f"{label}: the manifest lists {path} twice with different hashes")
        listed[path] = (sha, size)

    for inst in manifest["instruments"]:
        if inst["path"] != instrument_path(inst["content_hash"]):
            raise ManifestInvalid(f"{label}: instrument {inst['id']} is filed under the wrong name")
        add(inst["path"], inst["sha256"], inst["size"])
    seen: set[str] = set()
    for rec in manifest["records"]:
        version_id = rec["version_id"]
        if version_id in seen:
            raise ManifestInvalid(f"{label}: version {version_id} is listed twice")
        seen.add(version_id)
        kinds = [f["kind"] for f in rec["files"]]
        if kinds.count("record") != 1 or kinds.count("sheet") > 1:
            raise ManifestInvalid(f"{label}: version {version_id[:8]} must list one record file and at most one sheet")
        if rec["signed"] != (rec["status"] == "signed") or rec["signed"] != ("sheet" in kinds):
            raise ManifestInvalid(f"{label}: version {version_id[:8]}: a signed version carries its sheet, "
                                  "and only a signed one")
        for f in rec["files"]:
            expected = {"record": record_path(version_id), "sheet": sheet_path(version_id)}.get(f["kind"])
            if f["kind"] == "evidence":
                expected = evidence_path(f["sha256"])
            if f["path"] != expected:
                raise ManifestInvalid(f"{label}: version {version_id[:8]} lists {f['path']} under the wrong name")
            add(f["path"], f["sha256"], f["size"])
    return listed


def _check_instruments(archive: zipfile.ZipFile, manifest: dict[str, Any], listed: dict[str, tuple[str, int]],
                       label: str, context: VerifyContext) -> dict[str, tuple[dict[str, Any], Instrument]]:
    carried: dict[str, tuple[dict[str, Any], Instrument]] = {}
    for inst in manifest["instruments"]:
        data = zipcheck.read_entry(archive, inst["path"], label)
        file_sha = hashlib.sha256(data).hexdigest()
        if (file_sha, len(data)) != listed[inst["path"]]:
            raise TamperedFile(f"{label}: {inst['path']} was changed after signing (its SHA-256 or size differs from "
                               "the signed manifest)")
        seen = context.checked_instrument_files.get(file_sha)
        if seen is not None and seen[1].content_hash == inst["content_hash"] \
                and (seen[1].id, seen[1].version) == (inst["id"], inst["version"]):
            carried[inst["content_hash"]] = seen  # the very same bytes were rebuilt and checked before
            continue
        try:
            definition = strict_json_loads(data, inst["path"], context.limits.max_json_depth)
            instrument = parse_instrument(definition, source=f"{label}:{inst['path']}")
        except (ValueError, UnicodeDecodeError, InstrumentError) as exc:
            raise InstrumentMismatch(f"{label}: the instrument {inst['id']} it carries is not a valid definition: "
                                     f"{str(exc)[:300]}") from exc
        if instrument.content_hash != inst["content_hash"]:
            raise InstrumentMismatch(f"{label}: the instrument {inst['id']} {inst['version']} it carries hashes to "
                                     f"{instrument.content_hash[:12]}, not {inst['content_hash'][:12]} as declared")
        if (instrument.id, instrument.version) != (inst["id"], inst["version"]):
            raise InstrumentMismatch(f"{label}: the instrument filed as {inst['id']} {inst['version']} is "
                                     f"{instrument.id} {instrument.version}")
        carried[instrument.content_hash] = (definition, instrument)
        context.checked_instrument_files[file_sha] = (definition, instrument)
    return carried


def _check_record(archive: zipfile.ZipFile, entry: dict[str, Any], listed: dict[str, tuple[str, int]],
                  manifest: dict[str, Any], rounds: dict[str, Any], label: str,
                  context: VerifyContext) -> tuple[ParsedRecord, str | None]:
    version_id = entry["version_id"]
    path = record_path(version_id)
    data = zipcheck.read_entry(archive, path, label)
    sha = hashlib.sha256(data).hexdigest()
    if (sha, len(data)) != listed[path]:
        raise TamperedFile(f"{label}: {path} was changed after signing (its SHA-256 or size differs from the signed "
                           "manifest)")
    parsed = parse_record(data, path, sha, label, context.time_value, context.limits)
    where = f"{label}: {path}"
    pairs = (("record_id", parsed.record_id), ("version_id", parsed.version_id),
             ("previous_version_id", parsed.previous_version_id), ("status", parsed.status),
             ("round_id", parsed.round_id), ("region_code", parsed.region_code))
    for key, value in pairs:
        if entry[key] != value:
            raise RecordInvalid(f"{where}: {key} disagrees with the manifest")
    if entry["instrument"]["content_hash"] != parsed.instrument_hash:
        raise RecordInvalid(f"{where}: the instrument disagrees with the manifest")
    if parsed.assessor_id != manifest["assessor"]["id"]:
        raise RecordInvalid(f"{where}: the assessment belongs to another assessor than the one who signed the bundle")
    round_info = rounds.get(parsed.round_id)
    if round_info is None:
        raise RecordInvalid(f"{where}: its round is not described in the manifest")
    if round_info["instrument_hash"] != parsed.instrument_hash:
        raise InstrumentMismatch(f"{where}: scored under another instrument than its round's")
    try:
        regions.region(parsed.region_code)
    except LookupError as exc:
        raise RecordInvalid(f"{where}: {exc}") from exc
    files = {f["kind"]: f for f in entry["files"] if f["kind"] != "evidence"}
    listed_evidence = {f["sha256"]: f["size"] for f in entry["files"] if f["kind"] == "evidence"}
    if set(listed_evidence) != parsed.evidence_shas:
        raise RecordInvalid(f"{where}: the evidence files it cites differ from those the manifest lists for it")
    for row in parsed.evidence_rows:
        if listed_evidence[row["sha256"]] != row["size"]:
            raise RecordInvalid(f"{where}: evidence {row['file_name']!r} has another size than its file")
    sheet = files.get("sheet")
    if sheet is not None and sheet["sha256"] != parsed.sheet_sha256:
        raise TamperedFile(f"{where}: the sheet in the bundle is not the one this version was signed with (swapped sheet)")
    return parsed, sheet["path"] if sheet else None


def _check_sheet(archive: zipfile.ZipFile, path: str, version_id: str, fingerprint: str, cert_pem: str,
                 label: str) -> None:
    from app.sheets.signing import verify_pdf  # deferred: pyHanko only when a bundle carries a signed sheet

    result = verify_pdf(zipcheck.read_entry(archive, path, label), trusted=[cert_pem.encode("ascii")])
    if not result.valid:
        raise TamperedFile(f"{label}: the sheet of version {version_id[:8]} is not intact: "
                           f"{'; '.join(result.problems) or 'invalid signature'}")
    if result.fingerprint != fingerprint:
        raise TamperedFile(f"{label}: the sheet of version {version_id[:8]} was signed by another certificate "
                           f"({(result.fingerprint or '?')[:16]}…) than the bundle (swapped sheet)")


_CODE_AND_LEVEL = itemgetter(1, 2)  # of a score row (SCORE_COLUMNS order)


def _check_scores(parsed: ParsedRecord, instrument: Instrument, levels_of: dict[str, frozenset[int]],
                  label: str, allowed: frozenset[tuple[str, int | None]] | None = None) -> None:
    """Every score names an indicator of the instrument and one of its rubric levels.

    ``allowed``: every (indicator code, level) the instrument has, and (code, None) for each code; when
    all the rows' pairs are among them there is nothing to report (the loop below says what is wrong)."""
    if allowed is not None and allowed.issuperset(map(_CODE_AND_LEVEL, parsed.score_rows)) \
            and all(row["indicator_code"] in levels_of for row in parsed.evidence_rows):
        return
    for _version, code, level, *_rest in parsed.score_rows:
        levels = levels_of.get(code)
        if levels is None:
            raise RecordInvalid(f"{label}: {parsed.path}: indicator {code} is not part of instrument "
                                f"{instrument.id} {instrument.version}")
        if level is not None and level not in levels:
            raise RecordInvalid(f"{label}: {parsed.path}: level {level} is not a rubric level of {code}")
    for row in parsed.evidence_rows:
        if row["indicator_code"] not in levels_of:
            raise RecordInvalid(f"{label}: {parsed.path}: evidence cites unknown indicator {row['indicator_code']}")
