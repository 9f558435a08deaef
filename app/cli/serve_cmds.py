"""nilai serve: the coordinator's sync service (app.sync) under uvicorn, with TLS.

It runs on the coordinator's PostgreSQL store (the store several coordinator machines share). TLS
is required: assessors' laptops pin the service's certificate, and the bundles and signatures must
not travel in clear text. ``--insecure-http`` exists only for trying it on this machine and is
refused on any address but loopback.
"""

from __future__ import annotations

import argparse
import datetime
import ipaddress
import sys
from pathlib import Path

from app.cli.common import UserError, open_store_for

LOG_NAME = "sync-service.jsonl"


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("serve", help="coordinator: the sync service assessors send their bundles to (HTTPS)",
                            description="Receives signed bundles over HTTPS and runs each through the same "
                            "verification and import as `nilai bundle import`. Requests are authenticated with "
                            "the assessor's signing key (RFC 9421) against the store's trust list; bundles "
                            "from certificates not trusted yet wait in the store's quarantine (nilai bundle quarantine list). "
                            "Logs one JSON line per request to <data dir>/logs/" + LOG_NAME + ".")
    p.add_argument("--database-url", default=argparse.SUPPRESS,
                   help="the coordinator's PostgreSQL store, e.g. postgresql+psycopg://nilai@db/nilai "
                        "(same as the global option)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; 0.0.0.0 for all)")
    p.add_argument("--port", type=int, default=8443, help="port (default 8443)")
    p.add_argument("--tls-cert", "--cert", dest="tls_cert", type=Path, metavar="FILE",
                   help="the service's TLS certificate (PEM); assessors pin it")
    p.add_argument("--tls-key", "--key", dest="tls_key", type=Path, metavar="FILE", help="its private key (PEM)")
    p.add_argument("--insecure-http", action="store_true",
                   help="plain HTTP without TLS, for trying it out on loopback only (never on a network)")
    p.add_argument("--upload-expiry-hours", type=float, default=24.0, metavar="HOURS",
                   help="an unfinished resumable upload is removed this long after its last chunk (default 24)")
    p.add_argument("--metrics-from", action="append", default=[], metavar="NETWORK",
                   help="also let this address or network (e.g. 10.0.0.7 or 10.0.0.0/24) read GET /metrics; "
                        "loopback always may (repeat for several)")
    p.set_defaults(handler=serve)


def _check_tls(args: argparse.Namespace) -> None:
    import ssl  # deferred: ~15 ms that every other `nilai` command (and the desktop's start) would pay

    if args.insecure_http:
        try:
            loopback = ipaddress.ip_address(args.host).is_loopback
        except ValueError:
            loopback = args.host == "localhost"
        if not loopback:
            raise UserError(f"--insecure-http is for loopback only, not --host {args.host}: give --tls-cert and --tls-key")
        return
    if not args.tls_cert or not args.tls_key:
        raise UserError("nilai serve needs TLS: --tls-cert FILE --tls-key FILE (a self-signed certificate will do; "
                        "see docs/sync-service.md)")
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(str(args.tls_cert), str(args.tls_key))
    except (OSError, ssl.SSLError) as exc:
        raise UserError(f"--tls-cert {args.tls_cert} / --tls-key {args.tls_key}: cannot be used ({exc})") from exc


def _log_to(directory: Path) -> Path:
    import logging.handlers  # deferred: as ssl above

    directory.mkdir(parents=True, exist_ok=True)
    path = directory / LOG_NAME
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=10_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("app.sync")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return path


def serve(args: argparse.Namespace) -> int:
    # deferred: uvicorn, starlette, sqlalchemy (loaded only when this command runs)
    import uvicorn

    # deferred: starlette, sqlalchemy and the importer, loaded only when this command runs
    from app.sync.app import build_app
    from app.sync.metrics import networks

    if not args.database_url:
        raise UserError("nilai serve runs on the coordinator's PostgreSQL store: "
                        "--database-url postgresql+psycopg://USER@HOST/DB")
    _check_tls(args)
    if not 0 < args.upload_expiry_hours <= 24 * 365:
        raise UserError(f"--upload-expiry-hours {args.upload_expiry_hours}: give more than 0 and at most a year (8760)")
    try:
        networks(args.metrics_from)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    store = open_store_for(args)
    try:
        log = _log_to(Path(store.data_dir) / "logs")
        application = build_app(store, Path(store.data_dir), metrics_from=args.metrics_from,
                                upload_expiry=datetime.timedelta(hours=args.upload_expiry_hours))
        scheme = "http" if args.insecure_http else "https"
        print(f"nilai serve: {scheme}://{args.host}:{args.port} on {store.engine.url.render_as_string()}; "
              f"log {log}", file=sys.stderr, flush=True)
        uvicorn.run(application, host=args.host, port=args.port, log_config=None, access_log=False,
                    ssl_certfile=None if args.insecure_http else str(args.tls_cert),
                    ssl_keyfile=None if args.insecure_http else str(args.tls_key))
    finally:
        store.close()
    return 0
