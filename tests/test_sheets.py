"""The PDF evaluation sheet, checked through poppler (pdftotext, pdffonts, pdfinfo) and pyHanko."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Polygon, PolyLine
from reportlab.lib.units import mm

from app.base.ids import short_id
from app.models.domain import AssessmentStatus, EvidenceInfo
from app.sheets.charts import qr_drawing, radar_chart
from app.sheets.render import SIGNATURE_FIELD, SIGNATURE_SIZE, qr_payload, render_sheet
from app.sheets.text import FONT, register_fonts, split_text
from tests.sheet_fixtures import UNICODE_NOTE, build_snapshot, long_note

GENERATED = datetime(2018, 3, 5, 10, 2, tzinfo=timezone(timedelta(hours=7)))

for _tool in ("pdftotext", "pdffonts", "pdfinfo"):
    if shutil.which(_tool) is None:  # pragma: no cover - a broken test machine, not a skip
        raise RuntimeError(f"{_tool} (poppler-utils) is needed by the sheet tests")


def _write(tmp_path: Path, pdf: bytes, name: str = "sheet.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def _text(path: Path, page: int | None = None) -> str:
    """The PDF's text with runs of whitespace (line breaks inside wrapped cells) made single spaces."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdftotext", *pages, str(path), "-"], check=True, capture_output=True, text=True)
    return " ".join(out.stdout.split())


def _pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


@pytest.fixture(scope="module")
def short_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("short"), render_sheet(build_snapshot(), generated_at=GENERATED))


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pdf = render_sheet(build_snapshot(long_notes=True), generated_at=GENERATED)
    return _write(tmp_path_factory.mktemp("long"), pdf)


def test_renders_a_valid_pdf_with_metadata(short_pdf: Path) -> None:
    data = short_pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    info = subprocess.run(["pdfinfo", str(short_pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Title:\s+Lembar Penilaian — Kabupaten Batang$", info, re.M)
    assert re.search(r"^Author:\s+Dr\. Rr\. Siti Nurhaliza Wibowo, M\.T\.$", info, re.M)
    assert re.search(r"^Subject:\s+Lembar penilaian Kabupaten Batang — Seleksi Tahap II 2018$", info, re.M)
    assert re.search(r"^Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)$", info, re.M)


def test_sheet_text_holds_the_record(short_pdf: Path) -> None:
    snap = build_snapshot()
    text = _text(short_pdf)
    for expected in ("Gerakan Menuju 100 Smart City", "Lembar Penilaian", "Kabupaten Batang", "3325",
                     "Jawa Tengah", "Senin, 5 Maret 2018", "09.00–09.45", "Panel 3", "198203152008012011",
                     "Dr. Rr. Siti Nurhaliza Wibowo, M.T.", "Ir. Ñoman Śaputra, M.Kom.", "Kepala Bappeda",
                     UNICODE_NOTE, "Straße-test: ß, Ā, é", "“Lapor Bupati”", snap.record_id, snap.version_id,
                     snap.previous_version_id, snap.instrument.content_hash[:16], "Nilai total tertimbang",
                     "Tanda tangan elektronik penilai", "T/B", "Belum dinilai", "RPJMD_2017-2022_bab4.pdf"):
        assert expected in text, expected
    for indicator in snap.instrument.indicators():
        assert indicator.code in text
        assert indicator.title.id in text
    for ev in snap.score("STR-2").evidence:
        assert ev.file_name in text and ev.sha256[:12] in text and ev.sha256[:13] not in text
    assert f"subtotal {snap.summary.dimensions[0].score:.1f}".replace(".", ",") in text
    assert f"{snap.summary.total:.1f}".replace(".", ",") in text


def test_long_notes_wrap_completely_and_pages_are_numbered(long_pdf: Path) -> None:
    snap = build_snapshot(long_notes=True)
    pages = _pages(long_pdf)
    assert pages > 1
    text = _text(long_pdf)
    for score in snap.scores:
        assert " ".join(score.note.split()) in text, score.indicator_code  # every word, none clipped
    for page in range(1, pages + 1):
        assert f"Halaman {page} dari {pages}" in _text(long_pdf, page)
    assert f"Rekaman {short_id(snap.record_id)}" in _text(long_pdf, pages)
    assert "2018-03-05 10.02 UTC+7" in text


def test_only_embedded_dejavu_fonts(short_pdf: Path, long_pdf: Path) -> None:
    for path in (short_pdf, long_pdf):
        out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
        rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
        assert rows
        for row in rows:
            name, emb = row[0], row[-5]
            assert re.fullmatch(r"[A-Z]{6}\+DejaVuSans(-Bold|-Oblique)?", name), row
            assert emb == "yes", row
        assert "Helvetica" not in out


def test_english_sheet_uses_english_labels(tmp_path: Path) -> None:
    path = _write(tmp_path, render_sheet(build_snapshot(), "en", generated_at=GENERATED))
    text = _text(path)
    for expected in ("Evaluation sheet", "Delegation present", "Level descriptor", "Evidence", "Weighted total",
                     "Assessor's electronic signature", "Document identification", "Monday, 5 March 2018",
                     "Commitment of the regional head", "N/A", "Not scored", f"Page 1 of {_pages(path)}"):
        assert expected in text, expected
    for indonesian in ("Lembar Penilaian", "Halaman", "Catatan:", "Bukti", "Komitmen pimpinan daerah"):
        assert indonesian not in text, indonesian
    # Interview content stays as it was written.
    assert UNICODE_NOTE in text


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        render_sheet(build_snapshot(), "fr")


def test_qr_payload_identifies_record_version_and_instrument() -> None:
    snap = build_snapshot()
    payload = qr_payload(snap)
    assert json.loads(payload) == {"r": snap.record_id, "v": snap.version_id, "i": "smart-city-readiness-2018",
                                   "iv": "1.2", "h": snap.instrument.content_hash}
    register_fonts()
    drawing = qr_drawing(payload, 30 * mm, FONT)
    assert drawing.qr.value == payload
    assert (drawing.width, drawing.height) == (30 * mm, 30 * mm)


@pytest.mark.skipif(shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
                    reason="zbarimg (zbar-tools) and pdftoppm are needed to read the printed QR code")
def test_printed_qr_code_reads_back_to_the_record(tmp_path: Path) -> None:
    snap = build_snapshot()
    path = _write(tmp_path, render_sheet(snap, generated_at=GENERATED))
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(path), str(tmp_path / "page")], check=True)
    last = sorted(tmp_path.glob("page-*.png"))[-1]
    read = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(last)],
                          capture_output=True, text=True, check=True)
    assert json.loads(read.stdout.strip()) == json.loads(qr_payload(snap))


