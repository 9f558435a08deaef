"""PAdES signatures on evaluation sheets: sign with the assessor's key, verify anyone's.

Signing (:func:`sign_pdf`) adds a PAdES baseline B-B signature (``/ETSI.CAdES.detached``, no
timestamp) as an incremental update, with a visible appearance in the ``NilaiSignature`` field:
the sheet renderer may already have placed that empty field on the last page; otherwise it is
created on the last page at :data:`DEFAULT_FIELD_BOX`. What the appearance shows, and its font,
are :mod:`app.sheets.appearance`'s business.

Verification (:func:`verify_pdf`) never raises on a bad file; it returns a
:class:`SheetVerification` whose ``problems`` say, in plain words, what is wrong.

pyHanko facts this module relies on (0.38, measured): ``SimpleSigner`` re-parses its key from
DER on every signature, so the signer here keeps the loaded ``cryptography`` key; without
``bytes_reserved`` pyHanko signs twice (a dry run to estimate the size), so the size is computed
once per identity; bytes appended after a signed file still validate as "intact", so coverage is
checked separately against the ``/ByteRange``.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError, get_pyca_cryptography_hash
from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from app.identity import UnlockedIdentity, certificate_fingerprint
from app.sheets.appearance import APPEARANCE_HEADING as APPEARANCE_HEADING
from app.sheets.appearance import FONT_FILE as FONT_FILE
from app.sheets.appearance import appearance_text, stamp_style
from app.sheets.signed_attributes import parsed_signing_certificate, with_known_signing_certificate
from app.sheets.signing_errors import SignPdfError

__all__ = [
    "DEFAULT_FIELD_BOX",
    "SIGNATURE_FIELD",
    "SheetVerification",
    "SignPdfError",
    "sign_pdf",
    "verify_pdf",
]

SIGNATURE_FIELD = "NilaiSignature"
DEFAULT_FIELD_BOX = (340, 60, 560, 140)  # x1, y1, x2, y2 in points, bottom right of A4
_SIGNER_CACHE_KEY = "pyhanko-pdf-signer"

# Signer certificates may carry nonRepudiation (the default here) or only digitalSignature
# (common in organisational CAs); either is accepted for trust.
_KEY_USAGE = KeyUsageConstraints(
    key_usage={"non_repudiation", "digital_signature"}, match_all_key_usages=False
)


@dataclass(frozen=True)
class SheetVerification:
    """The outcome of checking a signed sheet. ``valid`` = intact and nothing added after signing."""

    signer_name: str | None = None
    nip: str | None = None
    organisation: str | None = None
    fingerprint: str | None = None  # SHA-256 of the signer certificate, lowercase hex
    signing_time: dt.datetime | None = None  # as claimed by the signer (no timestamp authority)
    intact: bool = False  # the signed bytes hash to what was signed, and the signature verifies
    covers_whole_file: bool = False  # the signature covers every byte of the file
    trusted: bool = False  # the signer is in `trusted` or chains to a CA in it
    problems: list[str] = field(default_factory=list)
    field_name: str | None = None
    reason: str | None = None
    location: str | None = None
    certificate_pem: str | None = None

    @property
    def valid(self) -> bool:
        return self.intact and self.covers_whole_file


# --------------------------------------------------------------------------- quiet validation

_VERIFYING: contextvars.ContextVar[bool] = contextvars.ContextVar("nilai_verifying_sheet", default=False)


class _DemoteWhileVerifying(logging.Filter):
    """pyHanko logs every failed certificate path (an untrusted signer, a CA that did not issue it) as a
    warning with a traceback; while a sheet is verified that verdict is already in the result's problems,
    so the record is kept for the debug log only, and never reaches the user's terminal."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _VERIFYING.get() and record.levelno < logging.ERROR:
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
            record.exc_info = record.exc_text = None
        return True


_DEMOTE = _DemoteWhileVerifying()


@contextlib.contextmanager
def _quiet_validation() -> Iterator[None]:
    for name in list(logging.root.manager.loggerDict):  # modules pyHanko imported since the last call too
        if name.startswith("pyhanko"):
            logger = logging.getLogger(name)
            if _DEMOTE not in logger.filters:
                logger.addFilter(_DEMOTE)
    token = _VERIFYING.set(True)
    try:
        yield
    finally:
        _VERIFYING.reset(token)


# --------------------------------------------------------------------------- the signer


class _LoadedKeySigner(signers.SimpleSigner):
    """SimpleSigner that signs with the already-loaded ``cryptography`` key object."""

    def __init__(self, *, private_key: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._private_key = private_key
        self._signing_certificate_v2 = parsed_signing_certificate(self.signing_cert)

    def _signed_attr_provider_spec(self, attr_settings: Any, timestamper: Any = None, use_cades: bool = False,
                                   is_pdf_sig: bool = True) -> Any:
        spec = super()._signed_attr_provider_spec(attr_settings, timestamper, use_cades, is_pdf_sig)
        return with_known_signing_certificate(spec, self._signing_certificate_v2)

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
        algorithm = mechanism.signature_algo
        key = self._private_key
        if algorithm == "ecdsa" and isinstance(key, ec.EllipticCurvePrivateKey):
            return key.sign(data, ec.ECDSA(get_pyca_cryptography_hash(digest_algorithm)))
        if algorithm == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPrivateKey):
            return key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))
        if algorithm == "ed25519" and isinstance(key, ed25519.Ed25519PrivateKey):
            return key.sign(data)
        # anything else (e.g. RSA-PSS parameters): pyHanko's own implementation
        return super().sign_raw(data, digest_algorithm)


