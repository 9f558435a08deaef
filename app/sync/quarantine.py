"""Bundles from a certificate the store does not trust (yet): kept, unopened, for the coordinator.

The sender proved they hold the key of the certificate they sent, but nobody here has said that
certificate is an assessor of this round. Its bundles are neither imported nor thrown away: each
waits under ``<data dir>/sync/quarantine/<fingerprint>/`` beside the certificate, until the
coordinator checks the fingerprint with the assessor and trusts it (then imports the waiting files,
like any bundle file: ``nilai bundle trust certificate.pem`` and ``nilai bundle import *.nilai``,
or :func:`app.bundles.intake.trust_and_import`), or deletes them.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.base.atomic import atomic_write

CERTIFICATE = "certificate.pem"


def quarantine_root(data_dir: Path) -> Path:
    return Path(data_dir) / "sync" / "quarantine"


@dataclass(frozen=True)
class Waiting:
    fingerprint: str
    certificate: Path
    bundles: tuple[Path, ...]


def keep(data_dir: Path, spooled: Path, name: str, fingerprint: str, cert_pem: str, reason: str) -> Path:
    """Move a received bundle into quarantine as ``name`` (same file system: a rename); returns where it is kept.
    The same bundle sent again lands on the same name: kept once."""
    folder = quarantine_root(data_dir) / fingerprint
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / CERTIFICATE).exists():
        atomic_write(folder / CERTIFICATE, cert_pem.encode("ascii"))
    target = folder / name
    note = {"received_at": datetime.now(UTC).isoformat(timespec="seconds"), "reason": reason, "file": target.name}
    atomic_write(target.with_suffix(".json"), (json.dumps(note, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    os.replace(spooled, target)
    return target


def waiting(data_dir: Path) -> list[Waiting]:
    """Every quarantined certificate with its bundles, oldest first."""
    root = quarantine_root(data_dir)
    found = []
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        bundles = tuple(sorted(folder.glob("*.nilai"), key=lambda p: p.stat().st_mtime))
        if bundles:
            found.append(Waiting(folder.name, folder / CERTIFICATE, bundles))
    return found
