"""What encryption at rest costs: start-up and one score change, SQLCipher store against plain SQLite.

Run: ``.venv/bin/python -m benchmarks.bench_encryption [--regions 116] [--n 21]``

Two copies of one demo round (the 2018 size by default) in one process: one plain, one converted
with ``nilai store encrypt``. Variants run interleaved, medians of N, after a warm-up run:

* ``unlock``: unwrapping the data key from ``store.key`` with the passphrase (scrypt, the identity
  key's cost): paid once per start of an encrypted store, by design slow for a guesser too.
* ``start-up``: ``open_store(verify=True)`` (as every command opens it: header, integrity check,
  schema) and a first query (the rounds and their assessments), then closing.
* ``score change``: one rubric level set on an open assessment (read, write, change-log entry,
  commit with synchronous=FULL), the store already open.

Ratios are encrypted / plain. Budget: a score change stays well under the 100 ms an assessor would
notice; start-up plus unlock under a second.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `app` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import func, select  # noqa: E402

from app import assessments as A  # noqa: E402
from app.base.paths import DATABASE_FILE  # noqa: E402
from app.identity import storekey  # noqa: E402
from app.models.tables import Assessment, Round, Score  # noqa: E402
from app.store import Store, cipher, open_store  # noqa: E402

PASSPHRASE = "kata sandi penilai 2018"


def _first_query(store: Store) -> int:
    with store.transaction() as session:
        session.exec(select(Round)).all()
        return session.exec(select(func.count()).select_from(Assessment)).one()


def _start(data: Path) -> None:
    store = open_store(data, verify=True)
    try:
        _first_query(store)
    finally:
        store.close()


def _interleaved(actions: dict[str, Callable[[], object]], n: int) -> dict[str, float]:
    for action in actions.values():
        action()
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(n):
        for name, action in actions.items():
            started = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(t) for name, t in times.items()}


def _score_changer(store: Store) -> Callable[[], object]:
    with store.transaction() as session:  # the demo round's one assessment still in draft
        version = session.exec(select(Assessment.version_id).where(Assessment.status == "draft")).first()
        assert version is not None, "the demo round has one draft assessment"
        code = session.exec(select(Score.indicator_code).where(Score.version_id == version)).first()
        assert code is not None
    levels = iter(range(10**9))
    return lambda: A.set_level(store, version, code, 3 + next(levels) % 2, "bench <0>")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=116)
    parser.add_argument("--n", type=int, default=21)
    args = parser.parse_args(argv)
    from app.cli import main as nilai

    with tempfile.TemporaryDirectory() as scratch:
        plain, encrypted = Path(scratch) / "plain", Path(scratch) / "encrypted"
        secret = Path(scratch) / "pass"
        secret.write_text(PASSPHRASE, encoding="utf-8")
        for data in (plain, encrypted):
            assert nilai(["--data-dir", str(data), "demo", "--regions", str(args.regions), "--seed", "1"]) == 0
        assert nilai(["--data-dir", str(encrypted), "store", "encrypt", "--passphrase-file", str(secret)]) == 0
        size_mb = (encrypted / DATABASE_FILE).stat().st_size / 1e6

        unlock = statistics.median(_timed(lambda: storekey.unwrap(encrypted, PASSPHRASE)) for _ in range(5))
        cipher.unlock(encrypted, storekey.unwrap(encrypted, PASSPHRASE))
        start = _interleaved({"plain": lambda: _start(plain), "encrypted": lambda: _start(encrypted)}, args.n)

        stores = {"plain": open_store(plain), "encrypted": open_store(encrypted)}
        try:
            change = _interleaved({name: _score_changer(s) for name, s in stores.items()}, args.n * 3)
        finally:
            for s in stores.values():
                s.close()

    print(f"demo round of {args.regions} regions, store of {size_mb:.1f} MB; medians of {args.n} (score change: "
          f"{args.n * 3})")
    print(f"unlock (scrypt, once per start)      {unlock * 1000:8.1f} ms")
    _row("start-up (open verified + query)", start)
    _row("one score change", change)
    print(f"start-up of an encrypted store, unlock included: {(start['encrypted'] + unlock) * 1000:.1f} ms, "
          f"{(start['encrypted'] + unlock) / start['plain']:.2f}x plain")
    return 0


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _row(what: str, medians: dict[str, float]) -> None:
    print(f"{what:36} plain {medians['plain'] * 1000:7.2f} ms   encrypted {medians['encrypted'] * 1000:7.2f} ms   "
          f"{medians['encrypted'] / medians['plain']:.2f}x")


if __name__ == "__main__":
    raise SystemExit(main())
