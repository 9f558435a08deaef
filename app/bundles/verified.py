"""What the checks of a bundle take (:class:`VerifyContext`, read from the receiving store) and give
(:class:`VerifiedBundle`, the checked content with its zip still open).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.bundles import zipcheck
from app.bundles.format import (
    CERTIFICATE,
    DEFAULT_LIMITS,
    MANIFEST,
    PLAIN_NAMES,
    SIGNATURE,
    Limits,
)
from app.bundles.manifest import ParsedRecord, datetime_time
from app.bundles.trust import CertInfo
from app.models.domain import Instrument

# Instrument files already rebuilt and checked in this process, by SHA-256 of their bytes (the same bytes always
# give the same definition). Shared across imports: the sync service imports each bundle in a call of its own,
# and rebuilding and schema-checking a 40-indicator definition costs more than importing a one-assessment bundle.
_CHECKED_INSTRUMENT_FILES: dict[str, tuple[dict[str, Any], Instrument]] = {}
_CHECKED_INSTRUMENT_FILES_KEPT = 64  # distinct definitions; a round has one or two


def _checked_instrument_files() -> dict[str, tuple[dict[str, Any], Instrument]]:
    if len(_CHECKED_INSTRUMENT_FILES) > _CHECKED_INSTRUMENT_FILES_KEPT:
        _CHECKED_INSTRUMENT_FILES.clear()
    return _CHECKED_INSTRUMENT_FILES


@dataclass
class VerifyContext:
    """What the checks need to know about the receiving store (read before, nothing written)."""

    trusted: dict[str, CertInfo] = field(default_factory=dict)
    known_instruments: dict[str, Instrument] = field(default_factory=dict)  # content hash -> instrument
    round_instruments: dict[str, str] = field(default_factory=dict)  # round id -> instrument hash
    unlock: Callable[[], Any] | None = None  # -> UnlockedIdentity, for encrypted bundles
    limits: Limits = DEFAULT_LIMITS
    check_sheet_signatures: bool = True
    time_value: Callable[[str], Any] = datetime_time  # how record times become column values
    checked_instrument_files: dict[str, tuple[dict[str, Any], Instrument]] = field(
        default_factory=_checked_instrument_files)  # by sha256 of the file
    settled: set[tuple[str, ...]] = field(default_factory=set)  # facts the importer committed during this batch
    generation: int = 0  # raised whenever the importer adds a trusted certificate, an instrument or a round



@dataclass
class VerifiedBundle:
    label: str
    manifest: dict[str, Any]
    manifest_sha256: str
    outer_sha256: str | None
    fingerprint: str
    certificate_pem: str
    recipient_fingerprint: str | None
    records: list[ParsedRecord]
    instruments: dict[str, tuple[dict[str, Any], Instrument]]  # carried: hash -> (definition, parsed)
    sheets: dict[str, str]  # version id -> path in the zip
    evidence: dict[str, str]  # sha256 -> path in the zip
    archive: zipfile.ZipFile | None  # None once detached (sent from a helper process)

    @property
    def bundle_id(self) -> str:
        return self.manifest["bundle_id"]

    @property
    def assessor(self) -> dict[str, Any]:
        return self.manifest["assessor"]

    @property
    def encrypted(self) -> bool:
        return self.outer_sha256 is not None

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()

    def detached(self) -> VerifiedBundle:
        """The checked content without the open zip (to pass to another process)."""
        return replace(self, archive=None)

    def reattach(self, path: str | Path, context: VerifyContext) -> VerifiedBundle:
        """Open the (plain) bundle again to copy its files; every copied file is re-hashed against the manifest."""
        archive = zipcheck.open_zip(path, self.label, context.limits, allowed={MANIFEST, SIGNATURE, CERTIFICATE},
                                    patterns=PLAIN_NAMES)
        return replace(self, archive=archive)

    def __enter__(self) -> VerifiedBundle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
