"""nilai instruments list|show|check|import-xlsx|export-xlsx, nilai regions search."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from app.cli.common import add_json, emit, open_store_for
from app.regions import search


def register(commands: argparse._SubParsersAction) -> None:
    instruments = commands.add_parser("instruments", help="list, show and check assessment instruments")
    sub = instruments.add_subparsers(dest="instruments_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", help="the instruments shipped with Nilai")
    add_json(p)
    p.set_defaults(handler=instruments_list)
    p = sub.add_parser("show", help="one instrument's outline: dimensions, indicators, weights, levels")
    p.add_argument("id", help="instrument id (or a prefix of its content hash)")
    p.add_argument("--levels", action="store_true", help="also print every rubric level's descriptor")
    add_json(p)
    p.set_defaults(handler=instruments_show)
    p = sub.add_parser("check", help="validate an instrument file and report every problem with its location")
    p.add_argument("file")
    add_json(p)
    p.set_defaults(handler=instruments_check)
    p = sub.add_parser("import-xlsx", help="read an instrument from an XLSForm-style workbook and keep it in the "
                       "store; every problem is listed by sheet, row and column, and then nothing is stored")
    p.add_argument("file", help="the workbook (.xlsx): sheets survey, choices and settings")
    add_json(p)
    p.set_defaults(handler=instruments_import_xlsx)
    p = sub.add_parser("export-xlsx", help="write an instrument (shipped or in the store) as an XLSForm-style "
                       "workbook; importing it again gives the same content hash")
    p.add_argument("id", help="instrument id, id@version, or a prefix of its content hash")
    p.add_argument("--out", required=True, metavar="FILE", help="the workbook to write (.xlsx)")
    add_json(p)
    p.set_defaults(handler=instruments_export_xlsx)

    reg = commands.add_parser("regions", help="the 514 regencies and cities (BPS codes)")
    rsub = reg.add_subparsers(dest="regions_command", metavar="ACTION", required=True)
    p = rsub.add_parser("search", help="find regions by partial name or code (e.g. banjar, 3325)")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=20)
    add_json(p)
    p.set_defaults(handler=regions_search)


def _lang(args: argparse.Namespace) -> str:
    return args.lang or "en"


def instruments_list(args: argparse.Namespace) -> int:
    # deferred: yaml (loaded only when this command runs)
    from app.instruments import builtin_instruments

    items = builtin_instruments()
    lang = _lang(args)
    emit(args,
         [{"id": i.id, "version": i.version, "title": i.title.get(lang), "hash": i.content_hash,
           "dimensions": len(i.dimensions), "indicators": len(i.indicators())} for i in items],
         [f"{i.id:32} {i.version:8} {i.content_hash[:12]}  {len(i.indicators()):3} indicators  {i.title.get(lang)}"
          for i in items])
    return 0


def instruments_show(args: argparse.Namespace) -> int:
    # deferred: yaml (loaded only when this command runs)
    from app.instruments import find_instrument, instrument_to_dict

    inst = find_instrument(args.id)
    lang = _lang(args)
    lines = [f"{inst.title.get(lang)} — {inst.id} {inst.version}", f"hash {inst.content_hash}",
             inst.source_note.get(lang), ""]
    for dim in inst.dimensions:
        lines.append(f"{dim.code}  {dim.title.get(lang)}  (weight {dim.weight:g})")
        for ind in dim.indicators:
            flag = "" if ind.required else "  [optional]"
            lines.append(f"  {ind.code:8} {ind.title.get(lang)}  (weight {ind.weight:g}){flag}")
            if args.levels:
                for lv in ind.levels:
                    lines.append(f"      {lv.level}. {lv.descriptor.get(lang)}")
    emit(args, {"content_hash": inst.content_hash, "instrument": instrument_to_dict(inst)}, lines)
    return 0


def instruments_check(args: argparse.Namespace) -> int:
    # deferred: yaml (loaded only when this command runs)
    from app.instruments import InstrumentError, load_instrument

    try:
        inst = load_instrument(args.file)
    except InstrumentError as exc:
        emit(args, {"file": args.file, "valid": False, "problems": exc.problems},
             [f"{args.file}: {len(exc.problems)} problem(s)", *[f"  {p}" for p in exc.problems]])
        return 1
    emit(args, {"file": args.file, "valid": True, "id": inst.id, "version": inst.version, "hash": inst.content_hash},
         [f"{args.file}: valid — {inst.id} {inst.version}, {len(inst.indicators())} indicators, hash {inst.content_hash}"])
    return 0


def instruments_import_xlsx(args: argparse.Namespace) -> int:
    # deferred: openpyxl, pyxform, sqlalchemy (loaded only when this command runs)
    from app.instruments import InstrumentError
    from app.instruments.workbooks import import_instrument_workbook

    store = open_store_for(args)
    try:
        inst, added = import_instrument_workbook(store, args.file)
    except InstrumentError as exc:
        if args.json:
            emit(args, {"file": args.file, "imported": False, "problems": exc.problems}, [])
        else:  # the summary is the one line; the problems follow it, one per line
            print(f"nilai: {args.file}: {len(exc.problems)} problem(s), nothing was imported", file=sys.stderr)
            print("\n".join(f"  {p}" for p in exc.problems), file=sys.stderr)
        return 1
    finally:
        store.close()
    state = "imported" if added else "already in the store"
    emit(args, {"file": args.file, "imported": True, "new": added, "id": inst.id, "version": inst.version,
                "hash": inst.content_hash, "indicators": len(inst.indicators())},
         [f"{state}: {inst.id} {inst.version}, {len(inst.indicators())} indicators, hash {inst.content_hash}"])
    return 0


def instruments_export_xlsx(args: argparse.Namespace) -> int:
    # deferred: openpyxl, pyxform, sqlalchemy (loaded only when this command runs)
    from app.instruments.workbooks import export_instrument_workbook, find_known_instrument

    store = open_store_for(args)
    try:
        inst = find_known_instrument(store, args.id)
    finally:
        store.close()
    export_instrument_workbook(inst, args.out)
    emit(args, {"file": args.out, "id": inst.id, "version": inst.version, "hash": inst.content_hash},
         [f"{args.out}: {inst.id} {inst.version}, hash {inst.content_hash}"])
    return 0


def regions_search(args: argparse.Namespace) -> int:
    hits = search(args.text, limit=args.limit)
    emit(args, [asdict(r) for r in hits],
         [f"{r.code}  {r.name:38} {r.province_name}" for r in hits] or [f"no region matches {args.text!r}"])
    return 0 if hits else 1
