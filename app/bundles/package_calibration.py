"""Calibration cases in the round package: the cases' region rows go to every assessor's store, and,
when the coordinator chooses, the group's median level per indicator as feedback.

The feedback is the smallest honest form: one package goes to every assessor, so it carries no one's
levels, only the median of the group for each indicator of each case (and how many assessors it is
the median of); each assessor's own levels are in their own store, so they see where they sat
(:func:`calibration_feedback`). Medians are over current final or signed versions not in conflict.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from app.models.tables import Assessment, Candidate, Region, Score
from app.regions.calibration import ensure_calibration_region, is_calibration_code, stored_region
from app.rounds.setup.calibration import CALIBRATION, calibration_codes
from app.store import Store, settings

FEEDBACK_KEY = "calibration.feedback."  # + round id: the feedback the round's last package carried


def package_cases(session: Session, round_id: str, feedback: bool) -> dict[str, Any]:
    """The package's ``calibration_cases`` (and ``calibration_feedback`` when asked for)."""
    cases = []
    for code in calibration_codes(session, round_id):
        region = stored_region(session, code)
        cases.append({"code": code, "name": region.name, "province_code": region.province_code,
                      "province_name": region.province_name})
    part: dict[str, Any] = {"calibration_cases": cases}
    if feedback:
        part["calibration_feedback"] = [_medians(session, round_id, case["code"]) for case in cases]
    return part


def _medians(session: Session, round_id: str, code: str) -> dict[str, Any]:
    versions = session.exec(select(Assessment.version_id).where(
        Assessment.round_id == round_id, Assessment.region_code == code, col(Assessment.is_current).is_(True),
        col(Assessment.in_conflict).is_(False), col(Assessment.status).in_(("final", "signed")))).all()
    levels: dict[str, list[int]] = {}
    for score in session.exec(select(Score).where(col(Score.version_id).in_(versions))):
        if score.level is not None and not score.not_applicable:
            levels.setdefault(score.indicator_code, []).append(score.level)
    return {"code": code, "assessors": len(versions),
            "medians": {ind: float(statistics.median(values)) for ind, values in sorted(levels.items())}}


def apply_cases(session: Session, round_id: str, data: dict[str, Any]) -> set[str]:
    """Store the package's calibration cases (region rows and candidates) and its feedback; their codes."""
    codes = set()
    for case in data.get("calibration_cases", ()):
        ensure_calibration_region(session, case["code"], case["name"], case["province_code"], case["province_name"])
        codes.add(case["code"])
    have = {c.region_code: c for c in session.exec(select(Candidate).where(
        Candidate.round_id == round_id, col(Candidate.region_code).in_(sorted(codes))))}
    for code in sorted(codes):
        candidate = have.get(code) or Candidate(round_id=round_id, region_code=code)
        candidate.status = CALIBRATION
        session.add(candidate)
    feedback = data.get("calibration_feedback")
    settings.put(session, FEEDBACK_KEY + round_id, json.dumps(feedback) if feedback else None)
    session.flush()
    return codes


def package_problem(data: dict[str, Any]) -> str | None:
    """What is wrong with a package's calibration parts beyond the schema, or None."""
    codes = [case["code"] for case in data.get("calibration_cases", ())]
    if len(set(codes)) != len(codes) or not all(is_calibration_code(c) for c in codes):
        return "its calibration cases repeat a code or use one outside K001..K999"
    if any(is_calibration_code(code) for code in data["candidates"]):
        return "it lists a calibration case code among the candidates"
    declared = set(codes) | set(data["candidates"])
    if any(s["region_code"] not in declared and is_calibration_code(s["region_code"]) for s in data["slots"]):
        return "a slot names a calibration case the package does not declare"
    if any(f["code"] not in codes for f in data.get("calibration_feedback", ())):
        return "its calibration feedback names a case the package does not declare"
    return None


@dataclass(frozen=True)
class FeedbackLine:
    indicator_code: str
    my_level: int | None  # None: not scored (or not applicable)
    median: float | None  # None: no assessor gave a level


@dataclass(frozen=True)
class CaseFeedback:
    code: str
    name: str
    assessors: int  # how many assessors' levels the medians are over
    lines: tuple[FeedbackLine, ...]


def calibration_feedback(store: Store, round_id: str, assessor_id: str) -> list[CaseFeedback]:
    """For the assessor: their own levels on each calibration case beside the group median the last
    round package carried ([] when it carried none)."""
    with store.transaction() as session:
        raw = settings.get(session, FEEDBACK_KEY + round_id)
        if not raw:
            return []
        result = []
        for case in json.loads(raw):
            mine = session.exec(select(Assessment.version_id).where(
                Assessment.round_id == round_id, Assessment.region_code == case["code"],
                Assessment.assessor_id == assessor_id, col(Assessment.is_current).is_(True))).first()
            levels = {s.indicator_code: (None if s.not_applicable else s.level) for s in session.exec(
                select(Score).where(Score.version_id == mine))} if mine else {}
            codes = sorted(set(case["medians"]) | set(levels))
            name = session.get(Region, case["code"])
            result.append(CaseFeedback(case["code"], name.name if name else case["code"], case["assessors"], tuple(
                FeedbackLine(code, levels.get(code), case["medians"].get(code)) for code in codes)))
        return result
