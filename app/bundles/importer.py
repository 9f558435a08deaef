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
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

from sqlmodel import select

from app.base.gcpause import fewer_collections
from app.bundles import pipeline
from app.bundles import report as R
from app.bundles.format import DEFAULT_LIMITS, Limits
from app.bundles.import_steps import Checked, check, committed, import_bundle, take_in
from app.bundles.manifest import datetime_time, sqlite_time
from app.bundles.trust import CertInfo, cert_info, trusted_in
from app.bundles.verified import VerifyContext
from app.identity import IdentityError, load_identity
from app.instruments.catalogue import load_instrument
from app.models.tables import InstrumentRow, Round
from app.store import Store

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
    ``NILAI_IMPORT_WORKERS`` says, off by default); 0 checks everything here.

    Python's garbage collector runs less often meanwhile (:func:`app.base.gcpause.fewer_collections`)."""
    with fewer_collections():
        return _import_all(store, bundle_paths, extra_trust, unlock, limits, progress, bulk, workers)


def _import_all(store: Store, bundle_paths: Iterable[str | Path], extra_trust: dict[str, CertInfo] | None,
                unlock: Callable[[], Any] | None, limits: Limits, progress: Callable[[R.BundleReport], None] | None,
                bulk: str, workers: int | None) -> R.ImportReport:
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
        ahead: deque[Checked] = deque()  # the next bundles, checked while a commit ran
        following = 0  # index of the first bundle neither taken in nor checked ahead
        try:
            while ahead or following < len(paths):
                if ahead:
                    checked = ahead.popleft()
                else:
                    checked, following = check(store, paths[following], context), following + 1
                result, pending = take_in(store, checked, context, extra_trust, bulk)
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
                            ahead.append(check(store, paths[following], context, ahead=True))
                            following += 1
                    committed(pending, result, commit.result)
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


__all__ = ["build_context", "import_bundle", "import_bundles"]
