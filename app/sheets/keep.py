"""One sheet of a batch: sign it, write it durably, record it; what a batch reports.

:mod:`app.sheets.export` (``sign_one``, ``export_sheets``) and :mod:`app.sheets.batch` (the
pipeline) build on these. Signing (:func:`_sign`) and keeping (:func:`_keep`: two atomic,
fsynced writes, then ``mark_signed``) are separate steps so that a batch can write one sheet on
another thread while it signs the next, and record several written sheets in one transaction
(:func:`_record_many`).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.assessments import mark_signed, mark_signed_many
from app.base.atomic import atomic_write
from app.identity import UnlockedIdentity
from app.models.domain import AssessmentSnapshot, AssessorInfo
from app.sheets.files import sheet_file_name, stored_path
from app.store import Store

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
    signed = _sign(snap, pdf, unlocked, lang=lang, signature_image=signature_image)
    return _keep(store, snap, signed, actor=actor, out_dir=out_dir)


def _sign(snap: AssessmentSnapshot, pdf: bytes, unlocked: UnlockedIdentity, *, lang: str,
          signature_image: bytes | None) -> bytes:
    """The rendered sheet, signed (in memory only)."""
    lang = _lang(lang)
    # deferred: pyHanko loads with the first signature, not at start-up
    from app.sheets.signing import sign_pdf

    return sign_pdf(
        pdf,
        unlocked,
        reason=REASONS[lang].format(programme=snap.programme),
        location=_location(snap),
        appearance_lines={REGION_LABEL[lang]: f"{snap.region.name} ({snap.region.code})"},
        signature_image=signature_image,
    )


@dataclass(frozen=True)
class _Written:
    """A signed sheet on disk, not yet recorded as signed."""

    snap: AssessmentSnapshot
    relative: str  # inside the data directory
    kept: Path
    exported: Path | None
    sha256: str
    size: int


def _keep(store: Store, snap: AssessmentSnapshot, signed: bytes, *, actor: str, out_dir: Path | None) -> SignedSheet:
    """Write a signed sheet durably (data directory, then ``out_dir``), then record it as signed;
    on failure leave nothing of it behind."""
    return _record(store, _write(store, snap, signed, out_dir=out_dir), actor=actor)


def _write(store: Store, snap: AssessmentSnapshot, signed: bytes, *, out_dir: Path | None) -> _Written:
    """The signed sheet written durably (atomic, fsynced), or nothing of it left on failure.
    Mostly waiting on the disk: a batch runs it on a thread while it signs the next sheet."""
    relative = stored_path(snap)
    kept = store.data_dir / relative
    exported = out_dir / sheet_file_name(snap) if out_dir is not None else None
    written = _Written(snap, relative, kept, exported, hashlib.sha256(signed).hexdigest(), len(signed))
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(kept, signed)
        if exported is not None:
            atomic_write(exported, signed)
    except BaseException:
        _remove(written)
        raise
    return written


def _record(store: Store, written: _Written, *, actor: str) -> SignedSheet:
    """Mark the written sheet's assessment signed; if that fails, remove the files."""
    snap = written.snap
    try:
        mark_signed(store, snap.version_id, written.sha256, written.relative, actor)
    except BaseException:
        _remove(written)
        raise
    return _signed_sheet(written)


def _record_many(store: Store, written: list[_Written], *, actor: str) -> list[SignedSheet]:
    """Mark several written sheets' assessments signed in one transaction (all or none; the files
    stay either way: on failure the caller records them one at a time, see :mod:`app.sheets.batch`)."""
    mark_signed_many(store, [(w.snap.version_id, w.sha256, w.relative) for w in written], actor)
    return [_signed_sheet(w) for w in written]


def _signed_sheet(written: _Written) -> SignedSheet:
    snap = written.snap
    return SignedSheet(snap.version_id, snap.record_id, snap.region.code, snap.region.name, written.relative,
                       written.sha256, written.size, written.exported)


def _remove(written: _Written) -> None:
    for path in (written.kept, written.exported):
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink()
    with contextlib.suppress(OSError):
        written.kept.parent.rmdir()  # only if empty


def _failure_message(exc: Exception, snap: AssessmentSnapshot | None, done: int) -> str:
    what = _describe_os_error(exc) if isinstance(exc, OSError) else (str(exc).strip() or type(exc).__name__)
    where = f"{snap.region.name} ({snap.region.code})" if snap else "the next sheet"
    kept = f"the {done} sheet(s) signed before it are kept" if done else "nothing was signed"
    return f"Signing stopped at {where}: {what}. No file of it was left behind; {kept}."


