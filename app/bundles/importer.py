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
certificate; an assessor known with another certificate or another NIP is refused, unless the
coordinator accepted that certificate as a renewal (``nilai bundle trust CERT --renewal-of NIP``).
"""

from __future__ import annotations

import sqlite3
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.bundles import pipeline
from app.bundles import report as R
from app.bundles.bulk import copy_files
from app.bundles.bulk import write as write_rows
from app.bundles.errors import BundleError, ImportRefused, InstrumentMismatch
from app.bundles.format import DEFAULT_LIMITS, Limits
from app.bundles.manifest import datetime_time, sqlite_time
from app.bundles.merge import RecordState, Writes, decide, load_records
from app.bundles.trust import REPLACED, CertInfo, cert_info, remember, renewal_or_impostor, trusted_in
from app.bundles.verify import (
    VerifiedBundle,
    VerifyContext,
    check_failed,
    check_repeat,
    open_bundle,
    verify_bundle,
    verify_opened,
)
from app.identity import IdentityError, load_identity
from app.instruments.catalogue import load_instrument, store_instrument
from app.models.sync import BundleReceipt, TrustedCertificate
from app.models.tables import Assessor, Candidate, InstrumentRow, Round, table_of, utcnow
from app.regions.seed import ensure_regions
from app.rounds import ORIGIN_KEY
from app.store import Store, settings

# While a bundle commits, the next ones are checked; at most this many bundles and records are held
# checked ahead (a long commit - SQLite moving its write-ahead log into the database - is covered by
# checking more, without holding much in memory). One bundle is always checked ahead.
AHEAD_BUNDLES = 4
AHEAD_RECORDS = 2000
# SQLite: a passive checkpoint in a helper thread after every few commits (see _WalCheckpoints); after
# every commit costs more work in all (pages written to the database again and again) for no gain.
CHECKPOINT_EVERY = 4

# -- public API -------------------------------------------------------------------------------


def import_bundles(store: Store, bundle_paths: Iterable[str | Path], *, extra_trust: dict[str, CertInfo] | None = None,
                   unlock: Callable[[], Any] | None = None, limits: Limits = DEFAULT_LIMITS,
                   progress: Callable[[R.BundleReport], None] | None = None, bulk: str = "tuples",
                   workers: int | None = None) -> R.ImportReport:
    """Import every bundle; one bad bundle is rejected with its reason and the others still import.

    Each bundle is checked completely, then merged and committed in its own transaction, in order.
    While a bundle's commit runs (in a helper thread: the database driver works without Python's
    lock, so it overlaps), the next bundles are opened and checked here - nothing of them is written
    before that commit has ended, and they are only checked ahead when the bundle being committed adds
    nothing the checks depend on (a round, an instrument, a trusted certificate). Their receipts are
    looked up when their turn comes. A failed commit fails as it did before.

    ``workers``: helper processes that check bundles ahead (:mod:`app.bundles.pipeline`; None: as
    ``NILAI_IMPORT_WORKERS`` says, off by default); 0 checks everything here."""
    report = R.ImportReport()
    paths = [Path(p) for p in bundle_paths]
    extra_trust = extra_trust or {}
    context = build_context(store, extra_trust, unlock, limits)

    def done(bundle_report: R.BundleReport) -> None:
        report.bundles.append(bundle_report)
        if progress is not None:
            progress(bundle_report)

    if pipeline.wanted(len(paths), workers):
        verifier = pipeline.VerifyAhead(context, paths)
        generation = context.generation  # what the helper process knows

        def found(index: int) -> Any:
            result = verifier.get(index)
            # Checked by the helper before an earlier bundle of this batch added what the checks use: check here.
            return result if context.generation == generation else None

        try:
            for index, path in enumerate(paths):
                done(import_bundle(store, path, context, extra_trust, bulk=bulk,
                                   checked=partial(found, index), skip=partial(verifier.skip, index)))
        finally:
            verifier.close()
        return report

    checkpoints = _WalCheckpoints(store) if store.is_sqlite else None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="nilai-import-commit") as committer:
        ahead: deque[_Checked] = deque()  # the next bundles, checked while a commit ran
        following = 0  # index of the first bundle neither taken in nor checked ahead
        try:
            while ahead or following < len(paths):
                if ahead:
                    checked = ahead.popleft()
                else:
                    checked, following = _check(store, paths[following], context), following + 1
                result, pending = _take_in(store, checked, context, extra_trust, bulk)
                if pending is not None:
                    commit = committer.submit(pending.commit)
                    if pending.changes_context:  # what was checked ahead did not know what this bundle adds
                        following -= len(ahead)
                        while ahead:
                            ahead.pop().close()
                    else:
                        while following < len(paths) and (not ahead or (
                                not commit.done() and len(ahead) < AHEAD_BUNDLES
                                and sum(c.records for c in ahead) < AHEAD_RECORDS)):
                            ahead.append(_check(store, paths[following], context, ahead=True))
                            following += 1
                    _committed(pending, result, commit.result)
                    if checkpoints is not None:
                        checkpoints.start()
                done(result)
        finally:
            while ahead:
                ahead.pop().close()
            if checkpoints is not None:
                checkpoints.close()
    return report


class _WalCheckpoints:
    """SQLite: committed pages are moved from the write-ahead log into the database file by a passive
    checkpoint on a connection of its own, in a helper thread, while the import goes on; a commit then
    rarely has a large checkpoint of its own to do (it still checkpoints what is left, as always).
    A checkpoint changes nothing a reader sees; one that cannot run now simply runs later."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.connection: Any = None
        self.executor: ThreadPoolExecutor | None = None
        self.running: Future | None = None
        self.commits = 0

    def start(self) -> None:
        """After a commit: every CHECKPOINT_EVERY commits, a checkpoint (unless the last one still runs)."""
        self.commits += 1
        if self.commits < CHECKPOINT_EVERY or (self.running is not None and not self.running.done()):
            return
        if self.executor is None:
            self.connection = self.store.engine.raw_connection()  # the store's own connection settings
            self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nilai-import-checkpoint")
        self.commits = 0
        self.running = self.executor.submit(self._checkpoint)

    def _checkpoint(self) -> None:
        cursor = self.connection.cursor()
        try:
            cursor.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error:
            pass  # like SQLite's own automatic checkpoints: the pages stay in the log until a later one
        finally:
            cursor.close()

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True)
            self.connection.close()


