"""The PDF ranking report: text, fonts, cut-off lines, flagged ties, signature field, signing."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from app import identity
from app.consolidation import consolidate
from app.consolidation.report_pdf import render_report, write_report
from app.sheets import signing
from tests.consolidation.test_exports_csv import build_round


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_report_content(store, tmp_path: Path) -> None:
    build_round(store)
    result = consolidate(store)
    pdf = render_report(result, lang="en")
    assert pdf.startswith(b"%PDF") and b"DejaVuSans" in pdf  # the TTF is embedded
    text = pdf_text(pdf, tmp_path)
    assert "Ranking and shortlist" in text
    assert "Aggregation rule: mean" in text
    assert "STR → INF → SUP → region code" in text
    assert "Shortlist 3 cut-off" in text and "Shortlist 6 cut-off" in text
    assert "tie across the cut-off: 3 regions (1101, 1102, 1103) for 2 place(s)" in text
    assert "Krippendorff" in text and "ICC(1,1)" in text
    for region in result.ranking:
        assert region.region.code in text
    assert "2=" in text  # genuinely tied regions share a marked rank
    assert "Page 1 of" in text


def test_report_in_indonesian(store, tmp_path: Path) -> None:
    build_round(store)
    text = pdf_text(render_report(consolidate(store, rule="trimmed_mean"), lang="id"), tmp_path)
    assert "Peringkat dan daftar pendek" in text and "Aturan agregasi: rata-rata terpangkas" in text
    assert "Batas daftar pendek 3" in text and "Halaman 1 dari" in text


def test_empty_signature_field_on_the_last_page(store) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    build_round(store)
    reader = PdfFileReader(io.BytesIO(render_report(consolidate(store))))
    fields = list(enumerate_sig_fields(reader, with_name="NilaiSignature"))
    assert len(fields) == 1 and fields[0][1] is None  # present, not signed


def test_signed_report_verifies(store, tmp_path: Path) -> None:
    build_round(store)
    identity.create_identity(store.data_dir, "Rina Koordinator", "197001011995032001", "Kominfo", "rahasia koordinator")
    unlocked = identity.unlock(store.data_dir, "rahasia koordinator")
    path = write_report(consolidate(store), tmp_path / "signed.pdf",
                        sign=lambda pdf: signing.sign_pdf(pdf, unlocked, reason="Ranking", location=""))
    check = signing.verify_pdf(path.read_bytes())
    assert check.intact and check.covers_whole_file and check.signer_name == "Rina Koordinator"
    assert not list(tmp_path.glob(".signed.pdf.*"))  # no temporary file left beside it
