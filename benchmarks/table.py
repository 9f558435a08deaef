"""Run the quick form of every benchmark and rewrite ``benchmarks/README.md``'s table (``make bench``).

Run: ``.venv/bin/python -m benchmarks.table [NAME ...] [--dry-run]``

Each benchmark here has one row: what it measures, its baseline, its target, the figures of the last
run and the command of the full run. The quick form (smaller sizes, fewer repeats; under ~10 min
for all on a shared two-core machine) runs in a subprocess and its ratio and verdict lines become
the row's figures; a benchmark too slow or needing a server for ``make bench`` keeps the figures of
its last full run, cited with where they were written, and is marked "not rerun". ``NAME`` reruns only
those rows and keeps the others' figures from the README as it is; ``--dry-run`` rewrites the table
without running anything.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
README = HERE / "README.md"
TIMEOUT_S = 240  # one quick form; a hung benchmark must not hold `make bench`


@dataclass(frozen=True)
class Bench:
    name: str  # the module under benchmarks/
    measure: str
    baseline: str
    target: str
    quick: tuple[str, ...] | None  # arguments of the quick form; None: not rerun by `make bench`
    cited: str = ""  # the last full run's figures and where they are written, for a row not rerun
    full: str = ""  # the full run's arguments, when not the defaults
    keep: str = r"\d\s*[×x]\b|\bok\b|\bover\b|target|\bOK\b|\bFAIL"  # the output lines that are figures
    postgres: bool = False  # runs inside installer/test-services.sh (a throw-away PostgreSQL server)


BENCHES = (
    Bench("bench_startup", "start to first paint; to the main window drawn; to the schedule shown, window idle",
          "bare PySide6 `QMainWindow`, first paint", "first paint ≤ 1.5×", ("--n", "3", "--no-xvfb"),
          keep=r"^\s*(bare|first paint|main window|ready)"),
    Bench("bench_score_change", "one score change committed (`set_level`), p50 and p99",
          "raw `INSERT`+`COMMIT`, WAL, `synchronous=FULL`", "p99 ≤ 2×", ("--runs", "3"),
          keep=r"^ratio"),
    Bench("bench_import", "bundle import, N records × 40 scores (every check), time and peak memory",
          "`sqlite3.executemany` of every row the import writes (also: of the score rows only)",
          "≤ 2× every row written, < 300 MB at 50,000 records", ("--records", "2000", "--repeat", "3"),
          keep=r"^(?!run \d)(?=.*(ratio|MB|\d\s*[×x]\b))"),  # with --repeat: the median run, not each run
    Bench("bench_consolidation", "consolidation and ranking, 514 regions × 20 assessors × 40 indicators (issue 17: "
          "`--regions 2000`, last full figures below the table); peak memory of one consolidation",
          "one SQL `AVG … GROUP BY` over the same scores", "adjusted < 3 s; < 1 s CPU, < 300 MB (issue 17)",
          ("--regions", "100", "--assessors", "10", "--runs", "2")),
    Bench("bench_calibration", "a 514 × 20 × 40 round plus a calibration case every assessor scored: adjusted "
          "consolidation and the per-assessor calibration comparison", "the adjusted consolidation without the case "
          "(`bench_consolidation`)", "adjusted < 3 s; comparison < 50 ms (issue 15)",
          ("--regions", "100", "--assessors", "10", "--runs", "1")),
    Bench("bench_coordinator_round", "the coordinator window's background step per round",
          "the consolidation alone", "adjusted step < 3 s", ("--regions", "100", "--assessors", "10", "--runs", "1"),
          keep=r"step"),
    Bench("bench_sheets", "render + sign one evaluation sheet; a batch of 116 signed sheets by `nilai sheets export` "
          "(`--busy 4`: at a load of 4, last full figures below the table)",
          "plain ReportLab + stock pyHanko", "116 sheets < 10 s (at a load of 4)", ("--n", "3", "--batch", "12"),
          keep=r"nilai/baseline|^batch|CPU time"),
    Bench("bench_signing", "signing and verifying a sheet", "stock pyHanko, same key and PDF", "—",
          ("--n", "5"), keep=r"\d\s*ms"),
    Bench("bench_bundle_checks", "hostile-bundle defences: JSON nesting check; a repeated bundle",
          "`json.loads` of the same bytes; checking the bundles in full", "nesting ≤ 1×, repeat ≤ 0.5×",
          ("--regions", "30", "--assessors", "3", "--n", "3")),
    Bench("bench_encryption", "unlock, start-up and one score change on an encrypted store",
          "the same round in plain SQLite", "reported beside the ratios (the cipher's own cost)",
          ("--regions", "30", "--n", "5")),
    Bench("bench_kdf", "seconds per passphrase guess of `key.pem` for scrypt parameter sets", "—",
          "≈ 0.5 s CPU per guess", None,
          cited="N=2¹⁴ r=8 p=16: 0.43 s CPU per guess (docs/security.md, 2026-12-05)", full="--n 7"),
    Bench("bench_store_verify", "opening a store with SQLite's integrity check", "`open_store` without the check",
          "—", ("--n", "5")),
    Bench("bench_instruments", "loading the two shipped instruments (parse, validate, hash)",
          "`yaml.load` of both files (C loader)", "≤ 3×", ("--n", "5")),
    Bench("bench_instrument_workbook", "reading and writing an instrument workbook",
          "`openpyxl` load and save of the same workbook", "≤ 3× each", ("--n", "3")),
    Bench("bench_round_setup", "514-line paste resolved; 514 candidates added; 40 assessors imported", "—",
          "0.2 s; 1 s; 1 s", ("--n", "2")),
    Bench("bench_schedule", "generating and checking a round's schedule (116 and 514 candidates, worst case)",
          "—", "generation < 2 s", ("--n", "1")),
    Bench("bench_schedule_files", "the 514-candidate schedule imported, exported as XLSX and printed as PDF",
          "`openpyxl` reading the same workbook cell by cell", "each < 2 s", ("--n", "1")),
    Bench("bench_setup_ui", "round-setup workspace at 514 candidates: open, move a slot, undo (the grid on "
          "screen, its redraw included; wall time, CPU time in brackets)", "—",
          "move or undo < 0.5 s", ("--n", "2")),
    Bench("bench_sync", "the sync service (TLS, signature, upload, import) per bundle, 1 and 4 senders",
          "`import_bundles` of one bundle at a time", "—", None,
          cited="median 0.36 s/bundle import, 0.47 s one sender, 1.77 s with 4 senders "
                "(docs/sync-service.md, 2026-12-05)", postgres=True),
    Bench("bench_resume", "a 20 MiB bundle sent whole, by resumable upload (tus), cut half-way and resumed",
          "one whole `POST /bundles`", "—", None,
          cited="median 0.41 s whole POST, 1.01 s tus, 1.07 s cut and resumed (1.05× the bytes), 0.79 s POST cut "
                "and sent again (1.5× the bytes) (docs/sync-service.md, 2026-12-05)", full="--mib 20 --repeat 5",
          postgres=True),
    Bench("bench_auto_sync", "a score change (`set_level`) while automatic sync writes bundles in the background",
          "the same score change with no sync running", "—", ("--n", "100"), keep=r"p50|p99|\d\s*[×x]\b"),
    Bench("bench_returns", "what `nilai sync` asks after sending: `GET /returns` (120 returns) and "
          "`GET /round-package` (200 KB), signed, new TLS connection each", "`GET /health`", "—", None,
          cited="median 0.062 s /returns (p95 0.135), 0.048 s /round-package (p95 0.078), /health 0.009 s "
                "(docs/sync-service.md, 2026-12-05)", postgres=True),
    Bench("bench_sync_load", "load: assessors syncing at once into several `nilai serve` processes on one "
          "PostgreSQL store; bundles/s, median and p95 per bundle, errors, every assessment exactly once",
          "`import_bundles` of the same files in one call (`nilai bundle import`)", "0 errors, exactly once",
          ("--assessors", "8", "--assessments", "5", "--processes", "2"), keep=r"bundles/s|exactly once",
          postgres=True),
    Bench("simulate_ranking", "does the adjusted ranking recover the true order better than the raw mean?",
          "the raw mean's ranking", "—", ("--rounds", "10"),
          keep=r"Kendall|\| 0\.5 \| (mean|adjusted) \|"),
)

BEGIN, END = "<!-- table: benchmarks/table.py -->", "<!-- end of table -->"


def command(bench: Bench) -> str:
    run = f".venv/bin/python -m benchmarks.{bench.name}"
    if bench.postgres:
        run = f"bash installer/test-services.sh {run}"
    return f"`{run}{' ' + bench.full if bench.full else ''}`"


def figures_of(bench: Bench, output: str, limit: int = 6) -> str:
    """The output lines that carry figures, squeezed onto one table cell."""
    keep = re.compile(bench.keep)
    lines = [" ".join(line.split()) for line in output.splitlines() if keep.search(line)]
    lines = [line.replace("|", "/") for line in lines if line][:limit]
    return "<br>".join(lines) or "(no figures printed)"


def run_quick(bench: Bench) -> str:
    assert bench.quick is not None
    argv = [sys.executable, "-m", f"benchmarks.{bench.name}", *bench.quick]
    if bench.postgres:
        argv = ["bash", str(ROOT / "installer" / "test-services.sh"), *argv]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.perf_counter()
    try:
        done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return f"did not finish within {TIMEOUT_S} s (quick form)"
    took = time.perf_counter() - started
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return f"failed (exit {done.returncode}): {last.replace('|', '/')}"
    quick = " ".join(bench.quick)
    return f"{figures_of(bench, done.stdout)}<br>*(quick: `{quick}`, {took:.0f} s)*"


def previous_figures() -> dict[str, str]:
    """The figures column of the README's table as it is, by benchmark."""
    if not README.exists():
        return {}
    found = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if len(cells) == 6 and cells[0].startswith(("`bench", "`simulate")):
            found[cells[0].strip("`")] = cells[4]
    return found


