"""Krippendorff's alpha and Gwet's AC1/AC2 of every scope of a round at once: each indicator, each
dimension, the round.

The same figures, formula for formula, as :func:`app.consolidation.agreement.alpha_from_counts` and
:func:`~app.consolidation.agreement.gwet_from_counts` give scope by scope through the ``krippendorff``
and ``agreement`` packages (``tests/consolidation/test_agreement_scopes.py`` compares them on random
rounds with gaps). What is shared is done once: each unit's (region x indicator) coincidences and
observed agreement are computed over all units together, and a scope only adds up its own units.
Through the packages every unit was worked on three times (as part of its indicator, its dimension and
the round), and the 44 calls at 2,000 candidates cost ~0.25 s of CPU; here ~0.05 s (issue 17).

Units outside a scope's sum contribute nothing to it: a unit rated fewer than twice has no
coincidences (``c c^T - diag(c)`` is zero for a single rating), and adding zeros changes no sum.
"""

from __future__ import annotations

import numpy as np
from agreement.utils.kernels import compute_weights, identity_kernel, ordinal_kernel


class UnitTerms:
    """Per unit of a regions x indicators x levels count table, the terms every scope sums.

    ``coincidences``: Krippendorff's coincidences of the unit (levels x levels), as the
    ``krippendorff`` package computes them per unit; ``agreement_ac1`` / ``agreement_ac2``: the unit's
    observed agreement with identity and ordinal weights (Gwet), where rated twice or more;
    ``shares``: each level's share of the unit's ratings, where rated at all.
    """

    def __init__(self, counts: np.ndarray) -> None:
        c = np.asarray(counts, dtype=float)
        self.levels = c.shape[-1]
        self.counts = c
        self.raters = c.sum(axis=-1)
        eye = np.eye(self.levels)
        pairable = np.maximum(self.raters, 2)
        self.coincidences = np.divide(c[..., :, None] * c[..., None, :] - c[..., None, :] * eye,
                                      (pairable - 1)[..., None, None])
        twice = self.raters >= 2
        denominator = np.where(twice, self.raters * (self.raters - 1), 1.0)
        self.weights = {kernel: compute_weights(self.levels, kernel) for kernel in (identity_kernel, ordinal_kernel)}
        self.observed = {kernel: (c * (c @ w - 1)).sum(axis=-1) / denominator for kernel, w in self.weights.items()}
        self.shares = np.divide(c, self.raters[..., None], out=np.zeros_like(c), where=(self.raters >= 1)[..., None])


def alpha_of_scope(terms: UnitTerms, columns: slice) -> tuple[float | None, int, int]:
    """(ordinal alpha or None, pairable units, pairable levels) of the units of ``columns`` (indicators)."""
    raters = terms.raters[:, columns].ravel()
    pairable = raters >= 2
    units, values = int(pairable.sum()), int(raters[pairable].sum())
    if not units:
        return None, units, values
    counts = terms.counts[:, columns].reshape(-1, terms.levels)[pairable]
    if np.count_nonzero(counts.sum(axis=0)) < 2:  # every pairable level the same: nothing to agree on
        return None, units, values
    # Units rated fewer than twice have no coincidences (zeros): summing them too changes no bit.
    o = terms.coincidences[:, columns].sum(axis=(0, 1))
    n_v = o.sum(axis=0)
    e = np.divide(np.outer(n_v, n_v) - np.diagflat(n_v), n_v.sum() - 1)
    d = _ordinal_distances(n_v)
    return float(1 - (o * d).sum() / (e * d).sum()), units, values


def _ordinal_distances(n_v: np.ndarray) -> np.ndarray:
    """Krippendorff's ordinal metric between every two levels, from the levels' pairable counts."""
    indices = np.arange(len(n_v))
    i1, i2 = np.minimum(indices[:, None], indices[None, :]), np.maximum(indices[:, None], indices[None, :])
    ranges = np.dstack((i1, i2 + 1))
    between = np.add.reduceat(np.append(n_v, 0), ranges.reshape(-1))[::2].reshape(*i1.shape)
    return (between - np.divide(n_v[i1] + n_v[i2], 2)) ** 2


def gwet_of_scope(terms: UnitTerms, columns: slice) -> tuple[float | None, float | None]:
    """(AC1, AC2 with ordinal weights) of the units of ``columns``; None with fewer than two units rated twice."""
    raters = terms.raters[:, columns].ravel()
    twice = raters >= 2
    if int(twice.sum()) < 2 or terms.levels < 2:
        return None, None
    q = terms.levels
    pi = np.average(terms.shares[:, columns].reshape(-1, q)[raters >= 1], axis=0)
    figures = []
    for kernel in (identity_kernel, ordinal_kernel):
        po = np.average(terms.observed[kernel][:, columns].ravel()[twice])
        pc = (pi * (1 - pi)).sum() * terms.weights[kernel].sum() / (q * (q - 1))
        figures.append(float((po - pc) / (1 - pc)))
    return figures[0], figures[1]
