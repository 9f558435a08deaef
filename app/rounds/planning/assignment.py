"""Candidates to panel-days: a flow from groups of alike candidates to the panel-days free of
their conflicts, balanced first, then placed on the day's times.

Candidates with the same conflicted assessors form one group (in practice one per province), so
the network stays small (about 40 groups × 50 panel-days for 514 candidates). Balance is a flow
with bounds: every panel-day is first filled up to the lower level of an even spread, then up to
one more, then (only if the conflicts demand it) up to its capacity. Flow into the sink never
decreases while augmenting, so loads reached in an earlier step stay.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from app.rounds.planning.flow import FlowNetwork


@dataclass(frozen=True)
class Group:
    """Candidates (indexes into the request) that conflict with the same assessors (a bit mask)."""

    conflicts: int
    members: tuple[int, ...]


@dataclass(frozen=True)
class Matching:
    covered: int  # candidates placed
    balance_shortfall: int  # 0: every panel-day within one of an even spread
    counts: dict[tuple[int, int], int]  # (group, panel-day) -> candidates
    short_groups: tuple[int, ...]  # groups on the source side of the minimum cut: the ones left short
    starved: tuple[int, ...]  # panel-days left below the load wanted, for want of a group free to sit there
    loads: tuple[int, ...]

    def score(self, wanted: int) -> tuple[int, int]:
        return wanted - self.covered, self.balance_shortfall


def even_levels(capacities: list[int], wanted: int) -> tuple[list[int], list[int]]:
    """Lower and upper loads per panel-day for an even spread of `wanted` candidates: each gets
    `level` or `level + 1` (never more than it holds), the level as high as the total allows."""
    level = 0
    while sum(min(c, level + 1) for c in capacities) <= wanted and level < max(capacities, default=0):
        level += 1
    return [min(c, level) for c in capacities], [min(c, level + 1) for c in capacities]


def match(groups: list[Group], panel_masks: list[int], capacities: list[int]) -> Matching:
    wanted = sum(len(g.members) for g in groups)
    lower, upper = even_levels(capacities, wanted)
    source, sink = 0, len(groups) + len(panel_masks) + 1
    network = FlowNetwork(sink + 1)
    group_edges: dict[tuple[int, int], int] = {}
    for g, group in enumerate(groups):
        network.add_edge(source, 1 + g, len(group.members))
        for k, mask in enumerate(panel_masks):
            if not mask & group.conflicts and capacities[k]:
                group_edges[g, k] = network.add_edge(1 + g, 1 + len(groups) + k, len(group.members))
    sink_edges = [network.add_edge(1 + len(groups) + k, sink, lower[k]) for k in range(len(panel_masks))]

    def diagnosis(targets: list[int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
        reachable = network.reachable(source)
        return (tuple(g for g in range(len(groups)) if 1 + g in reachable),
                tuple(k for k, edge in enumerate(sink_edges) if network.flow(edge) < targets[k]))

    short: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())
    at_lower = network.max_flow(source, sink)
    if at_lower < sum(lower):
        short = diagnosis(lower)
    for k, edge in enumerate(sink_edges):
        network.raise_capacity(edge, upper[k])
    at_upper = at_lower + network.max_flow(source, sink)
    if at_upper < wanted and not short[0]:
        short = diagnosis(upper)
    shortfall = (sum(lower) - at_lower) + (wanted - at_upper)
    covered = at_upper
    if covered < wanted:
        for k, edge in enumerate(sink_edges):
            network.raise_capacity(edge, capacities[k])
        covered += network.max_flow(source, sink)
        if covered < wanted:
            short = diagnosis(capacities)
    counts = {key: network.flow(edge) for key, edge in group_edges.items() if network.flow(edge)}
    loads = tuple(network.flow(edge) for edge in sink_edges)
    return Matching(covered, shortfall, counts, short[0], short[1], loads)


def placed(groups: list[Group], counts: dict[tuple[int, int], int], panel_days: int,
           rng: random.Random) -> list[list[int]]:
    """The candidates of each panel-day, in interview order (shuffled by the seed, so that neither
    a province nor the alphabet always comes first)."""
    chosen: list[list[int]] = [[] for _ in range(panel_days)]
    for g, group in enumerate(groups):
        members = list(group.members)
        rng.shuffle(members)
        for k in range(panel_days):
            take = counts.get((g, k), 0)
            chosen[k].extend(members[:take])
            del members[:take]
    for day_list in chosen:
        rng.shuffle(day_list)
    return chosen