def table(figures: dict[str, str]) -> str:
    rows = ["| benchmark | measure | baseline | target | last figures | full run |",
            "| --- | --- | --- | --- | --- | --- |"]
    for bench in BENCHES:
        cell = figures.get(bench.name) or (f"not rerun: {bench.cited}" if bench.cited else "—")
        rows.append(f"| `{bench.name}` | {bench.measure} | {bench.baseline} | {bench.target} | {cell} | "
                    f"{command(bench)} |")
    return "\n".join(rows)


def write_readme(figures: dict[str, str], note: str) -> None:
    text = README.read_text(encoding="utf-8") if README.exists() else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    README.write_text(f"{head}{BEGIN}\n{note}\n\n{table(figures)}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="rerun only these (e.g. startup score_change)")
    parser.add_argument("--dry-run", action="store_true", help="rewrite the table without running anything")
    args = parser.parse_args(argv)
    by_name = {b.name: b for b in BENCHES}
    wanted = [n if n in by_name else f"bench_{n}" for n in args.names]
    unknown = [n for n in wanted if n not in by_name]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; there are: {', '.join(by_name)}", file=sys.stderr)
        return 2
    figures = previous_figures()
    for name, bench in by_name.items():
        if args.dry_run or bench.quick is None or (wanted and name not in wanted):
            continue
        print(f"== {name} {' '.join(bench.quick)}", flush=True)
        figures[name] = run_quick(bench)
        print("   " + figures[name].replace("<br>", "\n   "), flush=True)
        write_readme(figures, _note())  # after each, so an interrupted run keeps what it measured
    write_readme(figures, _note())
    return 0


def _note() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (f"Last `make bench`: {when}, {os.cpu_count()} CPUs, load average {load:.1f} at the end; "
            "ratios are to the baseline measured in the same run.")


if __name__ == "__main__":
    sys.exit(main())
