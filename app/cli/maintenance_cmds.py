"""nilai backup | restore FILE | check."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import add_json, emit, open_store_for


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("backup", help="take a consistent backup of the store now (SQLite only)")
    p.add_argument("--list", action="store_true", help="list the backups instead of taking one")
    add_json(p)
    p.set_defaults(handler=run_backup)
    p = commands.add_parser("restore", help="replace the store with a backup (the current one is set aside first)")
    p.add_argument("file", type=Path)
    add_json(p)
    p.set_defaults(handler=run_restore)
    p = commands.add_parser("check", help="full integrity check: database, foreign keys, change log, evidence, sheets")
    p.add_argument("--quick", action="store_true", help="only the quick start-up check")
    add_json(p)
    p.set_defaults(handler=run_check)


def run_backup(args: argparse.Namespace) -> int:
    from app.store.backup import list_backups, take_backup

    store = open_store_for(args)
    try:
        if args.list:
            items = list_backups(store.data_dir)
            emit(args, [{"path": str(b.path), "taken_at": b.taken_at.isoformat(), "reason": b.reason, "size": b.size}
                        for b in items],
                 [f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.reason:28} {b.size:>10}  {b.path}" for b in items] or ["no backups yet"])
            return 0
        path = take_backup(store, "manual")
    finally:
        store.close()
    if path is None:
        emit(args, {"path": None}, ["nothing to back up: this store is not a SQLite file (back up the server instead)"])
        return 1
    emit(args, {"path": str(path)}, [f"backup written: {path}"])
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from app.base.paths import resolve_data_dir
    from app.store.backup import restore

    data_dir = resolve_data_dir(args.data_dir)
    aside = restore(data_dir, args.file)
    store = open_store_for(args)  # runs migrations if the backup came from an older Nilai
    store.close()
    emit(args, {"restored": str(args.file), "previous_set_aside": str(aside)},
         [f"restored {args.file}", f"the database it replaced was kept as {aside}"])
    return 0


def run_check(args: argparse.Namespace) -> int:
    from app.store.integrity import check

    store = open_store_for(args)
    try:
        report = check(store, full=not args.quick)
    finally:
        store.close()
    lines = ["checked: " + ", ".join(f"{n} {what}" for what, n in report.checked.items())] if report.checked else []
    if report.ok:
        lines.append("ok: no problems found")
    else:
        lines += [f"PROBLEM {f}" for f in report.findings] + [report.way_out]
    emit(args, {"ok": report.ok, "findings": [str(f) for f in report.findings], "checked": report.checked,
                "way_out": report.way_out}, lines)
    return 0 if report.ok else 1
