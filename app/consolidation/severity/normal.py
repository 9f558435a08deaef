"""The model's normal equations X'X b = X'y with the candidate effects absorbed (block elimination).

The parameters in reference coding are ``[μ, θ_1.., β_1.., s_1..]`` (p of them; the first candidate,
indicator and assessor are the references). Each observation has exactly one candidate, so the
candidates' block of X'X is diagonal (how many levels each candidate got). Eliminating it leaves
the Schur complement over μ, the indicators and the assessors (``m = n_i + n_a − 1``, 59 for 40
indicators and 20 assessors, whatever the number of candidates), solved by Cholesky; the candidate
effects and every entry of (X'X)⁻¹ the fit needs then follow from the usual block-inverse formulas.
Exactly the same least-squares solution and covariance as factorising the whole p × p X'X, at
O(n_c m²) instead of O(p³): for 2,000 candidates the whole matrix is 2,058 × 2,058 (a second
and 34 MB per copy), the complement 59 × 59.

With D the candidates' diagonal block, B the candidates × rest block and C the rest's block::

    S = C − B'D⁻¹B                     (the Schur complement: positive definite iff X'X is)
    (X'X)⁻¹ = [[S⁻¹, −S⁻¹B'D⁻¹], [−D⁻¹BS⁻¹, D⁻¹ + D⁻¹BS⁻¹B'D⁻¹]]    (rest first, candidates second)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


class NotDetermined(ValueError):
    """X'X is singular: the levels do not determine every effect."""


@dataclass(frozen=True, eq=False)
class NormalInverse:
    """(X'X)⁻¹ in reference coding, kept as its blocks: products with vectors and its diagonal."""

    candidates: np.ndarray  # positions of θ_1.. in the parameter vector
    rest: np.ndarray  # positions of μ, β_1.., s_1..
    d: np.ndarray  # the candidates' diagonal block of X'X
    d_inv_b: np.ndarray  # D⁻¹B, candidates × rest
    s_inv: np.ndarray  # S⁻¹, rest × rest

    @property
    def size(self) -> int:
        return len(self.candidates) + len(self.rest)

    def __matmul__(self, vector: np.ndarray) -> np.ndarray:
        """(X'X)⁻¹ v: w = S⁻¹(v_rest − (D⁻¹B)'v_cand); rest = w, candidates = v_cand / D − D⁻¹B w."""
        v_cand, v_rest = vector[self.candidates], vector[self.rest]
        w = self.s_inv @ (v_rest - self.d_inv_b.T @ v_cand)
        out = np.empty(self.size)
        out[self.rest] = w
        out[self.candidates] = v_cand / self.d - self.d_inv_b @ w
        return out

    def diagonal(self) -> np.ndarray:
        out = np.empty(self.size)
        out[self.rest] = np.diag(self.s_inv)
        out[self.candidates] = 1.0 / self.d + np.einsum("kr,kr->k", self.d_inv_b @ self.s_inv, self.d_inv_b)
        return out


def solve(c: np.ndarray, i: np.ndarray, a: np.ndarray, y: np.ndarray, n_c: int, n_i: int,
          n_a: int) -> tuple[np.ndarray, NormalInverse]:
    """The least-squares b of y on [1, θ, β, −s] (reference coding) and (X'X)⁻¹, from counts.

    Raises :class:`NotDetermined` unless X'X is positive definite.
    """
    per_c, per_i, per_a = (np.bincount(x, minlength=k).astype(float) for x, k in ((c, n_c), (i, n_i), (a, n_a)))
    by_ci = np.bincount(c * n_i + i, minlength=n_c * n_i).reshape(n_c, n_i).astype(float)
    by_ca = np.bincount(c * n_a + a, minlength=n_c * n_a).reshape(n_c, n_a).astype(float)
    by_ia = np.bincount(i * n_a + a, minlength=n_i * n_a).reshape(n_i, n_a).astype(float)
    # the rest's columns: μ, β_1.. (indicators but the first), −s_1.. (assessors but the first)
    m = 1 + (n_i - 1) + (n_a - 1)
    c_block = np.zeros((m, m))
    c_block[0, 0] = len(y)
    c_block[0, 1:n_i], c_block[0, n_i:] = per_i[1:], -per_a[1:]
    c_block[1:n_i, 1:n_i] = np.diag(per_i[1:])
    c_block[n_i:, n_i:] = np.diag(per_a[1:])
    c_block[1:n_i, n_i:] = -by_ia[1:, 1:]
    c_block = np.triu(c_block) + np.triu(c_block, 1).T
    b_block = np.column_stack((per_c[1:], by_ci[1:, 1:], -by_ca[1:, 1:]))  # candidates but the first × rest
    d = per_c[1:]
    rhs_rest = np.concatenate(([y.sum()], np.bincount(i, weights=y, minlength=n_i)[1:],
                               -np.bincount(a, weights=y, minlength=n_a)[1:]))
    rhs_cand = np.bincount(c, weights=y, minlength=n_c)[1:]

    d_inv_b = b_block / d[:, None]
    schur = c_block - b_block.T @ d_inv_b
    try:
        lower = np.linalg.cholesky(schur)  # fails unless S (so X'X) is positive definite
    except np.linalg.LinAlgError:
        raise NotDetermined("X'X is singular") from None
    inverse_lower = np.linalg.inv(lower)
    rest = np.concatenate(([0], np.arange(n_c, n_c + m - 1)))  # μ at 0, θ at 1..n_c-1, then β and s
    inverse = NormalInverse(candidates=np.arange(1, n_c), rest=rest, d=d, d_inv_b=d_inv_b,
                            s_inv=inverse_lower.T @ inverse_lower)
    rhs = np.empty(inverse.size)
    rhs[inverse.rest], rhs[inverse.candidates] = rhs_rest, rhs_cand
    return inverse @ rhs, inverse
