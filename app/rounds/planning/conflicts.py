"""Who may not sit on which candidate, and why, in the words the coordinator reads: an assessor
never sits on a candidate of their own province or region, nor on one they declared a conflict with."""

from __future__ import annotations

from app.regions import by_code, provinces
from app.rounds.planning.types import PlanAssessor, PlanCandidate


def province_of(assessor: PlanAssessor) -> str | None:
    """The assessor's province; a regency or city's BPS code starts with its province's two digits."""
    return assessor.province_code or (assessor.region_code[:2] if assessor.region_code else None)


def conflict_of(assessor: PlanAssessor, candidate: PlanCandidate) -> tuple[str, str | None] | None:
    """Why this assessor may not sit on this candidate, as a kind ("declared", "region" or "province")
    and the province it concerns, or None."""
    if candidate.region_code in assessor.declared:
        return "declared", None
    if assessor.region_code and assessor.region_code == candidate.region_code:
        return "region", None
    province = province_of(assessor)
    if province and province == candidate.province_code:
        return "province", province
    return None


def conflict_reason(assessor: PlanAssessor, candidate: PlanCandidate) -> str | None:
    """Why this assessor may not sit on this candidate ("is from Jawa Barat"), or None."""
    conflict = conflict_of(assessor, candidate)
    if conflict is None:
        return None
    kind, province = conflict
    return {"declared": "declared a conflict with it", "region": "comes from it"}.get(kind) or \
        f"is from {province_name(province or '')}"


def region_label(code: str) -> str:
    """ "Kota Banjar (6372)", or the bare code for a code the catalogue does not hold."""
    info = by_code().get(code)
    return f"{info.name} ({code})" if info else code


def province_name(code: str) -> str:
    return provinces().get(code, f"province {code}")


def candidate_conflicts(candidate: PlanCandidate, assessors: tuple[PlanAssessor, ...]) -> list[tuple[str, str | None]]:
    """The distinct kinds of conflict assessors have with a candidate, in the order met."""
    found: list[tuple[str, str | None]] = []
    for assessor in assessors:
        conflict = conflict_of(assessor, candidate)
        if conflict is not None and conflict not in found:
            found.append(conflict)
    return found


def candidate_reasons(candidate: PlanCandidate, assessors: tuple[PlanAssessor, ...]) -> str:
    """Why assessors are conflicted with a candidate, as a predicate for "every assessor ...",
    e.g. "is from Kalimantan Selatan or declared a conflict"."""
    words = {"region": f"is from {region_label(candidate.region_code)}", "declared": "declared a conflict"}
    return " or ".join(words.get(kind) or f"is from {province_name(province or '')}"
                       for kind, province in candidate_conflicts(candidate, assessors))
