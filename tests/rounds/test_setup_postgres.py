"""Round setup on a shared PostgreSQL coordinator store: the same steps as on SQLite."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from app import assessments as A
from app.rounds.setup import (
    ScheduleLayout,
    SetupError,
    add_assessor,
    add_candidates,
    import_assessors,
    new_round,
    remove_assessor,
    remove_candidates,
    round_assessors,
    round_candidates,
    save_schedule_layout,
    schedule_layout,
    template_path,
    update_assessor,
)
from app.store import open_store


def test_round_setup_on_postgres(pg_url: str, tmp_path: Path) -> None:
    store = open_store(tmp_path, pg_url)
    try:
        round_id = new_round(store, name="Uji PG", instrument_id="smart-city-readiness-2018",
                             starts_on=date(2018, 3, 5), ends_on=date(2018, 3, 7))
        assert add_candidates(store, round_id, ["3273", "6303", "3279"], "interview") == 3
        assert import_assessors(store, round_id, template_path("assessors")) == 2
        budi = add_assessor(store, round_id, name="Budi", nip="1", province_code="63",
                            conflicts={"3279": "keluarga"})
        update_assessor(store, budi, conflicts={"3273": ""})
        assert {a.name: a.conflicts for a in round_assessors(store, round_id)}["Budi"] == {"3273": ""}
        A.start_assessment(store, round_id=round_id, region_code="6303", assessor_id=budi)
        with pytest.raises(SetupError, match="already has assessments"):
            remove_assessor(store, round_id, budi)
        with pytest.raises(SetupError, match="already has assessments"):
            remove_candidates(store, round_id, ["6303"])
        assert remove_candidates(store, round_id, ["3279"]) == 1
        assert [c.region.code for c in round_candidates(store, round_id)] == ["3273", "6303"]
        assert schedule_layout(store, round_id).days == (date(2018, 3, 5), date(2018, 3, 6), date(2018, 3, 7))
        save_schedule_layout(store, round_id, ScheduleLayout(days=(date(2018, 3, 5),), day_start=time(7, 30)))
        assert schedule_layout(store, round_id).day_start == time(7, 30)
    finally:
        store.close()
