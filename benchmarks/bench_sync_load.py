"""Load test of the sync service (issue 16): many assessors syncing at once into several coordinator
processes on one PostgreSQL store, against `nilai bundle import` of the same files.

    bash installer/test-services.sh .venv/bin/python -m benchmarks.bench_sync_load            # 40 x 30, 4 processes
    bash installer/test-services.sh .venv/bin/python -m benchmarks.bench_sync_load --assessors 8 --assessments 5

Needs a PostgreSQL server (NILAI_TEST_POSTGRES_URL, as installer/test-services.sh sets it); each
phase gets a database of its own. Steps:

1. Not timed: ``--assessors`` real assessor identities (key pair, certificate, passphrase-protected
   key file in a data directory of their own), each with ``--assessments`` finalized assessments of 40
   scores with their change logs, written as signed bundles in the real format by
   ``benchmarks.bench_import.generate`` (``--per-bundle`` assessments per bundle; 1, the default, is
   a laptop that syncs after each finalized interview: the most requests for the work). Every
   certificate is trusted in the coordinator's store.
2. Baseline: ``import_bundles`` of all the files in one call (what `nilai bundle import *.nilai`
   runs), per-bundle times from its progress callback.
3. ``--processes`` `nilai serve` processes (uvicorn, TLS on loopback, each with its own data directory
   and port, as several coordinator machines or a proxy's upstreams would run them) on one PostgreSQL
   database. Then all assessors at once, one thread each, each sending its bundles one after another
   through ``app.sync.client.send_bundle`` (a new TLS connection and request signature each time, as a
   laptop does) to the service process its number picks. Then every assessor sends its first bundle
   again (a retry after a lost answer), which must come back ``repeated``.

Reported: bundles per second and assessments per second, seconds per bundle as the laptop waits for
its answer (median, p95: with many senders mostly the wait behind other bundles' imports, since one
service process imports one bundle at a time), the service's throughput over the baseline's, errors (must be 0), and the counts in the store: every assessment exactly
once (assessment rows = distinct records = assessments sent; one receipt per bundle).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from benchmarks.bench_import import PASSPHRASE, generate  # noqa: E402
from benchmarks.timing import percentile  # noqa: E402


def summary(times: list[float], wall: float, assessments: int) -> dict:
    return {"bundles": len(times), "median_s": round(statistics.median(times), 3), "p95_s": round(percentile(times, 95), 3),
            "bundles_per_s": round(len(times) / wall, 2), "assessments_per_s": round(assessments / wall, 1),
            "wall_s": round(wall, 1)}


def make_assessors(work: Path, assessors: int, assessments: int, per_bundle: int) -> list[dict]:
    made = []
    for index in range(assessors):
        folder = work / f"assessor-{index:02d}"
        bundles = -(-assessments // per_bundle)
        result = generate(folder, assessments, bundles, "full", seed=index, nip=f"1980010120050110{index:02d}",
                          name=f"Penilai Uji {index + 1}")
        made.append({"dir": folder / "assessor", "files": result["files"], "cert": result["cert"]})
    return made


def store_counts(url: str) -> dict:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            def one(sql: str) -> int:
                return int(conn.execute(text(sql)).scalar_one())
            return {"receipts": one("SELECT count(*) FROM bundle_receipt"),
                    "assessment_rows": one("SELECT count(*) FROM assessment"),
                    "distinct_records": one("SELECT count(DISTINCT record_id) FROM assessment")}
    finally:
        engine.dispose()


def trust_all(url: str, folder: Path, assessors: list[dict]) -> None:
    from app.bundles.trust import trust_certificate
    from app.store import open_store

    store = open_store(folder, url)
    try:
        for assessor in assessors:
            trust_certificate(store, Path(assessor["cert"]))
    finally:
        store.close()


def baseline(url: str, work: Path, assessors: list[dict]) -> dict:
    from app.bundles.importer import import_bundles
    from app.store import open_store

    trust_all(url, work / "baseline", assessors)
    store = open_store(work / "baseline", url)
    files = [f for a in assessors for f in a["files"]]
    times: list[float] = []
    last = [time.perf_counter()]

    def done(bundle) -> None:
        now = time.perf_counter()
        times.append(now - last[0])
        last[0] = now
        assert bundle.outcome == "imported", bundle.reason

    started = last[0] = time.perf_counter()
    import_bundles(store, files, progress=done)
    wall = time.perf_counter() - started
    store.close()
    assessments = store_counts(url)["assessment_rows"]
    return summary(times, wall, assessments)


def served(url: str, work: Path, assessors: list[dict], processes: int) -> dict:
    from app.identity import unlock
    from app.sync.client import SendFailed, send_bundle
    from tests.sync.service import Service, free_port, make_tls_certificate

    trust_all(url, work / "desk", assessors)
    root = work / "service"
    root.mkdir()
    tls_cert, tls_key = make_tls_certificate(root)
    services = [Service(url, root / f"data-{n}", tls_cert, tls_key, free_port()) for n in range(processes)]
    identities = [unlock(a["dir"], PASSPHRASE) for a in assessors]  # the passphrase is typed before, not timed
    times: list[float] = []
    errors: list[str] = []
    outcomes: dict[str, int] = {}
    lock = threading.Lock()

    def laptop(index: int, files: list[str]) -> None:
        service = services[index % processes]
        for path in files:
            began = time.perf_counter()
            try:
                outcome = send_bundle(service.url, Path(path), identities[index], tls_cert)
            except SendFailed as exc:
                with lock:
                    errors.append(str(exc))
                continue
            with lock:
                times.append(time.perf_counter() - began)
                outcomes[outcome.outcome] = outcomes.get(outcome.outcome, 0) + 1

    def everyone(share: list[list[str]]) -> float:
        threads = [threading.Thread(target=laptop, args=(i, files)) for i, files in enumerate(share)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - started

    for service in services:
        service.start()
    try:
        wall = everyone([a["files"] for a in assessors])
        first_times, first_outcomes, first_errors = list(times), dict(outcomes), list(errors)
        times.clear()
        outcomes.clear()
        errors.clear()
        everyone([a["files"][:1] for a in assessors])  # the retry after a lost answer
        retry = {"outcomes": dict(outcomes), "errors": len(errors)}
    finally:
        for service in services:
            service.stop()
    counts = store_counts(url)
    return {**summary(first_times, wall, counts["assessment_rows"]), "processes": processes, "outcomes": first_outcomes, "errors": len(first_errors), "first_error": first_errors[:1],
            "retry": retry, "store": counts}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--assessors", type=int, default=40)
    parser.add_argument("--assessments", type=int, default=30, help="per assessor")
    parser.add_argument("--per-bundle", type=int, default=1, help="assessments per bundle (1: sync after each)")
    parser.add_argument("--processes", type=int, default=4, help="`nilai serve` processes on the one store")
    args = parser.parse_args()

    from pg_support import POSTGRES_URL, SKIP_REASON, postgres_database

    if not POSTGRES_URL:
        print(f"bench_sync_load: {SKIP_REASON}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="nilai-bench-load-") as tmp:
        work = Path(tmp)
        began = time.perf_counter()
        assessors = make_assessors(work, args.assessors, args.assessments, args.per_bundle)
        made_s = time.perf_counter() - began
        files = [f for a in assessors for f in a["files"]]
        size = sum(Path(f).stat().st_size for f in files) / len(files)
        databases = [postgres_database("nilai_load"), postgres_database("nilai_load")]
        urls = [next(d) for d in databases]
        try:
            base = baseline(urls[0], work, assessors)
            load = served(urls[1], work, assessors, args.processes)
        finally:
            for d in databases:
                for _ in d:
                    pass
    expected = args.assessors * args.assessments
    exactly_once = (load["store"]["assessment_rows"] == load["store"]["distinct_records"] == expected
                    and load["store"]["receipts"] == len(files))
    result = {"assessors": args.assessors, "assessments_each": args.assessments, "per_bundle": args.per_bundle,
              "bundle_kb": round(size / 1024, 1), "generated_in_s": round(made_s, 1),
              "baseline_import": base, "service": load,
              # throughput, not the median: a laptop's time per bundle includes waiting behind the others' imports
              "throughput_vs_import": round(load["bundles_per_s"] / base["bundles_per_s"], 2),
              "exactly_once": exactly_once}
    print(json.dumps(result, indent=1))
    print(f"{args.assessors} assessors x {args.assessments} assessments, {len(files)} bundles, "
          f"{args.processes} service processes: {load['bundles_per_s']} bundles/s "
          f"({load['assessments_per_s']} assessments/s), median {load['median_s']} s, p95 {load['p95_s']} s per "
          f"bundle; `nilai bundle import` {base['bundles_per_s']} bundles/s, median {base['median_s']} s "
          f"(service throughput {result['throughput_vs_import']}x the import's)")
    print(f"errors {load['errors']}, retried bundles {load['retry']['outcomes']}, "
          f"every assessment exactly once: {'OK' if exactly_once else 'FAIL'} ({load['store']['assessment_rows']} "
          f"of {expected})")
    ok = exactly_once and load["errors"] == 0 and load["retry"]["outcomes"] == {"repeated": args.assessors}
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
