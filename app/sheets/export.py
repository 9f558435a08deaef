"""Signed evaluation sheets: render, sign and keep every finalized assessment of this laptop's assessor.

API (Qt-free; the CLI and the desktop UI both call it):

``export_sheets(store, out_dir, unlocked, *, round_id=None, day=None, lang="id", progress=None,
cancel=None) -> ExportResult``
    Every *finalized, not yet signed, current* assessment of this laptop's assessor
    (``settings.profile``) in the round (and on the interview day, if given): snapshot →
    ``render_sheet`` → ``sign_pdf`` → written atomically to ``out_dir`` and kept in the data
    directory as ``sheets/<record_id>/<version_id>.pdf`` → ``mark_signed`` with the SHA-256 and
    that relative path. ``progress(done, total, label)`` is called after each sheet;
    ``cancel()`` is asked before each one. One sheet's failure (disk full, read-only folder…)
    stops the batch: the sheets signed before it stay signed, nothing of the failing one is left
    behind, and ``ExportResult.error`` says what happened.
``sign_one(store, version_id, unlocked, lang="id") -> SignedSheet``
    The same for one assessment (the UI's per-assessment action); the sheet is kept in the data
    directory only.
``verify_files(paths, trusted_certs=None) -> list[(Path, SheetVerification)]``
    Check signed sheets; never raises for a bad file. It lives in :mod:`app.sheets.files` with the
    file names, the trusted-certificate folder and the drawn signature, and is re-exported here.

Who signs and which assessments are in scope (``link_identity``, ``plan_export``, and
``SheetExportError`` for a request that cannot be met) live in :mod:`app.sheets.scope`.

Rendering is pure-Python ReportLab work (about 0.1 s a sheet here), so a batch renders in a small
pool of worker *processes* (started with ``spawn``: safe from a GUI's worker thread) while this
process signs, writes and records, in order (:mod:`app.sheets.render_pool`). The private key never
leaves this process.

Sheets are named for people: ``<date>_<HHMM>_<BPS code>_<region-slug>_v<version>.pdf``, e.g.
``2018-03-05_0800_3325_kabupaten-batang_v1a2b3c4d.pdf`` (date and time of the interview slot).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import logging
import os
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.assessments import mark_signed
from app.assessments.snapshots import snapshot_in
from app.base.atomic import atomic_write
from app.identity import (
    UnlockedIdentity,
)
from app.models.domain import AssessmentSnapshot, AssessmentStatus, AssessorInfo
from app.models.tables import Assessment
from app.rounds import resolve_round
from app.sheets.files import (
    load_trusted,
    read_signature_image,
    sheet_file_name,
    signature_image_path,
    stored_path,
    trust_certificate,
    verify_files,
)
from app.sheets.render_pool import SheetRenderer, default_workers
from app.sheets.scope import SheetExportError, assessments_in_scope, check_signer, parse_day, signer_profile
from app.store import Store

__all__ = [
    "ExportResult",
    "SignedSheet",
    "export_sheets",
    "load_trusted",
    "sheet_file_name",
    "sign_one",
    "signature_image_path",
    "trust_certificate",
    "verify_files",
]

log = logging.getLogger(__name__)

REASONS = {
    "id": "Penilaian {programme}",
    "en": "Assessment, {programme}",
}
REGION_LABEL = {"id": "Wilayah", "en": "Region"}

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class SignedSheet:
    """One signed sheet: where it was written and what it hashes to."""

    version_id: str
    record_id: str
    region_code: str
    region_name: str
    stored_path: str  # inside the data directory, posix style: sheets/<record>/<version>.pdf
    sha256: str
    size: int
    file: Path | None = None  # the copy in the output folder (None for sign_one)


@dataclass
class ExportResult:
    """What a batch did. ``error`` is None when every sheet it set out to sign was signed."""

    out_dir: Path
    round_id: str
    round_name: str
    total: int  # sheets this batch set out to sign
    signed: list[SignedSheet] = field(default_factory=list)
    already_signed: int = 0  # current assessments in scope that were signed before
    not_finalized: int = 0  # drafts in scope (they cannot be signed yet)
    error: str | None = None
    failed_version_id: str | None = None
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None and not self.cancelled

    def as_dict(self) -> dict[str, Any]:
        return {
            "out_dir": str(self.out_dir),
            "round_id": self.round_id,
            "round_name": self.round_name,
            "total": self.total,
            "signed": [
                {
                    "version_id": s.version_id,
                    "record_id": s.record_id,
                    "region_code": s.region_code,
                    "region_name": s.region_name,
                    "file": str(s.file) if s.file else None,
                    "stored_path": s.stored_path,
                    "sha256": s.sha256,
                    "size": s.size,
                }
                for s in self.signed
            ],
            "already_signed": self.already_signed,
            "not_finalized": self.not_finalized,
            "error": self.error,
            "failed_version_id": self.failed_version_id,
            "cancelled": self.cancelled,
            "seconds": round(self.seconds, 3),
        }


# --------------------------------------------------------------------------- names and text


def _location(snap: AssessmentSnapshot) -> str:
    if snap.slot is None:
        return ""
    return ", ".join(part for part in (snap.slot.room, snap.slot.panel_name) if part)


def _lang(lang: str) -> str:
    return lang if lang in REASONS else "id"


def _actor(profile: AssessorInfo) -> str:
    return f"{profile.name} <{profile.nip}>" if profile.nip else profile.name


def _describe_os_error(exc: OSError) -> str:
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EROFS: "the folder is on a read-only disk",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOENT: "the folder does not exist (was the USB stick removed?)",
        errno.EIO: "the disk reported an input/output error (was the USB stick removed?)",
    }
    reason = reasons.get(exc.errno or -1, exc.strerror or str(exc))
    where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
    return reason + where


# --------------------------------------------------------------------------- one sheet


def _sign_and_keep(
    store: Store,
    snap: AssessmentSnapshot,
    pdf: bytes,
    unlocked: UnlockedIdentity,
    *,
    lang: str,
    actor: str,
    out_dir: Path | None,
    signature_image: bytes | None,
) -> SignedSheet:
    """Sign one rendered sheet, write its copies, record it; on failure leave nothing behind."""
    lang = _lang(lang)
    # deferred: pyHanko loads with the first signature, not at start-up
    from app.sheets.signing import sign_pdf

    signed = sign_pdf(
        pdf,
        unlocked,
        reason=REASONS[lang].format(programme=snap.programme),
        location=_location(snap),
        appearance_lines={REGION_LABEL[lang]: f"{snap.region.name} ({snap.region.code})"},
        signature_image=signature_image,
    )
    sha256 = hashlib.sha256(signed).hexdigest()
    relative = stored_path(snap)
    kept = store.data_dir / relative
    exported = out_dir / sheet_file_name(snap) if out_dir is not None else None
    written: list[Path] = []
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(kept, signed)
        written.append(kept)
        if exported is not None:
            atomic_write(exported, signed)
            written.append(exported)
        mark_signed(store, snap.version_id, sha256, relative, actor)
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        with contextlib.suppress(OSError):
            kept.parent.rmdir()  # only if empty
        raise
    return SignedSheet(
        snap.version_id, snap.record_id, snap.region.code, snap.region.name, relative, sha256, len(signed), exported
    )


def sign_one(
    store: Store,
    version_id: str,
    unlocked: UnlockedIdentity,
    lang: str = "id",
    *,
    signature_image: bytes | None = None,
) -> SignedSheet:
    """Render and sign one finalized assessment of this laptop's assessor; keep it in the data dir.

    ``signature_image`` defaults to the drawn signature in the data directory, if there is one.
    Raises :class:`SheetExportError` (not finalized, already signed, someone else's assessment),
    :class:`app.sheets.signing.SignPdfError` or ``OSError``; nothing is recorded then.
    """
    with store.transaction() as session:
        profile = signer_profile(session)
        row = session.get(Assessment, version_id)
        if row is None:
            raise SheetExportError(f"Assessment version {version_id} does not exist in this data directory.")
        if row.assessor_id != profile.id:
            raise SheetExportError("Only this laptop's assessor can sign this assessment's sheet.")
        if row.status == AssessmentStatus.SIGNED:
            raise SheetExportError("This assessment's sheet is already signed.")
        if row.status != AssessmentStatus.FINAL or not row.is_current:
            raise SheetExportError("Only a finalized, current assessment can be signed; finalize it first.")
        snap = snapshot_in(session, version_id)
    check_signer(profile, unlocked)
    image = signature_image if signature_image is not None else read_signature_image(store.data_dir)
    # deferred: ReportLab loads with the first sheet, not at start-up
    from app.sheets.render import render_sheet

    pdf = render_sheet(snap, _lang(lang))
    return _sign_and_keep(
        store, snap, pdf, unlocked, lang=lang, actor=_actor(profile), out_dir=None, signature_image=image
    )


# --------------------------------------------------------------------------- many sheets


def export_sheets(
    store: Store,
    out_dir: str | os.PathLike[str],
    unlocked: UnlockedIdentity,
    *,
    round_id: str | None = None,
    day: dt.date | str | None = None,
    lang: str = "id",
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    signature_image: bytes | None = None,
    workers: int | None = None,
) -> ExportResult:
    """Sign every finalized, unsigned, current assessment of this laptop's assessor (see module doc).

    Raises :class:`SheetExportError` before anything is signed when the request cannot be met (no
    profile, unknown round, identity of another assessor, output folder not usable); once
    signing has begun, problems end the batch and are reported in ``ExportResult.error``.
    """
    started = time.perf_counter()
    day = parse_day(day)
    lang = _lang(lang)
    out = Path(out_dir).expanduser()
    with store.transaction() as session:
        profile = signer_profile(session)
        round_ = resolve_round(session, round_id)
        scope = assessments_in_scope(session, round_.id, profile.id, day)
        pending = [a.version_id for a in scope if a.status == AssessmentStatus.FINAL]
        result = ExportResult(
            out_dir=out,
            round_id=round_.id,
            round_name=round_.name,
            total=len(pending),
            already_signed=sum(a.status == AssessmentStatus.SIGNED for a in scope),
            not_finalized=sum(a.status == AssessmentStatus.DRAFT for a in scope),
        )
    check_signer(profile, unlocked)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SheetExportError(f"The output folder {out} cannot be used: {_describe_os_error(exc)}.") from exc
    if not out.is_dir():
        raise SheetExportError(f"{out} is not a folder.")
    if not pending:
        result.seconds = time.perf_counter() - started
        return result
    image = signature_image if signature_image is not None else read_signature_image(store.data_dir)
    actor = _actor(profile)
    renderer = SheetRenderer(workers if workers is not None else default_workers(len(pending)), lang)
    ahead = 2 * renderer.workers if renderer.pool else 1
    queue: deque[tuple[AssessmentSnapshot, Future]] = deque()
    todo = iter(pending)

    def fill() -> None:
        while len(queue) < ahead:
            version_id = next(todo, None)
            if version_id is None:
                return
            with store.transaction() as session:
                snap = snapshot_in(session, version_id)
            queue.append((snap, renderer.submit(snap)))

    current: AssessmentSnapshot | None = None
    try:
        fill()
        while queue:
            if cancel is not None and cancel():
                result.cancelled = True
                break
            current, future = queue.popleft()
            pdf = renderer.result(current, future)
            fill()  # keep the workers busy while this one is signed and written
            sheet = _sign_and_keep(
                store, current, pdf, unlocked, lang=lang, actor=actor, out_dir=out, signature_image=image
            )
            result.signed.append(sheet)
            current = None
            if progress is not None:
                progress(len(result.signed), result.total, sheet.region_name)
    except Exception as exc:  # every failure ends the batch the same clean way
        result.error = _failure_message(exc, current, len(result.signed))
        result.failed_version_id = current.version_id if current else None
    finally:
        renderer.close()
        result.seconds = time.perf_counter() - started
    return result


def _failure_message(exc: Exception, snap: AssessmentSnapshot | None, done: int) -> str:
    what = _describe_os_error(exc) if isinstance(exc, OSError) else (str(exc).strip() or type(exc).__name__)
    where = f"{snap.region.name} ({snap.region.code})" if snap else "the next sheet"
    kept = f"the {done} sheet(s) signed before it are kept" if done else "nothing was signed"
    return f"Signing stopped at {where}: {what}. No file of it was left behind; {kept}."


