"""check_round given the slots just read back (as the setup grid does after every move) says what it
says when it reads them itself, and reads the round's people once, not twice."""

from __future__ import annotations

from sqlalchemy import event
from sqlmodel import delete, select

from app.models.tables import Assessor, InterviewSlot, PanelAssessor, ScheduleSettings
from app.rounds.planning import generate
from app.rounds.planning.store_io import check_round, plan_request, round_slots, save_plan
from tests.planning.rounds import candidates
from tests.planning.test_store_io import make_round


def _with_a_conflict(store, instrument) -> str:
    round_id = make_round(store, instrument)
    save_plan(store, round_id, generate(plan_request(store, round_id)).slots)
    first = candidates(30, seed=7)[0].region_code  # Penilai 6 declared a conflict with it
    [target] = [s for s in round_slots(store, round_id) if s.region_code == first]
    with store.transaction(write=True) as session:
        assessor = session.exec(select(Assessor).where(Assessor.name == "Penilai 6")).one()
        if assessor.id not in target.assessor_ids:
            session.add(PanelAssessor(panel_id=session.get(InterviewSlot, target.slot_id).panel_id,
                                      assessor_id=assessor.id))
    return round_id


def test_the_slots_given_are_checked_as_the_saved_ones(store, small_instrument):
    round_id = _with_a_conflict(store, small_instrument)
    saved = round_slots(store, round_id)
    problems = check_round(store, round_id)
    assert [p.kind for p in problems].count("conflict") == 1
    assert check_round(store, round_id, saved) == problems
    # the slots given are the ones checked: one left out is a candidate with no slot
    assert [p.kind for p in check_round(store, round_id, saved[1:])].count("unscheduled") == 1


def test_without_a_layout_the_slots_given_are_checked_alike(store, small_instrument):
    round_id = _with_a_conflict(store, small_instrument)
    with store.transaction(write=True) as session:
        session.exec(delete(ScheduleSettings).where(ScheduleSettings.round_id == round_id))
    saved = round_slots(store, round_id)
    problems = check_round(store, round_id)
    assert [p.kind for p in problems].count("conflict") == 1
    assert check_round(store, round_id, saved) == problems


def test_the_round_s_people_and_slots_are_read_once(store, small_instrument):
    round_id = _with_a_conflict(store, small_instrument)
    saved = round_slots(store, round_id)
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        check_round(store, round_id, saved)
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    assert not any("FROM interview_slot" in s.replace('"', "") for s in statements)  # the slots given
    assert sum("FROM assessor_conflict" in s.replace('"', "") for s in statements) == 1
