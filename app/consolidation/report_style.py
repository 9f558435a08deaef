"""How the ranking report looks: A4 landscape geometry, the palette, the type and paragraph styles,
and its labels in both languages (Indonesian first)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from app.base.numbers import Kind, format_score
from app.sheets.text import FONT, FONT_BOLD
from app.sheets.text import register_fonts as register_sheet_fonts

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN = 15 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN
INK, MUTED, ALERT = colors.HexColor("#1d2630"), colors.HexColor("#5c6773"), colors.HexColor("#b03a2e")
ACCENT, TINT, LIGHT = colors.HexColor("#1f4e79"), colors.HexColor("#e8eef5"), colors.HexColor("#d3d9df")
IN_ALL, IN_SOME, OUT = colors.HexColor("#1f4e79"), colors.HexColor("#7fa7cf"), colors.HexColor("#c9d1d9")
AMBER, AMBER_TINT, GREEN_TINT = colors.HexColor("#d98c1f"), colors.HexColor("#fce4b6"), colors.HexColor("#ddefd9")
SIGNATURE_FIELD = "NilaiSignature"  # app.sheets.signing signs into this field
SIGNATURE_BOX = (80 * mm, 24 * mm)

LABELS = {
    "title": ("Peringkat dan daftar pendek", "Ranking and shortlist"),
    "summary": ("Ringkasan", "Summary"),
    "method": ("Metode", "Method"),
    "agreement": ("Kesepakatan antarasesor", "Agreement between assessors"),
    "charts": ("Grafik", "Charts"),
    "table": ("Peringkat", "Ranking"),
    "rank": ("Pkt", "Rank"),
    "code": ("Kode", "Code"),
    "region": ("Daerah", "Region"),
    "province": ("Provinsi", "Province"),
    "score": ("Skor panel", "Panel score"),
    "assessors": ("Asesor", "Assessors"),
    "flags": ("Selisih ≥2", "Spread ≥2"),
    "moderated": ("Moderasi", "Moderated"),
    "page": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "cut": ("Batas daftar pendek {size}", "Shortlist {size} cut-off"),
    "cut_tie": ("seri melintasi batas: {n} daerah ({codes}) untuk {open} tempat — keputusan koordinator",
                "tie across the cut-off: {n} regions ({codes}) for {open} place(s) — for the coordinator to decide"),
    "bars": ("Skor panel menurut urutan peringkat, dengan batas daftar pendek",
             "Panel scores in ranking order, with the shortlist cut-offs"),
    "hist": ("Sebaran skor panel (interval 5 poin), dengan skor pada batas", "Distribution of panel scores "
             "(5-point bins), with the score at each cut-off"),
    "cuts": ("Batas daftar pendek: skor tempat terakhir, skor berikutnya, selisihnya",
             "Shortlist cut-offs: score of the last place, of the next one, and the gap"),
    "signature": ("Tanda tangan koordinator", "Coordinator's signature"),
    "unranked": ("tanpa penilaian yang dihitung", "no counted assessment"),
    "legend_rank": ("'2=': seri penuh (skor dan semua pemecah seri sama). Kolom daftar pendek: ✓ masuk, "
                    "'seri' = seri melintasi batas.",
                    "'2=': genuinely tied (score and every tie-breaker equal). Shortlist columns: ✓ in, "
                    "'tie' = tie across the cut-off."),
}


def label(key: str, lang: str, **kw: object) -> str:
    text = LABELS[key][0 if lang == "id" else 1]
    return text.format(**kw) if kw else text


def register_fonts() -> tuple[str, str]:
    """DejaVu Sans regular and bold, the evaluation sheets' type, registered once per process."""
    register_sheet_fonts()
    return FONT, FONT_BOLD


def report_styles() -> dict[str, ParagraphStyle]:
    def style(name: str, size: float, font: str = FONT, color: colors.Color = INK, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.3, textColor=color,
                              alignment=TA_LEFT, **kw)

    return {
        "title": style("title", 17, FONT_BOLD, ACCENT, spaceAfter=2),
        "subtitle": style("subtitle", 9.5, color=MUTED, spaceAfter=6),
        "h2": style("h2", 12, FONT_BOLD, ACCENT, spaceBefore=8, spaceAfter=4),
        "body": style("body", 8.5),
        "small": style("small", 7.5, color=MUTED),
        "cell": style("cell", 7.2),
        "cell_bold": style("cell_bold", 7.2, FONT_BOLD),
        "alert": style("alert", 8.5, FONT_BOLD, ALERT),
        "cut": style("cut", 7.2, FONT_BOLD, ALERT),
    }


def score_text(value: float | Decimal | None, lang: str) -> str:
    return format_score(value, lang, Kind.PANEL)
