"""The severity fit kept per round state: the same counted levels are not fitted twice, a refusal is kept too.
(The window's use of it: tests/ui/test_coordinator_lazy_severity.py.)"""

from __future__ import annotations

import pytest

from app.consolidation.data import load_round_data
from app.consolidation.severity import observations
from app.consolidation.severity.adjust import AdjustmentRefused, round_severity
from app.consolidation.severity.cache import SeverityCache, state_key
from tests.consolidation.test_adjusted_rule import linked_round, unlinked_round


def test_the_key_is_the_long_table(store) -> None:
    linked_round(store)
    obs = observations(load_round_data(store))
    assert state_key(obs) == state_key(observations(load_round_data(store)))
    obs.level.setflags(write=True)
    obs.level[0] += 1
    assert state_key(obs) != state_key(observations(load_round_data(store)))


def test_a_refusal_is_kept_and_said_again(store) -> None:
    unlinked_round(store)
    cache = SeverityCache()
    data = load_round_data(store)
    for _ in range(2):
        with pytest.raises(AdjustmentRefused, match="2 groups"):
            round_severity(data, cache)
    assert cache.fitted == 1
