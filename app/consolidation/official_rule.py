"""Which aggregation rule is official for a round: the one its shortlist is made with.

The official rule is ``Round.aggregation_rule``: the ranking CLI uses it when no ``--rule`` is
given, the round package carries it to the assessors, and the coordinator's exports are made with
it. Every change is written, in the same transaction, to the round's hash-chained change log
(chain ``ranking-rule:<round_id>``, field ``aggregation_rule``): who, when, old and new rule and
the reason. ``adjusted`` is refused for a round whose assessors are not linked, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select

from app.consolidation.data import ConsolidationError, load_round_data
from app.consolidation.rules import AggregationRule, parse_rule
from app.consolidation.severity.adjust import round_severity
from app.consolidation.severity.cache import SeverityCache
from app.models.tables import ChangeLogEntry, Round
from app.store import Store, changelog

FIELD = "aggregation_rule"


def chain_id(round_id: str) -> str:
    return f"ranking-rule:{round_id}"


@dataclass(frozen=True)
class RuleChoice:
    """One entry of a round's official-rule log."""

    old: str
    new: str
    actor: str
    at: str  # ISO 8601 UTC
    reason: str


def official_rule(store: Store, round_id: str) -> AggregationRule:
    with store.transaction() as session:
        round_ = session.get(Round, round_id)
        if round_ is None:
            raise ConsolidationError(f"there is no round {round_id!r} in this store")
        return parse_rule(round_.aggregation_rule)


def set_official_rule(store: Store, round_id: str, rule: AggregationRule | str, actor: str, reason: str = "",
                      cache: SeverityCache | None = None) -> bool:
    """Make ``rule`` the round's official rule, logged; False when it already was (nothing written).

    ``cache``: where the check that an ``adjusted`` round is linked finds the fit already made.
    """
    chosen = parse_rule(rule)
    if not actor.strip():
        raise ConsolidationError("choosing the official rule needs the coordinator's name (actor); nothing was changed")
    if chosen is AggregationRule.ADJUSTED:
        round_severity(load_round_data(store, round_id), cache)  # AdjustmentRefused, with the islands, when unlinked
    with store.transaction(write=True) as session:
        round_ = session.get(Round, round_id)
        if round_ is None:
            raise ConsolidationError(f"there is no round {round_id!r} in this store")
        if parse_rule(round_.aggregation_rule) is chosen:
            return False
        changelog.append(session, chain_id(round_id), field=FIELD, old=round_.aggregation_rule, new=chosen.value,
                         actor=actor.strip(), reason=reason.strip())
        round_.aggregation_rule = chosen.value
        session.add(round_)
        return True


def rule_history(store: Store, round_id: str) -> list[RuleChoice]:
    """Every change of the round's official rule, oldest first."""
    with store.transaction() as session:
        entries = session.exec(select(ChangeLogEntry).where(ChangeLogEntry.chain_id == chain_id(round_id))
                               .order_by(col(ChangeLogEntry.position))).all()
        return [RuleChoice(e.old, e.new, e.actor, e.at, e.reason) for e in entries]
