"""nilai sheets export | verify: signed PDF evaluation sheets."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.base.gcpause import loaded_then_frozen
from app.cli.common import UserError, add_json, emit, open_store_for, read_passphrase

if TYPE_CHECKING:
    from app.sheets.render_pool import SheetRenderer

EXIT_INVALID = 1
EXIT_UNTRUSTED = 3


def register(commands: argparse._SubParsersAction) -> None:
    sheets = commands.add_parser("sheets", help="signed PDF evaluation sheets: export, verify")
    sub = sheets.add_subparsers(dest="sheets_command", metavar="ACTION", required=True)

    p = sub.add_parser(
        "export", allow_abbrev=False, help="render and sign every finalized, unsigned assessment of this laptop's assessor",
        description="Render and sign (PAdES) the sheet of every finalized assessment of this laptop's assessor "
        "that is not signed yet, write each to DIR and keep a copy in the data directory; the assessments "
        "become 'signed'. The passphrase is asked once for the whole batch. Progress goes to stderr, the "
        "summary to stdout. If one sheet fails (e.g. the disk is full) the batch stops there: sheets signed "
        "before it stay signed and nothing of the failing one is left behind (exit status 1).")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the signed PDFs (created if missing)")
    p.add_argument("--round", dest="round_ref", metavar="R", help="round id, id prefix or name (default: the only round)")
    p.add_argument("--day", metavar="YYYY-MM-DD", help="only the interviews of this day, YYYY-MM-DD")
    p.add_argument("--lang", dest="sheet_lang", choices=("id", "en"),
                   help="language of the sheets (default: the interface language given to nilai, else id)")
    p.add_argument("--passphrase-file", metavar="F", help="file holding the identity's passphrase (first line)")
    add_json(p)
    p.set_defaults(handler=sheets_export, before_store=_start_rendering)

    p = sub.add_parser(
        "verify", allow_abbrev=False, help="check signed sheets: signer, NIP, fingerprint, time, intact, whole file, trusted",
        description="Check the signature of each sheet. Exit status 0 when every file is intact and its "
        f"signature covers the whole file; {EXIT_INVALID} when any is not (changed, or bytes added after "
        f"signing); {EXIT_UNTRUSTED} when all are valid but --trust was given and a signer is not trusted.")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--trust", action="append", type=Path, metavar="CERT",
                   help="a certificate (PEM or DER) to trust: the assessor's own or a CA's; may be repeated")
    add_json(p)
    p.set_defaults(handler=sheets_verify)


def _progress(done: int, total: int, label: str) -> None:
    print(f"[{done}/{total}] {label}", file=sys.stderr, flush=True)


@dataclass
class _Started:
    """What ``sheets export`` started before the store's libraries loaded."""

    renderer: SheetRenderer | None  # None once the batch has taken it
    loaded: Callable[[], None]  # the command has loaded what it needs: see app.base.gcpause


@contextlib.contextmanager
def _start_rendering(args: argparse.Namespace) -> Iterator[None]:
    """Run by ``main`` before the store's libraries load (it loads them next, for an encrypted store's
    unlock: ~0.45 s of CPU): the render processes start now, so they load ReportLab and render while
    this process loads the store and pyHanko and unlocks the key (app/sheets/batch.py); and no cyclic
    collection while the command loads. Render processes the batch did not take are stopped on leaving."""
    with loaded_then_frozen() as loaded:
        # deferred: multiprocessing, for this command only
        from app.sheets.render_pool import SheetRenderer, early_workers

        renderer = SheetRenderer(early_workers(), _sheet_lang(args))
        renderer.warm_up()
        args.started = started = _Started(renderer, loaded)
        try:
            yield
        finally:
            if started.renderer is not None:  # nothing to sign, or a failure before the batch took the processes
                started.renderer.discard()


def _sheet_lang(args: argparse.Namespace) -> str:
    return args.sheet_lang or getattr(args, "lang", None) or "id"


def sheets_export(args: argparse.Namespace) -> int:
    started = getattr(args, "started", None)
    if started is None:  # run without main(), which starts the rendering first
        with _start_rendering(args):
            return _export(args, args.started)
    return _export(args, started)


