"""Aggregation rules, computed by hand."""

from __future__ import annotations

import numpy as np
import pytest

from app.consolidation.rules import AggregationRule, RuleError, combine, combine_columns, parse_rule


@pytest.mark.parametrize(("rule", "levels", "expected"), [
    ("mean", [3, 5, 4], 4.0),
    ("mean", [1, 2, 2, 5], 2.5),
    ("mean", [4], 4.0),
    ("median", [3, 5, 4], 4.0),
    ("median", [1, 2, 2, 5], 2.0),
    ("median", [4, 5], 4.5),
    ("median", [1, 1, 4, 5, 5], 4.0),
    ("trimmed_mean", [1, 1, 4, 5, 5], 10 / 3),  # drop one 1 and one 5: (1 + 4 + 5) / 3
    ("trimmed_mean", [1, 2, 2, 5], 2.0),  # drop 1 and 5: (2 + 2) / 2
    ("trimmed_mean", [3, 5, 4], 4.0),  # three levels: the middle one remains
    ("trimmed_mean", [2, 5], 3.5),  # fewer than three: the mean
    ("trimmed_mean", [2], 2.0),
    ("mean", [3, None, 5], 4.0),  # None (not applicable / unscored) is left out
])
def test_combine_by_hand(rule, levels, expected) -> None:
    assert combine(rule, levels) == pytest.approx(expected)


def test_nothing_to_combine() -> None:
    for rule in AggregationRule:
        assert combine(rule, []) is None
        assert combine(rule, [None, None]) is None


def test_columns_match_one_by_one() -> None:
    rng = np.random.default_rng(7)
    matrix = rng.integers(1, 6, size=(7, 60)).astype(float)
    matrix[rng.random(matrix.shape) < 0.3] = np.nan
    for rule in AggregationRule:
        combined, counts = combine_columns(rule, matrix)
        for j in range(matrix.shape[1]):
            column = [None if np.isnan(v) else v for v in matrix[:, j]]
            expected = combine(rule, column)
            assert counts[j] == sum(v is not None for v in column)
            if expected is None:
                assert np.isnan(combined[j])
            else:
                assert combined[j] == pytest.approx(expected)


def test_parse_rule() -> None:
    assert parse_rule(None) is AggregationRule.MEAN
    assert parse_rule("Trimmed-Mean") is AggregationRule.TRIMMED_MEAN
    with pytest.raises(RuleError, match="median"):
        parse_rule("mode")