@dataclass
class _SignerBundle:
    signer: _LoadedKeySigner
    md_algorithm: str
    bytes_reserved: int


def _asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _build_signer(unlocked: UnlockedIdentity) -> _SignerBundle:
    key = unlocked.private_key
    if isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        md_algorithm = "sha256"
    elif isinstance(key, ed25519.Ed25519PrivateKey):
        md_algorithm = "sha512"  # pyHanko/PAdES: Ed25519 goes with SHA-512
    else:
        raise SignPdfError(f"Signing PDFs with a {type(key).__name__} key is not supported.")
    key_info = asn1_keys.PrivateKeyInfo.load(
        key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    signing_cert = _asn1_cert(unlocked.certificate)
    chain = [_asn1_cert(c) for c in unlocked.chain]
    signer = _LoadedKeySigner(
        private_key=key,
        signing_cert=signing_cert,
        signing_key=key_info,
        cert_registry=SimpleCertificateStore.from_certs(chain),
    )
    return _SignerBundle(signer, md_algorithm, _reservation(signing_cert, chain, key))


def _reservation(signing_cert: asn1_x509.Certificate, chain: list, key: Any) -> int:
    """Bytes to reserve for the hex-encoded CMS object, computed once per identity.

    The CMS holds every certificate, the signed attributes (content type, digest, signing
    certificate v2 with the issuer name, algorithm protection) and the signature value.
    """
    if isinstance(key, rsa.RSAPrivateKey):
        signature_size = key.key_size // 8
    elif isinstance(key, ec.EllipticCurvePrivateKey):
        signature_size = 2 * ((key.curve.key_size + 7) // 8) + 9
    else:
        signature_size = 64
    certs = len(signing_cert.dump()) + sum(len(c.dump()) for c in chain)
    issuer = len(signing_cert.issuer.dump())
    estimate = certs + 2 * issuer + signature_size + 1024
    return 2 * (estimate + estimate // 8 + 512)  # hex doubles it; margin for encoding variance


def _signer_for(unlocked: UnlockedIdentity) -> _SignerBundle:
    return unlocked.cached(_SIGNER_CACHE_KEY, lambda: _build_signer(unlocked))


# --------------------------------------------------------------------------- signing


def _existing_field(writer: IncrementalPdfFileWriter) -> bool | None:
    """None: no such field; False: empty; True: already signed."""
    for _name, value, _ref in fields.enumerate_sig_fields(writer, with_name=SIGNATURE_FIELD):
        return value is not None
    return None


def sign_pdf(
    pdf_bytes: bytes,
    unlocked: UnlockedIdentity,
    *,
    reason: str,
    location: str,
    appearance_lines: dict[str, str] | None = None,
    signature_image: bytes | None = None,
) -> bytes:
    """Return ``pdf_bytes`` with a visible PAdES B-B signature by ``unlocked`` appended.

    Digest: SHA-256 (ECDSA, RSA PKCS#1 v1.5), SHA-512 (Ed25519). The appearance shows the
    heading "Ditandatangani secara digital / Signed digitally", the signer's name, NIP, the
    signing time (local, with WIB/WITA/WIT), then ``appearance_lines`` as "label: value";
    ``signature_image`` (PNG/JPEG bytes of a drawn signature) is laid behind the text.
    Raises :class:`SignPdfError` for an unreadable PDF or a sheet that is already signed.
    """
    bundle = _signer_for(unlocked)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes))
    except Exception as exc:
        raise SignPdfError(f"The PDF could not be read for signing: {exc}") from exc
    existing = _existing_field(writer)
    if existing:
        raise SignPdfError("This sheet is already signed; a signed sheet cannot be signed again.")
    moment = dt.datetime.now().astimezone()
    style = stamp_style(appearance_text(unlocked, moment, appearance_lines), signature_image)
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm=bundle.md_algorithm,
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
        name=unlocked.info.name,
    )
    new_field = (
        None
        if existing is False
        else fields.SigFieldSpec(sig_field_name=SIGNATURE_FIELD, on_page=-1, box=DEFAULT_FIELD_BOX)
    )
    pdf_signer = signers.PdfSigner(meta, signer=bundle.signer, stamp_style=style, new_field_spec=new_field)
    try:
        output = pdf_signer.sign_pdf(writer, bytes_reserved=bundle.bytes_reserved)
    except SigningError as exc:
        if "reserved" not in str(exc).lower():
            raise SignPdfError(f"The sheet could not be signed: {exc}") from exc
        # The reservation was too small (an unusually large certificate): let pyHanko estimate.
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes))
        output = pdf_signer.sign_pdf(writer)
    except Exception as exc:
        raise SignPdfError(f"The sheet could not be signed: {exc}") from exc
    return output.getvalue()


