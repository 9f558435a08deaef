"""Gwet's AC1/AC2 beside Krippendorff's alpha: a published value reproduced, and the paradox alpha falls into."""

from __future__ import annotations

import numpy as np
import pytest

from app.consolidation import consolidate
from app.consolidation.agreement import alpha_from_ratings, gwet
from tests.consolidation.test_exports_csv import build_round

NAN = np.nan
# Gwet, Handbook of Inter-Rater Reliability (4th ed., 2014): 4 raters, 12 subjects, categories 1-5, with missing
# ratings (the same data as Krippendorff's example). Published AC1 = 0.7754 (also in the R/Python irrCAC docs).
FOUR_RATERS = [[1, 1, NAN, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4], [4, 4, 4, 4],
               [1, 1, 2, 1], [2, 2, 2, 2], [NAN, 5, 5, 5], [NAN, NAN, 1, 1], [NAN, NAN, 3, NAN]]


def test_published_ac1_is_reproduced() -> None:
    ac1, ac2 = gwet(FOUR_RATERS, [1, 2, 3, 4, 5])
    assert ac1 == pytest.approx(0.7754, abs=5e-5)
    assert ac2 is not None and ac1 < ac2 < 1  # the disagreements are mostly one level apart: weighted is higher


def test_ac1_does_not_collapse_when_nearly_every_level_is_the_same() -> None:
    units = [[4, 4, 4]] * 28 + [[4, 4, 3], [3, 4, 4]]
    ac1, _ = gwet(units, [1, 2, 3, 4, 5])
    alpha = alpha_from_ratings(np.array(units).T.tolist())
    assert alpha is not None and alpha < 0.1  # the agreement is near perfect, yet alpha says "none"
    assert ac1 is not None and ac1 > 0.95


def test_undefined_without_two_units_scored_twice() -> None:
    assert gwet([[1, NAN], [2, 3]], [1, 2, 3]) == (None, None)


def test_the_round_each_dimension_and_indicator_carry_ac1_and_ac2(store) -> None:
    build_round(store)
    agreement = consolidate(store).agreement
    assert agreement.round.ac1 is not None and -1 <= agreement.round.ac1 <= 1
    assert agreement.round.ac2 is not None and -1 <= agreement.round.ac2 <= 1
    assert all(d.ac1 is not None for d in agreement.dimensions)
    assert all(i.ac1 is not None and i.ac2 is not None for i in agreement.indicators if i.units >= 2)
