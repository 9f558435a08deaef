"""Round setup: the round's details and its schedule layout, each step saved as it is made."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlmodel import select

from app import assessments as A
from app.instruments import builtin_instruments
from app.models.tables import Round, ScheduleSettings
from app.rounds.setup import (
    ScheduleLayout,
    SetupError,
    new_round,
    round_details,
    save_schedule_layout,
    schedule_layout,
    update_round,
)


def test_new_round_keeps_its_details(store) -> None:
    builtin = builtin_instruments()[0]
    round_id = new_round(store, name="  Smart City  2019 ", instrument_id=builtin.id, stage="Wawancara",
                         starts_on=date(2019, 3, 4), ends_on=date(2019, 3, 8), shortlist_sizes=(60, 40))
    details = round_details(store, round_id)
    assert (details.name, details.stage, details.shortlist_sizes) == ("Smart City 2019", "Wawancara", (60, 40))
    assert details.instrument_hash == builtin.content_hash
    assert (details.starts_on, details.ends_on, details.has_assessments) == (date(2019, 3, 4), date(2019, 3, 8), False)


BUILTIN = "smart-city-readiness-2018"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"name": " ", "instrument_id": BUILTIN}, "needs a name"),
    ({"name": "R", "instrument_id": "no-such-instrument"}, "no instrument matches"),
    ({"name": "R"}, "needs an instrument"),
    ({"name": "R", "instrument_id": BUILTIN, "starts_on": date(2019, 3, 8), "ends_on": date(2019, 3, 4)},
     "ends .* before it starts"),
    ({"name": "R", "instrument_id": BUILTIN, "shortlist_sizes": (75, 0)}, "whole numbers above 0"),
])
def test_bad_round_requests_are_named_and_change_nothing(store, kwargs, message) -> None:
    with pytest.raises(SetupError, match=message):
        new_round(store, **kwargs)
    with store.transaction() as session:
        assert session.exec(select(Round)).all() == []


def test_a_round_name_is_used_once(store) -> None:
    new_round(store, name="Satu", instrument_id=builtin_instruments()[0].id)
    with pytest.raises(SetupError, match="already exists"):
        new_round(store, name="Satu", instrument_id=builtin_instruments()[0].id)


def test_update_round_and_the_instrument_locks_once_scoring_starts(store, scoring_round, small_instrument) -> None:
    round_id, me = scoring_round
    other = builtin_instruments()[0]
    details = update_round(store, round_id, name="Uji 2019", stage="Final", shortlist_sizes="50, 25",
                           instrument_hash=other.content_hash)
    assert (details.name, details.stage, details.shortlist_sizes, details.instrument_hash) == (
        "Uji 2019", "Final", (50, 25), other.content_hash)
    with pytest.raises(SetupError, match="no field colour"):
        update_round(store, round_id, colour="red")
    update_round(store, round_id, instrument_hash=small_instrument.content_hash)
    A.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=me.id)
    assert round_details(store, round_id).has_assessments
    with pytest.raises(SetupError, match="can no longer change"):
        update_round(store, round_id, instrument_hash=other.content_hash)
    with pytest.raises(SetupError, match="before it starts"):
        update_round(store, round_id, starts_on=date(2019, 3, 8), ends_on=date(2019, 3, 1))
    assert round_details(store, round_id).instrument_hash == small_instrument.content_hash
    assert round_details(store, round_id).starts_on == date(2018, 3, 5)  # the refused change left the dates


def test_layout_defaults_to_the_weekdays_of_the_round(store) -> None:
    # 2018-03-09 is a Friday: the weekend is skipped.
    round_id = new_round(store, name="R", instrument_id=builtin_instruments()[0].id,
                         starts_on=date(2018, 3, 8), ends_on=date(2018, 3, 12))
    assert schedule_layout(store, round_id).days == (date(2018, 3, 8), date(2018, 3, 9), date(2018, 3, 12))
    undated = new_round(store, name="S", instrument_id=builtin_instruments()[0].id)
    assert schedule_layout(store, undated).days == ()


def test_layout_round_trips_and_bad_layouts_are_refused(store) -> None:
    round_id = new_round(store, name="R", instrument_id=builtin_instruments()[0].id)
    layout = ScheduleLayout(days=(date(2018, 3, 6), date(2018, 3, 5)), day_start=time(7, 30), day_end=time(16, 0),
                            slot_minutes=45, breaks=((time(12, 0), time(13, 0)), (time(9, 45), time(10, 0))),
                            panels=2, panel_size=4, linking="calibration_case", rooms=("Ruang Merapi", "Ruang Rinjani"))
    save_schedule_layout(store, round_id, layout)
    saved = schedule_layout(store, round_id)
    assert saved.days == (date(2018, 3, 5), date(2018, 3, 6))
    assert saved.breaks == ((time(9, 45), time(10, 0)), (time(12, 0), time(13, 0)))
    assert (saved.slot_minutes, saved.panels, saved.panel_size, saved.linking, saved.rooms) == (
        45, 2, 4, "calibration_case", ("Ruang Merapi", "Ruang Rinjani"))
    for bad, message in [
        (ScheduleLayout(days=(), day_start=time(17, 0), day_end=time(8, 0)), "ends .* before it starts"),
        (ScheduleLayout(days=(), breaks=((time(6, 0), time(7, 0)),)), "outside the day"),
        (ScheduleLayout(days=(), rooms=("A", "B", "C", "D")), "one room per panel"),
        (ScheduleLayout(days=(), linking="sometimes"), "not one of"),
        (ScheduleLayout(days=(), slot_minutes=0), "outside 5 to 480"),
    ]:
        with pytest.raises(SetupError, match=message):
            save_schedule_layout(store, round_id, bad)
    with store.transaction() as session:
        assert session.get(ScheduleSettings, round_id).slot_minutes == 45
