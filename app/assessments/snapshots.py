"""Build the complete, plain picture of one assessment version (for sheets, bundles and the UI)."""

from __future__ import annotations

import json

from sqlalchemy import select as core_select
from sqlmodel import Session

from app.assessments import get_version
from app.assessments.scoring import Mark, summarize
from app.instruments.catalogue import load_instrument
from app.models.domain import (
    AssessmentSnapshot,
    AssessmentStatus,
    AssessorInfo,
    DelegateInfo,
    EvidenceInfo,
    ScoreInfo,
    SlotInfo,
)
from app.models.tables import Assessor, Evidence, InterviewSlot, Panel, Round, Score, table_of
from app.regions.calibration import stored_region
from app.store import Store


def snapshot(store: Store, version_id: str) -> AssessmentSnapshot:
    with store.transaction() as session:
        return snapshot_in(session, version_id)


def snapshot_in(session: Session, version_id: str) -> AssessmentSnapshot:
    assessment = get_version(session, version_id)
    round_ = session.get(Round, assessment.round_id)
    assert round_ is not None
    assessor = session.get(Assessor, assessment.assessor_id)
    assert assessor is not None
    instrument = load_instrument(session, assessment.instrument_hash)
    evidence: dict[str, list[EvidenceInfo]] = {}
    # Plain rows, not ORM objects: a sheet batch takes a snapshot per sheet, and the scores are read
    # once for both the list and the summary.
    ev_ = table_of(Evidence).c
    for ev in session.execute(core_select(ev_.indicator_code, ev_.id, ev_.file_name, ev_.sha256, ev_.size,
                                          ev_.stored_path)
                              .where(ev_.version_id == version_id).order_by(ev_.added_at)):
        evidence.setdefault(ev.indicator_code, []).append(
            EvidenceInfo(ev.id, ev.file_name, ev.sha256, ev.size, ev.stored_path)
        )
    sc = table_of(Score).c
    rows = {row.indicator_code: row for row in session.execute(
        core_select(sc.indicator_code, sc.level, sc.not_applicable, sc.note, sc.updated_at)
        .where(sc.version_id == version_id))}
    scores = []
    for indicator in instrument.indicators():
        row = rows.get(indicator.code)
        scores.append(ScoreInfo(
            indicator_code=indicator.code,
            level=row.level if row else None,
            not_applicable=row.not_applicable if row else False,
            note=row.note if row else "",
            updated_at=row.updated_at if row else None,
            evidence=tuple(evidence.get(indicator.code, ())),
        ))
    slot = None
    if assessment.slot_id:
        slot_row = session.get(InterviewSlot, assessment.slot_id)
        if slot_row is not None:
            panel = session.get(Panel, slot_row.panel_id)
            slot = SlotInfo(slot_row.id, slot_row.day, slot_row.start, slot_row.minutes,
                            panel.name if panel else "", panel.room if panel else "")
    delegation = tuple(DelegateInfo(d.get("name", ""), d.get("role", "")) for d in json.loads(assessment.delegation_json))
    return AssessmentSnapshot(
        record_id=assessment.record_id,
        version_id=assessment.version_id,
        previous_version_id=assessment.previous_version_id,
        status=AssessmentStatus(assessment.status),
        round_id=round_.id,
        round_name=round_.name,
        programme=round_.programme,
        region=stored_region(session, assessment.region_code),
        assessor=AssessorInfo(assessor.id, assessor.name, assessor.nip, assessor.organisation),
        instrument=instrument,
        slot=slot,
        delegation=delegation,
        scores=tuple(scores),
        summary=summarize(instrument, {code: Mark(row.level, row.not_applicable) for code, row in rows.items()}),
        created_at=assessment.created_at,
        updated_at=assessment.updated_at,
        finalized_at=assessment.finalized_at,
        reopen_reason=assessment.reopen_reason,
    )
