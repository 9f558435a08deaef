"""nilai bundle quarantine list | trust FP | reject FP: the sync service's quarantine, in the store.

Bundles that reached `nilai serve` signed by a certificate not on the trust list wait in the store
(table sync_quarantine). The coordinator checks a certificate's fingerprint with its assessor, then
trusts it (its bundles are imported, with the usual report) or rejects it (its bundles are deleted).
"""

from __future__ import annotations

import argparse
import sys

from app.cli.common import UserError, add_json, emit, open_store_for


def register(bundle_actions: argparse._SubParsersAction) -> None:
    q = bundle_actions.add_parser("quarantine", help="bundles the sync service kept from certificates not trusted yet",
                                  description="Bundles sent to `nilai serve` by a certificate not on the trust list "
                                  "wait in the store. Check each fingerprint with the assessor (by phone or in "
                                  "person), then trust it (its bundles are imported) or reject it (they are deleted).")
    sub = q.add_subparsers(dest="quarantine_command", metavar="ACTION", required=True)
    p = sub.add_parser("list", help="the certificates waiting, with their bundles (fingerprint, name, NIP, when)")
    add_json(p)
    p.set_defaults(handler=quarantine_list)
    for action, text in (("trust", "trust the certificate(s) and import their waiting bundles"),
                         ("reject", "do not trust the certificate(s): delete their waiting bundles")):
        p = sub.add_parser(action, help=text)
        p.add_argument("fingerprints", nargs="+", metavar="FP",
                       help="the certificate's SHA-256 fingerprint (a prefix of 8+ hex digits will do), as listed")
        add_json(p)
        p.set_defaults(handler=quarantine_trust if action == "trust" else quarantine_reject)


def quarantine_list(args: argparse.Namespace) -> int:
    # deferred: sqlmodel and the importer, loaded only when this command runs
    from app.sync.quarantine import waiting

    store = open_store_for(args)
    try:
        items = waiting(store)
    finally:
        store.close()
    lines = [f"{i.fingerprint}  {i.name or '?'} (NIP {i.nip or '?'})  {i.received_at:%Y-%m-%d %H:%M}  "
             f"{i.size:,} bytes  {i.reason}" for i in items] or ["the quarantine is empty"]
    emit(args, [i.__dict__ | {"certificate_pem": None} for i in items], lines)
    return 0


def _resolve(store, prefixes: list[str]) -> list[str]:
    from app.sync.quarantine import waiting  # deferred: as above

    known = sorted({i.fingerprint for i in waiting(store)})
    chosen = []
    for prefix in prefixes:
        text = prefix.lower().replace(" ", "").replace(":", "")
        matches = [f for f in known if f.startswith(text)] if len(text) >= 8 else []
        if len(matches) != 1:
            raise UserError(f"{prefix}: {'no' if not matches else 'more than one'} certificate in the quarantine "
                            "matches; give 8+ hex digits of a fingerprint from nilai bundle quarantine list")
        chosen.append(matches[0])
    return chosen


def quarantine_trust(args: argparse.Namespace) -> int:
    # deferred: as above
    from app.bundles.errors import BundleError
    from app.sync.quarantine import trust_and_import

    store = open_store_for(args)
    try:
        try:
            outcome = trust_and_import(store, _resolve(store, args.fingerprints))
        except BundleError as exc:
            raise UserError(str(exc)) from exc
    finally:
        store.close()
    report = outcome.report
    emit(args, report.to_dict(), report.lines())
    if report.rejected:
        print(f"nilai: {len(report.rejected)} of {len(report.bundles)} bundle(s) rejected; first: "
              f"{report.rejected[0].reason}", file=sys.stderr)
        return 1
    return 0


def quarantine_reject(args: argparse.Namespace) -> int:
    from app.sync.quarantine import reject  # deferred: as above

    store = open_store_for(args)
    try:
        chosen = _resolve(store, args.fingerprints)
        deleted = reject(store, chosen)
    finally:
        store.close()
    emit(args, {"rejected": chosen, "bundles_deleted": deleted},
         [f"{deleted} bundle(s) of {len(chosen)} certificate(s) deleted from the quarantine; nothing was imported"])
    return 0
