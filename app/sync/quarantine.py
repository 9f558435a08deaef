"""Bundles from a certificate the store does not trust (yet): kept, unopened, for the coordinator.

The sender proved they hold the key of the certificate they sent, but nobody here has said that
certificate is an assessor of this round. Its bundles are neither imported nor thrown away: each is
kept whole in the store (table ``sync_quarantine``) beside the certificate, so the coordinator's
desktop sees them even on another machine than ``nilai serve``. The coordinator checks the
fingerprint with the assessor, then trusts it (:func:`trust_and_import`: the bundles are imported
like any bundle file, with the same report) or rejects it (:func:`reject`: the bundles are deleted).
A certificate trusted another way (``nilai bundle trust``, a renewal accepted in the desktop) lets its
waiting bundles in at the next :func:`settle`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select

from app.bundles import report as R
from app.bundles.errors import BundleError
from app.bundles.format import SUFFIX
from app.bundles.intake import ImportOutcome, import_files, trust_all_and_import
from app.bundles.trust import REVOKED, cert_info
from app.models.quarantine import QuarantinedBundle
from app.models.sync import TrustedCertificate
from app.store import Store

# a row holds the whole bundle: PostgreSQL's bytea takes up to 1 GB, and a laptop's bundle stays far below
MAX_QUARANTINE_BYTES = 512 << 20
# anyone can make a certificate: what waits for a decision is bounded per certificate and in all
MAX_PER_CERTIFICATE_BYTES = 2 << 30
MAX_TOTAL_BYTES = 8 << 30


@dataclass(frozen=True)
class Waiting:
    """One quarantined bundle, without its bytes."""

    sha256: str
    fingerprint: str
    name: str
    nip: str
    organisation: str
    received_at: datetime
    reason: str
    size: int
    certificate_pem: str

    @property
    def file_name(self) -> str:
        """When it arrived, and which bundle: what a coordinator reads in a list of files."""
        return f"sync-{self.received_at.astimezone():%Y%m%d-%H%M%S}-{self.sha256[:12]}{SUFFIX}"


class TooLargeForQuarantine(Exception):
    pass


def keep(store: Store, bundle: Path, sha256: str, fingerprint: str, cert_pem: str, reason: str,
         sender_fingerprint: str = "") -> bool:
    """Keep a received bundle in the store's quarantine; False when this very bundle was kept already."""
    data = Path(bundle).read_bytes()
    if len(data) > MAX_QUARANTINE_BYTES:
        raise TooLargeForQuarantine(f"the bundle ({len(data):,} bytes) is larger than the quarantine keeps "
                                    f"({MAX_QUARANTINE_BYTES:,}); the coordinator trusts the certificate first, "
                                    "then it is sent again")
    with store.transaction() as session:
        size = func.coalesce(func.sum(QuarantinedBundle.size), 0)
        held = session.exec(select(size).where(QuarantinedBundle.fingerprint == fingerprint)).one()
        total = session.exec(select(size)).one()
    if held + len(data) > MAX_PER_CERTIFICATE_BYTES or total + len(data) > MAX_TOTAL_BYTES:
        raise TooLargeForQuarantine(f"the quarantine is full ({int(held):,} bytes from this certificate, "
                                    f"{int(total):,} in all); the coordinator decides on what waits first")
    try:
        info = cert_info(cert_pem.encode("ascii"))
        name, nip, organisation = info.name, info.nip, info.organisation
    except BundleError:
        name = nip = organisation = ""
    row = {"sha256": sha256, "fingerprint": fingerprint, "certificate_pem": cert_pem, "name": name, "nip": nip,
           "organisation": organisation, "sender_fingerprint": sender_fingerprint, "reason": reason[:2000],
           "received_at": datetime.now().astimezone(), "size": len(data), "bundle": data}
    insert = pg_insert if store.engine.dialect.name == "postgresql" else sqlite_insert
    with store.transaction(write=True) as session:  # two services at once: the same bundle is kept once
        result = session.execute(insert(QuarantinedBundle).values(**row).on_conflict_do_nothing())
        return bool(cast(CursorResult, result).rowcount)


