"""nilai ranking (CSV / XLSX / PDF exports of a round's ranking) and nilai moderation (set, clear, list)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import UserError, add_json, emit, open_store_for, read_passphrase

FORMATS = ("csv", "xlsx", "pdf")
RULES = ("mean", "median", "trimmed_mean", "adjusted")


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "ranking", help="rank a round's regions and export the ranking (CSV, XLSX or PDF report)",
        description="Consolidate the round (panel scores, agreement, moderations), rank the regions and write the "
        "ranking. CSV: FILE plus every assessor's level per indicator in --scores (default FILE-scores.csv beside "
        "it), enough to recompute the ranking independently. XLSX: Ranking, Scores and Method sheets. PDF: a report "
        "with the method, agreement figures, charts and the ranking table with cut-off lines; signed with the "
        "coordinator's key when --passphrase-file (or --sign) is given. The method: docs/ranking-method.md.")
    p.add_argument("--round", dest="round_ref", help="round id, id prefix or name (default: the only round)")
    p.add_argument("--format", choices=FORMATS, help="output format (default: from the --out file's suffix)")
    p.add_argument("--out", required=True, type=Path, help="the file to write (replaced atomically)")
    p.add_argument("--scores", type=Path, help="also write every level to this CSV (default for --format csv: "
                                                "FILE-scores.csv beside FILE)")
    p.add_argument("--rule", choices=RULES, help="aggregation rule for this ranking (default: the round's own, "
                                                 "normally mean); adjusted: each assessor's levels corrected for "
                                                 "their severity (refused when the panels are not linked); the rule "
                                                 "used is recorded in every export")
    p.add_argument("--report-lang", choices=("id", "en"), help="language of the XLSX method sheet and the PDF "
                                                               "(default: --lang, else Bahasa Indonesia)")
    p.add_argument("--sign", action="store_true", help="sign the PDF report with this data directory's identity")
    p.add_argument("--passphrase-file", help="file holding the identity's passphrase (implies --sign)")
    add_json(p)
    p.set_defaults(handler=ranking)

    mod = commands.add_parser("moderation", help="coordinator's moderated levels: set, clear, list (all logged)")
    sub = mod.add_subparsers(dest="moderation_command", metavar="ACTION", required=True)
    s = sub.add_parser("set", help="set the level in force for one indicator of one region (reason required)")
    s.add_argument("region", help="the region's BPS code, e.g. 3325")
    s.add_argument("indicator", help="indicator code, e.g. STR-1")
    s.add_argument("level", type=int)
    s.add_argument("--reason", required=True, help="why (kept in the change log with who and when)")
    _common_moderation(s)
    s.set_defaults(handler=moderation_set)
    c = sub.add_parser("clear", help="remove a moderation: the panel's combined level is in force again")
    c.add_argument("region")
    c.add_argument("indicator")
    c.add_argument("--reason", required=True, help="why (kept in the change log with who and when)")
    _common_moderation(c)
    c.set_defaults(handler=moderation_clear)
    ls = sub.add_parser("list", help="the moderations in force (--history: every set and clear, as logged)")
    ls.add_argument("--round", dest="round_ref", help="round id, id prefix or name (default: the only round)")
    ls.add_argument("--history", action="store_true", help="show the moderation log instead")
    add_json(ls)
    ls.set_defaults(handler=moderation_list)


def _common_moderation(p: argparse.ArgumentParser) -> None:
    p.add_argument("--round", dest="round_ref", help="round id, id prefix or name (default: the only round)")
    p.add_argument("--actor", help="who moderates, e.g. 'Name <NIP>' (default: this data directory's profile)")
    add_json(p)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    suffix = args.out.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise UserError("say which format to write with --format csv|xlsx|pdf (the --out file has no such suffix)")


def _check_target(path: Path) -> None:
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name with --out/--scores")
    if not path.parent.exists():
        raise UserError(f"the folder {path.parent} does not exist; create it or choose another --out/--scores")


def _signer(args: argparse.Namespace, store):
    """pdf bytes -> signed pdf bytes, with the identity unlocked once; None when not asked to sign."""
    if not (args.sign or args.passphrase_file):
        return None
    # deferred: cryptography, pyhanko (loaded only when this command runs)
    from app import identity
    from app.consolidation.export import SIGN_REASON
    from app.sheets import signing

    info = identity.load_identity(store.data_dir)
    passphrase = read_passphrase(args, prompt=f"Passphrase for {info.name}'s key: ")
    unlocked = identity.unlock(store.data_dir, passphrase)

    def sign(pdf: bytes) -> bytes:
        try:
            return signing.sign_pdf(pdf, unlocked, reason=SIGN_REASON, location="")
        except signing.SignPdfError as exc:
            raise UserError(str(exc)) from exc

    return sign


def ranking(args: argparse.Namespace) -> int:
    # deferred: krippendorff, numpy, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.consolidation import ConsolidationError, RuleError, consolidate
    from app.consolidation.exports_csv import scores_path_for, write_ranking_csv, write_scores_csv
    from app.store import settings

    fmt = _format(args)
    out: Path = args.out
    scores = args.scores or (scores_path_for(out) if fmt == "csv" else None)
    for target in (out, scores):
        if target is not None:
            _check_target(target)
    if scores is not None and scores.resolve() == out.resolve():
        raise UserError("--scores must be another file than --out")
    store = open_store_for(args)
    try:
        lang = args.report_lang or args.lang or settings.read(store, settings.LANGUAGE) or "id"
        sign = _signer(args, store) if fmt == "pdf" else None
        if fmt != "pdf" and (args.sign or args.passphrase_file):
            raise UserError("only the PDF report is signed; use --format pdf with --sign/--passphrase-file")
        try:
            result = consolidate(store, args.round_ref, rule=args.rule)
        except (ConsolidationError, RuleError) as exc:
            raise UserError(str(exc)) from exc
    finally:
        store.close()
    if fmt == "csv":
        write_ranking_csv(result, out)
    elif fmt == "xlsx":
        # deferred: krippendorff, numpy, openpyxl, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
        from app.consolidation.exports_xlsx import write_ranking_xlsx

        write_ranking_xlsx(result, out, lang=lang)
    else:
        # deferred: krippendorff, numpy, reportlab, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
        from app.consolidation.report_pdf import write_report

        write_report(result, out, lang=lang, sign=sign)
    if scores is not None:
        write_scores_csv(result, scores)
    ranked = [r for r in result.ranking if r.rank is not None]
    data = {
        "round_id": result.round.id, "round_name": result.round.name, "rule": result.rule.value,
        "tie_breakers": list(result.tie_breakers), "format": fmt, "out": str(out),
        "scores": str(scores) if scores else None, "signed": sign is not None, "regions": len(result.ranking),
        "ranked": len(ranked),
        "shortlists": [{"size": c.size, "selected": list(c.selected), "tied": list(c.tied),
                        "open_places": c.open_places} for c in result.cuts],
        "alpha": result.agreement.round.alpha, "icc_1_1": result.agreement.icc.value,
        "ac1": result.agreement.round.ac1, "ac2": result.agreement.round.ac2,
        "severity": None if result.severity is None else [
            {"assessor_id": a.assessor_id, "name": result.data.assessors[a.assessor_id].name, "severity": a.severity,
             "se": a.se, "severity_levels": a.severity_levels, "mean_square": a.mean_square,
             "indicator_spread": a.indicator_spread, "flag": a.flag} for a in result.severity.assessors],
    }
    lines = [f"{len(ranked)} of {len(result.ranking)} regions of {result.round.name} ranked (rule: {result.rule.value}); "
             f"{fmt.upper()} written to {out}" + (" and signed" if sign else "")]
    if scores is not None:
        lines.append(f"every level written to {scores}")
    if result.severity is not None:
        ordered = sorted(result.severity.assessors, key=lambda a: a.severity)
        lines.append("assessor severity (levels; + scores lower than average): " + ", ".join(
            f"{result.data.assessors[a.assessor_id].name} {a.severity_levels:+.2f}" + (f" [{a.flag}]" if a.flag else "")
            for a in ordered))
    for cut in result.cuts:
        if cut.straddled:
            lines.append(f"shortlist {cut.size}: TIE across the cut-off: {', '.join(cut.tied)} share "
                         f"{cut.open_places} place(s) - the coordinator decides")
        else:
            lines.append(f"shortlist {cut.size}: {len(cut.selected)} regions")
    emit(args, data, lines)
    return 0


def _actor(args: argparse.Namespace, store) -> str:
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.store import settings

    if args.actor and args.actor.strip():
        return args.actor.strip()
    profile = settings.profile(store)
    if profile is None:
        raise UserError("who is moderating? give --actor 'Name <NIP>' (this data directory has no profile)")
    return f"{profile.name} <{profile.nip}>" if profile.nip else profile.name


def _round_id(store, ref: str | None) -> str:
    # deferred: sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.rounds import resolve_round

    with store.transaction() as session:
        return resolve_round(session, ref).id


def moderation_set(args: argparse.Namespace) -> int:
    # deferred: krippendorff, numpy, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.consolidation import ModerationError, set_moderation

    store = open_store_for(args)
    try:
        round_id = _round_id(store, args.round_ref)
        try:
            info = set_moderation(store, round_id, args.region, args.indicator, args.level, args.reason,
                                  _actor(args, store))
        except ModerationError as exc:
            raise UserError(str(exc)) from exc
    finally:
        store.close()
    emit(args, info.__dict__, [f"{info.region_code} {info.indicator_code}: moderated level {info.level} "
                               f"(by {info.actor} at {info.at}: {info.reason})"])
    return 0


def moderation_clear(args: argparse.Namespace) -> int:
    # deferred: krippendorff, numpy, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.consolidation import ModerationError, clear_moderation

    store = open_store_for(args)
    try:
        round_id = _round_id(store, args.round_ref)
        try:
            cleared = clear_moderation(store, round_id, args.region, args.indicator, args.reason, _actor(args, store))
        except ModerationError as exc:
            raise UserError(str(exc)) from exc
    finally:
        store.close()
    if not cleared:
        raise UserError(f"{args.region} {args.indicator} has no moderation to clear")
    emit(args, {"cleared": True, "region": args.region, "indicator": args.indicator},
         [f"{args.region} {args.indicator}: moderation cleared; the panel's combined level is in force again"])
    return 0


def moderation_list(args: argparse.Namespace) -> int:
    # deferred: krippendorff, numpy, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.consolidation import list_moderations, moderation_history

    store = open_store_for(args)
    try:
        round_id = _round_id(store, args.round_ref)
        history = moderation_history(store, round_id) if args.history else []
        current = [] if args.history else list_moderations(store, round_id)
    finally:
        store.close()
    if args.history:
        lines = [f"{e.at}  {e.region_code} {e.indicator_code}: {e.old_level if e.old_level is not None else '-'} -> "
                 f"{e.new_level if e.new_level is not None else '-'}  by {e.actor}: {e.reason}" for e in history]
    else:
        lines = [f"{m.region_code} {m.indicator_code}: level {m.level}  by {m.actor} at {m.at}: {m.reason}"
                 for m in current]
    emit(args, [item.__dict__ for item in [*history, *current]], lines or ["no moderations"])  # one is empty
    return 0
