"""A version's lifecycle past drafting: validate, finalize (read-only), reopen as a new version, sign."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, select

from app.assessments.editing import (
    AssessmentError,
    FinalizeBlocked,
    Problem,
    editable_version,
    get_version,
    marks_of,
)
from app.assessments.scoring import summarize
from app.instruments.catalogue import load_instrument
from app.models.domain import AssessmentStatus, Indicator
from app.models.tables import Assessment, Evidence, Score, utcnow
from app.store import Store, StoreError, changelog
from app.store.backup import take_backup

NEEDS_NOTE, NEEDS_EVIDENCE = "needs_note", "needs_evidence"


def unmet_requirements(indicator: Indicator, level: int | None, note: str, evidence_count: int) -> tuple[str, ...]:
    """What the chosen rubric level still asks for: ``needs_note`` and/or ``needs_evidence``.

    One rule for finalizing and for the interview, which shows it as soon as the level is chosen.
    """
    rubric_level = indicator.level(level) if level is not None else None
    if rubric_level is None:
        return ()
    unmet = []
    if rubric_level.requires_note and not note.strip():
        unmet.append(NEEDS_NOTE)
    if rubric_level.requires_evidence and not evidence_count:
        unmet.append(NEEDS_EVIDENCE)
    return tuple(unmet)


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
        unmet = unmet_requirements(indicator, row.level, row.note, evidence_counts.get(indicator.code, 0))
        if NEEDS_NOTE in unmet:
            problems.append(Problem(indicator.code, NEEDS_NOTE, f"{indicator.code} {title}: level {row.level} needs a note"))
        if NEEDS_EVIDENCE in unmet:
            problems.append(Problem(indicator.code, NEEDS_EVIDENCE,
                                    f"{indicator.code} {title}: level {row.level} needs evidence attached"))
    return problems


def finalize(store: Store, version_id: str, actor: str) -> str | None:
    """Make the version final and read-only, then take a rolling backup.

    Returns a warning when the backup could not be written; the finalize itself stands.
    """
    problems = validate(store, version_id)
    if problems:
        raise FinalizeBlocked(problems)
    with store.transaction() as session:
        assessment = editable_version(session, version_id)
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
        _mark_signed(session, version_id, sheet_sha256, sheet_path, actor)


def mark_signed_many(store: Store, sheets: Sequence[tuple[str, str, str]], actor: str) -> None:
    """``mark_signed`` for several (version id, sheet SHA-256, sheet path) in one transaction: all or none.

    A batch of sheets records its written sheets a few at a time: one commit for several."""
    with store.transaction() as session:
        for version_id, sheet_sha256, sheet_path in sheets:
            _mark_signed(session, version_id, sheet_sha256, sheet_path, actor)


def _mark_signed(session: Session, version_id: str, sheet_sha256: str, sheet_path: str, actor: str) -> None:
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
