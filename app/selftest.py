"""`nilai selftest`: exercise every part of the program headless, one line per step, then exit.

Made for the frozen build (a missing data file, module or shared library shows up here, on the
build machine, rather than on an assessor's laptop) and for a coordinator checking a new
installation. The steps use the real code paths: the store with its migrations, the shipped
instruments (and their template workbooks), a tiny demo round, a new identity, a rendered, signed and verified evaluation sheet,
a bundle written and imported into a second store, and optionally the desktop window drawn once
offscreen. Everything is written to a temporary data directory unless one is given.

No Qt here: the `--gui` step imports the desktop client only when asked.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from sqlmodel import select

from app import __version__, assessments, identity
from app.assessments.snapshots import snapshot
from app.base.atomic import atomic_write
from app.base.ids import short_id
from app.base.paths import DATABASE_FILE, installation, resources_dir
from app.bundles import report
from app.bundles.export import export_bundle
from app.bundles.importer import import_bundles
from app.bundles.trust import cert_info
from app.identity import storekey
from app.instruments import builtin_instruments
from app.instruments.workbooks import template_path
from app.instruments.xlsform_read import read_workbook
from app.models.tables import Assessment
from app.rounds.demo import build_demo
from app.store import cipher, encryption, migrations, open_store, settings

GUI_TIMEOUT_S = 60.0  # the window must have been drawn by then


class SelftestError(Exception):
    """A step found something wrong; the message is the one line printed for it."""


@dataclass
class Context:
    data_dir: Path
    scratch: Path  # for files that are not part of a data directory (the bundle, the second store)
    store: Any = None
    instruments: list[Any] = field(default_factory=list)
    passphrase: str = ""
    unlocked: Any = None
    version_id: str = ""
    signed_pdf: bytes = b""
    bundle_path: Path | None = None


@dataclass
class StepResult:
    name: str
    status: str  # "ok", "FAIL", "skip"
    seconds: float
    detail: str


Step = tuple[str, Callable[[Context], str]]


def step_store(ctx: Context) -> str:
    ctx.store = open_store(ctx.data_dir)
    current, head = migrations.current_revision(ctx.store), migrations.alembic_head_revision()
    if current != head or migrations.head_revision() != head:
        raise SelftestError(f"the store is at schema {current}, Alembic's head is {head}, "
                            f"the migration files say {migrations.head_revision()}")
    return f"schema {current} at {ctx.store.sqlite_path}"


def step_instruments(ctx: Context) -> str:
    ctx.instruments = builtin_instruments()
    if not ctx.instruments:
        raise SelftestError("no instrument was found in the program's resources")
    count = sum(len(i.indicators()) for i in ctx.instruments)
    return f"{len(ctx.instruments)} instruments, {count} indicators"


def step_workbooks(ctx: Context) -> str:
    """The shipped template workbooks read back to the built-in instruments (openpyxl, pyxform in the build)."""
    for instrument in ctx.instruments:
        template = template_path(instrument.id)
        if not template.is_file():
            raise SelftestError(f"the template workbook {template.name} is missing from the program's resources")
        if read_workbook(template).content_hash != instrument.content_hash:
            raise SelftestError(f"{template.name} does not read back to {instrument.id}'s content hash")
    return f"{len(ctx.instruments)} template workbooks read back with the same content hash"


def step_demo(ctx: Context) -> str:
    result = build_demo(ctx.store, regions_count=2, assessors_count=2)
    if result.assessments < 1:
        raise SelftestError("the demo round has no assessments")
    return f"{result.regions} regions, {result.assessors} assessors, {result.assessments} assessments"


def step_identity(ctx: Context) -> str:
    profile = settings.profile(ctx.store)
    if profile is None:
        raise SelftestError("the demo round did not set this laptop's assessor profile")
    ctx.passphrase = secrets.token_urlsafe(18)
    identity.create_identity(ctx.data_dir, profile.name, profile.nip, profile.organisation, ctx.passphrase)
    ctx.unlocked = identity.unlock(ctx.data_dir, ctx.passphrase)
    return f"{profile.name}, certificate {ctx.unlocked.info.fingerprint[:16]}…"


def step_sheet(ctx: Context) -> str:
    # deferred: ReportLab and pyHanko load in this step, so its time includes theirs as a real first sheet's does
    from app.sheets.render import render_sheet
    from app.sheets.signing import sign_pdf

    profile = settings.profile(ctx.store)
    assert profile is not None
    with ctx.store.transaction() as session:
        ctx.version_id = session.exec(
            select(Assessment.version_id).where(Assessment.assessor_id == profile.id, Assessment.status == "final")
            .order_by(Assessment.region_code)).first() or ""
    if not ctx.version_id:
        raise SelftestError("the demo round has no finalized assessment of this laptop's assessor")
    pdf = render_sheet(snapshot(ctx.store, ctx.version_id), "id")
    ctx.signed_pdf = sign_pdf(pdf, ctx.unlocked, reason="Nilai selftest", location="Nilai selftest")
    return f"{len(pdf) // 1024} KiB rendered, {len(ctx.signed_pdf) // 1024} KiB signed"


def step_verify(ctx: Context) -> str:
    # deferred: pyHanko's validator loads in this step, as it does for a real first check
    from app.sheets.signing import verify_pdf

    result = verify_pdf(ctx.signed_pdf, trusted=[ctx.unlocked.certificate])
    if not (result.valid and result.trusted):
        raise SelftestError("the signed sheet does not verify: " + ("; ".join(result.problems) or "not trusted"))
    relative = Path("sheets") / f"selftest-{short_id(ctx.version_id)}.pdf"
    (ctx.data_dir / relative.parent).mkdir(parents=True, exist_ok=True)
    atomic_write(ctx.data_dir / relative, ctx.signed_pdf)
    assessments.mark_signed(ctx.store, ctx.version_id, hashlib.sha256(ctx.signed_pdf).hexdigest(),
                            relative.as_posix(), "selftest")
    return f"valid and trusted, signed by {result.signer_name}"


def step_bundle_export(ctx: Context) -> str:
    ctx.bundle_path = ctx.scratch / "selftest.nilai"
    result = export_bundle(ctx.store, ctx.bundle_path, unlocked=ctx.unlocked)
    if result.signed < 1:
        raise SelftestError("the bundle holds no signed assessment")
    return f"{result.versions} versions ({result.signed} signed), {result.size // 1024} KiB"


def step_bundle_import(ctx: Context) -> str:
    assert ctx.bundle_path is not None
    trust = cert_info(ctx.unlocked.info.cert_pem.encode("ascii"), "selftest")
    coordinator = open_store(ctx.scratch / "coordinator")
    try:
        first = import_bundles(coordinator, [ctx.bundle_path], extra_trust={trust.fingerprint: trust}).bundles[0]
        if first.outcome != report.BUNDLE_IMPORTED:
            raise SelftestError(first.line())
        again = import_bundles(coordinator, [ctx.bundle_path], extra_trust={trust.fingerprint: trust}).bundles[0]
        if again.outcome != report.BUNDLE_KNOWN:
            raise SelftestError(f"importing the same bundle twice was not a no-op: {again.line()}")
    finally:
        coordinator.close()
    counts = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in first.counts.items())
    return f"into a second store: {counts}; again: no-op"


def step_encryption(ctx: Context) -> str:
    """Encryption at rest: a small store encrypted (SQLCipher, sealed evidence), locked, unlocked, read."""
    directory = ctx.scratch / "encrypted"
    store = open_store(directory)
    try:
        settings.write(store, "selftest.marker", "Rahasia Kabupaten Lebak")
    finally:
        store.close()
    passphrase = secrets.token_urlsafe(18)
    encryption.convert(directory, storekey.create(directory, passphrase))
    cipher.forget(directory)
    if b"Lebak" in (directory / "nilai.sqlite3").read_bytes():
        raise SelftestError("the encrypted store still holds readable text")
    cipher.unlock(directory, storekey.unwrap(directory, passphrase))
    store = open_store(directory)
    try:
        if settings.read(store, "selftest.marker") != "Rahasia Kabupaten Lebak":
            raise SelftestError("the encrypted store did not read back what was written")
        version = cipher.sqlcipher.connect(":memory:").execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        store.close()
        cipher.forget(directory)
    return f"SQLCipher {version}: written, locked, unlocked, read back"


def step_sync_service(ctx: Context) -> str:
    """The sync service (uvicorn, Starlette, TLS) on loopback on the selftest's store, and one GET /health through
    the laptops' client (httpx, the pinned certificate): what `nilai serve` and `nilai sync` need from the build."""
    import socket

    # deferred (each below): uvicorn, Starlette and httpx load in this step only, as for `nilai serve` and a first sync
    import httpx  # deferred: see above
    import uvicorn  # deferred: see above

    from app.sync.app import build_app  # deferred: see above
    from app.sync.client import pinned_context  # deferred: see above
    from app.sync.tls import loopback_certificate  # deferred: see above

    cert, key = loopback_certificate(ctx.scratch / "service-tls", name="nilai selftest")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(build_app(ctx.store, ctx.scratch / "service"), host="127.0.0.1", port=port,
                            log_config=None, access_log=False, ssl_certfile=str(cert), ssl_keyfile=str(key))
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="selftest-sync-service", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise SelftestError(f"the sync service did not start on 127.0.0.1:{port}")
            time.sleep(0.02)
        with httpx.Client(verify=pinned_context(cert), timeout=10) as client:
            answer = client.get(f"https://127.0.0.1:{port}/health")
        if answer.status_code != 200 or answer.json().get("status") != "ok":
            raise SelftestError(f"GET /health answered {answer.status_code}: {answer.text[:200]}")
    finally:
        server.should_exit = True
        thread.join(timeout=15)
    return f"uvicorn {uvicorn.__version__}, TLS on 127.0.0.1:{port}: /health ok ({answer.json().get('store')})"


