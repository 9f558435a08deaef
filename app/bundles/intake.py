"""The coordinator's intake of a batch of bundles: import them, and name the certificates not trusted yet.

A correctly signed bundle from an assessor whose certificate the store does not know is rejected as
``untrusted``; :func:`import_files` reads that certificate back out of the bundle so the coordinator
can look at it, and :func:`trust_and_import` trusts it and imports its bundles again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.bundles import report as R
from app.bundles import zipcheck
from app.bundles.errors import BundleError
from app.bundles.format import CERTIFICATE, MANIFEST, PAYLOAD, PLAIN_NAMES, SIGNATURE
from app.bundles.importer import import_bundles
from app.bundles.trust import CertInfo, cert_info, remember
from app.bundles.verify import check_signature
from app.store import Store


@dataclass(frozen=True)
class UnknownCertificate:
    """A correctly signed bundle whose assessor certificate this store does not trust yet."""

    path: Path
    info: CertInfo


@dataclass(frozen=True)
class ImportOutcome:
    report: R.ImportReport
    paths: tuple[Path, ...]  # in the order of report.bundles
    unknown: tuple[UnknownCertificate, ...]


def bundle_certificate(path: Path, source: str = "coordinator window") -> CertInfo:
    """The certificate that signed a bundle's (outer) manifest, after checking that signature."""
    with zipcheck.open_zip(path, path.name, allowed={MANIFEST, SIGNATURE, CERTIFICATE, PAYLOAD},
                           patterns=PLAIN_NAMES) as archive:
        _raw, _fingerprint, pem = check_signature(archive, path.name)
    return cert_info(pem.encode("ascii"), source=f"{source}: {path.name}")


def import_files(store: Store, paths: Iterable[str | Path], unlock: Callable[[], Any] | None = None,
                 progress: Callable[[int, int], None] | None = None) -> ImportOutcome:
    """Import every bundle (each all-or-nothing); collect the unknown certificates among the rejections.

    ``progress(done, total)`` is called before the first bundle and after each one.
    """
    files = tuple(Path(p) for p in paths)
    done = 0
    if progress is not None:
        progress(0, len(files))

    def step(_bundle: R.BundleReport) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, len(files))

    report = import_bundles(store, files, unlock=unlock, progress=step)
    unknown: dict[str, UnknownCertificate] = {}
    for path, bundle in zip(files, report.bundles, strict=True):
        if bundle.outcome == R.BUNDLE_REJECTED and bundle.error_kind == "untrusted":
            try:
                info = bundle_certificate(path)
            except BundleError:
                continue
            unknown.setdefault(f"{info.fingerprint}:{path}", UnknownCertificate(path, info))
    return ImportOutcome(report, files, tuple(unknown.values()))


def trust_and_import(store: Store, info: CertInfo, paths: Iterable[Path], unlock: Callable[[], Any] | None = None,
                     progress: Callable[[int, int], None] | None = None) -> ImportOutcome:
    """Put the certificate on the store's trust list, then import its bundles again."""
    with store.transaction() as session:
        remember(session, info, info.source or "coordinator window")
    return import_files(store, paths, unlock=unlock, progress=progress)
