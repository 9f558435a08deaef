"""Receipts: whether a bundle (its signed manifest's SHA-256, or an encrypted bundle's outer one) was
taken in before, and whether such a repeat is still intact as signed.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from sqlalchemy import bindparam
from sqlmodel import Session, select

from app.bundles import report as R
from app.bundles.verified import VerifyContext
from app.bundles.verify import check_repeat, open_bundle
from app.models.sync import BundleReceipt
from app.models.tables import table_of
from app.store import Store, driver
from app.store.driver import Executes


class Known(NamedTuple):
    """What a repeat's report says of the bundle taken in before: its id and who signed it."""

    bundle_id: str
    assessor_fingerprint: str


def report_known(result: R.BundleReport, receipt: Known) -> None:
    result.outcome, result.bundle_id = R.BUNDLE_KNOWN, receipt.bundle_id
    result.fingerprint = receipt.assessor_fingerprint


def repeat_or_raise(path: Path, context: VerifyContext) -> None:
    """Raise why ``path`` is not intact as signed (see :func:`check_repeat`)."""
    opened = open_bundle(path, context)
    try:
        check_repeat(opened, context)
    finally:
        opened.close()


RECEIPTS = table_of(BundleReceipt).c
# Core statements, on the store's driver connection when no session is open: every bundle of an import is looked up, and a Session
# and an ORM object for each were a tenth of checking a repeated bundle (benchmarks/bench_bundle_checks.py).
_KNOWN_BY_MANIFEST = select(RECEIPTS.bundle_id, RECEIPTS.assessor_fingerprint).where(
    RECEIPTS.manifest_sha256 == bindparam("b_sha"))
_KNOWN_BY_OUTER = select(RECEIPTS.bundle_id, RECEIPTS.assessor_fingerprint).where(
    RECEIPTS.outer_sha256 == bindparam("b_sha")).limit(1)


def find_receipt(store: Store, sha: str) -> Known | None:
    """The receipt of a signed manifest with this SHA-256 (or of an encrypted bundle's outer one), or None."""
    with driver.transaction(store) as connection:
        return _known_on(connection, sha)


def find_receipt_in(session: Session, sha: str) -> Known | None:
    """:func:`find_receipt` in the session's transaction (a bundle's merge, under the write lock)."""
    return _known_on(session.connection(), sha)


def _known_on(connection: Executes, sha: str) -> Known | None:
    row = connection.execute(_KNOWN_BY_MANIFEST, {"b_sha": sha}).first()
    if row is None:
        row = connection.execute(_KNOWN_BY_OUTER, {"b_sha": sha}).first()
    return None if row is None else Known(row.bundle_id, row.assessor_fingerprint)


def known_receipt(store: Store, path: Path, context: VerifyContext) -> Known | None:
    """A receipt for this exact signed manifest (read from the zip after the sanity checks), or None; a bundle
    with a receipt must still be intact as signed (:func:`check_repeat`, which raises why it is not)."""
    opened = open_bundle(path, context)
    try:
        sha = opened.manifest_sha256
        receipt = None if sha is None else find_receipt(store, sha)
        if receipt is not None:
            check_repeat(opened, context)
        return receipt
    finally:
        opened.close()
