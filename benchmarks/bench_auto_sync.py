"""Does automatic sync slow the interview? A score change committed while a sync works in the background.

Run: ``.venv/bin/python -m benchmarks.bench_auto_sync [--n 200] [--regions 30]``

The desktop's automatic sync runs on its own worker thread; what it does in the store is queue new
final versions (``queue_new``) and write the result bundle (``export_bundle``: reads every score,
note and change-log entry of the versions, zips and signs them). Timed: ``set_level`` (one score
change, committed: what the interview does on every key press that chooses a level), p50 and p99,
(a) alone and (b) while another thread writes bundles of every final assessment back to back (the
worst case: a sync that never stops). Baseline: (a). Also timed: what the GUI thread pays per look
(the setting read before the work is handed to the worker) and what one look costs the worker on a
laptop that is offline (the service's port closed: connection refused). The store is a demo round
with an interview in progress; the identity signing the bundles is made here.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `app` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_score_change import interview_in_progress, score_change  # noqa: E402
from benchmarks.timing import percentile  # noqa: E402

PASSPHRASE = "bench passphrase 2018"


def timed(action, n: int) -> list[float]:  # noqa: ANN001 - a callable
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="score changes timed per phase")
    parser.add_argument("--regions", type=int, default=30)
    args = parser.parse_args(argv)

    from sqlmodel import select  # deferred: after sys.path is set

    from app.bundles import sync_target
    from app.bundles.export import export_bundle
    from app.identity import create_identity, unlock
    from app.models.tables import Assessment, Assessor, Round
    from app.store import settings
    from app.sync.auto import sync_if_reachable
    from app.sync.outbox import queue_new
    from tests.sync.service import free_port, make_tls_certificate

    with tempfile.TemporaryDirectory() as scratch:
        store, version_id, codes = interview_in_progress(Path(scratch) / "laptop", args.regions)
        try:
            with store.transaction(write=True) as session:  # this laptop is the assessor with the most finals
                final = list(session.exec(select(Assessment).where(Assessment.status == "final")))
                mine = max({a.assessor_id for a in final}, key=lambda who: sum(a.assessor_id == who for a in final))
                finals = [a.version_id for a in final if a.assessor_id == mine]
                settings.put(session, settings.PROFILE, mine)
                assessor = session.get(Assessor, mine)
                round_id = session.exec(select(Round.id)).first()
            create_identity(store.data_dir, assessor.name, assessor.nip, assessor.organisation, PASSPHRASE)
            unlocked = unlock(store.data_dir, PASSPHRASE)
            change = score_change(store, version_id, codes)
            for _ in range(20):
                change()
            alone = timed(change, args.n)

            stop = threading.Event()
            bundles = 0

            def keep_syncing() -> None:
                nonlocal bundles
                out = Path(scratch) / "outbox"
                out.mkdir()
                while not stop.is_set():
                    queue_new(store)
                    export_bundle(store, out / f"{bundles}.nilai", unlocked=unlocked, version_ids=finals)
                    bundles += 1

            worker = threading.Thread(target=keep_syncing, daemon=True)
            worker.start()
            time.sleep(0.5)
            during = timed(change, args.n)
            stop.set()
            worker.join()
            assert bundles > 0, "the background sync wrote no bundle"

            gui = timed(lambda: settings.read(store, settings.AUTO_SYNC), args.n)
            cert, _key = make_tls_certificate(Path(scratch))
            with store.transaction(write=True) as session:
                sync_target.put(session, round_id, sync_target.checked(f"https://127.0.0.1:{free_port()}",
                                                                       cert.read_text()))
            offline = timed(lambda: sync_if_reachable(store, unlocked), 10)
        finally:
            store.close()

    def ms(samples: list[float], p: float) -> float:
        return percentile(samples, p) * 1000

    print(f"set_level alone                : p50 {ms(alone, 50):.2f} ms  p99 {ms(alone, 99):.2f} ms")
    print(f"set_level during a busy sync   : p50 {ms(during, 50):.2f} ms  p99 {ms(during, 99):.2f} ms  "
          f"({bundles} bundles of {len(finals)} assessments written meanwhile)")
    print(f"ratio during/alone             : p50 {ms(during, 50) / ms(alone, 50):.2f}x  "
          f"p99 {ms(during, 99) / ms(alone, 99):.2f}x")
    print(f"GUI thread per look (setting)  : p50 {ms(gui, 50):.2f} ms")
    print(f"worker per look, offline       : p50 {ms(offline, 50):.1f} ms (queue, health probe refused)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
