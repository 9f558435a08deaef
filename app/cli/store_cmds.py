"""nilai store encrypt | decrypt | status: encryption at rest of the data directory's store."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.base.paths import DATABASE_FILE, resolve_data_dir
from app.cli.common import UserError, add_json, emit, read_passphrase


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("store", help="encrypt the store, its backups and evidence with the assessor's passphrase")
    sub = p.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    for name, text in (("encrypt", "encrypt the database, backups and evidence (resumes an interrupted run)"),
                       ("decrypt", "make them plain again (resumes an interrupted run)")):
        q = sub.add_parser(name, help=text)
        q.add_argument("--passphrase-file", type=Path, help="read the assessor's passphrase from this file")
        add_json(q)
        q.set_defaults(handler=run_convert, encrypt=name == "encrypt")
    q = sub.add_parser("status", help="whether the store is encrypted, and any file still plain")
    add_json(q)
    q.set_defaults(handler=run_status)


def _data_dir(args: argparse.Namespace) -> Path:
    if args.database_url:
        raise UserError("encryption at rest is for the data directory's SQLite store; a database server "
                        "keeps its data encrypted on its own disks (see docs/security.md)")
    data_dir = resolve_data_dir(args.data_dir)
    if not data_dir.is_dir():
        raise UserError(f"{data_dir} is not a Nilai data directory")
    return data_dir


def _data_key(data_dir: Path, passphrase: str, encrypt: bool) -> bytes:
    """The data key: unwrapped from store.key, or (first encryption) a new one wrapped under the passphrase."""
    # deferred: cryptography, sqlcipher3 (loaded only when this command runs)
    from app import identity
    from app.identity import storekey

    if storekey.exists(data_dir):
        return storekey.unwrap(data_dir, passphrase)
    if not encrypt:
        raise UserError(f"the store in {data_dir} is not encrypted; nothing to do")
    if len(passphrase) < 8:
        raise UserError("the passphrase must have at least 8 characters; nothing was changed")
    if identity.has_identity(data_dir):  # one passphrase: `identity change-passphrase` re-wraps both
        identity.unlock(data_dir, passphrase)
    return storekey.create(data_dir, passphrase)


def run_convert(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel, sqlcipher3 (loaded only when this command runs)
    from app.identity import has_identity
    from app.store import cipher, encryption, open_store

    data_dir = _data_dir(args)
    if args.encrypt and not cipher.wants_encryption(data_dir) and not has_identity(data_dir):
        passphrase = read_passphrase(args, "New passphrase for the store: ", confirm=True)
    else:
        passphrase = read_passphrase(args, "Assessor's passphrase: ")
    has_database = (data_dir / DATABASE_FILE).exists()
    if has_database and not cipher.wants_encryption(data_dir):  # a damaged store is refused before store.key
        open_store(data_dir, verify=True).close()
    key = _data_key(data_dir, passphrase, args.encrypt)
    cipher.unlock(data_dir, key)
    if has_database:
        open_store(data_dir, verify=True).close()  # sound, and at the newest schema, before it is converted
    done = encryption.convert(data_dir, key if args.encrypt else None)
    if not args.encrypt:
        cipher.key_file(data_dir).unlink()  # last: until here every encrypted file still had its key
    verb = "encrypted" if args.encrypt else "decrypted"
    lines = [f"{verb}: {'the database, ' if done.database else ''}{done.backups} backups, "
             f"{done.evidence} evidence files"]
    lines += [f"left as it was (damaged, unreadable): backups/{name}" for name in done.left_as_they_were]
    if args.encrypt:
        lines.append("keep the passphrase safe: without it this store cannot be read by anyone, "
                     "including you (see docs/security.md)")
    emit(args, {"state": verb, "database": done.database, "backups": done.backups, "evidence": done.evidence,
                "left_as_they_were": done.left_as_they_were}, lines)
    return 0


def run_status(args: argparse.Namespace) -> int:
    # deferred: sqlcipher3 (loaded only when this command runs)
    from app.store import cipher, encryption

    data_dir = _data_dir(args)
    encrypted = cipher.wants_encryption(data_dir)
    plain = [str(p.relative_to(data_dir)) for p in encryption.plain_files(data_dir)] if encrypted else []
    state = ("encrypted" if not plain else "partly encrypted (run nilai store encrypt again)") if encrypted else "plain"
    emit(args, {"state": state, "plain_files": plain}, [f"store: {state}"] + [f"still plain: {p}" for p in plain])
    return 0 if not plain else 1
