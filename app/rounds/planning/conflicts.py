"""Who may not sit on which candidate, and why, in the words the coordinator reads: an assessor
never sits on a candidate of their own province or region, nor on one they declared a conflict with."""

from __future__ import annotations

from app.regions import by_code, provinces
from app.rounds.planning.types import PlanAssessor, PlanCandidate


def province_of(assessor: PlanAssessor) -> str | None:
    """The assessor's province; a regency or city's BPS code starts with its province's two digits."""
    return assessor.province_code or (assessor.region_code[:2] if assessor.region_code else None)


def conflict_reason(assessor: PlanAssessor, candidate: PlanCandidate) -> str | None:
    """Why this assessor may not sit on this candidate ("is from Jawa Barat"), or None."""
    if candidate.region_code in assessor.declared:
        return "declared a conflict with it"
    if assessor.region_code and assessor.region_code == candidate.region_code:
        return "comes from it"
    province = province_of(assessor)
    if province and province == candidate.province_code:
        return f"is from {province_name(province)}"
    return None


def region_label(code: str) -> str:
    """ "Kota Banjar (6372)", or the bare code for a code the catalogue does not hold."""
    info = by_code().get(code)
    return f"{info.name} ({code})" if info else code


def province_name(code: str) -> str:
    return provinces().get(code, f"province {code}")


def candidate_reasons(candidate: PlanCandidate, assessors: tuple[PlanAssessor, ...]) -> str:
    """Why assessors are conflicted with a candidate, as a predicate for "every assessor ...",
    e.g. "is from Kalimantan Selatan or declared a conflict"."""
    reasons: list[str] = []
    for assessor in assessors:
        reason = conflict_reason(assessor, candidate)
        if reason is None:
            continue
        text = {"comes from it": f"is from {region_label(candidate.region_code)}",
                "declared a conflict with it": "declared a conflict"}.get(reason, reason)
        if text not in reasons:
            reasons.append(text)
    return " or ".join(reasons)
