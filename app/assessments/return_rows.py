"""The coordinator's rows for one region: each assessor's current assessment and its latest return.

What the region detail lists under the levels: who assessed the region, which version is in force
and its status, and whether it was returned for revision (open, answered by a newer version, or
withdrawn), so the coordinator returns work from the place they judge it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from app.assessments.returns import ReturnInfo, returns_in
from app.models.tables import Assessment, Assessor
from app.store import Store


@dataclass(frozen=True)
class RegionAssessment:
    assessor_id: str
    assessor_name: str
    assessor_nip: str
    record_id: str
    version_id: str
    status: str
    versions: int  # how many versions of the record are here
    finalized_at: datetime | None
    latest_return: ReturnInfo | None  # the record's newest return, whatever its state


def region_assessments(store: Store, round_id: str, region_code: str) -> list[RegionAssessment]:
    with store.transaction() as session:
        current = session.exec(select(Assessment, Assessor).join(Assessor, col(Assessor.id) == Assessment.assessor_id)
                               .where(Assessment.round_id == round_id, Assessment.region_code == region_code,
                                      col(Assessment.is_current).is_(True))).all()
        counts: dict[str, int] = {}
        for record_id in session.exec(select(Assessment.record_id).where(Assessment.round_id == round_id,
                                                                         Assessment.region_code == region_code)):
            counts[record_id] = counts.get(record_id, 0) + 1
        latest: dict[str, ReturnInfo] = {}
        for info in returns_in(session, round_id, region_code=region_code):  # newest first
            latest.setdefault(info.record_id, info)
        rows = [RegionAssessment(a.assessor_id, s.name, s.nip, a.record_id, a.version_id, a.status,
                                 counts.get(a.record_id, 1), a.finalized_at, latest.get(a.record_id))
                for a, s in current]
    return sorted(rows, key=lambda r: (r.assessor_name.casefold(), r.assessor_id))