def test_table_headers_repeat_on_the_second_page(tmp_path: Path) -> None:
    # Notes of 3,000 characters make the first dimension run from page 1 onto page 2.
    path = _write(tmp_path, render_sheet(build_snapshot(long_notes=True, note_length=3000), generated_at=GENERATED))
    first = _text(path, 1)
    assert "1. Struktur (STR)" in first and "STR-1" in first
    lines = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", str(path), "-"], check=True,
                           capture_output=True, text=True).stdout.splitlines()
    codes = [m[1] for line in lines if (m := re.match(r"\s*((STR|INF|SUP|EKO)-\d)\b", line))]
    assert codes and codes[0].startswith("STR-") and codes[0] != "STR-1", "page 2 continues the first dimension"
    heading = next(i for i, line in enumerate(lines) if "1. Struktur (STR)" in line)
    header = next(i for i, line in enumerate(lines) if re.search(r"Kode\s+Indikator\s+Level\s+Deskriptor level\s+Bukti", line))
    first_row = next(i for i, line in enumerate(lines) if line.strip().startswith(codes[0]))
    assert heading < header < first_row


@pytest.mark.parametrize("count", [3, 4, 6])
def test_radar_chart_has_one_vertex_per_dimension(count: int) -> None:
    register_fonts()
    values = [10.0 * (i + 1) for i in range(count - 1)] + [None]
    drawing = radar_chart([f"Dimensi {i}" for i in range(count)], values, width=200, height=160, font_name=FONT)
    polygon = drawing.score
    assert isinstance(polygon, Polygon)
    points = list(zip(polygon.points[::2], polygon.points[1::2], strict=True))
    assert len(points) == count
    centre = (100.0, 80.0)
    assert points[-1] == pytest.approx(centre)  # no score: the centre
    assert points[0][0] == pytest.approx(centre[0]) and points[0][1] > centre[1]  # first axis points up
    grids = [s for s in drawing.contents if isinstance(s, Polygon) and s is not polygon]
    assert len(grids) == 5 and all(len(g.points) == 2 * count for g in grids)


def test_radar_chart_with_two_axes_draws_a_line() -> None:
    register_fonts()
    drawing = radar_chart(["A", "B"], [50, 80], width=120, height=120, font_name=FONT)
    assert isinstance(drawing.score, PolyLine) and len(drawing.score.points) == 4


