"""Editing one assessment: every change committed and logged in the same transaction.

There is no save step: each call is its own transaction, and writes a change-log entry (the
record's hash chain) in the same transaction as the change itself, so the store and its history
never disagree. `history` undoes and redoes from that log; `lifecycle` finalizes, reopens, signs.
A score or note change reads and writes its rows through Core (:mod:`app.assessments.rows`),
compiled once and run on the driver's connection (:mod:`app.store.driver`): it is the interview's
hot path, and the ORM's and then the Session's bookkeeping cost more than the disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, select

from app.assessments import rows
from app.assessments.scoring import Mark
from app.instruments.catalogue import instrument_of, load_instrument
from app.models.domain import AssessmentStatus, DelegateInfo, EvidenceInfo, Instrument
from app.models.tables import (
    Assessment,
    Assessor,
    Evidence,
    InterviewSlot,
    Round,
    Score,
    new_id,
    utcnow,
)
from app.store import Store, changelog, cipher, driver, replay, sealed, settings
from app.store.driver import Executes

NOT_APPLICABLE = replay.NOT_APPLICABLE


class AssessmentError(Exception):
    """A request the assessment cannot take; the message says why and what to do."""


@dataclass(frozen=True)
class Problem:
    """Something that blocks finalizing, tied to the indicator to jump to."""

    indicator_code: str
    kind: str  # missing_level | needs_note | needs_evidence
    message: str


class FinalizeBlocked(AssessmentError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} thing(s) to complete before finalizing: " + "; ".join(p.message for p in problems))


@dataclass(frozen=True)
class Change:
    """What a call changed, so a UI knows what to refresh."""

    version_id: str
    indicator_code: str
    field: str
    value: str


# -- reading -----------------------------------------------------------------------------------


def get_version(session: Session, version_id: str) -> Assessment:
    assessment = session.get(Assessment, version_id)
    if assessment is None:
        raise AssessmentError(f"assessment version {version_id} does not exist in this store")
    return assessment


def last_open_version(store: Store) -> str | None:
    """The version that was open when the program last closed, if it is still in the store.

    A version that is gone (e.g. after restoring an older backup) is forgotten, so the next start
    opens on the schedule.
    """
    last = settings.read(store, settings.LAST_OPEN)
    if not last:
        return None
    with store.transaction() as session:
        if session.get(Assessment, last) is not None:
            return last
    settings.write(store, settings.LAST_OPEN, None)
    return None


def marks_of(session: Session, version_id: str) -> dict[str, Mark]:
    rows = session.exec(select(Score).where(Score.version_id == version_id)).all()
    return {row.indicator_code: Mark(row.level, row.not_applicable) for row in rows}


def encode_mark(mark: Mark) -> str:
    if mark.not_applicable:
        return NOT_APPLICABLE
    return "" if mark.level is None else str(mark.level)


def decode_mark(value: str) -> Mark:
    if value == NOT_APPLICABLE:
        return Mark(None, True)
    return Mark(int(value), False) if value else Mark()


# -- writing -----------------------------------------------------------------------------------


def start_assessment(
    store: Store, *, round_id: str, region_code: str, assessor_id: str, slot_id: str | None = None
) -> str:
    """The current version of this assessor's assessment of the region, created if there is none."""
    with store.transaction() as session:
        existing = session.exec(
            select(Assessment).where(
                Assessment.round_id == round_id,
                Assessment.region_code == region_code,
                Assessment.assessor_id == assessor_id,
                col(Assessment.is_current).is_(True),
            )
        ).first()
        if existing is not None:
            return existing.version_id
        round_ = session.get(Round, round_id)
        if round_ is None:
            raise AssessmentError(f"round {round_id} does not exist in this store")
        if slot_id is None:
            slot_id = session.exec(select(InterviewSlot.id).where(InterviewSlot.round_id == round_id,
                                                                  InterviewSlot.region_code == region_code)).first()
        assessment = Assessment(
            round_id=round_id,
            region_code=region_code,
            assessor_id=assessor_id,
            slot_id=slot_id,
            instrument_hash=round_.instrument_hash,
        )
        session.add(assessment)
        session.flush()
        changelog.append(session, assessment.record_id, field="status", old="", new="draft",
                         actor=_actor(session, assessor_id), version_id=assessment.version_id)
        return assessment.version_id


