"""The levels matrix of a round where every assessment scored every indicator (the quick path of
app/consolidation/levels_read.py: columns put in instrument order on the int8 cells) equals one row per
score read from the store, "not applicable" included."""

from __future__ import annotations

import numpy as np
from sqlmodel import select

from app.consolidation import load_round_data
from app.models.tables import Score
from app.rounds.demo import build_demo
from app.store import open_store
from tests.consolidation import reference


def test_a_fully_scored_round_reads_as_one_row_per_score(tmp_path) -> None:
    store = open_store(tmp_path / "store")
    try:
        round_id = build_demo(store, regions_count=12, assessors_count=4, seed=23).round_id
        data = load_round_data(store, round_id)
        with store.transaction() as session:  # a "not applicable" that keeps every row's list of codes
            score = session.exec(select(Score).where(Score.version_id == data.counted[3].version_id)).first()
            score.level, score.not_applicable = None, True
            session.add(score)
        data = load_round_data(store, round_id)
        levels, na, excluded = reference.score_rows(store, data)
        assert not np.isnan(levels[~na]).any()  # every counted cell scored or not applicable: the quick path
        assert np.array_equal(data.levels, levels, equal_nan=True)
        assert np.array_equal(data.not_applicable, na) and na.sum() == 1
        assert list(data.indicator_codes) != sorted(data.indicator_codes)  # the store's order is not the instrument's
    finally:
        store.close()
