"""The round in a store as a plan request, a plan saved back all-or-nothing, and the command line."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlmodel import select

from app.cli import main
from app.models.tables import (
    Assessment,
    Assessor,
    AssessorConflict,
    Candidate,
    InterviewSlot,
    Panel,
    PanelAssessor,
    RoundAssessor,
    ScheduleSettings,
)
from app.rounds import create_round, setup
from app.rounds.planning import CALIBRATION_PANEL, generate
from app.rounds.planning.store_io import PlanStoreError, check_round, plan_request, round_slots, save_plan
from app.store import open_store
from tests.planning.rounds import candidates

HOMES = ["32", "32", "31", "35", "33", "73"]  # six assessors: two panels of three


def make_round(store, instrument, *, linking: str = "rotate", count: int = 30) -> str:
    codes = [c.region_code for c in candidates(count, seed=7)]
    with store.transaction() as session:
        round_ = create_round(session, name="Uji jadwal", instrument=instrument, region_codes=codes)
        for i, home in enumerate(HOMES):
            assessor = Assessor(name=f"Penilai {i + 1}", nip=f"19800101200501{i:04d}", province_code=home)
            session.add(assessor)
            session.flush()
            session.add(RoundAssessor(round_id=round_.id, assessor_id=assessor.id))
            if i == 5:
                session.add(AssessorConflict(assessor_id=assessor.id, region_code=codes[0], reason="pernah bekerja di sana"))
        session.add(ScheduleSettings(round_id=round_.id, days="2018-03-05,2018-03-06", day_start=time(8, 0),
                                     day_end=time(13, 0), slot_minutes=30, breaks="10:00-10:30", panels=2, panel_size=3,
                                     linking=linking, rooms="Ruang Merapi;Ruang Merbabu"))
        return round_.id


def test_the_request_holds_the_round_as_set_up(store, small_instrument):
    round_id = make_round(store, small_instrument)
    request = plan_request(store, round_id, seed=3)
    assert len(request.candidates) == 30 and len(request.assessors) == 6
    assert [d.day for d in request.days] == [date(2018, 3, 5), date(2018, 3, 6)]
    assert request.days[0].breaks == ((time(10, 0), time(10, 30)),) and request.days[0].end == time(13, 0)
    assert (request.panels, request.panel_size, request.rooms, request.seed) == (2, 3, ("Ruang Merapi", "Ruang Merbabu"), 3)
    declared = [a for a in request.assessors if a.declared]
    assert len(declared) == 1 and declared[0].declared == {candidates(30, seed=7)[0].region_code}
    assert {c.province_code for c in request.candidates} == {c.province_code for c in candidates(30, seed=7)}


def test_only_candidates_marked_to_be_interviewed_are_scheduled_once_any_is(store, small_instrument):
    round_id = make_round(store, small_instrument)
    with store.transaction() as session:
        rows = session.exec(select(Candidate).where(Candidate.round_id == round_id)).all()
        for row in rows[:12]:
            row.status = "interview"
            session.add(row)
    assert len(plan_request(store, round_id).candidates) == 12


def test_a_saved_plan_reads_back_and_passes_the_check(store, small_instrument):
    round_id = make_round(store, small_instrument)
    plan = generate(plan_request(store, round_id))
    assert save_plan(store, round_id, plan.slots) == 30
    saved = round_slots(store, round_id)
    assert all(s.slot_id for s in saved)
    assert sorted((s.day, s.start, s.panel, s.room, s.region_code, tuple(sorted(s.assessor_ids))) for s in saved) == \
        sorted((s.day, s.start, s.panel, s.room, s.region_code, tuple(sorted(s.assessor_ids))) for s in plan.slots)
    assert check_round(store, round_id) == []
    assert {s.room for s in saved} == {"Ruang Merapi", "Ruang Merbabu"}
    again = generate(plan_request(store, round_id, seed=9))
    save_plan(store, round_id, again.slots)
    with store.transaction() as session:
        assert len(session.exec(select(InterviewSlot).where(InterviewSlot.round_id == round_id)).all()) == 30
        assert len(session.exec(select(Panel).where(Panel.round_id == round_id)).all()) == 4  # 2 rooms × 2 days


def test_a_calibration_plan_is_saved_with_its_plenary_slot(store, small_instrument):
    round_id = make_round(store, small_instrument, linking="calibration_case")
    save_plan(store, round_id, generate(plan_request(store, round_id)).slots)
    [plenary] = [s for s in round_slots(store, round_id) if s.panel == CALIBRATION_PANEL]
    assert len(plenary.assessor_ids) == 6 and check_round(store, round_id) == []


def test_the_plan_is_not_replaced_once_scoring_started(store, small_instrument):
    round_id = make_round(store, small_instrument)
    save_plan(store, round_id, generate(plan_request(store, round_id)).slots)
    before = round_slots(store, round_id)
    with store.transaction() as session:
        seat = session.exec(select(PanelAssessor)).first()
        session.add(Assessment(round_id=round_id, region_code=before[0].region_code, assessor_id=seat.assessor_id,
                               slot_id=before[0].slot_id, instrument_hash=small_instrument.content_hash))
    with pytest.raises(PlanStoreError, match="already has 1 assessment"):
        save_plan(store, round_id, generate(plan_request(store, round_id, seed=5)).slots)
    assert round_slots(store, round_id) == before


def swapped(slots, a: int, b: int) -> list:
    """Slot a takes slot b's place (time, panel, room, assessors) and b takes a's, as a move in the grid does."""
    def place(s):
        return {"day": s.day, "start": s.start, "panel": s.panel, "room": s.room, "assessor_ids": s.assessor_ids}
    moved = list(slots)
    moved[a], moved[b] = replace(slots[a], **place(slots[b])), replace(slots[b], **place(slots[a]))
    return moved


def panel_ids(store, round_id: str) -> dict[str, str]:
    with store.transaction() as session:
        return {p.name: p.id for p in session.exec(select(Panel).where(Panel.round_id == round_id))}


def test_a_moved_slot_is_written_alone_and_the_rest_stays_as_it_was(store, small_instrument):
    round_id = make_round(store, small_instrument)
    save_plan(store, round_id, generate(plan_request(store, round_id)).slots)
    before, panels = round_slots(store, round_id), panel_ids(store, round_id)
    a = 0
    b = next(i for i, s in enumerate(before) if s.panel != before[a].panel)
    statements: list[str] = []
    listen = lambda *args: statements.append(args[2])  # noqa: E731 - (conn, cursor, sql, ...)
    event.listen(store.engine, "before_cursor_execute", listen)
    try:
        save_plan(store, round_id, swapped(before, a, b))
    finally:
        event.remove(store.engine, "before_cursor_execute", listen)
    written = [sql.split(" SET")[0] for sql in statements if sql.startswith(("INSERT", "UPDATE", "DELETE"))]
    assert written == ["UPDATE setting", "UPDATE interview_slot"]  # the write lock, then one bulk update of two rows
    after = {s.slot_id: s for s in round_slots(store, round_id)}
    assert after == {s.slot_id: s for s in swapped(before, a, b)}
    assert panel_ids(store, round_id) == panels  # the panels and their seats were left alone


def test_a_scored_slot_stays_put_while_the_others_move(store, small_instrument):
    round_id = make_round(store, small_instrument)
    save_plan(store, round_id, generate(plan_request(store, round_id)).slots)
    before = round_slots(store, round_id)
    with store.transaction() as session:
        session.add(Assessment(round_id=round_id, region_code=before[0].region_code, assessor_id=before[0].assessor_ids[0],
                               slot_id=before[0].slot_id, instrument_hash=small_instrument.content_hash))
    free = [i for i, s in enumerate(before) if i and s.panel != before[0].panel]
    others = next(i for i, s in enumerate(before) if i and i != free[0] and s.panel != before[free[0]].panel)
    save_plan(store, round_id, swapped(before, free[0], others))  # neither is scored: allowed
    moved = round_slots(store, round_id)
    assert {s.slot_id: s for s in moved} == {s.slot_id: s for s in swapped(before, free[0], others)}
    with pytest.raises(PlanStoreError, match="already has 1 assessment"):
        save_plan(store, round_id, swapped(moved, 0, free[1]))
    with pytest.raises(PlanStoreError, match="already has 1 assessment"):  # reseating its panel moves it too
        save_plan(store, round_id, [replace(s, assessor_ids=s.assessor_ids[:2]) if s.panel == moved[0].panel else s
                                    for s in moved])
    assert round_slots(store, round_id) == moved


def test_check_names_a_conflict_in_the_saved_schedule(store, small_instrument):
    round_id = make_round(store, small_instrument)
    save_plan(store, round_id, generate(plan_request(store, round_id)).slots)
    slots = round_slots(store, round_id)
    first = candidates(30, seed=7)[0].region_code  # Penilai 6 declared a conflict with it
    [target] = [s for s in slots if s.region_code == first]
    with store.transaction() as session:
        dewi = session.exec(select(Assessor).where(Assessor.name == "Penilai 6")).one()
        slot = session.get(InterviewSlot, target.slot_id)
        if dewi.id not in target.assessor_ids:
            session.add(PanelAssessor(panel_id=slot.panel_id, assessor_id=dewi.id))
    problems = check_round(store, round_id)
    [conflict] = [p for p in problems if p.kind == "conflict"]
    assert slots[conflict.slot].region_code == first
    assert conflict.message.startswith("Penilai 6 sits on") and conflict.message.endswith("but declared a conflict with it")


def test_the_command_line_generates_and_checks(data_dir: Path, small_instrument, capsys):
    store = open_store(data_dir)
    try:
        round_id = make_round(store, small_instrument)
    finally:
        store.close()
    code = main(["--data-dir", str(data_dir), "round", "schedule", "generate", "--seed", "2"])
    out = capsys.readouterr().out
    assert code == 0 and "30 slots saved" in out and "linkage" in out and "Ruang Merapi" in out
    assert main(["--data-dir", str(data_dir), "round", "schedule", "check"]) == 0
    assert "30 slots, no problems" in capsys.readouterr().out
    store = open_store(data_dir)
    try:
        with store.transaction() as session:
            slot = session.exec(select(InterviewSlot).where(InterviewSlot.round_id == round_id)).first()
            slot.start = time(10, 0)  # into the break
            session.add(slot)
    finally:
        store.close()
    code = main(["--data-dir", str(data_dir), "round", "schedule", "check", "--json"])
    problems = json.loads(capsys.readouterr().out)
    assert code == 1 and [p["kind"] for p in problems if p["slot_id"] == slot.id] == ["in_break"]


def test_the_command_line_says_why_no_plan_exists_and_changes_nothing(data_dir: Path, small_instrument, capsys):
    store = open_store(data_dir)
    try:
        round_id = make_round(store, small_instrument, count=40)  # 2 rooms × 2 days × 9 slots = 36
    finally:
        store.close()
    code = main(["--data-dir", str(data_dir), "round", "schedule", "generate", "--round", round_id[:8]])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("nilai: no schedule can be made for round Uji jadwal; nothing was changed")
    assert "40 candidates but only 36 slots (2 panels × 2 days × 9 slots of 30 minutes)" in err
    store = open_store(data_dir)
    try:
        assert round_slots(store, round_id) == []
    finally:
        store.close()


@pytest.mark.postgres
def test_a_plan_is_saved_and_replaced_on_postgres(pg_url: str, tmp_path: Path, small_instrument):
    store = open_store(tmp_path, pg_url)
    try:
        round_id = make_round(store, small_instrument)
        for seed in (1, 2):  # the second save replaces the first: deletes in foreign-key order
            save_plan(store, round_id, generate(plan_request(store, round_id, seed=seed)).slots)
        assert len(round_slots(store, round_id)) == 30 and check_round(store, round_id) == []
    finally:
        store.close()


def test_the_2018_round_prepared_through_round_setup_gets_a_sound_schedule(store):
    """The issue's scenario: 165 invited, 116 to be interviewed over 3 days by 3 panels of 4; none of the
    12 assessors sits on a candidate of their own province."""
    invited = [c.region_code for c in candidates(165, seed=2018)]
    round_id = setup.new_round(store, name="Smart City 2018 Tahap II", instrument_id="smart-city-readiness-2018",
                               starts_on=date(2018, 3, 5), ends_on=date(2018, 3, 7))
    setup.add_candidates(store, round_id, invited)
    setup.set_candidate_status(store, round_id, invited[:116], "interview")
    homes = ["32", "32", "32", "31", "31", "35", "35", "33", "73", "64", "51", "36"]
    for i, home in enumerate(homes):
        setup.add_assessor(store, round_id, name=f"Penilai {i + 1}", nip=f"1980010120050110{i:02d}", province_code=home)
    setup.save_schedule_layout(store, round_id, setup.ScheduleLayout(
        days=(date(2018, 3, 5), date(2018, 3, 6), date(2018, 3, 7)), panels=3, panel_size=4,
        rooms=("Ruang 1", "Ruang 2", "Ruang 3")))
    request = plan_request(store, round_id)
    assert sorted(c.region_code for c in request.candidates) == sorted(invited[:116])
    plan = generate(request)
    save_plan(store, round_id, plan.slots)
    assert check_round(store, round_id) == [] and plan.islands == 1
    saved = round_slots(store, round_id)
    homes_by_id = {a.id: a.province_code for a in request.assessors}
    assert len(saved) == 116 and not [s for s in saved for a in s.assessor_ids if homes_by_id[a] == s.region_code[:2]]
