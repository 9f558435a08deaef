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
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.bundles import report as R
from app.bundles import zipcheck
from app.bundles.bulk import copy_files
from app.bundles.bulk import write as write_rows
from app.bundles.errors import BundleError, ImportRefused, InstrumentMismatch
from app.bundles.format import CERTIFICATE, DEFAULT_LIMITS, MANIFEST, PAYLOAD, PLAIN_NAMES, SIGNATURE, Limits
from app.bundles.merge import RecordState, Writes, decide, load_records
from app.bundles.trust import CertInfo, cert_info, remember, trusted_in
from app.bundles.verify import VerifiedBundle, VerifyContext, verify_bundle
from app.models.sync import BundleReceipt
from app.models.tables import Assessor, Candidate, InstrumentRow, Round
from app.store import Store

# -- public API -------------------------------------------------------------------------------


def import_bundles(store: Store, paths: Iterable[str | Path], *, extra_trust: dict[str, CertInfo] | None = None,
                   unlock: Callable[[], Any] | None = None, limits: Limits = DEFAULT_LIMITS,
                   progress: Callable[[R.BundleReport], None] | None = None, bulk: str = "tuples",
                   workers: int | None = None) -> R.ImportReport:
    """Import every bundle; one bad bundle is rejected with its reason and the others still import.

    ``workers``: helper processes that check bundles ahead (:mod:`app.bundles.pipeline`; None: as
    ``NILAI_IMPORT_WORKERS`` says, off by default); 0 checks everything here."""
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
        settled: set[tuple[str, ...]] = set()  # facts to remember for the batch once this commits
        assessor_id = _ensure_assessor(session, bundle, context.settled, settled)
        _ensure_instruments(session, bundle, context, result)
        _ensure_rounds(session, bundle, context, result, settled)
        records = load_records(session, [p.record_id for p in bundle.records])
        for record in records.values():
            if record.assessor_id is not None and record.assessor_id != assessor_id:
                raise ImportRefused(f"{bundle.label}: record {record.record_id[:8]} belongs to another assessor here; "
                                    "a bundle can only carry its own assessor's records")
        writes = Writes()
        ordered = sorted(bundle.records, key=lambda p: (p.record_id, len(p.ancestors)))
        for parsed in ordered:
            record = records.setdefault(parsed.record_id, RecordState(parsed.record_id, assessor_id))
            outcome, detail = decide(session, bundle, record, parsed, writes)
            result.records.append(R.RecordOutcome(parsed.record_id, parsed.version_id, outcome, detail,
                                                  parsed.region_code))
        copy_files(store, bundle, writes)
        write_rows(session, bundle, writes, records, bulk)
        counts = result.counts
        session.add(BundleReceipt(
            manifest_sha256=bundle.manifest_sha256, outer_sha256=bundle.outer_sha256, bundle_id=bundle.bundle_id,
            assessor_id=assessor_id, assessor_fingerprint=bundle.fingerprint,
            bundle_created_at=bundle.manifest["created_at"], file_name=str(path)[:400], records=len(bundle.records),
            imported=counts.get(R.IMPORTED, 0), already_present=counts.get(R.ALREADY_PRESENT, 0),
            fast_forwarded=counts.get(R.FAST_FORWARDED, 0), superseded=counts.get(R.SUPERSEDED, 0),
            updated=counts.get(R.UPDATED, 0), conflicts=counts.get(R.CONFLICT, 0)))
        if bundle.fingerprint in extra_trust and ("trusted", bundle.fingerprint) not in context.settled:
            info = extra_trust[bundle.fingerprint]
            if remember(session, info):
                result.notes.append(f"certificate {bundle.fingerprint[:16]}… of {info.name or 'the assessor'} "
                                    f"is now on the trust list ({info.source})")
            settled.add(("trusted", bundle.fingerprint))
        session.flush()
        result.outcome = R.BUNDLE_IMPORTED
    context.settled |= settled
    # Later bundles of the same batch see what this one added.
    for h, (_definition, instrument) in bundle.instruments.items():
        context.known_instruments.setdefault(h, instrument)
    for r in bundle.manifest["rounds"]:
        context.round_instruments.setdefault(r["id"], r["instrument_hash"])
    if bundle.fingerprint in extra_trust:
        context.trusted.setdefault(bundle.fingerprint, extra_trust[bundle.fingerprint])


def _ensure_assessor(session: Session, bundle: VerifiedBundle, known: set[tuple[str, ...]],
                     settled: set[tuple[str, ...]]) -> str:
    a = bundle.assessor
    fact = ("assessor", a["id"], bundle.fingerprint, a["nip"])
    if fact in known:
        return a["id"]
    settled.add(fact)
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


def _ensure_rounds(session: Session, bundle: VerifiedBundle, context: VerifyContext, result: R.BundleReport,
                   settled: set[tuple[str, ...]]) -> None:
    from app.catalogue import ensure_regions

    used = {(p.round_id, p.region_code) for p in bundle.records}
    facts = {("round", p.round_id, p.instrument_hash, p.region_code) for p in bundle.records}
    if facts <= context.settled:
        return  # rounds, instruments and candidates already checked in this batch
    settled |= facts
    round_ids = {rid for rid, _ in used}
    described = {r["id"]: r for r in bundle.manifest["rounds"]}
    existing = {r.id: r for r in session.exec(select(Round).where(col(Round.id).in_(sorted(round_ids))))}
    for parsed in bundle.records:
        round_ = existing.get(parsed.round_id)
        if round_ is not None and round_.instrument_hash != parsed.instrument_hash:
            raise InstrumentMismatch(
                f"{bundle.label}: version {parsed.version_id[:8]} was scored under instrument "
                f"{parsed.instrument_hash[:12]}, but round {round_.name!r} here uses {round_.instrument_hash[:12]}")
    if ("regions",) not in context.settled:
        ensure_regions(session)
        settled.add(("regions",))
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


__all__ = ["build_context", "import_bundle", "import_bundles"]
