"""Competing versions of a record: list them, and let a coordinator choose one, with a reason.

The choice is written to the change log in the chain ``resolution:<record id>`` (who, when, which
version was current before, which one now, why). It is kept apart from the record's own chain,
which belongs to the assessor and keeps growing with the versions they send; mixing the
coordinator's entries into it would make the next bundle look like a fork.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from app.base.ids import short_id
from app.bundles.errors import ConflictError
from app.bundles.format import canonical_json
from app.bundles.manifest import SCORE_COLUMNS, parse_record
from app.bundles.record_document import chain_of, record_document
from app.models.sync import ImportedVersion, RecordConflict, VersionVariant
from app.models.tables import Assessment, Evidence, Score, table_of, utcnow
from app.store import Store, changelog


@dataclass(frozen=True)
class ConflictInfo:
    id: str
    record_id: str
    kind: str
    current_version_id: str
    incoming_version_id: str
    variant_id: str | None
    region_code: str
    detected_at: datetime
    candidates: tuple[str, ...]  # what resolve_conflict accepts: version ids and variant ids


def resolution_chain(record_id: str) -> str:
    return f"resolution:{record_id}"


def open_conflicts(store: Store) -> list[ConflictInfo]:
    with store.transaction() as session:
        found = []
        for c in session.exec(select(RecordConflict).where(col(RecordConflict.resolved_at).is_(None))
                              .order_by(col(RecordConflict.detected_at))):
            versions = session.exec(select(Assessment.version_id, Assessment.region_code)
                                    .where(Assessment.record_id == c.record_id)).all()
            variants = session.exec(select(VersionVariant.id).where(VersionVariant.record_id == c.record_id)).all()
            region = versions[0][1] if versions else ""
            found.append(ConflictInfo(c.id, c.record_id, c.kind, c.current_version_id, c.incoming_version_id,
                                      c.variant_id, region, c.detected_at,
                                      tuple(v for v, _ in versions) + tuple(variants)))
        return found


def resolve_conflict(store: Store, record_id: str, chosen_version_id: str, reason: str, actor: str) -> str:
    """Make ``chosen_version_id`` (a version id of the record, or the id of a variant) the current version.

    Every other version stays as history (a replaced variant's content is kept as a variant in its
    turn); the record's conflict flag is cleared and the open conflicts are closed with the reason.
    Returns the version id now current.
    """
    reason = reason.strip()
    if not reason:
        raise ConflictError("Give a reason for the choice: it is kept in the change log.")
    with store.transaction(write=True) as session:
        conflicts = list(session.exec(select(RecordConflict).where(RecordConflict.record_id == record_id,
                                                                   col(RecordConflict.resolved_at).is_(None))))
        if not conflicts:
            raise ConflictError(f"record {short_id(record_id)} has no open conflict")
        rows = {a.version_id: a for a in session.exec(select(Assessment).where(Assessment.record_id == record_id))}
        before = next((a.version_id for a in rows.values() if a.is_current), "")
        variant = session.get(VersionVariant, chosen_version_id)
        if variant is not None and variant.record_id == record_id:
            chosen = _take_variant(session, variant, rows[variant.version_id])
        elif chosen_version_id in rows:
            chosen = chosen_version_id
        else:
            raise ConflictError(f"{chosen_version_id} is neither a version nor a variant of record {short_id(record_id)}")
        for a in rows.values():
            a.is_current = a.version_id == chosen
            a.in_conflict = False
            session.add(a)
        now = utcnow()
        for c in conflicts:
            c.resolved_at, c.chosen_version_id, c.reason, c.resolved_by = now, chosen, reason, actor[:200]
            session.add(c)
        session.flush()
        changelog.append(session, resolution_chain(record_id), field="resolution", old=before, new=chosen,
                         reason=reason, actor=actor, version_id=chosen)
        return chosen


def _take_variant(session: Session, variant: VersionVariant, assessment: Assessment) -> str:
    """Swap a variant's content into its version row; the row's old content becomes a variant."""
    version_id = assessment.version_id
    old_document = record_document(session, assessment, chain_of(session, assessment.record_id))
    old_json = canonical_json(old_document)
    session.add(VersionVariant(version_id=version_id, record_id=assessment.record_id, bundle_id="(replaced)",
                               record_sha256=hashlib.sha256(old_json).hexdigest(), record_json=old_json.decode("utf-8"),
                               sheet_path=assessment.sheet_path))
    data = variant.record_json.encode("utf-8")
    parsed = parse_record(data, f"variant {variant.id}", hashlib.sha256(data).hexdigest(), "conflict resolution")
    connection = session.connection()
    connection.execute(delete(table_of(Score)).where(table_of(Score).c.version_id == version_id))
    connection.execute(delete(table_of(Evidence)).where(table_of(Evidence).c.version_id == version_id))
    if parsed.score_rows:
        connection.execute(insert(table_of(Score)), [dict(zip(SCORE_COLUMNS, row, strict=True))
                                                     for row in parsed.score_rows])
    if parsed.evidence_rows:
        connection.execute(insert(table_of(Evidence)), parsed.evidence_rows)
    for key, value in parsed.assessment_row.items():
        if key not in ("version_id", "record_id"):
            setattr(assessment, key, value)
    assessment.sheet_path = variant.sheet_path
    imported = session.get(ImportedVersion, (assessment.record_id, version_id))
    if imported is not None:
        imported.record_sha256 = parsed.record_sha256
        imported.substance_sha256 = parsed.substance_sha256
        imported.ancestors_json = json.dumps(parsed.ancestors)
        session.add(imported)
    session.delete(variant)
    session.flush()
    return version_id
