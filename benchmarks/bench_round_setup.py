"""Round setup at the issue's full size: a paste of all 514 regency/city names resolved, the 514
candidates added to a round, and a workbook of 40 assessors imported.

Run: ``.venv/bin/python -m benchmarks.bench_round_setup [--n 5]``

Targets: resolving a 514-line paste at most 0.2 s (the desktop resolves a paste while the
coordinator waits for the list of what was understood); adding 514 candidates and importing 40
assessors each at most 1 s on a laptop's SQLite store.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `app` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook  # noqa: E402

from app import regions  # noqa: E402
from app.rounds.setup import add_candidates, import_assessors, new_round, remove_candidates, resolve_lines  # noqa: E402
from app.store import open_store  # noqa: E402
from benchmarks.timing import median_seconds  # noqa: E402

TARGETS = {"resolve": 0.2, "candidates": 1.0, "assessors": 1.0}


def _assessors_workbook(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Assessors"
    sheet.append(["name", "nip", "organisation", "role", "province", "region", "conflicts"])
    catalogue = regions.regions()
    for i in range(40):
        home = catalogue[(i * 37) % len(catalogue)]
        declared = "; ".join(r.name for r in catalogue[(i * 11) % 500:(i * 11) % 500 + 3])
        sheet.append([f"Penilai {i + 1}", f"19800101200501{i:04d}", "Universitas", "academic",
                      home.province_name, home.name, declared])
    book.save(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5)
    args = parser.parse_args(argv)
    paste = "\n".join(r.name for r in regions.regions())
    codes = [r.code for r in regions.regions()]
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp))
        try:
            round_id = new_round(store, name="Bench", instrument_id="smart-city-readiness-2018")
            workbook = Path(tmp) / "penilai.xlsx"
            _assessors_workbook(workbook)

            def candidates() -> None:
                add_candidates(store, round_id, codes)
                remove_candidates(store, round_id, codes)  # the next run adds them all again

            timings = {
                "resolve": median_seconds(lambda: resolve_lines(paste), args.n),
                "candidates": median_seconds(candidates, args.n) / 2,  # half is the removal
                "assessors": median_seconds(lambda: import_assessors(store, round_id, workbook), args.n),
            }
        finally:
            store.close()
    labels = {"resolve": "resolve a paste of 514 names", "candidates": "add 514 candidates (add+remove)/2",
              "assessors": "import 40 assessors (XLSX)"}
    for key, seconds in timings.items():
        met = "met" if seconds <= TARGETS[key] else "NOT met"
        print(f"{labels[key]:36s} {seconds * 1000:8.1f} ms   (target <= {TARGETS[key] * 1000:.0f} ms: {met})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
