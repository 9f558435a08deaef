"""The ranking's fast rounding of a score (ranking._rounded) is the rule of app.base.numbers, value for value."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from app.base.numbers import Kind, round_score
from app.consolidation.ranking import score_key


@given(st.floats(min_value=-1e15, max_value=1e15))  # beyond, the rule itself refuses (28-digit decimals)
def test_any_float_rounds_as_the_rule_rounds_it(value: float) -> None:
    got, want = score_key(value), round_score(value, Kind.EXACT)
    assert got == want and math.copysign(1, got) == math.copysign(1, want)


@given(st.integers(-10**9, 10**9), st.integers(0, 9), st.integers(0, 99))
def test_halves_at_the_seventh_decimal_round_away_from_zero(micro: int, seventh: int, rest: int) -> None:
    value = float(f"{micro / 10**6:.6f}{seventh}{rest:02d}")  # 7th decimal decides; ties written exactly
    assert score_key(value) == round_score(value, Kind.EXACT)


def test_scores_as_ranked() -> None:
    assert score_key(None) == float("-inf")
    assert score_key(72.0000005) == 72.000001 and score_key(72.0000004999) == 72.0
    assert score_key(-0.0000001) == 0.0 and math.copysign(1, score_key(-0.0000001)) == 1
    assert score_key(1e-7) == 0.0 and score_key(1e20) == 1e20
