"""Moderation: a coordinator's level replacing the panel's combined level for one indicator.

Set or clear, always with a reason; the assessors' own levels are never changed and stay
visible next to the moderated level. Every set and clear is written, in the same transaction as
the change itself, to the round's hash-chained change log (chain ``moderation:<round_id>``,
field ``moderation``): who (actor), when (at), the indicator, and as ``old``/``new`` a small JSON
object ``{"level": <int or null>, "region": "<code>"}``, with the reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlmodel import Session, col, select

from app.consolidation.data import ConsolidationError, ModerationInfo
from app.instruments.catalogue import load_instrument
from app.models.moderation import Moderation
from app.models.tables import Candidate, ChangeLogEntry, Round
from app.rounds.setup.calibration import CALIBRATION
from app.store import Store, changelog

FIELD = "moderation"


class ModerationError(ConsolidationError):
    """A moderation that cannot be made as asked; the message says why."""


def chain_id(round_id: str) -> str:
    return f"moderation:{round_id}"


@dataclass(frozen=True)
class ModerationEvent:
    """One entry of a round's moderation log."""

    position: int
    region_code: str
    indicator_code: str
    old_level: int | None
    new_level: int | None
    reason: str
    actor: str
    at: str
    entry_id: str


def _payload(region_code: str, level: int | None) -> str:
    return json.dumps({"level": level, "region": region_code}, sort_keys=True, separators=(",", ":"))


def _info(row: Moderation) -> ModerationInfo:
    return ModerationInfo(row.round_id, row.region_code, row.indicator_code, row.level, row.reason, row.actor,
                          row.at, row.log_entry_id)


def _check(session: Session, round_id: str, region_code: str, indicator_code: str, reason: str, actor: str) -> Round:
    round_ = session.get(Round, round_id)
    if round_ is None:
        raise ModerationError(f"there is no round {round_id!r} in this store")
    if not reason.strip():
        raise ModerationError("a moderation needs a reason; nothing was changed")
    if not actor.strip():
        raise ModerationError("a moderation needs the coordinator's name (actor); nothing was changed")
    candidate = session.exec(select(Candidate).where(Candidate.round_id == round_id,
                                                     Candidate.region_code == region_code)).first()
    if candidate is None:
        raise ModerationError(f"region {region_code} is not a candidate of round {round_.name!r}")
    if candidate.status == CALIBRATION:  # never ranked, so there is no combined level to replace
        raise ModerationError(f"{region_code} is a calibration case of round {round_.name!r}, which is never "
                              "ranked; moderate a real region instead (nothing was changed)")
    return round_


def set_moderation(store: Store, round_id: str, region_code: str, indicator_code: str, level: int, reason: str,
                   actor: str) -> ModerationInfo:
    """Set (or change) the moderated level; logged. Setting the level already in force changes nothing."""
    with store.transaction(write=True) as session:
        round_ = _check(session, round_id, region_code, indicator_code, reason, actor)
        indicator = load_instrument(session, round_.instrument_hash).indicator(indicator_code)
        if indicator is None:
            raise ModerationError(f"the round's instrument has no indicator {indicator_code!r}")
        if isinstance(level, bool) or not isinstance(level, int) or not indicator.min_level <= level <= indicator.max_level:
            raise ModerationError(f"level {level!r} is outside {indicator.min_level}..{indicator.max_level} "
                                  f"for indicator {indicator_code}")
        row = session.get(Moderation, (round_id, region_code, indicator_code))
        if row is not None and row.level == level:
            return _info(row)
        entry = changelog.append(session, chain_id(round_id), field=FIELD, indicator_code=indicator_code,
                                 old=_payload(region_code, row.level if row else None),
                                 new=_payload(region_code, level), reason=reason.strip(), actor=actor.strip())
        if row is None:
            row = Moderation(round_id=round_id, region_code=region_code, indicator_code=indicator_code, level=level,
                             reason=entry.reason, actor=entry.actor, at=entry.at, log_entry_id=entry.id)
        else:
            row.level, row.reason, row.actor, row.at, row.log_entry_id = level, entry.reason, entry.actor, entry.at, entry.id
        session.add(row)
        session.flush()
        return _info(row)


def clear_moderation(store: Store, round_id: str, region_code: str, indicator_code: str, reason: str,
                     actor: str) -> bool:
    """Remove a moderation (the panel's combined level is in force again); logged. False if there was none."""
    with store.transaction(write=True) as session:
        _check(session, round_id, region_code, indicator_code, reason, actor)
        row = session.get(Moderation, (round_id, region_code, indicator_code))
        if row is None:
            return False
        changelog.append(session, chain_id(round_id), field=FIELD, indicator_code=indicator_code,
                         old=_payload(region_code, row.level), new=_payload(region_code, None),
                         reason=reason.strip(), actor=actor.strip())
        session.delete(row)
        return True


def moderate(store: Store, round_id: str, region_code: str, indicator_code: str, level: int | None, reason: str,
             actor: str) -> bool:
    """Set (level) or clear (None) a moderation; True when something changed."""
    if level is None:
        return clear_moderation(store, round_id, region_code, indicator_code, reason, actor)
    set_moderation(store, round_id, region_code, indicator_code, level, reason, actor)
    return True


def list_moderations(store: Store, round_id: str) -> list[ModerationInfo]:
    with store.transaction() as session:
        rows = session.exec(select(Moderation).where(Moderation.round_id == round_id)
                            .order_by(Moderation.region_code, Moderation.indicator_code))
        return [_info(row) for row in rows]


def moderation_history(store: Store, round_id: str) -> list[ModerationEvent]:
    """Every set and clear of the round, oldest first, as logged."""
    with store.transaction() as session:
        entries = session.exec(select(ChangeLogEntry).where(ChangeLogEntry.chain_id == chain_id(round_id))
                               .order_by(col(ChangeLogEntry.position)))
        events = []
        for entry in entries:
            old, new = json.loads(entry.old or "{}"), json.loads(entry.new or "{}")
            events.append(ModerationEvent(entry.position, new.get("region") or old.get("region", ""),
                                          entry.indicator_code, old.get("level"), new.get("level"), entry.reason,
                                          entry.actor, entry.at, entry.id))
        return events


def verify_moderation_log(store: Store, round_id: str) -> list[str]:
    """Problems in the round's moderation chain (empty when intact)."""
    with store.transaction() as session:
        return [str(p) for p in changelog.verify_chain(session, chain_id(round_id))]
