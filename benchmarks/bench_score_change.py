"""What one score change costs, committed: ``set_level`` against a raw INSERT+COMMIT on the same database.

Run: ``.venv/bin/python -m benchmarks.bench_score_change [--n 400] [--runs 3] [--regions 116] [--dir DIR] [--profile]``

Nilai has no save step: every change an assessor makes in the interview is its own transaction
(the score row, the assessment's ``updated_at`` and a hash-chained change-log entry) and is on
disk when the call returns. Baseline: a raw DB-API connection to the same database file, with the
same pragmas (WAL, ``synchronous=FULL``; a connection from the store's own engine, so an encrypted
store is measured encrypted), inserting one change-log-sized row and committing. Both are timed
alternately in the same process so load on the machine hits them alike; the figures are p50 and
p99 of single calls. The store is a demo round whose first assessor has an interview in progress.
A p99 of a few hundred calls rests on its few slowest, which the disk's syncs set as much as the
code: ``--runs N`` repeats the whole measurement on new stores and gives the median run's ratios,
with every run's p99 ratio beside it. ``--profile`` prints where ``set_level``'s time goes
(cProfile) instead. ``--dir`` puts the store in another file system: on a RAM disk (``/dev/shm``) the sync costs next to nothing, which leaves the
ratio of the work around it, the worst case for a fast disk.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `app` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import percentile  # noqa: E402

TARGET_RATIO = 2.0  # issue 17: a score change committed within twice the raw INSERT+COMMIT, at p99
ACTOR = "Bench Assessor <000000000000000000>"


def raw_insert(store) -> tuple[Callable[[], None], Callable[[], None]]:  # noqa: ANN001 - a Store
    """One change-log-sized row inserted and committed through the engine's DB-API connection."""
    connection = store.engine.raw_connection()  # the store's pragmas (and key, when encrypted)
    cursor = connection.cursor()
    cursor.execute("CREATE TABLE IF NOT EXISTS bench_raw (id TEXT PRIMARY KEY, chain_id TEXT, position INTEGER, "
                   "field TEXT, old TEXT, new TEXT, actor TEXT, at TEXT, prev_hash TEXT, entry_hash TEXT)")
    connection.commit()
    counter = iter(range(10**9))

    def once() -> None:
        position = next(counter)
        cursor.execute("INSERT INTO bench_raw VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (str(uuid.uuid4()), "bench", position, "level", "2", "3", ACTOR,
                        "2018-03-07T09:00:00.000000+00:00", "0" * 64, "f" * 64))
        connection.commit()

    return once, connection.close


