"""Which assessor certificates a store accepts bundles from.

The trust list lives in the store (``trusted_certificate``). ``nilai bundle trust CERT`` adds one;
``--trust CERT`` / ``--trust-dir DIR`` on import add certificates for that run, and each one that
actually signs an imported bundle is written to the list in that bundle's transaction (so a
rejected bundle never changes the store).

A new certificate carrying the name and NIP of an assessor already trusted is either a renewal (a
new key) or an impostor; only the coordinator can tell, so it is never trusted in passing:
:func:`accept_renewal` trusts it, links it to the same assessor row and marks the old certificate
replaced (kept on the list, so bundles signed before the renewal still import).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID
from sqlmodel import Session, select

from app.bundles.errors import BundleError
from app.identity import IdentityError, certificate_fingerprint, load_certificate
from app.models.sync import TrustedCertificate
from app.models.tables import Assessor
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


def _info(row: TrustedCertificate) -> CertInfo:
    return CertInfo(row.fingerprint, row.pem, row.name, row.nip, row.organisation, row.source)


def trusted_in(session: Session) -> dict[str, CertInfo]:
    """The certificates bundles are accepted from: the trust list without the revoked ones."""
    return {row.fingerprint: _info(row) for row in session.exec(select(TrustedCertificate))
            if not row.source.startswith(REVOKED)}


def revoked_in(session: Session) -> dict[str, CertInfo]:
    """Certificates the coordinator revoked (``source`` says when and why)."""
    return {row.fingerprint: _info(row) for row in session.exec(select(TrustedCertificate))
            if row.source.startswith(REVOKED)}


def remember(session: Session, info: CertInfo, source: str | None = None) -> bool:
    """Put a certificate on the store's trust list; False if it was there already."""
    row = session.get(TrustedCertificate, info.fingerprint)
    if row is not None and row.source.startswith(REVOKED):
        raise BundleError(f"the certificate of {row.name or 'this assessor'} ({row.fingerprint[:16]}…) was "
                          f"{row.source}; it is not trusted again", fingerprint=row.fingerprint)
    if row is not None:
        return False
    session.add(TrustedCertificate(fingerprint=info.fingerprint, pem=info.pem, name=info.name, nip=info.nip,
                                   organisation=info.organisation, source=source or info.source or "unknown"))
    session.flush()
    return True


REPLACED = "replaced by "  # source prefix of a certificate superseded by a renewal
# Source prefix of a revoked certificate (a lost laptop): kept on the list so the revocation itself is kept,
# left out of trusted_in, so neither a file import nor the sync service accepts it any more.
REVOKED = "revoked "


@dataclass(frozen=True)
class KnownHolder:
    """The assessor already trusted here under another key, with the same name and NIP."""

    name: str
    nip: str
    fingerprint: str  # the known certificate's
    assessor_id: str | None  # None: on the trust list only, no bundle of theirs imported yet


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def same_person(trusted: Iterable[CertInfo], info: CertInfo) -> CertInfo | None:
    """A trusted certificate (not already replaced) of the same name and NIP as ``info``, under another key."""
    if not info.nip:
        return None
    return next((c for c in trusted if c.fingerprint != info.fingerprint and c.nip == info.nip
                 and _same(c.name, info.name) and not c.source.startswith(REPLACED)), None)


def known_holder(session: Session, info: CertInfo) -> KnownHolder | None:
    """Who ``info`` claims to be, when that person is known here with another certificate."""
    if not info.nip:
        return None
    for row in session.exec(select(Assessor).where(Assessor.nip == info.nip)):
        if row.cert_fingerprint and row.cert_fingerprint != info.fingerprint and _same(row.name, info.name):
            return KnownHolder(row.name, row.nip or "", row.cert_fingerprint, row.id)
    known = same_person(trusted_in(session).values(), info)
    return KnownHolder(known.name, known.nip, known.fingerprint, None) if known else None


