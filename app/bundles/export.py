"""Write a result bundle (assessor side): the signed manifest, records, signed sheets, evidence.

What goes in: every *final* and *signed* version of this laptop's assessor (the profile) not yet
exported in that state — a version exported as final and signed since goes out again, now with its
sheet. ``everything=True`` exports them all again (always allowed: the coordinator's import is
idempotent). Drafts never leave the laptop. The bundle is written to a temporary file beside the
target and renamed into place; the private key is only used to sign the manifest and never
written anywhere.
"""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from sqlmodel import Session, col, select

from app import __version__
from app.base.atomic import atomic_open
from app.base.ids import short_id
from app.bundles.errors import BundleError, ExportFailed, NothingToExport
from app.bundles.format import (
    CERTIFICATE,
    ENCRYPTION_SCHEME,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    PAYLOAD,
    SIGNATURE,
    canonical_json,
    evidence_path,
    instrument_path,
    iso,
    manifest_json,
    record_path,
    sheet_path,
)
from app.bundles.record_document import chain_of, record_document
from app.identity import (
    IdentityError,
    certificate_fingerprint,
    encrypt_for,
    load_certificate,
    load_identity,
    sign_bytes,
    unlock,
)
from app.instruments import instrument_to_dict
from app.instruments.catalogue import load_instrument
from app.models.sync import BundleExport, ExportedVersion
from app.models.tables import Assessment, Assessor, Evidence, Round
from app.rounds import RoundError, resolve_round
from app.store import Store, sealed, settings

_FILE_MODE = 0o100644 << 16  # a regular file, rw-r--r--


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    versions: int
    signed: int
    final: int
    sheets: int
    evidence_files: int
    encrypted_for: str | None
    manifest_sha256: str
    size: int


def version_state(assessment: Assessment) -> str:
    return f"signed:{assessment.sheet_sha256}" if assessment.status == "signed" else str(assessment.status)


def export_bundle(store: Store, out: str | Path, *, passphrase: str | None = None, unlocked: Any = None,
                  round_ref: str | None = None, everything: bool = False, to_cert: Any = None,
                  version_ids: Collection[str] | None = None) -> ExportResult:
    """Write one bundle to ``out``; ``unlocked`` (or ``passphrase``, asked once by the caller) signs it.

    ``version_ids``: exactly these of the assessor's final and signed versions, exported or not (the outbox)."""
    out = Path(out)
    if out.is_dir():
        raise ExportFailed(f"{out} is a folder; give the bundle's file name, e.g. {out / 'hasil.nilai'}")
    if not out.parent.is_dir():
        raise ExportFailed(f"the folder {out.parent} does not exist")
    recipient = None
    if to_cert is not None:
        try:
            recipient = to_cert if hasattr(to_cert, "public_key") else load_certificate(to_cert)
        except IdentityError as exc:
            raise ExportFailed(f"--to: {exc}") from exc
    try:
        identity = load_identity(store.data_dir)
    except IdentityError as exc:
        raise ExportFailed(f"{exc} (nilai identity create ...); a bundle must be signed") from exc

    with store.transaction() as session:
        assessor, chosen, round_id = _select(session, round_ref, everything, version_ids)
        if identity.nip and assessor.nip and identity.nip != assessor.nip:
            raise ExportFailed(f"this laptop's assessor profile (NIP {assessor.nip}) and its identity "
                               f"(NIP {identity.nip}) are different people; fix the profile or the identity first")
        plan = _plan(session, store, chosen)
    if unlocked is None:
        if passphrase is None:
            raise ExportFailed("the passphrase of the identity is needed to sign the bundle")
        try:
            unlocked = unlock(store.data_dir, passphrase)
        except IdentityError as exc:
            raise ExportFailed(str(exc)) from exc

    bundle_id = str(uuid.uuid4())
    created_at = iso(datetime.now(UTC))
    header = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "bundle_id": bundle_id, "created_at": created_at,
        "program": {"name": "nilai", "version": __version__},
        "assessor": {"id": assessor.id, "name": assessor.name[:200], "nip": assessor.nip or identity.nip,
                     "organisation": assessor.organisation or identity.organisation,
                     "fingerprint": identity.fingerprint, "certificate": identity.cert_pem},
    }
    try:
        if recipient is None:
            with atomic_open(out) as handle:
                manifest_sha = _write_plain(handle, store, plan, header, unlocked)
        else:
            buffer = io.BytesIO()
            manifest_sha = _write_plain(buffer, store, plan, header, unlocked)
            _write_encrypted(out, buffer.getvalue(), header, recipient, unlocked)
    except BundleError:
        raise
    except OSError as exc:
        raise ExportFailed(f"could not write {out}: {exc.strerror or exc}; nothing was written") from exc

    recipient_fp = None
    if recipient is not None:
        recipient_fp = certificate_fingerprint(recipient)
    with store.transaction() as session:
        session.add(BundleExport(bundle_id=bundle_id, file_name=str(out)[:400], round_id=round_id,
                                 manifest_sha256=manifest_sha, recipient_fingerprint=recipient_fp,
                                 records=len(plan.versions)))
        session.flush()
        for item in plan.versions:
            session.add(ExportedVersion(bundle_id=bundle_id, version_id=item.assessment.version_id,
                                        state=version_state(item.assessment)))
    signed = sum(1 for item in plan.versions if item.assessment.status == "signed")
    return ExportResult(out, bundle_id, len(plan.versions), signed, len(plan.versions) - signed,
                        sum(1 for item in plan.versions if item.sheet), len(plan.evidence), recipient_fp,
                        manifest_sha, out.stat().st_size)


