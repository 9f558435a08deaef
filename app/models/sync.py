"""Tables of the exchange between laptops: bundle receipts, export log, trust list, conflicts.

An assessor's store records what it exported (so ``--since-last`` knows what is new); a
coordinator's store records which bundles it took in (so a known bundle is a fast no-op), which
assessor certificates it trusts, and the competing versions of a record until someone resolves
them. Nothing here is ever needed to *read* an assessment: the assessment tables stay the truth.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

from app.models.tables import new_id, utcnow


class BundleReceipt(SQLModel, table=True):
    """One bundle taken in by this store; re-importing a known manifest is a fast no-op."""

    __tablename__ = "bundle_receipt"
    manifest_sha256: str = Field(primary_key=True, max_length=64)  # of the (inner) signed manifest
    outer_sha256: str | None = Field(default=None, max_length=64, index=True)  # encrypted bundles
    bundle_id: str = Field(max_length=36, index=True)
    assessor_id: str = Field(max_length=36)
    assessor_fingerprint: str = Field(max_length=64, index=True)
    bundle_created_at: str = Field(max_length=40)
    imported_at: datetime = Field(default_factory=utcnow)
    file_name: str = Field(default="", max_length=400)
    records: int = 0
    imported: int = 0
    already_present: int = 0
    fast_forwarded: int = 0
    superseded: int = 0
    updated: int = 0
    conflicts: int = 0


class BundleExport(SQLModel, table=True):
    """One bundle written by this store (assessor side)."""

    __tablename__ = "bundle_export"
    bundle_id: str = Field(primary_key=True, max_length=36)
    created_at: datetime = Field(default_factory=utcnow)
    file_name: str = Field(default="", max_length=400)
    round_id: str | None = Field(default=None, max_length=36)
    manifest_sha256: str = Field(max_length=64)
    recipient_fingerprint: str | None = Field(default=None, max_length=64)
    records: int = 0


class ExportedVersion(SQLModel, table=True):
    """Which version went out in which bundle, in which state (final, or signed with which sheet)."""

    __tablename__ = "bundle_export_version"
    bundle_id: str = Field(primary_key=True, max_length=36)
    version_id: str = Field(primary_key=True, max_length=36, index=True)
    state: str = Field(max_length=80)  # "final" | "signed:<sheet sha256>"


class TrustedCertificate(SQLModel, table=True):
    """An assessor (or coordinator) certificate this store accepts signatures from."""

    __tablename__ = "trusted_certificate"
    fingerprint: str = Field(primary_key=True, max_length=64)  # SHA-256 of the DER, lowercase hex
    pem: str = Field(sa_column=Column(Text, nullable=False))
    name: str = Field(default="", max_length=200)
    nip: str = Field(default="", max_length=40)
    organisation: str = Field(default="", max_length=200)
    source: str = Field(default="", max_length=100)  # "nilai bundle trust", "--trust", "round package" ...
    trusted_at: datetime = Field(default_factory=utcnow)


class ImportedVersion(SQLModel, table=True):
    """What a bundle said about one version it brought in: digests and ancestry (from its change log)."""

    __tablename__ = "imported_version"
    # Keyed record first: lookups are by record, and one index is cheaper to keep than two on bulk imports.
    record_id: str = Field(primary_key=True, max_length=36)
    version_id: str = Field(primary_key=True, max_length=36)
    bundle_id: str = Field(max_length=36)
    record_sha256: str = Field(max_length=64)  # the record file as it arrived
    substance_sha256: str = Field(max_length=64)  # scores, notes, evidence, delegation, ids (not status)
    ancestors_json: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # oldest first
    imported_at: datetime = Field(default_factory=utcnow)


class VersionVariant(SQLModel, table=True):
    """A second, different content that arrived under a version id the store already holds.

    Kept whole (the record file as JSON) so a coordinator can choose it when resolving the conflict.
    """

    __tablename__ = "version_variant"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    version_id: str = Field(max_length=36, index=True)
    record_id: str = Field(max_length=36, index=True)
    bundle_id: str = Field(max_length=36)
    record_sha256: str = Field(max_length=64)
    record_json: str = Field(sa_column=Column(Text, nullable=False))
    sheet_path: str | None = Field(default=None, max_length=400)
    received_at: datetime = Field(default_factory=utcnow)


class BranchChangeLog(SQLModel, table=True):
    """The tail of a record's change log that forks from the one in ``change_log`` (a conflict).

    ``entries_json`` holds the entries from ``from_position`` on, exactly as the bundle carried
    them; entry ``from_position`` follows entry ``from_position - 1`` of the main chain.
    """

    __tablename__ = "branch_change_log"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    record_id: str = Field(max_length=36, index=True)
    version_id: str = Field(max_length=36)
    variant_id: str | None = Field(default=None, max_length=36)
    bundle_id: str = Field(max_length=36)
    from_position: int
    entries_json: str = Field(sa_column=Column(Text, nullable=False))


class RecordConflict(SQLModel, table=True):
    """Two competing versions of one record, open until a coordinator resolves it."""

    __tablename__ = "record_conflict"
    __table_args__ = (Index("ix_record_conflict_open", "record_id", "resolved_at"),)
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    record_id: str = Field(max_length=36)
    kind: str = Field(max_length=20)  # branch | same_version
    current_version_id: str = Field(max_length=36)  # the current version when it was found
    incoming_version_id: str = Field(max_length=36)
    variant_id: str | None = Field(default=None, max_length=36)  # kind same_version
    bundle_id: str = Field(max_length=36)
    detected_at: datetime = Field(default_factory=utcnow)
    resolved_at: datetime | None = None
    chosen_version_id: str | None = Field(default=None, max_length=36)
    reason: str = Field(default="", sa_column=Column(Text, nullable=False))
    resolved_by: str = Field(default="", max_length=200)


class OutboxEntry(SQLModel, table=True):
    """One final or signed version (in that state) for the coordinator's sync service (assessor side).

    Queued once per (version, state); ``batch`` names the bundle file it is being sent in, kept until
    the service answers, so a send cut short is repeated with the very same bundle; ``sent_at`` is
    set only when the service says it was taken in (or was there already).
    """

    __tablename__ = "sync_outbox"
    version_id: str = Field(primary_key=True, max_length=36)
    state: str = Field(primary_key=True, max_length=80)  # as in bundle_export_version
    round_id: str = Field(max_length=36, index=True)
    queued_at: datetime = Field(default_factory=utcnow)
    batch: str | None = Field(default=None, max_length=100)
    attempts: int = 0
    last_attempt_at: datetime | None = None
    outcome: str = Field(default="", max_length=20)  # the service's word, or "" before any answer
    reason: str = Field(default="", sa_column=Column(Text, nullable=False))
    sent_at: datetime | None = None
