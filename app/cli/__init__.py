"""The `nilai` command line (contract: shared CLI.md). Without a command it starts the desktop program.

Every command exits 0 on success and non-zero with a message on stderr whose first line names
the problem; `--json` prints data as JSON where a command outputs data.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence

from app import __version__

# Global options that take a value, and global flags: with nothing else on the command line the
# desktop program starts without the command-line parser being built.
GLOBAL_OPTIONS = ("--data-dir", "--database-url", "--lang")
GLOBAL_FLAGS = ("--quit-after-paint", "--quit-at-first-paint", "--quit-when-ready")

# One module per command group, in the order `nilai --help` lists them.
COMMAND_MODULES = ("catalogue_cmds", "round_cmds", "identity_cmds", "sheet_cmds", "bundle_cmds", "ranking_cmds",
                   "maintenance_cmds", "store_cmds", "serve_cmds", "sync_cmds", "selftest_cmds")


class NilaiParser(argparse.ArgumentParser):
    """No abbreviated options anywhere: `--passphrase SECRET` must never pass for `--passphrase-file`.

    Subcommand parsers are made with the parent's class, so the rule reaches every command.
    """

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)


def _global_parser() -> argparse.ArgumentParser:
    parser = NilaiParser(
        prog="nilai",
        description="Nilai: score regional readiness interviews offline, sign evaluation sheets, "
        "exchange result bundles, consolidate and rank.",
    )
    parser.add_argument("--version", action="version", version=f"nilai {__version__}")
    parser.add_argument("--data-dir", default=os.environ.get("NILAI_DATA_DIR"),
                        help="data directory (default: NILAI_DATA_DIR, else the platform's user data folder)")
    parser.add_argument("--database-url", default=os.environ.get("NILAI_DATABASE_URL"),
                        help="use this database instead of the data directory's SQLite file, "
                        "e.g. postgresql+psycopg://user@host/nilai for a shared coordinator store")
    parser.add_argument("--lang", choices=("id", "en"), help="interface language (default: saved choice, else system locale)")
    # Start-up benchmarks and the selftest: leave once the main window is drawn, once the first window
    # is drawn (before the store is opened), or once the schedule is shown and no work is left.
    parser.add_argument("--quit-after-paint", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quit-at-first-paint", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _global_parser()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        # deferred: the command modules, which the desktop program does not need before its first paint
        importlib.import_module(f"app.cli.{name}").register(commands)
    return parser


def _only_global_options(argv: Sequence[str]) -> bool:
    i = 0
    while i < len(argv):
        name, has_value = argv[i].partition("=")[::2]
        if name in GLOBAL_OPTIONS:
            i += 1 if has_value else 2
        elif argv[i] in GLOBAL_FLAGS:
            i += 1
        else:
            return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # the frozen build renders sheets in worker processes too
        import multiprocessing  # deferred: a no-op from source, and 13 ms before the first paint

        multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    if _only_global_options(argv):
        args = _global_parser().parse_args(argv)
        args.command = None
        return _start_desktop(args)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _start_desktop(args)
    # deferred: the commands' common code, which the desktop program does not need
    from app.cli.common import unlock_when_asked, user_errors

    with user_errors(args) as outcome, _before_store(args), unlock_when_asked(args):
        code = args.handler(args)
        return int(code or 0)
    return outcome.exit_code


def _before_store(args: argparse.Namespace) -> contextlib.AbstractContextManager[object]:
    """What a command starts before the store's libraries load (``before_store`` in its defaults):
    ``sheets export`` starts its render processes (app/cli/sheet_cmds.py)."""
    start = getattr(args, "before_store", None)
    return start(args) if start is not None else contextlib.nullcontext()


def _start_desktop(args: argparse.Namespace) -> int:
    try:
        # deferred: Qt, only for the desktop client (absent from a build without it)
        from app.ui.application import run
    except ImportError as exc:  # a build without the desktop client, or Qt libraries missing
        print(f"nilai: the desktop client cannot start: {exc}. "
              "On Debian/Ubuntu run `make run` (it installs the Qt system libraries), "
              "or use the command line (nilai --help).", file=sys.stderr)
        return 1
    return run(args)


__all__ = ["main", "build_parser"]
