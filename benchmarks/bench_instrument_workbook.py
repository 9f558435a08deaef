"""Reading and writing an instrument workbook against openpyxl reading and writing the same workbook.

Run: ``.venv/bin/python -m benchmarks.bench_instrument_workbook [--n 10]``

Baseline: ``openpyxl.load_workbook`` of the shipped 2018 template, and saving it again (what any
program pays to touch the file). Nilai adds the sheet checks, the validator and the content hash
when reading, and the layout (widths, wrapping, drop-downs, the README sheet) when writing.
Target: reading and writing each at most 3x the baseline.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `app` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import openpyxl  # noqa: E402

from app.instruments import find_instrument  # noqa: E402
from app.instruments.workbooks import template_path  # noqa: E402
from app.instruments.xlsform_read import read_workbook  # noqa: E402
from app.instruments.xlsform_write import instrument_workbook  # noqa: E402
from benchmarks.timing import median_seconds  # noqa: E402

TARGET = 3.0
INSTRUMENT = "smart-city-readiness-2018"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10)
    args = parser.parse_args(argv)
    template = template_path(INSTRUMENT)
    instrument = find_instrument(INSTRUMENT)
    book = openpyxl.load_workbook(template)
    base_read = median_seconds(lambda: openpyxl.load_workbook(template, data_only=True), args.n)
    base_write = median_seconds(lambda: book.save(io.BytesIO()), args.n)
    read = median_seconds(lambda: read_workbook(template), args.n)
    write = median_seconds(lambda: instrument_workbook(instrument).save(io.BytesIO()), args.n)
    for label, nilai, baseline in (("read", read, base_read), ("write", write, base_write)):
        ratio = nilai / baseline
        print(f"{label:5}  openpyxl {baseline * 1000:7.1f} ms   nilai {nilai * 1000:7.1f} ms   {ratio:.2f}x  "
              f"(target <= {TARGET:.0f}x: {'met' if ratio <= TARGET else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
