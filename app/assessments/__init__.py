"""The scoring core: one assessor's assessment of one region, every change committed and logged.

There is no save step: each call is its own transaction, and writes a change-log entry (the
record's hash chain) in the same transaction as the change itself, so the store and its history
never disagree. Undo and redo live here, computed from that history, not in widgets.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, col, select

from app.assessments.scoring import Mark, summarize
from app.instruments.catalogue import load_instrument
from app.models.domain import AssessmentStatus, DelegateInfo, EvidenceInfo
from app.models.tables import (
    Assessment,
    Assessor,
    ChangeLogEntry,
    Evidence,
    InterviewSlot,
    Round,
    Score,
    new_id,
    utcnow,
)
from app.store import Store, StoreError, changelog, replay, settings
from app.store.backup import take_backup

NOT_APPLICABLE = replay.NOT_APPLICABLE
UNDOABLE_FIELDS = ("level", "note", "evidence")
NOTE_TYPING_GAP_S = 2.0  # note saves closer together than this are one stretch of typing, undone at once


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


def _editable(session: Session, version_id: str) -> Assessment:
    assessment = get_version(session, version_id)
    if assessment.status != AssessmentStatus.DRAFT:
        raise AssessmentError(
            "This assessment is finalized and read-only. Reopen it as a new version (with a reason) to change it."
        )
    if not assessment.is_current:
        raise AssessmentError("This is an older version of the assessment; only the current version can change.")
    return assessment


def _score_row(session: Session, version_id: str, indicator_code: str) -> Score:
    row = session.get(Score, (version_id, indicator_code))
    if row is None:
        row = Score(version_id=version_id, indicator_code=indicator_code)
        session.add(row)
    return row


def _current_value(session: Session, assessment: Assessment, code: str, field: str) -> str:
    row = session.get(Score, (assessment.version_id, code))
    if field == "level":
        return encode_mark(Mark(row.level, row.not_applicable)) if row else ""
    if field == "note":
        return row.note if row else ""
    raise ValueError(field)


def _apply(session: Session, store: Store, assessment: Assessment, code: str, field: str, value: str) -> None:
    """Write one field's value; used alike by edits, undo and redo."""
    now = utcnow()
    if field == "level":
        mark = decode_mark(value)
        row = _score_row(session, assessment.version_id, code)
        row.level, row.not_applicable, row.updated_at = mark.level, mark.not_applicable, now
    elif field == "note":
        row = _score_row(session, assessment.version_id, code)
        row.note, row.updated_at = value, now
    elif field == "evidence":
        _apply_evidence(session, assessment, code, value)
    else:
        raise ValueError(f"unknown field {field}")
    assessment.updated_at = now
    session.add(assessment)


def _apply_evidence(session: Session, assessment: Assessment, code: str, value: str) -> None:
    # value is "+<json>" to attach or "-<json>" to detach one evidence file.
    sign, info = value[0], json.loads(value[1:])
    existing = session.get(Evidence, info["id"])
    if sign == "+" and existing is None:
        session.add(Evidence(id=info["id"], version_id=assessment.version_id, indicator_code=code,
                             file_name=info["file_name"], sha256=info["sha256"], size=info["size"],
                             stored_path=info["stored_path"]))
    elif sign == "-" and existing is not None:
        session.delete(existing)


def _invert_evidence(value: str) -> str:
    return ("-" if value[0] == "+" else "+") + value[1:]


def _edit(store: Store, version_id: str, code: str, field: str, value: str, actor: str) -> Change:
    with store.transaction() as session:
        assessment = _editable(session, version_id)
        instrument = load_instrument(session, assessment.instrument_hash)
        indicator = instrument.indicator(code)
        if indicator is None:
            raise AssessmentError(f"indicator {code} is not part of instrument {instrument.id} {instrument.version}")
        if field == "level":
            mark = decode_mark(value)
            if mark.level is not None and indicator.level(mark.level) is None:
                raise AssessmentError(f"level {mark.level} is not a rubric level of {code} "
                                      f"({indicator.min_level}-{indicator.max_level})")
        if field == "evidence":
            old, new = _invert_evidence(value), value
        else:
            old, new = _current_value(session, assessment, code, field), value
            if old == new:
                return Change(version_id, code, field, value)
        _apply(session, store, assessment, code, field, new)
        changelog.append(session, assessment.record_id, field=field, old=old, new=new, actor=actor,
                         version_id=version_id, indicator_code=code)
        return Change(version_id, code, field, value)


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
            shutil.copyfile(source, partial)
            with open(partial, "rb+") as handle:
                handle.flush()
                import os

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
        assessment = _editable(session, version_id)
        new = json.dumps([{"name": d.name, "role": d.role} for d in delegates], ensure_ascii=False)
        if new == assessment.delegation_json:
            return
        changelog.append(session, assessment.record_id, field="delegation", old=assessment.delegation_json,
                         new=new, actor=actor, version_id=version_id)
        assessment.delegation_json = new
        assessment.updated_at = utcnow()
        session.add(assessment)


