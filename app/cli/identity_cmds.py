"""nilai identity create | import-p12 | export-cert | show | change-passphrase.

A passphrase is never an argument: it is asked for (twice when it is new), or read from
--passphrase-file / NILAI_PASSPHRASE_FILE (and --new-passphrase-file for a new one).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import sys
from collections.abc import Iterator
from pathlib import Path

from app.base.atomic import atomic_write
from app.cli.common import UserError, add_json, emit, open_store_for, read_passphrase

NEW_PASSPHRASE_HELP = ("file holding the new passphrase (first line); without it you are asked twice. "
                       "At least 8 characters.")


def register(commands: argparse._SubParsersAction) -> None:
    ident = commands.add_parser("identity", help="the assessor's signing identity: key pair and certificate")
    sub = ident.add_subparsers(dest="identity_command", metavar="ACTION", required=True)

    p = sub.add_parser("create", allow_abbrev=False, help="make a key pair and a self-signed certificate (ECDSA P-256, 5 years)",
                       description="Make a key pair and a self-signed certificate for this laptop's assessor. "
                       "The private key is stored encrypted with the passphrase and never leaves this computer. "
                       "Name, NIP and organisation default to the saved profile; the profile is created from "
                       "them when there is none yet.")
    p.add_argument("--name", metavar="N", help="the assessor's full name (default: the profile's)")
    p.add_argument("--nip", metavar="X", help="civil-servant number, digits only; may be empty (default: the profile's)")
    p.add_argument("--org", metavar="O", help="organisation (default: the profile's)")
    p.add_argument("--passphrase-file", metavar="F", help="file holding the new passphrase (first line); without it you are "
                   "asked twice. At least 8 characters.")
    p.add_argument("--replace", action="store_true", help="replace an existing identity (sheets signed with it "
                   "stay verifiable only against its old certificate)")
    add_json(p)
    p.set_defaults(handler=identity_create)

    p = sub.add_parser("import-p12", allow_abbrev=False, help="use a key and certificate from a PKCS#12 (.p12/.pfx) file",
                       description="Import the key, certificate and CA chain of a PKCS#12 file from your "
                       "organisation. --passphrase-file (or the prompt) gives the PKCS#12 file's passphrase. "
                       "The key is then stored on this computer encrypted with that same passphrase, unless "
                       "--new-passphrase-file gives another one (the .p12 file itself is not kept).")
    p.add_argument("file", type=Path, metavar="FILE", help="the .p12 or .pfx file")
    p.add_argument("--passphrase-file", metavar="F", help="file holding the PKCS#12 passphrase (first line)")
    p.add_argument("--new-passphrase-file", metavar="F", help="file holding a different passphrase for the stored key")
    p.add_argument("--replace", action="store_true", help="replace an existing identity")
    add_json(p)
    p.set_defaults(handler=identity_import_p12)

    p = sub.add_parser("export-cert", allow_abbrev=False, help="write the certificate (never the key) for coordinators to trust")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="target file; .der/.cer give DER, anything else PEM")
    add_json(p)
    p.set_defaults(handler=identity_export_cert)

    p = sub.add_parser("show", allow_abbrev=False, help="name, NIP, organisation, certificate fingerprint and validity")
    add_json(p)
    p.set_defaults(handler=identity_show)

    p = sub.add_parser("change-passphrase", allow_abbrev=False, help="re-encrypt the stored key under a new passphrase")
    p.add_argument("--passphrase-file", metavar="F", help="file holding the current passphrase (first line)")
    p.add_argument("--new-passphrase-file", metavar="F", help=NEW_PASSPHRASE_HELP)
    p.set_defaults(handler=identity_change_passphrase)


def _read_new_passphrase(path: str | None, what: str = "New passphrase: ") -> str:
    """A new passphrase from a file, or asked twice; the environment variable is never used here."""
    if path:
        return read_passphrase(argparse.Namespace(passphrase_file=path))
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError("a new passphrase is needed: give it in a file (--new-passphrase-file or "
                        "--passphrase-file, see --help), or run in a terminal to be asked")
    first = getpass.getpass(what)
    if getpass.getpass("Again: ") != first:
        raise UserError("the two passphrases differ; nothing was changed")
    return first


@contextlib.contextmanager
def _keeping_signature(data_dir: Path) -> Iterator[bool]:
    """Carry the drawn signature (identity/signature.png) over to a new identity folder.

    Yields whether the identity folder may be replaced without --replace: it may when it holds
    no identity (only a drawn signature, say).
    """
    # deferred: cryptography (loaded only when this command runs)
    from app import identity

    # deferred: cryptography, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.sheets.export import signature_image_path

    path = signature_image_path(data_dir)
    kept = path.read_bytes() if path.is_file() else None
    yield not identity.has_identity(data_dir)
    if kept is not None and not path.exists():
        atomic_write(path, kept)


def _info_data(info) -> dict:
    return {
        "name": info.name, "nip": info.nip, "organisation": info.organisation, "source": info.source,
        "fingerprint": info.fingerprint, "key_type": info.key_type, "subject": info.subject,
        "issuer": info.issuer, "self_signed": info.self_signed,
        "not_before": info.not_before.isoformat(), "not_after": info.not_after.isoformat(),
        "created_at": info.created_at.isoformat(),
    }


def _info_lines(info) -> list[str]:
    return [
        f"name:         {info.name}",
        f"NIP:          {info.nip or '-'}",
        f"organisation: {info.organisation or '-'}",
        f"certificate:  {'self-signed' if info.self_signed else 'issued by ' + info.issuer} ({info.key_type})",
        f"valid:        {info.not_before:%Y-%m-%d} .. {info.not_after:%Y-%m-%d}"
        + ("  (EXPIRED)" if info.expired() else ""),
        f"fingerprint:  {info.fingerprint}  (SHA-256)",
    ]


def identity_create(args: argparse.Namespace) -> int:
    # deferred: cryptography, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app import identity
    from app.sheets.scope import link_identity
    from app.store import settings

    store = open_store_for(args)
    try:
        profile = settings.profile(store)
        name = args.name if args.name is not None else (profile.name if profile else None)
        nip = args.nip if args.nip is not None else (profile.nip if profile else "")
        org = args.org if args.org is not None else (profile.organisation if profile else "")
        if not name:
            raise UserError("give the assessor's name with --name (there is no saved profile to take it from)")
        if identity.has_identity(store.data_dir) and not args.replace:
            raise UserError("an identity already exists in this data directory; --replace makes a new one "
                            "(sheets signed with the old one stay verifiable only with its certificate)")
        passphrase = _read_new_passphrase(args.passphrase_file)
        with _keeping_signature(store.data_dir) as replace:
            info = identity.create_identity(store.data_dir, name, nip, org, passphrase,
                                            replace=args.replace or replace)
        link_identity(store, info)
    finally:
        store.close()
    emit(args, _info_data(info), ["identity created", *_info_lines(info),
                                  "give coordinators the certificate: nilai identity export-cert --out FILE"])
    return 0


def identity_import_p12(args: argparse.Namespace) -> int:
    # deferred: cryptography, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app import identity
    from app.sheets.scope import link_identity

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {args.file}: {exc.strerror or exc}") from exc
    store = open_store_for(args)
    try:
        if identity.has_identity(store.data_dir) and not args.replace:
            raise UserError("an identity already exists in this data directory; --replace imports over it")
        p12_passphrase = read_passphrase(args, prompt="PKCS#12 passphrase: ")
        new = _read_new_passphrase(args.new_passphrase_file) if args.new_passphrase_file else None
        with _keeping_signature(store.data_dir) as replace:
            info = identity.import_pkcs12(store.data_dir, data, p12_passphrase, new,
                                          replace=args.replace or replace)
        link_identity(store, info)
    finally:
        store.close()
    kept = "a new passphrase" if new is not None else "the PKCS#12 file's passphrase"
    emit(args, _info_data(info) | {"key_passphrase": "new" if new is not None else "pkcs12"},
         ["identity imported", *_info_lines(info), f"the stored key is encrypted with {kept}"])
    return 0


def identity_export_cert(args: argparse.Namespace) -> int:
    # deferred: cryptography (loaded only when this command runs)
    from app import identity

    store = open_store_for(args)
    try:
        path = identity.export_certificate(store.data_dir, args.out)
        info = identity.load_identity(store.data_dir)
    finally:
        store.close()
    emit(args, {"file": str(path), "fingerprint": info.fingerprint},
         [f"certificate written to {path}", f"fingerprint: {info.fingerprint}  (SHA-256)"])
    return 0


def identity_show(args: argparse.Namespace) -> int:
    # deferred: cryptography (loaded only when this command runs)
    from app import identity

    store = open_store_for(args)
    try:
        info = identity.load_identity(store.data_dir)
    finally:
        store.close()
    emit(args, _info_data(info), _info_lines(info))
    return 0


def identity_change_passphrase(args: argparse.Namespace) -> int:
    # deferred: cryptography (loaded only when this command runs)
    from app import identity

    store = open_store_for(args)
    try:
        identity.load_identity(store.data_dir)  # NoIdentity before any prompt
        old = read_passphrase(args, prompt="Current passphrase: ")
        new = _read_new_passphrase(args.new_passphrase_file)
        identity.change_passphrase(store.data_dir, old, new)
    finally:
        store.close()
    print("passphrase changed; the key is now encrypted with the new one")
    return 0