# -- what goes in -----------------------------------------------------------------------------


@dataclass
class _Item:
    assessment: Assessment
    document: dict[str, Any]
    sheet: Path | None


@dataclass
class _Plan:
    versions: list[_Item]
    rounds: list[Round]
    instruments: dict[str, bytes]  # content hash -> canonical definition
    evidence: dict[str, tuple[Path, int]]  # sha256 -> (file, size)


def _select(session: Session, round_ref: str | None, everything: bool,
            version_ids: Collection[str] | None = None) -> tuple[Assessor, list[Assessment], str | None]:
    profile_id = settings.get(session, settings.PROFILE)
    assessor = session.get(Assessor, profile_id) if profile_id else None
    if assessor is None:
        raise ExportFailed("this data directory has no assessor profile yet; there is nothing of yours to export")
    query = select(Assessment).where(Assessment.assessor_id == assessor.id,
                                     col(Assessment.status).in_(("final", "signed")))
    round_id = None
    if round_ref is not None:
        try:
            round_id = resolve_round(session, round_ref).id
        except RoundError as exc:
            raise ExportFailed(str(exc)) from exc
        query = query.where(Assessment.round_id == round_id)
    if version_ids is not None:
        query = query.where(col(Assessment.version_id).in_(list(version_ids)))
        everything = True
    versions = list(session.exec(query.order_by(col(Assessment.record_id), col(Assessment.created_at))))
    if not everything:
        done = {(v, s) for v, s in session.exec(select(ExportedVersion.version_id, ExportedVersion.state))}
        versions = [a for a in versions if (a.version_id, version_state(a)) not in done]
    if not versions:
        raise NothingToExport("nothing new to export: every final and signed assessment is in an earlier bundle "
                              "(use --all to export everything again)")
    return assessor, versions, round_id


def _plan(session: Session, store: Store, versions: list[Assessment]) -> _Plan:
    chains: dict[str, list] = {}
    items = []
    for assessment in versions:
        chain = chains.get(assessment.record_id)
        if chain is None:
            chain = chains[assessment.record_id] = chain_of(session, assessment.record_id)
        sheet = None
        if assessment.status == "signed":
            if not assessment.sheet_path or not assessment.sheet_sha256:
                raise ExportFailed(f"version {short_id(assessment.version_id)} is marked signed but has no sheet file; "
                                   "run nilai sheets export again")
            sheet = store.data_dir / assessment.sheet_path
        items.append(_Item(assessment, record_document(session, assessment, chain), sheet))
    round_ids = sorted({a.round_id for a in versions})
    rounds = [session.get(Round, rid) for rid in round_ids]
    instruments = {}
    for h in sorted({a.instrument_hash for a in versions}):
        instruments[h] = canonical_json(instrument_to_dict(load_instrument(session, h)))
    evidence: dict[str, tuple[Path, int]] = {}
    ids = [a.version_id for a in versions]
    for row in session.exec(select(Evidence).where(col(Evidence.version_id).in_(ids))):
        evidence[row.sha256] = (store.data_dir / row.stored_path, row.size)
    return _Plan(items, [r for r in rounds if r is not None], instruments, evidence)


# -- writing ----------------------------------------------------------------------------------


