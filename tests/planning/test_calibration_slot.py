"""The plenary calibration slot seats every assessor on the round's own calibration case (a fictional
region) when it has one, so no real candidate is spent on calibration."""

from __future__ import annotations

import pytest

from app.rounds import setup
from app.rounds.planning import CALIBRATION_PANEL, generate
from app.rounds.planning.store_io import check_round, plan_request, round_slots, save_plan
from tests.planning.test_store_io import make_round


def test_the_plenary_slot_uses_the_rounds_calibration_case(store, small_instrument):
    round_id = make_round(store, small_instrument, linking="calibration_case")
    real = {c.region.code for c in setup.round_candidates(store, round_id)}
    case = setup.add_calibration_case(store, round_id, "Kota Contoh")
    assert case.code == "K001" and case.kind == "kalibrasi"
    assert {c.region.code for c in setup.round_candidates(store, round_id)} == real  # listed apart
    request = plan_request(store, round_id)
    assert request.calibration_case == "K001" and "K001" not in {c.region_code for c in request.candidates}
    save_plan(store, round_id, generate(request).slots)
    slots = round_slots(store, round_id)
    [plenary] = [s for s in slots if s.panel == CALIBRATION_PANEL]
    assert plenary.region_code == "K001" and len(plenary.assessor_ids) == 6
    assert {s.region_code for s in slots if s.panel != CALIBRATION_PANEL} == real  # every real candidate interviewed
    assert check_round(store, round_id) == []


def test_a_second_case_gets_the_next_code_and_a_bad_province_is_refused(store, small_instrument):
    round_id = make_round(store, small_instrument)
    assert setup.add_calibration_case(store, round_id, "Kota Contoh", "33").province_name == "Jawa Tengah"
    assert setup.add_calibration_case(store, round_id, "Kabupaten Contoh").code == "K002"
    with pytest.raises(setup.SetupError, match="No province has the code '99'"):
        setup.add_calibration_case(store, round_id, "Kota Lain", "99")
    assert [c.code for c in setup.calibration_cases(store, round_id)] == ["K001", "K002"]