def test_signature_field_covers_the_box_on_the_last_page(short_pdf: Path) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    reader = PdfFileReader(io.BytesIO(short_pdf.read_bytes()))
    fields = list(enumerate_sig_fields(reader, filled_status=None))
    assert [(name, value) for name, value, _ in fields] == [(SIGNATURE_FIELD, None)]  # one, empty
    widget = fields[0][2].get_object()
    assert widget["/FT"] == "/Sig" and widget["/Subtype"] == "/Widget"
    kids = reader.root["/Pages"]["/Kids"]
    assert widget.raw_get("/P").idnum == kids.raw_get(len(kids) - 1).idnum  # the last page
    x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    assert (x2 - x1, y2 - y1) == (pytest.approx(SIGNATURE_SIZE[0], abs=0.02), pytest.approx(SIGNATURE_SIZE[1], abs=0.02))
    assert 18 * mm - 0.1 <= x1 and x2 <= 595.28 - 18 * mm + 0.1 and 17 * mm <= y1 and y2 <= 841.89 - 17 * mm
    # The caption sits right above the box (pdftotext's y runs downwards from the top of the page).
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(len(kids)), "-l", str(len(kids)), str(short_pdf), "-"],
                         check=True, capture_output=True, text=True).stdout
    match = re.search(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">Tanda</word>', out)
    assert match, "caption on the last page"
    caption_x, caption_bottom = float(match[1]), 841.89 - float(match[2])
    assert caption_x == pytest.approx(x1, abs=1)
    assert 0 < caption_bottom - y2 < 12


def test_same_snapshot_gives_the_same_bytes() -> None:
    snap = build_snapshot()
    first = render_sheet(snap, generated_at=GENERATED)
    assert render_sheet(snap, generated_at=GENERATED) == first
    assert render_sheet(snap, generated_at=GENERATED + timedelta(minutes=1)) != first


def test_draft_is_watermarked_and_final_is_not(tmp_path: Path, short_pdf: Path) -> None:
    # pdftotext drops diagonal text, so look for the pale red of the watermark in the middle of page 1.
    draft = _write(tmp_path, render_sheet(build_snapshot(status=AssessmentStatus.DRAFT), generated_at=GENERATED))
    assert "Draf (belum final)" in _text(draft)
    assert _reddish_pixels(draft) > 200
    assert _reddish_pixels(short_pdf) == 0


def _reddish_pixels(path: Path) -> int:
    from PIL import Image

    prefix = path.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", "-singlefile", str(path), str(prefix)],
                   check=True)
    with Image.open(f"{prefix}.png") as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        middle = rgb.crop((width // 4, height // 3, 3 * width // 4, 2 * height // 3))
        data = middle.tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    return sum(1 for r, g, b in pixels if r > 200 and r - g > 8 and r - b > 8)


def test_notes_are_text_not_markup_and_keep_line_breaks(tmp_path: Path) -> None:
    snap = build_snapshot()
    scores = [dataclasses.replace(s, note="Tag <b>tebal</b> & <font size=40>x</font>\nbaris kedua")
              if s.indicator_code == "STR-3" else s for s in snap.scores]
    path = _write(tmp_path, render_sheet(dataclasses.replace(snap, scores=tuple(scores)), generated_at=GENERATED))
    raw = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    assert "Tag <b>tebal</b> & <font size=40>x</font>" in raw
    line = next(line for line in raw.splitlines() if "<font size=40>" in line)
    assert "baris kedua" not in line  # the note's own line break is kept


def test_huge_notes_and_evidence_lists_still_render_completely(tmp_path: Path) -> None:
    snap = build_snapshot()
    many = tuple(EvidenceInfo(f"e{i}", f"Foto_kegiatan_{i:03d}.jpg", f"{i:064x}", 1000, "x") for i in range(150))
    scores = list(snap.scores)
    scores[0] = dataclasses.replace(scores[0], note=long_note(20_000) + " AKHIR-CATATAN")
    scores[1] = dataclasses.replace(scores[1], evidence=many)  # one table row taller than a page
    path = _write(tmp_path, render_sheet(dataclasses.replace(snap, scores=tuple(scores)), generated_at=GENERATED))
    words = iter(_text(path).split())
    assert all(word in words for word in scores[0].note.split()), "every word, in order"
    words = iter(_text(path).split())
    assert all(any(w.startswith(f"Foto_kegiatan_{i:03d}.jpg") for w in words) for i in range(150))
    assert _pages(path) > 5


def test_sheet_without_delegation_or_slot(tmp_path: Path) -> None:
    snap = dataclasses.replace(build_snapshot(delegation=False), slot=None)
    text = _text(_write(tmp_path, render_sheet(snap, generated_at=GENERATED)))
    assert "Tidak ada delegasi yang dicatat." in text and "Tanpa jadwal" in text


@pytest.mark.parametrize("limit, max_lines", [(50, 3), (1600, 16)])
def test_split_text_keeps_every_word_within_limits(limit: int, max_lines: int) -> None:
    text = long_note(3000) + "\n\nbaris\n" * 20 + "x" * 130
    pieces = split_text(text, limit, max_lines)
    assert all(len(p) <= limit and len(p.splitlines()) <= max_lines for p in pieces)
    assert "".join("".join(pieces).split()) == "".join(text.split())
    assert split_text("", limit, max_lines) == [""]


def test_an_indicator_without_a_note_gets_no_note_line(short_pdf: Path) -> None:
    snap = build_snapshot()
    text = _text(short_pdf)
    noted = [s for s in snap.scores if s.note.strip()]
    assert len(noted) < len(snap.scores), "the fixture has indicators without a note"
    assert "tidak ada catatan" not in text
    assert text.count("Catatan:") == len(noted)


@pytest.mark.parametrize("note_length", [250, 850])  # lengths at which the signature once stood alone
def test_the_signature_block_stays_with_the_summary_of_the_scores(tmp_path: Path, note_length: int) -> None:
    snap = build_snapshot(long_notes=True, note_length=note_length)
    path = _write(tmp_path, render_sheet(snap, generated_at=GENERATED))
    last = _text(path, _pages(path))
    assert "Tanda tangan elektronik penilai" in last and snap.record_id in last
    assert "Ringkasan" in last and "Nilai total tertimbang" in last
