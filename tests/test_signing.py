"""PAdES signing and verification of evaluation sheets, checked against poppler's pdfsig too."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from app import identity
from app.identity import UnlockThrottle
from app.sheets import signing
from app.sheets.signing import SIGNATURE_FIELD, SignPdfError, sign_pdf, verify_pdf

FIXTURES = Path(__file__).parent / "data" / "identity"
P12_PASSPHRASE = "fixture-p12-pass"
PASS = "kata sandi rahasia"
NAME = "Siti Nurhaliza Çağrı"
NIP = "198001012005012001"
TITLE = b"Nilai test sheet"

needs_pdfsig = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler's pdfsig is not installed")


def make_pdf(pages: int = 3) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setTitle(TITLE.decode())
    for number in range(1, pages + 1):
        pdf.drawString(72, 780, f"Lembar penilaian - halaman {number}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def pdfsig(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / f"check-{len(list(tmp_path.iterdir()))}.pdf"
    path.write_bytes(data)
    result = subprocess.run(["pdfsig", "-nocert", str(path)], capture_output=True, text=True, timeout=60)
    return result.stdout + result.stderr


def signed_range(data: bytes) -> tuple[int, int, int, int]:
    reader = PdfFileReader(io.BytesIO(data))
    return tuple(reader.embedded_regular_signatures[0].byte_range)


@pytest.fixture(scope="module")
def me(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("self")
    identity.create_identity(data_dir, NAME, NIP, "Kementerian Kominfo", PASS)
    return identity.unlock(data_dir, PASS, throttle=UnlockThrottle())


@pytest.fixture(scope="module")
def budi(tmp_path_factory):
    """A CA-issued EC identity imported from PKCS#12."""
    data_dir = tmp_path_factory.mktemp("budi")
    identity.import_pkcs12(data_dir, (FIXTURES / "leaf-ec.p12").read_bytes(), P12_PASSPHRASE)
    return identity.unlock(data_dir, P12_PASSPHRASE, throttle=UnlockThrottle())


@pytest.fixture(scope="module")
def dewi(tmp_path_factory):
    """A CA-issued RSA identity imported from PKCS#12."""
    data_dir = tmp_path_factory.mktemp("dewi")
    identity.import_pkcs12(data_dir, (FIXTURES / "leaf-rsa.p12").read_bytes(), P12_PASSPHRASE)
    return identity.unlock(data_dir, P12_PASSPHRASE, throttle=UnlockThrottle())


@pytest.fixture(scope="module")
def signed(me) -> bytes:
    return sign_pdf(make_pdf(), me, reason="Penilaian kesiapan kota cerdas", location="Tangerang")


@pytest.fixture(scope="module")
def ca():
    return identity.load_certificate(FIXTURES / "ca.pem")


# --------------------------------------------------------------------------- sign + verify


def test_signed_sheet_verifies(signed, me):
    before = dt.datetime.now(dt.UTC)
    result = verify_pdf(signed)
    assert result.valid and result.intact and result.covers_whole_file
    assert result.problems == []
    assert result.signer_name == NAME and result.nip == NIP
    assert result.organisation == "Kementerian Kominfo"
    assert result.fingerprint == me.fingerprint
    assert result.field_name == SIGNATURE_FIELD
    assert result.reason == "Penilaian kesiapan kota cerdas" and result.location == "Tangerang"
    assert abs((result.signing_time - before).total_seconds()) < 120
    assert identity.load_certificate(result.certificate_pem) == me.certificate
    assert result.trusted is False  # trust was not asked for


def test_signature_is_pades_on_the_last_page_with_default_box(signed):
    reader = PdfFileReader(io.BytesIO(signed))
    sig = reader.embedded_regular_signatures[0]
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert sig.md_algorithm == "sha256"
    assert sig.signer_info["signature_algorithm"]["algorithm"].native == "sha256_ecdsa"
    signed_attrs = {a["type"].native for a in sig.signer_info["signed_attrs"]}
    assert "signing_certificate_v2" in signed_attrs  # PAdES baseline B-B requirement
    assert "signing_time" not in signed_attrs  # PAdES puts the time in /M instead
    pages = reader.root["/Pages"]["/Kids"]
    widget = sig.sig_field
    assert widget["/P"].get_object() is pages[len(pages) - 1].get_object() or widget["/P"] == pages[-1]
    assert [round(float(v)) for v in widget["/Rect"]] == list(signing.DEFAULT_FIELD_BOX)
    assert [name for name, *_ in fields.enumerate_sig_fields(reader)] == [SIGNATURE_FIELD]


