"""nilai round calibration add|list|remove: a round's calibration cases (fictional regions every assessor scores first)."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from app.base.ids import short_id
from app.cli.common import UserError, add_json, emit, open_store_for


def register_calibration_actions(round_subparsers: argparse._SubParsersAction) -> None:
    calibration = round_subparsers.add_parser(
        "calibration", help="calibration cases of a round: add, list, remove",
        description="A calibration case is a fictional region (code K001..K999) with a recorded or mock interview "
        "that every assessor scores before the real interviews; it is never ranked.")
    sub = calibration.add_subparsers(dest="calibration_command", metavar="ACTION", required=True)
    p = sub.add_parser("add", help="a new calibration case in the round")
    p.add_argument("--name", required=True, help="the fictional region's name, e.g. 'Kota Contoh'")
    p.add_argument("--province", help="a province (name or two-digit code) for the story; default: none")
    p.add_argument("--round", dest="round_ref", help="round id or name (default: the only round)")
    add_json(p)
    p.set_defaults(handler=calibration_add)
    p = sub.add_parser("list", help="the round's calibration cases")
    p.add_argument("--round", dest="round_ref", help="round id or name (default: the only round)")
    add_json(p)
    p.set_defaults(handler=calibration_list)
    p = sub.add_parser("remove", help="take a calibration case out of the round (refused once it has scores, "
                                      "unless --force)")
    p.add_argument("code", help="the case's code, e.g. K001 (see: nilai round calibration list)")
    p.add_argument("--force", action="store_true", help="remove it even though assessors scored it: their "
                                                        "assessments stay in the store but no longer count")
    p.add_argument("--round", dest="round_ref", help="round id or name (default: the only round)")
    add_json(p)
    p.set_defaults(handler=calibration_remove)


def _round_id(store: object, ref: str | None) -> str:
    from app.cli.round_setup_cmds import _round_id as resolve  # deferred: keeps this module's import light

    return resolve(store, ref)  # type: ignore[arg-type]


def calibration_add(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.rounds.setup import add_calibration_case
    from app.rounds.setup.names import find_province

    province = None
    if args.province:
        province = find_province(args.province)
        if province is None:
            raise UserError(f"--province {args.province!r} is not a province; give its name or two-digit code")
    store = open_store_for(args)
    try:
        round_id = _round_id(store, args.round_ref)
        region = add_calibration_case(store, round_id, args.name, province)
    finally:
        store.close()
    emit(args, asdict(region), [f"calibration case {region.code} {region.name} added to round {short_id(round_id)}; "
                                "it goes to the assessors with the next round package"])
    return 0


def calibration_list(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.rounds.setup import calibration_cases

    store = open_store_for(args)
    try:
        cases = calibration_cases(store, _round_id(store, args.round_ref))
    finally:
        store.close()
    emit(args, [asdict(c) for c in cases], [f"{c.code}  {c.name} ({c.province_name})" for c in cases]
         or ["no calibration cases yet (try: nilai round calibration add --name \"Kota Contoh\")"])
    return 0


def calibration_remove(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.rounds.setup import remove_calibration_case

    store = open_store_for(args)
    try:
        round_id = _round_id(store, args.round_ref)
        region = remove_calibration_case(store, round_id, args.code, force=args.force)
    finally:
        store.close()
    emit(args, asdict(region), [f"calibration case {region.code} {region.name} removed from round {short_id(round_id)}"
                                + ("; its assessments stay in the store and no longer count" if args.force else "")])
    return 0