def accept_renewal(session: Session, info: CertInfo, nip: str) -> KnownHolder:
    """Trust ``info`` as the renewed certificate of the assessor with this NIP, and link it to them."""
    nip = nip.replace(" ", "")
    if info.nip != nip:
        raise BundleError(f"the certificate of {info.name or 'this assessor'} carries NIP {info.nip or '(none)'}, "
                          f"not {nip}: it cannot renew that assessor's certificate")
    holder = known_holder(session, info)
    if holder is None:
        raise BundleError(f"no assessor named {info.name!r} with NIP {nip} is trusted here under another certificate; "
                          "trust it as a new one: `nilai bundle trust CERT.pem`")
    remember(session, info, f"renewal of {holder.fingerprint[:16]}")
    old = session.get(TrustedCertificate, holder.fingerprint)
    if old is not None:
        old.source = f"{REPLACED}{info.fingerprint[:16]} (renewal)"
        session.add(old)
    for row in session.exec(select(Assessor).where(Assessor.nip == nip)):
        if row.cert_fingerprint == holder.fingerprint:
            row.cert_fingerprint = info.fingerprint  # one assessor, now under the new key
            session.add(row)
    session.flush()
    return holder


def renew_certificate(store: Store, path: Path, nip: str, source: str = "nilai bundle trust --renewal-of") -> tuple[CertInfo, KnownHolder]:
    info = cert_info(Path(path), source=source)
    with store.transaction(write=True) as session:
        holder = accept_renewal(session, info, nip)
    return info, holder


def trust_certificate(store: Store, path: Path, source: str = "nilai bundle trust") -> tuple[CertInfo, bool]:
    info = cert_info(Path(path), source=source)
    with store.transaction(write=True) as session:
        added = remember(session, info, source)
    return info, added


def list_trusted(store: Store) -> list[CertInfo]:
    """The whole trust list, revoked certificates included (their source says so)."""
    with store.transaction() as session:
        rows = [_info(row) for row in session.exec(select(TrustedCertificate))]
    return sorted(rows, key=lambda c: (c.name, c.fingerprint))


def revoke(store: Store, who: str, reason: str, when: str) -> list[CertInfo]:
    """Revoke the trusted certificates named by ``who``: a NIP (all of that assessor's certificates) or a
    fingerprint (whole, or a prefix of at least 8 hex digits naming one). Returns what was revoked."""
    who = who.replace(" ", "").replace(":", "").lower()
    reason = " ".join(reason.split()) or "no reason given"
    with store.transaction(write=True) as session:
        rows = list(session.exec(select(TrustedCertificate)))
        chosen = [r for r in rows if r.nip and r.nip.replace(" ", "").lower() == who]
        if not chosen and len(who) >= 8:
            chosen = [r for r in rows if r.fingerprint.startswith(who)]
            if len(chosen) > 1:
                raise BundleError(f"{who} names {len(chosen)} certificates on the trust list: give more of the fingerprint")
        if not chosen:
            raise BundleError(f"no certificate on the trust list has NIP or fingerprint {who!r}; "
                              "list them with `nilai bundle trust`")
        for row in chosen:
            if not row.source.startswith(REVOKED):
                row.source = f"{REVOKED}{when}: {reason}"[:100]
                session.add(row)
        session.flush()
        return [_info(r) for r in chosen]


def renewal_or_impostor(fingerprint: str, info: CertInfo, known: str) -> str:
    return (f"a NEW certificate ({fingerprint[:16]}…) carries the name and NIP of {info.name} (NIP {info.nip}), who is "
            f"trusted here with certificate {known[:16]}…: a renewal or an impostor? Check the new fingerprint "
            f"{fingerprint} with the assessor, then accept it as a renewal: "
            f"`nilai bundle trust CERT.pem --renewal-of {info.nip}`")


def how_to_trust(fingerprint: str, name: str) -> str:
    return (f"the assessor certificate of {name or 'this assessor'} (SHA-256 fingerprint {fingerprint}) is not trusted "
            "here. Check the fingerprint with the assessor, then trust it: `nilai bundle trust CERT.pem`, "
            "or import with --trust CERT.pem or --trust-dir DIR")
