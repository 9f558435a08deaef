"""nilai round official-rule [--set RULE --reason TEXT]: the rule a round's shortlist is made with, and its log."""

from __future__ import annotations

import argparse

from app.base.ids import short_id
from app.cli.common import UserError, add_json, emit, open_store_for
from app.cli.ranking_cmds import RULES


def register_official_rule_action(round_subparsers: argparse._SubParsersAction) -> None:
    p = round_subparsers.add_parser(
        "official-rule", help="show the round's official aggregation rule and its change log; --set changes it",
        description="The official rule is the one the round's shortlist is made with: `nilai ranking` uses it "
        "without --rule, the desktop exports only with it, and every export names it. Each change is written "
        "with who, when and why to the round's hash-chained change log. 'adjusted' is refused for a round whose "
        "panels are not linked.")
    p.add_argument("--round", dest="round_ref", help="round id, id prefix or name (default: the only round)")
    p.add_argument("--set", dest="rule", choices=RULES, help="make this rule the official one")
    p.add_argument("--reason", help="why (required with --set; kept in the change log)")
    p.add_argument("--actor", help="who decides, e.g. 'Name <NIP>' (default: this data directory's profile)")
    add_json(p)
    p.set_defaults(handler=official_rule_command)


def official_rule_command(args: argparse.Namespace) -> int:
    # deferred: numpy, sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.cli.ranking_cmds import _actor, _round_id
    from app.consolidation import ConsolidationError
    from app.consolidation.official_rule import official_rule, rule_history, set_official_rule

    if args.rule is None and (args.reason or args.actor):
        raise UserError("--reason and --actor go with --set RULE; without --set the rule is only shown")
    if args.rule is not None and not (args.reason or "").strip():
        raise UserError("say why the official rule changes: --reason TEXT (it is kept in the change log)")
    store = open_store_for(args)
    try:
        round_id = _round_id(store, args.round_ref)
        changed = None
        if args.rule is not None:
            try:
                changed = set_official_rule(store, round_id, args.rule, _actor(args, store), args.reason)
            except ConsolidationError as exc:
                raise UserError(f"{exc}; the official rule was not changed") from exc
        rule = official_rule(store, round_id)
        history = rule_history(store, round_id)
    finally:
        store.close()
    lines = []
    if changed is not None:
        lines.append(f"official rule of round {short_id(round_id)} is now {rule.value}" if changed else
                     f"the official rule of round {short_id(round_id)} already was {rule.value}; nothing was written")
    else:
        lines.append(f"official rule of round {short_id(round_id)}: {rule.value}")
    lines += [f"{e.at}  {e.old} -> {e.new}  by {e.actor}" + (f": {e.reason}" if e.reason else "") for e in history]
    if not history:
        lines.append(f"(never changed: {rule.value} since the round was created)")
    emit(args, {"round_id": round_id, "rule": rule.value, "changed": changed,
                "history": [e.__dict__ for e in history]}, lines)
    return 0
