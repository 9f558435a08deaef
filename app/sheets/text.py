"""The words and the type of the evaluation sheet.

- The sheet's own bilingual labels, and how numbers, dates and times are written in each language.
  Instrument texts (dimension and indicator titles, rubric descriptors) come from the instrument
  itself through ``Text.get(lang)``.
- The type: DejaVu Sans registered once per process (``register_fonts``), the palette, the
  paragraph styles, and plain text made safe for ReportLab's paragraph markup.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from app.base.numbers import Kind, format_score, format_weight
from app.base.paths import resources_dir
from app.models.domain import LANGUAGES, AssessmentStatus
from app.sheets.drawn_text import copy_kept, draw_kept
from app.sheets.font_subsets import KeptSubsetFont

FONT, FONT_BOLD, FONT_ITALIC = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"
INK, MUTED, ALERT = colors.HexColor("#1d2630"), colors.HexColor("#5c6773"), colors.HexColor("#b03a2e")
ACCENT, TINT = colors.HexColor("#1f4e79"), colors.HexColor("#e8eef5")
RULE, LIGHT_RULE = colors.HexColor("#9aa5b1"), colors.HexColor("#d3d9df")

# key -> (Bahasa Indonesia, English)
LABELS: dict[str, tuple[str, str]] = {
    "title": ("Lembar Penilaian", "Evaluation sheet"),
    "subtitle": ("Penilaian kesiapan daerah — wawancara panel", "Regional readiness assessment — panel interview"),
    "region": ("Daerah", "Region"),
    "province": ("Provinsi", "Province"),
    "bps_code": ("kode BPS", "BPS code"),
    "date": ("Tanggal", "Date"),
    "time": ("Waktu", "Time"),
    "panel": ("Panel / ruang", "Panel / room"),
    "assessor": ("Penilai", "Assessor"),
    "nip": ("NIP", "NIP"),
    "organisation": ("Instansi", "Organisation"),
    "status": ("Status", "Status"),
    "finalized": ("Difinalkan", "Finalized"),
    "no_slot": ("Tanpa jadwal", "Not scheduled"),
    "minutes": ("menit", "min"),
    "delegation": ("Delegasi yang hadir", "Delegation present"),
    "no_delegation": ("Tidak ada delegasi yang dicatat.", "No delegate was recorded."),
    "number": ("No.", "No."),
    "name": ("Nama", "Name"),
    "role": ("Jabatan", "Role"),
    "scores": ("Hasil penilaian per dimensi", "Scores by dimension"),
    "weight": ("bobot", "weight"),
    "subtotal": ("subtotal", "subtotal"),
    "weight_head": ("Bobot", "Weight"),
    "subtotal_head": ("Subtotal", "Subtotal"),
    "code": ("Kode", "Code"),
    "indicator": ("Indikator", "Indicator"),
    "level": ("Level", "Level"),
    "descriptor": ("Deskriptor level", "Level descriptor"),
    "evidence": ("Bukti", "Evidence"),
    "note": ("Catatan", "Note"),
    "not_applicable": ("T/B", "N/A"),
    "not_applicable_long": ("Tidak berlaku", "Not applicable"),
    "not_scored": ("—", "—"),
    "not_scored_long": ("Belum dinilai", "Not scored"),
    "required_mark": ("* indikator wajib", "* required indicator"),
    "summary": ("Ringkasan", "Summary"),
    "dimension": ("Dimensi", "Dimension"),
    "scored": ("Dinilai", "Scored"),
    "contribution": ("Kontribusi", "Contribution"),
    "weighted_total": ("Nilai total tertimbang", "Weighted total"),
    "missing_required": ("Indikator wajib belum dinilai", "Required indicators not scored"),
    "chart_caption": ("Profil kesiapan (0–100)", "Readiness profile (0–100)"),
    "identification": ("Identifikasi dokumen", "Document identification"),
    "record_id": ("ID rekaman", "Record id"),
    "version_id": ("ID versi", "Version id"),
    "previous_version_id": ("ID versi sebelumnya", "Previous version id"),
    "none": ("tidak ada", "none"),
    "instrument": ("Instrumen", "Instrument"),
    "instrument_hash": ("Hash instrumen", "Instrument hash"),
    "round": ("Putaran", "Round"),
    "reopen_reason": ("Alasan dibuka kembali", "Reason for reopening"),
    "qr_caption": ("Kode QR: rekaman, versi, instrumen", "QR code: record, version, instrument"),
    "signature_caption": ("Tanda tangan elektronik penilai", "Assessor's electronic signature"),
    "statement": (
        "Dengan tanda tangan elektronik pada lembar ini, penilai menyatakan bahwa penilaian di atas dibuat "
        "berdasarkan wawancara panel dan bukti yang diperiksa, sesuai dengan keadaan yang sebenarnya.",
        "By signing this sheet electronically, the assessor declares that the assessment above was made "
        "from the panel interview and the evidence examined, and reflects them truthfully.",
    ),
    "page_of": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "generated": ("Dibuat {when}", "Generated {when}"),
    "record_short": ("Rekaman {rid}", "Record {rid}"),
    "draft_watermark": ("DRAF", "DRAFT"),
    "subject": ("Lembar penilaian {region} — {round}", "Evaluation sheet {region} — {round}"),
}

STATUS_LABELS: dict[AssessmentStatus, tuple[str, str]] = {
    AssessmentStatus.DRAFT: ("Draf (belum final)", "Draft (not final)"),
    AssessmentStatus.FINAL: ("Final", "Final"),
    AssessmentStatus.SIGNED: ("Ditandatangani", "Signed"),
}

_MONTHS = (
    ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
     "November", "Desember"),
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"),
)
_WEEKDAYS = (
    ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
)


def check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported sheet language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return lang


def _index(lang: str) -> int:
    return 1 if lang == "en" else 0


def label(key: str, lang: str, **values: object) -> str:
    text = LABELS[key][_index(lang)]
    return text.format(**values) if values else text


def status_label(status: AssessmentStatus, lang: str) -> str:
    return STATUS_LABELS[status][_index(lang)]


def number(value: float | None, lang: str) -> str:
    """A score as the screen shows it (``72,5`` in Indonesian, ``72.5`` in English, by the rule of
    :mod:`app.base.numbers`); an em dash for no value."""
    return format_score(value, lang, Kind.SCORE, missing="—")


def weight(value: float, lang: str) -> str:
    return format_weight(value, lang)


def long_date(day: date, lang: str, weekday: bool = True) -> str:
    i = _index(lang)
    month = _MONTHS[i][day.month - 1]
    text = f"{day.day} {month} {day.year}"
    return f"{_WEEKDAYS[i][day.weekday()]}, {text}" if weekday else text


def clock(value: time, lang: str) -> str:
    """``09.00`` in Indonesian (the official separator), ``09:00`` in English."""
    sep = "." if lang == "id" else ":"
    return f"{value.hour:02d}{sep}{value.minute:02d}"


def timestamp(value: datetime, lang: str) -> str:
    """Date and time to the minute, with the UTC offset when the value carries one."""
    text = f"{value.date().isoformat()} {clock(value.time(), lang)}"
    offset = value.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds()) // 60
        if not minutes:
            return f"{text} UTC"
        sign = "+" if minutes >= 0 else "-"
        hours, mins = divmod(abs(minutes), 60)
        text += f" UTC{sign}{hours:02d}:{mins:02d}" if mins else f" UTC{sign}{hours}"
    return text


def split_text(text: str, limit: int, max_lines: int) -> list[str]:
    """Cut a text into pieces of at most ``limit`` characters and ``max_lines`` lines, keeping its
    line breaks; a longer line is cut after a sentence, else at a space, else where it must."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.strip().splitlines() or [""]:
        for part in _cut_line(line, limit):
            if current and (size + len(part) > limit or len(current) >= max_lines):
                pieces.append("\n".join(current))
                current, size = [], 0
            current.append(part)
            size += len(part) + 1
    pieces.append("\n".join(current))
    return pieces