def step_gui(ctx: Context) -> str:
    """Start the desktop program on the selftest's data directory; it quits after its first paint."""
    import argparse

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if ctx.store is not None:
        ctx.store.close()
        ctx.store = None
    # deferred: Qt, only for --gui (and absent from a build without the desktop client)
    from app.ui.application import run

    done = threading.Event()

    def watchdog() -> None:
        if not done.wait(GUI_TIMEOUT_S):
            print(f"nilai: selftest failed at step gui: the window was not drawn within {GUI_TIMEOUT_S:.0f} s",
                  file=sys.stderr, flush=True)
            os._exit(1)

    threading.Thread(target=watchdog, name="selftest-gui-watchdog", daemon=True).start()
    args = argparse.Namespace(data_dir=str(ctx.data_dir), database_url=None, lang=None, quit_after_paint=True,
                              command=None)
    try:
        code = run(args)
    finally:
        done.set()
    if code != 0:
        raise SelftestError(f"the desktop program exited with status {code}")
    return f"main window drawn ({os.environ.get('QT_QPA_PLATFORM')})"


def bundles_available() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("app.bundles.export", "app.bundles.importer"))


def sync_available() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("uvicorn", "starlette", "httpx"))


def plan(gui: bool) -> list[Step]:
    steps: list[Step] = [
        ("store", step_store),
        ("instruments", step_instruments),
        ("workbooks", step_workbooks),
        ("demo", step_demo),
        ("identity", step_identity),
        ("sheet", step_sheet),
        ("verify", step_verify),
        ("encryption", step_encryption),
    ]
    if bundles_available():
        steps += [("bundle-export", step_bundle_export), ("bundle-import", step_bundle_import)]
    if sync_available():
        steps.append(("sync-service", step_sync_service))
    if gui:
        steps.append(("gui", step_gui))
    return steps


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or exc.__class__.__name__
    if not isinstance(exc, SelftestError):
        text = f"{exc.__class__.__name__}: {text}"
    return text


