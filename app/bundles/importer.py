"""Take verified bundles into a store (coordinator side): idempotent, all-or-nothing per bundle.

Merge rules, keyed on (record id, version id), the version's ancestry coming from its change log:

* the same version again, byte for byte → ``already_present`` (nothing written);
* the same version, same content, now signed → ``updated`` (status, sheet, signing entries added);
* the same version id with different content → ``conflict``: the second content is kept whole as a
  :class:`~app.models.sync.VersionVariant`, the record flagged ``in_conflict``;
* a new version whose ancestry contains the record's current version → ``fast_forwarded``: it
  becomes current, the old one stays as history;
* a version that is an ancestor of one already here → ``already_superseded``: kept as history;
* anything else (two versions branching from the same parent) → ``conflict``: both kept, the
  first one stays current, the record flagged until :func:`~app.bundles.conflicts.resolve_conflict`.

Nothing is ever overwritten, duplicated or skipped silently. A bundle's rows go in through
SQLAlchemy Core bulk inserts in ONE transaction; a bundle that fails any check or any write is
rejected whole, with its reason, and the next bundle of the batch still imports. A receipt (the
signed manifest's SHA-256) makes a bundle seen before a fast no-op.

Unknown rounds are created from the bundle (the round id, name, dates and instrument it carries),
and candidates added as needed, so a coordinator can rebuild a store from bundles alone; the report
notes each one. An assessor unknown here is added from the bundle's signed manifest and
certificate; an assessor known with another certificate or another NIP is refused.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Column, DateTime, Integer, MetaData, String, Table, bindparam, insert, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.bundles import report as R
from app.bundles import zipcheck
from app.bundles.errors import BundleError, ImportRefused, InstrumentMismatch
from app.bundles.format import CERTIFICATE, DEFAULT_LIMITS, MANIFEST, PAYLOAD, PLAIN_NAMES, SIGNATURE, Limits
from app.bundles.manifest import SCORE_COLUMNS, ParsedRecord
from app.bundles.trust import CertInfo, cert_info, remember, trusted_in
from app.bundles.verify import VerifiedBundle, VerifyContext, verify_bundle
from app.models.sync import BranchChangeLog, BundleReceipt, ImportedVersion, RecordConflict, VersionVariant
from app.models.tables import (
    Assessment,
    Assessor,
    Candidate,
    ChangeLogEntry,
    Evidence,
    InstrumentRow,
    Round,
    Score,
    utcnow,
)
from app.store import Store

_IN_CHUNK = 400  # ids per IN (...) query


# -- public API -------------------------------------------------------------------------------


def import_bundles(store: Store, paths: Iterable[str | Path], *, extra_trust: dict[str, CertInfo] | None = None,
                   unlock: Callable[[], Any] | None = None, limits: Limits = DEFAULT_LIMITS,
                   progress: Callable[[R.BundleReport], None] | None = None, bulk: str = "tuples",
                   workers: int | None = None) -> R.ImportReport:
    """Import every bundle; one bad bundle is rejected with its reason and the others still import.

    ``workers``: helper processes that check bundles ahead (None: one on a multi-core machine for
    batches of eight bundles or more, or ``NILAI_IMPORT_WORKERS``); 0 checks everything here."""
    from app.bundles import pipeline

    report = R.ImportReport()
    paths = [Path(p) for p in paths]
    context = build_context(store, extra_trust or {}, unlock, limits)
    ahead = pipeline.VerifyAhead(context, paths) if pipeline.wanted(len(paths), workers) else None
    try:
        for index, path in enumerate(paths):
            bundle_report = import_bundle(store, path, context, extra_trust or {}, bulk=bulk,
                                          checked=(lambda i=index: ahead.get(i)) if ahead else None,
                                          skip=(lambda i=index: ahead.skip(i)) if ahead else None)
            report.bundles.append(bundle_report)
            if progress is not None:
                progress(bundle_report)
    finally:
        if ahead is not None:
            ahead.close()
    return report


def build_context(store: Store, extra_trust: dict[str, CertInfo], unlock: Callable[[], Any] | None,
                  limits: Limits = DEFAULT_LIMITS, include_own_identity: bool = False) -> VerifyContext:
    """Everything the checks need from the store, read once (nothing written)."""
    from app.catalogue import load_instrument

    with store.transaction() as session:
        trusted = trusted_in(session)
        hashes = session.exec(select(InstrumentRow.content_hash)).all()
        instruments = {h: load_instrument(session, h) for h in hashes}
        rounds = {rid: h for rid, h in session.exec(select(Round.id, Round.instrument_hash))}
    trusted.update(extra_trust)
    from app.bundles.manifest import datetime_time, sqlite_time

    if include_own_identity:
        from app.identity import IdentityError, load_identity

        try:
            own = load_identity(store.data_dir)
            trusted.setdefault(own.fingerprint, cert_info(own.cert_pem.encode("ascii"), "this data directory's identity"))
        except IdentityError:
            pass
    return VerifyContext(trusted=trusted, known_instruments=instruments, round_instruments=rounds, unlock=unlock,
                         limits=limits, time_value=sqlite_time if store.is_sqlite else datetime_time)


def import_bundle(store: Store, path: Path, context: VerifyContext,
                  extra_trust: dict[str, CertInfo] | None = None, *, bulk: str = "tuples",
                  checked: Callable[[], Any] | None = None, skip: Callable[[], None] | None = None) -> R.BundleReport:
    """Check one bundle completely, then merge it in one transaction; never raises for a bad bundle.

    ``checked`` gives what a helper process found (see :mod:`app.bundles.pipeline`)."""
    started = time.perf_counter()
    result = R.BundleReport(file=path.name, outcome=R.BUNDLE_REJECTED)
    try:
        known = _known_receipt(store, path, context)
        if known is not None:
            if skip is not None:
                skip()
            result.outcome, result.bundle_id = R.BUNDLE_KNOWN, known.bundle_id
            result.fingerprint = known.assessor_fingerprint
            return result
        found = checked() if checked is not None else None
        if isinstance(found, BundleError):
            raise found
        opened = found.reattach(path, context) if found is not None else verify_bundle(path, context)
        with opened as bundle:
            result.bundle_id = bundle.bundle_id
            result.assessor = f"{bundle.assessor['name']} ({bundle.assessor['nip'] or 'no NIP'})"
            result.fingerprint = bundle.fingerprint
            result.encrypted = bundle.encrypted
            _merge(store, bundle, path, result, context, extra_trust or {}, bulk)
    except BundleError as exc:
        _reject(result, exc.kind, str(exc), getattr(exc, "fingerprint", None))
    except IntegrityError as exc:
        _reject(result, "refused", f"{path.name}: its records collide with different data already in this store "
                                   f"(duplicate id: {str(exc.orig)[:120]}); nothing of it was written", None)
    finally:
        result.seconds = round(time.perf_counter() - started, 4)
    return result


def _reject(result: R.BundleReport, kind: str, reason: str, fingerprint: str | None) -> None:
    result.outcome, result.error_kind, result.reason = R.BUNDLE_REJECTED, kind, reason
    if fingerprint and not result.fingerprint:
        result.fingerprint = fingerprint
    result.records = [R.RecordOutcome(r.record_id, r.version_id, R.REJECTED, reason, r.region_code)
                      for r in result.records] if result.records else []


def _known_receipt(store: Store, path: Path, context: VerifyContext) -> BundleReceipt | None:
    """A receipt for this exact signed manifest (read from the zip after the sanity checks), or None."""
    with zipcheck.open_zip(path, path.name, context.limits, allowed={MANIFEST, SIGNATURE, CERTIFICATE, PAYLOAD},
                           patterns=PLAIN_NAMES) as archive:
        if MANIFEST not in archive.namelist():
            return None
        sha = hashlib.sha256(zipcheck.read_entry(archive, MANIFEST, path.name)).hexdigest()
    with store.transaction() as session:
        receipt = session.get(BundleReceipt, sha)
        if receipt is None:
            receipt = session.exec(select(BundleReceipt).where(BundleReceipt.outer_sha256 == sha)).first()
        return receipt


# -- the merge --------------------------------------------------------------------------------


@dataclass
class _Version:
    version_id: str
    previous_version_id: str | None
    is_current: bool
    status: str
    sheet_sha256: str | None
    record_sha256: str | None
    substance_sha256: str | None
    ancestors: list[str] | None


@dataclass
class _Record:
    record_id: str
    assessor_id: str | None
    in_conflict: bool = False
    versions: dict[str, _Version] = field(default_factory=dict)
    chain: list[str] = field(default_factory=list)  # entry hashes of change_log, by position
    open_conflicts: list[RecordConflict] = field(default_factory=list)
    flag_all: bool = False  # set in_conflict on every row of the record

    def current(self) -> _Version | None:
        return next((v for v in self.versions.values() if v.is_current), None)

    def ancestors_of(self, version_id: str) -> set[str]:
        v = self.versions[version_id]
        if v.ancestors is not None:
            return set(v.ancestors)
        found: set[str] = set()
        prev = v.previous_version_id
        while prev and prev not in found:
            found.add(prev)
            prev = self.versions[prev].previous_version_id if prev in self.versions else None
        return found


@dataclass
class _Writes:
    assessments: list[dict[str, Any]] = field(default_factory=list)
    scores: list[tuple[Any, ...]] = field(default_factory=list)  # SCORE_COLUMNS order
    evidence: list[dict[str, Any]] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)
    imported: list[dict[str, Any]] = field(default_factory=list)
    not_current: list[str] = field(default_factory=list)
    signed_updates: list[dict[str, Any]] = field(default_factory=list)
    imported_updates: list[dict[str, Any]] = field(default_factory=list)
    conflicted_records: set[str] = field(default_factory=set)
    evidence_to_copy: set[str] = field(default_factory=set)
    sheets_to_copy: dict[str, tuple[str, str]] = field(default_factory=dict)  # zip path -> (target, sha)
    orm: list[Any] = field(default_factory=list)
    now: datetime = field(default_factory=utcnow)


def _merge(store: Store, bundle: VerifiedBundle, path: Path, result: R.BundleReport, context: VerifyContext,
           extra_trust: dict[str, CertInfo], bulk: str = "tuples") -> None:
    with store.transaction() as session:
        if session.get(BundleReceipt, bundle.manifest_sha256) is not None:
            result.outcome = R.BUNDLE_KNOWN
            return
        other = session.exec(select(BundleReceipt).where(BundleReceipt.bundle_id == bundle.bundle_id)).first()
        if other is not None:
            result.notes.append("a different bundle with the same bundle id was imported before; "
                                "its records are merged version by version")
        assessor_id = _ensure_assessor(session, bundle)
        _ensure_instruments(session, bundle, context, result)
        _ensure_rounds(session, bundle, context, result)
        records = _load_records(session, [p.record_id for p in bundle.records])
        for record in records.values():
            if record.assessor_id is not None and record.assessor_id != assessor_id:
                raise ImportRefused(f"{bundle.label}: record {record.record_id[:8]} belongs to another assessor here; "
                                    "a bundle can only carry its own assessor's records")
        writes = _Writes()
        ordered = sorted(bundle.records, key=lambda p: (p.record_id, len(p.ancestors)))
        for parsed in ordered:
            record = records.setdefault(parsed.record_id, _Record(parsed.record_id, assessor_id))
            outcome, detail = _decide(session, bundle, record, parsed, writes)
            result.records.append(R.RecordOutcome(parsed.record_id, parsed.version_id, outcome, detail,
                                                  parsed.region_code))
        _copy_files(store, bundle, writes)
        _write(session, bundle, writes, records, bulk)
        counts = result.counts
        session.add(BundleReceipt(
            manifest_sha256=bundle.manifest_sha256, outer_sha256=bundle.outer_sha256, bundle_id=bundle.bundle_id,
            assessor_id=assessor_id, assessor_fingerprint=bundle.fingerprint,
            bundle_created_at=bundle.manifest["created_at"], file_name=str(path)[:400], records=len(bundle.records),
            imported=counts.get(R.IMPORTED, 0), already_present=counts.get(R.ALREADY_PRESENT, 0),
            fast_forwarded=counts.get(R.FAST_FORWARDED, 0), superseded=counts.get(R.SUPERSEDED, 0),
            updated=counts.get(R.UPDATED, 0), conflicts=counts.get(R.CONFLICT, 0)))
        if bundle.fingerprint in extra_trust:
            info = extra_trust[bundle.fingerprint]
            if remember(session, info):
                result.notes.append(f"certificate {bundle.fingerprint[:16]}… of {info.name or 'the assessor'} "
                                    f"is now on the trust list ({info.source})")
        session.flush()
        result.outcome = R.BUNDLE_IMPORTED
    # Later bundles of the same batch see what this one added.
    for h, (_definition, instrument) in bundle.instruments.items():
        context.known_instruments.setdefault(h, instrument)
    for r in bundle.manifest["rounds"]:
        context.round_instruments.setdefault(r["id"], r["instrument_hash"])
    if bundle.fingerprint in extra_trust:
        context.trusted.setdefault(bundle.fingerprint, extra_trust[bundle.fingerprint])


def _ensure_assessor(session: Session, bundle: VerifiedBundle) -> str:
    a = bundle.assessor
    row = session.get(Assessor, a["id"])
    if row is None:
        session.add(Assessor(id=a["id"], name=a["name"], nip=a["nip"], organisation=a["organisation"],
                             cert_fingerprint=bundle.fingerprint))
        session.flush()
        return a["id"]
    if row.cert_fingerprint and row.cert_fingerprint != bundle.fingerprint:
        raise ImportRefused(
            f"{bundle.label}: assessor {row.name} is known here with certificate {row.cert_fingerprint[:16]}…, but this "
            f"bundle is signed with {bundle.fingerprint[:16]}…; if the assessor really has a new certificate, "
            "ask them to export with the old one, or record the change of certificate first", fingerprint=bundle.fingerprint)
    if row.nip and a["nip"] and row.nip != a["nip"]:
        raise ImportRefused(f"{bundle.label}: assessor id {a['id'][:8]} is {row.name} (NIP {row.nip}) here, "
                            f"but the bundle says NIP {a['nip']}")
    if not row.cert_fingerprint:
        row.cert_fingerprint = bundle.fingerprint
        if not row.nip:
            row.nip = a["nip"]
        if not row.organisation:
            row.organisation = a["organisation"]
        session.add(row)
        session.flush()
    return row.id


def _ensure_instruments(session: Session, bundle: VerifiedBundle, context: VerifyContext, result: R.BundleReport) -> None:
    from app.catalogue import store_instrument

    needed = {p.instrument_hash for p in bundle.records}
    for content_hash in sorted(needed):
        if content_hash in context.known_instruments or session.get(InstrumentRow, content_hash) is not None:
            continue
        _definition, instrument = bundle.instruments[content_hash]
        store_instrument(session, instrument)
        result.notes.append(f"instrument {instrument.id} {instrument.version} ({content_hash[:12]}) added from the bundle")


def _ensure_rounds(session: Session, bundle: VerifiedBundle, context: VerifyContext, result: R.BundleReport) -> None:
    from app.catalogue import ensure_regions

    used = {(p.round_id, p.region_code) for p in bundle.records}
    round_ids = {rid for rid, _ in used}
    described = {r["id"]: r for r in bundle.manifest["rounds"]}
    existing = {r.id: r for r in session.exec(select(Round).where(col(Round.id).in_(sorted(round_ids))))}
    for parsed in bundle.records:
        round_ = existing.get(parsed.round_id)
        if round_ is not None and round_.instrument_hash != parsed.instrument_hash:
            raise InstrumentMismatch(
                f"{bundle.label}: version {parsed.version_id[:8]} was scored under instrument "
                f"{parsed.instrument_hash[:12]}, but round {round_.name!r} here uses {round_.instrument_hash[:12]}")
    ensure_regions(session)
    for rid in sorted(round_ids - set(existing)):
        info = described[rid]
        session.add(Round(id=rid, name=info["name"], programme=info["programme"], instrument_hash=info["instrument_hash"],
                          starts_on=date.fromisoformat(info["starts_on"]) if info["starts_on"] else None,
                          ends_on=date.fromisoformat(info["ends_on"]) if info["ends_on"] else None))
        result.notes.append(f"round {info['name']!r} ({rid[:8]}) was not in this store: created from the bundle")
    session.flush()
    have = set(session.exec(select(Candidate.round_id, Candidate.region_code)
                            .where(col(Candidate.round_id).in_(sorted(round_ids)))).all())
    missing = sorted(used - {(r, c) for r, c in have})
    for rid, code in missing:
        session.add(Candidate(round_id=rid, region_code=code))
    if missing:
        session.flush()
        if set(round_ids) & set(existing):
            result.notes.append(f"{len(missing)} region(s) added as candidates of their round")


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), _IN_CHUNK):
        yield items[i:i + _IN_CHUNK]


def _load_records(session: Session, record_ids: list[str]) -> dict[str, _Record]:
    ids = sorted(set(record_ids))
    records: dict[str, _Record] = {}
    a = Assessment.__table__.c
    iv = ImportedVersion.__table__.c
    cl = ChangeLogEntry.__table__.c
    for chunk in _chunks(ids):
        rows = session.connection().execute(
            select(a.version_id, a.record_id, a.previous_version_id, a.is_current, a.in_conflict, a.status,
                   a.sheet_sha256, a.assessor_id).where(a.record_id.in_(chunk))).all()
        if not rows:
            continue
        for row in rows:
            record = records.setdefault(row.record_id, _Record(row.record_id, row.assessor_id))
            record.in_conflict = record.in_conflict or bool(row.in_conflict)
            record.versions[row.version_id] = _Version(row.version_id, row.previous_version_id, bool(row.is_current),
                                                       row.status, row.sheet_sha256, None, None, None)
        present = [rid for rid in chunk if rid in records]
        for row in session.connection().execute(
                select(iv.version_id, iv.record_id, iv.record_sha256, iv.substance_sha256, iv.ancestors_json)
                .where(iv.record_id.in_(present))):
            version = records[row.record_id].versions.get(row.version_id)
            if version is not None:
                version.record_sha256, version.substance_sha256 = row.record_sha256, row.substance_sha256
                version.ancestors = json.loads(row.ancestors_json)
        for row in session.connection().execute(
                select(cl.chain_id, cl.position, cl.entry_hash).where(cl.chain_id.in_(present))
                .order_by(cl.chain_id, cl.position)):
            records[row.chain_id].chain.append(row.entry_hash)
        for conflict in session.exec(select(RecordConflict).where(col(RecordConflict.record_id).in_(present),
                                                                  col(RecordConflict.resolved_at).is_(None))):
            records[conflict.record_id].open_conflicts.append(conflict)
    return records


def _decide(session: Session, bundle: VerifiedBundle, record: _Record, parsed: ParsedRecord,
            writes: _Writes) -> tuple[str, str]:
    vid = parsed.version_id
    existing = record.versions.get(vid)
    if existing is not None:
        return _same_version(session, bundle, record, parsed, existing, writes)
    current = record.current()
    if any(vid in record.ancestors_of(other) for other in record.versions):
        outcome, detail, is_current = R.SUPERSEDED, "an older version: a newer one is here already; kept in the history", False
    elif current is None:
        outcome, detail, is_current = R.IMPORTED, "", True
        if record.versions:
            detail = "older versions are here, none current"
    elif current.version_id in parsed.ancestors:
        skipped = len(parsed.ancestors) - 1 - parsed.ancestors.index(current.version_id)
        outcome, is_current = R.FAST_FORWARDED, True
        detail = f"replaces version {current.version_id[:8]} as the current one"
        if skipped:
            detail += f" ({skipped} version(s) in between not received yet)"
        current.is_current = False
        writes.not_current.append(current.version_id)
    else:
        outcome, is_current = R.CONFLICT, False
        continued = next((c for c in record.open_conflicts if c.incoming_version_id in parsed.ancestors), None)
        if continued is not None:
            continued.incoming_version_id = vid
            writes.orm.append(continued)
            detail = f"continues the competing branch against version {current.version_id[:8]}; the record stays flagged"
        else:
            conflict = RecordConflict(record_id=record.record_id, kind="branch", current_version_id=current.version_id,
                                      incoming_version_id=vid, bundle_id=bundle.bundle_id)
            record.open_conflicts.append(conflict)
            writes.orm.append(conflict)
            common = _common_parent(record, parsed)
            detail = (f"branches from {common[:8] if common else 'the start'} like the current version "
                      f"{current.version_id[:8]}; both kept, the record is flagged for the coordinator")
        record.in_conflict = record.flag_all = True
        writes.conflicted_records.add(record.record_id)
    record.versions[vid] = _Version(vid, parsed.previous_version_id, is_current, parsed.status, parsed.sheet_sha256,
                                    parsed.record_sha256, parsed.substance_sha256, list(parsed.ancestors))
    _insert_version(bundle, record, parsed, is_current, writes)
    return outcome, detail


def _common_parent(record: _Record, parsed: ParsedRecord) -> str | None:
    current = record.current()
    mine = set(record.ancestors_of(current.version_id)) | {current.version_id} if current else set()
    return next((v for v in reversed(parsed.ancestors) if v in mine), None)


def _same_version(session: Session, bundle: VerifiedBundle, record: _Record, parsed: ParsedRecord,
                  existing: _Version, writes: _Writes) -> tuple[str, str]:
    if existing.record_sha256 is None:
        existing.substance_sha256, existing.record_sha256 = _local_digests(session, parsed.version_id)
    if existing.record_sha256 == parsed.record_sha256:
        return R.ALREADY_PRESENT, ""
    if existing.substance_sha256 == parsed.substance_sha256:
        if parsed.status == "signed" and existing.status != "signed":
            target = _sheet_target(parsed)
            writes.sheets_to_copy[bundle.sheets[parsed.version_id]] = (target, parsed.sheet_sha256 or "")
            writes.signed_updates.append({"b_version_id": parsed.version_id, "status": "signed",
                                          "sheet_sha256": parsed.sheet_sha256, "sheet_path": target,
                                          "signed_at": parsed.assessment_row["signed_at"]})
            writes.imported_updates.append({"b_record_id": parsed.record_id, "b_version_id": parsed.version_id,
                                            "record_sha256": parsed.record_sha256})
            existing.status, existing.sheet_sha256, existing.record_sha256 = "signed", parsed.sheet_sha256, parsed.record_sha256
            _merge_chain(bundle, record, parsed, None, writes)
            return R.UPDATED, "now signed: status and sheet added"
        return R.ALREADY_PRESENT, f"an earlier state of this version ({parsed.status}); the store has it {existing.status}"
    # Same version id, different content: keep both, never overwrite.
    variant = VersionVariant(version_id=parsed.version_id, record_id=record.record_id, bundle_id=bundle.bundle_id,
                             record_sha256=parsed.record_sha256,
                             record_json=_read_checked(bundle, parsed.path, parsed.record_sha256).decode("utf-8"))
    if parsed.version_id in bundle.sheets:
        variant.sheet_path = _sheet_target(parsed)
        writes.sheets_to_copy[bundle.sheets[parsed.version_id]] = (variant.sheet_path, parsed.sheet_sha256 or "")
    writes.evidence_to_copy.update(parsed.evidence_shas)
    writes.orm.append(variant)
    current = record.current()
    conflict = RecordConflict(record_id=record.record_id, kind="same_version",
                              current_version_id=current.version_id if current else parsed.version_id,
                              incoming_version_id=parsed.version_id, variant_id=variant.id, bundle_id=bundle.bundle_id)
    record.open_conflicts.append(conflict)
    writes.orm.append(conflict)
    _merge_chain(bundle, record, parsed, variant.id, writes)
    record.in_conflict = record.flag_all = True
    writes.conflicted_records.add(record.record_id)
    return R.CONFLICT, (f"version {parsed.version_id[:8]} arrived with different content than the one here; both kept "
                        f"(variant {variant.id[:8]}), the record is flagged for the coordinator")


def _read_checked(bundle: VerifiedBundle, name: str, sha: str) -> bytes:
    assert bundle.archive is not None
    data = zipcheck.read_entry(bundle.archive, name, bundle.label)
    if hashlib.sha256(data).hexdigest() != sha:
        raise BundleError(f"{bundle.label}: {name} changed while it was being imported; nothing was written")
    return data


def _local_digests(session: Session, version_id: str) -> tuple[str, str]:
    """Digests of a version made in this store (not imported), computed from its rows."""
    from app.bundles.format import canonical_json
    from app.bundles.manifest import chain_of, record_document, substance_digest

    assessment = session.get(Assessment, version_id)
    assert assessment is not None
    document = record_document(session, assessment, chain_of(session, assessment.record_id))
    return substance_digest(document), hashlib.sha256(canonical_json(document)).hexdigest()


def _sheet_target(parsed: ParsedRecord) -> str:
    return f"sheets/{parsed.record_id}/{parsed.version_id}-{(parsed.sheet_sha256 or '')[:16]}.pdf"


def _insert_version(bundle: VerifiedBundle, record: _Record, parsed: ParsedRecord, is_current: bool,
                    writes: _Writes) -> None:
    row = dict(parsed.assessment_row)
    row["is_current"] = is_current
    row["in_conflict"] = record.in_conflict
    row["origin"] = "import"
    row["sheet_path"] = None
    if parsed.version_id in bundle.sheets:
        row["sheet_path"] = _sheet_target(parsed)
        writes.sheets_to_copy[bundle.sheets[parsed.version_id]] = (row["sheet_path"], parsed.sheet_sha256 or "")
    writes.assessments.append(row)
    writes.scores.extend(parsed.score_rows)
    writes.evidence.extend(parsed.evidence_rows)
    writes.evidence_to_copy.update(parsed.evidence_shas)
    writes.imported.append({"version_id": parsed.version_id, "record_id": parsed.record_id,
                            "bundle_id": bundle.bundle_id, "record_sha256": parsed.record_sha256,
                            "substance_sha256": parsed.substance_sha256,
                            "ancestors_json": json.dumps(parsed.ancestors)})
    _merge_chain(bundle, record, parsed, None, writes)


def _merge_chain(bundle: VerifiedBundle, record: _Record, parsed: ParsedRecord, variant_id: str | None,
                 writes: _Writes) -> None:
    """Append the new part of the version's change log, or keep a forked tail beside the chain."""
    main, entries = record.chain, parsed.entries
    overlap = min(len(main), len(entries))
    fork = next((k for k in range(overlap) if main[k] != entries[k]["entry_hash"]), None)
    if fork is None:
        if len(entries) > len(main):
            writes.entries.extend(entries[len(main):])
            main.extend(e["entry_hash"] for e in entries[len(main):])
        return
    writes.orm.append(BranchChangeLog(record_id=record.record_id, version_id=parsed.version_id, variant_id=variant_id,
                                      bundle_id=bundle.bundle_id, from_position=fork,
                                      entries_json=json.dumps(entries[fork:], ensure_ascii=False)))