def _appearance(signed: bytes):
    reader = PdfFileReader(io.BytesIO(signed))
    return reader.embedded_regular_signatures[0].sig_field["/AP"]["/N"]


def _fonts(stream) -> list:
    found = []
    resources = stream.get("/Resources", {})
    for font in resources.get("/Font", {}).values():
        found.append(font.get_object())
    for xobject in resources.get("/XObject", {}).values():
        found.extend(_fonts(xobject.get_object()))
    return found


def _actual_texts(content: bytes) -> list[str]:
    """The /ActualText strings of the appearance, decoded (octal escapes, UTF-16BE)."""
    texts = []
    for raw in re.findall(rb"/ActualText \(((?:[^\\)]|\\.)*)\)", content, flags=re.S):
        unescaped = re.sub(rb"\\([0-7]{1,3}|.)", _unescape, raw)
        texts.append(
            unescaped[2:].decode("utf-16-be") if unescaped[:2] == b"\xfe\xff" else unescaped.decode("latin-1")
        )
    return texts


def _unescape(match: re.Match) -> bytes:
    token = match.group(1)
    if token[:1].isdigit():
        return bytes([int(token, 8)])
    return {b"n": b"\n", b"r": b"\r", b"t": b"\t"}.get(token, token)


def test_appearance_text_and_embedded_dejavu(signed):
    appearance = _appearance(signed)
    texts = _actual_texts(b"".join(_stream_tree(appearance)))
    assert texts[:3] == ["Ditandatangani secara digital / Signed digitally", NAME, f"NIP {NIP}"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (WIB|WITA|WIT|UTC[+-]\d\d:\d\d)", texts[3]), texts[3]
    fonts = _fonts(appearance)
    assert fonts, "no font in the appearance"
    font = fonts[0]
    assert "DejaVuSans" in str(font["/BaseFont"])
    descendant = font["/DescendantFonts"][0].get_object()
    assert "/FontFile2" in descendant["/FontDescriptor"]  # embedded subset
    # /W is read as 1/1000 em: DejaVu's 2048-unit widths would make the text twice as wide
    widths = [float(w) for entry in descendant["/W"] if isinstance(entry, list) for w in entry]
    assert widths and max(widths) <= 1100


def _stream_tree(stream) -> list[bytes]:
    data = [stream.data]
    for xobject in stream.get("/Resources", {}).get("/XObject", {}).values():
        obj = xobject.get_object()
        if obj.get("/Subtype") == "/Form":
            data.extend(_stream_tree(obj))
    return data


def test_appearance_lines_and_percent_signs(me):
    out = sign_pdf(
        make_pdf(1),
        me,
        reason="r",
        location="l",
        appearance_lines={"Daerah / Region": "Kota Bandung", "Skor": "87,5%"},
    )
    texts = _actual_texts(b"".join(_stream_tree(_appearance(out))))
    assert texts[-2:] == ["Daerah / Region: Kota Bandung", "Skor: 87,5%"]
    assert verify_pdf(out).valid


def test_signature_image_is_drawn_behind_the_text(me):
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(10, 90), (100, 10), (200, 90), (290, 20)], fill=(0, 0, 128, 255), width=5)
    png = io.BytesIO()
    image.save(png, format="PNG")
    out = sign_pdf(make_pdf(2), me, reason="r", location="l", signature_image=png.getvalue())
    assert verify_pdf(out).valid

    def images(stream) -> int:
        count = 0
        for xobject in stream.get("/Resources", {}).get("/XObject", {}).values():
            obj = xobject.get_object()
            count += 1 if obj.get("/Subtype") == "/Image" else images(obj)
        return count

    assert images(_appearance(out)) == 1
    with pytest.raises(SignPdfError, match="image"):
        sign_pdf(make_pdf(1), me, reason="r", location="l", signature_image=b"not a png")