def build_context(store: Store, extra_trust: dict[str, CertInfo], unlock: Callable[[], Any] | None,
                  limits: Limits = DEFAULT_LIMITS, include_own_identity: bool = False) -> VerifyContext:
    """Everything the checks need from the store, read once (nothing written)."""
    with store.transaction() as session:
        trusted = trusted_in(session)
        hashes = session.exec(select(InstrumentRow.content_hash)).all()
        instruments = {h: load_instrument(session, h) for h in hashes}
        rounds = {rid: h for rid, h in session.exec(select(Round.id, Round.instrument_hash))}
    trusted.update(extra_trust)

    if include_own_identity:
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
    extra_trust = extra_trust or {}
    if checked is None:
        result, pending = _take_in(store, _check(store, path, context), context, extra_trust, bulk)
        if pending is not None:
            _committed(pending, result, pending.commit)
        return result
    started = time.perf_counter()
    result = R.BundleReport(file=path.name, outcome=R.BUNDLE_REJECTED)
    try:
        known = _known_receipt(store, path, context)
        if known is not None:
            if skip is not None:
                skip()
            _known(result, known)
            return result
        found = checked()
        if isinstance(found, BundleError):
            raise found
        opened = found.reattach(path, context) if found is not None else verify_bundle(path, context)
        with opened as bundle:
            _describe(result, bundle)
            pending = _merge(store, bundle, path, result, context, extra_trust, bulk)
        if pending is not None:
            _committed(pending, result, pending.commit)
    except BundleError as exc:
        _reject(result, exc.kind, str(exc), getattr(exc, "fingerprint", None))
    except IntegrityError as exc:
        _reject_collision(result, path, exc)
    finally:
        result.seconds = round(time.perf_counter() - started, 4)
    return result


# -- one bundle, in steps ---------------------------------------------------------------------


@dataclass
class _Checked:
    """A bundle opened and checked, nothing written: its receipt if it is known here, else the checked
    bundle or why it is rejected; ``failure``: anything else that went wrong, raised in its turn.

    A bundle checked ahead (while another one commits) has not been looked up in the receipts yet
    (``receipt_due``): that waits for the commit (for a bundle that passed its checks, it is the first
    thing its merge transaction does), and a known bundle's check results are then ignored, exactly as
    if it had not been checked."""

    path: Path
    seconds: float = 0.0
    manifest_sha256: str | None = None
    receipt_due: bool = False
    receipt: BundleReceipt | None = None
    bundle: VerifiedBundle | None = None
    error: BundleError | None = None
    failure: Exception | None = None

    @property
    def records(self) -> int:
        return len(self.bundle.records) if self.bundle is not None else 0

    def close(self) -> None:
        if self.bundle is not None:
            self.bundle.close()
            self.bundle = None


