"""nilai round schedule generate|check: the schedule generator and checker (app/rounds/planning)."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from app.base.ids import short_id
from app.cli.common import UserError, add_json, emit, open_store_for


def register(round_actions: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """Adds `schedule` to `nilai round`; returns its actions so other schedule commands can join them."""
    schedule = round_actions.add_parser("schedule", help="the round's interview schedule: generate, check, export, import")
    actions = schedule.add_subparsers(dest="schedule_command", metavar="ACTION", required=True)
    p = actions.add_parser("generate", help="fill the round's slots from its candidates, assessors and schedule layout "
                                            "(full panels, no conflicts, even load, linked panels) and save them")
    p.add_argument("--round", dest="round_ref", help="round id, id prefix or name (default: the only round)")
    p.add_argument("--seed", type=int, default=0, help="another seed gives another plan of the same quality")
    p.add_argument("--dry-run", action="store_true", help="print the plan's summary without saving it")
    add_json(p)
    p.set_defaults(handler=schedule_generate)
    p = actions.add_parser("check", help="name every problem of the round's schedule, one line each "
                                         "(exit status 1 when there is any)")
    p.add_argument("--round", dest="round_ref", help="round id, id prefix or name (default: the only round)")
    add_json(p)
    p.set_defaults(handler=schedule_check)
    return actions


def _round(store, ref: str | None):
    # deferred: sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.rounds import resolve_round

    with store.transaction() as session:
        round_ = resolve_round(session, ref)
        return round_.id, round_.name


def schedule_generate(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.rounds.planning import NoPlan, generate
    from app.rounds.planning.store_io import plan_request, save_plan

    store = open_store_for(args)
    try:
        round_id, name = _round(store, args.round_ref)
        request = plan_request(store, round_id, seed=args.seed)
        try:
            plan = generate(request)
        except NoPlan as no_plan:
            raise UserError(f"no schedule can be made for round {name}; nothing was changed:\n  "
                            + "\n  ".join(no_plan.reasons)) from None
        saved = 0 if args.dry_run else save_plan(store, round_id, plan.slots)
    finally:
        store.close()
    days: dict[str, list[str]] = {}
    for load in plan.loads:
        days.setdefault(str(load.day), []).append(f"{load.panel} ({load.room}) {load.candidates}/{load.capacity}")
    lines = [f"round {short_id(round_id)} {name}: {len(request.candidates)} candidates, {len(request.assessors)} assessors, "
             f"{request.panels} panels of {request.panel_size} over {len(request.days)} days (linking {request.linking}, "
             f"seed {args.seed})"]
    lines += [f"  {day}  " + "   ".join(loads) for day, loads in days.items()]
    lines += [f"  {note}" for note in plan.notes]
    lines.append("dry run: nothing was saved" if args.dry_run else f"{saved} slots saved (the round's earlier slots "
                 "and panels were replaced)")
    data = {"round_id": round_id, "saved": saved, "linkage": plan.linkage, "islands": plan.islands,
            "notes": list(plan.notes), "loads": [asdict(load) for load in plan.loads]}
    emit(args, data, lines)
    return 0


def schedule_check(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.rounds.planning.conflicts import region_label
    from app.rounds.planning.store_io import check_round, round_slots

    store = open_store_for(args)
    try:
        round_id, name = _round(store, args.round_ref)
        slots = round_slots(store, round_id)
        problems = check_round(store, round_id)
    finally:
        store.close()

    def where(index: int | None) -> str:
        if index is None:
            return ""
        slot = slots[index]
        return f"{slot.day} {slot.start:%H:%M} {slot.panel} ({slot.room}) {region_label(slot.region_code)}: "

    lines = [f"{where(p.slot)}{p.message}" for p in problems] or [
        f"round {short_id(round_id)} {name}: {len(slots)} slots, no problems"]
    data = [{"slot_id": slots[p.slot].slot_id if p.slot is not None else None, "kind": p.kind, "message": p.message}
            for p in problems]
    emit(args, data, lines)
    return 1 if problems else 0
