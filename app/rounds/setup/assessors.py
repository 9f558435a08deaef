"""A round's assessors: who they are, where they come from (never seated on a candidate of their
own province or region) and the conflicts of interest they declared."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, col, delete, select

from app import regions as catalogue
from app.models.tables import Assessment, Assessor, AssessorConflict, Panel, PanelAssessor, RoundAssessor
from app.regions.seed import ensure_regions
from app.rounds.setup.errors import SetupError
from app.rounds.setup.names import describe, province_name
from app.rounds.setup.round_details import get_round
from app.store import Store

EDITABLE = ("name", "nip", "organisation", "role", "province_code", "region_code", "conflicts")


@dataclass(frozen=True)
class AssessorInfo:
    id: str
    name: str
    nip: str
    organisation: str
    role: str
    province_code: str | None
    region_code: str | None
    conflicts: dict[str, str] = field(default_factory=dict)  # declared: region code -> reason


@dataclass(frozen=True)
class AssessorFields:
    """One assessor's details, checked: what add_assessor and import_assessors write."""

    name: str
    nip: str = ""
    organisation: str = ""
    role: str = ""
    province_code: str | None = None
    region_code: str | None = None
    conflicts: dict[str, str] = field(default_factory=dict)


def check_fields(*, name: str, nip: str = "", organisation: str = "", role: str = "",
                 province_code: str | None = None, region_code: str | None = None,
                 conflicts: dict[str, str] | None = None) -> AssessorFields:
    """The details tidied and checked against the region catalogue; SetupError names the first problem."""
    name = " ".join(name.split())
    if not name:
        raise SetupError("An assessor needs a name.", "assessor_name_missing")
    nip = "".join(nip.split())
    if nip and not nip.isdigit():
        raise SetupError(f"NIP {nip!r} has characters other than digits; write the civil-servant number only.",
                         "nip_not_digits", {"nip": nip})
    province_code = (province_code or "").strip() or None
    region_code = (region_code or "").strip() or None
    if province_code and province_code not in catalogue.provinces():
        raise SetupError(f"{province_code!r} is not a province code; see nilai regions search for the codes.",
                         "province_unknown", {"province": province_code})
    if region_code:
        if region_code not in catalogue.by_code():
            raise SetupError(f"No regency or city has the BPS code {region_code!r}; see nilai regions search.",
                             "region_unknown", {"region": region_code})
        home = catalogue.region(region_code)
        if province_code and home.province_code != province_code:
            raise SetupError(f"{describe(home)} is not in {province_name(province_code)}; "
                             "correct the province or the regency/city.", "region_not_in_province",
                             {"region": region_code, "province": province_code})
        province_code = home.province_code
    declared = {}
    for code, reason in (conflicts or {}).items():
        if code not in catalogue.by_code():
            raise SetupError(f"Conflict with {code!r}: no regency or city has this BPS code.", "conflict_unknown",
                             {"region": str(code)})
        declared[code] = " ".join(str(reason).split())
    return AssessorFields(name, nip, " ".join(organisation.split()), " ".join(role.split()),
                          province_code, region_code, declared)


def round_assessor_ids(session: Session, round_id: str) -> set[str]:
    """Members of the round, and anyone seated on its panels (rounds from a schedule file)."""
    members = set(session.exec(select(RoundAssessor.assessor_id).where(RoundAssessor.round_id == round_id)))
    seated = set(session.exec(select(PanelAssessor.assessor_id).join(Panel).where(Panel.round_id == round_id)))
    return members | seated


def _set_conflicts(session: Session, assessor_id: str, conflicts: dict[str, str]) -> None:
    session.exec(delete(AssessorConflict).where(col(AssessorConflict.assessor_id) == assessor_id))
    for code, reason in conflicts.items():
        session.add(AssessorConflict(assessor_id=assessor_id, region_code=code, reason=reason))


def join_round(session: Session, round_id: str, fields: AssessorFields) -> str:
    """Write one checked assessor into the round: the one with this NIP if known (its details
    updated), else the round's assessor of this name without a NIP (e.g. named in a schedule
    file), else a new one. Declared conflicts are added to those already known; update_assessor
    replaces them."""
    existing = None
    if fields.nip:
        existing = session.exec(select(Assessor).where(Assessor.nip == fields.nip)).first()
    if existing is None:
        members = round_assessor_ids(session, round_id)
        existing = next((a for a in session.exec(select(Assessor).where(Assessor.name == fields.name, Assessor.nip == ""))
                         if a.id in members), None)
    assessor = existing or Assessor(name=fields.name)
    assessor.name = fields.name
    assessor.nip = fields.nip or assessor.nip
    assessor.organisation = fields.organisation or assessor.organisation
    assessor.role = fields.role or assessor.role
    if fields.province_code:
        assessor.province_code, assessor.region_code = fields.province_code, fields.region_code
    session.add(assessor)
    session.flush()
    if fields.conflicts:
        have = {c.region_code: c for c in session.exec(
            select(AssessorConflict).where(AssessorConflict.assessor_id == assessor.id))}
        for code, reason in fields.conflicts.items():
            if code in have:
                have[code].reason = reason or have[code].reason
                session.add(have[code])
            else:
                session.add(AssessorConflict(assessor_id=assessor.id, region_code=code, reason=reason))
    if session.get(RoundAssessor, (round_id, assessor.id)) is None:
        session.add(RoundAssessor(round_id=round_id, assessor_id=assessor.id))
    session.flush()
    return assessor.id


