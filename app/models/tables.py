"""SQLModel tables of the Nilai store.

Portable by design: the same tables and migrations run on SQLite (an assessor's laptop) and
PostgreSQL (a shared coordinator store). Record and version ids are UUID strings made on the
machine that creates them, so records from many laptops never collide when merged. New ids are
UUIDv7 (time-ordered: a coordinator's index inserts append instead of scattering); the UUID4 ids of
older stores and bundles stay valid - nothing reads an id's version.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy import Column, Index, Table, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.base.ids import uuid7_text


def new_id() -> str:
    """A new UUIDv7: 48 bits of Unix milliseconds, then 74 random bits (ids made later sort later)."""
    return uuid7_text()


def utcnow() -> datetime:
    return datetime.now(UTC)


def table_of(model: type[SQLModel]) -> Table:
    """The Core table behind a model, for bulk statements that skip the ORM."""
    # SQLModel's metaclass sets __table__ on every table=True class but does not declare it.
    return model.__table__  # type: ignore[attr-defined]


class Setting(SQLModel, table=True):
    """Key/value settings of this data directory (profile id, language, last open assessment)."""

    __tablename__ = "setting"
    key: str = Field(primary_key=True, max_length=100)
    value: str = Field(sa_column=Column(Text, nullable=False))


class Province(SQLModel, table=True):
    __tablename__ = "province"
    code: str = Field(primary_key=True, max_length=2)
    name: str = Field(max_length=100)


class Region(SQLModel, table=True):
    """A regency (kabupaten) or city (kota), keyed by its four-digit BPS code."""

    __tablename__ = "region"
    code: str = Field(primary_key=True, max_length=4)
    province_code: str = Field(foreign_key="province.code", max_length=2, index=True)
    name: str = Field(max_length=100)  # title case, "Kabupaten Batang"
    kind: str = Field(max_length=10)  # kabupaten | kota


class InstrumentRow(SQLModel, table=True):
    """One instrument version, identified by its content hash."""

    __tablename__ = "instrument"
    content_hash: str = Field(primary_key=True, max_length=64)
    instrument_id: str = Field(max_length=100, index=True)
    version: str = Field(max_length=40)
    title_id: str = Field(max_length=300)
    title_en: str = Field(max_length=300)
    # The full canonical definition, so any version ever scored can be rebuilt exactly.
    definition_json: str = Field(sa_column=Column(Text, nullable=False))
    stored_at: datetime = Field(default_factory=utcnow)


class DimensionRow(SQLModel, table=True):
    __tablename__ = "dimension"
    instrument_hash: str = Field(foreign_key="instrument.content_hash", primary_key=True, max_length=64)
    code: str = Field(primary_key=True, max_length=40)
    position: int
    title_id: str = Field(max_length=300)
    title_en: str = Field(max_length=300)
    weight: float


class IndicatorRow(SQLModel, table=True):
    __tablename__ = "indicator"
    instrument_hash: str = Field(foreign_key="instrument.content_hash", primary_key=True, max_length=64)
    code: str = Field(primary_key=True, max_length=40)
    dimension_code: str = Field(max_length=40)
    position: int
    title_id: str = Field(sa_column=Column(Text, nullable=False))
    title_en: str = Field(sa_column=Column(Text, nullable=False))
    weight: float
    required: bool = True


class RubricLevelRow(SQLModel, table=True):
    __tablename__ = "rubric_level"
    instrument_hash: str = Field(foreign_key="instrument.content_hash", primary_key=True, max_length=64)
    indicator_code: str = Field(primary_key=True, max_length=40)
    level: int = Field(primary_key=True)
    descriptor_id: str = Field(sa_column=Column(Text, nullable=False))
    descriptor_en: str = Field(sa_column=Column(Text, nullable=False))
    requires_note: bool = False
    requires_evidence: bool = False


class Round(SQLModel, table=True):
    """One campaign: instrument, candidates, dates, panels and slots."""

    __tablename__ = "round"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    name: str = Field(max_length=200)
    programme: str = Field(default="Gerakan Menuju 100 Smart City", max_length=200)
    instrument_hash: str = Field(foreign_key="instrument.content_hash", max_length=64)
    starts_on: date | None = None
    ends_on: date | None = None
    aggregation_rule: str = Field(default="mean", max_length=20)  # mean | median | trimmed_mean | adjusted
    shortlist_sizes: str = Field(default="75,50", max_length=100)
    package_version: int = 0  # the coordinator's round package version last taken in
    coordinator_cert_pem: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    stage: str = Field(default="", max_length=100)  # e.g. "Wawancara", shown on the round and its sheets
    created_at: datetime = Field(default_factory=utcnow)


class ScheduleSettings(SQLModel, table=True):
    """How a round's interviews are laid out: the schedule generator's input besides people and places."""

    __tablename__ = "schedule_settings"
    round_id: str = Field(foreign_key="round.id", primary_key=True, max_length=36)
    days: str = Field(default="", sa_column=Column(Text, nullable=False))  # ISO dates, comma-separated
    day_start: time = time(8, 0)
    day_end: time = time(17, 0)
    slot_minutes: int = 30
    breaks: str = Field(default="12:00-13:00", max_length=200)  # "HH:MM-HH:MM", semicolon-separated
    panels: int = 3
    panel_size: int = 3
    linking: str = Field(default="rotate", max_length=20)  # rotate | calibration_case | none
    rooms: str = Field(default="", sa_column=Column(Text, nullable=False))  # room of each panel, ";"-separated


class Candidate(SQLModel, table=True):
    """A region in a round, with where it stands."""

    __tablename__ = "candidate"
    __table_args__ = (UniqueConstraint("round_id", "region_code"),)
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    round_id: str = Field(foreign_key="round.id", max_length=36, index=True)
    region_code: str = Field(foreign_key="region.code", max_length=4)
    status: str = Field(default="invited", max_length=20)  # invited|assessed|shortlisted|selected


class Assessor(SQLModel, table=True):
    __tablename__ = "assessor"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    name: str = Field(max_length=200)
    nip: str = Field(default="", max_length=40, index=True)
    organisation: str = Field(default="", max_length=200)
    cert_fingerprint: str | None = Field(default=None, max_length=64, index=True)
    role: str = Field(default="", max_length=100)  # academic | government | practitioner | free text
    # Where the assessor comes from: never seated on a candidate of this province (or region).
    province_code: str | None = Field(default=None, max_length=2)
    region_code: str | None = Field(default=None, max_length=4)
    created_at: datetime = Field(default_factory=utcnow)


class RoundAssessor(SQLModel, table=True):
    """An assessor taking part in a round (seated on panels by the schedule)."""

    __tablename__ = "round_assessor"
    round_id: str = Field(foreign_key="round.id", primary_key=True, max_length=36)
    assessor_id: str = Field(foreign_key="assessor.id", primary_key=True, max_length=36)


class AssessorConflict(SQLModel, table=True):
    """A declared conflict of interest between an assessor and a region, besides where they come from."""

    __tablename__ = "assessor_conflict"
    assessor_id: str = Field(foreign_key="assessor.id", primary_key=True, max_length=36)
    region_code: str = Field(foreign_key="region.code", primary_key=True, max_length=4)
    reason: str = Field(default="", sa_column=Column(Text, nullable=False))


class Panel(SQLModel, table=True):
    __tablename__ = "panel"
    __table_args__ = (UniqueConstraint("round_id", "name"),)
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    round_id: str = Field(foreign_key="round.id", max_length=36, index=True)
    name: str = Field(max_length=100)
    room: str = Field(default="", max_length=100)


class PanelAssessor(SQLModel, table=True):
    """Which assessor sits on which panel."""

    __tablename__ = "panel_assessor"
    panel_id: str = Field(foreign_key="panel.id", primary_key=True, max_length=36)
    assessor_id: str = Field(foreign_key="assessor.id", primary_key=True, max_length=36)


class InterviewSlot(SQLModel, table=True):
    __tablename__ = "interview_slot"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    round_id: str = Field(foreign_key="round.id", max_length=36, index=True)
    panel_id: str = Field(foreign_key="panel.id", max_length=36)
    region_code: str = Field(foreign_key="region.code", max_length=4)
    day: date
    start: time
    minutes: int = 30


class Assessment(SQLModel, table=True):
    """One version of one assessor's scoring of one region in one round.

    Every version is a row: reopening a finalized version makes a new row with a new version id
    and the old one as its previous version. ``is_current`` marks the version in force; a
    coordinator store may flag a record as in conflict when two versions compete.
    """

    __tablename__ = "assessment"
    __table_args__ = (Index("ix_assessment_round_region", "round_id", "region_code"),)
    version_id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    record_id: str = Field(default_factory=new_id, max_length=36, index=True)
    previous_version_id: str | None = Field(default=None, max_length=36)
    round_id: str = Field(foreign_key="round.id", max_length=36)
    region_code: str = Field(foreign_key="region.code", max_length=4)
    assessor_id: str = Field(foreign_key="assessor.id", max_length=36, index=True)
    slot_id: str | None = Field(default=None, max_length=36)
    instrument_hash: str = Field(foreign_key="instrument.content_hash", max_length=64)
    status: str = Field(default="draft", max_length=10)  # draft | final | signed
    is_current: bool = True
    in_conflict: bool = False
    origin: str = Field(default="local", max_length=10)  # local | import
    delegation_json: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    reopen_reason: str = Field(default="", sa_column=Column(Text, nullable=False))
    sheet_sha256: str | None = Field(default=None, max_length=64)
    sheet_path: str | None = Field(default=None, max_length=400)  # inside the data directory
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    finalized_at: datetime | None = None
    signed_at: datetime | None = None


class Score(SQLModel, table=True):
    """One indicator of one assessment version: a rubric level or "not applicable", and a note."""

    __tablename__ = "score"
    # Covering index for consolidation's read of a round's levels (answered from the index alone): migration 0009
    __table_args__ = (Index("ix_score_levels", "version_id", "indicator_code", "level", "not_applicable"),)
    version_id: str = Field(foreign_key="assessment.version_id", primary_key=True, max_length=36)
    indicator_code: str = Field(primary_key=True, max_length=40)
    level: int | None = None
    not_applicable: bool = False
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow)


class Evidence(SQLModel, table=True):
    """A file attached to an indicator; the bytes live content-addressed in the data directory."""

    __tablename__ = "evidence"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    version_id: str = Field(foreign_key="assessment.version_id", max_length=36, index=True)
    indicator_code: str = Field(max_length=40)
    file_name: str = Field(max_length=255)
    sha256: str = Field(max_length=64)
    size: int
    stored_path: str = Field(max_length=400)  # relative to the data directory
    added_at: datetime = Field(default_factory=utcnow)


class ChangeLogEntry(SQLModel, table=True):
    """Append-only log of every change, hash-chained per chain (one chain per assessment record).

    ``entry_hash`` = sha256 over the previous entry's hash and this entry's canonical content,
    so editing, deleting or reordering any earlier entry breaks every later hash.
    """

    __tablename__ = "change_log"
    __table_args__ = (UniqueConstraint("chain_id", "position"),)
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    # record id, or "moderation:<round>"; looked up through the UNIQUE (chain_id, position) index
    chain_id: str = Field(max_length=120)
    position: int
    version_id: str | None = Field(default=None, max_length=36)
    indicator_code: str = Field(default="", max_length=40)
    field: str = Field(max_length=40)  # level | note | evidence | delegation | status | moderation
    old: str = Field(default="", sa_column=Column(Text, nullable=False))
    new: str = Field(default="", sa_column=Column(Text, nullable=False))
    reason: str = Field(default="", sa_column=Column(Text, nullable=False))
    kind: str = Field(default="edit", max_length=10)  # edit | undo | redo
    undoes: str | None = Field(default=None, max_length=36)
    actor: str = Field(max_length=200)
    at: str = Field(max_length=40)  # ISO 8601 UTC, kept as text so the hash input is exact
    prev_hash: str = Field(max_length=64)
    entry_hash: str = Field(max_length=64)