# -- undo / redo from the history ------------------------------------------------------------


def _stacks(session: Session, assessment: Assessment) -> tuple[list[ChangeLogEntry], list[ChangeLogEntry]]:
    """Replay this version's history: the entries undo would revert, and those redo would."""
    entries = session.exec(
        select(ChangeLogEntry)
        .where(ChangeLogEntry.chain_id == assessment.record_id, ChangeLogEntry.version_id == assessment.version_id,
               col(ChangeLogEntry.field).in_(UNDOABLE_FIELDS))
        .order_by(col(ChangeLogEntry.position))
    ).all()
    undo_stack: list[ChangeLogEntry] = []
    redo_stack: list[ChangeLogEntry] = []
    for entry in entries:
        if entry.kind == "edit":
            undo_stack.append(entry)
            redo_stack.clear()
        elif entry.kind == "undo":
            # An undo reverts every entry from the one it names to the top (a note's saves while typing).
            named = any(e.id == entry.undoes for e in undo_stack)
            while undo_stack:
                if undo_stack.pop().id == entry.undoes or not named:
                    break
            redo_stack.append(entry)
        elif entry.kind == "redo":
            if redo_stack:
                redo_stack.pop()
            undo_stack.append(entry)
    return undo_stack, redo_stack


def _undo_group(undo_stack: list[ChangeLogEntry]) -> list[ChangeLogEntry]:
    """What one undo reverts, newest first: the last change, and when it is a note, the saves of the
    same stretch of typing before it (a note is saved every few hundred ms while it is typed)."""
    group = [undo_stack[-1]]
    for entry in reversed(undo_stack[:-1]):
        last = group[-1]
        if not (last.kind == entry.kind == "edit" and last.field == entry.field == "note"
                and entry.indicator_code == last.indicator_code and entry.position == last.position - 1
                and entry.new == last.old and _seconds_between(entry.at, last.at) <= NOTE_TYPING_GAP_S):
            break
        group.append(entry)
    return group


def _seconds_between(earlier: str, later: str) -> float:
    return (datetime.fromisoformat(later) - datetime.fromisoformat(earlier)).total_seconds()


def undo_state(store: Store, version_id: str) -> tuple[bool, bool]:
    with store.transaction() as session:
        assessment = get_version(session, version_id)
        if assessment.status != AssessmentStatus.DRAFT:
            return False, False
        undo_stack, redo_stack = _stacks(session, assessment)
        return bool(undo_stack), bool(redo_stack)


def _revert(store: Store, version_id: str, actor: str, kind: str) -> Change | None:
    with store.transaction() as session:
        assessment = _editable(session, version_id)
        undo_stack, redo_stack = _stacks(session, assessment)
        stack = undo_stack if kind == "undo" else redo_stack
        if not stack:
            return None
        target = stack[-1]
        earliest = _undo_group(stack)[-1] if kind == "undo" else target
        # Reverting writes back the old value; the new entry records the swap and names the earliest
        # entry it reverts.
        _apply(session, store, assessment, target.indicator_code, target.field, earliest.old)
        changelog.append(session, assessment.record_id, field=target.field, old=target.new, new=earliest.old,
                         actor=actor, version_id=version_id, indicator_code=target.indicator_code,
                         kind=kind, undoes=earliest.id)
        return Change(version_id, target.indicator_code, target.field, earliest.old)


def undo(store: Store, version_id: str, actor: str) -> Change | None:
    return _revert(store, version_id, actor, "undo")


def redo(store: Store, version_id: str, actor: str) -> Change | None:
    return _revert(store, version_id, actor, "redo")


# -- finalize and reopen ---------------------------------------------------------------------


