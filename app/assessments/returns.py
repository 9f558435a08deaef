"""Return for revision: the coordinator sends one assessment back to its assessor with a comment.

Coordinator's side: :func:`return_assessment` records the return (who, when, which version, the
comment), :func:`cancel_return` withdraws it, :func:`list_returns` shows each with its state. A
return is *answered* as soon as a newer final or signed version of the record (one descending from
the returned version) is in the store - whichever way it came, the sync service or a bundle file -
so nothing has to remember to close it.

Laptop's side: :func:`take_in` keeps the returns addressed to this laptop's assessor (from the sync
service or a round package) and withdraws the ones the coordinator no longer lists;
:func:`reopen_for_revision` reopens the record as a new version with the coordinator's comment as
its reason (the ordinary reopen, so the history says why), and the assessor finalizes and signs it
as any other; the outbox sends it back.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, col, select

from app.assessments.editing import AssessmentError
from app.assessments.lifecycle import reopen
from app.base.ids import id_matches, short_id
from app.models.domain import AssessmentStatus
from app.models.returns import RevisionReturn
from app.models.tables import Assessment, Assessor, utcnow
from app.rounds import RoundError, resolve_round
from app.store import Store, settings

MAX_COMMENT = 4000
OPEN, ANSWERED, CANCELLED = "open", "answered", "cancelled"
REVISING = "revising"  # laptop: reopened for the return, not finalized yet
DONE = (AssessmentStatus.FINAL, AssessmentStatus.SIGNED)


class ReturnError(AssessmentError):
    """A return that cannot be made, withdrawn or taken in as asked; the message says why and what to do."""


@dataclass(frozen=True)
class ReturnInfo:
    """One return and where it stands."""

    id: str
    round_id: str
    record_id: str
    version_id: str
    assessor_id: str
    assessor_name: str
    assessor_nip: str
    region_code: str
    comment: str
    returned_by: str
    returned_at: datetime
    state: str  # open | answered | cancelled (laptop also: revising)
    answered_by: str | None = None  # the version that answered it
    cancelled_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        """What travels to the laptop (the service's answer, the round package)."""
        return {"id": self.id, "round_id": self.round_id, "record_id": self.record_id, "version_id": self.version_id,
                "assessor_id": self.assessor_id, "region_code": self.region_code, "comment": self.comment,
                "returned_by": self.returned_by, "returned_at": _iso(self.returned_at)}

    def line(self) -> str:
        when = _iso(self.returned_at)[:16].replace("T", " ")
        text = (f"{short_id(self.id)}  {self.region_code}  {self.assessor_name} ({self.assessor_nip or '–'})  {self.state}  "
                f"returned by {self.returned_by} on {when}: {self.comment}")
        return text + (f" (answered by version {short_id(self.answered_by)})" if self.answered_by else "")


def _iso(moment: datetime) -> str:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat(timespec="seconds")


# -- coordinator --------------------------------------------------------------------------------


def _assessor(session: Session, ref: str) -> Assessor:
    """An assessor by NIP, id or id prefix (at least 8 characters)."""
    ref = ref.strip()
    found = list(session.exec(select(Assessor).where(Assessor.nip == ref))) if ref else []
    if not found and len(ref) >= 8:
        found = list(session.exec(select(Assessor).where(col(Assessor.id).startswith(ref))))
    if len(found) != 1:
        raise ReturnError(f"assessor {ref!r}: {'no' if not found else 'more than one'} assessor with that NIP or id "
                          "here; give the NIP shown by 'nilai round assessors list'")
    return found[0]


def return_assessment(store: Store, round_ref: str | None, region_code: str, assessor_ref: str, comment: str,
                      actor: str) -> ReturnInfo:
    """Return the assessor's current version for this region to them, with ``comment``."""
    comment = comment.strip()
    if not comment:
        raise ReturnError("give a comment: it tells the assessor what to revise, and becomes the reason of the new version")
    if len(comment) > MAX_COMMENT:
        raise ReturnError(f"the comment is {len(comment)} characters long; keep it under {MAX_COMMENT}")
    with store.transaction(write=True) as session:
        try:
            round_ = resolve_round(session, round_ref)
        except RoundError as exc:
            raise ReturnError(str(exc)) from exc
        assessor = _assessor(session, assessor_ref)
        current = session.exec(select(Assessment).where(
            Assessment.round_id == round_.id, Assessment.region_code == region_code.strip(),
            Assessment.assessor_id == assessor.id, col(Assessment.is_current).is_(True))).first()
        if current is None:
            raise ReturnError(f"no assessment of region {region_code} by {assessor.name} in round {round_.name!r} is "
                              "here yet; only an assessment the coordinator has received can be returned")
        if current.status not in DONE:
            raise ReturnError(f"the assessment of {region_code} by {assessor.name} is still a draft here; "
                              "only a finalized assessment can be returned")
        for row in session.exec(select(RevisionReturn).where(RevisionReturn.record_id == current.record_id,
                                                             col(RevisionReturn.cancelled_at).is_(None))):
            if _answer(session, row) is None:
                raise ReturnError(f"this assessment was already returned to {assessor.name} on "
                                  f"{_iso(row.returned_at)[:10]} (return {short_id(row.id)}) and is not answered yet; "
                                  "withdraw that return first to change its comment")
        row = RevisionReturn(round_id=round_.id, record_id=current.record_id, version_id=current.version_id,
                             assessor_id=assessor.id, region_code=current.region_code, comment=comment,
                             returned_by=actor[:200])
        session.add(row)
        session.flush()
        return _info(session, row)


def cancel_return(store: Store, return_ref: str, actor: str) -> ReturnInfo:
    """Withdraw an open return (by id or a prefix of at least 8 characters)."""
    with store.transaction(write=True) as session:
        row = _find(session, return_ref)
        info = _info(session, row)
        if info.state != OPEN:
            raise ReturnError(f"return {short_id(row.id)} is {info.state} already; nothing to withdraw")
        row.cancelled_at, row.cancelled_by = utcnow(), actor[:200]
        session.add(row)
        session.flush()
        return _info(session, row)


def _find(session: Session, ref: str) -> RevisionReturn:
    ref = ref.strip().lower()
    query = select(RevisionReturn).where(col(RevisionReturn.id).startswith(ref) | col(RevisionReturn.id).endswith(ref))
    rows = [r for r in session.exec(query) if id_matches(r.id, ref)] if len(ref) >= 8 else []
    if len(rows) != 1:
        raise ReturnError(f"return {ref!r}: {'no' if not rows else 'more than one'} return with that id; "
                          "give the 8 characters shown by 'nilai round return --list', or at least the first 8 characters "
                          "of its whole id")
    return rows[0]


def list_returns(store: Store, round_ref: str | None = None, *, region_code: str | None = None,
                 include_closed: bool = True) -> list[ReturnInfo]:
    """The round's returns (newest first), each with its state."""
    with store.transaction() as session:
        try:
            round_ = resolve_round(session, round_ref)
        except RoundError as exc:
            raise ReturnError(str(exc)) from exc
        return returns_in(session, round_.id, region_code=region_code, include_closed=include_closed)


def returns_in(session: Session, round_id: str | None, *, region_code: str | None = None,
               assessor_ids: set[str] | None = None, include_closed: bool = True) -> list[ReturnInfo]:
    query = select(RevisionReturn)
    if round_id is not None:
        query = query.where(RevisionReturn.round_id == round_id)
    if region_code is not None:
        query = query.where(RevisionReturn.region_code == region_code)
    if assessor_ids is not None:
        query = query.where(col(RevisionReturn.assessor_id).in_(sorted(assessor_ids)))
    rows = list(session.exec(query.order_by(col(RevisionReturn.returned_at).desc(), col(RevisionReturn.id))))
    infos = _infos(session, rows)
    return infos if include_closed else [i for i in infos if i.state in (OPEN, REVISING)]


def _answer(session: Session, row: RevisionReturn) -> Assessment | None:
    """The newest final or signed version of the record that descends from the returned version."""
    return _answer_among(_versions(session, {row.record_id}).get(row.record_id, {}), row)


def _versions(session: Session, record_ids: set[str]) -> dict[str, dict[str, Assessment]]:
    """record id -> version id -> version, for these records (one query)."""
    found: dict[str, dict[str, Assessment]] = {}
    for a in session.exec(select(Assessment).where(col(Assessment.record_id).in_(sorted(record_ids)))):
        found.setdefault(a.record_id, {})[a.version_id] = a
    return found


def _answer_among(versions: dict[str, Assessment], row: RevisionReturn) -> Assessment | None:
    answers = []
    for version in versions.values():
        if version.version_id == row.version_id or version.status not in DONE:
            continue
        step, seen = version.previous_version_id, set()
        while step is not None and step not in seen:
            if step == row.version_id:
                answers.append(version)
                break
            seen.add(step)
            step = versions[step].previous_version_id if step in versions else None
    return max(answers, key=lambda a: (a.finalized_at or a.created_at, a.version_id), default=None)


def _info(session: Session, row: RevisionReturn) -> ReturnInfo:
    return _infos(session, [row])[0]


def _infos(session: Session, rows: list[RevisionReturn]) -> list[ReturnInfo]:
    """Each return with its state; the records' versions and the assessors read in one query each."""
    if not rows:
        return []
    versions = _versions(session, {r.record_id for r in rows})
    assessors = {a.id: a for a in session.exec(select(Assessor).where(
        col(Assessor.id).in_(sorted({r.assessor_id for r in rows}))))}
    infos = []
    for row in rows:
        assessor = assessors.get(row.assessor_id)
        answer = _answer_among(versions.get(row.record_id, {}), row)
        if row.cancelled_at is not None:
            state = CANCELLED
        elif answer is not None:
            state = ANSWERED
        elif row.answered_version_id is not None:
            state = REVISING
        else:
            state = OPEN
        infos.append(ReturnInfo(row.id, row.round_id, row.record_id, row.version_id, row.assessor_id,
                                assessor.name if assessor else "", assessor.nip if assessor else "", row.region_code,
                                row.comment, row.returned_by, row.returned_at, state,
                                answer.version_id if answer is not None else row.answered_version_id,
                                row.cancelled_at))
    return infos


def open_for_assessors(session: Session, assessor_ids: set[str]) -> list[dict[str, Any]]:
    """What the sync service answers an assessor: their open returns, in every round."""
    return [i.to_json() for i in returns_in(session, None, assessor_ids=assessor_ids, include_closed=False)
            if i.state == OPEN]


def for_package(session: Session, round_id: str) -> list[dict[str, Any]]:
    """The round's open returns, carried by the next round package (each laptop keeps its own)."""
    return [i.to_json() for i in returns_in(session, round_id, include_closed=False) if i.state == OPEN]


# -- laptop ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TakenIn:
    added: int = 0
    withdrawn: int = 0
    ignored: int = 0  # addressed to another assessor, or unreadable

    def line(self) -> str:
        parts = [f"{self.added} assessment(s) returned for revision"] if self.added else []
        if self.withdrawn:
            parts.append(f"{self.withdrawn} return(s) withdrawn by the coordinator")
        return "; ".join(parts) or "no new returns for revision"


def take_in(session: Session, items: list[Any], *, round_ids: set[str] | None = None,
            as_of: datetime | None = None) -> TakenIn:
    """Keep the returns addressed to this laptop's assessor; withdraw the open ones the coordinator no
    longer lists (within ``round_ids``; None: every round), made before ``as_of`` (when the list was
    written: a round package may be older than a return received since). A return the coordinator
    lists again is open again; one already here is otherwise left as it is."""
    profile_id = settings.get(session, settings.PROFILE)
    if not profile_id:
        return TakenIn(ignored=len(items))
    listed: set[str] = set()
    added = ignored = 0
    for item in items:
        try:
            row = _parsed(item)
        except (KeyError, TypeError, ValueError):
            ignored += 1
            continue
        if row.assessor_id != profile_id or (round_ids is not None and row.round_id not in round_ids):
            ignored += 1
            continue
        listed.add(row.id)
        known = session.get(RevisionReturn, row.id)
        if known is None:
            session.add(row)
            added += 1
        elif known.cancelled_at is not None:  # listed as open by the coordinator: it is open
            known.cancelled_at, known.cancelled_by = None, ""
            session.add(known)
            added += 1
    session.flush()
    withdrawn = 0
    query = select(RevisionReturn).where(RevisionReturn.origin == "received", RevisionReturn.assessor_id == profile_id,
                                         col(RevisionReturn.cancelled_at).is_(None),
                                         col(RevisionReturn.answered_version_id).is_(None))
    for row in session.exec(query):
        made = row.returned_at if row.returned_at.tzinfo else row.returned_at.replace(tzinfo=UTC)
        if as_of is not None and made > as_of:
            continue
        if row.id not in listed and (round_ids is None or row.round_id in round_ids):
            row.cancelled_at, row.cancelled_by = utcnow(), "coordinator"
            session.add(row)
            withdrawn += 1
    return TakenIn(added, withdrawn, ignored)


def _parsed(item: Any) -> RevisionReturn:
    def text(key: str, limit: int) -> str:
        value = item[key]
        if not isinstance(value, str) or not value.strip() or len(value) > limit:
            raise ValueError(key)
        return value

    returned_at = datetime.fromisoformat(text("returned_at", 40))
    return RevisionReturn(id=str(uuid.UUID(text("id", 36))), round_id=text("round_id", 36),
                          record_id=text("record_id", 36), version_id=text("version_id", 36),
                          assessor_id=text("assessor_id", 36), region_code=text("region_code", 4),
                          comment=text("comment", MAX_COMMENT), returned_by=text("returned_by", 200),
                          returned_at=returned_at, origin="received", received_at=utcnow())


def take_in_store(store: Store, items: list[Any], *, round_ids: set[str] | None = None,
                  as_of: datetime | None = None) -> TakenIn:
    with store.transaction(write=True) as session:
        return take_in(session, items, round_ids=round_ids, as_of=as_of)


def for_record(store: Store, record_id: str) -> ReturnInfo | None:
    """The laptop's return of this record still waiting (open) or being worked on (revising), if any."""
    with store.transaction() as session:
        rows = session.exec(select(RevisionReturn).where(RevisionReturn.record_id == record_id,
                                                         col(RevisionReturn.cancelled_at).is_(None))
                            .order_by(col(RevisionReturn.returned_at).desc())).all()
        for info in _infos(session, list(rows)):
            if info.state in (OPEN, REVISING):  # not yet revised and finalized (then it has gone back)
                return info
    return None


def reopen_for_revision(store: Store, return_id: str, actor: str, *, reason: str | None = None) -> str:
    """Reopen the returned record as a new version, the coordinator's comment as its reason (or ``reason``,
    the assessor's words for it); its version id.

    A record already reopened as a draft is not reopened again: the draft answers the return."""
    with store.transaction() as session:
        row = session.get(RevisionReturn, return_id)
        if row is None or row.cancelled_at is not None:
            raise ReturnError("this return was withdrawn by the coordinator; nothing to revise")
        current = session.exec(select(Assessment).where(Assessment.record_id == row.record_id,
                                                        col(Assessment.is_current).is_(True))).first()
        if current is None:
            raise ReturnError("the returned assessment is not on this laptop")
        comment, current_id, draft = row.comment, current.version_id, current.status == AssessmentStatus.DRAFT
        if row.answered_version_id is not None and row.answered_version_id == current_id:
            return current_id
    try:
        new_id = current_id if draft else reopen(store, current_id, (reason or "").strip() or comment, actor)
    except AssessmentError as exc:
        raise ReturnError(str(exc)) from exc
    with store.transaction(write=True) as session:
        row = session.get(RevisionReturn, return_id)
        assert row is not None
        row.answered_version_id = new_id
        session.add(row)
    return new_id