def _cut_line(line: str, limit: int) -> list[str]:
    parts: list[str] = []
    while len(line) > limit:
        window = line[: limit + 1]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? ")) + 1
        if cut <= limit // 3:
            cut = window.rfind(" ")
        if cut <= limit // 3:
            cut = limit
        parts.append(line[:cut].rstrip())
        line = line[cut:].lstrip()
    parts.append(line)
    return parts


_font_lock = threading.Lock()
_fonts_registered = False


def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold, oblique) with ReportLab, once per process (its subsets kept:
    :mod:`app.sheets.font_subsets`)."""
    global _fonts_registered
    with _font_lock:
        if _fonts_registered:
            return
        folder = resources_dir() / "fonts"
        for name, file_name in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf"),
                                (FONT_ITALIC, "DejaVuSans-Oblique.ttf")):
            pdfmetrics.registerFont(KeptSubsetFont(name, str(folder / file_name)))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD)
        _fonts_registered = True


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    cell: ParagraphStyle
    bold: ParagraphStyle
    label: ParagraphStyle
    small: ParagraphStyle
    caption: ParagraphStyle
    evidence: ParagraphStyle
    ids: ParagraphStyle
    head: ParagraphStyle
    head_center: ParagraphStyle
    head_right: ParagraphStyle
    center: ParagraphStyle
    right: ParagraphStyle
    title: ParagraphStyle
    section: ParagraphStyle
    dimension: ParagraphStyle


@functools.cache
def styles() -> Styles:
    def style(name: str, size: float, font: str = FONT, color: colors.Color = INK, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.25, textColor=color, **kw)

    return Styles(
        body=style("body", 8.5), cell=style("cell", 7.6), bold=style("bold", 7.6, FONT_BOLD),
        label=style("label", 7.2, color=MUTED), small=style("small", 6.8, color=MUTED),
        caption=style("caption", 6.3, color=MUTED, alignment=TA_CENTER), evidence=style("evidence", 6.6),
        ids=style("ids", 7.2), head=style("head", 7.2, FONT_BOLD, colors.white),
        head_center=style("head_center", 7.2, FONT_BOLD, colors.white, alignment=TA_CENTER),
        head_right=style("head_right", 7.2, FONT_BOLD, colors.white, alignment=TA_RIGHT),
        center=style("center", 7, alignment=TA_CENTER), right=style("right", 7.6, alignment=TA_RIGHT),
        title=style("title", 17, FONT_BOLD, ACCENT, spaceBefore=3, spaceAfter=1),
        section=style("section", 10.5, FONT_BOLD, ACCENT, spaceBefore=9, spaceAfter=4),
        dimension=style("dimension", 9, FONT_BOLD),
    )


def markup(text: str) -> str:
    """Plain text as paragraph markup: ``<``, ``&`` and ``>`` escaped, line breaks kept."""
    return escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


def muted(text_markup: str, size: float | None = None) -> str:
    return f'<font color="{MUTED.hexval()}"{f" size={size}" if size else ""}>{text_markup}</font>'


def para(text: str, style: ParagraphStyle, is_markup: bool = False) -> Paragraph:
    """A paragraph of plain ``text``, or of markup when ``is_markup``.

    The markup is parsed once per process for each text and style (:func:`_parsed`): a batch of
    sheets repeats the instrument's titles, descriptors and the labels on every sheet, and the
    parse was a fifth of a sheet's rendering. The paragraph is the same as one parsed afresh.
    """
    source = text if is_markup else markup(text)
    cleaned, parsed_style, frags = _parsed(source, style)
    paragraph = _SharedParagraph(cleaned, parsed_style, frags=list(frags))  # its own list: ReportLab may extend it
    paragraph.wrap_key = (source, style)
    return paragraph


_LINES_KEPT = 8192
_broken_lines: dict[tuple[Any, ...], Any] = {}


class _SharedParagraph(Paragraph):
    """A Paragraph whose line breaking at a given width is done once per process for its text and style.

    A table wraps every cell once to measure it and again to draw it, and a batch repeats the
    instrument's texts and the labels on every sheet: the breaking was a quarter of a sheet's
    rendering. ReportLab only reads the broken lines when it draws or splits a paragraph, so
    paragraphs of the same text, style and width share them; and their drawing, where the document
    names its fonts alike (:mod:`app.sheets.drawn_text`).
    """

    wrap_key: tuple[str, ParagraphStyle] | None = None  # None: a piece of a split paragraph

    def breakLines(self, width: Any) -> Any:  # noqa: N802 - ReportLab's name
        if self.wrap_key is None:
            return super().breakLines(width)
        key = (*self.wrap_key, tuple(width) if isinstance(width, list) else width)
        found = _broken_lines.get(key)
        if found is None:
            found = super().breakLines(width)
            if len(_broken_lines) >= _LINES_KEPT:
                _broken_lines.clear()
            _broken_lines[key] = found
        return found

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803 - ReportLab's names
        if self.wrap_key is not None and not self.bulletText and not getattr(self, "_showBoundary", None):
            at = self._hAlignAdjust(x, _sW)  # type: ignore[attr-defined]  # ReportLab's, not in its stubs
            if copy_kept(canvas, (*self.wrap_key, self.width, self.height), at, y):
                return
        super().drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]  # ReportLab's drawOn takes _sW; its stubs do not

    def draw(self) -> None:
        if self.wrap_key is None or self.bulletText:
            return super().draw()
        # The same text, style and size draw the same operators (app.sheets.drawn_text).
        draw_kept(self, (*self.wrap_key, self.width, self.height), super().draw)
        return None


@functools.lru_cache(maxsize=4096)
def _parsed(text: str, style: ParagraphStyle) -> tuple[str, ParagraphStyle, tuple[Any, ...]]:
    """What ReportLab's ``Paragraph`` makes of ``text`` before laying it out: cleaned text, style, fragments."""
    paragraph = Paragraph(text, style)
    return paragraph.text, paragraph.style, tuple(paragraph.frags)
