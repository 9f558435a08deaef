"""nilai sync: send the outbox (final and signed versions) to the round's sync service, then fetch what
came back (a newer round package, assessments returned for revision).

One line per bundle sent (or not) and per service asked, exit 0 when everything queued was taken in
and the services answered, 1 otherwise; the versions that were not taken in stay queued with the
reason, for the next `nilai sync`.
"""

from __future__ import annotations

import argparse

from app.cli.common import UserError, add_json, emit, open_store_for, read_passphrase


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("sync", help="assessor: send finalized and signed assessments to the coordinator's "
                            "sync service, fetch what came back", description="Queues every final and signed version "
                            "not sent yet and sends it, as a signed result bundle, to the sync service named in the "
                            "round package. A version is marked sent only when the service has taken it in; anything "
                            "else leaves it queued with the reason. Then fetches the round's current package (taken in "
                            "when newer) and the assessments the coordinator returned to you for revision.")
    p.add_argument("--round", dest="round_ref", help="round id or name (default: every round with something queued)")
    p.add_argument("--passphrase-file", help="file holding your identity's passphrase (it signs the bundle)")
    p.add_argument("--retries", type=int, default=3,
                   help="further attempts when the service does not answer, waiting 1, 2, 4... s (default 3)")
    add_json(p)
    p.set_defaults(handler=sync)


def sync(args: argparse.Namespace) -> int:
    # deferred: httpx, cryptography, sqlmodel and the exporter, loaded only when this command runs
    from app.identity import IdentityError, unlock
    from app.sync.inbox import has_service, sync_round_trip
    from app.sync.lock import SyncBusy
    from app.sync.outbox import SyncError, queue_new, waiting

    if not 0 <= args.retries <= 10:
        raise UserError(f"--retries {args.retries}: give 0 to 10")
    store = open_store_for(args)
    try:
        queue_new(store)
        queued = len(waiting(store))
        if not queued and not has_service(store):
            emit(args, {"deliveries": [], "received": []},
                 ["nothing to send: every final and signed version was taken in already"])
            return 0
        try:
            unlocked = unlock(store.data_dir, read_passphrase(args, "Passphrase of your identity: "))
        except IdentityError as exc:
            raise UserError(f"{exc} (the bundle and the requests are signed with your key)") from exc
        try:
            deliveries, received = sync_round_trip(store, unlocked, round_ref=args.round_ref, retries=args.retries)
        except (SyncError, SyncBusy) as exc:
            raise UserError(str(exc)) from exc
        left = len(waiting(store))
    finally:
        store.close()
    lines = [d.line() for d in deliveries]
    if not queued:
        lines.append("nothing to send: every final and signed version was taken in already")
    elif not deliveries:
        lines.append("nothing to send for that round")
    if left:
        lines.append(f"{left} version(s) still queued; run nilai sync again when the service can be reached")
    lines += [r.line() for r in received]
    emit(args, {"deliveries": [d.__dict__ | {"sent": d.sent} for d in deliveries], "still_queued": left,
                "received": [r.to_json() for r in received]}, lines)
    return 0 if all(d.sent for d in deliveries) and all(r.ok for r in received) else 1
