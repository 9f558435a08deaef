"""The ranking report's charts: panel scores in ranking order, their distribution, and the legend,
each with the shortlist cut-offs marked."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table

from app.consolidation.consolidate import Consolidation, RankedRegion
from app.consolidation.ranking import TIE, YES
from app.consolidation.report_style import (
    ALERT,
    AMBER,
    IN_ALL,
    IN_SOME,
    LIGHT,
    MUTED,
    OUT,
    WIDTH,
    score_text,
)
from app.sheets.text import FONT, FONT_BOLD


def _bar_colour(region: RankedRegion) -> colors.Color:
    marks = [mark for _, mark in region.shortlist]
    if TIE in marks:
        return AMBER
    if marks and all(m == YES for m in marks):
        return IN_ALL
    if YES in marks:
        return IN_SOME
    return OUT


def _filled(x: float, y: float, width: float, height: float, fill: colors.Color) -> Rect:
    """A filled rectangle with no outline (colours set after construction: types-reportlab mistypes Rect's **kw)."""
    rect = Rect(x, y, width, height)
    rect.fillColor, rect.strokeColor = fill, None
    return rect


def ranked_total(region: RankedRegion) -> float:
    assert region.total is not None  # charts and cut-offs take only the ranked regions, which have a total
    return region.total


def ranking_chart(c: Consolidation, lang: str, width: float = WIDTH, height: float = 56 * mm) -> Drawing:
    ranked = [r for r in c.ranking if r.total is not None]
    drawing = Drawing(width, height)
    left, bottom, top = 24, 16, 10
    plot_w, plot_h = width - left - 8, height - bottom - top
    for value in (0, 25, 50, 75, 100):
        y = bottom + plot_h * value / 100
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=LIGHT, strokeWidth=0.4))
        drawing.add(String(left - 4, y - 2.5, f"{value}", fontName=FONT, fontSize=6.5, fillColor=MUTED,
                           textAnchor="end"))
    n = max(len(ranked), 1)
    step = plot_w / n
    for index, region in enumerate(ranked):
        h = plot_h * max(0.0, min(ranked_total(region), 100.0)) / 100
        drawing.add(_filled(left + index * step + step * 0.12, bottom, step * 0.76, h, _bar_colour(region)))
    for number in range(0, n + 1, 10 if n > 40 else 5):
        if number == 0:
            continue
        x = left + (number - 0.5) * step
        drawing.add(String(x, bottom - 9, str(number), fontName=FONT, fontSize=6, fillColor=MUTED, textAnchor="middle"))
    for cut in c.cuts:
        if cut.size >= len(ranked):
            continue
        x = left + cut.size * step
        drawing.add(Line(x, bottom, x, bottom + plot_h + 4, strokeColor=ALERT, strokeWidth=1, strokeDashArray=[3, 2]))
        label = f"{cut.size}" + (" ⚠" if cut.straddled else "")
        drawing.add(String(x + 2, bottom + plot_h + 1, label, fontName=FONT_BOLD, fontSize=7, fillColor=ALERT))
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=MUTED, strokeWidth=0.6))
    return drawing


def score_bins(totals: list[float]) -> list[int]:
    """How many scores fall in each 5-point bin of 0-100; an adjusted score a little outside counts at the end."""
    bins = [0] * 20
    for total in totals:
        bins[max(0, min(int(total // 5), 19))] += 1
    return bins


def histogram_chart(c: Consolidation, lang: str, width: float = WIDTH / 2 - 6, height: float = 58 * mm) -> Drawing:
    bins = score_bins([r.total for r in c.ranking if r.total is not None])
    drawing = Drawing(width, height)
    left, bottom, top = 22, 16, 10
    plot_w, plot_h = width - left - 6, height - bottom - top
    peak = max(bins + [1])
    scale = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500) if peak / s <= 6)
    ceiling = ((peak + scale - 1) // scale) * scale
    for value in range(0, ceiling + 1, scale):
        y = bottom + plot_h * value / ceiling
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=LIGHT, strokeWidth=0.4))
        drawing.add(String(left - 4, y - 2.5, str(value), fontName=FONT, fontSize=6.5, fillColor=MUTED,
                           textAnchor="end"))
    step = plot_w / 20
    for index, count in enumerate(bins):
        if count:
            drawing.add(_filled(left + index * step + 0.6, bottom, step - 1.2, plot_h * count / ceiling, IN_SOME))
    for value in range(0, 101, 20):
        drawing.add(String(left + plot_w * value / 100, bottom - 9, str(value), fontName=FONT, fontSize=6,
                           fillColor=MUTED, textAnchor="middle"))
    ranked = [r for r in c.ranking if r.total is not None]
    for index, cut in enumerate(c.cuts):
        if cut.size >= len(ranked) or not ranked:
            continue
        score = ranked_total(ranked[cut.size - 1])
        x = left + plot_w * max(0.0, min(score, 100.0)) / 100
        drawing.add(Line(x, bottom, x, bottom + plot_h + 3, strokeColor=ALERT, strokeWidth=1, strokeDashArray=[3, 2]))
        drawing.add(_filled(x + 1.5, bottom + plot_h - 8 - 9 * index, 38, 8, colors.white))
        drawing.add(String(x + 2, bottom + plot_h - 6 - 9 * index, f"{cut.size}: {score_text(score, lang)}", fontName=FONT_BOLD,
                           fontSize=6.5, fillColor=ALERT))
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=MUTED, strokeWidth=0.6))
    return drawing


def shortlist_legend(lang: str, styles: dict[str, ParagraphStyle]) -> Table:
    items = [(IN_ALL, "in every shortlist" if lang != "id" else "masuk semua daftar pendek"),
             (IN_SOME, "in the larger shortlist(s)" if lang != "id" else "masuk daftar pendek yang lebih besar"),
             (AMBER, "tie across a cut-off" if lang != "id" else "seri melintasi batas"),
             (OUT, "not shortlisted" if lang != "id" else "tidak masuk")]
    cells, style = [], [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 2)]
    for index, (colour, text) in enumerate(items):
        swatch = Drawing(8, 8)
        swatch.add(_filled(0, 0, 8, 8, colour))
        cells += [swatch, Paragraph(text, styles["small"])]
        style.append(("RIGHTPADDING", (2 * index + 1, 0), (2 * index + 1, 0), 10))
    return Table([cells], colWidths=[10, 58 * mm] * len(items), style=style, hAlign="LEFT")
