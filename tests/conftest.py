"""Shared fixtures: every test gets its own data directory and store; Qt runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("NILAI_DATA_DIR", None)
# TEST ONLY: the suite makes and unlocks ~1,000 keys; at the real cost (~0.6 s a guess, see
# app/identity/keyfile.py) that would add ten minutes. Keys made here (and by the `nilai` processes
# the tests start, which inherit it) get keyfile.TEST_COST; tests/test_key_cost.py runs without it.
os.environ["NILAI_TEST_ONLY_CHEAP_KDF"] = "1"

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from app.models.domain import Instrument  # noqa: E402


def _text(id_: str, en: str) -> dict[str, str]:
    return {"id": id_, "en": en}


def small_instrument_data() -> dict:
    """A two-dimension instrument whose numbers are easy to compute by hand."""

    def levels(code: str, evidence_top: bool = False) -> list[dict]:
        return [
            {"level": n, "label": _text(f"Tingkat {n}", f"Level {n}"),
             "descriptor": _text(f"{code} deskripsi {n}", f"{code} descriptor {n}"),
             "requires_evidence": evidence_top and n == 5, "requires_note": evidence_top and n == 5}
            for n in range(1, 6)
        ]

    def indicator(code: str, weight: float, required: bool = True, evidence_top: bool = False) -> dict:
        return {"code": code, "title": _text(f"Indikator {code}", f"Indicator {code}"),
                "question": _text("Pertanyaan?", "Question?"), "guidance": _text("Panduan", "Guidance"),
                "evidence_hint": _text("Dokumen", "Document"), "weight": weight, "required": required,
                "levels": levels(code, evidence_top)}

    return {
        "id": "test-instrument", "version": "1.0",
        "title": _text("Instrumen uji", "Test instrument"),
        "description": _text("Untuk pengujian", "For tests"),
        "source_note": _text("Dibuat untuk pengujian", "Made for tests"),
        "dimensions": [
            {"code": "A", "title": _text("Dimensi A", "Dimension A"), "weight": 60,
             "indicators": [indicator("A-1", 50), indicator("A-2", 30, evidence_top=True), indicator("A-3", 20, required=False)]},
            {"code": "B", "title": _text("Dimensi B", "Dimension B"), "weight": 40,
             "indicators": [indicator("B-1", 100)]},
        ],
    }


@pytest.fixture
def small_instrument() -> Instrument:
    from app.instruments import parse_instrument

    return parse_instrument(small_instrument_data(), source="tests")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def store(data_dir: Path) -> Iterator:
    from app.store import open_store

    s = open_store(data_dir)
    yield s
    s.close()


@pytest.fixture
def scoring_round(store, small_instrument):
    """A round with three candidates, one slot, and this laptop's assessor; returns (round id, assessor)."""
    from datetime import date, time

    from app.rounds import SlotPlan, add_slots, create_round
    from app.store import settings

    assessor = settings.save_profile(store, "Siti Rahmawati", "198001012005012001", "Kominfo")
    with store.transaction() as session:
        round_ = create_round(session, name="Uji 2018", instrument=small_instrument,
                              region_codes=["3325", "3671", "6303"])
        add_slots(session, round_, [SlotPlan(date(2018, 3, 5), time(8, 0), 30, "Panel A", "Ruang 1", "3325",
                                             (assessor.id,))])
        round_id = round_.id
    return round_id, assessor


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database on the test server (skip without NILAI_TEST_POSTGRES_URL)."""
    from pg_support import POSTGRES_URL, SKIP_REASON, postgres_database

    if not POSTGRES_URL:
        pytest.skip(SKIP_REASON)
    databases = postgres_database()
    yield next(databases)
    for _ in databases:
        pass
