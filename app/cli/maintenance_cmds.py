"""nilai backup | restore FILE | check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.base.paths import DATABASE_FILE, resolve_data_dir
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
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.store.backup import take_backup

    if args.list:
        return _list_backups(args)
    store = open_store_for(args)  # a damaged store is refused: its copy would push a sound one out
    try:
        path = take_backup(store, "manual")
    finally:
        store.close()
    if path is None:
        emit(args, {"path": None}, ["nothing to back up: this store is not a SQLite file (back up the server instead)"])
        return 1
    emit(args, {"path": str(path)}, [f"backup written: {path}"])
    return 0


def _list_backups(args: argparse.Namespace) -> int:
    """The backups of the data directory, without opening the store: most needed when it is damaged."""
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.store import damage
    from app.store.backup import list_backups

    data_dir = resolve_data_dir(args.data_dir)
    items = list_backups(data_dir)
    sound = damage.newest_sound_backup(data_dir)
    if not args.database_url:
        problem = damage.diagnose(data_dir / DATABASE_FILE)
        if problem:
            print(f"nilai: the Nilai database ({data_dir / DATABASE_FILE}) is damaged ({problem}). "
                  f"{damage.way_out(data_dir, sound)}", file=sys.stderr)
    lines = [f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.reason:28} {b.size:>10}  {b.path}" for b in items] or ["no backups yet"]
    if sound is not None:
        lines.append(f"newest sound backup: {sound.path}")
    emit(args, [{"path": str(b.path), "taken_at": b.taken_at.isoformat(), "reason": b.reason, "size": b.size,
                 "newest_sound": sound is not None and b.path == sound.path} for b in items], lines)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.store.backup import restore

    data_dir = resolve_data_dir(args.data_dir)
    aside = restore(data_dir, args.file)  # never opens the current store: it may be damaged
    store = open_store_for(args)  # runs migrations if the backup came from an older Nilai
    store.close()
    emit(args, {"restored": str(args.file), "previous_set_aside": str(aside) if aside else None},
         [f"restored {args.file}"] + ([f"the database it replaced was kept as {aside}"] if aside else []))
    return 0


def run_check(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.store import CorruptStore, open_store
    from app.store.integrity import Finding, Report, check

    try:
        store = open_store(args.data_dir, args.database_url)  # the check itself looks inside
    except CorruptStore as exc:  # the report names the damage and the way out, like any other finding
        report = Report((Finding("database", exc.reason or str(exc)),), {},
                        f"Restore the newest sound backup: nilai restore {exc.backup}" if exc.backup else str(exc))
    else:
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
