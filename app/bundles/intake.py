"""The coordinator's intake of a batch of bundles: import them, and name the certificates not trusted yet.

A correctly signed bundle from an assessor whose certificate the store does not know is rejected as
``untrusted``; :func:`import_files` reads that certificate back out of the bundle so the coordinator
can look at it, and :func:`trust_and_import` trusts it (:func:`trust_all_and_import`: several at once) and imports
its bundles again. A certificate
with the name and NIP of an assessor trusted here under another key carries that known holder: only
:func:`renew_and_import` (accepting it as their renewal) takes it in, and links it to the same assessor.
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
from app.bundles.signed import check_signature
from app.bundles.trust import CertInfo, KnownHolder, accept_renewal, cert_info, known_holder, remember
from app.store import Store


@dataclass(frozen=True)
class UnknownCertificate:
    """A correctly signed bundle whose assessor certificate this store does not trust yet."""

    path: Path
    info: CertInfo
    known: KnownHolder | None = None  # same name and NIP, trusted here under another key: renewal or impostor?


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
    if unknown:
        with store.transaction() as session:
            unknown = {key: UnknownCertificate(u.path, u.info, known_holder(session, u.info))
                       for key, u in unknown.items()}
    return ImportOutcome(report, files, tuple(unknown.values()))


def trust_and_import(store: Store, info: CertInfo, paths: Iterable[Path], unlock: Callable[[], Any] | None = None,
                     progress: Callable[[int, int], None] | None = None) -> ImportOutcome:
    """Put the certificate on the store's trust list, then import its bundles again."""
    return trust_all_and_import(store, [info], paths, unlock, progress)


def trust_all_and_import(store: Store, infos: Iterable[CertInfo], paths: Iterable[Path],
                         unlock: Callable[[], Any] | None = None,
                         progress: Callable[[int, int], None] | None = None) -> ImportOutcome:
    """Trust several certificates at once (all or none), then import their bundles again in one batch."""
    with store.transaction() as session:
        for info in infos:
            holder = known_holder(session, info)
            if holder is not None:  # never in passing: the coordinator must say it is the same person
                raise BundleError(f"{info.name} (NIP {info.nip}) is trusted here with another certificate "
                                  f"({holder.fingerprint[:16]}…); accept this one as a renewal, or reject it")
            remember(session, info, info.source or "coordinator window")
    return import_files(store, paths, unlock=unlock, progress=progress)


def renew_and_import(store: Store, info: CertInfo, nip: str, paths: Iterable[Path],
                     unlock: Callable[[], Any] | None = None,
                     progress: Callable[[int, int], None] | None = None) -> ImportOutcome:
    """Accept the certificate as the renewal of the assessor with this NIP, then import its bundles again."""
    with store.transaction(write=True) as session:
        accept_renewal(session, info, nip)
    return import_files(store, paths, unlock=unlock, progress=progress)
