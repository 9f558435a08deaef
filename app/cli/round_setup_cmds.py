"""nilai round create | candidates add|import|list | assessors add|import|list: preparing a round."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.base.ids import short_id
from app.cli.common import UserError, add_json, emit, open_store_for

if TYPE_CHECKING:
    from app.rounds.setup import AssessorInfo, ResolvedLine
    from app.store import Store

STATUSES = ("invited", "interview", "assessed", "shortlisted", "selected")  # as app.rounds.setup.STATUSES


def register_setup_actions(round_subparsers: argparse._SubParsersAction) -> None:
    """`nilai round create|candidates|assessors`, added to the `round` command of app.cli.round_cmds."""
    p = round_subparsers.add_parser("create", help="coordinator: a new round with no candidates yet",
                                    description="A new round: its name, instrument, programme, stage, dates and "
                                    "shortlist sizes. Candidates and assessors are added next.")
    p.add_argument("--name", required=True, help="the round's name, e.g. 'Gerakan Menuju 100 Smart City 2019'")
    p.add_argument("--instrument", required=True, metavar="ID",
                   help="instrument id (id@version, or a hash prefix): built in or stored (nilai instruments list)")
    p.add_argument("--programme", default="Gerakan Menuju 100 Smart City", help="the programme (default: %(default)s)")
    p.add_argument("--stage", default="", help="the stage, e.g. Wawancara")
    p.add_argument("--dates", metavar="FIRST..LAST", help="interview days, e.g. 2018-03-05..2018-03-07 (or one day)")
    p.add_argument("--shortlist", default="75,50", metavar="N,M", help="shortlist sizes (default: %(default)s)")
    add_json(p)
    p.set_defaults(handler=round_create)

    candidates = round_subparsers.add_parser("candidates", help="candidate regions of a round: add, import, list")
    sub = candidates.add_subparsers(dest="candidates_command", metavar="ACTION", required=True)
    p = sub.add_parser("add", help="add regions by BPS code or name (all or none)",
                       description="Each argument is one regency or city: a BPS code (3273 or 32.73) or a name "
                       "(\"Kota Bandung\", \"Kab. Bandung\"). An ambiguous name (Banjar, Bandung) or an unknown one "
                       "is reported and nothing is added.")
    p.add_argument("regions", nargs="+", metavar="CODE|NAME")
    _round_and_status(p)
    p.set_defaults(handler=candidates_add)
    p = sub.add_parser("import", help="add the regions of a spreadsheet column (XLSX or CSV; all or none)",
                       description="The first row is the header; the first column is read unless --column names "
                       "another. Every value is a BPS code or a regency/city name.")
    p.add_argument("file", type=Path)
    p.add_argument("--column", help="the header of the column holding the regions (default: the first column)")
    _round_and_status(p)
    p.set_defaults(handler=candidates_import)
    p = sub.add_parser("list", help="the round's candidates with their status")
    p.add_argument("--round", dest="round_ref", help="round id or name (default: the only round)")
    add_json(p)
    p.set_defaults(handler=candidates_list)

    assessors = round_subparsers.add_parser("assessors", help="assessors of a round: add, import, list")
    sub = assessors.add_subparsers(dest="assessors_command", metavar="ACTION", required=True)
    p = sub.add_parser("add", help="an assessor joins the round (found by NIP if known)",
                       description="Where the assessor comes from (province, regency/city) and declared conflicts "
                       "keep them off those candidates when the schedule is made.")
    p.add_argument("--name", required=True)
    p.add_argument("--nip", default="", help="civil-servant number (digits)")
    p.add_argument("--org", default="", help="organisation")
    p.add_argument("--role", default="", help="academic, government, practitioner, or any text")
    p.add_argument("--province", help="home province: name or two-digit code")
    p.add_argument("--region", help="home regency/city: name or BPS code")
    p.add_argument("--conflict", nargs="+", default=[], metavar="CODE|NAME",
                   help="regions the assessor declared a conflict of interest with")
    p.add_argument("--round", dest="round_ref", help="round id or name (default: the only round)")
    add_json(p)
    p.set_defaults(handler=assessors_add)
    p = sub.add_parser("import", help="assessors from a spreadsheet (XLSX or CSV; all rows or none)",
                       description="Columns: name, nip, organisation, role, province (name or code), region "
                       "(optional), conflicts (codes or names separated by ';'). See resources/templates/assessors.xlsx.")
    p.add_argument("file", type=Path)
    p.add_argument("--round", dest="round_ref", help="round id or name (default: the only round)")
    add_json(p)
    p.set_defaults(handler=assessors_import)
    p = sub.add_parser("list", help="the round's assessors, where they come from and their conflicts")
    p.add_argument("--round", dest="round_ref", help="round id or name (default: the only round)")
    add_json(p)
    p.set_defaults(handler=assessors_list)


def _round_and_status(p: argparse.ArgumentParser) -> None:
    p.add_argument("--round", dest="round_ref", help="round id or name (default: the only round)")
    p.add_argument("--status", default="invited", choices=STATUSES,
                   help="status of the added candidates (default: invited; interview = to be interviewed)")
    add_json(p)


def _dates(text: str | None) -> tuple[date | None, date | None]:
    if not text:
        return None, None
    first, _, last = text.partition("..")
    try:
        return date.fromisoformat(first.strip()), date.fromisoformat((last or first).strip())
    except ValueError:
        raise UserError(f"--dates {text!r} is not FIRST..LAST as YYYY-MM-DD, e.g. 2018-03-05..2018-03-07") from None


def _sizes(text: str) -> tuple[int, ...]:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts or not all(p.isdigit() for p in parts):
        raise UserError(f"--shortlist {text!r} is not a list of whole numbers, e.g. 75,50")
    return tuple(int(p) for p in parts)


def _round_id(store: Store, ref: str | None) -> str:
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.rounds import resolve_round

    with store.transaction() as session:
        return resolve_round(session, ref).id


def round_create(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.rounds.setup import new_round, round_details

    starts_on, ends_on = _dates(args.dates)
    sizes = _sizes(args.shortlist)
    store = open_store_for(args)
    try:
        round_id = new_round(store, name=args.name, instrument_id=args.instrument, programme=args.programme,
                             stage=args.stage, starts_on=starts_on, ends_on=ends_on, shortlist_sizes=sizes)
        details = round_details(store, round_id)
    finally:
        store.close()
    when = f", {details.starts_on}..{details.ends_on}" if details.starts_on else ""
    emit(args, asdict(details), [f"round {short_id(round_id)} created: {details.name} (instrument "
                                 f"{details.instrument_hash[:12]}{when}); next: nilai round candidates add"])
    return 0


def _add_resolved(args: argparse.Namespace, store: Store, resolved: list[tuple[str, ResolvedLine]]) -> int:
    """Adds the regions when every entry resolved; else one line per bad entry on stderr, exit 1."""
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.rounds.setup import add_candidates

    lines = [line for _, line in resolved]
    bad = [(where, line) for where, line in resolved if line.region is None]
    if not lines:
        raise UserError("no regions given; give BPS codes or regency/city names")
    if bad:
        for where, line in bad:
            print(f"nilai: {line.explain(where)}", file=sys.stderr)
        print(f"nilai: {len(bad)} of {len(lines)} entries not resolved; nothing was added", file=sys.stderr)
        return 1
    codes = [line.region.code for line in lines if line.region is not None]
    round_id = _round_id(store, args.round_ref)
    added = add_candidates(store, round_id, codes, args.status)
    emit(args, {"round_id": round_id, "added": added, "given": len(set(codes))},
         [f"{added} candidates added to round {short_id(round_id)}"
          + (f" ({len(set(codes)) - added} already in it)" if len(set(codes)) > added else "")])
    return 0


def candidates_add(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.rounds.setup import resolve_lines

    resolved = [(f"argument {number}", line) for number, arg in enumerate(args.regions, start=1)
                for line in resolve_lines(" ".join(arg.split()))]
    store = open_store_for(args)
    try:
        return _add_resolved(args, store, resolved)
    finally:
        store.close()


def candidates_import(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel, openpyxl (loaded only when this command runs)
    from app.rounds.setup import resolve_file

    resolved = resolve_file(args.file, args.column)
    store = open_store_for(args)
    try:
        return _add_resolved(args, store, [(f"{args.file.name}, {where}", line) for where, line in resolved])
    finally:
        store.close()


def candidates_list(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.rounds.setup import round_candidates

    store = open_store_for(args)
    try:
        candidates = round_candidates(store, _round_id(store, args.round_ref))
    finally:
        store.close()
    emit(args, [asdict(c) for c in candidates],
         [f"{c.region.code}  {c.region.name} ({c.region.province_name})  {c.status}" for c in candidates]
         or ["no candidates yet (try: nilai round candidates add CODE|NAME...)"])
    return 0


def _one_region(text: str, province_code: str | None, what: str) -> str:
    # deferred: loaded only when this command runs
    from app.rounds.setup.names import describe, find_region

    found = find_region(text, province_code)
    if found.region is not None:
        return found.region.code
    if found.choices:
        options = " or ".join(describe(r) for r in found.choices)
        raise UserError(f"{what} {text!r} is ambiguous: {options}; give the BPS code")
    raise UserError(f"{what} {found.problem}")


def assessors_add(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.rounds.setup import add_assessor, round_assessors
    from app.rounds.setup.names import find_province, near_provinces

    province = None
    if args.province:
        province = find_province(args.province)
        if province is None:
            near = near_provinces(args.province)
            raise UserError(f"--province {args.province!r} is not a province"
                            + (f" (did you mean {near[0]}?)" if near else "; give its name or two-digit code"))
    region = _one_region(args.region, province, "--region") if args.region else None
    conflicts = {_one_region(text, None, "--conflict"): "declared" for text in args.conflict}
    store = open_store_for(args)
    try:
        round_id = _round_id(store, args.round_ref)
        assessor_id = add_assessor(store, round_id, name=args.name, nip=args.nip, organisation=args.org,
                                   role=args.role, province_code=province, region_code=region, conflicts=conflicts)
        info = next(a for a in round_assessors(store, round_id) if a.id == assessor_id)
    finally:
        store.close()
    emit(args, asdict(info), [f"{info.name} is an assessor of round {short_id(round_id)} ({_origin(info)})"])
    return 0


def _origin(info: AssessorInfo) -> str:
    # deferred: loaded only when this command runs
    from app import regions
    from app.rounds.setup.names import province_name

    if info.region_code:
        home = regions.region(info.region_code)
        where = f"from {home.name}, {home.province_name}"
    elif info.province_code:
        where = f"from {province_name(info.province_code)}"
    else:
        where = "origin not given"
    if info.conflicts:
        where += f"; conflicts: {', '.join(info.conflicts)}"
    return where


def assessors_import(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel, openpyxl (loaded only when this command runs)
    from app.rounds.setup import import_assessors

    store = open_store_for(args)
    try:
        round_id = _round_id(store, args.round_ref)
        count = import_assessors(store, round_id, args.file)
    finally:
        store.close()
    emit(args, {"round_id": round_id, "assessors": count}, [f"{count} assessors imported into round {short_id(round_id)}"])
    return 0


def assessors_list(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.rounds.setup import round_assessors

    store = open_store_for(args)
    try:
        assessors = round_assessors(store, _round_id(store, args.round_ref))
    finally:
        store.close()
    emit(args, [asdict(a) for a in assessors],
         [f"{a.name}  {a.nip or '-'}  {a.organisation or '-'}  {a.role or '-'}  ({_origin(a)})" for a in assessors]
         or ["no assessors yet (try: nilai round assessors add --name N)"])
    return 0
