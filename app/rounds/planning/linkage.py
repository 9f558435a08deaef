"""How linked a plan's panels are.

The ranking corrects for assessors' severity by comparing them where their work overlaps. Two
panels with no assessor in common (directly, or through the calibration case every assessor
scored) cannot be compared: a candidate's rank would then depend on which room it was sent to.
`linkage` is the share of panel pairs that share an assessor (or both hold assessors who scored
the calibration case); `islands` counts the groups of panels with no link between them (1 is
what the ranking needs).
"""

from __future__ import annotations

from itertools import combinations

from app.rounds.planning.types import CALIBRATION_PANEL, PlannedSlot


def panel_members(slots: list[PlannedSlot] | tuple[PlannedSlot, ...]) -> dict[str, frozenset[str]]:
    """The assessors of each panel (the calibration slot is not a panel), in order of first slot."""
    members: dict[str, set[str]] = {}
    for slot in slots:
        if slot.panel != CALIBRATION_PANEL:
            members.setdefault(slot.panel, set()).update(slot.assessor_ids)
    return {name: frozenset(ids) for name, ids in members.items()}


def linked_pairs(slots: list[PlannedSlot] | tuple[PlannedSlot, ...]) -> tuple[list[str], list[tuple[str, str]]]:
    members = panel_members(slots)
    calibrated = {a for slot in slots if slot.panel == CALIBRATION_PANEL for a in slot.assessor_ids}
    names = list(members)
    linked = [(a, b) for a, b in combinations(names, 2)
              if members[a] & members[b] or (members[a] & calibrated and members[b] & calibrated)]
    return names, linked


def linkage(slots: list[PlannedSlot] | tuple[PlannedSlot, ...]) -> float:
    """Share of panel pairs connected through a shared assessor (or the calibration case), 0..1;
    1.0 for a plan of one panel."""
    names, linked = linked_pairs(slots)
    pairs = len(names) * (len(names) - 1) // 2
    return len(linked) / pairs if pairs else 1.0


def islands(slots: list[PlannedSlot] | tuple[PlannedSlot, ...]) -> int:
    """Groups of panels with no chain of shared assessors between them (0 for no panels)."""
    names, linked = linked_pairs(slots)
    parent = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for a, b in linked:
        parent[root(a)] = root(b)
    return len({root(name) for name in names})
