"""The sync service against `nilai bundle import` of the same bundles, on PostgreSQL.

    bash installer/test-services.sh .venv/bin/python benchmarks/bench_sync.py            # 40 x 30 records
    bash installer/test-services.sh .venv/bin/python benchmarks/bench_sync.py --bundles 10 --senders 2

Needs a PostgreSQL server (NILAI_TEST_POSTGRES_URL, as installer/test-services.sh sets it); each
phase gets a database of its own. Steps: (1) generate signed bundles in the real format
(benchmarks/bench_import.generate: one assessor identity, 30 records of 40 scores each per bundle);
not timed. (2) Baseline: ``import_bundles`` (what `nilai bundle import` calls) of one bundle at a
time, as the service does, in this process. (3) `nilai serve` as a process (uvicorn, TLS on
loopback): the same bundles sent one after another through ``app.sync.client.send_bundle``
(a new TLS connection and a request signature each time, as a laptop would). (4) As many other
bundles of the same assessor sent by ``--senders`` threads at once. Reported: seconds per bundle (median, p95), bundles
per second, and the service's median over the baseline's.
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


def summary(times: list[float], wall: float) -> dict:
    return {"bundles": len(times), "median_s": round(statistics.median(times), 4), "p95_s": round(percentile(times, 95), 4),
            "bundles_per_s": round(len(times) / wall, 2), "wall_s": round(wall, 2)}


def baseline(url: str, work: Path, files: list[str], cert: str) -> dict:
    from app.bundles.importer import import_bundles
    from app.bundles.trust import trust_certificate
    from app.store import open_store

    store = open_store(work / "baseline", url)
    trust_certificate(store, Path(cert))
    times = []
    started = time.perf_counter()
    for path in files:
        began = time.perf_counter()
        report = import_bundles(store, [path])
        times.append(time.perf_counter() - began)
        assert report.bundles[0].outcome == "imported", report.bundles[0].reason
    wall = time.perf_counter() - started
    store.close()
    return summary(times, wall)


def service_runs(url: str, work: Path, files: list[str], more: list[str], cert: str, senders: int) -> dict:
    from app.bundles.trust import trust_certificate
    from app.identity import unlock
    from app.store import open_store
    from app.sync.client import send_bundle
    from tests.sync.service import Service, free_port, make_tls_certificate

    store = open_store(work / "desk", url)
    trust_certificate(store, Path(cert))
    store.close()
    root = work / "service"
    root.mkdir()
    tls_cert, tls_key = make_tls_certificate(root)
    service = Service(url, root / "data", tls_cert, tls_key, free_port())
    service.start()
    identity = unlock(work / "bundles" / "assessor", PASSPHRASE)
    try:
        times = []
        started = time.perf_counter()
        for path in files:
            began = time.perf_counter()
            outcome = send_bundle(service.url, Path(path), identity, tls_cert)
            times.append(time.perf_counter() - began)
            assert outcome.outcome == "taken_in", outcome
        sequential = summary(times, time.perf_counter() - started)

        together: list[float] = []
        failed: list[str] = []
        lock = threading.Lock()

        def sender(share: list[str]) -> None:
            for path in share:
                began = time.perf_counter()
                outcome = send_bundle(service.url, Path(path), identity, tls_cert)
                with lock:
                    together.append(time.perf_counter() - began)
                    if outcome.outcome != "taken_in":
                        failed.append(outcome.reason)

        threads = [threading.Thread(target=sender, args=(more[i::senders],)) for i in range(senders)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not failed and len(together) == len(more), failed[:1] or "a sender thread failed"
        concurrent = summary(together, time.perf_counter() - started) | {"senders": senders}
    finally:
        service.stop()
    return {"sequential": sequential, "concurrent": concurrent}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bundles", type=int, default=40)
    parser.add_argument("--records-per-bundle", type=int, default=30)
    parser.add_argument("--senders", type=int, default=4, help="threads sending the second set at once")
    args = parser.parse_args()

    from pg_support import POSTGRES_URL, SKIP_REASON, postgres_database

    if not POSTGRES_URL:
        print(f"bench_sync: {SKIP_REASON}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="nilai-bench-sync-") as tmp:
        work = Path(tmp)
        made = generate(work / "bundles", 2 * args.bundles * args.records_per_bundle, 2 * args.bundles, "full")
        files, more = made["files"][:args.bundles], made["files"][args.bundles:]  # the second half: sent at once
        size = sum(Path(f).stat().st_size for f in files) / len(files)
        databases = [postgres_database("nilai_bench"), postgres_database("nilai_bench")]
        urls = [next(d) for d in databases]
        try:
            base = baseline(urls[0], work, files, made["cert"])
            served = service_runs(urls[1], work, files, more, made["cert"], args.senders)
        finally:
            for d in databases:
                for _ in d:
                    pass
    result = {"bundle_kb": round(size / 1024, 1), "records_per_bundle": args.records_per_bundle,
              "baseline_import": base, **served,
              "service_over_baseline_median": round(served["sequential"]["median_s"] / base["median_s"], 2)}
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
