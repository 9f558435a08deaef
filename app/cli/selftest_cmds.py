"""nilai selftest: exercise every part headless (store, instruments, demo, identity, sheet, bundle)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app.cli.common import UserError


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "selftest", help="exercise every part headless in a temporary data directory, then exit",
        description="Run the store (with migrations), the instruments, a tiny demo round, a new identity, "
        "a signed and verified evaluation sheet and a bundle export and import, one line per step with "
        "its time. Exits 0 only if every step passed. Nothing is written outside a temporary directory "
        "unless --data-dir names an empty or new one.")
    p.add_argument("--data-dir", dest="selftest_dir", type=Path, metavar="DIR",
                   help="run in DIR (must be empty or new) instead of a temporary directory, and keep it")
    p.add_argument("--gui", action="store_true",
                   help="also start the desktop window once, offscreen unless QT_QPA_PLATFORM says otherwise, "
                   "and quit after its first paint")
    p.set_defaults(handler=run_selftest)


def _explicit_data_dir(args: argparse.Namespace) -> str | Path | None:
    # The global --data-dir counts only when typed: NILAI_DATA_DIR names the user's real data.
    if args.selftest_dir:
        return args.selftest_dir
    if args.data_dir and args.data_dir != os.environ.get("NILAI_DATA_DIR"):
        return args.data_dir
    return None


def run_selftest(args: argparse.Namespace) -> int:
    # deferred: cryptography, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.selftest import SelftestError, selftest

    try:
        results = selftest(_explicit_data_dir(args), gui=args.gui)
    except SelftestError as exc:
        raise UserError(str(exc)) from exc
    failed = [r for r in results if r.status == "FAIL"]
    if failed:
        print(f"nilai: selftest failed at step {failed[0].name}: {failed[0].detail}", file=sys.stderr)
        return 1
    total = sum(r.seconds for r in results)
    print(f"selftest passed: {len(results)} steps in {total:.1f} s")
    return 0