def _export(args: argparse.Namespace, started: _Started) -> int:
    lang = _sheet_lang(args)
    # deferred: cryptography, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app import identity
    from app.sheets.batch import SheetBatch
    from app.sheets.scope import SheetExportError, plan_export
    from app.sheets.signing_errors import SignPdfError

    store = open_store_for(args)
    try:
        try:
            plan = plan_export(store, args.round_ref, args.day)
            if plan.to_sign:
                with SheetBatch(store, args.out, round_id=plan.round_id, day=args.day, lang=lang,
                                renderer=started.renderer) as batch:
                    started.renderer = None  # the batch's now
                    batch.start()  # rendering begins while the passphrase is read and the key unlocked
                    info = identity.load_identity(store.data_dir)  # NoIdentity before any prompt
                    passphrase = read_passphrase(args, prompt=f"Passphrase for {info.name}'s key: ")
                    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="nilai-unlock") as thread:
                        # scrypt runs without Python's lock, so pyHanko loads on this thread meanwhile
                        unlocking = thread.submit(identity.unlock, store.data_dir, passphrase)
                        import app.sheets.signing  # noqa: F401  # deferred: pyHanko, for the signing below
                        unlocked = unlocking.result()
                    started.loaded()  # the libraries, the store, the key: out of the collector's sight
                    result = batch.sign(unlocked, progress=None if args.json else _progress)
        except (SheetExportError, SignPdfError) as exc:
            raise UserError(str(exc)) from exc
    finally:
        store.close()
    if not plan.to_sign:
        data = {"out_dir": str(args.out), "round_id": plan.round_id, "round_name": plan.round_name, "total": 0,
                "signed": [], "already_signed": plan.already_signed, "not_finalized": plan.not_finalized,
                "error": None, "cancelled": False}
        emit(args, data, [f"nothing to sign in {plan.round_name}{_day(args.day)}: "
                          f"{plan.already_signed} already signed, {plan.not_finalized} not finalized"])
        return 0
    lines = [f"{len(result.signed)} of {result.total} sheets signed into {result.out_dir} "
             f"in {result.seconds:.1f} s ({plan.round_name}{_day(args.day)})"]
    if result.already_signed or result.not_finalized:
        lines.append(f"{result.already_signed} already signed before, {result.not_finalized} not finalized "
                     "(finalize them to sign)")
    emit(args, result.as_dict(), lines)
    if result.error:
        print(f"nilai: {result.error}", file=sys.stderr)
        return 1
    return 0


def _day(day: str | None) -> str:
    return f", {day}" if day else ""


def _yes(value: bool) -> str:
    return "yes" if value else "NO"


def _trust(check, asked: bool) -> str:
    if not asked:
        return "not checked (no --trust)"
    return _yes(check.trusted) if check.intact else "not judged (the signed content was changed)"


def sheets_verify(args: argparse.Namespace) -> int:
    # deferred: cryptography, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.sheets.export import verify_files

    trusted = None
    if args.trust:
        # deferred: cryptography (loaded only when this command runs)
        from app.identity import load_certificate

        trusted = [load_certificate(path) for path in args.trust]
    results = verify_files(args.files, trusted)
    data, lines = [], []
    for path, check in results:
        data.append({
            "file": str(path), "valid": check.valid, "intact": check.intact,
            "covers_whole_file": check.covers_whole_file, "trusted": check.trusted if trusted else None,
            "signer": check.signer_name, "nip": check.nip, "organisation": check.organisation,
            "fingerprint": check.fingerprint,
            "signing_time": check.signing_time.isoformat() if check.signing_time else None,
            "reason": check.reason, "location": check.location, "problems": list(check.problems),
        })
        untrusted = trusted is not None and check.valid and not check.trusted
        lines.append(f"{path}: {'INVALID' if not check.valid else 'valid, signer NOT trusted' if untrusted else 'valid'}")
        if check.signer_name or check.fingerprint:
            lines.append(f"  signer:            {check.signer_name or '?'}"
                         + (f", {check.organisation}" if check.organisation else ""))
            lines.append(f"  NIP:               {check.nip or '-'}")
            lines.append(f"  fingerprint:       {check.fingerprint}")
            when = f"{check.signing_time.astimezone():%Y-%m-%d %H:%M:%S %Z}" if check.signing_time else "?"
            lines.append(f"  signed at:         {when} (as claimed by the signer)")
        lines.append(f"  intact:            {_yes(check.intact)}")
        lines.append(f"  covers whole file: {_yes(check.covers_whole_file)}")
        lines.append(f"  trusted:           {_trust(check, trusted is not None)}")
        lines += [f"  problem: {problem}" for problem in check.problems]
    emit(args, data, lines)
    if any(not check.valid for _, check in results):
        return EXIT_INVALID
    if trusted is not None and any(not check.trusted for _, check in results):
        return EXIT_UNTRUSTED
    return 0