def _actor(session: Session, assessor_id: str) -> str:
    assessor = session.get(Assessor, assessor_id)
    return f"{assessor.name} <{assessor.nip}>" if assessor else assessor_id


def _refuse_unless_editable(status: str, is_current: bool) -> None:
    if status != AssessmentStatus.DRAFT:
        raise AssessmentError(
            "This assessment is finalized and read-only. Reopen it as a new version (with a reason) to change it."
        )
    if not is_current:
        raise AssessmentError("This is an older version of the assessment; only the current version can change.")


def editable_version(session: Session, version_id: str) -> Assessment:
    assessment = get_version(session, version_id)
    _refuse_unless_editable(assessment.status, assessment.is_current)
    return assessment


def editable_draft(session: Session, version_id: str) -> rows.DraftRow:
    """The draft a change goes to (read with Core: the hot path loads no ORM objects)."""
    return _editable(rows.draft_row(session.connection(), version_id), version_id)


def _editable(draft: rows.DraftRow | None, version_id: str) -> rows.DraftRow:
    if draft is None:
        raise AssessmentError(f"assessment version {version_id} does not exist in this store")
    _refuse_unless_editable(draft.status, draft.is_current)
    return draft


def _field_value(row: rows.ScoreRow | None, field: str) -> str:
    if field == "level":
        return encode_mark(Mark(row.level, row.not_applicable)) if row else ""
    if field == "note":
        return row.note if row else ""
    raise ValueError(field)


def apply_field(session: Session, version_id: str, code: str, field: str, value: str) -> None:
    """Write one field's value; used alike by edits, undo and redo."""
    if field == "evidence":
        _apply_evidence(session, version_id, code, value)
        rows.touch_assessment(session.connection(), version_id, utcnow())
    else:
        _write_score_field(session.connection(), version_id, code, field, value)


def _write_score_field(connection: Executes, version_id: str, code: str, field: str, value: str) -> None:
    now = utcnow()
    if field == "level":
        mark = decode_mark(value)
        rows.write_score(connection, version_id, code, now, level=mark.level, not_applicable=mark.not_applicable)
    elif field == "note":
        rows.write_score(connection, version_id, code, now, note=value)
    else:
        raise ValueError(f"unknown field {field}")
    rows.touch_assessment(connection, version_id, now)


def _apply_evidence(session: Session, version_id: str, code: str, value: str) -> None:
    # value is "+<json>" to attach or "-<json>" to detach one evidence file.
    sign, info = value[0], json.loads(value[1:])
    existing = session.get(Evidence, info["id"])
    if sign == "+" and existing is None:
        session.add(Evidence(id=info["id"], version_id=version_id, indicator_code=code,
                             file_name=info["file_name"], sha256=info["sha256"], size=info["size"],
                             stored_path=info["stored_path"]))
    elif sign == "-" and existing is not None:
        session.delete(existing)


def _invert_evidence(value: str) -> str:
    return ("-" if value[0] == "+" else "+") + value[1:]


def _edit(store: Store, version_id: str, code: str, field: str, value: str, actor: str) -> Change:
    """A level or a note: the interview's hot path, on the driver's connection (app.store.driver)."""
    if field == "evidence":
        return _edit_evidence(store, version_id, code, value, actor)
    with driver.transaction(store) as connection:
        found, score = rows.draft_and_score(connection, version_id, code)
        draft = _editable(found, version_id)
        _check_value(instrument_of(store, draft.instrument_hash), code, field, value)
        old = _field_value(score, field)
        if old != value:
            _write_score_field(connection, version_id, code, field, value)
            changelog.append_on(connection, draft.record_id, field=field, old=old, new=value, actor=actor,
                                version_id=version_id, indicator_code=code)
        return Change(version_id, code, field, value)


