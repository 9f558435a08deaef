"""nilai bundle export|verify|import|trust|conflicts|resolve, and nilai round export|import.

Heavy modules (cryptography, pyHanko, jsonschema) are imported inside the handlers, so `nilai --help`
stays quick.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from app.base.ids import short_id
from app.bundles.errors import BundleError
from app.cli.common import UserError, add_json, emit, open_store_for, read_passphrase
from app.cli.quarantine_cmds import register as register_quarantine


def register(commands: argparse._SubParsersAction) -> None:
    bundle = commands.add_parser("bundle", help="result bundles: export (assessor), verify, import (coordinator)")
    sub = bundle.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)

    p = sub.add_parser("export", help="write a signed result bundle of your final and signed assessments",
                       description="Writes every final and signed version of this laptop's assessor that is not in "
                       "an earlier bundle yet (a version exported as final and signed since goes out again with its "
                       "sheet). The bundle is signed with your identity's key; the key itself never goes in.")
    p.add_argument("--out", type=Path, required=True, help="the bundle file to write (e.g. hasil.nilai); written atomically")
    p.add_argument("--round", dest="round_ref", help="only this round (id, id prefix or name)")
    p.add_argument("--since-last", action="store_true",
                   help="only versions not in an earlier bundle (the default; accepted for scripts)")
    p.add_argument("--all", dest="everything", action="store_true",
                   help="every final and signed version again, even those exported before (always allowed)")
    p.add_argument("--to", dest="to_cert", type=Path,
                   help="encrypt for this coordinator certificate (PEM/DER); only the identifying fields stay readable")
    p.add_argument("--passphrase-file", help="file holding your identity's passphrase (else NILAI_PASSPHRASE_FILE, else asked)")
    add_json(p)
    p.set_defaults(handler=bundle_export)

    p = sub.add_parser("verify", help="check bundles completely without importing anything",
                       description="Zip sanity, manifest, signature, trust (this store's trust list, --trust, and "
                       "this data directory's own identity), every file's hash, the records and their change logs.")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE")
    p.add_argument("--trust", type=Path, action="append", default=[], metavar="CERT", help="also trust this certificate")
    p.add_argument("--trust-dir", type=Path, metavar="DIR", help="also trust every certificate file in DIR")
    p.add_argument("--passphrase-file", help="passphrase of this data directory's identity, for encrypted bundles")
    add_json(p)
    p.set_defaults(handler=bundle_verify)

    p = sub.add_parser("import", help="take bundles in (all or nothing per bundle; idempotent)",
                       description="Checks each bundle completely before writing anything, then merges it in one "
                       "transaction. A bad bundle is rejected with its reason; the others still import. Exit status 1 "
                       "if any bundle was rejected.")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE")
    p.add_argument("--report", type=Path, metavar="FILE.json", help="write the per-bundle, per-record report as JSON")
    p.add_argument("--trust", type=Path, action="append", default=[], metavar="CERT",
                   help="trust this assessor certificate (kept on the trust list once a bundle it signed imports)")
    p.add_argument("--trust-dir", type=Path, metavar="DIR", help="trust every certificate file (.pem .crt .cer .der) in DIR")
    p.add_argument("--passphrase-file", help="passphrase of this data directory's identity, for encrypted bundles")
    p.add_argument("--verbose", "-v", action="store_true", help="list every record, not only conflicts")
    add_json(p)
    p.set_defaults(handler=bundle_import)

    p = sub.add_parser("trust", help="add an assessor certificate to this store's trust list (or list it)")
    p.add_argument("cert", type=Path, nargs="?", metavar="CERT", help="certificate file (PEM or DER); none: list the trust list")
    p.add_argument("--renewal-of", metavar="NIP",
                   help="accept CERT as the new certificate of the assessor with this NIP, already trusted here "
                        "under another key: CERT is trusted, the assessor keeps their records under the new key, "
                        "and the old certificate stays on the list marked replaced. Check the new fingerprint "
                        "with the assessor first: a new key with a known name and NIP may be an impostor")
    p.add_argument("--revoke", metavar="NIP|FP",
                   help="revoke the trusted certificates of the assessor with this NIP, or the one with this "
                        "fingerprint (a prefix of 8+ hex digits will do), e.g. for a lost laptop: bundles signed "
                        "with it are refused from then on, by file import and by `nilai serve`")
    p.add_argument("--reason", default="", help="why it is revoked (kept on the trust list), with --revoke")
    add_json(p)
    p.set_defaults(handler=bundle_trust)

    p = sub.add_parser("conflicts", help="records with competing versions, waiting for a decision")
    add_json(p)
    p.set_defaults(handler=bundle_conflicts)

    p = sub.add_parser("resolve", help="choose the version of a record in conflict (the reason goes into the change log)")
    p.add_argument("record", help="record id")
    p.add_argument("version", help="the version id (or variant id) to keep as current")
    p.add_argument("--reason", required=True, help="why this version (kept in the change log)")
    p.add_argument("--actor", help="who decides (default: this data directory's profile)")
    add_json(p)
    p.set_defaults(handler=bundle_resolve)
    register_quarantine(sub)


def register_round_actions(round_subparsers: argparse._SubParsersAction) -> None:
    """`nilai round export|import`, added to the `round` command of app.cli.round_cmds."""
    p = round_subparsers.add_parser("export", help="coordinator: write the signed round package for assessors",
                                    description="Instrument, candidate regions, panels and slots (with their ids), "
                                    "who sits on which panel, and your certificate, signed with your key.")
    p.add_argument("--out", type=Path, required=True, help="the package file to write (e.g. ronde.nilairound)")
    p.add_argument("--round", dest="round_ref", help="round id or name (default: the only round)")
    p.add_argument("--passphrase-file", help="file holding your identity's passphrase")
    p.add_argument("--sync-url", metavar="URL", help="your sync service (`nilai serve`), e.g. https://nilai.example:8443; "
                   "remembered for the round, so later packages carry it too")
    p.add_argument("--sync-cert", type=Path, metavar="FILE",
                   help="the sync service's TLS certificate (PEM); the assessors' laptops pin it")
    p.add_argument("--calibration-feedback", action="store_true",
                   help="include the group's median level per indicator of each calibration case, so every "
                   "assessor sees where they sat before the real interviews")
    add_json(p)
    p.set_defaults(handler=round_export)
    p = round_subparsers.add_parser("import", help="assessor: take the coordinator's round package in",
                                    description="Creates the round with its schedule, or updates the schedule from a "
                                    "newer package of the same round; scores already entered are never touched. A "
                                    "package whose instrument differs from the one your scores were given under is refused.")
    p.add_argument("file", type=Path)
    p.add_argument("--trust", type=Path, metavar="CERT",
                   help="the coordinator's certificate; without it the first package's signer is remembered for the round")
    add_json(p)
    p.set_defaults(handler=round_import)


# -- handlers ---------------------------------------------------------------------------------


def bundle_export(args: argparse.Namespace) -> int:
    # deferred: cryptography, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.bundles.export import export_bundle

    if args.since_last and args.everything:
        raise UserError("--since-last and --all exclude each other")
    store = open_store_for(args)
    try:
        passphrase = read_passphrase(args, "Passphrase of your identity: ")
        result = export_bundle(store, args.out, passphrase=passphrase, round_ref=args.round_ref,
                               everything=args.everything, to_cert=args.to_cert)
    finally:
        store.close()
    data = {"file": str(result.path), "bundle_id": result.bundle_id, "versions": result.versions,
            "signed": result.signed, "final": result.final, "sheets": result.sheets,
            "evidence_files": result.evidence_files, "encrypted_for": result.encrypted_for,
            "manifest_sha256": result.manifest_sha256, "size": result.size}
    lock = f", encrypted for {result.encrypted_for[:16]}…" if result.encrypted_for else ""
    emit(args, data, [f"{result.path}: {result.versions} version(s) ({result.signed} signed, {result.final} final), "
                      f"{result.sheets} sheet(s), {result.evidence_files} evidence file(s){lock}; "
                      f"bundle {short_id(result.bundle_id)}"])
    return 0


def _unlocker(args: argparse.Namespace, store):
    """Asks the passphrase at most once, and only if a bundle is encrypted."""
    cache: dict[str, object] = {}

    def unlock():
        # deferred: cryptography (loaded only when this command runs)
        from app.identity import IdentityError, load_identity
        from app.identity import unlock as unlock_identity

        if "identity" not in cache:
            try:
                load_identity(store.data_dir)  # NoIdentity before asking for a passphrase
                try:
                    passphrase = read_passphrase(args, "Passphrase of this identity: ")
                except UserError as exc:
                    raise IdentityError(str(exc)) from exc
                cache["identity"] = unlock_identity(store.data_dir, passphrase)
            except IdentityError as exc:
                cache["identity"] = exc
        if isinstance(cache["identity"], Exception):
            raise cache["identity"]
        return cache["identity"]

    return unlock


def bundle_verify(args: argparse.Namespace) -> int:
    # deferred: cryptography, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.bundles.importer import build_context
    from app.bundles.trust import certs_from
    from app.bundles.verify import verify_bundle

    store = open_store_for(args)
    results = []
    try:
        context = build_context(store, certs_from(args.trust, args.trust_dir), _unlocker(args, store),
                                include_own_identity=True)
        for path in args.files:
            try:
                with verify_bundle(path, context) as bundle:
                    signed = sum(1 for r in bundle.records if r.status == "signed")
                    results.append({"file": str(path), "valid": True, "bundle_id": bundle.bundle_id,
                                    "assessor": bundle.assessor["name"], "nip": bundle.assessor["nip"],
                                    "fingerprint": bundle.fingerprint, "encrypted": bundle.encrypted,
                                    "versions": len(bundle.records), "signed": signed,
                                    "evidence_files": len(bundle.evidence), "created_at": bundle.manifest["created_at"]})
            except BundleError as exc:
                results.append({"file": str(path), "valid": False, "error_kind": exc.kind, "reason": str(exc),
                                "fingerprint": exc.fingerprint})
    finally:
        store.close()
    lines = []
    for r in results:
        if r["valid"]:
            lines.append(f"{r['file']}: valid - bundle {short_id(r['bundle_id'])} by {r['assessor']} (NIP {r['nip'] or '-'}), "
                         f"{r['versions']} version(s), {r['signed']} signed, {r['evidence_files']} evidence file(s); "
                         f"certificate {r['fingerprint']}")
        else:
            lines.append(f"{r['file']}: INVALID ({r['error_kind']}) - {r['reason']}")
    emit(args, results, lines)
    bad = [r for r in results if not r["valid"]]
    if bad:
        print(f"nilai: {len(bad)} of {len(results)} bundle(s) failed verification: {bad[0]['reason']}", file=sys.stderr)
        return 1
    return 0


def bundle_import(args: argparse.Namespace) -> int:
    # deferred: cryptography, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.bundles import report as R
    from app.bundles.importer import import_bundles
    from app.bundles.trust import certs_from

    extra = certs_from(args.trust, args.trust_dir)
    store = open_store_for(args)
    so_far = R.ImportReport()  # what was done before a failure of the store itself (a bad bundle is only rejected)

    def progress(bundle: R.BundleReport) -> None:
        so_far.bundles.append(bundle)
        if args.report:  # after each bundle's commit: a killed importer still leaves what it committed
            so_far.write_json(args.report, complete=False)

    try:
        report = import_bundles(store, args.files, extra_trust=extra, unlock=_unlocker(args, store),
                                progress=progress)
    except BaseException:
        if args.report:
            so_far.write_json(args.report, complete=False)
        raise
    finally:
        store.close()
    if args.report:
        report.write_json(args.report)
    emit(args, report.to_dict(), report.lines(verbose=args.verbose))
    if report.rejected:
        first = report.rejected[0]
        print(f"nilai: {len(report.rejected)} of {len(report.bundles)} bundle(s) rejected; first: {first.reason}",
              file=sys.stderr)
        return 1
    return 0


def bundle_trust(args: argparse.Namespace) -> int:
    # deferred: cryptography, sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.bundles.trust import list_trusted, renew_certificate, revoke, trust_certificate

    if args.renewal_of and args.cert is None:
        raise UserError("--renewal-of needs the new certificate: nilai bundle trust CERT --renewal-of NIP")
    if args.revoke and (args.cert is not None or args.renewal_of):
        raise UserError("--revoke takes no certificate file and no --renewal-of: nilai bundle trust --revoke NIP|FP")
    store = open_store_for(args)
    try:
        if args.revoke:
            when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
            revoked = revoke(store, args.revoke, args.reason, when)
            emit(args, [c.__dict__ for c in revoked],
                 [f"revoked: {c.name} (NIP {c.nip or '-'}) fingerprint {c.fingerprint}" for c in revoked])
            return 0
        if args.cert is None:
            certs = list_trusted(store)
            emit(args, [c.__dict__ for c in certs],
                 [f"{c.fingerprint}  {c.name} ({c.nip or '-'}, {c.organisation or '-'})  [{c.source}]" for c in certs]
                 or ["the trust list is empty"])
            return 0
        if args.renewal_of:
            info, holder = renew_certificate(store, args.cert, args.renewal_of)
            emit(args, info.__dict__ | {"renewal_of": holder.fingerprint, "assessor_id": holder.assessor_id},
                 [f"accepted as renewal of {holder.name} (NIP {holder.nip}): {info.fingerprint} replaces "
                  f"{holder.fingerprint}"])
            return 0
        info, added = trust_certificate(store, args.cert)
    finally:
        store.close()
    emit(args, info.__dict__ | {"added": added},
         [f"{'trusted' if added else 'already trusted'}: {info.name} (NIP {info.nip or '-'}, {info.organisation or '-'}) "
          f"fingerprint {info.fingerprint}"])
    return 0


def bundle_conflicts(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.bundles.conflicts import open_conflicts

    store = open_store_for(args)
    try:
        found = open_conflicts(store)
    finally:
        store.close()
    emit(args, [c.__dict__ for c in found],
         [f"record {c.record_id} ({c.region_code}): {c.kind}; current {c.current_version_id}, competing "
          f"{c.variant_id or c.incoming_version_id}" for c in found] or ["no open conflicts"])
    return 0


def bundle_resolve(args: argparse.Namespace) -> int:
    # deferred: sqlalchemy, sqlmodel (loaded only when this command runs)
    from app.bundles.conflicts import resolve_conflict
    from app.store import settings

    store = open_store_for(args)
    try:
        actor = args.actor
        if not actor:
            profile = settings.profile(store)
            actor = f"{profile.name} <{profile.nip}>" if profile else "coordinator"
        chosen = resolve_conflict(store, args.record, args.version, args.reason, actor)
    finally:
        store.close()
    emit(args, {"record_id": args.record, "current_version_id": chosen},
         [f"record {short_id(args.record)}: version {short_id(chosen)} is now current; the conflict is closed"])
    return 0


def round_export(args: argparse.Namespace) -> int:
    # deferred: cryptography, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.bundles.round_package import export_round_package
    from app.bundles.sync_target import TargetError, from_files  # deferred: as above
    from app.identity import IdentityError, unlock

    if bool(args.sync_url) != bool(args.sync_cert):
        raise UserError("--sync-url and --sync-cert go together: the service's address and the certificate to pin")
    try:
        sync = from_files(args.sync_url, args.sync_cert) if args.sync_url else None
    except TargetError as exc:
        raise UserError(str(exc)) from exc
    store = open_store_for(args)
    try:
        try:
            unlocked = unlock(store.data_dir, read_passphrase(args, "Passphrase of your identity: "))
        except IdentityError as exc:
            raise UserError(f"{exc} (the round package must be signed with the coordinator's identity)") from exc
        result = export_round_package(store, args.out, unlocked, round_ref=args.round_ref, sync=sync,
                                      calibration_feedback=args.calibration_feedback)
    finally:
        store.close()
    emit(args, result.__dict__ | {"path": str(result.path)},
         [f"{result.path}: round {result.round_name!r} package version {result.package_version}: "
          f"{result.candidates} candidates, {result.panels} panels, {result.slots} slots, {result.assessors} assessors"])
    return 0


def round_import(args: argparse.Namespace) -> int:
    # deferred: cryptography, sqlalchemy, sqlmodel, yaml (loaded only when this command runs)
    from app.bundles.round_package import import_round_package

    store = open_store_for(args)
    try:
        result = import_round_package(store, args.file, trust=args.trust)
    finally:
        store.close()
    lines = [result.summary()] + [f"  note: {n}" for n in result.notes]
    if result.sync_url:
        lines.append(f"  finalized assessments go to the sync service {result.sync_url} (nilai sync)")
    emit(args, result.to_dict(), lines)
    return 0
