"""Where signed sheets, trusted certificates and the drawn signature live; checking signed sheets.

``<data_dir>/sheets/<record_id>/<version_id>.pdf``
    The copy of every signed sheet that stays in the data directory (``Assessment.sheet_path``).
``<data_dir>/trusted/<sha256 fingerprint>.pem``
    Certificates this computer trusts when verifying sheets (see :func:`trust_certificate`).
``<data_dir>/identity/signature.png``
    The drawn signature laid behind the text of the signature appearance, when present.

Exported sheets are named for people: ``<date>_<HHMM>_<BPS code>_<region-slug>_v<version>.pdf``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from app.base.atomic import atomic_write
from app.base.ids import short_id
from app.identity import IDENTITY_DIR, certificate_fingerprint, load_certificate
from app.models.domain import AssessmentSnapshot

if TYPE_CHECKING:
    from app.sheets.signing import SheetVerification

SHEETS_DIR = "sheets"
TRUSTED_DIR = "trusted"
SIGNATURE_IMAGE = "signature.png"


def signature_image_path(data_dir: str | os.PathLike[str]) -> Path:
    """Where the drawn signature is kept (PNG); laid behind the signature text when present."""
    return Path(data_dir) / IDENTITY_DIR / SIGNATURE_IMAGE


def read_signature_image(data_dir: Path) -> bytes | None:
    path = signature_image_path(data_dir)
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "wilayah"


def sheet_file_name(snap: AssessmentSnapshot) -> str:
    """``<date>_<HHMM>_<BPS code>_<region-slug>_v<short version>.pdf`` (slot time, else finalized)."""
    if snap.slot is not None:
        when = dt.datetime.combine(snap.slot.day, snap.slot.start)
    else:
        moment = snap.finalized_at or snap.updated_at
        if moment.tzinfo is not None:
            moment = moment.astimezone()
        when = moment
    return f"{when:%Y-%m-%d}_{when:%H%M}_{snap.region.code}_{_slug(snap.region.name)}_v{short_id(snap.version_id)}.pdf"


def stored_path(snap: AssessmentSnapshot) -> str:
    return f"{SHEETS_DIR}/{snap.record_id}/{snap.version_id}.pdf"


def _as_certificates(trusted_certs: Iterable[Any] | None) -> list[Any] | None:
    if trusted_certs is None:
        return None
    certs: list[Any] = []
    for cert in trusted_certs:
        # a file name or PEM text is read here; certificate objects and PEM/DER bytes pass as they are
        certs.append(load_certificate(cert) if isinstance(cert, str | os.PathLike) else cert)
    return certs


def verify_files(
    paths: Sequence[str | os.PathLike[str]], trusted_certs: Iterable[Any] | None = None
) -> list[tuple[Path, SheetVerification]]:
    """Verify each signed sheet; ``trusted_certs`` are certificates (objects, PEM/DER bytes or files).

    With ``trusted_certs=None`` trust is not judged (every result has ``trusted=False``).
    An unreadable file gives a result with the reason in ``problems``.
    """
    # deferred: pyHanko only when a sheet is checked
    from app.sheets.signing import SheetVerification, verify_pdf

    certs = _as_certificates(trusted_certs)
    results: list[tuple[Path, SheetVerification]] = []
    for raw in paths:
        path = Path(raw)
        try:
            data = path.read_bytes()
        except OSError as exc:
            results.append((path, SheetVerification(problems=[f"could not read the file: {exc.strerror or exc}"])))
            continue
        results.append((path, verify_pdf(data, trusted=certs)))
    return results


def trusted_dir(data_dir: str | os.PathLike[str]) -> Path:
    return Path(data_dir) / TRUSTED_DIR


def load_trusted(data_dir: str | os.PathLike[str]) -> list[Any]:
    """The certificates kept under ``<data_dir>/trusted/`` (``*.pem``, ``*.crt``, ``*.cer``, ``*.der``)."""
    directory = trusted_dir(data_dir)
    if not directory.is_dir():
        return []
    certs = []
    for path in sorted(directory.iterdir()):
        if path.suffix.lower() in {".pem", ".crt", ".cer", ".der"} and path.is_file():
            with contextlib.suppress(Exception):
                certs.append(load_certificate(path))
    return certs


def trust_certificate(data_dir: str | os.PathLike[str], certificate: Any) -> Path:
    """Keep ``certificate`` (PEM text/bytes, DER bytes or a ``cryptography`` certificate) as trusted.

    Stored as ``<data_dir>/trusted/<sha256 fingerprint>.pem``; trusting it again changes nothing.
    """
    cert = certificate if isinstance(certificate, x509.Certificate) else load_certificate(
        certificate.encode("ascii") if isinstance(certificate, str) else certificate
    )
    directory = trusted_dir(data_dir)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{certificate_fingerprint(cert)}.pem"
    if not target.exists():
        atomic_write(target, cert.public_bytes(serialization.Encoding.PEM))
    return target
