"""A verified bundle merged in one transaction: its receipt, the assessor, instruments, rounds and
candidates it needs (``ensure_*``), every version's merge decision, the bulk writes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from app.base.ids import short_id
from app.bundles import report as R
from app.bundles.bulk import copy_files
from app.bundles.bulk import write as write_rows
from app.bundles.errors import ImportRefused, InstrumentMismatch
from app.bundles.merge import RecordState, Writes, decide, load_records
from app.bundles.receipts import RECEIPTS, find_receipt_in, report_known
from app.bundles.trust import REPLACED, CertInfo, cert_info, remember, renewal_or_impostor
from app.bundles.verified import VerifiedBundle, VerifyContext
from app.instruments.catalogue import store_instrument
from app.models.sync import BundleReceipt, TrustedCertificate
from app.models.tables import Assessor, Candidate, InstrumentRow, Round, table_of, utcnow
from app.regions.calibration import is_calibration_code
from app.regions.seed import ensure_regions
from app.rounds import ORIGIN_KEY
from app.rounds.setup.calibration import CALIBRATION
from app.store import Store, settings


@dataclass
class Pending:
    """A merged bundle whose transaction is still open: ``commit`` ends it (in any one thread, once),
    ``apply`` then tells the rest of the batch what it added."""

    transaction: Any  # the entered store.transaction() context manager
    apply: Callable[[], None]
    changes_context: bool  # whether ``apply`` changes anything the checks of the next bundles use

    def commit(self) -> None:
        self.transaction.__exit__(None, None, None)  # commits; a failure rolls back and is raised (translated)


def merge(store: Store, bundle: VerifiedBundle, path: Path, result: R.BundleReport, context: VerifyContext,
           extra_trust: dict[str, CertInfo], bulk: str = "tuples", receipt_sha: str | None = None) -> Pending | None:
    """Everything of the bundle written in one transaction, left open for :meth:`Pending.commit`
    (None: nothing to write, already committed). ``receipt_sha``: the bundle was checked ahead, and the
    receipt of its manifest.json (as :func:`find_receipt` finds it) is looked up first, in this transaction."""
    # The write lock first: another importer's commit cannot come between what this merge reads
    # (receipts, assessors, records) and what it writes.
    transaction = store.transaction(write=True, bulk=True)
    session = transaction.__enter__()
    try:
        settled = merge_rows(session, store, bundle, path, result, context, extra_trust, bulk, receipt_sha)
    except BaseException:
        transaction.__exit__(*sys.exc_info())  # rolls back (and raises a database error translated for the user)
        raise
    if settled is None:
        transaction.__exit__(None, None, None)
        return None

    changes = (any(h not in context.known_instruments for h in bundle.instruments)
               or any(r["id"] not in context.round_instruments for r in bundle.manifest["rounds"])
               or (bundle.fingerprint in extra_trust and bundle.fingerprint not in context.trusted))

    def apply() -> None:
        if changes:
            context.generation += 1
        context.settled |= settled
        # Later bundles of the same batch see what this one added.
        for h, (_definition, instrument) in bundle.instruments.items():
            context.known_instruments.setdefault(h, instrument)
        for r in bundle.manifest["rounds"]:
            context.round_instruments.setdefault(r["id"], r["instrument_hash"])
        if bundle.fingerprint in extra_trust:
            context.trusted.setdefault(bundle.fingerprint, extra_trust[bundle.fingerprint])

    return Pending(transaction, apply, changes)


def merge_rows(session: Session, store: Store, bundle: VerifiedBundle, path: Path, result: R.BundleReport,
                context: VerifyContext, extra_trust: dict[str, CertInfo], bulk: str,
                receipt_sha: str | None = None) -> set[tuple[str, ...]] | None:
    """The bundle's rows and files; the facts to remember for the batch once this commits (None: known)."""
    if receipt_sha is not None:
        receipt = find_receipt_in(session, receipt_sha)
        if receipt is not None:
            report_known(result, receipt)
            return None
    connection = session.connection()
    if connection.execute(select(RECEIPTS.manifest_sha256)
                          .where(RECEIPTS.manifest_sha256 == bundle.manifest_sha256)).first() is not None:
        result.outcome = R.BUNDLE_KNOWN
        return None
    other = connection.execute(select(RECEIPTS.manifest_sha256).where(RECEIPTS.bundle_id == bundle.bundle_id)
                               .limit(1)).first()
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
            raise ImportRefused(f"{bundle.label}: record {short_id(record.record_id)} belongs to another assessor here; "
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
    connection.execute(insert(table_of(BundleReceipt)), [dict(  # Core: the row as the model would write it
        manifest_sha256=bundle.manifest_sha256, outer_sha256=bundle.outer_sha256, bundle_id=bundle.bundle_id,
        assessor_id=assessor_id, assessor_fingerprint=bundle.fingerprint,
        bundle_created_at=bundle.manifest["created_at"], imported_at=utcnow(), file_name=str(path)[:400],
        records=len(bundle.records), imported=counts.get(R.IMPORTED, 0),
        already_present=counts.get(R.ALREADY_PRESENT, 0), fast_forwarded=counts.get(R.FAST_FORWARDED, 0),
        superseded=counts.get(R.SUPERSEDED, 0), updated=counts.get(R.UPDATED, 0),
        conflicts=counts.get(R.CONFLICT, 0))])
    if bundle.fingerprint in extra_trust and ("trusted", bundle.fingerprint) not in context.settled:
        info = extra_trust[bundle.fingerprint]
        if remember(session, info):
            result.notes.append(f"certificate {bundle.fingerprint[:16]}… of {info.name or 'the assessor'} "
                                f"is now on the trust list ({info.source})")
        settled.add(("trusted", bundle.fingerprint))
    session.flush()
    result.outcome = R.BUNDLE_IMPORTED
    return settled


def _ensure_assessor(session: Session, bundle: VerifiedBundle, known: set[tuple[str, ...]],
                     settled: set[tuple[str, ...]]) -> str:
    a = bundle.assessor
    fact = ("assessor", a["id"], bundle.fingerprint, a["nip"])
    if fact in known:
        return a["id"]
    settled.add(fact)
    row = session.get(Assessor, a["id"]) or _renewed_holder(session, bundle)
    if row is not None and row.id != a["id"]:
        settled.discard(fact)  # the shortcut above answers a["id"]; this bundle's records go to row.id
    if row is None:
        _refuse_namesake(session, bundle)
        session.add(Assessor(id=a["id"], name=a["name"], nip=a["nip"], organisation=a["organisation"],
                             cert_fingerprint=bundle.fingerprint))
        session.flush()
        return a["id"]
    if row.cert_fingerprint and row.cert_fingerprint != bundle.fingerprint and not _replaced_key_of(session, row, bundle):
        raise ImportRefused(
            f"{bundle.label}: assessor {row.name} is known here with certificate {row.cert_fingerprint[:16]}…, but this "
            f"bundle is signed with {bundle.fingerprint[:16]}…; if the assessor really has a new certificate, "
            "ask them to export with the old one, or accept the new one as a renewal: "
            f"`nilai bundle trust CERT.pem --renewal-of {row.nip or 'NIP'}`", fingerprint=bundle.fingerprint)
    if row.nip and a["nip"] and row.nip != a["nip"]:
        raise ImportRefused(f"{bundle.label}: assessor id {short_id(a['id'])} is {row.name} (NIP {row.nip}) here, "
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


def _refuse_namesake(session: Session, bundle: VerifiedBundle) -> None:
    """A new assessor row is never made for the name and NIP of one known here under another key
    (a certificate trusted in passing with --trust): that is the coordinator's call, as a renewal."""
    a = bundle.assessor
    if not a["nip"]:
        return
    for row in session.exec(select(Assessor).where(Assessor.nip == a["nip"])):
        if row.cert_fingerprint and " ".join(row.name.split()).casefold() == " ".join(a["name"].split()).casefold():
            info = cert_info(bundle.certificate_pem.encode("ascii"))
            raise ImportRefused(f"{bundle.label}: {renewal_or_impostor(bundle.fingerprint, info, row.cert_fingerprint)}",
                                fingerprint=bundle.fingerprint)


def _renewed_holder(session: Session, bundle: VerifiedBundle) -> Assessor | None:
    """An assessor here whose certificate the coordinator accepted as the renewal this bundle is signed with.

    A renewed identity may come with a new assessor id; its records still belong to the same assessor.
    """
    nip = bundle.assessor["nip"]
    if not nip:
        return None
    return session.exec(select(Assessor).where(Assessor.nip == nip,
                                               Assessor.cert_fingerprint == bundle.fingerprint)).first()


def _replaced_key_of(session: Session, row: Assessor, bundle: VerifiedBundle) -> bool:
    """The bundle and the assessor row hold two certificates of one renewal (either way round).

    Bundles signed before the renewal still import; a row first made from such a bundle moves on to
    the new certificate when a bundle signed with it comes.
    """
    ours, theirs = (session.get(TrustedCertificate, fp) for fp in (row.cert_fingerprint or "", bundle.fingerprint))
    if ours is None or theirs is None or not row.nip or not (ours.nip == theirs.nip == row.nip):
        return False
    if theirs.source == f"{REPLACED}{ours.fingerprint[:16]} (renewal)":
        return True  # signed with the old key, before the renewal
    if ours.source == f"{REPLACED}{theirs.fingerprint[:16]} (renewal)":
        row.cert_fingerprint = theirs.fingerprint
        session.add(row)
        return True
    return False


def _ensure_instruments(session: Session, bundle: VerifiedBundle, context: VerifyContext, result: R.BundleReport) -> None:
    needed = {p.instrument_hash for p in bundle.records}
    for content_hash in sorted(needed):
        if content_hash in context.known_instruments or session.get(InstrumentRow, content_hash) is not None:
            continue
        _definition, instrument = bundle.instruments[content_hash]
        store_instrument(session, instrument)
        result.notes.append(f"instrument {instrument.id} {instrument.version} ({content_hash[:12]}) added from the bundle")


def _check_calibration_cases(session: Session, bundle: VerifiedBundle, used: set[tuple[str, str]]) -> None:
    """A calibration case (a K-code) is accepted only when this store's round declares it: a bundle
    cannot invent a region, nor slip a real candidate's scores in under a fictional code."""
    wanted = sorted((rid, code) for rid, code in used if is_calibration_code(code))
    if not wanted:
        return
    declared = set(session.exec(select(Candidate.round_id, Candidate.region_code).where(
        col(Candidate.round_id).in_(sorted({rid for rid, _ in wanted})), Candidate.status == CALIBRATION)).all())
    undeclared = [code for rid, code in wanted if (rid, code) not in declared]
    if undeclared:
        raise ImportRefused(f"{bundle.label}: calibration case {', '.join(undeclared)} is not declared in its round "
                            "here; add it (nilai round calibration add) and send the round package before importing "
                            "its assessments")


def _ensure_rounds(session: Session, bundle: VerifiedBundle, context: VerifyContext, result: R.BundleReport,
                   settled: set[tuple[str, ...]]) -> None:
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
                f"{bundle.label}: version {short_id(parsed.version_id)} was scored under instrument "
                f"{parsed.instrument_hash[:12]}, but round {round_.name!r} here uses {round_.instrument_hash[:12]}")
    if ("regions",) not in context.settled:
        ensure_regions(session)
        settled.add(("regions",))
    for rid in sorted(round_ids - set(existing)):
        info = described[rid]
        namesakes = session.exec(select(Round.id).where(Round.name == info["name"], Round.id != rid)).all()
        if namesakes:  # two rounds of one name: say so, or the coordinator ranks half the assessments unawares
            ids = ", ".join(sorted(short_id(i) for i in namesakes))
            result.notes.append(f"a round named {info['name']!r} already exists here with another id ({ids}); this "
                                f"bundle's round ({short_id(rid)}) was created beside it")
        settings.put(session, ORIGIN_KEY + rid, "bundle")
        session.add(Round(id=rid, name=info["name"], programme=info["programme"], instrument_hash=info["instrument_hash"],
                          starts_on=date.fromisoformat(info["starts_on"]) if info["starts_on"] else None,
                          ends_on=date.fromisoformat(info["ends_on"]) if info["ends_on"] else None))
        if not namesakes:
            result.notes.append(f"round {info['name']!r} ({short_id(rid)}) was not in this store: created from the bundle")
    session.flush()
    have = set(session.exec(select(Candidate.round_id, Candidate.region_code)
                            .where(col(Candidate.round_id).in_(sorted(round_ids)))).all())
    _check_calibration_cases(session, bundle, used)
    missing = sorted(used - {(r, c) for r, c in have})
    for rid, code in missing:
        session.add(Candidate(round_id=rid, region_code=code))
    if missing:
        session.flush()
        if set(round_ids) & set(existing):
            result.notes.append(f"{len(missing)} region(s) added as candidates of their round")
