"""The competing versions of each record in conflict, side by side, for a coordinator to choose one.

Each choice is either a version of the record (a row of its own) or a variant (a second content
sent under a version id already here, kept whole as JSON); both are shown with their status, date,
total and levels, the total computed with the instrument the version was scored under.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from app import regions
from app.assessments import marks_of
from app.assessments.scoring import Mark, summarize
from app.bundles.conflicts import ConflictInfo, open_conflicts
from app.instruments.catalogue import load_instrument
from app.models.domain import Instrument
from app.models.sync import VersionVariant
from app.models.tables import Assessment, Assessor
from app.store import Store


@dataclass(frozen=True)
class VersionChoice:
    id: str  # what resolve_conflict accepts: a version id or a variant id
    kind: str  # "version" | "variant"
    version_id: str
    status: str
    current: bool
    when: datetime | None  # finalized (version) or received (variant)
    total: float | None
    levels: dict[str, int | None]  # indicator code -> level (None: not applicable)


@dataclass(frozen=True)
class ConflictView:
    id: str
    record_id: str
    kind: str  # branch | same_version
    region: str  # "3325 Kabupaten Batang"
    assessor: str
    detected_at: datetime
    choices: tuple[VersionChoice, ...]


def open_conflict_views(store: Store) -> list[ConflictView]:
    """Every open conflict, oldest first, with its choices."""
    views = []
    for conflict in open_conflicts(store):
        with store.transaction() as session:
            assessor, choices = _choices(session, conflict)
        views.append(ConflictView(conflict.id, conflict.record_id, conflict.kind, _region_text(conflict.region_code),
                                  f"{assessor.name} ({assessor.nip or '–'})" if assessor else "",
                                  conflict.detected_at, tuple(choices)))
    return views


def _region_text(code: str) -> str:
    try:
        region = regions.region(code)
    except LookupError:  # not in the catalogue: the code alone
        return code
    return f"{region.code} {region.name}"


def _choices(session: Session, conflict: ConflictInfo) -> tuple[Assessor | None, list[VersionChoice]]:
    rows = {a.version_id: a for a in session.exec(select(Assessment).where(
        Assessment.record_id == conflict.record_id))}
    variants = {v.id: v for v in session.exec(select(VersionVariant).where(
        VersionVariant.record_id == conflict.record_id))}
    any_row = next(iter(rows.values()), None)
    assessor = session.get(Assessor, any_row.assessor_id) if any_row else None
    instruments: dict[str, Instrument] = {}

    def instrument(content_hash: str) -> Instrument:
        if content_hash not in instruments:
            instruments[content_hash] = load_instrument(session, content_hash)
        return instruments[content_hash]

    choices = []
    for choice_id in conflict.candidates:
        if choice_id in rows:
            a = rows[choice_id]
            marks = marks_of(session, a.version_id)
            levels = {code: (None if m.not_applicable else m.level) for code, m in marks.items()
                      if m.level is not None or m.not_applicable}
            choices.append(VersionChoice(a.version_id, "version", a.version_id, a.status, a.is_current,
                                         a.finalized_at or a.updated_at, summarize(instrument(a.instrument_hash),
                                                                                   marks).total, levels))
        elif choice_id in variants:
            v = variants[choice_id]
            document = json.loads(v.record_json)
            levels, variant_marks = {}, {}
            for score in document.get("scores", []):
                level, na = score.get("level"), bool(score.get("not_applicable"))
                if level is not None or na:
                    levels[score["indicator_code"]] = None if na else level
                    variant_marks[score["indicator_code"]] = Mark(level=None if na else level, not_applicable=na)
            base = rows.get(v.version_id)  # the variant is scored under its version's instrument
            total = summarize(instrument(base.instrument_hash), variant_marks).total if base is not None else None
            choices.append(VersionChoice(v.id, "variant", v.version_id, str(document.get("status", "")),
                                         False, v.received_at, total, levels))
    return assessor, choices