def _edit_evidence(store: Store, version_id: str, code: str, value: str, actor: str) -> Change:
    with store.transaction() as session:
        draft = editable_draft(session, version_id)
        _check_value(load_instrument(session, draft.instrument_hash), code, "evidence", value)
        apply_field(session, version_id, code, "evidence", value)
        changelog.append(session, draft.record_id, field="evidence", old=_invert_evidence(value), new=value,
                         actor=actor, version_id=version_id, indicator_code=code)
        return Change(version_id, code, "evidence", value)


def _check_value(instrument: Instrument, code: str, field: str, value: str) -> None:
    indicator = instrument.indicator(code)
    if indicator is None:
        raise AssessmentError(f"indicator {code} is not part of instrument {instrument.id} {instrument.version}")
    if field == "level":
        mark = decode_mark(value)
        if mark.level is not None and indicator.level(mark.level) is None:
            raise AssessmentError(f"level {mark.level} is not a rubric level of {code} "
                                  f"({indicator.min_level}-{indicator.max_level})")


def set_level(store: Store, version_id: str, indicator_code: str, level: int | None, actor: str) -> Change:
    return _edit(store, version_id, indicator_code, "level", encode_mark(Mark(level)), actor)


def set_not_applicable(store: Store, version_id: str, indicator_code: str, actor: str) -> Change:
    return _edit(store, version_id, indicator_code, "level", NOT_APPLICABLE, actor)


def set_note(store: Store, version_id: str, indicator_code: str, note: str, actor: str) -> Change:
    return _edit(store, version_id, indicator_code, "note", note, actor)


def evidence_dir(store: Store) -> Path:
    return store.data_dir / "evidence"


def add_evidence(store: Store, version_id: str, indicator_code: str, source: Path, actor: str) -> EvidenceInfo:
    """Copy a file into the data directory (content-addressed by SHA-256) and attach it."""
    source = Path(source)
    if not source.is_file():
        raise AssessmentError(f"{source} is not a readable file")
    digest = hashlib.sha256()
    size = 0
    with open(source, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    sha = digest.hexdigest()
    relative = Path("evidence") / sha[:2] / sha
    target = store.data_dir / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        try:
            if cipher.wants_encryption(store.data_dir):  # an encrypted store keeps evidence sealed
                partial.write_bytes(sealed.seal(source.read_bytes(), cipher.key_for(target)))
            else:
                shutil.copyfile(source, partial)
            with open(partial, "rb+") as handle:
                handle.flush()
                os.fsync(handle.fileno())
            partial.replace(target)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise AssessmentError(f"Could not copy {source.name} into the data directory: {exc.strerror}. "
                                  "Nothing was attached.") from exc

    info = EvidenceInfo(new_id(), source.name, sha, size, relative.as_posix())
    payload = {"id": info.id, "file_name": info.file_name, "sha256": sha, "size": size, "stored_path": info.stored_path}
    _edit(store, version_id, indicator_code, "evidence", "+" + json.dumps(payload, sort_keys=True), actor)
    return info


def remove_evidence(store: Store, version_id: str, evidence_id: str, actor: str) -> Change:
    with store.transaction() as session:
        row = session.get(Evidence, evidence_id)
        if row is None or row.version_id != version_id:
            raise AssessmentError("that evidence file is not attached to this assessment")
        payload = {"id": row.id, "file_name": row.file_name, "sha256": row.sha256, "size": row.size,
                   "stored_path": row.stored_path}
        code = row.indicator_code
    return _edit(store, version_id, code, "evidence", "-" + json.dumps(payload, sort_keys=True), actor)


def set_delegation(store: Store, version_id: str, delegates: list[DelegateInfo], actor: str) -> None:
    with store.transaction() as session:
        assessment = editable_version(session, version_id)
        new = json.dumps([{"name": d.name, "role": d.role} for d in delegates], ensure_ascii=False)
        if new == assessment.delegation_json:
            return
        changelog.append(session, assessment.record_id, field="delegation", old=assessment.delegation_json,
                         new=new, actor=actor, version_id=version_id)
        assessment.delegation_json = new
        assessment.updated_at = utcnow()
        session.add(assessment)
