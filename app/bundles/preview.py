"""What the next result bundle would hold, for the export dialog: plain rows, no ORM objects.

The selection is the one :func:`app.bundles.export.export_bundle` makes: every *final* and *signed*
version of this laptop's assessor (the profile), and with ``everything=False`` only those not yet
exported in their present state (a version exported as final and signed since goes out again).
A test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptography.x509.oid import NameOID
from sqlmodel import col, select

from app.bundles.export import version_state
from app.identity.certificates import certificate_fingerprint, load_certificate, name_attr
from app.identity.errors import IdentityError
from app.models.sync import BundleExport, ExportedVersion
from app.models.tables import Assessment, Assessor, Round
from app.regions.calibration import stored_region
from app.store import Store, settings


@dataclass(frozen=True)
class PendingVersion:
    version_id: str
    round_id: str
    region_code: str
    region_name: str
    status: str  # final | signed
    number: int  # 1 for a record's first version, 2 after one reopening, ...
    exported_before: bool  # this version is in an earlier bundle (then in another state, or the same)


@dataclass(frozen=True)
class Coordinator:
    name: str
    fingerprint: str
    cert_pem: str


@dataclass(frozen=True)
class RoundSummary:
    id: str
    name: str
    coordinator: Coordinator | None  # from the round package, when the round came in one


@dataclass(frozen=True)
class LastExport:
    created_at: datetime
    file_name: str
    records: int


@dataclass(frozen=True)
class BundlePreview:
    assessor_name: str | None  # None: no profile yet, nothing of this laptop's to export
    rounds: tuple[RoundSummary, ...]  # rounds with a final or signed version of the assessor
    versions: tuple[PendingVersion, ...]
    last_export: LastExport | None

    def coordinator_for(self, round_id: str | None) -> Coordinator | None:
        """The one coordinator certificate of the chosen round (or of every round, for None)."""
        chosen = [r for r in self.rounds if round_id is None or r.id == round_id]
        fingerprints = {r.coordinator.fingerprint if r.coordinator else None for r in chosen}
        if len(fingerprints) != 1 or None in fingerprints:
            return None
        return chosen[0].coordinator


def _coordinator(pem: str | None) -> Coordinator | None:
    if not pem:
        return None
    try:
        cert = load_certificate(pem.encode("ascii"))
    except (IdentityError, UnicodeEncodeError):
        return None
    return Coordinator(name_attr(cert.subject, NameOID.COMMON_NAME), certificate_fingerprint(cert), pem)


def preview(store: Store, *, round_id: str | None = None, everything: bool = False) -> BundlePreview:
    with store.transaction() as session:
        profile_id = settings.get(session, settings.PROFILE)
        assessor = session.get(Assessor, profile_id) if profile_id else None
        last = session.exec(select(BundleExport).order_by(col(BundleExport.created_at).desc())).first()
        last_export = LastExport(last.created_at, last.file_name, last.records) if last else None
        if assessor is None:
            return BundlePreview(None, (), (), last_export)
        mine = list(session.exec(select(Assessment).where(Assessment.assessor_id == assessor.id)))
        previous = {a.version_id: a.previous_version_id for a in mine}
        done = {(v, s) for v, s in session.exec(select(ExportedVersion.version_id, ExportedVersion.state))}
        exported = {v for v, _s in done}
        finished = [a for a in mine if a.status in ("final", "signed")]
        round_rows = {r.id: r for r in session.exec(select(Round).where(
            col(Round.id).in_(sorted({a.round_id for a in finished}))))}
        rounds = tuple(RoundSummary(r.id, r.name, _coordinator(r.coordinator_cert_pem))
                       for r in sorted(round_rows.values(), key=lambda r: (r.starts_on is None, r.starts_on, r.name)))
        versions = []
        for a in finished:
            if round_id is not None and a.round_id != round_id:
                continue
            if not everything and (a.version_id, version_state(a)) in done:
                continue
            number, cursor = 1, previous.get(a.version_id)
            while cursor and number < 1000:
                number, cursor = number + 1, previous.get(cursor)
            versions.append(PendingVersion(a.version_id, a.round_id, a.region_code, stored_region(session, a.region_code).name,
                                           str(a.status), number, a.version_id in exported))
        versions.sort(key=lambda v: (v.region_name, v.number))
        return BundlePreview(assessor.name, rounds, tuple(versions), last_export)
