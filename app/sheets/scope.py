"""Who signs and what: this laptop's assessor, the identity tied to them, and the assessments of a
round (and interview day) an export would sign, counted before anything is signed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from app.identity import IdentityInfo, UnlockedIdentity
from app.models.domain import AssessmentStatus, AssessorInfo
from app.models.tables import Assessment, Assessor, InterviewSlot
from app.rounds import resolve_round
from app.store import Store, settings


class SheetExportError(Exception):
    """A request that cannot be met (no profile, no round, wrong assessment); meant for the user."""


@dataclass(frozen=True)
class ExportPlan:
    """What an export of a round (and day) would do; for a dialog to show before starting."""

    round_id: str
    round_name: str
    days: tuple[dt.date, ...]  # interview days of the round that hold this assessor's assessments
    to_sign: int
    already_signed: int
    not_finalized: int


# --------------------------------------------------------------------------- identity and profile


def link_identity(store: Store, info: IdentityInfo) -> AssessorInfo:
    """Tie a new or imported identity to this laptop's assessor.

    Creates the profile from the identity when there is none yet, and stores the certificate
    fingerprint on the assessor row (``Assessor.cert_fingerprint``) so bundles and coordinators
    can tell which certificate signs this assessor's sheets.
    """
    profile = settings.profile(store)
    if profile is None:
        profile = settings.save_profile(store, info.name, info.nip, info.organisation)
    with store.transaction() as session:
        row = session.get(Assessor, profile.id)
        assert row is not None
        row.cert_fingerprint = info.fingerprint
        session.add(row)
    return profile


def check_signer(profile: AssessorInfo, unlocked: UnlockedIdentity) -> None:
    nip = unlocked.info.nip
    if nip and profile.nip and nip != profile.nip:
        raise SheetExportError(
            f"The identity on this computer belongs to NIP {nip}, but this laptop's assessor "
            f"({profile.name}) has NIP {profile.nip}; sheets are signed only by their own assessor."
        )


def signer_profile(session: Session) -> AssessorInfo:
    assessor_id = settings.get(session, settings.PROFILE)
    row = session.get(Assessor, assessor_id) if assessor_id else None
    if row is None:
        raise SheetExportError(
            "This laptop has no assessor profile yet; create the identity first (nilai identity create)."
        )
    return AssessorInfo(row.id, row.name, row.nip, row.organisation)


# --------------------------------------------------------------------------- choosing the assessments


def parse_day(day: dt.date | str | None) -> dt.date | None:
    if day is None or isinstance(day, dt.date):
        return day
    try:
        return dt.date.fromisoformat(day)
    except ValueError as exc:
        raise SheetExportError(f"{day!r} is not a day; write it as YYYY-MM-DD, e.g. 2018-03-05.") from exc


def assessments_in_scope(session: Session, round_id: str, assessor_id: str, day: dt.date | None) -> list[Assessment]:
    """This assessor's current assessments in the round (and day), in interview order."""
    query = (
        select(Assessment, InterviewSlot)
        .join(InterviewSlot, col(InterviewSlot.id) == col(Assessment.slot_id), isouter=True)
        .where(
            Assessment.round_id == round_id,
            Assessment.assessor_id == assessor_id,
            col(Assessment.is_current).is_(True),
        )
    )
    if day is not None:
        query = query.where(InterviewSlot.day == day)
    rows = list(session.exec(query))
    far = dt.date.max

    def order(row: tuple[Assessment, InterviewSlot | None]) -> tuple:
        assessment, slot = row
        return (slot.day if slot else far, slot.start if slot else dt.time.max, assessment.region_code)

    return [assessment for assessment, _ in sorted(rows, key=order)]


def plan_export(store: Store, round_id: str | None = None, day: dt.date | str | None = None) -> ExportPlan:
    """Counts for the round (and day) without signing anything."""
    day = parse_day(day)
    with store.transaction() as session:
        profile = signer_profile(session)
        round_ = resolve_round(session, round_id)
        everything = assessments_in_scope(session, round_.id, profile.id, None)
        days = sorted(
            set(
                session.exec(
                    select(col(InterviewSlot.day))
                    .join(Assessment, col(Assessment.slot_id) == col(InterviewSlot.id))
                    .where(
                        Assessment.round_id == round_.id,
                        Assessment.assessor_id == profile.id,
                        col(Assessment.is_current).is_(True),
                    )
                )
            )
        )
        scope = assessments_in_scope(session, round_.id, profile.id, day) if day else everything
        statuses = [a.status for a in scope]
        return ExportPlan(
            round_.id,
            round_.name,
            tuple(days),
            statuses.count(AssessmentStatus.FINAL),
            statuses.count(AssessmentStatus.SIGNED),
            statuses.count(AssessmentStatus.DRAFT),
        )
