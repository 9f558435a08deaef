"""Shared pieces of the command line: opening the store, passphrases, output, user-facing errors."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.base.paths import DATABASE_FILE, resolve_data_dir


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit status 1."""


def user_error_types() -> tuple[type[BaseException], ...]:
    # Every module's user-facing error class; bugs (anything else) still show a traceback.
    # deferred: cryptography, sqlalchemy, sqlmodel, yaml (loaded only once a command fails)
    from app.assessments import AssessmentError
    from app.bundles.errors import BundleError
    from app.bundles.round_package import PackageError
    from app.identity import IdentityError
    from app.instruments import InstrumentError
    from app.rounds import RoundError
    from app.rounds.schedule import ScheduleError
    from app.store import StoreError

    return (UserError, StoreError, RoundError, ScheduleError, AssessmentError, InstrumentError, IdentityError,
            BundleError, PackageError, LookupError, FileNotFoundError, PermissionError, IsADirectoryError)


@dataclass
class Outcome:
    exit_code: int = 0


@contextlib.contextmanager
def user_errors(args: argparse.Namespace | None = None) -> Iterator[Outcome]:
    outcome = Outcome()
    try:
        try:
            yield outcome
        except Exception as exc:
            damage = _as_damage(exc, args)
            if damage is None:
                raise
            raise damage from exc
    except KeyboardInterrupt:
        print("nilai: interrupted; nothing after the last completed step was written.", file=sys.stderr)
        outcome.exit_code = 130
    except OSError as exc:
        if isinstance(exc, user_error_types()):
            print(f"nilai: {exc}", file=sys.stderr)
            outcome.exit_code = 1
        else:
            print(f"nilai: {exc.strerror or exc} ({getattr(exc, 'filename', '') or ''})", file=sys.stderr)
            outcome.exit_code = 1
    except Exception as exc:
        if not isinstance(exc, user_error_types()):
            raise
        message = str(exc).strip() or exc.__class__.__name__
        if isinstance(exc, LookupError) and message.startswith("'") and message.endswith("'"):
            message = message[1:-1]
        print(f"nilai: {message}", file=sys.stderr)
        outcome.exit_code = 1


def _as_damage(exc: BaseException, args: argparse.Namespace | None) -> Exception | None:
    """A database error that is really a damaged SQLite store, as the store's one-line message.

    Damage can surface anywhere a page is read, long after the store was opened (a cell that is not
    UTF-8, a broken index); an unexpected database error on a store that fails the integrity check is
    damage, on a sound store it stays a bug with its traceback.
    """
    # deferred: SQLAlchemy, only once a command has failed
    from sqlalchemy.exc import DBAPIError

    if (args is None or getattr(args, "database_url", None)
            or not isinstance(exc, DBAPIError | sqlite3.DatabaseError | UnicodeDecodeError)):
        return None
    # deferred: sqlalchemy, sqlmodel (loaded only once a command has failed)
    from app.store import damage, damaged, translate_error

    directory = resolve_data_dir(args.data_dir)
    label = f"the Nilai database ({directory / DATABASE_FILE})"
    translated = translate_error(exc, label, directory)
    if translated is not None:
        return translated
    reason = damage.diagnose(directory / DATABASE_FILE)
    return damaged(label, directory, reason) if reason else None


def open_store_for(args: argparse.Namespace):
    """The store a command works on; a damaged one is refused before the command reads or writes."""
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.store import open_store

    return open_store(args.data_dir, args.database_url, verify=True)


@contextlib.contextmanager
def unlock_when_asked(args: argparse.Namespace) -> Iterator[None]:
    """While a command runs, an encrypted store's data key is unwrapped with the passphrase when first needed.

    Read like every passphrase (``--passphrase-file``, ``NILAI_PASSPHRASE_FILE``, else a prompt); a
    wrong one is one line and nothing is opened. Commands that never touch the store never ask.
    """
    if getattr(args, "database_url", None):
        yield
        return
    # deferred: sqlcipher3 and cryptography, loaded only when a command runs
    from app.identity import storekey
    from app.store import cipher

    cipher.set_unlocker(lambda data_dir: storekey.unwrap(
        data_dir, read_passphrase(args, f"Passphrase of the encrypted store in {data_dir}: ")))
    try:
        yield
    finally:
        cipher.set_unlocker(None)


def read_passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ", confirm: bool = False) -> str:
    """From --passphrase-file, NILAI_PASSPHRASE_FILE, or a prompt; never from the command line."""
    path = getattr(args, "passphrase_file", None) or os.environ.get("NILAI_PASSPHRASE_FILE")
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot read the passphrase file {path}: {exc.strerror}") from exc
        return text.rstrip("\r\n")
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError("a passphrase is needed: give --passphrase-file FILE (or NILAI_PASSPHRASE_FILE), "
                        "or run in a terminal to be asked")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != first:
        raise UserError("the two passphrases differ; nothing was changed")
    return first


def emit(args: argparse.Namespace, data: Any, text_lines: list[str]) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        for line in text_lines:
            print(line)


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
