"""The round's official rule: set with who and when in the hash-chained change log, used by consolidate when no
rule is given, and refused as 'adjusted' for a round whose panels are not linked (nothing written)."""

from __future__ import annotations

import pytest

from app.consolidation import AdjustmentRefused, ConsolidationError, RuleError, consolidate
from app.consolidation.official_rule import chain_id, official_rule, rule_history, set_official_rule
from app.store import changelog
from tests.consolidation.test_adjusted_rule import linked_round, unlinked_round

ACTOR = "Koordinator Uji <197501012000031001>"


def test_choosing_the_official_rule_is_logged_and_used(any_store) -> None:
    round_id = linked_round(any_store).round_id
    assert official_rule(any_store, round_id).value == "mean" and rule_history(any_store, round_id) == []
    assert set_official_rule(any_store, round_id, "adjusted", ACTOR, "panel B sat apart on day 1") is True
    assert set_official_rule(any_store, round_id, "adjusted", ACTOR) is False  # already: nothing written
    assert set_official_rule(any_store, round_id, "median", " " + ACTOR) is True
    history = rule_history(any_store, round_id)
    assert [(h.old, h.new, h.actor, h.reason) for h in history] == [
        ("mean", "adjusted", ACTOR, "panel B sat apart on day 1"), ("adjusted", "median", ACTOR, "")]
    assert all(h.at for h in history)
    assert consolidate(any_store, round_id).rule.value == "median"  # no rule given: the official one
    with any_store.transaction() as session:
        assert changelog.verify_chain(session, chain_id(round_id)) == []


def test_adjusted_is_refused_for_an_unlinked_round_and_bad_input_changes_nothing(any_store) -> None:
    round_id = unlinked_round(any_store).round_id
    with pytest.raises(AdjustmentRefused, match="group 2: Panel B"):
        set_official_rule(any_store, round_id, "adjusted", ACTOR)
    with pytest.raises(RuleError, match="unknown aggregation rule"):
        set_official_rule(any_store, round_id, "geometric", ACTOR)
    with pytest.raises(ConsolidationError, match="needs the coordinator's name"):
        set_official_rule(any_store, round_id, "median", "  ")
    with pytest.raises(ConsolidationError, match="no round"):
        set_official_rule(any_store, "0" * 36, "median", ACTOR)
    assert official_rule(any_store, round_id).value == "mean" and rule_history(any_store, round_id) == []