def _info(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
    info.external_attr = _FILE_MODE
    info.compress_type = compress
    return info


def _put(archive: zipfile.ZipFile, name: str, data: bytes, compress: int = zipfile.ZIP_DEFLATED) -> dict[str, Any]:
    archive.writestr(_info(name, compress), data)
    return {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def _put_file(archive: zipfile.ZipFile, name: str, source: Path, expected_sha: str, what: str) -> dict[str, Any]:
    digest = hashlib.sha256()
    size = 0
    try:
        with archive.open(_info(name, zipfile.ZIP_STORED), "w") as dest:
            for chunk in sealed.chunks(source):  # evidence of an encrypted store is unsealed here
                digest.update(chunk)
                size += len(chunk)
                dest.write(chunk)
    except FileNotFoundError as exc:
        raise ExportFailed(f"{what} is missing from the data directory ({source}); run nilai check") from exc
    if digest.hexdigest() != expected_sha:
        raise ExportFailed(f"{what} ({source}) was changed since it was recorded; run nilai check. Nothing was written")
    return {"path": name, "sha256": expected_sha, "size": size}


def _write_plain(handle: IO[bytes], store: Store, plan: _Plan, header: dict[str, Any], unlocked: Any) -> str:
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        instruments = []
        for content_hash, data in plan.instruments.items():
            entry = _put(archive, instrument_path(content_hash), data)
            definition_id, version = _instrument_names(data)
            instruments.append({"id": definition_id, "version": version, "content_hash": content_hash, **entry})
        written_evidence: dict[str, dict[str, Any]] = {}
        records = []
        for item in plan.versions:
            a = item.assessment
            files = [{"kind": "record", **_put(archive, record_path(a.version_id), canonical_json(item.document))}]
            if item.sheet is not None:
                files.append({"kind": "sheet", **_put_file(archive, sheet_path(a.version_id), item.sheet,
                                                           a.sheet_sha256 or "", f"the signed sheet of {short_id(a.version_id)}")})
            for sha in sorted({e["sha256"] for e in item.document["evidence"]}):
                if sha not in written_evidence:
                    source, _size = plan.evidence[sha]
                    written_evidence[sha] = _put_file(archive, evidence_path(sha), source, sha,
                                                      f"evidence file {sha[:12]}")
                files.append({"kind": "evidence", **written_evidence[sha]})
            definition_id, version = _instrument_names(plan.instruments[a.instrument_hash])
            records.append({
                "record_id": a.record_id, "version_id": a.version_id, "previous_version_id": a.previous_version_id,
                "status": str(a.status), "signed": a.status == "signed", "round_id": a.round_id,
                "region_code": a.region_code,
                "instrument": {"id": definition_id, "version": version, "content_hash": a.instrument_hash},
                "files": files,
            })
        manifest = {
            **header,
            "encrypted": False,
            "rounds": [{"id": r.id, "name": r.name[:200], "programme": r.programme[:200], "instrument_hash": r.instrument_hash,
                        "starts_on": r.starts_on.isoformat() if r.starts_on else None,
                        "ends_on": r.ends_on.isoformat() if r.ends_on else None} for r in plan.rounds],
            "instruments": instruments,
            "records": records,
        }
        raw = manifest_json(manifest)
        archive.writestr(_info(MANIFEST, zipfile.ZIP_DEFLATED), raw)
        archive.writestr(_info(SIGNATURE, zipfile.ZIP_STORED), sign_bytes(unlocked, raw))
        archive.writestr(_info(CERTIFICATE, zipfile.ZIP_STORED), header["assessor"]["certificate"].encode("ascii"))
    return hashlib.sha256(raw).hexdigest()


def _instrument_names(definition: bytes) -> tuple[str, str]:
    import json

    data = json.loads(definition)
    return data["id"], data["version"]


def _write_encrypted(out: Path, inner: bytes, header: dict[str, Any], recipient: Any, unlocked: Any) -> None:
    try:
        payload = encrypt_for(recipient, inner)
    except IdentityError as exc:
        raise ExportFailed(f"--to: {exc}") from exc
    manifest = {
        **header,
        "encrypted": True,
        "encryption": {"scheme": ENCRYPTION_SCHEME, "recipient_fingerprint": certificate_fingerprint(recipient),
                       "payload": {"path": PAYLOAD, "sha256": hashlib.sha256(payload).hexdigest(), "size": len(payload)}},
    }
    raw = manifest_json(manifest)
    with atomic_open(out) as handle, zipfile.ZipFile(handle, "w") as archive:
        archive.writestr(_info(MANIFEST, zipfile.ZIP_DEFLATED), raw)
        archive.writestr(_info(SIGNATURE, zipfile.ZIP_STORED), sign_bytes(unlocked, raw))
        archive.writestr(_info(CERTIFICATE, zipfile.ZIP_STORED), header["assessor"]["certificate"].encode("ascii"))
        archive.writestr(_info(PAYLOAD, zipfile.ZIP_STORED), payload)


def default_name(assessor_name: str) -> str:
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    slug = "".join(ch if ch.isalnum() else "-" for ch in assessor_name.lower()).strip("-") or "penilai"
    return f"{slug}-{stamp}.nilai"


__all__ = ["ExportResult", "default_name", "export_bundle", "version_state"]
