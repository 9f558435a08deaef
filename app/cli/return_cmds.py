"""nilai round return: the coordinator returns an assessment to its assessor for revision, lists the
returns with their state, or withdraws one. The assessor gets it at their next `nilai sync`, or
through the next round package."""

from __future__ import annotations

import argparse

from app.base.ids import short_id
from app.cli.common import UserError, add_json, emit, open_store_for


def register_return_actions(round_subparsers: argparse._SubParsersAction) -> None:
    p = round_subparsers.add_parser(
        "return", help="coordinator: return an assessment to its assessor for revision, with a comment (or --list, "
        "--cancel)", description="Returns the assessor's current version of the region's assessment with your comment. "
        "The assessor sees it at their next `nilai sync` (or in the next round package), reopens it with your comment "
        "as the reason, finalizes and signs it again; the return is answered when that version arrives here.")
    p.add_argument("--round", dest="round_ref", help="round id or name (default: the only round)")
    p.add_argument("--region", help="the region's BPS code (with --assessor and --comment)")
    p.add_argument("--assessor", help="the assessor's NIP (or assessor id)")
    p.add_argument("--comment", help="what to revise; it becomes the reason of the assessor's new version")
    p.add_argument("--actor", help="who returns it, e.g. 'Name <NIP>' (default: this data directory's profile)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--list", action="store_true", help="list the round's returns and their state "
                      "(open, answered, cancelled); --region narrows it")
    mode.add_argument("--cancel", metavar="ID", help="withdraw an open return (its id, or the first 8 characters)")
    add_json(p)
    p.set_defaults(handler=round_return)


def round_return(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.assessments.returns import ReturnError, cancel_return, list_returns, return_assessment

    if not args.list and not args.cancel and not (args.region and args.assessor and args.comment is not None):
        raise UserError("give --region CODE --assessor NIP --comment TEXT to return an assessment, "
                        "or --list, or --cancel ID")
    store = open_store_for(args)
    try:
        try:
            if args.list:
                infos = list_returns(store, args.round_ref, region_code=args.region)
                emit(args, [_json(i) for i in infos], [i.line() for i in infos] or ["no returns for revision yet"])
                return 0
            actor = _actor(args, store)
            if args.cancel:
                info = cancel_return(store, args.cancel, actor)
                emit(args, _json(info), [f"return {short_id(info.id)} withdrawn: {info.region_code} of "
                                         f"{info.assessor_name} is no longer returned for revision"])
                return 0
            info = return_assessment(store, args.round_ref, args.region, args.assessor, args.comment, actor)
        except ReturnError as exc:
            raise UserError(str(exc)) from exc
    finally:
        store.close()
    emit(args, _json(info), [f"return {short_id(info.id)}: {info.region_code} returned to {info.assessor_name} for revision; "
                             "they get it at their next sync, or in the next round package (nilai round export)"])
    return 0


def _json(info) -> dict:
    return info.to_json() | {"assessor_name": info.assessor_name, "assessor_nip": info.assessor_nip,
                             "state": info.state, "answered_by": info.answered_by}


def _actor(args: argparse.Namespace, store) -> str:
    # deferred: sqlalchemy, sqlmodel, cryptography (loaded only when this command runs)
    from app.identity import IdentityError, has_identity, load_identity
    from app.store import settings

    if args.actor and args.actor.strip():
        return args.actor.strip()
    if has_identity(store.data_dir):
        try:
            info = load_identity(store.data_dir)
        except (IdentityError, OSError, ValueError):
            info = None
        if info is not None and info.name:
            return f"{info.name} <{info.nip}>" if info.nip else info.name
    profile = settings.profile(store)
    if profile is None:
        raise UserError("who is returning it? give --actor 'Name <NIP>' (this data directory has no profile)")
    return f"{profile.name} <{profile.nip}>" if profile.nip else profile.name