def run_steps(ctx: Context, steps: list[Step], out: TextIO) -> list[StepResult]:
    results: list[StepResult] = []
    failed = False
    for name, func in steps:
        if failed:
            results.append(StepResult(name, "skip", 0.0, "not run after the failure above"))
        else:
            start = time.perf_counter()
            try:
                detail = func(ctx)
                results.append(StepResult(name, "ok", time.perf_counter() - start, detail))
            except Exception as exc:  # every failure becomes one line; the exit status says the rest
                results.append(StepResult(name, "FAIL", time.perf_counter() - start, _one_line(exc)))
                failed = True
        r = results[-1]
        print(f"{r.status:4}  {r.name:13} {r.seconds:6.2f} s  {r.detail}", file=out, flush=True)
    return results


def check_data_dir(path: Path) -> None:
    """Refuse a data directory that holds someone's work: the selftest writes a demo and an identity."""
    if (path / DATABASE_FILE).exists() or (path / "identity").exists():
        raise SelftestError(f"{path} already holds Nilai data; the selftest needs an empty or new directory")


def selftest(data_dir: str | Path | None = None, *, gui: bool = False, out: TextIO | None = None) -> list[StepResult]:
    """Run every step; returns the results (the caller decides the exit status)."""
    out = out or sys.stdout
    print(f"nilai {__version__} selftest ({installation()}, Python {sys.version.split()[0]}, "
          f"resources in {resources_dir()})", file=out, flush=True)
    with tempfile.TemporaryDirectory(prefix="nilai-selftest-") as tmp:
        scratch = Path(tmp)
        directory = Path(data_dir).expanduser().resolve() if data_dir else scratch / "data"
        if data_dir:
            check_data_dir(directory)
        ctx = Context(data_dir=directory, scratch=scratch)
        try:
            return run_steps(ctx, plan(gui), out)
        finally:
            if ctx.store is not None:
                ctx.store.close()