def _check(store: Store, path: Path, context: VerifyContext, ahead: bool = False) -> _Checked:
    """Zip sanity, the receipt (a bundle seen before is not checked again), then every check; writes nothing.

    ``ahead``: the store is busy committing another bundle; the receipt is looked up later, by :func:`_take_in`."""
    started = time.perf_counter()
    checked = _Checked(path)
    try:
        opened = open_bundle(path, context)
        try:
            checked.manifest_sha256 = sha = opened.manifest_sha256
            if sha is not None and ahead:
                checked.receipt_due = True
            elif sha is not None:
                checked.receipt = _receipt(store, sha)
        except BaseException:
            opened.close()
            raise
        if checked.receipt is not None:
            try:
                check_repeat(opened, context)  # a repeat only if every file is still as signed
            finally:
                opened.close()
        else:
            checked.bundle = verify_opened(opened, context)
    except BundleError as exc:
        checked.error = exc
        checked.receipt = None
    except Exception as exc:  # noqa: BLE001 - not swallowed: this bundle's rejection when its turn comes
        checked.failure = exc
        checked.receipt = None
    checked.seconds = time.perf_counter() - started
    return checked


def _take_in(store: Store, checked: _Checked, context: VerifyContext, extra_trust: dict[str, CertInfo],
             bulk: str) -> tuple[R.BundleReport, _Pending | None]:
    """Merge a checked bundle in a transaction left open: (its report, the commit still to make, or None)."""
    started = time.perf_counter()
    path = checked.path
    result = R.BundleReport(file=path.name, outcome=R.BUNDLE_REJECTED)
    pending = None
    try:
        if checked.receipt_due and checked.bundle is None:  # (a checked bundle's receipt is looked up in its merge)
            assert checked.manifest_sha256 is not None
            checked.receipt, checked.receipt_due = _receipt(store, checked.manifest_sha256), False
            if checked.receipt is not None and (checked.error is not None or checked.failure is not None):
                # Checked ahead before its receipt was known: it is a repeat only if it is intact as signed
                # (a bundle that needs a passphrase to be checked in full does not need one for that).
                _repeat_or_raise(path, context)
                checked.error = checked.failure = None
        if checked.receipt is not None:
            _known(result, checked.receipt)
            return result, None
        if checked.failure is not None:
            raise check_failed(path.name, checked.failure)  # e.g. while its receipt was looked up
        if checked.error is not None:
            raise checked.error
        bundle = checked.bundle
        assert bundle is not None
        _describe(result, bundle)
        pending = _merge(store, bundle, path, result, context, extra_trust, bulk,
                         checked.manifest_sha256 if checked.receipt_due else None)
    except BundleError as exc:
        _reject(result, exc.kind, str(exc), getattr(exc, "fingerprint", None))
    except IntegrityError as exc:
        _reject_collision(result, path, exc)
    finally:
        checked.close()  # evidence and sheets were copied in the merge
        result.seconds = round(checked.seconds + time.perf_counter() - started, 4)
    return result, pending


def _committed(pending: _Pending, result: R.BundleReport, commit: Callable[[], Any]) -> None:
    """Wait for (or make) the commit of a merged bundle; a bundle whose commit is refused is rejected whole."""
    started = time.perf_counter()
    try:
        commit()
    except IntegrityError as exc:
        _reject_collision(result, Path(result.file), exc)
    else:
        pending.apply()
    finally:
        result.seconds = round(result.seconds + time.perf_counter() - started, 4)


def _known(result: R.BundleReport, receipt: BundleReceipt) -> None:
    result.outcome, result.bundle_id = R.BUNDLE_KNOWN, receipt.bundle_id
    result.fingerprint = receipt.assessor_fingerprint


def _describe(result: R.BundleReport, bundle: VerifiedBundle) -> None:
    result.bundle_id = bundle.bundle_id
    result.assessor = f"{bundle.assessor['name']} ({bundle.assessor['nip'] or 'no NIP'})"
    result.fingerprint = bundle.fingerprint
    result.encrypted = bundle.encrypted


def _reject(result: R.BundleReport, kind: str, reason: str, fingerprint: str | None) -> None:
    result.outcome, result.error_kind, result.reason = R.BUNDLE_REJECTED, kind, reason
    if fingerprint and not result.fingerprint:
        result.fingerprint = fingerprint
    result.records = [R.RecordOutcome(r.record_id, r.version_id, R.REJECTED, reason, r.region_code)
                      for r in result.records] if result.records else []


def _reject_collision(result: R.BundleReport, path: Path, exc: IntegrityError) -> None:
    _reject(result, "refused", f"{path.name}: its records collide with different data already in this store "
                               f"(duplicate id: {str(exc.orig)[:120]}); nothing of it was written", None)


def _repeat_or_raise(path: Path, context: VerifyContext) -> None:
    """Raise why ``path`` is not intact as signed (see :func:`check_repeat`)."""
    opened = open_bundle(path, context)
    try:
        check_repeat(opened, context)
    finally:
        opened.close()


def _receipt(store: Store, sha: str) -> BundleReceipt | None:
    """The receipt of a signed manifest with this SHA-256 (or of an encrypted bundle's outer one), or None."""
    with store.transaction() as session:
        return _receipt_in(session, sha)