def score_change(store, version_id: str, codes: list[str]) -> Callable[[], None]:  # noqa: ANN001 - a Store
    """Each call changes one indicator's level (so every call writes and logs)."""
    from app import assessments as A  # deferred: the benchmark imports the app after setting sys.path

    step = iter(range(10**9))

    def once() -> None:
        n = next(step)
        A.set_level(store, version_id, codes[n % len(codes)], 1 + (n // len(codes)) % 2 * 2, ACTOR)

    return once


def interview_in_progress(data_dir: Path, regions: int):  # noqa: ANN201 - (store, version id, indicator codes)
    from sqlmodel import col, select  # deferred: as above

    from app.instruments.catalogue import load_instrument  # deferred: as above
    from app.models.tables import Assessment  # deferred: as above
    from app.rounds.demo import build_demo  # deferred: as above
    from app.store import open_store  # deferred: as above

    store = open_store(data_dir)
    build_demo(store, regions_count=regions)
    with store.transaction() as session:
        draft = session.exec(select(Assessment).where(Assessment.status == "draft",
                                                      col(Assessment.is_current).is_(True))).first()
        assert draft is not None, "the demo round has no interview in progress"
        codes = [indicator.code for indicator in load_instrument(session, draft.instrument_hash).indicators()]
    return store, draft.version_id, codes


def measure(n: int, regions: int, where: str | None = None) -> dict[str, tuple[list[float], list[float]]]:
    """Wall and CPU seconds of each call, by what was called: the raw insert, ``set_level``, and then
    (with the ``n`` changes in the version's history) undo and redo in turns, which replay it."""
    with tempfile.TemporaryDirectory(dir=where) as scratch:
        store, version_id, codes = interview_in_progress(Path(scratch) / "assessor", regions)
        try:
            change = score_change(store, version_id, codes)
            insert, close = raw_insert(store)
            for _ in range(20):  # warm imports, caches, the WAL
                change()
                insert()
            samples: dict[str, tuple[list[float], list[float]]] = {"raw INSERT+COMMIT": ([], []), "set_level": ([], [])}
            for _ in range(n):
                for action, (wall, cpu) in zip((insert, change), samples.values(), strict=True):
                    started, started_cpu = time.perf_counter(), time.process_time()
                    action()
                    wall.append(time.perf_counter() - started)
                    cpu.append(time.process_time() - started_cpu)
            close()
            from app import assessments as A  # deferred: as above

            wall, cpu = samples.setdefault("undo/redo (history)", ([], []))
            for k in range(min(n, 100)):
                started, started_cpu = time.perf_counter(), time.process_time()
                (A.undo if k % 2 == 0 else A.redo)(store, version_id, ACTOR)
                wall.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
        finally:
            store.close()
    return samples


def profile(n: int, regions: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        store, version_id, codes = interview_in_progress(Path(scratch) / "assessor", regions)
        try:
            change = score_change(store, version_id, codes)
            for _ in range(20):
                change()
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(n):
                change()
            profiler.disable()
        finally:
            store.close()
    stats = pstats.Stats(profiler).strip_dirs().sort_stats("cumulative")
    stats.print_stats(40)
    stats.sort_stats("tottime").print_stats(25)


def ratios(samples: dict[str, tuple[list[float], list[float]]]) -> tuple[float, float]:
    """(p50, p99) of set_level's wall time over the raw insert's, in one run."""
    baseline, nilai = samples["raw INSERT+COMMIT"][0], samples["set_level"][0]
    return (percentile(nilai, 50) / percentile(baseline, 50), percentile(nilai, 99) / percentile(baseline, 99))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=400, help="score changes (and raw inserts) timed")
    parser.add_argument("--runs", type=int, default=1,
                        help="runs, each on a new store; with more than one, the median run's ratios are the result")
    parser.add_argument("--regions", type=int, default=116, help="regions in the demo round (the 2018 size)")
    parser.add_argument("--dir", help="where the scratch store goes (default: the system's temporary folder)")
    parser.add_argument("--profile", action="store_true", help="print set_level's cProfile instead")
    args = parser.parse_args(argv)
    if args.profile:
        profile(args.n, args.regions)
        return 0
    runs = []
    for run in range(args.runs):
        samples = measure(args.n, args.regions, args.dir)
        runs.append(ratios(samples))
        if run == 0:
            print(f"{args.n} calls each, alternating, same database (WAL, synchronous=FULL); "
                  f"then undo/redo after {args.n} changes")
            print(f"{'':{22 if args.runs == 1 else 29}}{'p50':>8}{'p99':>8}{'mean':>8}{'CPU p50':>9}  (ms)")
        for label, (wall, cpu) in samples.items():
            print(f"{'' if args.runs == 1 else f'run {run + 1}: '}{label:22}{percentile(wall, 50) * 1000:8.2f}"
                  f"{percentile(wall, 99) * 1000:8.2f}{statistics.fmean(wall) * 1000:8.2f}{percentile(cpu, 50) * 1000:9.2f}")
    p50, p99 = sorted(runs, key=lambda r: r[1])[len(runs) // 2]  # the median run by its p99 ratio
    spread = "" if args.runs == 1 else f" (median of {args.runs} runs; p99 {', '.join(f'{r[1]:.2f}' for r in runs)})"
    print(f"ratio  p50 {p50:.2f}x   p99 {p99:.2f}x{spread}   (target p99 <= {TARGET_RATIO:.0f}x: "
          f"{'met' if p99 <= TARGET_RATIO else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
