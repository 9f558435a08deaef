"""Signing and verifying a sheet: app.sheets.signing against plain pyHanko with the same key and PDF.

Run: ``.venv/bin/python -m benchmarks.bench_signing [--n 30] [--pages 3]``

Prints the median of N runs for each variant and its ratio to the baseline. Baselines:

* ``pyhanko-stock-font``: what a straightforward pyHanko integration does for the same visible
  appearance: stock ``SimpleSigner`` (re-parses the key each signature), stock
  ``GlyphAccumulatorFactory`` on DejaVuSans.ttf, size estimated by a dry-run signature.
* ``pyhanko-courier``: the cheapest stock pyHanko signature: default stamp (Courier, not
  embedded), everything else as above. Not a usable sheet appearance (Latin-1 only).

``make_pdf`` is the input; replace or extend it to benchmark rendered sheets.
"""

from __future__ import annotations

import argparse
import io
import logging
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `app` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from asn1crypto import keys as asn1_keys  # noqa: E402
from asn1crypto import x509 as asn1_x509  # noqa: E402
from cryptography.hazmat.primitives import serialization  # noqa: E402
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory  # noqa: E402
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter  # noqa: E402
from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: E402
from pyhanko.pdf_utils.text import TextBoxStyle  # noqa: E402
from pyhanko.sign import fields, signers  # noqa: E402
from pyhanko.sign.validation import validate_pdf_signature  # noqa: E402
from pyhanko.stamp import TextStampStyle  # noqa: E402
from pyhanko_certvalidator import ValidationContext  # noqa: E402
from pyhanko_certvalidator.registry import SimpleCertificateStore  # noqa: E402

from app import identity  # noqa: E402
from app.base.paths import resources_dir  # noqa: E402
from app.sheets import signing

PASSPHRASE = "benchmark passphrase"


def make_pdf(pages: int = 3) -> bytes:
    """The PDF to sign: a plain ReportLab document of ``pages`` A4 pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for number in range(1, pages + 1):
        for line in range(40):
            pdf.drawString(60, 800 - 18 * line, f"Indikator {number}.{line}: skor 4 - catatan penilai")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def medians_ms(variants: dict[str, Callable[[], object]], n: int) -> dict[str, float]:
    """Median wall time per variant; runs are interleaved so machine load hits all alike."""
    for fn in variants.values():
        fn()  # warm-up: caches, imports, font preparation
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(n):
        for name, fn in variants.items():
            start = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def stock_signer(unlocked: identity.UnlockedIdentity) -> signers.SimpleSigner:
    key = asn1_keys.PrivateKeyInfo.load(
        unlocked.private_key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    cert = asn1_x509.Certificate.load(unlocked.certificate.public_bytes(serialization.Encoding.DER))
    return signers.SimpleSigner(signing_cert=cert, signing_key=key, cert_registry=SimpleCertificateStore())


def stock_sign(pdf: bytes, signer: signers.SimpleSigner, style: TextStampStyle | None) -> bytes:
    meta = signers.PdfSignatureMetadata(
        field_name=signing.SIGNATURE_FIELD, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES
    )
    spec = fields.SigFieldSpec(signing.SIGNATURE_FIELD, on_page=-1, box=signing.DEFAULT_FIELD_BOX)
    pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=style, new_field_spec=spec)
    return pdf_signer.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf))).getvalue()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=30, help="timed runs per variant (median is printed)")
    parser.add_argument("--pages", type=int, default=3)
    args = parser.parse_args(argv)
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # stock font subsetting chatter
    warnings.simplefilter("ignore", ResourceWarning)  # stock GlyphAccumulatorFactory leaks a handle

    pdf = make_pdf(args.pages)
    with tempfile.TemporaryDirectory() as data_dir:
        identity.create_identity(data_dir, "Siti Nurhaliza", "198001012005012001", "Kominfo", PASSPHRASE)
        unlocked = identity.unlock(data_dir, PASSPHRASE)

    stock = stock_signer(unlocked)
    font = str(resources_dir() / "fonts" / signing.FONT_FILE)
    stock_style = TextStampStyle(
        stamp_text=signing.APPEARANCE_HEADING + "\nSiti Nurhaliza\nNIP 198001012005012001\n%(ts)s",
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(font, font_size=8), font_size=8),
    )

    signed = signing.sign_pdf(pdf, unlocked, reason="Penilaian", location="Tangerang")
    assert signing.verify_pdf(signed).valid
    cert = asn1_x509.Certificate.load(unlocked.certificate.public_bytes(serialization.Encoding.DER))

    def stock_verify() -> None:
        sig = PdfFileReader(io.BytesIO(signed), strict=False).embedded_regular_signatures[0]
        validate_pdf_signature(sig, ValidationContext(trust_roots=[cert]), skip_diff=True)

    t = medians_ms(
        {
            "ours": lambda: signing.sign_pdf(pdf, unlocked, reason="Penilaian", location="Tangerang"),
            "font": lambda: stock_sign(pdf, stock, stock_style),
            "courier": lambda: stock_sign(pdf, stock, None),
            "verify": lambda: signing.verify_pdf(signed, trusted=[unlocked.certificate]),
            "stock_verify": stock_verify,
        },
        args.n,
    )
    ours, base_font, base_courier = t["ours"], t["font"], t["courier"]
    verify_ours, verify_base = t["verify"], t["stock_verify"]

    print(f"signing a {args.pages}-page PDF ({len(pdf)} bytes), median of {args.n}, ECDSA P-256:")
    print(f"  app.sheets.signing.sign_pdf           {ours:8.1f} ms")
    print(
        f"  pyhanko-stock-font (baseline)  {base_font:8.1f} ms   sign_pdf/baseline = {ours / base_font:.2f}"
    )
    print(
        f"  pyhanko-courier                {base_courier:8.1f} ms   sign_pdf/courier  = {ours / base_courier:.2f}"
    )
    print("verifying it (trusted signer):")
    print(f"  app.sheets.signing.verify_pdf         {verify_ours:8.1f} ms")
    print(
        f"  pyhanko validate (baseline)    {verify_base:8.1f} ms   verify_pdf/baseline = {verify_ours / verify_base:.2f}"
    )


if __name__ == "__main__":
    main()
