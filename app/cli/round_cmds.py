"""nilai demo, nilai round list, nilai round schedule, nilai round import-schedule; round setup in
round_setup_cmds."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from app.base.ids import short_id
from app.cli import schedule_cmds
from app.cli.bundle_cmds import register_round_actions
from app.cli.calibration_cmds import register_calibration_actions
from app.cli.common import UserError, add_json, emit, open_store_for, read_passphrase
from app.cli.official_rule_cmds import register_official_rule_action
from app.cli.return_cmds import register_return_actions
from app.cli.round_setup_cmds import register_setup_actions
from app.cli.schedule_file_cmds import register_file_actions


def register(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser("demo", help="build a realistic demo round (2018 shape) in the data directory")
    demo.add_argument("--regions", type=int, default=116, help="candidate regions (default 116, as in 2018)")
    demo.add_argument("--assessors", type=int, default=6, help="simulated assessors, two per panel (default 6)")
    demo.add_argument("--seed", type=int, default=2018, help="random seed; the same seed gives the same round")
    demo.add_argument("--instrument", default="smart-city-readiness-2018", help="instrument id")
    demo.add_argument("--assessor-dirs", type=Path,
                      help="also write one data directory per simulated assessor (own identity, own assessments) under DIR")
    demo.add_argument("--passphrase-file", help="passphrase for the simulated assessors' keys (with --assessor-dirs)")
    add_json(demo)
    demo.set_defaults(handler=run_demo)

    rnd = commands.add_parser("round", help="rounds: create, candidates, assessors, list, the schedule (generate, "
                                            "check, export, import), the round package")
    sub = rnd.add_subparsers(dest="round_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", help="the rounds in the data directory: id prefix, name, dates, size, and origin "
                                     "(created here, from bundle, from round package)")
    add_json(p)
    p.set_defaults(handler=round_list)
    p = sub.add_parser("import-schedule", help="add interview slots from a CSV or XLSX file (all rows or none); "
                                                "the same as 'round schedule import', and can make the first round")
    p.add_argument("file", type=Path)
    p.add_argument("--round", dest="round_ref", help="round id or name (default: the only round; a new one if none)")
    p.add_argument("--name", help="name of the new round when the data directory has none")
    p.add_argument("--instrument", default="smart-city-readiness-2018", help="instrument of a new round")
    add_json(p)
    p.set_defaults(handler=round_import_schedule)
    register_setup_actions(sub)
    register_calibration_actions(sub)
    register_official_rule_action(sub)
    register_round_actions(sub)
    register_return_actions(sub)
    register_file_actions(schedule_cmds.register(sub))


def run_demo(args: argparse.Namespace) -> int:
    # deferred: cryptography, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.rounds import list_rounds
    from app.rounds.demo import build_demo

    if args.regions < 1 or args.assessors < 1:
        raise UserError("--regions and --assessors must be at least 1")
    store = open_store_for(args)
    try:
        if any(r.name.startswith("Gerakan Menuju 100 Smart City 2018") for r in list_rounds(store)):
            raise UserError(f"{store.data_dir} already holds the demo round; use an empty --data-dir for another")
        passphrase = read_passphrase(args) if args.assessor_dirs and (args.passphrase_file or _env_pass()) else None
        result = build_demo(store, regions_count=args.regions, assessors_count=args.assessors, seed=args.seed,
                            assessor_dirs=args.assessor_dirs, passphrase=passphrase, instrument_id=args.instrument)
    finally:
        store.close()
    data = asdict(result) | {"data_dir": str(store.data_dir), "assessor_dirs": [str(p) for p in result.assessor_dirs]}
    lines = [f"demo round {result.round_id} in {store.data_dir}: {result.regions} regions, {result.assessors} assessors, "
             f"{result.slots} interview slots, {result.assessments} assessments"]
    lines += [f"  assessor data directory: {p}" for p in result.assessor_dirs]
    emit(args, data, lines)
    return 0


def _env_pass() -> bool:
    import os

    return bool(os.environ.get("NILAI_PASSPHRASE_FILE"))


ORIGIN_TEXT = {"here": "created here", "bundle": "from bundle", "round package": "from round package"}


def round_list(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.rounds import list_rounds

    store = open_store_for(args)
    try:
        rounds = list_rounds(store)
    finally:
        store.close()
    emit(args, [asdict(r) for r in rounds],
         [f"{short_id(r.id)}  {r.name}  {r.starts_on or '?'}..{r.ends_on or '?'}  {r.candidates} candidates, {r.slots} slots"
          f"  ({ORIGIN_TEXT[r.origin]})" for r in rounds] or ["no rounds yet (try: nilai demo)"])
    return 0


def round_import_schedule(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.instruments import find_instrument
    from app.rounds.schedule import import_schedule

    store = open_store_for(args)
    try:
        round_id, count = import_schedule(store, args.file, args.round_ref, new_round_name=args.name,
                                          instrument=find_instrument(args.instrument))
    finally:
        store.close()
    emit(args, {"round_id": round_id, "slots": count}, [f"{count} interview slots added to round {short_id(round_id)}"])
    return 0
