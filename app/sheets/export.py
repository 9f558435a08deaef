"""Signed evaluation sheets: render, sign and keep every finalized assessment of this laptop's assessor.

API (Qt-free; the CLI and the desktop UI both call it):

``export_sheets(store, out_dir, unlocked, *, round_id=None, day=None, lang="id", progress=None,
cancel=None) -> ExportResult``
    Every *finalized, not yet signed, current* assessment of this laptop's assessor
    (``settings.profile``) in the round (and on the interview day, if given): snapshot →
    ``render_sheet`` → ``sign_pdf`` → written atomically to ``out_dir`` and kept in the data
    directory as ``sheets/<record_id>/<version_id>.pdf`` → recorded signed with the SHA-256 and
    that relative path (``mark_signed_many``: a few written sheets to a transaction, each only once
    its files are durable). ``progress(done, total, label)`` is called after each sheet is written;
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

import datetime as dt
import logging
import os
from collections.abc import Callable

from app.assessments.snapshots import snapshot_in
from app.identity import UnlockedIdentity
from app.models.domain import AssessmentStatus
from app.models.tables import Assessment
from app.sheets.batch import SheetBatch
from app.sheets.files import (
    load_trusted,
    read_signature_image,
    sheet_file_name,
    signature_image_path,
    trust_certificate,
    verify_files,
)
from app.sheets.keep import ExportResult, Progress, SignedSheet, _actor, _lang, _sign_and_keep
from app.sheets.scope import SheetExportError, check_signer, signer_profile
from app.store import Store

__all__ = [
    "ExportResult",
    "SheetExportError",
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
    The batch itself is :class:`app.sheets.batch.SheetBatch` (the command line starts its
    rendering before the key is unlocked).
    """
    with SheetBatch(store, out_dir, round_id=round_id, day=day, lang=lang, workers=workers) as batch:
        batch.check(unlocked)
        batch.start()
        return batch.sign(unlocked, progress=progress, cancel=cancel, signature_image=signature_image)