def validate(store: Store, version_id: str, lang: str = "en") -> list[Problem]:
    with store.transaction() as session:
        assessment = get_version(session, version_id)
        instrument = load_instrument(session, assessment.instrument_hash)
        scores = {row.indicator_code: row for row in session.exec(select(Score).where(Score.version_id == version_id))}
        evidence_counts: dict[str, int] = {}
        for ev in session.exec(select(Evidence).where(Evidence.version_id == version_id)):
            evidence_counts[ev.indicator_code] = evidence_counts.get(ev.indicator_code, 0) + 1
    problems: list[Problem] = []
    for indicator in instrument.indicators():
        row = scores.get(indicator.code)
        title = indicator.title.get(lang)
        if row is None or (row.level is None and not row.not_applicable):
            if indicator.required:
                problems.append(Problem(indicator.code, "missing_level", f"{indicator.code} {title}: no level chosen"))
            continue
        level = indicator.level(row.level) if row.level is not None else None
        if level is None:
            continue
        if level.requires_note and not row.note.strip():
            problems.append(Problem(indicator.code, "needs_note", f"{indicator.code} {title}: level {level.level} needs a note"))
        if level.requires_evidence and not evidence_counts.get(indicator.code):
            problems.append(Problem(indicator.code, "needs_evidence",
                                    f"{indicator.code} {title}: level {level.level} needs evidence attached"))
    return problems


def finalize(store: Store, version_id: str, actor: str) -> str | None:
    """Make the version final and read-only, then take a rolling backup.

    Returns a warning when the backup could not be written; the finalize itself stands.
    """
    problems = validate(store, version_id)
    if problems:
        raise FinalizeBlocked(problems)
    with store.transaction() as session:
        assessment = _editable(session, version_id)
        assessment.status = AssessmentStatus.FINAL
        assessment.finalized_at = assessment.updated_at = utcnow()
        session.add(assessment)
        changelog.append(session, assessment.record_id, field="status", old="draft", new="final",
                         actor=actor, version_id=version_id)

    try:
        take_backup(store, "finalized")
    except StoreError as exc:
        return f"The assessment is finalized, but the automatic backup failed: {exc}"
    return None


def reopen(store: Store, version_id: str, reason: str, actor: str) -> str:
    """Start a new draft version from a finalized one; the old version stays as it was."""
    if not reason.strip():
        raise AssessmentError("Give a reason for reopening: it is kept in the assessment's history.")
    with store.transaction() as session:
        old = get_version(session, version_id)
        if old.status == AssessmentStatus.DRAFT:
            raise AssessmentError("This assessment is still a draft; it can be edited as it is.")
        if not old.is_current:
            raise AssessmentError("Only the current version can be reopened.")
        new = Assessment(
            record_id=old.record_id, previous_version_id=old.version_id, round_id=old.round_id,
            region_code=old.region_code, assessor_id=old.assessor_id, slot_id=old.slot_id,
            instrument_hash=old.instrument_hash, delegation_json=old.delegation_json, reopen_reason=reason.strip(),
        )
        old.is_current = False
        session.add(old)
        session.flush()
        session.add(new)
        session.flush()
        for score in session.exec(select(Score).where(Score.version_id == old.version_id)).all():
            session.add(Score(version_id=new.version_id, indicator_code=score.indicator_code, level=score.level,
                              not_applicable=score.not_applicable, note=score.note, updated_at=score.updated_at))
        for ev in session.exec(select(Evidence).where(Evidence.version_id == old.version_id)).all():
            session.add(Evidence(version_id=new.version_id, indicator_code=ev.indicator_code, file_name=ev.file_name,
                                 sha256=ev.sha256, size=ev.size, stored_path=ev.stored_path))
        changelog.append(session, old.record_id, field="version", old=old.version_id, new=new.version_id,
                         reason=reason.strip(), actor=actor, version_id=new.version_id)
        return new.version_id


def mark_signed(store: Store, version_id: str, sheet_sha256: str, sheet_path: str, actor: str) -> None:
    with store.transaction() as session:
        assessment = get_version(session, version_id)
        if assessment.status != AssessmentStatus.FINAL:
            raise AssessmentError("Only a finalized assessment can be signed.")
        assessment.status = AssessmentStatus.SIGNED
        assessment.sheet_sha256, assessment.sheet_path = sheet_sha256, sheet_path
        assessment.signed_at = utcnow()
        session.add(assessment)
        changelog.append(session, assessment.record_id, field="status", old="final", new="signed",
                         reason=f"sheet sha256 {sheet_sha256}", actor=actor, version_id=version_id)


def summary_of(store: Store, version_id: str):  # -> Summary
    with store.transaction() as session:
        assessment = get_version(session, version_id)
        instrument = load_instrument(session, assessment.instrument_hash)
        return summarize(instrument, marks_of(session, version_id))
