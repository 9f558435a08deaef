"""One side of tests/test_concurrent_open.py, run as its own process.

``open DIR SECONDS``: open the store the way every ``nilai`` command does (``open_store_for``:
damage check, migration check, integrity and schema checks), close it, wait 50 ms, again.
``write DIR N``: N write transactions (the store's write lock, one setting changed), then print
``seconds=…`` for the whole run. ``ENCRYPTED=1``: the data directory is an encrypted one (its data
key given directly, as after the passphrase).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from app.cli.common import open_store_for
from app.store import cipher, settings

WAIT_BETWEEN_OPENS = 0.05


def main() -> None:
    role, data_dir, amount = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    if os.environ.get("ENCRYPTED"):
        cipher.unlock(data_dir, b"k" * 32)
    args = argparse.Namespace(data_dir=str(data_dir), database_url=None)
    if role == "open":
        opens, until = 0, time.monotonic() + float(amount)
        while time.monotonic() < until:
            open_store_for(args).close()
            opens += 1
            time.sleep(WAIT_BETWEEN_OPENS)
        print(f"opens={opens}")
        return
    store = open_store_for(args)
    start = time.monotonic()
    for i in range(int(amount)):
        with store.transaction(write=True) as session:
            settings.put(session, "concurrent_open_probe", str(i))
    print(f"seconds={time.monotonic() - start:.3f}")
    store.close()


if __name__ == "__main__":
    main()
