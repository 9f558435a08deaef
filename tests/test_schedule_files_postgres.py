"""Schedule files on a shared PostgreSQL coordinator store: import, replace, export, as on SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.rounds import create_round
from app.rounds.schedule import ScheduleError, import_schedule_file
from app.rounds.schedule_files import round_schedule
from app.sheets.schedule_export import export_schedule
from app.store import open_store

PLAN = """date,start,minutes,panel,room,region,assessors
2018-03-05,08:00,30,Panel A,Ruang 1,3325,Budi Hidayat (197705052003121002);Ni Luh Putu Ayu Wijayanti
2018-03-05,08:30,30,Panel B,Ruang 2,Kota Banjar,Budi Hidayat (197705052003121002)
"""


def test_schedule_files_on_postgres(pg_url: str, small_instrument, tmp_path: Path) -> None:
    store = open_store(tmp_path / "d", pg_url)
    try:
        with store.transaction() as session:
            round_id = create_round(session, name="Uji PG", instrument=small_instrument, region_codes=[]).id
        source = tmp_path / "plan.csv"
        source.write_text(PLAN, encoding="utf-8")
        assert import_schedule_file(store, round_id, source) == 2
        out = tmp_path / "jadwal.xlsx"
        assert export_schedule(store, round_id, out) == 2
        with pytest.raises(ScheduleError, match="in this round"):
            import_schedule_file(store, round_id, out)
        assert import_schedule_file(store, round_id, out, replace=True) == 2
        slots = round_schedule(store, round_id).slots
        assert [(s.panel, s.region.code, [a.name for a in s.assessors]) for s in slots] == [
            ("Panel A", "3325", ["Budi Hidayat", "Ni Luh Putu Ayu Wijayanti"]),
            ("Panel B", "3279", ["Budi Hidayat"])]
        assert export_schedule(store, round_id, tmp_path / "jadwal.pdf", "en") == 2
    finally:
        store.close()
