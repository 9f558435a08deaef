"""Coverage: for each candidate region, who scored it and what is still missing.

An assessor's state for a region:

- ``signed`` / ``final``: a counted assessment (see :mod:`app.consolidation.data`);
- ``draft``: the version in force is still a draft (or reopened), so it does not count yet;
- ``conflict``: an import brought competing versions (``in_conflict``); none counts until resolved;
- ``duplicate``: two records of the same assessor and region both claim to be final; none counts;
- ``instrument``: scored under another instrument version than the round's; does not count;
- ``missing``: seated on the region's panel, but no assessment at all has arrived.

Assessors who scored a region without being seated on its panel are listed too (``on_panel``
False) and count like everyone else.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from app.consolidation.data import AssessmentRef, RoundData
from app.models.domain import RegionInfo

STATE_ORDER = ("signed", "final", "draft", "conflict", "duplicate", "instrument", "missing")


class AssessorCoverage(NamedTuple):
    """One assessor's state for one region (a named tuple: 2,000 candidates x 20 assessors are 40,000 of them)."""

    assessor_id: str
    name: str
    nip: str
    on_panel: bool
    state: str  # one of STATE_ORDER
    version_ids: tuple[str, ...]  # the versions behind the state (several for conflict/duplicate)

    @property
    def counted(self) -> bool:
        return self.state in ("signed", "final")


@dataclass(frozen=True)
class RegionCoverage:
    region: RegionInfo
    assessors: tuple[AssessorCoverage, ...]

    def _with(self, *states: str) -> tuple[str, ...]:
        return tuple(a.assessor_id for a in self.assessors if a.state in states)

    @property
    def counted(self) -> int:
        return sum(1 for a in self.assessors if a.counted)

    @property
    def expected(self) -> int:
        """Assessors on the region's panel(s)."""
        return sum(1 for a in self.assessors if a.on_panel)

    @property
    def signed(self) -> tuple[str, ...]:
        return self._with("signed")

    @property
    def final(self) -> tuple[str, ...]:
        return self._with("final")

    @property
    def missing(self) -> tuple[str, ...]:
        """Panel assessors with no counted assessment (nothing arrived, or only a draft)."""
        return tuple(a.assessor_id for a in self.assessors if a.on_panel and a.state in ("missing", "draft"))

    @property
    def in_conflict(self) -> tuple[str, ...]:
        return self._with("conflict", "duplicate")

    @property
    def complete(self) -> bool:
        return self.counted > 0 and not self.missing and not self.in_conflict


def _state(refs: list[AssessmentRef]) -> str:
    if len(refs) == 1:  # nearly always: one version; its exclusion, if any, names the state
        ref = refs[0]
        return ref.excluded or ("signed" if ref.status == "signed" else "final")
    if any(r.excluded == "conflict" for r in refs):
        return "conflict"
    if any(r.excluded == "duplicate" for r in refs):
        return "duplicate"
    counted = [r for r in refs if r.counted]
    if counted:
        return "signed" if counted[0].status == "signed" else "final"
    if any(r.excluded == "instrument" for r in refs):
        return "instrument"
    return "draft"


_RANK = {state: index for index, state in enumerate(STATE_ORDER)}


def coverage(data: RoundData) -> tuple[RegionCoverage, ...]:
    # Rows are ordered by state, then name, then id: one integer per row (state rank, then the
    # assessor's place in name order), so 40,000 rows sort without building a tuple key each.
    assessors = data.assessors
    place = {assessor_id: index for index, assessor_id
             in enumerate(sorted(assessors, key=lambda i: (assessors[i].name, i)))}
    step = len(place)
    by_region: dict[str, dict[str, list[AssessmentRef]]] = {}
    for ref in data.assessments:
        scored = by_region.get(ref.region_code)
        if scored is None:
            scored = by_region[ref.region_code] = {}
        refs = scored.get(ref.assessor_id)
        if refs is None:
            scored[ref.assessor_id] = [ref]
        else:
            refs.append(ref)
    make = AssessorCoverage._make
    result = []
    for region in data.regions:
        panel = set(data.panel.get(region.code, ()))
        scored = by_region.get(region.code, {})
        keyed = []
        for assessor_id, refs in scored.items():
            info = assessors[assessor_id]
            if len(refs) == 1:  # nearly always: one version; its exclusion, if any, names the state
                ref = refs[0]
                state = ref.excluded or ("signed" if ref.status == "signed" else "final")
                versions: tuple[str, ...] = (ref.version_id,)
            else:
                state, versions = _state(refs), tuple(r.version_id for r in refs)
            keyed.append((_RANK[state] * step + place[assessor_id],
                          make((assessor_id, info.name, info.nip, assessor_id in panel, state, versions))))
        for assessor_id in panel:
            if assessor_id not in scored:
                info = assessors[assessor_id]
                keyed.append((_MISSING * step + place[assessor_id],
                              make((assessor_id, info.name, info.nip, True, "missing", ()))))
        keyed.sort(key=_first)
        result.append(RegionCoverage(region, tuple(row for _, row in keyed)))
    return tuple(result)


_MISSING = _RANK["missing"]
_first = itemgetter(0)
