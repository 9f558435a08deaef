"""What reached the coordinator's store since the desktop last looked: bundles taken in (by ``nilai
serve``, on this machine or another, or by another coordinator's import) and the quarantine.

The coordinator desktop calls :func:`look` every few seconds on its task runner; it reads two small
tables (a receipt per bundle taken in, the quarantine without its bytes), and first lets in the
quarantined bundles whose certificate has been trusted since (:func:`app.sync.quarantine.settle`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func
from sqlmodel import col, select

from app.bundles.intake import ImportOutcome
from app.models.sync import BundleReceipt, TrustedCertificate
from app.store import Store
from app.sync import quarantine


@dataclass(frozen=True)
class Arrival:
    """One bundle taken in, as its receipt tells it."""

    bundle_id: str
    file_name: str
    assessor: str
    fingerprint: str
    imported_at: datetime
    counts: dict[str, int]


@dataclass(frozen=True)
class Look:
    arrivals: list[Arrival]
    mark: datetime  # pass it to the next look
    waiting: list[tuple[quarantine.Waiting, Path]] = field(default_factory=list)  # new in the quarantine, as files
    settled: ImportOutcome | None = None


# an import committed a little after a later one shows up too (the caller skips bundles it has shown)
OVERLAP = timedelta(minutes=2)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
COUNTED = ("imported", "already_present", "fast_forwarded", "superseded", "updated", "conflicts")


def look(store: Store, since: datetime | None, folder: Path, offered: frozenset[str] = frozenset()) -> Look:
    """Bundles taken in after ``since`` (None: the first look only sets the mark; a few minutes before it
    are read again, see OVERLAP), and the quarantined bundles not ``offered`` yet, written into ``folder``."""
    settled = quarantine.settle(store)
    waiting = quarantine.write_files(store, folder, skip=offered)
    still = {item.sha256[:12] for item in quarantine.waiting(store)}
    for path in folder.glob("sync-*.nilai"):  # trusted and imported, or rejected: no longer waiting
        if path.stem.rsplit("-", 1)[-1] not in still:
            path.unlink(missing_ok=True)
    with store.transaction() as session:
        if since is None:
            latest = session.exec(select(func.max(BundleReceipt.imported_at))).one()
            return Look([], latest or EPOCH, waiting, settled)
        rows = session.exec(select(BundleReceipt, TrustedCertificate.name)
                            .join(TrustedCertificate, col(TrustedCertificate.fingerprint)
                                  == col(BundleReceipt.assessor_fingerprint), isouter=True)
                            .where(col(BundleReceipt.imported_at) > since - OVERLAP)
                            .order_by(col(BundleReceipt.imported_at))).all()
    arrivals = [Arrival(r.bundle_id, r.file_name, name or "", r.assessor_fingerprint, r.imported_at,
                        {k: getattr(r, k) for k in COUNTED if getattr(r, k)}) for r, name in rows]
    mark = max([since, *(a.imported_at for a in arrivals)])
    return Look(arrivals, mark, waiting, settled)
