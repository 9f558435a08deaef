"""Are the round's assessors linked? Severity means something only between linked assessors.

Two assessors are linked when they scored a candidate in common, and through chains of such
links (A and B shared a region, B and C another: A and C are linked). Every assessor scores
every indicator, so the assessor–candidate graph alone decides. An *island* is a connected part
of that graph: its assessors and the candidates they scored. With more than one island, the
islands' levels cannot be put on one scale (a lenient island and a strong island look the same),
so the adjustment is refused for the whole round: one ranking across islands would need exactly
the comparison the data cannot give, and ranking inside each island separately is not what a
shortlist needs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.consolidation.severity.data import Observations


@dataclass(frozen=True)
class Island:
    assessor_ids: tuple[str, ...]
    candidate_ids: tuple[str, ...]


@dataclass(frozen=True)
class Connectedness:
    islands: tuple[Island, ...]  # largest first; one island when the round is linked

    @property
    def connected(self) -> bool:
        return len(self.islands) <= 1


def _components(n_a: int, n_c: int, obs: Observations) -> tuple[int, np.ndarray]:
    """Connected components of the graph with nodes 0..n_a-1 (assessors) and n_a.. (candidates), by
    union-find over the distinct assessor–candidate pairs (at most assessors × candidates, 40,000 for a
    round of 2,000), found by counting every observation's pair rather than as a set of Python tuples."""
    parent = list(range(n_a + n_c))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    pairs = np.flatnonzero(np.bincount(obs.assessor * n_c + obs.candidate, minlength=n_a * n_c))
    for assessor, candidate in zip((pairs // n_c).tolist(), (pairs % n_c).tolist(), strict=True):
        parent[root(assessor)] = root(n_a + candidate)
    roots = [root(node) for node in range(n_a + n_c)]
    numbering = {r: k for k, r in enumerate(dict.fromkeys(roots))}
    return len(numbering), np.array([numbering[r] for r in roots])


def connectedness(obs: Observations) -> Connectedness:
    """The islands of the bipartite graph assessors–candidates (an edge per candidate an assessor scored)."""
    n_a, n_c = len(obs.assessor_ids), len(obs.candidate_ids)
    if not len(obs):
        return Connectedness(())
    count, labels = _components(n_a, n_c, obs)
    seen_a = np.zeros(n_a, dtype=bool)
    seen_a[obs.assessor] = True
    seen_c = np.zeros(n_c, dtype=bool)
    seen_c[obs.candidate] = True
    islands = []
    for label in range(count):
        assessors = tuple(obs.assessor_ids[i] for i in np.nonzero((labels[:n_a] == label) & seen_a)[0])
        candidates = tuple(obs.candidate_ids[i] for i in np.nonzero((labels[n_a:] == label) & seen_c)[0])
        if assessors or candidates:
            islands.append(Island(assessors, candidates))
    islands.sort(key=lambda island: (-len(island.candidate_ids), island.candidate_ids))
    return Connectedness(tuple(islands))