def test_existing_empty_field_is_used(me):
    writer = IncrementalPdfFileWriter(io.BytesIO(make_pdf(2)))
    fields.append_signature_field(
        writer, fields.SigFieldSpec(sig_field_name=SIGNATURE_FIELD, on_page=1, box=(50, 50, 250, 130))
    )
    prepared = io.BytesIO()
    writer.write(prepared)
    out = sign_pdf(prepared.getvalue(), me, reason="r", location="l")
    reader = PdfFileReader(io.BytesIO(out))
    assert [name for name, *_ in fields.enumerate_sig_fields(reader)] == [SIGNATURE_FIELD]
    sig = reader.embedded_regular_signatures[0]
    assert [round(float(v)) for v in sig.sig_field["/Rect"]] == [50, 50, 250, 130]
    assert verify_pdf(out).valid


def test_signed_sheet_cannot_be_signed_again(signed, me):
    with pytest.raises(SignPdfError, match="already signed"):
        sign_pdf(signed, me, reason="r", location="l")


def test_not_a_pdf_cannot_be_signed(me):
    with pytest.raises(SignPdfError, match="could not be read"):
        sign_pdf(b"hello", me, reason="r", location="l")


# --------------------------------------------------------------------------- tampering


def _flip_title_byte(data: bytes) -> bytes:
    where = data.index(TITLE) + len(TITLE) - 1
    start1, len1, start2, len2 = signed_range(data)
    assert start1 <= where < start1 + len1 or start2 <= where < start2 + len2
    changed = bytearray(data)
    changed[where] = ord("X")
    return bytes(changed)


def test_changed_byte_is_detected(signed):
    result = verify_pdf(_flip_title_byte(signed))
    assert not result.intact and not result.valid
    assert "the signed content was changed" in result.problems
    assert result.signer_name == NAME  # still reported, for the message


def test_appended_bytes_are_detected(signed):
    for extra in (b"\n% appended after signing\n", b"\x00" * 10):
        result = verify_pdf(signed + extra)
        assert result.intact, "the signed bytes themselves are untouched"
        assert not result.covers_whole_file and not result.valid
        assert "bytes were added after signing" in result.problems


def test_incremental_update_after_signing_is_detected(signed):
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    writer.root["/Lang"] = generic.pdf_string("id")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    result = verify_pdf(out.getvalue())
    assert result.intact and not result.covers_whole_file and not result.valid
    assert "bytes were added after signing" in result.problems


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "not a readable PDF"),
        (b"%PDF-1.7\ngarbage", "not a readable PDF"),
        (b"\x89PNG\r\n\x1a\n", "not a readable PDF"),
    ],
)
def test_unreadable_files_never_raise(data, problem):
    result = verify_pdf(data)
    assert not result.intact and not result.valid and not result.trusted
    assert result.problems and result.problems[0].startswith(problem)