def waiting(store: Store, fingerprints: Iterable[str] | None = None) -> list[Waiting]:
    """Every quarantined bundle (or those of these certificates), oldest first."""
    columns = [getattr(QuarantinedBundle, name) for name in Waiting.__dataclass_fields__]
    query = select(*columns).order_by(col(QuarantinedBundle.received_at), col(QuarantinedBundle.sha256))
    if fingerprints is not None:
        query = query.where(col(QuarantinedBundle.fingerprint).in_(list(fingerprints)))
    with store.transaction() as session:
        return [Waiting(*row) for row in session.exec(query)]


def count(store: Store) -> int:
    with store.transaction() as session:
        return int(session.exec(select(func.count()).select_from(QuarantinedBundle)).one())


def write_files(store: Store, folder: Path, fingerprints: Iterable[str] | None = None,
                skip: Iterable[str] = ()) -> list[tuple[Waiting, Path]]:
    """Each quarantined bundle (but those whose SHA-256 is in ``skip``) as a file in ``folder`` (the
    importer reads files), with its row."""
    folder.mkdir(parents=True, exist_ok=True)
    found = []
    left_out = set(skip)
    for item in waiting(store, fingerprints):
        if item.sha256 in left_out:
            continue
        path = folder / item.file_name
        if not path.is_file():
            with store.transaction() as session:
                data = session.exec(select(QuarantinedBundle.bundle).where(QuarantinedBundle.sha256 == item.sha256)).one()
            path.write_bytes(data)
        found.append((item, path))
    return found


def trust_and_import(store: Store, fingerprints: Iterable[str], unlock: Callable[[], Any] | None = None,
                     progress: Callable[[int, int], None] | None = None) -> ImportOutcome:
    """Trust these certificates (after the coordinator checked their fingerprints), import their
    quarantined bundles with the usual report, and take them out of the quarantine."""
    chosen = list(dict.fromkeys(fingerprints))
    items = waiting(store, chosen)
    known = {item.fingerprint for item in items}
    missing = [f for f in chosen if f not in known]
    if missing:
        raise BundleError(f"no bundle waits in the quarantine for certificate {missing[0][:16]}…; "
                          "see nilai bundle quarantine list")
    infos = [cert_info(next(i for i in items if i.fingerprint == f).certificate_pem.encode("ascii"),
                       source="sync quarantine") for f in chosen]
    with tempfile.TemporaryDirectory(prefix="nilai-quarantine-") as folder:
        files = write_files(store, Path(folder), chosen)
        outcome = trust_all_and_import(store, infos, [path for _item, path in files], unlock, progress)
        _release(store, files, outcome)
    return outcome


def settle(store: Store, progress: Callable[[int, int], None] | None = None) -> ImportOutcome | None:
    """Import the quarantined bundles whose certificate has been trusted since (another way than
    :func:`trust_and_import`); None when there are none."""
    with store.transaction() as session:
        trusted = {row.fingerprint for row in session.exec(
            select(TrustedCertificate).join(QuarantinedBundle, col(QuarantinedBundle.fingerprint)
                                            == col(TrustedCertificate.fingerprint)))
            if not row.source.startswith(REVOKED)}
    if not trusted:
        return None
    with tempfile.TemporaryDirectory(prefix="nilai-quarantine-") as folder:
        files = write_files(store, Path(folder), trusted)
        outcome = import_files(store, [path for _item, path in files], progress=progress)
        _release(store, files, outcome)
    return outcome


def reject(store: Store, fingerprints: Iterable[str]) -> int:
    """Delete the quarantined bundles of these certificates (the coordinator does not trust them); how many."""
    chosen = list(fingerprints)
    with store.transaction(write=True) as session:
        result = session.execute(delete(QuarantinedBundle).where(col(QuarantinedBundle.fingerprint).in_(chosen)))
        return int(cast(CursorResult, result).rowcount or 0)


def _release(store: Store, files: list[tuple[Waiting, Path]], outcome: ImportOutcome) -> None:
    """Take out of the quarantine what the import settled (taken in, known, or refused for good); a
    bundle still waiting for another certificate (signed by someone else) stays."""
    settled = [item.sha256 for (item, _path), bundle in zip(files, outcome.report.bundles, strict=True)
               if not (bundle.outcome == R.BUNDLE_REJECTED and bundle.error_kind == "untrusted")]
    if settled:
        with store.transaction(write=True) as session:
            session.execute(delete(QuarantinedBundle).where(col(QuarantinedBundle.sha256).in_(settled)))