def _copy_files(store: Store, bundle: VerifiedBundle, writes: _Writes) -> None:
    """Evidence and sheets into the data directory, each checked again while copied (before the commit)."""
    for sha in sorted(writes.evidence_to_copy):
        target = store.data_dir / "evidence" / sha[:2] / sha
        if not target.exists():
            _copy_checked(bundle, bundle.evidence[sha], target, sha)
    for source, (relative, sha) in sorted(writes.sheets_to_copy.items()):
        target = store.data_dir / relative
        if not target.exists():
            _copy_checked(bundle, source, target, sha)


def _copy_checked(bundle: VerifiedBundle, name: str, target: Path, sha: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    try:
        with open(partial, "wb") as handle:
            got, _size = zipcheck.hash_entry(bundle.archive, name, bundle.label, sink=handle)
            handle.flush()
            os.fsync(handle.fileno())
        if got != sha:
            raise BundleError(f"{bundle.label}: {name} changed while it was being imported; nothing was written")
        partial.replace(target)
    except OSError as exc:
        raise BundleError(f"{bundle.label}: could not copy {name} into the data directory: {exc.strerror or exc}; "
                          "nothing of the bundle was written") from exc
    finally:
        partial.unlink(missing_ok=True)


_FAST_TABLES: dict[str, Table] = {}


def _bulk_table(model: Any, sqlite: bool) -> Table:
    """The table for Core bulk inserts. On SQLite, a twin of the model's table whose time columns take
    the stored text (``2018-03-05 01:00:00.000000``, as SQLAlchemy's DateTime writes it, UTC) and whose
    flags take 0/1, so millions of values skip per-value type processing; other databases get the
    model's own table and real datetimes."""
    table: Table = model.__table__
    if not sqlite:
        return table
    fast = _FAST_TABLES.get(table.name)
    if fast is None:
        columns = []
        for column in table.columns:
            kind = column.type
            if isinstance(kind, DateTime) or isinstance(getattr(kind, "impl_instance", None), DateTime):
                kind = String()
            elif isinstance(kind, Boolean):
                kind = Integer()
            columns.append(Column(column.name, kind, primary_key=column.primary_key))
        fast = _FAST_TABLES[table.name] = Table(table.name, MetaData(), *columns)
    return fast


def _now_value(now: datetime, sqlite: bool) -> Any:
    from app.bundles.format import iso
    from app.bundles.manifest import sqlite_time

    return sqlite_time(iso(now) or "") if sqlite else now


_COMPILED: dict[tuple[Any, ...], tuple[str, Any]] = {}


def _insert_tuples(connection: Any, model: Any, columns: tuple[str, ...], rows: list[tuple[Any, ...]], sqlite: bool,
                   bulk: str) -> None:
    """Like :func:`_insert`, for rows already built as tuples in ``columns`` order (the score rows)."""
    if not rows:
        return
    table = _bulk_table(model, sqlite)
    if not (sqlite and bulk == "tuples"):
        connection.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    key = (table.name, columns, "tuples")
    compiled = _COMPILED.get(key)
    if compiled is None:
        statement = insert(table).compile(dialect=connection.dialect, column_keys=list(columns))
        if tuple(statement.positiontup or ()) != columns:  # pragma: no cover - columns out of table order
            raise RuntimeError(f"cannot bulk insert into {table.name} positionally")
        compiled = _COMPILED[key] = (str(statement), None)
    connection.exec_driver_sql(compiled[0], rows)


def _insert(connection: Any, model: Any, rows: list[dict[str, Any]], sqlite: bool, bulk: str) -> None:
    """Core bulk insert of ``rows`` (dicts with the same keys).

    ``bulk="dicts"``: ``connection.execute(insert(table), rows)``. ``bulk="tuples"`` (the default on
    SQLite): the same ``insert(table)`` compiled once by SQLAlchemy, then executed with the rows as
    tuples through the connection (``exec_driver_sql``), which skips SQLAlchemy's per-row parameter
    processing (~5 µs a row, more than SQLite's own insert) - the values are already in storage form.
    """
    if not rows:
        return
    table = _bulk_table(model, sqlite)
    if not (sqlite and bulk == "tuples"):
        connection.execute(insert(table), rows)
        return
    key = (table.name, tuple(rows[0]))
    compiled = _COMPILED.get(key)
    if compiled is None:
        statement = insert(table).compile(dialect=connection.dialect, column_keys=list(key[1]))
        order = tuple(statement.positiontup or ())
        if sorted(order) != sorted(key[1]):  # pragma: no cover - a dialect without positional binds
            raise RuntimeError(f"cannot bulk insert into {table.name} positionally")
        compiled = _COMPILED[key] = (str(statement), itemgetter(*order))
    sql, row_tuple = compiled
    connection.exec_driver_sql(sql, list(map(row_tuple, rows)))


def _write(session: Session, bundle: VerifiedBundle, writes: _Writes, records: dict[str, _Record],
           bulk: str = "tuples") -> None:
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # Bulk work: a bigger page cache, and checkpoints of the write-ahead log less often (the WAL is
        # still synced on every commit; synchronous=FULL stays).
        connection.exec_driver_sql("PRAGMA cache_size = -65536")
        connection.exec_driver_sql("PRAGMA wal_autocheckpoint = 10000")
    a = _bulk_table(Assessment, sqlite)
    if writes.not_current:
        connection.execute(update(a).where(a.c.version_id == bindparam("b_version_id")).values(is_current=False),
                           [{"b_version_id": v} for v in writes.not_current])
    if writes.signed_updates:
        connection.execute(update(a).where(a.c.version_id == bindparam("b_version_id")).values(
            status=bindparam("status"), sheet_sha256=bindparam("sheet_sha256"), sheet_path=bindparam("sheet_path"),
            signed_at=bindparam("signed_at")), writes.signed_updates)
    _insert(connection, Assessment, writes.assessments, sqlite, bulk)
    flagged = sorted(r.record_id for r in records.values() if r.flag_all)
    for chunk in _chunks(flagged):
        connection.execute(update(a).where(a.c.record_id.in_(chunk)).values(in_conflict=True))
    _insert_tuples(connection, Score, SCORE_COLUMNS, writes.scores, sqlite, bulk)
    _insert(connection, Evidence, writes.evidence, sqlite, bulk)
    _insert(connection, ChangeLogEntry, writes.entries, sqlite, bulk)
    now = _now_value(writes.now, sqlite)
    for row in writes.imported:
        row["imported_at"] = now
    _insert(connection, ImportedVersion, writes.imported, sqlite, bulk)
    if writes.imported_updates:
        iv = _bulk_table(ImportedVersion, sqlite)
        connection.execute(update(iv).where(iv.c.record_id == bindparam("b_record_id"),
                                            iv.c.version_id == bindparam("b_version_id"))
                           .values(record_sha256=bindparam("record_sha256")), writes.imported_updates)
    for obj in writes.orm:
        session.add(obj)
    session.flush()


__all__ = ["build_context", "import_bundle", "import_bundles"]
