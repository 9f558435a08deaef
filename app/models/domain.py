"""Plain domain types shared by the core, the UI, sheets and bundles.

These are frozen dataclasses, never ORM objects: they cross threads and reach
widgets safely, and they are what sheets and bundles are rendered from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from functools import cached_property

LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class Text:
    """A bilingual string: Bahasa Indonesia and English."""

    id: str
    en: str

    def get(self, lang: str) -> str:
        value = self.en if lang == "en" else self.id
        return value or self.id or self.en


@dataclass(frozen=True)
class RubricLevel:
    level: int  # 1..n, higher is more ready
    label: Text
    descriptor: Text
    requires_note: bool = False
    requires_evidence: bool = False


@dataclass(frozen=True)
class Indicator:
    code: str  # unique within the instrument, e.g. "STR-1"
    title: Text
    question: Text
    guidance: Text
    evidence_hint: Text
    weight: float  # share within its dimension; a dimension's weights sum to 100
    required: bool
    levels: tuple[RubricLevel, ...]

    @property
    def max_level(self) -> int:
        return max(level.level for level in self.levels)

    @property
    def min_level(self) -> int:
        return min(level.level for level in self.levels)

    def level(self, value: int) -> RubricLevel | None:
        return next((lv for lv in self.levels if lv.level == value), None)


@dataclass(frozen=True)
class Dimension:
    code: str  # e.g. "STR"
    title: Text
    weight: float  # share of the total; the dimensions' weights sum to 100
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Instrument:
    id: str  # e.g. "smart-city-readiness-2018"
    version: str
    title: Text
    description: Text
    source_note: Text  # where the content comes from (e.g. reconstructed from public reports)
    dimensions: tuple[Dimension, ...]
    content_hash: str  # sha256 hex of the canonical JSON of the definition

    def indicators(self) -> list[Indicator]:
        return [ind for dim in self.dimensions for ind in dim.indicators]

    def indicator(self, code: str) -> Indicator | None:
        return self._indicators_by_code.get(code)

    @cached_property
    def _indicators_by_code(self) -> dict[str, Indicator]:
        # Looked up on every score change; codes are unique (the first would win if they were not).
        return {ind.code: ind for ind in reversed(self.indicators())}

    def dimension_of(self, indicator_code: str) -> Dimension | None:
        for dim in self.dimensions:
            if any(ind.code == indicator_code for ind in dim.indicators):
                return dim
        return None


class AssessmentStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"
    SIGNED = "signed"


class CandidateStatus(StrEnum):
    INVITED = "invited"
    ASSESSED = "assessed"
    SHORTLISTED = "shortlisted"
    SELECTED = "selected"


@dataclass(frozen=True)
class RegionInfo:
    code: str  # four-digit BPS code
    name: str  # title case, e.g. "Kabupaten Batang"
    kind: str  # "kabupaten" | "kota"
    province_code: str
    province_name: str


@dataclass(frozen=True)
class AssessorInfo:
    id: str  # uuid
    name: str
    nip: str  # civil-servant number
    organisation: str


@dataclass(frozen=True)
class DelegateInfo:
    name: str
    role: str


@dataclass(frozen=True)
class EvidenceInfo:
    id: str
    file_name: str
    sha256: str
    size: int
    stored_path: str  # relative to the data directory


@dataclass(frozen=True)
class ScoreInfo:
    indicator_code: str
    level: int | None  # None: not scored (or not applicable, see below)
    not_applicable: bool
    note: str
    updated_at: datetime | None
    evidence: tuple[EvidenceInfo, ...] = ()


@dataclass(frozen=True)
class DimensionSummary:
    code: str
    score: float | None  # 0..100, None when nothing in the dimension counts yet
    scored: int  # indicators with a level or marked not applicable
    total: int


@dataclass(frozen=True)
class Summary:
    total: float | None  # weighted 0..100
    dimensions: tuple[DimensionSummary, ...]
    scored: int
    total_indicators: int
    missing_required: tuple[str, ...]  # indicator codes


@dataclass(frozen=True)
class SlotInfo:
    id: str
    day: date
    start: time
    minutes: int
    panel_name: str
    room: str


@dataclass(frozen=True)
class AssessmentSnapshot:
    """Everything needed to render a sheet or write a bundle record for one version."""

    record_id: str
    version_id: str
    previous_version_id: str | None
    status: AssessmentStatus
    round_id: str
    round_name: str
    programme: str
    region: RegionInfo
    assessor: AssessorInfo
    instrument: Instrument
    slot: SlotInfo | None
    delegation: tuple[DelegateInfo, ...]
    scores: tuple[ScoreInfo, ...]
    summary: Summary
    created_at: datetime
    updated_at: datetime
    finalized_at: datetime | None
    reopen_reason: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def score(self, indicator_code: str) -> ScoreInfo | None:
        return next((s for s in self.scores if s.indicator_code == indicator_code), None)
