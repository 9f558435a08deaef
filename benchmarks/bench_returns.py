"""What `nilai sync` adds after sending: `GET /returns` and `GET /round-package` against `GET /health`.

    bash installer/test-services.sh .venv/bin/python benchmarks/bench_returns.py
    bash installer/test-services.sh .venv/bin/python benchmarks/bench_returns.py --records 300 --requests 40

Needs a PostgreSQL server (NILAI_TEST_POSTGRES_URL). Steps, not timed: signed bundles in the real
format (benchmarks/bench_import.generate: one assessor, ``--records`` assessments of 40 scores)
imported into a fresh store; every one of them returned for revision (the worst case for one
laptop: each answer lists every return, and each return's state is worked out from its record's
versions); one issued round package of ``--package-kb``. Then `nilai serve` as a process (uvicorn,
TLS on loopback) and ``--requests`` of each request, one after another, each on a new TLS
connection with a fresh request signature (as a laptop's `nilai sync` does). Reported: seconds per
request (median, p95) and each route's median over the `/health` median (no signature, one
``SELECT 1``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from benchmarks.bench_import import PASSPHRASE, generate  # noqa: E402
from benchmarks.timing import percentile  # noqa: E402


def prepare(url: str, work: Path, records: int, package_kb: int) -> str:
    """Import the bundles, return every current version, issue a package; the round id."""
    from sqlmodel import select

    from app.bundles.importer import import_bundles
    from app.bundles.trust import trust_certificate
    from app.models.returns import IssuedRoundPackage, RevisionReturn
    from app.models.tables import Assessment
    from app.store import open_store

    made = generate(work / "bundles", records, max(1, records // 30), "full")
    store = open_store(work / "desk", url)
    try:
        trust_certificate(store, Path(made["cert"]))
        report = import_bundles(store, made["files"])
        assert all(b.outcome == "imported" for b in report.bundles), report.bundles[0].reason
        with store.transaction(write=True) as session:
            current = session.exec(select(Assessment).where(Assessment.is_current == True)).all()  # noqa: E712
            for a in current:
                session.add(RevisionReturn(round_id=a.round_id, record_id=a.record_id, version_id=a.version_id,
                                           assessor_id=a.assessor_id, region_code=a.region_code,
                                           comment="periksa lagi tingkat 4: bukti belum dilampirkan",
                                           returned_by="Koordinator <197501012000031001>"))
            content = os.urandom(package_kb * 1024)
            round_id = current[0].round_id
            session.add(IssuedRoundPackage(round_id=round_id, package_version=1,
                                           sha256=hashlib.sha256(content).hexdigest(), content=content))
        return round_id
    finally:
        store.close()


def timed(count: int, request) -> dict:
    times = []
    for _ in range(count):
        began = time.perf_counter()
        request()
        times.append(time.perf_counter() - began)
    return {"requests": count, "median_s": round(statistics.median(times), 4), "p95_s": round(percentile(times, 95), 4)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=120, help="assessments of the one assessor, all returned")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--package-kb", type=int, default=200)
    args = parser.parse_args()

    from pg_support import POSTGRES_URL, SKIP_REASON, postgres_database

    if not POSTGRES_URL:
        print(f"bench_returns: {SKIP_REASON}", file=sys.stderr)
        return 2
    import httpx

    from app.identity import unlock
    from app.sync.client import pinned_context
    from app.sync.inbox import fetch_returns, fetch_round_package
    from tests.sync.service import Service, free_port, make_tls_certificate

    with tempfile.TemporaryDirectory(prefix="nilai-bench-returns-") as tmp:
        work = Path(tmp)
        database = postgres_database("nilai_bench")
        url = next(database)
        try:
            round_id = prepare(url, work, args.records, args.package_kb)
            root = work / "service"
            root.mkdir()
            cert, key = make_tls_certificate(root)
            service = Service(url, root / "data", cert, key, free_port())
            service.start()
            identity = unlock(work / "bundles" / "assessor", PASSPHRASE)
            context = pinned_context(cert)
            try:
                def health() -> None:
                    with httpx.Client(verify=context, timeout=60) as http:
                        assert http.get(f"{service.url}/health").status_code == 200

                def returns() -> None:
                    with httpx.Client(verify=context, timeout=60) as http:
                        assert len(fetch_returns(http, service.url, identity)) == args.records

                def package() -> None:
                    with httpx.Client(verify=context, timeout=60) as http:
                        fetched = fetch_round_package(http, service.url, round_id, identity)
                        assert fetched is not None and len(fetched[1]) == args.package_kb * 1024

                results = {"health": timed(args.requests, health), "returns": timed(args.requests, returns),
                           "round_package": timed(args.requests, package)}
            finally:
                service.stop()
        finally:
            for _ in database:
                pass
    base = results["health"]["median_s"]
    print(json.dumps({"records_returned": args.records, "package_kb": args.package_kb, **results,
                      "returns_over_health_median": round(results["returns"]["median_s"] / base, 2),
                      "round_package_over_health_median": round(results["round_package"]["median_s"] / base, 2)},
                     indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
