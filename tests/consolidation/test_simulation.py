"""A small run of the simulation study (benchmarks/simulate_ranking.py; the full study runs 200 rounds):
with linked panels and severities of half a level the adjusted ranking makes far fewer wrong shortlist
decisions; without severity differences it is not worse beyond noise; unlinked rounds are refused."""

from __future__ import annotations

from benchmarks.simulate_ranking import LINKED, UNLINKED, reduction, study

ROUNDS = 20


def test_adjusted_beats_the_raw_mean_on_linked_rounds() -> None:
    cells = study(ROUNDS, seed=20, severity_sds=(0.5, 0.0), designs=(LINKED,))
    assert all(c.rounds == ROUNDS and c.refused == 0 for c in cells)
    assert reduction(cells, LINKED, 0.5, cut_index=0) >= 0.30  # top 50
    assert reduction(cells, LINKED, 0.5, cut_index=1) > 0.0  # top 75
    by = {(c.severity_sd, c.rule): c for c in cells}
    assert by[0.5, "adjusted"].tau > by[0.5, "mean"].tau
    null = by[0.0, "adjusted"]  # no severity differences: adjusting must not cost more than noise
    assert null.versus_raw[0] <= 0.5 + 3 * null.versus_raw_se[0]


def test_unlinked_rounds_are_refused() -> None:
    cells = study(3, seed=21, severity_sds=(0.5,), designs=(UNLINKED,))
    adjusted = next(c for c in cells if c.rule == "adjusted")
    assert adjusted.refused == 3 and adjusted.rounds == 0
    assert next(c for c in cells if c.rule == "mean").rounds == 3
