"""The ranking report as PDF (ReportLab, DejaVu Sans embedded), ready to be signed.

A4 landscape: the round and a summary (with any tie straddling a cut-off in red), the method
(aggregation rule, tie-breakers, agreement figures), two charts (panel scores in ranking order with
the cut-off lines; the distribution of panel scores with the cut-off scores), then the ranking table
with a labelled line at each cut-off. The last page carries an empty signature field
(``app.sheets.signing.SIGNATURE_FIELD``) where :func:`app.sheets.signing.sign_pdf` puts the coordinator's
signature; unsigned, the field stays empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError

from app.base.atomic import atomic_write
from app.base.numbers import Kind, decimal_score
from app.consolidation.consolidate import REGION_CODE_TIE_BREAKER, Consolidation
from app.consolidation.method import agreement_rows, is_official, method_items
from app.consolidation.ranking import TIE, YES
from app.consolidation.report_charts import histogram_chart, ranked_total, ranking_chart, shortlist_legend
from app.consolidation.report_style import (
    ACCENT,
    ALERT,
    AMBER_TINT,
    GREEN_TINT,
    INK,
    LIGHT,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SIGNATURE_BOX,
    SIGNATURE_FIELD,
    TINT,
    WIDTH,
    label,
    register_fonts,
    report_styles,
    score_text,
)
from app.sheets.page_count import PageCountCanvas
from app.sheets.text import FONT, FONT_BOLD

# -- page furniture ------------------------------------------------------------------------------

@dataclass
class _Context:
    footer: str
    lang: str
    signature_page: int | None = None
    signature_rect: tuple[float, float, float, float] | None = None
    caption: str = ""
    extra: dict = field(default_factory=dict)


class _ReportCanvas(PageCountCanvas):
    """Each footer says "page X of Y", and the signature field lands on its page."""

    def __init__(self, *args: Any, context: _Context, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._context = context

    def finish_page(self, page: int, total: int) -> None:
        self._footer(page, total)
        if page == self._context.signature_page and self._context.signature_rect:
            self._signature_field(self._context.signature_rect)

    def _footer(self, page: int, total: int) -> None:
        y = 9 * mm
        self.saveState()
        self.setStrokeColor(LIGHT)
        self.setLineWidth(0.5)
        self.line(MARGIN, y + 9, PAGE_WIDTH - MARGIN, y + 9)
        self.setFont(FONT, 7)
        self.setFillColor(MUTED)
        self.drawString(MARGIN, y, self._context.footer)
        self.setFont(FONT_BOLD, 7)
        self.drawRightString(PAGE_WIDTH - MARGIN, y, label("page", self._context.lang, page=page, pages=total))
        self.restoreState()

    def _signature_field(self, rect: tuple[float, float, float, float]) -> None:
        form = self.acroForm
        sig = PDFDictionary({
            "FT": PDFName("Sig"), "T": PDFString(SIGNATURE_FIELD), "TU": PDFString(self._context.caption),
            "Type": PDFName("Annot"), "Subtype": PDFName("Widget"), "F": 4,
            "Rect": PDFArray(list(rect)), "P": self._doc.thisPageRef(),  # type: ignore[attr-defined]  # private, unstubbed
        })
        self._addAnnotation(sig)  # type: ignore[attr-defined]  # private, unstubbed
        form.fields.append(form.getRef(sig))


class _SignatureSpot(Flowable):
    """A captioned box at the end of the report; records where it landed for the signature field."""

    def __init__(self, context: _Context, caption: str, detail: str) -> None:
        super().__init__()
        self.context, self.caption, self.detail = context, caption, detail
        self.width, self.height = SIGNATURE_BOX[0], SIGNATURE_BOX[1] + 12

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.setFont(FONT_BOLD, 8)
        canv.setFillColor(INK)
        canv.drawString(0, self.height - 8, self.caption)
        canv.setFont(FONT, 7)
        canv.setFillColor(MUTED)
        canv.drawString(0, 1, self.detail)
        canv.setStrokeColor(LIGHT)
        canv.setDash(2, 2)
        canv.rect(0, 10, SIGNATURE_BOX[0], SIGNATURE_BOX[1] - 10, stroke=1, fill=0)
        x0, y0 = canv.absolutePosition(0, 10)
        x1, y1 = canv.absolutePosition(SIGNATURE_BOX[0], SIGNATURE_BOX[1])
        self.context.signature_page = canv.getPageNumber()
        self.context.signature_rect = (x0, y0, x1, y1)


# -- tables ----------------------------------------------------------------------------------------

def _ranking_table(c: Consolidation, lang: str, styles: dict[str, ParagraphStyle]) -> Table:
    dims = [d.code for d in c.instrument.dimensions]
    sizes = list(c.shortlist_sizes)
    header = [label("rank", lang), label("code", lang), label("region", lang), label("province", lang), label("score", lang),
              *dims, label("assessors", lang), label("flags", lang), label("moderated", lang), *(f"{'DP' if lang == 'id' else 'SL'} {s}" for s in sizes)]
    fixed = {"rank": 12 * mm, "code": 12 * mm, "score": 17 * mm, "dim": 13 * mm, "assessors": 19 * mm,
             "flags": 17 * mm, "moderated": 19 * mm, "sl": 12 * mm}
    used = (fixed["rank"] + fixed["code"] + fixed["score"] + fixed["dim"] * len(dims) + fixed["assessors"]
            + fixed["flags"] + fixed["moderated"] + fixed["sl"] * len(sizes))
    rest = WIDTH - used
    widths = [fixed["rank"], fixed["code"], rest * 0.56, rest * 0.44, fixed["score"], *([fixed["dim"]] * len(dims)),
              fixed["assessors"], fixed["flags"], fixed["moderated"], *([fixed["sl"]] * len(sizes))]
    ncols = len(header)
    first_sl = ncols - len(sizes)
    rows: list[list] = [[Paragraph(h, styles["cell_bold"]) for h in header]]
    style: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, 7.2),
        ("BACKGROUND", (0, 0), (-1, 0), TINT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (4, 1), (4 + len(dims), -1), "RIGHT"),
        ("ALIGN", (first_sl - 3, 1), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    cut_after: dict[int, list] = {}
    ranked_count = sum(1 for r in c.ranking if r.total is not None)
    for cut in c.cuts:
        if cut.size < ranked_count:
            cut_after.setdefault(cut.size, []).append(cut)
    for region in c.ranking:
        rank = "–" if region.rank is None else f"{region.rank}{'=' if region.tied_with else ''}"
        marks = [("✓" if mark == YES else ("seri" if lang == "id" else "tie") if mark == TIE else "")
                 for _, mark in region.shortlist]
        name = region.region.name if region.total is not None else f"{region.region.name} ({label('unranked', lang)})"
        row = [rank, region.region.code, Paragraph(name, styles["cell"]), Paragraph(region.region.province_name,
                                                                                     styles["cell"]),
               score_text(region.total, lang), *(score_text(d.score, lang) for d in region.dimensions),
               f"{region.assessors}/{region.expected}", str(len(region.flagged_indicators) or ""),
               str(len(region.moderated_indicators) or ""), *marks]
        rows.append(row)
        index = len(rows) - 1
        if index % 2 == 0:
            style.append(("BACKGROUND", (0, index), (first_sl - 1, index), colors.HexColor("#f6f8fa")))
        style.append(("FONT", (4, index), (4, index), FONT_BOLD, 7.2))
        if region.flagged_indicators:
            style.append(("TEXTCOLOR", (first_sl - 2, index), (first_sl - 2, index), ALERT))
        if region.assessors < region.expected or region.in_conflict:
            style.append(("TEXTCOLOR", (first_sl - 3, index), (first_sl - 3, index), ALERT))
        for offset, (_, mark) in enumerate(region.shortlist):
            column = first_sl + offset
            if mark == YES:
                style.append(("BACKGROUND", (column, index), (column, index), GREEN_TINT))
            elif mark == TIE:
                style.append(("BACKGROUND", (column, index), (column, index), AMBER_TINT))
        for cut in cut_after.get(region.position, []):
            text = label("cut", lang, size=cut.size)
            if cut.straddled:
                text += " — " + label("cut_tie", lang, n=len(cut.tied), codes=", ".join(cut.tied), open=cut.open_places)
            rows.append([Paragraph(text, styles["cut"])] + [""] * (ncols - 1))
            cut_row = len(rows) - 1
            style += [("SPAN", (0, cut_row), (-1, cut_row)), ("LINEABOVE", (0, cut_row), (-1, cut_row), 1.4, ALERT),
                      ("TOPPADDING", (0, cut_row), (-1, cut_row), 2.5)]
    return Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(style), hAlign="LEFT")


def _summary(c: Consolidation, lang: str, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    en = lang != "id"
    ranked = sum(1 for r in c.ranking if r.total is not None)
    counted = len(c.data.counted)
    complete = sum(1 for cov in c.coverage if cov.complete)
    missing = sum(len(cov.missing) for cov in c.coverage)
    conflicts = sum(len(cov.in_conflict) for cov in c.coverage)
    moderated = len(c.data.moderations)
    rows = [
        ("Regions ranked" if en else "Daerah berperingkat", f"{ranked} / {len(c.ranking)}"),
        ("Assessments counted" if en else "Penilaian yang dihitung", str(counted)),
        ("Regions with complete panels" if en else "Daerah dengan panel lengkap", f"{complete} / {len(c.coverage)}"),
        ("Missing assessments (panel members)" if en else "Penilaian belum masuk (anggota panel)", str(missing)),
        ("Assessors in conflict" if en else "Asesor berkonflik", str(conflicts)),
        ("Moderated indicators" if en else "Indikator dimoderasi", str(moderated)),
        ("Aggregation rule" if en else "Aturan agregasi", c.rule.value + (
            (" (official)" if en else " (resmi)") if is_official(c) else
            (f" (NOT official: {c.round.aggregation_rule})" if en else f" (BUKAN resmi: {c.round.aggregation_rule})"))),
        ("Tie-breakers" if en else "Pemecah seri",
         " → ".join(b if en or b != REGION_CODE_TIE_BREAKER else "kode daerah" for b in c.tie_breakers)),
        ("Shortlists" if en else "Daftar pendek", ", ".join(str(s) for s in c.shortlist_sizes) or "–"),
    ]
    table = Table([[Paragraph(k, styles["body"]), Paragraph(v, styles["cell_bold"])] for k, v in rows],
                  colWidths=[70 * mm, 60 * mm], hAlign="LEFT",
                  style=[("FONT", (0, 0), (-1, -1), FONT, 8), ("LINEBELOW", (0, 0), (-1, -1), 0.3, LIGHT),
                         ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])
    out: list[Flowable] = [table]
    for cut in c.straddling_ties:
        out.append(Spacer(1, 4))
        out.append(Paragraph(label("cut", lang, size=cut.size) + ": " + label(
            "cut_tie", lang, n=len(cut.tied), codes=", ".join(cut.tied), open=cut.open_places), styles["alert"]))
    return out


def _cuts_table(c: Consolidation, lang: str, styles: dict[str, ParagraphStyle]) -> Table:
    en = lang != "id"
    ranked = [r for r in c.ranking if r.total is not None]
    header = ["Shortlist" if en else "Daftar pendek", "Last place" if en else "Tempat terakhir",
              "Score" if en else "Skor", "Next" if en else "Berikutnya", "Gap" if en else "Selisih",
              "Tie at cut-off" if en else "Seri di batas"]
    rows: list[list[Flowable | str]] = [[Paragraph(h, styles["cell_bold"]) for h in header]]
    for cut in c.cuts:
        if not ranked:
            break
        last = ranked[min(cut.size, len(ranked)) - 1]
        after = ranked[cut.size] if cut.size < len(ranked) else None
        # the gap between the two scores as printed, so that it adds up on paper
        gap = "" if after is None else score_text(decimal_score(ranked_total(last), Kind.PANEL)
                                              - decimal_score(ranked_total(after), Kind.PANEL), lang)
        tie = (f"{len(cut.tied)} / {cut.open_places}" if cut.straddled else ("no" if en else "tidak"))
        rows.append([str(cut.size), Paragraph(f"{last.region.code} {last.region.name}", styles["cell"]),
                     score_text(last.total, lang), "–" if after is None else score_text(after.total, lang), gap, tie])
    style: list[tuple[Any, ...]] = [("FONT", (0, 0), (-1, -1), FONT, 7.2), ("BACKGROUND", (0, 0), (-1, 0), TINT),
             ("LINEBELOW", (0, 0), (-1, -1), 0.3, LIGHT), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for index, cut in enumerate(c.cuts, start=1):
        if cut.straddled and index < len(rows):
            style.append(("TEXTCOLOR", (5, index), (5, index), ALERT))
    return Table(rows, colWidths=[20 * mm, 50 * mm, 16 * mm, 18 * mm, 14 * mm, 22 * mm], hAlign="LEFT", style=style)


def _agreement_table(c: Consolidation, lang: str, styles: dict[str, ParagraphStyle], width: float) -> Table:
    rows = [[Paragraph(a, styles["body"]), Paragraph(b, styles["cell_bold"]), Paragraph(d, styles["small"])]
            for a, b, d in agreement_rows(c, lang, compact=True)]
    return Table(rows, colWidths=[0.36 * width, 0.36 * width, 0.28 * width], hAlign="LEFT",
                 style=[("LINEBELOW", (0, 0), (-1, -1), 0.3, LIGHT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])


def render_report(c: Consolidation, lang: str = "en", signer_note: str = "") -> bytes:
    """The report as PDF bytes (unsigned, with an empty signature field on the last page)."""
    import io

    register_fonts()
    styles = report_styles()
    context = _Context(footer=f"Nilai · {c.round.name} · {c.generated_at} · {c.rule.value}", lang=lang,
                       caption=label("signature", lang))
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN, bottomMargin=16 * mm, title=f"{label('title', lang)} — {c.round.name}",
                          author="Nilai", subject=c.round.programme, invariant=1)
    frame = Frame(MARGIN, 16 * mm, WIDTH, PAGE_HEIGHT - MARGIN - 16 * mm, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story: list[Flowable] = [
        Paragraph(label("title", lang), styles["title"]),
        Paragraph(f"{c.round.name} — {c.round.programme} · {c.instrument.title.get(lang)} {c.instrument.version}",
                  styles["subtitle"]),
    ]
    summary = [Paragraph(label("summary", lang), styles["h2"]), *_summary(c, lang, styles)]
    agreement = [Paragraph(label("agreement", lang), styles["h2"]),
                 _agreement_table(c, lang, styles, WIDTH - 135 * mm - 6)]
    story.append(Table([[summary, agreement]], colWidths=[135 * mm, WIDTH - 135 * mm], hAlign="LEFT",
                       style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (0, 0), 8)]))
    story.append(KeepTogether([
        Paragraph(label("charts", lang), styles["h2"]),
        Paragraph(label("bars", lang), styles["small"]),
        ranking_chart(c, lang),
        shortlist_legend(lang, styles),
    ]))
    story.append(PageBreak())
    story.append(Table([[[Paragraph(label("hist", lang), styles["small"]), histogram_chart(c, lang)],
                         [Paragraph(label("cuts", lang), styles["small"]), Spacer(1, 4), _cuts_table(c, lang, styles)]]],
                       colWidths=[WIDTH / 2, WIDTH / 2], hAlign="LEFT",
                       style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story.append(Paragraph(label("method", lang), styles["h2"]))
    for heading, text in method_items(c, lang):
        story.append(Paragraph(f"<b>{_escape(heading)}.</b> {_escape(text)}", styles["body"]))
        story.append(Spacer(1, 2.5))
    story.append(PageBreak())
    story.append(Paragraph(label("table", lang), styles["h2"]))
    story.append(Paragraph(label("legend_rank", lang), styles["small"]))
    story.append(Spacer(1, 3))
    story.append(_ranking_table(c, lang, styles))
    story.append(Spacer(1, 8))
    story.append(CondPageBreak(SIGNATURE_BOX[1] + 20))
    story.append(KeepTogether([_SignatureSpot(context, label("signature", lang), signer_note or c.generated_at)]))
    try:
        doc.build(story, canvasmaker=lambda *a, **kw: _ReportCanvas(*a, context=context, **kw))
    except LayoutError as exc:  # pragma: no cover - a cell too large for a page
        raise ValueError(f"the ranking report could not be laid out: {exc}") from exc
    return buffer.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_report(c: Consolidation, path: str | Path, lang: str = "en", sign=None) -> Path:
    """Write the report atomically; ``sign`` (pdf bytes -> signed pdf bytes) signs it first."""
    pdf = render_report(c, lang)
    if sign is not None:
        pdf = sign(pdf)
    atomic_write(path, pdf)
    return Path(path)
