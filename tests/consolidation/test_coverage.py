"""Coverage: who scored each region, what counts, what is missing or in conflict."""

from __future__ import annotations

from app.consolidation import consolidate
from app.instruments.catalogue import store_instrument
from tests.consolidation.builders import RoundBuilder, instrument_from, three_dimensions


def test_states_and_what_counts(any_store) -> None:
    builder = RoundBuilder(any_store, three_dimensions(), ["3325", "3671", "6303", "3374"])
    builder.panel("Panel A", ["3325", "3671", "6303"], ["Ani", "Budi", "Citra"])
    # 3325: Ani final, Budi signed, Citra only a draft
    builder.assess_all("3325", "Ani", 4)
    builder.assess_all("3325", "Budi", 2, status="signed")
    builder.assess_all("3325", "Citra", 5, status="draft")
    # 3671: Ani's record came in twice with competing versions; Budi and Citra nothing; Dedi (not on the
    # panel) final
    builder.assess_all("3671", "Ani", 3, in_conflict=True, record_id="rec-ani-3671")
    builder.assess_all("3671", "Ani", 5, in_conflict=True, is_current=False, record_id="rec-ani-3671")
    builder.assess_all("3671", "Dedi", 3)
    # 6303: Ani has two separate final records (duplicate); Budi scored under another instrument version
    builder.assess_all("6303", "Ani", 1)
    builder.assess_all("6303", "Ani", 5)
    other = instrument_from([("STR", 100, [("S1", 100, 5)])], ident="other")
    with any_store.transaction() as session:
        store_instrument(session, other)
    builder.assess("6303", "Budi", {"S1": 5}, instrument_hash=other.content_hash)
    builder.assess_all("6303", "Citra", 3)
    # an old, superseded final version of Citra's 6303 record does not appear at all
    builder.assess_all("6303", "Citra", 1, is_current=False)

    result = consolidate(any_store)
    cover = {c.region.code: c for c in result.coverage}
    states = {code: {a.name: a.state for a in c.assessors} for code, c in cover.items()}
    assert states["3325"] == {"Ani": "final", "Budi": "signed", "Citra": "draft"}
    assert states["3671"] == {"Ani": "conflict", "Budi": "missing", "Citra": "missing",
                                 "Dedi": "final"}
    assert states["6303"] == {"Ani": "duplicate", "Budi": "instrument", "Citra": "final"}
    assert states["3374"] == {}

    c3325, c3671, c6303, c3374 = cover["3325"], cover["3671"], cover["6303"], cover["3374"]
    assert (c3325.counted, c3325.expected, len(c3325.missing), c3325.in_conflict) == (2, 3, 1, ())
    assert len(c3325.signed) == 1 and len(c3325.final) == 1 and not c3325.complete
    assert (c3671.counted, c3671.expected) == (1, 3)
    assert {result.data.assessors[i].name for i in c3671.missing} == {"Budi", "Citra"}
    assert {result.data.assessors[i].name for i in c3671.in_conflict} == {"Ani"}
    assert not [a for a in c3671.assessors if a.name == "Dedi"][0].on_panel
    assert len([a for a in c3671.assessors if a.name == "Ani"][0].version_ids) == 2
    assert c6303.counted == 1 and c3374.counted == 0 and not c3374.complete

    # only counted assessments reach the panel scores: 3325 = mean of Ani (4 -> 75) and Budi (2 -> 25)
    assert result.panel("3325").total == 50.0
    assert result.panel("3671").total == 50.0  # Dedi alone: level 3
    assert result.panel("6303").total == 50.0  # Citra alone: level 3
    ranked = {r.region.code: r for r in result.ranking}
    assert (ranked["3325"].assessors, ranked["3325"].expected, ranked["3325"].missing) == (2, 3, 1)
    assert ranked["3671"].in_conflict == 1


def test_complete_region(any_store) -> None:
    builder = RoundBuilder(any_store, three_dimensions(), ["3325"])
    builder.panel("Panel A", ["3325"], ["Ani", "Budi"])
    builder.assess_all("3325", "Ani", 4)
    builder.assess_all("3325", "Budi", 4, status="signed")
    (cover,) = consolidate(any_store).coverage
    assert cover.complete and cover.missing == () and cover.counted == cover.expected == 2
