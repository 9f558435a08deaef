"""One bundle's way into the store, in steps: checked (nothing written), taken in (merged in a
transaction left open), committed; and its report - described, known or rejected with the reason.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from app.bundles import report as R
from app.bundles.errors import BundleError
from app.bundles.merge_transaction import Pending, merge
from app.bundles.receipts import Known, find_receipt, known_receipt, repeat_or_raise, report_known
from app.bundles.trust import CertInfo
from app.bundles.verified import VerifiedBundle, VerifyContext
from app.bundles.verify import check_failed, check_repeat, open_bundle, verify_bundle, verify_opened
from app.store import Store


def import_bundle(store: Store, path: Path, context: VerifyContext,
                  extra_trust: dict[str, CertInfo] | None = None, *, bulk: str = "tuples",
                  checked: Callable[[], Any] | None = None, skip: Callable[[], None] | None = None) -> R.BundleReport:
    """Check one bundle completely, then merge it in one transaction; never raises for a bad bundle.

    ``checked`` gives what a helper process found (see :mod:`app.bundles.pipeline`)."""
    extra_trust = extra_trust or {}
    if checked is None:
        result, pending = take_in(store, check(store, path, context), context, extra_trust, bulk)
        if pending is not None:
            committed(pending, result, pending.commit)
        return result
    started = time.perf_counter()
    result = R.BundleReport(file=path.name, outcome=R.BUNDLE_REJECTED)
    try:
        known = known_receipt(store, path, context)
        if known is not None:
            if skip is not None:
                skip()
            report_known(result, known)
            return result
        found = checked()
        if isinstance(found, BundleError):
            raise found
        opened = found.reattach(path, context) if found is not None else verify_bundle(path, context)
        with opened as bundle:
            describe(result, bundle)
            pending = merge(store, bundle, path, result, context, extra_trust, bulk)
        if pending is not None:
            committed(pending, result, pending.commit)
    except BundleError as exc:
        reject(result, exc.kind, str(exc), getattr(exc, "fingerprint", None))
    except IntegrityError as exc:
        reject_collision(result, path, exc)
    finally:
        result.seconds = round(time.perf_counter() - started, 4)
    return result


@dataclass
class Checked:
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
    receipt: Known | None = None
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


def check(store: Store, path: Path, context: VerifyContext, ahead: bool = False) -> Checked:
    """Zip sanity, the receipt (a bundle seen before is not checked again), then every check; writes nothing.

    ``ahead``: the store is busy committing another bundle; the receipt is looked up later, by :func:`take_in`."""
    started = time.perf_counter()
    checked = Checked(path)
    try:
        opened = open_bundle(path, context)
        try:
            checked.manifest_sha256 = sha = opened.manifest_sha256
            if sha is not None and ahead:
                checked.receipt_due = True
            elif sha is not None:
                checked.receipt = find_receipt(store, sha)
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


def take_in(store: Store, checked: Checked, context: VerifyContext, extra_trust: dict[str, CertInfo],
             bulk: str) -> tuple[R.BundleReport, Pending | None]:
    """Merge a checked bundle in a transaction left open: (its report, the commit still to make, or None)."""
    started = time.perf_counter()
    path = checked.path
    result = R.BundleReport(file=path.name, outcome=R.BUNDLE_REJECTED)
    pending = None
    try:
        if checked.receipt_due and checked.bundle is None:  # (a checked bundle's receipt is looked up in its merge)
            assert checked.manifest_sha256 is not None
            checked.receipt, checked.receipt_due = find_receipt(store, checked.manifest_sha256), False
            if checked.receipt is not None and (checked.error is not None or checked.failure is not None):
                # Checked ahead before its receipt was known: it is a repeat only if it is intact as signed
                # (a bundle that needs a passphrase to be checked in full does not need one for that).
                repeat_or_raise(path, context)
                checked.error = checked.failure = None
        if checked.receipt is not None:
            report_known(result, checked.receipt)
            return result, None
        if checked.failure is not None:
            raise check_failed(path.name, checked.failure)  # e.g. while its receipt was looked up
        if checked.error is not None:
            raise checked.error
        bundle = checked.bundle
        assert bundle is not None
        describe(result, bundle)
        pending = merge(store, bundle, path, result, context, extra_trust, bulk,
                         checked.manifest_sha256 if checked.receipt_due else None)
    except BundleError as exc:
        reject(result, exc.kind, str(exc), getattr(exc, "fingerprint", None))
    except IntegrityError as exc:
        reject_collision(result, path, exc)
    finally:
        checked.close()  # evidence and sheets were copied in the merge
        result.seconds = round(checked.seconds + time.perf_counter() - started, 4)
    return result, pending


def committed(pending: Pending, result: R.BundleReport, commit: Callable[[], Any]) -> None:
    """Wait for (or make) the commit of a merged bundle; a bundle whose commit is refused is rejected whole."""
    started = time.perf_counter()
    try:
        commit()
    except IntegrityError as exc:
        reject_collision(result, Path(result.file), exc)
    else:
        pending.apply()
    finally:
        result.seconds = round(result.seconds + time.perf_counter() - started, 4)


def describe(result: R.BundleReport, bundle: VerifiedBundle) -> None:
    result.bundle_id = bundle.bundle_id
    result.assessor = f"{bundle.assessor['name']} ({bundle.assessor['nip'] or 'no NIP'})"
    result.fingerprint = bundle.fingerprint
    result.encrypted = bundle.encrypted


def reject(result: R.BundleReport, kind: str, reason: str, fingerprint: str | None) -> None:
    result.outcome, result.error_kind, result.reason = R.BUNDLE_REJECTED, kind, reason
    if fingerprint and not result.fingerprint:
        result.fingerprint = fingerprint
    result.records = [R.RecordOutcome(r.record_id, r.version_id, R.REJECTED, reason, r.region_code)
                      for r in result.records] if result.records else []


def reject_collision(result: R.BundleReport, path: Path, exc: IntegrityError) -> None:
    reject(result, "refused", f"{path.name}: its records collide with different data already in this store "
                               f"(duplicate id: {str(exc.orig)[:120]}); nothing of it was written", None)
