"""A round's calibration cases: a fictional region every assessor scores before the real interviews.

The case is a candidate of the round with status ``calibration`` and a reserved region code
(:mod:`app.regions.calibration`); the round package carries its region row to the assessors' stores,
their assessments of it travel in bundles like any other, and consolidation never ranks it (its
levels enter the assessor-severity fit and the per-assessor calibration comparison only).
"""

from __future__ import annotations

from sqlmodel import Session, col, delete, select

from app import regions as catalogue
from app.models.domain import RegionInfo
from app.models.tables import Assessment, Candidate, InterviewSlot, Region
from app.regions.calibration import (
    CALIBRATION_KIND,
    CALIBRATION_PROVINCE,
    CALIBRATION_PROVINCE_NAME,
    calibration_code,
    ensure_calibration_region,
    stored_region,
)
from app.regions.seed import ensure_regions
from app.rounds.setup.errors import SetupError
from app.rounds.setup.round_details import get_round
from app.store import Store

CALIBRATION = "calibration"  # the candidate status of a calibration case: never ranked


def _next_code(session: Session) -> str:
    taken = set(session.exec(select(Region.code).where(Region.kind == CALIBRATION_KIND)))
    for number in range(1, 1000):
        if calibration_code(number) not in taken:
            return calibration_code(number)
    raise SetupError("This data directory already holds 999 calibration cases; reuse one of them.")


def add_calibration_case(store: Store, round_id: str, name: str, province_code: str | None = None) -> RegionInfo:
    """A new fictional region (the next free K-code) as a calibration case of the round."""
    name = " ".join(name.split())
    if not name:
        raise SetupError("A calibration case needs a name, e.g. --name \"Kota Contoh\".", "calibration_name_missing")
    if len(name) > 100:
        raise SetupError("A calibration case's name has at most 100 characters; shorten it.", "calibration_name_long")
    if province_code is not None and province_code not in catalogue.provinces():
        raise SetupError(f"No province has the code {province_code!r}; see nilai regions provinces, "
                         "or leave the province out (a calibration case needs none).")
    with store.transaction(write=True) as session:
        round_ = get_round(session, round_id)
        ensure_regions(session)
        same = session.exec(select(Region.code).join(Candidate, col(Candidate.region_code) == Region.code).where(
            Candidate.round_id == round_id, Candidate.status == CALIBRATION, Region.name == name)).first()
        if same is not None:
            raise SetupError(f"Round {round_.name} already has a calibration case named {name!r} ({same}); "
                             "choose another name.", "calibration_name_taken", {"name": name, "code": same})
        code = _next_code(session)
        province = province_code or CALIBRATION_PROVINCE
        ensure_calibration_region(session, code, name, province,
                                  catalogue.provinces().get(province, CALIBRATION_PROVINCE_NAME))
        session.add(Candidate(round_id=round_id, region_code=code, status=CALIBRATION))
        session.flush()
        return stored_region(session, code)


def calibration_codes(session: Session, round_id: str) -> list[str]:
    return sorted(session.exec(select(Candidate.region_code).where(
        Candidate.round_id == round_id, Candidate.status == CALIBRATION)))


def calibration_cases(store: Store, round_id: str) -> list[RegionInfo]:
    """The round's calibration cases, in code order."""
    with store.transaction() as session:
        get_round(session, round_id)
        return [stored_region(session, code) for code in calibration_codes(session, round_id)]


def remove_calibration_case(store: Store, round_id: str, code: str, force: bool = False) -> RegionInfo:
    """Take a calibration case out of the round (with its interview slots).

    Refused once assessments of it exist, unless ``force``: its assessments then stay in the store,
    as every record does, but count nowhere (consolidation reads only the round's cases; a late
    bundle for the code is refused). The fictional region row stays too: codes are never reused.
    """
    code = code.strip().upper()
    with store.transaction(write=True) as session:
        round_ = get_round(session, round_id)
        if code not in calibration_codes(session, round_id):
            raise SetupError(f"{code or '(empty)'} is not a calibration case of round {round_.name}; see nilai round "
                             "calibration list. Nothing was removed.", "calibration_unknown", {"code": code})
        region = stored_region(session, code)
        scored = len(session.exec(select(Assessment.record_id).where(
            Assessment.round_id == round_id, Assessment.region_code == code).distinct()).all())
        if scored and not force:
            raise SetupError(f"{code} {region.name} already has {scored} assessment(s) in this round (calibration "
                             "scores that enter the severity fit); nothing was removed. Remove it anyway with --force: "
                             "the assessments stay in the store but no longer count.", "calibration_scored",
                             {"code": code, "name": region.name, "count": str(scored)})
        session.exec(delete(InterviewSlot).where(col(InterviewSlot.round_id) == round_id,
                                                 col(InterviewSlot.region_code) == code))
        for candidate in session.exec(select(Candidate).where(Candidate.round_id == round_id,
                                                              Candidate.region_code == code)).all():
            session.delete(candidate)
        return region
