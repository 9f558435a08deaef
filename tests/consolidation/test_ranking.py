"""Competition ranking, tie-breakers and shortlist cut-offs, on hand-made entries."""

from __future__ import annotations

from app.consolidation.ranking import NO, TIE, YES, RankEntry, rank_entries

ENTRIES = [
    RankEntry("E", 60.0, (50.0, 60.0, 70.0)),
    RankEntry("D", 75.0, (80.0, 60.0, 90.0)),  # equal to B in every respect: genuinely tied
    RankEntry("C", 75.0, (70.0, 90.0, 70.0)),  # same score as B and D, lower Struktur
    RankEntry("F", None, (None, None, None)),  # nothing counted: unranked, last
    RankEntry("B", 75.0, (80.0, 60.0, 90.0)),
    RankEntry("A", 80.0, (70.0, 90.0, 80.0)),
]


def test_order_ranks_and_ties() -> None:
    placed, _ = rank_entries(ENTRIES, ())
    assert [p.code for p in placed] == ["A", "B", "D", "C", "E", "F"]  # B before D: region code orders only
    assert [p.rank for p in placed] == [1, 2, 2, 4, 5, None]  # "1, 2, 2, 4"
    assert [p.position for p in placed] == [1, 2, 3, 4, 5, 6]
    by_code = {p.code: p for p in placed}
    assert by_code["B"].tied_with == ("D",) and by_code["D"].tied_with == ("B",)
    assert by_code["C"].tied_with == ()
    assert by_code["C"].score_tied and by_code["B"].score_tied and not by_code["A"].score_tied


def test_later_tie_breakers_in_instrument_order() -> None:
    entries = [RankEntry("X", 50.0, (60.0, 40.0, 10.0)), RankEntry("Y", 50.0, (60.0, 45.0, 0.0)),
               RankEntry("Z", 50.0, (60.0, 45.0, 5.0))]
    placed, _ = rank_entries(entries, ())
    assert [(p.code, p.rank) for p in placed] == [("Z", 1), ("Y", 2), ("X", 3)]


def test_missing_dimension_score_counts_lowest() -> None:
    entries = [RankEntry("X", 50.0, (None, 40.0)), RankEntry("Y", 50.0, (0.0, 40.0))]
    placed, _ = rank_entries(entries, ())
    assert [(p.code, p.rank) for p in placed] == [("Y", 1), ("X", 2)]


def test_floating_point_noise_is_a_tie() -> None:
    entries = [RankEntry("X", 75.0 + 1e-10, (50.0,)), RankEntry("Y", 75.0, (50.0 - 1e-11,))]
    placed, _ = rank_entries(entries, ())
    assert [p.rank for p in placed] == [1, 1]


def test_cut_offs_and_a_straddling_tie_is_flagged() -> None:
    placed, cuts = rank_entries(ENTRIES, (3, 2, 10))
    three, two, ten = cuts
    assert three.selected == ("A", "B", "D") and not three.straddled and three.open_places == 0
    # B and D are genuinely tied at places 2-3: a shortlist of two cannot take one of them silently.
    assert two.selected == ("A",) and two.tied == ("B", "D") and two.straddled and two.open_places == 1
    assert ten.selected == ("A", "B", "D", "C", "E") and not ten.straddled and ten.ranked == 5
    marks = {p.code: p.shortlist for p in placed}
    assert marks["A"] == (YES, YES, YES)
    assert marks["B"] == marks["D"] == (YES, TIE, YES)
    assert marks["C"] == (NO, NO, YES)
    assert marks["F"] == (NO, NO, NO)


def test_tie_broken_by_struktur_is_not_flagged() -> None:
    # B/D (Struktur 80) and C (Struktur 70) share a panel score, but the tie-breaker separates them.
    _, cuts = rank_entries(ENTRIES, (3,))
    assert not cuts[0].straddled and "C" not in cuts[0].selected


def test_tie_exactly_at_the_cut_is_not_straddling() -> None:
    entries = [RankEntry("A", 90.0, (1.0,)), RankEntry("B", 80.0, (1.0,)), RankEntry("C", 80.0, (1.0,)),
               RankEntry("D", 70.0, (1.0,))]
    _, cuts = rank_entries(entries, (3, 1))
    assert cuts[0].selected == ("A", "B", "C") and not cuts[0].straddled
    assert cuts[1].selected == ("A",) and not cuts[1].straddled