def add_assessor(store: Store, round_id: str, *, name: str, nip: str = "", organisation: str = "", role: str = "",
                 province_code: str | None = None, region_code: str | None = None,
                 conflicts: dict[str, str] | None = None) -> str:
    """An assessor (found by NIP if known, else new) joins the round; returns the assessor id."""
    fields = check_fields(name=name, nip=nip, organisation=organisation, role=role, province_code=province_code,
                          region_code=region_code, conflicts=conflicts)
    with store.transaction(write=True) as session:
        get_round(session, round_id)
        ensure_regions(session)
        return join_round(session, round_id, fields)


def _info(session: Session, assessor: Assessor) -> AssessorInfo:
    conflicts = {c.region_code: c.reason for c in session.exec(
        select(AssessorConflict).where(AssessorConflict.assessor_id == assessor.id)
        .order_by(col(AssessorConflict.region_code)))}
    return AssessorInfo(assessor.id, assessor.name, assessor.nip, assessor.organisation, assessor.role,
                        assessor.province_code, assessor.region_code, conflicts)


def update_assessor(store: Store, assessor_id: str, **changes: object) -> AssessorInfo:
    """Change name, nip, organisation, role, province_code, region_code or conflicts."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise SetupError(f"An assessor has no field {', '.join(unknown)}; the fields are {', '.join(EDITABLE)}.")
    with store.transaction(write=True) as session:
        assessor = session.get(Assessor, assessor_id)
        if assessor is None:
            raise SetupError(f"There is no assessor with id {assessor_id!r}; see nilai round assessors list.")
        current = _info(session, assessor)
        merged = {"name": current.name, "nip": current.nip, "organisation": current.organisation, "role": current.role,
                  "province_code": current.province_code, "region_code": current.region_code,
                  "conflicts": current.conflicts} | changes
        if "province_code" in changes and "region_code" not in changes and current.region_code \
                and catalogue.region(current.region_code).province_code != merged["province_code"]:
            merged["region_code"] = None  # a new province drops a regency/city outside it
        if "region_code" in changes and "province_code" not in changes and merged["region_code"]:
            merged["province_code"] = None  # taken from the new regency/city
        conflicts = merged["conflicts"]
        if not isinstance(conflicts, dict):
            raise SetupError("Conflicts are given as region code -> reason.")
        fields = check_fields(name=str(merged["name"] or ""), nip=str(merged["nip"] or ""),
                              organisation=str(merged["organisation"] or ""), role=str(merged["role"] or ""),
                              province_code=_optional(merged["province_code"]),
                              region_code=_optional(merged["region_code"]), conflicts=conflicts)
        if fields.nip and fields.nip != assessor.nip:
            other = session.exec(select(Assessor).where(Assessor.nip == fields.nip, Assessor.id != assessor_id)).first()
            if other is not None:
                raise SetupError(f"NIP {fields.nip} already belongs to {other.name}; check the number.", "nip_taken",
                                 {"nip": fields.nip, "other": other.name})
        assessor.name, assessor.nip = fields.name, fields.nip
        assessor.organisation, assessor.role = fields.organisation, fields.role
        assessor.province_code, assessor.region_code = fields.province_code, fields.region_code
        session.add(assessor)
        if "conflicts" in changes:
            ensure_regions(session)
            _set_conflicts(session, assessor_id, fields.conflicts)
        session.flush()
        return _info(session, assessor)


def _optional(value: object) -> str | None:
    return str(value) if value else None


def remove_assessor(store: Store, round_id: str, assessor_id: str) -> None:
    """The assessor leaves the round (refused once they have assessments in it)."""
    with store.transaction(write=True) as session:
        get_round(session, round_id)
        assessor = session.get(Assessor, assessor_id)
        if assessor is None or assessor_id not in round_assessor_ids(session, round_id):
            raise SetupError(f"{assessor.name if assessor else assessor_id} is not an assessor of this round.")
        scored = session.exec(select(Assessment.version_id).where(
            Assessment.round_id == round_id, Assessment.assessor_id == assessor_id).limit(1)).first()
        if scored is not None:
            raise SetupError(f"{assessor.name} already has assessments in this round, so they stay in it.",
                             "assessor_scored", {"name": assessor.name})
        panels = select(Panel.id).where(Panel.round_id == round_id)
        session.exec(delete(PanelAssessor).where(col(PanelAssessor.assessor_id) == assessor_id,
                                                 col(PanelAssessor.panel_id).in_(panels)))
        session.exec(delete(RoundAssessor).where(col(RoundAssessor.round_id) == round_id,
                                                 col(RoundAssessor.assessor_id) == assessor_id))


def round_assessors(store: Store, round_id: str) -> list[AssessorInfo]:
    with store.transaction() as session:
        get_round(session, round_id)
        ids = round_assessor_ids(session, round_id)
        rows = session.exec(select(Assessor).where(col(Assessor.id).in_(ids)).order_by(col(Assessor.name))).all()
        conflicts: dict[str, dict[str, str]] = {}  # one query for all, not one an assessor: read on every edit
        for conflict in session.exec(select(AssessorConflict).where(col(AssessorConflict.assessor_id).in_(ids))
                                     .order_by(col(AssessorConflict.region_code))):
            conflicts.setdefault(conflict.assessor_id, {})[conflict.region_code] = conflict.reason
        return [AssessorInfo(a.id, a.name, a.nip, a.organisation, a.role, a.province_code, a.region_code,
                             conflicts.get(a.id, {})) for a in rows]
