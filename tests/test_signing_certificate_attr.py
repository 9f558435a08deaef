"""The signing-certificate-v2 attribute kept per identity (app.sheets.signing) names the signer's certificate."""

from __future__ import annotations

import hashlib
import io

from pyhanko.pdf_utils.reader import PdfFileReader

from app.sheets.signing import sign_pdf, verify_pdf
from tests.test_signing import make_pdf, me  # noqa: F401  (the fixture)


def _signing_certificate(signed: bytes):
    signature = PdfFileReader(io.BytesIO(signed)).embedded_regular_signatures[0]
    attrs = {a["type"].native: a["values"][0] for a in signature.signer_info["signed_attrs"]}
    return attrs["signing_certificate_v2"], signature.signer_cert


def test_every_signature_names_the_signing_certificate(me):  # noqa: F811
    first = sign_pdf(make_pdf(1), me, reason="r", location="l")
    second = sign_pdf(make_pdf(2), me, reason="r", location="l")
    for signed in (first, second):
        assert verify_pdf(signed).valid
        attr, cert = _signing_certificate(signed)
        ess = attr["certs"][0]
        assert ess["hash_algorithm"]["algorithm"].native == "sha256"
        assert ess["cert_hash"].native == hashlib.sha256(cert.dump()).digest()
        assert ess["issuer_serial"]["serial_number"].native == cert.serial_number
        assert ess["issuer_serial"]["issuer"][0].chosen == cert.issuer
    assert _signing_certificate(first)[0].dump() == _signing_certificate(second)[0].dump()
