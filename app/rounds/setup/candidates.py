"""A round's candidates: regions resolved from pasted lines or a spreadsheet column, added,
removed and moved through their statuses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import col, delete, select

from app import regions as catalogue
from app.models.domain import RegionInfo
from app.models.tables import Assessment, Candidate, InterviewSlot
from app.regions.calibration import stored_region
from app.regions.seed import ensure_regions
from app.rounds.setup.errors import SetupError
from app.rounds.setup.files import cell, column_index, read_table
from app.rounds.setup.names import Found, describe, find_region
from app.rounds.setup.round_details import get_round
from app.store import Store

# invited -> interview (to be interviewed) -> assessed -> shortlisted -> selected
STATUSES = ("invited", "interview", "assessed", "shortlisted", "selected")
SHEETS = ("Candidates", "Kandidat", "Calon")


@dataclass(frozen=True)
class ResolvedLine:
    """One pasted line: resolved to one region, or ambiguous (choices to ask about), or unknown."""

    line: int
    text: str
    region: RegionInfo | None = None
    choices: tuple[RegionInfo, ...] = ()  # ambiguous: e.g. "Banjar" is Kabupaten Banjar and Kota Banjar
    problem: str = ""  # unknown: says why and suggests near names
    problem_kind: str = ""  # what the problem says, for a UI in another language (see Found)
    problem_data: dict = field(default_factory=dict, compare=False, hash=False)

    def explain(self, where: str = "") -> str:
        """One line for whoever pasted it: what this line is, or what is wrong with it and what to do."""
        where = where or f"line {self.line}"
        if self.region is not None:
            return f"{where}: {describe(self.region)}"
        if self.choices:
            options = " or ".join(f"{describe(r)}" for r in self.choices)
            return f"{where}: {self.text!r} is ambiguous: {options}; write the BPS code or the full name"
        return f"{where}: {self.problem}"


@dataclass(frozen=True)
class CandidateInfo:
    region: RegionInfo
    status: str  # invited | interview (to be interviewed) | assessed | shortlisted | selected


# "1. ", "12) ", "- ", "• " before a name in a list pasted from a document.
_LIST_MARK = re.compile(r"^(?:\d{1,3}[.)]|[-*\u2022])\s+")


def _resolve_pasted(raw: str) -> Found:
    """A line as pasted: a row copied from a spreadsheet has its cells separated by tabs, and one
    cell naming a region (a code beside its name, a number beside it) is enough when none disagrees."""
    cells = [" ".join(c.split()) for c in raw.split("\t")]
    cells = [c for c in cells if c]
    if len(cells) > 1:
        each = [find_region(c) for c in cells]
        distinct = {f.region.code: f for f in each if f.region is not None}
        if len(distinct) == 1:
            return next(iter(distinct.values()))
        if len(distinct) > 1:
            named = " and ".join(describe(f.region) for f in distinct.values() if f.region is not None)
            return Found(problem=f"the cells of this row name different regions ({named}); keep one",
                         problem_kind="cells_disagree", problem_data={"regions": list(distinct)})
        ambiguous = [f for f in each if f.choices]
        if len(ambiguous) == 1:
            return ambiguous[0]
    line = " ".join(cells)
    stripped = _LIST_MARK.sub("", line)
    return find_region(stripped if stripped else line)


def resolve_lines(text: str) -> list[ResolvedLine]:
    """Each non-empty line a BPS code or a regency/city name; nothing is guessed."""
    resolved = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = " ".join(raw.split())
        if not line:
            continue
        found = _resolve_pasted(raw)
        resolved.append(ResolvedLine(number, line, found.region, found.choices, found.problem, found.problem_kind,
                                     found.problem_data))
    return resolved


def resolve_file(path: Path, column: str | None = None) -> list[tuple[str, ResolvedLine]]:
    """Each value of a spreadsheet column (the first, or the one with this header) resolved like a
    pasted line, with where it is ("sheet Candidates, row 4"); ``line`` is its row number."""
    table = read_table(path, SHEETS)
    index = column_index(table, column)
    resolved = []
    for number, values in table.rows:
        text = cell(values, index)
        if text:
            found = find_region(text)
            resolved.append((table.where(number, table.header[index] if index < len(table.header) else None),
                             ResolvedLine(number, text, found.region, found.choices, found.problem,
                                          found.problem_kind, found.problem_data)))
    return resolved


def _check_status(status: str) -> None:
    if status not in STATUSES:
        raise SetupError(f"Candidate status {status!r} is not one of {', '.join(STATUSES)}.")


def _check_codes(region_codes: list[str]) -> list[str]:
    known = catalogue.by_code()
    unknown = [code for code in region_codes if code not in known]
    if unknown:
        raise SetupError(f"No regency or city has the BPS code {', '.join(unknown)}; "
                         "see nilai regions search for the codes.", "regions_unknown",
                         {"regions": ", ".join(unknown)})
    return list(dict.fromkeys(region_codes))


def add_candidates(store: Store, round_id: str, region_codes: list[str], status: str = "invited") -> int:
    """Adds the regions not yet in the round; returns how many were added."""
    _check_status(status)
    codes = _check_codes(region_codes)
    with store.transaction(write=True) as session:
        get_round(session, round_id)
        ensure_regions(session)
        have = set(session.exec(select(Candidate.region_code).where(Candidate.round_id == round_id)))
        added = [code for code in codes if code not in have]
        for code in added:
            session.add(Candidate(round_id=round_id, region_code=code, status=status))
        return len(added)


def remove_candidates(store: Store, round_id: str, region_codes: list[str]) -> int:
    """Refused for a candidate that already has a slot with assessments."""
    codes = list(dict.fromkeys(region_codes))
    with store.transaction(write=True) as session:
        get_round(session, round_id)
        assessed = sorted(set(session.exec(select(Assessment.region_code).where(
            Assessment.round_id == round_id, col(Assessment.region_code).in_(codes)))))
        if assessed:
            names = ", ".join(describe(stored_region(session, code)) for code in assessed)
            raise SetupError(f"{names} already has assessments in this round, so it stays a candidate; "
                             "nothing was removed.", "candidate_scored",
                             {"regions": ", ".join(assessed)})
        # Their interview slots go too: a slot for a region that is not a candidate would be an orphan.
        session.exec(delete(InterviewSlot).where(col(InterviewSlot.round_id) == round_id,
                                                 col(InterviewSlot.region_code).in_(codes)))
        removed = session.exec(select(Candidate).where(Candidate.round_id == round_id,
                                                       col(Candidate.region_code).in_(codes))).all()
        for candidate in removed:
            session.delete(candidate)
        return len(removed)


def set_candidate_status(store: Store, round_id: str, region_codes: list[str], status: str) -> None:
    _check_status(status)
    codes = list(dict.fromkeys(region_codes))
    with store.transaction(write=True) as session:
        get_round(session, round_id)
        rows = {c.region_code: c for c in session.exec(select(Candidate).where(
            Candidate.round_id == round_id, col(Candidate.region_code).in_(codes), Candidate.status != "calibration"))}
        missing = [code for code in codes if code not in rows]
        if missing:
            raise SetupError(f"{', '.join(missing)} is not a candidate of this round; add it first.", "not_candidate",
                             {"regions": ", ".join(missing)})
        for row in rows.values():
            row.status = status
            session.add(row)


def round_candidates(store: Store, round_id: str) -> list[CandidateInfo]:
    with store.transaction() as session:
        get_round(session, round_id)
        # Calibration cases are fictional regions, listed apart (setup.calibration.calibration_cases).
        rows = session.exec(select(Candidate).where(Candidate.round_id == round_id, Candidate.status != "calibration")
                            .order_by(col(Candidate.region_code))).all()
        return [CandidateInfo(catalogue.region(row.region_code), row.status) for row in rows]
