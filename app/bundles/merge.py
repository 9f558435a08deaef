"""Merge decisions: what one checked version means for the record it belongs to.

Keyed on (record id, version id), each version's ancestry coming from its change log (see the
table in docs/bundle-format.md): already present, updated (now signed), fast-forwarded, already
superseded, imported, or a conflict (both kept, the record flagged). Everything decided here is
collected in :class:`Writes` and written by :mod:`app.bundles.bulk` in the bundle's transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from app.base.ids import short_id
from app.bundles import report as R
from app.bundles import zipcheck
from app.bundles.errors import BundleError
from app.bundles.format import canonical_json
from app.bundles.manifest import ENTRY_ROW_FIELDS, ParsedRecord, ancestors_json, substance_digest
from app.bundles.record_document import chain_of, record_document
from app.bundles.verified import VerifiedBundle
from app.models.sync import BranchChangeLog, ImportedVersion, RecordConflict, VersionVariant
from app.models.tables import Assessment, ChangeLogEntry, table_of, utcnow

_IN_CHUNK = 400  # ids per IN (...) query
_ENTRY_HASH_AT = ENTRY_ROW_FIELDS.index("entry_hash")
_ENTRY_HASH = itemgetter(_ENTRY_HASH_AT)  # of a change-log row


@dataclass
class VersionState:
    version_id: str
    previous_version_id: str | None
    is_current: bool
    status: str
    sheet_sha256: str | None
    record_sha256: str | None
    substance_sha256: str | None
    ancestors: list[str] | None


@dataclass
class RecordState:
    record_id: str
    assessor_id: str | None
    in_conflict: bool = False
    versions: dict[str, VersionState] = field(default_factory=dict)
    chain: list[str] = field(default_factory=list)  # entry hashes of change_log, by position
    open_conflicts: list[RecordConflict] = field(default_factory=list)
    flag_all: bool = False  # set in_conflict on every row of the record

    def current(self) -> VersionState | None:
        return next((v for v in self.versions.values() if v.is_current), None)

    def ancestors_of(self, version_id: str) -> set[str]:
        v = self.versions[version_id]
        if v.ancestors is not None:
            return set(v.ancestors)
        found: set[str] = set()
        prev = v.previous_version_id
        while prev and prev not in found:
            found.add(prev)
            prev = self.versions[prev].previous_version_id if prev in self.versions else None
        return found


@dataclass
class Writes:
    assessments: list[dict[str, Any]] = field(default_factory=list)
    scores: list[tuple[Any, ...]] = field(default_factory=list)  # SCORE_COLUMNS order
    evidence: list[dict[str, Any]] = field(default_factory=list)
    entries: list[tuple[Any, ...]] = field(default_factory=list)  # change-log rows, ENTRY_ROW_FIELDS order
    imported: list[dict[str, Any]] = field(default_factory=list)
    not_current: list[str] = field(default_factory=list)  # versions already in the store
    pending: dict[str, dict[str, Any]] = field(default_factory=dict)  # version id -> its row, inserted with the bundle
    signed_updates: list[dict[str, Any]] = field(default_factory=list)
    imported_updates: list[dict[str, Any]] = field(default_factory=list)
    conflicted_records: set[str] = field(default_factory=set)
    evidence_to_copy: set[str] = field(default_factory=set)
    sheets_to_copy: dict[str, tuple[str, str]] = field(default_factory=dict)  # zip path -> (target, sha)
    orm: list[Any] = field(default_factory=list)
    now: datetime = field(default_factory=utcnow)


def chunks(items: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), _IN_CHUNK):
        yield items[i:i + _IN_CHUNK]


def load_records(session: Session, record_ids: list[str]) -> dict[str, RecordState]:
    ids = sorted(set(record_ids))
    records: dict[str, RecordState] = {}
    a = table_of(Assessment).c
    iv = table_of(ImportedVersion).c
    cl = table_of(ChangeLogEntry).c
    for chunk in chunks(ids):
        rows = session.connection().execute(
            core_select(a.version_id, a.record_id, a.previous_version_id, a.is_current, a.in_conflict, a.status,
                   a.sheet_sha256, a.assessor_id).where(a.record_id.in_(chunk))).all()
        if not rows:
            continue
        for row in rows:
            record = records.setdefault(row.record_id, RecordState(row.record_id, row.assessor_id))
            record.in_conflict = record.in_conflict or bool(row.in_conflict)
            record.versions[row.version_id] = VersionState(row.version_id, row.previous_version_id, bool(row.is_current),
                                                       row.status, row.sheet_sha256, None, None, None)
        present = [rid for rid in chunk if rid in records]
        for imported in session.connection().execute(
                core_select(iv.version_id, iv.record_id, iv.record_sha256, iv.substance_sha256, iv.ancestors_json)
                .where(iv.record_id.in_(present))):
            version = records[imported.record_id].versions.get(imported.version_id)
            if version is not None:
                version.record_sha256, version.substance_sha256 = imported.record_sha256, imported.substance_sha256
                version.ancestors = json.loads(imported.ancestors_json)
        for link in session.connection().execute(
                core_select(cl.chain_id, cl.position, cl.entry_hash).where(cl.chain_id.in_(present))
                .order_by(cl.chain_id, cl.position)):
            records[link.chain_id].chain.append(link.entry_hash)
        for conflict in session.exec(select(RecordConflict).where(col(RecordConflict.record_id).in_(present),
                                                                  col(RecordConflict.resolved_at).is_(None))):
            records[conflict.record_id].open_conflicts.append(conflict)
    return records


def decide(session: Session, bundle: VerifiedBundle, record: RecordState, parsed: ParsedRecord,
            writes: Writes) -> tuple[str, str]:
    vid = parsed.version_id
    existing = record.versions.get(vid)
    if existing is not None:
        return _same_version(session, bundle, record, parsed, existing, writes)
    current = record.current()
    if any(vid in record.ancestors_of(other) for other in record.versions):
        outcome, detail, is_current = R.SUPERSEDED, "an older version: a newer one is here already; kept in the history", False
    elif current is None:
        outcome, detail, is_current = R.IMPORTED, "", True
        if record.versions:
            detail = "older versions are here, none current"
    elif current.version_id in parsed.ancestors:
        skipped = len(parsed.ancestors) - 1 - parsed.ancestors.index(current.version_id)
        outcome, is_current = R.FAST_FORWARDED, True
        detail = f"replaces version {short_id(current.version_id)} as the current one"
        if skipped:
            detail += f" ({skipped} version(s) in between not received yet)"
        current.is_current = False
        if current.version_id in writes.pending:  # arrived earlier in this same bundle
            writes.pending[current.version_id]["is_current"] = False
        else:
            writes.not_current.append(current.version_id)
    else:
        outcome, is_current = R.CONFLICT, False
        continued = next((c for c in record.open_conflicts if c.incoming_version_id in parsed.ancestors), None)
        if continued is not None:
            continued.incoming_version_id = vid
            writes.orm.append(continued)
            detail = f"continues the competing branch against version {short_id(current.version_id)}; the record stays flagged"
        else:
            conflict = RecordConflict(record_id=record.record_id, kind="branch", current_version_id=current.version_id,
                                      incoming_version_id=vid, bundle_id=bundle.bundle_id)
            record.open_conflicts.append(conflict)
            writes.orm.append(conflict)
            common = _common_parent(record, parsed)
            detail = (f"branches from {short_id(common) if common else 'the start'} like the current version "
                      f"{short_id(current.version_id)}; both kept, the record is flagged for the coordinator")
        record.in_conflict = record.flag_all = True
        writes.conflicted_records.add(record.record_id)
    record.versions[vid] = VersionState(vid, parsed.previous_version_id, is_current, parsed.status, parsed.sheet_sha256,
                                    parsed.record_sha256, parsed.substance_sha256, list(parsed.ancestors))
    _insert_version(bundle, record, parsed, is_current, writes)
    return outcome, detail


def _common_parent(record: RecordState, parsed: ParsedRecord) -> str | None:
    current = record.current()
    mine = set(record.ancestors_of(current.version_id)) | {current.version_id} if current else set()
    return next((v for v in reversed(parsed.ancestors) if v in mine), None)


def _same_version(session: Session, bundle: VerifiedBundle, record: RecordState, parsed: ParsedRecord,
                  existing: VersionState, writes: Writes) -> tuple[str, str]:
    if existing.record_sha256 is None:
        existing.substance_sha256, existing.record_sha256 = _local_digests(session, parsed.version_id)
    if existing.record_sha256 == parsed.record_sha256:
        return R.ALREADY_PRESENT, ""
    if existing.substance_sha256 == parsed.substance_sha256:
        if parsed.status == "signed" and existing.status != "signed":
            target = _sheet_target(parsed)
            writes.sheets_to_copy[bundle.sheets[parsed.version_id]] = (target, parsed.sheet_sha256 or "")
            writes.signed_updates.append({"b_version_id": parsed.version_id, "status": "signed",
                                          "sheet_sha256": parsed.sheet_sha256, "sheet_path": target,
                                          "signed_at": parsed.assessment_row["signed_at"]})
            writes.imported_updates.append({"b_record_id": parsed.record_id, "b_version_id": parsed.version_id,
                                            "record_sha256": parsed.record_sha256})
            existing.status, existing.sheet_sha256, existing.record_sha256 = "signed", parsed.sheet_sha256, parsed.record_sha256
            _merge_chain(bundle, record, parsed, None, writes)
            return R.UPDATED, "now signed: status and sheet added"
        return R.ALREADY_PRESENT, f"an earlier state of this version ({parsed.status}); the store has it {existing.status}"
    # Same version id, different content: keep both, never overwrite.
    variant = VersionVariant(version_id=parsed.version_id, record_id=record.record_id, bundle_id=bundle.bundle_id,
                             record_sha256=parsed.record_sha256,
                             record_json=_read_checked(bundle, parsed.path, parsed.record_sha256).decode("utf-8"))
    if parsed.version_id in bundle.sheets:
        variant.sheet_path = _sheet_target(parsed)
        writes.sheets_to_copy[bundle.sheets[parsed.version_id]] = (variant.sheet_path, parsed.sheet_sha256 or "")
    writes.evidence_to_copy.update(parsed.evidence_shas)
    writes.orm.append(variant)
    current = record.current()
    conflict = RecordConflict(record_id=record.record_id, kind="same_version",
                              current_version_id=current.version_id if current else parsed.version_id,
                              incoming_version_id=parsed.version_id, variant_id=variant.id, bundle_id=bundle.bundle_id)
    record.open_conflicts.append(conflict)
    writes.orm.append(conflict)
    _merge_chain(bundle, record, parsed, variant.id, writes)
    record.in_conflict = record.flag_all = True
    writes.conflicted_records.add(record.record_id)
    return R.CONFLICT, (f"version {short_id(parsed.version_id)} arrived with different content than the one here; both kept "
                        f"(variant {short_id(variant.id)}), the record is flagged for the coordinator")


def _read_checked(bundle: VerifiedBundle, name: str, sha: str) -> bytes:
    assert bundle.archive is not None
    data = zipcheck.read_entry(bundle.archive, name, bundle.label)
    if hashlib.sha256(data).hexdigest() != sha:
        raise BundleError(f"{bundle.label}: {name} changed while it was being imported; nothing was written")
    return data


def _local_digests(session: Session, version_id: str) -> tuple[str, str]:
    """Digests of a version made in this store (not imported), computed from its rows."""
    assessment = session.get(Assessment, version_id)
    assert assessment is not None
    document = record_document(session, assessment, chain_of(session, assessment.record_id))
    return substance_digest(document), hashlib.sha256(canonical_json(document)).hexdigest()


def _sheet_target(parsed: ParsedRecord) -> str:
    return f"sheets/{parsed.record_id}/{parsed.version_id}-{(parsed.sheet_sha256 or '')[:16]}.pdf"


def _insert_version(bundle: VerifiedBundle, record: RecordState, parsed: ParsedRecord, is_current: bool,
                    writes: Writes) -> None:
    row = dict(parsed.assessment_row)
    row["is_current"] = is_current
    row["in_conflict"] = record.in_conflict
    row["origin"] = "import"
    row["sheet_path"] = None
    if parsed.version_id in bundle.sheets:
        row["sheet_path"] = _sheet_target(parsed)
        writes.sheets_to_copy[bundle.sheets[parsed.version_id]] = (row["sheet_path"], parsed.sheet_sha256 or "")
    writes.assessments.append(row)
    writes.pending[parsed.version_id] = row
    writes.scores.extend(parsed.score_rows)
    writes.evidence.extend(parsed.evidence_rows)
    writes.evidence_to_copy.update(parsed.evidence_shas)
    writes.imported.append({"version_id": parsed.version_id, "record_id": parsed.record_id,
                            "bundle_id": bundle.bundle_id, "record_sha256": parsed.record_sha256,
                            "substance_sha256": parsed.substance_sha256,
                            "ancestors_json": ancestors_json(parsed.ancestors)})
    _merge_chain(bundle, record, parsed, None, writes)


def _merge_chain(bundle: VerifiedBundle, record: RecordState, parsed: ParsedRecord, variant_id: str | None,
                 writes: Writes) -> None:
    """Append the new part of the version's change log, or keep a forked tail beside the chain."""
    main, entries = record.chain, parsed.entry_rows
    overlap = min(len(main), len(entries))
    fork = next((k for k in range(overlap) if main[k] != entries[k][_ENTRY_HASH_AT]), None)
    if fork is None:
        if len(entries) > len(main):
            writes.entries.extend(entries[len(main):])
            main.extend(map(_ENTRY_HASH, entries[len(main):]))
        return
    writes.orm.append(BranchChangeLog(record_id=record.record_id, version_id=parsed.version_id, variant_id=variant_id,
                                      bundle_id=bundle.bundle_id, from_position=fork,
                                      entries_json=json.dumps([dict(zip(ENTRY_ROW_FIELDS, row, strict=True))
                                                               for row in entries[fork:]], ensure_ascii=False)))