# --------------------------------------------------------------------------- verification


def _to_asn1(cert: Any) -> asn1_x509.Certificate:
    if isinstance(cert, asn1_x509.Certificate):
        return cert
    if isinstance(cert, x509.Certificate):
        return _asn1_cert(cert)
    if isinstance(cert, bytes | bytearray):
        data = bytes(cert)
        if b"-----BEGIN" in data:
            return _asn1_cert(x509.load_pem_x509_certificate(data))
        return asn1_x509.Certificate.load(data)
    raise TypeError(f"not a certificate: {type(cert).__name__}")


def _subject_value(cert: asn1_x509.Certificate, key: str) -> str | None:
    value = cert.subject.native.get(key)
    if isinstance(value, list):  # a repeated attribute
        value = value[0] if value else None
    return str(value) if value else None


def _pem(cert: asn1_x509.Certificate) -> str:
    return (
        x509.load_der_x509_certificate(cert.dump()).public_bytes(serialization.Encoding.PEM).decode("ascii")
    )


def verify_pdf(pdf_bytes: bytes, trusted: list[Any] | None = None) -> SheetVerification:
    """Check the sheet's signature (the ``NilaiSignature`` field, else the last signature).

    ``trusted``: certificates (``cryptography``, asn1crypto, PEM or DER bytes) to trust — a
    signer certificate itself, or a CA its chain leads to. With ``trusted=None`` trust is not
    judged: ``trusted`` is False and no trust problem is reported. Trust is judged offline at the
    current time (no revocation fetching), and only for an intact signature. Never raises on a
    damaged file.
    """
    pdf_bytes = bytes(pdf_bytes)
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        reader.root  # noqa: B018 - fail here on a file without a usable trailer
    except Exception as exc:
        return SheetVerification(problems=[f"not a readable PDF: {_short(exc)}"])
    try:
        signatures = reader.embedded_regular_signatures
    except Exception as exc:
        return SheetVerification(problems=[f"the signature is damaged: {_short(exc)}"])
    if not signatures:
        return SheetVerification(problems=["no signature found"])
    chosen = next((s for s in signatures if s.field_name == SIGNATURE_FIELD), signatures[-1])

    try:
        trust_roots = [_to_asn1(c) for c in (trusted or [])]
    except Exception as exc:
        return SheetVerification(problems=[f"a trusted certificate could not be read: {_short(exc)}"])
    trusted_fps = {certificate_fingerprint(c) for c in trust_roots}

    details: dict[str, Any] = {"field_name": chosen.field_name}
    try:
        signer_cert = chosen.signer_cert
        fingerprint = certificate_fingerprint(signer_cert)
        details.update(
            signer_name=_subject_value(signer_cert, "common_name"),
            nip=_subject_value(signer_cert, "serial_number"),
            organisation=_subject_value(signer_cert, "organization_name"),
            fingerprint=fingerprint,
            certificate_pem=_pem(signer_cert),
        )
    except Exception as exc:
        return SheetVerification(problems=[f"the signature is damaged: {_short(exc)}"], **details)
    try:
        details["signing_time"] = chosen.self_reported_timestamp
        details["reason"] = _pdf_text(chosen.sig_object.get("/Reason"))
        details["location"] = _pdf_text(chosen.sig_object.get("/Location"))
    except Exception:
        pass

    # A signer that is trusted directly (or trust that is not asked for) needs no path to a
    # CA: anchoring the signer itself keeps pyHanko from logging a failed path search.
    roots = list(trust_roots)
    if trusted is None or fingerprint in trusted_fps:
        roots.append(signer_cert)
    try:
        context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
        with _quiet_validation():
            status = validate_pdf_signature(
                chosen, signer_validation_context=context, key_usage_settings=_KEY_USAGE, skip_diff=True
            )
    except Exception as exc:
        return SheetVerification(problems=[f"the signature could not be checked: {_short(exc)}"], **details)

    intact = bool(status.intact and status.valid)
    byte_range = list(chosen.byte_range)
    signed_end = byte_range[2] + byte_range[3] if len(byte_range) == 4 else -1
    covers = status.coverage == SignatureCoverageLevel.ENTIRE_FILE and signed_end == len(pdf_bytes)
    is_trusted = trusted is not None and intact and (fingerprint in trusted_fps or bool(status.trusted))

    problems: list[str] = []
    if not intact:
        problems.append("the signed content was changed")
    if not covers:
        if 0 <= signed_end < len(pdf_bytes):
            problems.append("bytes were added after signing")
        else:
            problems.append("the signature does not cover the whole file")
    if trusted is not None and intact and not is_trusted:  # trust means nothing for changed content
        problems.append(f"signer not trusted: fingerprint {fingerprint}")
    return SheetVerification(
        intact=intact, covers_whole_file=covers, trusted=is_trusted, problems=problems, **details
    )


def _pdf_text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value)


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "…"
