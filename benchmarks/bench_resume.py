"""What a resumable (tus) upload costs against one whole POST, and what a cut connection costs each way.

    bash installer/test-services.sh .venv/bin/python benchmarks/bench_resume.py             # a 20 MiB bundle
    bash installer/test-services.sh .venv/bin/python benchmarks/bench_resume.py --mib 5 --repeat 3

Needs a PostgreSQL server (NILAI_TEST_POSTGRES_URL, as installer/test-services.sh sets it). Steps:
(1) a demo assessor (`nilai demo`) gets one more final version whose evidence photo is ``--mib`` MiB
of incompressible bytes; its bundle is exported; not timed. (2) `nilai serve` (uvicorn, TLS on
loopback) takes it in once. (3) The same bundle again, ``--repeat`` times each way - the service
answers "repeated", so what is timed is the transport, the signatures and the checks, not the
import: (a) one whole POST /bundles; (b) a tus upload in 1 MiB chunks; (c) a tus upload through a
relay that cuts the connection half-way, then resumed (a new connection, HEAD, the rest);
(d) a POST cut half-way, then sent whole again (what a laptop did before). Reported: median
seconds and the bytes the laptop sent, over the bundle's size.
"""

from __future__ import annotations

import argparse
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


def make_bundle(work: Path, mib: int) -> tuple[Path, Path, Path]:
    """(bundle, assessor data dir, assessor certificate)."""
    from app import assessments
    from app.assessments import marks_of
    from app.identity import export_certificate
    from tests.bundles.helpers import PASSPHRASE, current_versions, open_store_at, run_cli

    passphrase = work / "pass.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert run_cli("--data-dir", work / "coordinator", "demo", "--regions", "2", "--assessors", "1",
                   "--assessor-dirs", work / "assessors", "--passphrase-file", passphrase) == 0
    assessor = next(p for p in (work / "assessors").iterdir() if p.is_dir())
    photo = work / "foto.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(mib << 20))
    store = open_store_at(assessor)
    try:
        new = assessments.reopen(store, current_versions(assessor)[0][1], "lampiran bukti", "penilai")
        with store.transaction() as session:
            code = sorted(marks_of(session, new))[0]
        assessments.add_evidence(store, new, code, photo, "penilai")
        assessments.finalize(store, new, "penilai")
    finally:
        store.close()
    bundle = work / "big.nilai"
    assert run_cli("--data-dir", assessor, "bundle", "export", "--out", bundle, "--passphrase-file", passphrase) == 0
    cert = work / "assessor.pem"
    export_certificate(assessor, cert)
    return bundle, assessor, cert


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mib", type=int, default=20, help="size of the evidence photo (default 20)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--chunk-kib", type=int, default=1024, help="tus chunk size (default 1024: what nilai sync sends)")
    args = parser.parse_args()

    from pg_support import POSTGRES_URL, SKIP_REASON, postgres_database

    if not POSTGRES_URL:
        print(f"bench_resume: {SKIP_REASON}", file=sys.stderr)
        return 2
    from app.sync.client import SendFailed, send_bundle
    from app.sync.resumable import state_path, upload_bundle
    from tests.bundles.helpers import run_cli, unlock_dir
    from tests.sync.relay import Relay
    from tests.sync.service import Service, free_port, make_tls_certificate

    with tempfile.TemporaryDirectory(prefix="nilai-bench-resume-") as tmp:
        work = Path(tmp)
        bundle, assessor, cert = make_bundle(work, args.mib)
        size = bundle.stat().st_size
        chunk = args.chunk_kib << 10
        identity = unlock_dir(assessor)
        database = postgres_database("nilai_bench")
        url = next(database)
        try:
            root = work / "service"
            root.mkdir()
            tls_cert, tls_key = make_tls_certificate(root)
            service = Service(url, root / "data", tls_cert, tls_key, free_port())
            service.start()
            try:
                assert run_cli("--data-dir", work / "desk", "--database-url", url, "bundle", "trust", cert) == 0
                assert send_bundle(service.url, bundle, identity, tls_cert).outcome == "taken_in"

                def timed(send) -> tuple[float, float]:
                    seconds, ratios = [], []
                    for _ in range(args.repeat):
                        state_path(bundle).unlink(missing_ok=True)
                        began = time.perf_counter()
                        sent = send()
                        seconds.append(time.perf_counter() - began)
                        ratios.append(sent / size)
                    return round(statistics.median(seconds), 3), round(statistics.median(ratios), 3)

                def post() -> int:
                    assert send_bundle(service.url, bundle, identity, tls_cert).outcome == "repeated"
                    return size

                def tus() -> int:
                    assert upload_bundle(service.url, bundle, identity, tls_cert, chunk_bytes=chunk).outcome == "repeated"
                    return size

                def through_cut(resumable: bool) -> int:
                    relay = Relay(service.port, cuts=[size // 2])
                    try:
                        def send() -> str:
                            if resumable:
                                return upload_bundle(relay.url, bundle, identity, tls_cert, chunk_bytes=chunk).outcome
                            return send_bundle(relay.url, bundle, identity, tls_cert).outcome

                        try:
                            send()
                            raise AssertionError("the relay did not cut the connection")
                        except SendFailed:
                            pass
                        assert send() == "repeated"
                        return relay.sent
                    finally:
                        relay.close()

                results = {"post_whole": timed(post), "tus_whole": timed(tus),
                           "tus_cut_once_resumed": timed(lambda: through_cut(True)),
                           "post_cut_once_sent_again": timed(lambda: through_cut(False))}
            finally:
                service.stop()
        finally:
            for _ in database:
                pass
    report = {"bundle_mib": round(size / (1 << 20), 2), "chunk_kib": args.chunk_kib, "repeat": args.repeat,
              **{name: {"median_s": s, "bytes_sent_over_bundle": r} for name, (s, r) in results.items()},
              "tus_over_post": round(results["tus_whole"][0] / results["post_whole"][0], 2)}
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
