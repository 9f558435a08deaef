"""nilai round schedule export | import: the schedule as XLSX, CSV or a printable PDF.

`register_file_actions` adds both actions to the `round schedule` group, whichever module makes
the group (the generator's `generate` and `check` live beside them).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.base.ids import short_id
from app.cli.common import add_json, emit, open_store_for


def register_file_actions(schedule: argparse._SubParsersAction) -> None:
    p = schedule.add_parser(
        "export", help="write the schedule as XLSX or CSV (the columns import reads) or as a printable PDF",
        description="Write the round's schedule, sorted by day, start and panel. The format follows the file "
        "name: .xlsx (one sheet 'Jadwal', dates as dates) and .csv carry the columns date, start, minutes, "
        "panel, room, region, assessors, so the file can be edited and imported again; .pdf is the printable "
        "schedule, one section per day and a table per panel.")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="FILE.xlsx, FILE.csv or FILE.pdf")
    p.add_argument("--round", dest="round_ref", metavar="R", help="round id, id prefix or name (default: the only round)")
    p.add_argument("--lang", dest="schedule_lang", choices=("id", "en"),
                   help="language of the PDF (default: the interface language given to nilai, else id)")
    add_json(p)
    p.set_defaults(handler=schedule_export)

    p = schedule.add_parser(
        "import", help="add interview slots from an XLSX or CSV schedule (every cell checked; all rows or none)",
        description="Read a schedule (XLSX: every sheet whose first row has the columns; CSV: comma or semicolon "
        "separated) with the columns date, start, minutes, panel, room, region, assessors. Every bad cell is "
        "reported by sheet (or line), row and column, and then nothing is imported.")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--round", dest="round_ref", metavar="R", help="round id, id prefix or name (default: the only round)")
    p.add_argument("--replace", action="store_true",
                   help="put the file in place of the round's schedule (refused once any assessment exists)")
    add_json(p)
    p.set_defaults(handler=schedule_import)


def schedule_export(args: argparse.Namespace) -> int:
    # deferred: reportlab, sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.sheets.schedule_export import export_schedule
    from app.store import settings

    store = open_store_for(args)
    try:
        lang = args.schedule_lang or args.lang or settings.read(store, settings.LANGUAGE) or "id"
        count = export_schedule(store, args.round_ref, args.out, lang)
    finally:
        store.close()
    emit(args, {"out": str(args.out), "slots": count}, [f"{count} interview slots written to {args.out}"])
    return 0


def schedule_import(args: argparse.Namespace) -> int:
    # deferred: openpyxl, sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.rounds.schedule import import_schedule

    store = open_store_for(args)
    try:
        round_id, count = import_schedule(store, args.file, args.round_ref, replace=args.replace)
    finally:
        store.close()
    emit(args, {"round_id": round_id, "slots": count, "replaced": args.replace},
         [f"schedule of round {short_id(round_id)} replaced: {count} interview slots" if args.replace
          else f"{count} interview slots added to round {short_id(round_id)}"])
    return 0
