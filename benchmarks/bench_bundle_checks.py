"""What the hostile-bundle defences cost: the JSON nesting check, and checking a repeated bundle.

Run: ``.venv/bin/python -m benchmarks.bench_bundle_checks [--regions 116] [--assessors 6]``

The bundles are the demo round's, made by the real program: ``nilai demo --assessor-dirs`` (every
assessor scores the regions of their panel, notes and all, with the change log Nilai writes), then
``nilai bundle export`` for each assessor.

1. Nesting: :func:`app.bundles.format.json_depth_problem` on every JSON document of the bundles
   (records, manifests, the instrument), against ``json.loads`` of the same bytes - the parse it
   protects. Target: at most 1x (it must not cost more than the parse).
2. Repeats: importing bundles that were all imported before (each one still checked against its
   signed manifest: signature, trust, every file's hash), against checking the same bundles in full
   (``verify_bundle``: records, change logs, instruments). Target: at most 0.5x.
Both are CPU seconds of this process, the median of ``--n`` runs.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `app` and `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PASSPHRASE = "benchmark passphrase"
NESTING_TARGET = 1.0
REPEAT_TARGET = 0.5


def _cpu_median(action: Callable[[], object], n: int) -> float:
    action()  # warm: imports, compiled regular expressions and schemas are one-off costs
    times = []
    for _ in range(n):
        started = time.process_time()
        action()
        times.append(time.process_time() - started)
    return statistics.median(times)


def _demo_bundles(work: Path, regions: int, assessors: int) -> list[Path]:
    from app.cli import main as cli
    from app.identity import export_certificate

    def nilai(argv: list[str]) -> int:
        with contextlib.redirect_stdout(io.StringIO()):  # the demo's and the exports' own reports
            return cli(argv)

    secret = work / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert nilai(["--data-dir", str(work / "demo"), "demo", "--regions", str(regions), "--assessors", str(assessors),
                  "--assessor-dirs", str(work / "assessors"), "--passphrase-file", str(secret)]) == 0
    (work / "certs").mkdir()
    files = []
    for directory in sorted((work / "assessors").iterdir()):
        export_certificate(directory, work / "certs" / f"{directory.name}.pem")
        files.append(work / f"{directory.name}.nilai")
        assert nilai(["--data-dir", str(directory), "bundle", "export", "--out", str(files[-1]),
                      "--passphrase-file", str(secret)]) == 0
    return files


def main(argv: list[str] | None = None) -> int:
    from app.bundles.format import DEFAULT_LIMITS, json_depth_problem
    from app.bundles.importer import build_context, import_bundles
    from app.bundles.trust import certs_from
    from app.bundles.verify import verify_bundle
    from app.store import open_store

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=116)
    parser.add_argument("--assessors", type=int, default=6)
    parser.add_argument("--n", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="nilai-bench-checks-") as folder:
        work = Path(folder)
        files = _demo_bundles(work, args.regions, args.assessors)
        documents = []
        for path in files:
            with zipfile.ZipFile(path) as archive:
                documents += [archive.read(n) for n in archive.namelist() if n.endswith(".json")]
        depth = DEFAULT_LIMITS.max_json_depth
        parse = _cpu_median(lambda: [json.loads(d) for d in documents], args.n)
        nesting = _cpu_median(lambda: [json_depth_problem(d, depth) for d in documents], args.n)

        trust = certs_from([], work / "certs")
        store = open_store(work / "coordinator")
        try:
            first = import_bundles(store, files, extra_trust=trust, workers=0)
            assert not first.rejected, first.rejected[0].reason
            context = build_context(store, trust, None)

            def check_all() -> None:
                for path in files:
                    verify_bundle(path, context).close()

            def repeat_all() -> None:
                report = import_bundles(store, files, workers=0)
                assert all(b.outcome == "already_imported" for b in report.bundles)

            full = _cpu_median(check_all, args.n)
            repeat = _cpu_median(repeat_all, args.n)
        finally:
            store.close()
    size = sum(map(len, documents)) / len(documents) / 1024
    print(f"{len(documents)} JSON documents ({size:.1f} KiB on average) in {len(files)} bundles")
    print(f"json.loads of every document       {parse * 1000:8.1f} ms CPU")
    print(f"nesting check of every document    {nesting * 1000:8.1f} ms CPU   {nesting / parse:.2f}x  "
          f"(target <= {NESTING_TARGET:.0f}x: {'met' if nesting / parse <= NESTING_TARGET else 'NOT met'})")
    print(f"full check of every bundle         {full * 1000:8.1f} ms CPU")
    print(f"import of them all again (repeats) {repeat * 1000:8.1f} ms CPU   {repeat / full:.2f}x  "
          f"(target <= {REPEAT_TARGET}x: {'met' if repeat / full <= REPEAT_TARGET else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
