"""The schedule as XLSX and PDF for the largest round the issue names: 514 candidates, 10 panels,
5 days, 40 assessors (4 per panel).

Run: ``.venv/bin/python -m benchmarks.bench_schedule_files [--n 3]``

Baseline: openpyxl reading the same workbook cell by cell (what any reader pays). Nilai adds the
check of every cell (regions resolved, assessors found, clashes) and the all-or-nothing write of
514 slots (the shared ``add_slots``); the ratio is printed for reference. Target: import, export
(XLSX) and the printed PDF each under 2 s, so the desktop never makes a coordinator wait on a
file (the generator's target for the same round, issue 14).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date, time, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `app` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import openpyxl  # noqa: E402

from app import regions  # noqa: E402
from app.instruments import find_instrument  # noqa: E402
from app.rounds import create_round  # noqa: E402
from app.rounds.schedule import import_schedule_file  # noqa: E402
from app.rounds.schedule_files import round_schedule  # noqa: E402
from app.sheets.schedule_export import export_schedule  # noqa: E402
from app.sheets.schedule_pdf import render_schedule  # noqa: E402
from app.store import open_store  # noqa: E402
from benchmarks.timing import median_seconds  # noqa: E402

SECONDS_TARGET = 2.0


def _plan(folder: Path) -> Path:
    """514 interviews: 10 panels x 5 days x 11 slots of 30 minutes (the last day part-filled)."""
    lines = ["date,start,minutes,panel,room,region,assessors"]
    codes = [r.code for r in regions.regions()]
    for index, code in enumerate(codes):
        day, rest = divmod(index, 110)
        panel, slot = divmod(rest, 11)
        start = (timedelta(hours=8) + timedelta(minutes=30 * slot)).seconds // 60
        people = ";".join(f"Penilai {panel * 4 + k + 1:02d} (19800101200501{panel * 4 + k:04d})" for k in range(4))
        lines.append(f"{date(2018, 3, 5 + day)},{time(start // 60, start % 60):%H:%M},30,Panel {panel + 1},"
                     f"Ruang {panel + 1},{code},{people}")
    path = folder / "plan.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = open_store(folder / "data")
        try:
            with store.transaction() as session:
                round_id = create_round(session, name="Bench", instrument=find_instrument("smart-city-readiness-2018"),
                                        region_codes=[]).id
            import_schedule_file(store, round_id, _plan(folder))
            xlsx = folder / "jadwal.xlsx"
            export = median_seconds(lambda: export_schedule(store, round_id, xlsx), args.n)

            def read_cells() -> int:
                book = openpyxl.load_workbook(xlsx, read_only=True, data_only=True)
                count = sum(1 for row in book.worksheets[0].iter_rows(values_only=True) for _ in row)
                book.close()
                return count

            baseline = median_seconds(read_cells, args.n)
            imported = median_seconds(lambda: import_schedule_file(store, round_id, xlsx, replace=True), args.n)
            schedule = round_schedule(store, round_id)
            pdf = median_seconds(lambda: render_schedule(schedule, "id"), args.n)
        finally:
            store.close()
    ratio = imported / baseline
    print(f"slots: {len(schedule.slots)}, panels: {len({s.panel for s in schedule.slots})}, "
          f"days: {len({s.day for s in schedule.slots})}")
    print(f"baseline openpyxl read of the workbook {baseline * 1000:8.1f} ms")
    print(f"nilai import (check, replace, write)   {imported * 1000:8.1f} ms   {ratio:.2f}x the baseline")
    for name, seconds in (("import XLSX", imported), ("export XLSX", export), ("render PDF", pdf)):
        print(f"nilai {name:<33}{seconds * 1000:8.1f} ms   "
              f"(target < {SECONDS_TARGET:.0f} s: {'met' if seconds < SECONDS_TARGET else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
