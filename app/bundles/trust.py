"""Which assessor certificates a store accepts bundles from.

The trust list lives in the store (``trusted_certificate``). ``nilai bundle trust CERT`` adds one;
``--trust CERT`` / ``--trust-dir DIR`` on import add certificates for that run, and each one that
actually signs an imported bundle is written to the list in that bundle's transaction (so a
rejected bundle never changes the store).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID
from sqlmodel import Session, select

from app.bundles.errors import BundleError
from app.identity import IdentityError, certificate_fingerprint, load_certificate
from app.models.sync import TrustedCertificate
from app.store import Store

CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der")


@dataclass(frozen=True)
class CertInfo:
    fingerprint: str
    pem: str
    name: str
    nip: str
    organisation: str
    source: str = ""


def cert_info(data: bytes | str | Path, source: str = "") -> CertInfo:
    try:
        cert = load_certificate(data if not isinstance(data, Path) else str(data))
    except IdentityError as exc:
        raise BundleError(f"{data if isinstance(data, Path) else 'certificate'}: {exc}") from exc

    def attr(oid) -> str:
        values = cert.subject.get_attributes_for_oid(oid)
        return str(values[0].value) if values else ""

    return CertInfo(certificate_fingerprint(cert), cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
                    attr(NameOID.COMMON_NAME), attr(NameOID.SERIAL_NUMBER), attr(NameOID.ORGANIZATION_NAME), source)


def certs_from(paths: list[Path] | None = None, directory: Path | None = None) -> dict[str, CertInfo]:
    """Certificates named on the command line (files, and every certificate file in a folder)."""
    found: dict[str, CertInfo] = {}
    for path in paths or []:
        info = cert_info(Path(path), source=f"--trust {Path(path).name}")
        found[info.fingerprint] = info
    if directory is not None:
        directory = Path(directory)
        if not directory.is_dir():
            raise BundleError(f"--trust-dir {directory}: not a folder")
        for path in sorted(directory.iterdir()):
            if path.suffix.lower() in CERT_SUFFIXES and path.is_file():
                info = cert_info(path, source=f"--trust-dir {directory.name}/{path.name}")
                found[info.fingerprint] = info
    return found


def trusted_in(session: Session) -> dict[str, CertInfo]:
    return {row.fingerprint: CertInfo(row.fingerprint, row.pem, row.name, row.nip, row.organisation, row.source)
            for row in session.exec(select(TrustedCertificate))}


def remember(session: Session, info: CertInfo, source: str | None = None) -> bool:
    """Put a certificate on the store's trust list; False if it was there already."""
    if session.get(TrustedCertificate, info.fingerprint) is not None:
        return False
    session.add(TrustedCertificate(fingerprint=info.fingerprint, pem=info.pem, name=info.name, nip=info.nip,
                                   organisation=info.organisation, source=source or info.source or "unknown"))
    session.flush()
    return True


def trust_certificate(store: Store, path: Path, source: str = "nilai bundle trust") -> tuple[CertInfo, bool]:
    info = cert_info(Path(path), source=source)
    with store.transaction(write=True) as session:
        added = remember(session, info, source)
    return info, added


def list_trusted(store: Store) -> list[CertInfo]:
    with store.transaction() as session:
        return sorted(trusted_in(session).values(), key=lambda c: (c.name, c.fingerprint))


def how_to_trust(fingerprint: str, name: str) -> str:
    return (f"the assessor certificate of {name or 'this assessor'} (SHA-256 fingerprint {fingerprint}) is not trusted "
            "here. Check the fingerprint with the assessor, then trust it: `nilai bundle trust CERT.pem`, "
            "or import with --trust CERT.pem or --trust-dir DIR")
