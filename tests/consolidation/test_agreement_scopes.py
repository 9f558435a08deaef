"""The round's agreement figures computed for every scope at once (app/consolidation/agreement_scopes.py)
equal the figures of the ``krippendorff`` and ``agreement`` packages computed scope by scope, and the
ICC(1,1) over segments equals :func:`icc_oneway` over the same groups to the last bit, on random rounds with gaps:
unrated and once-rated units, levels nobody gave, a scope where every level is the same."""

from __future__ import annotations

import numpy as np
import pytest

from app.consolidation.agreement import alpha_from_counts, gwet_from_counts, icc_oneway, icc_oneway_segments
from app.consolidation.agreement_scopes import UnitTerms, alpha_of_scope, gwet_of_scope

DOMAIN = [1, 2, 3, 4, 5]


def _counts(seed: int, regions: int = 60, indicators: int = 7) -> np.ndarray:
    """regions x indicators x levels: how many of 0..5 raters gave each level, level 5 never given."""
    rng = np.random.default_rng(seed)
    raters = rng.choice([0, 1, 2, 3, 5], size=(regions, indicators), p=[0.1, 0.15, 0.25, 0.3, 0.2])
    centre = rng.integers(0, 4, size=(regions, 1))
    counts = np.zeros((regions, indicators, len(DOMAIN)), dtype=np.int64)
    for (r, j), n in np.ndenumerate(raters):
        for _ in range(n):
            level = int(np.clip(centre[r, 0] + rng.integers(-1, 2), 0, 3))
            counts[r, j, level] += 1
    counts[:, -1, :] = 0  # the last indicator: everyone gave level 2 (alpha undefined, AC1 defined)
    counts[:, -1, 1] = raters[:, -1]
    return counts


def _scopes(indicators: int) -> list[slice]:
    return [slice(j, j + 1) for j in range(indicators)] + [slice(0, 3), slice(3, indicators), slice(0, indicators)]


@pytest.mark.parametrize("seed", range(6))
def test_every_scope_equals_the_packages_scope_by_scope(seed: int) -> None:
    counts = _counts(seed)
    terms = UnitTerms(counts)
    undefined_alpha = 0
    for columns in _scopes(counts.shape[1]):
        table = counts[:, columns, :]
        want = alpha_from_counts(table, DOMAIN)
        alpha, units, values = alpha_of_scope(terms, columns)
        assert (units, values) == (want.units, want.values)
        assert alpha == want.alpha  # the same operations on the same numbers: equal to the last bit
        undefined_alpha += alpha is None
        ac1, ac2 = gwet_of_scope(terms, columns)
        want_ac1, want_ac2 = gwet_from_counts(table)
        assert ac1 == pytest.approx(want_ac1, rel=1e-12, abs=1e-15)
        assert ac2 == pytest.approx(want_ac2, rel=1e-12, abs=1e-15)
        assert ac1 is not None and ac2 is not None
    assert undefined_alpha == 1  # the indicator where every level is the same


def test_undefined_where_too_few_units_are_rated_twice() -> None:
    counts = np.zeros((4, 2, 5), dtype=np.int64)
    counts[0, 0, 2] = 2  # one unit rated twice
    counts[1, 0, 3] = 1
    terms = UnitTerms(counts)
    assert gwet_of_scope(terms, slice(0, 2)) == gwet_from_counts(counts) == (None, None)
    assert alpha_of_scope(terms, slice(1, 2)) == (None, 0, 0)
    assert alpha_from_counts(counts[:, 1:2], DOMAIN).alpha is None


@pytest.mark.parametrize("seed", range(4))
def test_icc_over_segments_equals_icc_oneway(seed: int) -> None:
    rng = np.random.default_rng(seed)
    values = rng.normal(60, 12, size=200)
    values[rng.random(200) < 0.1] = np.nan  # totals of assessments without a level
    cuts = np.sort(rng.choice(np.arange(1, 200), size=30, replace=False))
    segments = [(int(a), int(b)) for a, b in zip(cuts[:-1:2], cuts[1::2], strict=False)]  # gaps between them
    got = icc_oneway_segments(values, segments)
    want = icc_oneway([values[a:b] for a, b in segments])
    assert got == want  # to the last bit
    assert icc_oneway_segments(values, segments[:1]).value is None