def test_unsigned_and_truncated_files(signed):
    assert verify_pdf(make_pdf()).problems == ["no signature found"]
    for cut in (len(signed) // 2, len(signed) - 40, 100):
        result = verify_pdf(signed[:cut])
        assert not result.valid and result.problems


# --------------------------------------------------------------------------- trust


def test_self_signed_is_trusted_only_when_passed(signed, me, budi, ca):
    assert verify_pdf(signed, trusted=[me.certificate]).trusted
    assert verify_pdf(signed, trusted=[me.info.cert_pem.encode()]).trusted  # PEM bytes work too
    result = verify_pdf(signed, trusted=[budi.certificate, ca])
    assert not result.trusted and result.valid
    assert result.problems == [f"signer not trusted: fingerprint {me.fingerprint}"]
    assert not verify_pdf(signed, trusted=[]).trusted
    assert not verify_pdf(_flip_title_byte(signed), trusted=[me.certificate]).trusted


def test_ca_issued_signature_is_trusted_through_the_ca(budi, ca, me):
    out = sign_pdf(make_pdf(4), budi, reason="r", location="l")
    result = verify_pdf(out, trusted=[ca])
    assert result.valid and result.trusted and result.problems == []
    assert (result.signer_name, result.nip) == ("Budi Santoso", "197502142000031002")
    untrusted = verify_pdf(out, trusted=[me.certificate])
    assert untrusted.valid and not untrusted.trusted
    # the CA certificate travels inside the signature
    reader = PdfFileReader(io.BytesIO(out))
    embedded = reader.embedded_regular_signatures[0].other_embedded_certs
    assert [identity.certificate_fingerprint(c) for c in embedded] == [identity.certificate_fingerprint(ca)]


def test_rsa_identity_signs(dewi, ca):
    out = sign_pdf(make_pdf(2), dewi, reason="r", location="l")
    result = verify_pdf(out, trusted=[ca])
    assert result.valid and result.trusted and result.signer_name == "Dewi Lestari"


def test_ed25519_uses_sha512(tmp_path):
    key = ed25519.Ed25519PrivateKey.generate()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Ed Signer")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
        )
        .sign(key, None)
    )
    holder = identity.UnlockedIdentity(identity._info_from(cert, [], {"name": "Ed Signer"}), key, cert, [])
    out = sign_pdf(make_pdf(1), holder, reason="r", location="l")
    assert PdfFileReader(io.BytesIO(out)).embedded_regular_signatures[0].md_algorithm == "sha512"
    result = verify_pdf(out, trusted=[cert])
    assert result.valid and result.trusted


# --------------------------------------------------------------------------- pyHanko usage


def test_signer_is_built_once_and_key_never_reparsed(me, monkeypatch):
    from pyhanko.sign.signers import pdf_cms, pdf_signer

    sign_pdf(make_pdf(1), me, reason="r", location="l")
    first = me.cached(signing._SIGNER_CACHE_KEY, lambda: None)

    def no_reparse(*args, **kwargs):
        raise AssertionError("the private key was parsed again")

    def no_estimate(*args, **kwargs):
        raise AssertionError("pyHanko estimated the signature size with a dry-run signature")

    def no_rebuild(*args, **kwargs):
        raise AssertionError("the pyHanko signer was built again")

    assert first is not None
    monkeypatch.setattr(signing, "_build_signer", no_rebuild)
    monkeypatch.setattr(pdf_cms.serialization, "load_der_private_key", no_reparse)
    monkeypatch.setattr(pdf_signer.PdfSigningSession, "estimate_signature_container_size", no_estimate)
    out = sign_pdf(make_pdf(1), me, reason="r", location="l")
    assert me.cached(signing._SIGNER_CACHE_KEY, lambda: None) is first
    assert verify_pdf(out).valid


# --------------------------------------------------------------------------- poppler's opinion


@needs_pdfsig
def test_pdfsig_accepts_the_signature(signed, tmp_path):
    report = pdfsig(tmp_path, signed)
    assert "Signature Validation: Signature is Valid." in report, report
    assert "Total document signed" in report, report
    assert f"Signer Certificate Common Name: {NAME}" in report, report


@needs_pdfsig
def test_pdfsig_accepts_ca_issued_ec_and_rsa_signatures(budi, dewi, tmp_path):
    for holder in (budi, dewi):
        report = pdfsig(tmp_path, sign_pdf(make_pdf(2), holder, reason="r", location="l"))
        assert "Signature Validation: Signature is Valid." in report, report


@needs_pdfsig
def test_pdfsig_rejects_a_changed_byte(signed, tmp_path):
    report = pdfsig(tmp_path, _flip_title_byte(signed))
    assert "Signature Validation:" in report, report
    assert "Signature is Valid." not in report, report


@needs_pdfsig
def test_pdfsig_sees_appended_bytes_as_partial(signed, tmp_path):
    report = pdfsig(tmp_path, signed + b"\n% appended\n")
    assert "Total document signed" not in report, report
