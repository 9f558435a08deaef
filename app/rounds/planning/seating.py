"""Who sits on which panel each day.

The start is a rotation in the manner of a Latin square: seat j of a day's list is position
i = j % size of group g = j // size, and sits on day d on panel (g + i·d) mod panels. Position 0
stays in its room (a chair who keeps the room), the others move by i rooms a day, so every panel
keeps its size and panels of different days share assessors. With more assessors than seats the
day's list starts further along each day (by fewer places than a day's seats, so that consecutive
days still share assessors), so the ones who sit out change. With fixed panels
(`none`, `calibration_case`) the first day's panels sit every day.

Assessors are first ordered by province, so that fixed panels gather the assessors of one province
(conflicts then block one panel, not several). When the conflicts leave candidates without a free
panel, a local search clears a panel of the assessors who block them, by swapping them with an
assessor of another panel of that day (or one sitting out), and keeps each swap that does not
make the matching worse.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from app.rounds.planning.assignment import Group, Matching, match

SEARCH_STEPS = 400  # swaps tried at most; a few dozen suffice for the 2018 shape


@dataclass
class Seating:
    panels: int
    days: int
    fixed: bool
    seats: list[list[list[int]]]  # [day][panel] -> assessor indexes
    resting: list[list[int]]  # [day] -> assessors sitting out that day

    def copy(self) -> Seating:
        return Seating(self.panels, self.days, self.fixed, [[list(p) for p in day] for day in self.seats],
                       [list(r) for r in self.resting])

    def masks(self) -> list[int]:
        """A bit mask of the assessors of each panel-day, k = day * panels + panel."""
        return [sum(1 << a for a in panel) for day in self.seats for panel in day]

    def islands(self) -> int:
        """Groups of panel-days with no chain of shared assessors between them."""
        parent = list(range(self.days * self.panels))

        def root(k: int) -> int:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        first: dict[int, int] = {}
        for k, panel in enumerate(p for day in self.seats for p in day):
            for assessor in panel:
                parent[root(k)] = root(first.setdefault(assessor, k))
        return len({root(k) for k in range(len(parent))})

    def swap(self, day: int, panel: int, seat: int, other_panel: int | None, other_seat: int) -> None:
        """Swap a seated assessor with one of another panel (or, for None, one sitting out), on one
        day, or on every day for fixed panels."""
        for d in range(self.days) if self.fixed else (day,):
            here = self.seats[d][panel]
            there = self.resting[d] if other_panel is None else self.seats[d][other_panel]
            here[seat], there[other_seat] = there[other_seat], here[seat]


def initial(order: list[int], panels: int, size: int, days: int, fixed: bool) -> Seating:
    seats_per_day = panels * size
    # each day the list starts further along, so others sit out, but never so far that two days share nobody
    shift = min(len(order) - seats_per_day, seats_per_day - 1)
    seats, resting = [], []
    for d in range(days):
        start = 0 if fixed else (d * shift) % len(order)
        today = order[start:] + order[:start]
        day_panels: list[list[int]] = [[] for _ in range(panels)]
        for j, assessor in enumerate(today[:seats_per_day]):
            group, position = divmod(j, size)
            day_panels[group if fixed else (group + position * d) % panels].append(assessor)
        seats.append(day_panels)
        resting.append(today[seats_per_day:])
    return Seating(panels, days, fixed, seats, resting)


def _clear(seating: Seating, conflicts: int, k: int, rng: random.Random) -> None:
    """Move the assessors who block a group out of panel-day k, each swapped with an assessor free of
    the group's conflicts: one sitting out first, else one from the panel of that day that already
    holds the most blocking assessors (so that blockers gather)."""
    day, panel = divmod(k, seating.panels)
    day = 0 if seating.fixed else day
    for seat, assessor in enumerate(seating.seats[day][panel]):
        if not conflicts >> assessor & 1:
            continue
        free_resting = [i for i, a in enumerate(seating.resting[day]) if not conflicts >> a & 1]
        if free_resting:
            seating.swap(day, panel, seat, None, rng.choice(free_resting))
            continue
        others = [q for q in range(seating.panels) if q != panel
                  and any(not conflicts >> a & 1 for a in seating.seats[day][q])]
        if not others:
            return
        rng.shuffle(others)
        others.sort(key=lambda q: -sum(conflicts >> a & 1 for a in seating.seats[day][q]))
        target = others[0]
        free = [i for i, a in enumerate(seating.seats[day][target]) if not conflicts >> a & 1]
        seating.swap(day, panel, seat, target, rng.choice(free))


def _random_swap(seating: Seating, rng: random.Random) -> None:
    if seating.panels < 2:
        return
    day = rng.randrange(seating.days)
    a, b = rng.sample(range(seating.panels), 2)
    seating.swap(day, a, rng.randrange(len(seating.seats[day][a])), b, rng.randrange(len(seating.seats[day][b])))


def _blocked_panel_day(seating: Seating, masks: list[int], group: Group, starved: tuple[int, ...],
                       rng: random.Random) -> int | None:
    """A panel-day where the group is blocked: a starved one if any, else the one with fewest blockers."""
    blocked = [k for k in range(len(masks)) if masks[k] & group.conflicts]
    if not blocked:
        return None
    preferred = [k for k in blocked if k in starved] or blocked
    rng.shuffle(preferred)
    return min(preferred, key=lambda k: (masks[k] & group.conflicts).bit_count())


def search(seating: Seating, groups: list[Group], capacities: list[int], rng: random.Random,
           steps: int = SEARCH_STEPS) -> tuple[Seating, Matching]:
    """Improve the seating until every candidate has a free panel-day and loads are even (or the steps
    run out): the best seating and its matching."""
    wanted = sum(len(g.members) for g in groups)
    best = match(groups, seating.masks(), capacities)
    best_score = (*best.score(wanted), seating.islands())  # a swap must not cut the panels apart
    for _ in range(steps):
        if best_score[:2] == (0, 0):
            break
        trial = seating.copy()
        masks = trial.masks()
        candidates = [groups[g] for g in best.short_groups]
        if not candidates and best.starved:  # loads uneven: some group must be let into a starved panel-day
            candidates = [g for g in groups if any(masks[k] & g.conflicts for k in best.starved)]
        k = None
        if candidates and rng.random() < 0.85:
            group = rng.choice(candidates)
            k = _blocked_panel_day(trial, masks, group, best.starved, rng)
            if k is not None:
                _clear(trial, group.conflicts, k, rng)
        if k is None:
            _random_swap(trial, rng)
        outcome = match(groups, trial.masks(), capacities)
        score = (*outcome.score(wanted), trial.islands())
        if score <= best_score:
            seating, best, best_score = trial, outcome, score
    return seating, best