_RECEIPTS = table_of(BundleReceipt).c


def _receipt_in(session: Session, sha: str) -> BundleReceipt | None:
    """Looked up with two small queries first (most bundles are new), the receipt loaded only when found."""
    connection = session.connection()
    key = connection.execute(select(_RECEIPTS.manifest_sha256).where(_RECEIPTS.manifest_sha256 == sha)).scalar()
    if key is None:
        key = connection.execute(select(_RECEIPTS.manifest_sha256).where(_RECEIPTS.outer_sha256 == sha)
                                 .limit(1)).scalar()
    return None if key is None else session.get(BundleReceipt, key)


def _known_receipt(store: Store, path: Path, context: VerifyContext) -> BundleReceipt | None:
    """A receipt for this exact signed manifest (read from the zip after the sanity checks), or None; a bundle
    with a receipt must still be intact as signed (:func:`check_repeat`, which raises why it is not)."""
    opened = open_bundle(path, context)
    try:
        sha = opened.manifest_sha256
        receipt = None if sha is None else _receipt(store, sha)
        if receipt is not None:
            check_repeat(opened, context)
        return receipt
    finally:
        opened.close()


# -- the merge --------------------------------------------------------------------------------


@dataclass
class _Pending:
    """A merged bundle whose transaction is still open: ``commit`` ends it (in any one thread, once),
    ``apply`` then tells the rest of the batch what it added."""

    transaction: Any  # the entered store.transaction() context manager
    apply: Callable[[], None]
    changes_context: bool  # whether ``apply`` changes anything the checks of the next bundles use

    def commit(self) -> None:
        self.transaction.__exit__(None, None, None)  # commits; a failure rolls back and is raised (translated)


def _merge(store: Store, bundle: VerifiedBundle, path: Path, result: R.BundleReport, context: VerifyContext,
           extra_trust: dict[str, CertInfo], bulk: str = "tuples", receipt_sha: str | None = None) -> _Pending | None:
    """Everything of the bundle written in one transaction, left open for :meth:`_Pending.commit`
    (None: nothing to write, already committed). ``receipt_sha``: the bundle was checked ahead, and the
    receipt of its manifest.json (as :func:`_receipt` finds it) is looked up first, in this transaction."""
    # The write lock first: another importer's commit cannot come between what this merge reads
    # (receipts, assessors, records) and what it writes.
    transaction = store.transaction(write=True)
    session = transaction.__enter__()
    try:
        settled = _merge_rows(session, store, bundle, path, result, context, extra_trust, bulk, receipt_sha)
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

    return _Pending(transaction, apply, changes)


def _merge_rows(session: Session, store: Store, bundle: VerifiedBundle, path: Path, result: R.BundleReport,
                context: VerifyContext, extra_trust: dict[str, CertInfo], bulk: str,
                receipt_sha: str | None = None) -> set[tuple[str, ...]] | None:
    """The bundle's rows and files; the facts to remember for the batch once this commits (None: known)."""
    if receipt_sha is not None:
        receipt = _receipt_in(session, receipt_sha)
        if receipt is not None:
            _known(result, receipt)
            return None
    connection = session.connection()
    if connection.execute(select(_RECEIPTS.manifest_sha256)
                          .where(_RECEIPTS.manifest_sha256 == bundle.manifest_sha256)).first() is not None:
        result.outcome = R.BUNDLE_KNOWN
        return None
    other = connection.execute(select(_RECEIPTS.manifest_sha256).where(_RECEIPTS.bundle_id == bundle.bundle_id)
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
                f"{bundle.label}: version {parsed.version_id[:8]} was scored under instrument "
                f"{parsed.instrument_hash[:12]}, but round {round_.name!r} here uses {round_.instrument_hash[:12]}")
    if ("regions",) not in context.settled:
        ensure_regions(session)
        settled.add(("regions",))
    for rid in sorted(round_ids - set(existing)):
        info = described[rid]
        namesakes = session.exec(select(Round.id).where(Round.name == info["name"], Round.id != rid)).all()
        if namesakes:  # two rounds of one name: say so, or the coordinator ranks half the assessments unawares
            ids = ", ".join(sorted(i[:8] for i in namesakes))
            result.notes.append(f"a round named {info['name']!r} already exists here with another id ({ids}); this "
                                f"bundle's round ({rid[:8]}) was created beside it")
        settings.put(session, ORIGIN_KEY + rid, "bundle")
        session.add(Round(id=rid, name=info["name"], programme=info["programme"], instrument_hash=info["instrument_hash"],
                          starts_on=date.fromisoformat(info["starts_on"]) if info["starts_on"] else None,
                          ends_on=date.fromisoformat(info["ends_on"]) if info["ends_on"] else None))
        if not namesakes:
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
