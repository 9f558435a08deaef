"""The PDF evaluation sheet of one assessment version: the document of record of an interview.

API
    ``render_sheet(snapshot, lang="id", *, generated_at=None) -> bytes`` renders an
    ``AssessmentSnapshot`` as an A4 PDF labelled in Bahasa Indonesia (``"id"``) or English (``"en"``).
    ``qr_payload(snapshot) -> str`` is the JSON carried by the sheet's QR code.

Signature
    The last page reserves a box under the caption "Tanda tangan elektronik penilai" and holds an
    empty AcroForm signature field (``/FT /Sig``) named ``NilaiSignature`` (``SIGNATURE_FIELD``)
    whose widget ``/Rect`` is exactly that box, in PDF points. A signer fills it by name (pyHanko:
    ``PdfSignatureMetadata(field_name=SIGNATURE_FIELD)``); the page and the box can be read back
    from the field (pyHanko ``enumerate_sig_fields``), and are nowhere else.

Determinism
    The canvas is built with ``invariant=1``: the same snapshot, language and ``generated_at`` give
    byte-identical PDFs. ``generated_at`` (default: now, local time) appears only in the footer.

Every text is set in embedded DejaVu Sans (no base-14 font), so any name or note renders.
"""

from __future__ import annotations

import functools
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LayoutError,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus import Table as _RLTable

from app import __version__
from app.base.ids import short_id
from app.models.domain import AssessmentSnapshot, AssessmentStatus, Dimension, Indicator, ScoreInfo
from app.sheets.charts import qr_drawing, radar_chart
from app.sheets.text import (
    ACCENT,
    ALERT,
    FONT,
    FONT_BOLD,
    INK,
    LIGHT_RULE,
    MUTED,
    RULE,
    TINT,
    Styles,
    check_lang,
    clock,
    label,
    long_date,
    markup,
    muted,
    number,
    para,
    register_fonts,
    split_text,
    status_label,
    styles,
    timestamp,
    weight,
)

SIGNATURE_FIELD = "NilaiSignature"
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 18 * mm, 17 * mm, 17 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN_X  # of the text frame
SIGNATURE_SIZE = (60 * mm, 26 * mm)
QR_SIZE, QR_COLUMN = 25 * mm, 29 * mm
NOTE_PIECE, NOTE_PIECE_LINES = 1600, 16  # the most of a note in one table row

def qr_payload(snapshot: AssessmentSnapshot) -> str:
    """Compact JSON that matches a printed sheet to its record, version and instrument."""
    inst = snapshot.instrument
    payload = {"r": snapshot.record_id, "v": snapshot.version_id, "i": inst.id, "iv": inst.version,
               "h": inst.content_hash}
    return json.dumps(payload, separators=(",", ":"))


def _table(data: list[list[Any]], widths: list[float], style: Sequence[tuple[Any, ...]] = (),
           padded: bool = False, **kw: Any) -> _RLTable:
    """A table set in DejaVu (a Table's own default font is Helvetica, even for empty cells)."""
    commands: list[tuple[Any, ...]] = [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if not padded:
        commands += [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
    return _RLTable(data, colWidths=widths, style=commands + list(style), **kw)


def _grid(data: list[list[Any]], widths: list[float], style: Sequence[tuple[Any, ...]] = (),
          repeat: int = 1, ruled: bool = True, **kw: Any) -> _RLTable:
    """A table with a header (its first ``repeat`` rows come back on every page it spans) and,
    if ``ruled``, a light rule under every row."""
    header = repeat - 1
    commands: list[tuple[object, ...]] = [("LINEBELOW", (0, 0), (-1, -1), 0.4, LIGHT_RULE)] if ruled else []
    commands += [
        ("BACKGROUND", (0, header), (-1, header), ACCENT),
        ("VALIGN", (0, header), (-1, header), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3.5), ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
    ]
    return _table(data, widths, commands + list(style), padded=True, repeatRows=repeat, **kw)


def _header(snap: AssessmentSnapshot, lang: str, st: Styles) -> list[Flowable]:
    region, slot = snap.region, snap.slot
    tone = ALERT if snap.status == AssessmentStatus.DRAFT else ACCENT
    badge = _table([[para(f"<b>{escape(status_label(snap.status, lang))}</b>", st.center, is_markup=True)]],
                   [34 * mm], [("BOX", (0, 0), (-1, -1), 0.9, tone), ("BACKGROUND", (0, 0), (-1, -1), TINT),
                               ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)])
    titles = [para(snap.programme, st.label), para(snap.round_name, st.label),
              para(label("title", lang), st.title), para(label("subtitle", lang), st.small)]
    top = _table([[titles, badge]], [WIDTH - 36 * mm, 36 * mm],
                 [("ALIGN", (1, 0), (1, 0), "RIGHT"), ("LINEBELOW", (0, 0), (-1, 0), 1.2, ACCENT),
                  ("BOTTOMPADDING", (0, 0), (-1, -1), 5)])
    if slot is not None:
        end_minutes = slot.start.hour * 60 + slot.start.minute + slot.minutes
        end = slot.start.replace(hour=end_minutes // 60 % 24, minute=end_minutes % 60)
        when = long_date(slot.day, lang)
        hours = f"{clock(slot.start, lang)}–{clock(end, lang)} ({slot.minutes} {label('minutes', lang)})"
        panel = " · ".join(part for part in (slot.panel_name, slot.room) if part)
    else:
        when = hours = panel = label("no_slot", lang)
    finalized = timestamp(snap.finalized_at, lang) if snap.finalized_at else "—"
    pairs = [
        ("region", f"<b>{escape(region.name)}</b> ({label('bps_code', lang)} {escape(region.code)})"),
        ("province", escape(f"{region.province_name} ({region.province_code})")),
        ("date", escape(when)), ("time", escape(hours)), ("panel", escape(panel)), ("finalized", finalized),
        ("assessor", f"<b>{escape(snap.assessor.name)}</b>"), ("nip", escape(snap.assessor.nip)),
    ]
    rows: list[list[Flowable | str]] = [[para(label(k1, lang), st.label), para(v1, st.body, is_markup=True),
             para(label(k2, lang), st.label), para(v2, st.body, is_markup=True)]
            for (k1, v1), (k2, v2) in zip(pairs[::2], pairs[1::2], strict=True)]
    rows.append([para(label("organisation", lang), st.label), para(snap.assessor.organisation, st.body), "", ""])
    info = _table(rows, [26 * mm, 68 * mm, 22 * mm, WIDTH - 116 * mm],
                  [("SPAN", (1, -1), (-1, -1)), ("LEFTPADDING", (1, 0), (-1, -1), 3),
                   ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                   ("LINEBELOW", (0, -1), (-1, -1), 0.4, LIGHT_RULE)])
    return [top, Spacer(1, 3 * mm), info]


def _delegation(snap: AssessmentSnapshot, lang: str, st: Styles) -> list[Flowable]:
    heading = [CondPageBreak(40 * mm), para(label("delegation", lang), st.section)]
    if not snap.delegation:
        return [*heading, para(label("no_delegation", lang), st.body)]
    data: list[list[object]] = [[para(label(k, lang), st.head) for k in ("number", "name", "role")]]
    data += [[para(f"{i}.", st.cell), para(d.name, st.cell), para(d.role, st.cell)]
             for i, d in enumerate(snap.delegation, start=1)]
    return [*heading, _grid(data, [10 * mm, 68 * mm, WIDTH - 78 * mm])]


def _level(ind: Indicator, score: ScoreInfo | None, lang: str, st: Styles) -> tuple[Paragraph, str]:
    """The chosen level (number and label) and the descriptor of that level."""
    if score is not None and score.not_applicable:
        short, name, descriptor = label("not_applicable", lang), label("not_applicable_long", lang), "—"
    elif score is None or score.level is None:
        short, name, descriptor = label("not_scored", lang), label("not_scored_long", lang), ""
    else:
        level = ind.level(score.level)
        short = str(score.level)
        name, descriptor = (level.label.get(lang), level.descriptor.get(lang)) if level else ("", "")
    text = f'<font name="{FONT_BOLD}" size="10">{escape(short)}</font><br/>{escape(name)}'
    return para(text, st.center, is_markup=True), descriptor


def _dimension(snap: AssessmentSnapshot, dim: Dimension, index: int, lang: str, st: Styles,
               split_in_row: bool) -> list[Flowable]:
    """The dimension's heading and column headers (both repeated on every page it spans), then per
    indicator a row of code, title, level, descriptor and evidence, and its note (if there is one)
    across the row(s) below. The code cell spans the first note row, so a page never breaks between
    an indicator and its note; a long note is cut into rows, so it can break between them."""
    summary = next((d for d in snap.summary.dimensions if d.code == dim.code), None)
    figures = (f"{label('weight', lang)} {weight(dim.weight, lang)}%  ·  {label('subtotal', lang)} "
               f"<b>{number(summary.score if summary else None, lang)}</b> / 100")
    title = f"{index}. {escape(dim.title.get(lang))} ({escape(dim.code)})"
    heading = _table([[para(title, st.dimension, is_markup=True), para(figures, st.right, is_markup=True)]],
                     [WIDTH - 65 * mm - 7, 65 * mm])  # 7: the grid's cell padding
    data: list[list[object]] = [[heading, "", "", "", ""],
                                [para(label(k, lang), st.head_center if k == "level" else st.head)
                                 for k in ("code", "indicator", "level", "descriptor", "evidence")]]
    style: list[tuple[object, ...]] = [
        ("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), TINT), ("LINEABOVE", (0, 0), (-1, 0), 1, ACCENT),
        ("TOPPADDING", (0, 0), (-1, 0), 4), ("BOTTOMPADDING", (0, 0), (-1, 0), 4.5),
    ]
    for ind in dim.indicators:
        score = snap.score(ind.code)
        level, descriptor = _level(ind, score, lang, st)
        name = (f"{escape(ind.title.get(lang))}{' *' if ind.required else ''}<br/>"
                + muted(f"{label('weight', lang)} {weight(ind.weight, lang)}%", 6.5))
        evidence = "<br/>".join(f"{escape(e.file_name)} {muted(escape(e.sha256[:12]), 6)}"
                                for e in (score.evidence if score else ()))
        # A long note goes in several rows, so that it can break across pages between them; no note,
        # no row (a "no note" line under every such indicator would only be noise).
        note = score.note if score else ""
        pieces = split_text(note, NOTE_PIECE, NOTE_PIECE_LINES) if note.strip() else []
        if pieces:
            pieces[0] = muted(f"{label('note', lang)}:") + " " + markup(pieces[0])
        row, last = len(data), len(data) + len(pieces)
        data.append([para(ind.code, st.bold), para(name, st.cell, is_markup=True), level,
                     para(descriptor, st.cell), para(evidence or "—", st.evidence, is_markup=True)])
        data += [["", para(p if i == 0 else markup(p), st.cell, is_markup=True), "", "", ""]
                 for i, p in enumerate(pieces)]
        style.append(("LINEBELOW", (0, last), (-1, last), 0.6, RULE))
        if pieces:
            style += [("SPAN", (0, row), (0, row + 1)), ("TOPPADDING", (0, row + 1), (-1, last), 0)]
            style += [("SPAN", (1, r), (-1, r)) for r in range(row + 1, last + 1)]
    widths = [14 * mm, 43 * mm, 21 * mm, 50 * mm, WIDTH - 128 * mm]
    return [_grid(data, widths, style, repeat=2, ruled=False, splitInRow=int(split_in_row)), Spacer(1, 3 * mm)]


def _summary(snap: AssessmentSnapshot, lang: str, st: Styles) -> list[Flowable]:
    data: list[list[object]] = [[para(label(k, lang), st.head_right if k != "dimension" else st.head)
                                 for k in ("dimension", "weight_head", "scored", "subtotal_head")]]
    values: list[float | None] = []
    for dim in snap.instrument.dimensions:
        s = next((d for d in snap.summary.dimensions if d.code == dim.code), None)
        values.append(s.score if s else None)
        data.append([para(f"{dim.title.get(lang)} ({dim.code})", st.cell),
                     para(f"{weight(dim.weight, lang)}%", st.right),
                     para(f"{s.scored}/{s.total}" if s else "—", st.right), para(number(values[-1], lang), st.right)])
    data.append([para(label("weighted_total", lang), st.bold), "",
                 para(f"{snap.summary.scored}/{snap.summary.total_indicators}", st.right),
                 para(f"<b>{number(snap.summary.total, lang)}</b>", st.right, is_markup=True)])
    table = _grid(data, [46 * mm, 14 * mm, 16 * mm, 20 * mm],
                  [("LINEABOVE", (0, -1), (-1, -1), 1, ACCENT), ("BACKGROUND", (0, -1), (-1, -1), TINT)])
    left: list[Flowable] = [table]
    if snap.summary.missing_required:
        text = f"{label('missing_required', lang)}: {', '.join(snap.summary.missing_required)}"
        left += [Spacer(1, 2 * mm), para(text, st.body)]
    chart = radar_chart([f"{d.title.get(lang)}\n{number(v, lang)}" for d, v in zip(
        snap.instrument.dimensions, values, strict=True)], values,
        width=76 * mm, height=58 * mm, font_name=FONT, font_size=6.5, label_width=19 * mm)
    right = [chart, para(label("chart_caption", lang), st.caption)]
    outer = _table([[left, right]], [WIDTH - 78 * mm, 78 * mm], [("LEFTPADDING", (1, 0), (1, 0), 2 * mm)])
    return [para(label("summary", lang), st.section), outer]


def _closing(snap: AssessmentSnapshot, lang: str, st: Styles, spot: _SignatureSpot) -> list[Flowable]:
    """Identification (ids, instrument) and the assessor's statement, the QR code, the signature box."""
    inst = snap.instrument
    rows = [("record_id", snap.record_id), ("version_id", snap.version_id),
            ("previous_version_id", snap.previous_version_id or label("none", lang)),
            ("instrument", f"{inst.title.get(lang)} — {inst.id} v{inst.version}"),
            ("instrument_hash", inst.content_hash[:16]), ("round", f"{snap.round_name} ({snap.round_id})")]
    if snap.reopen_reason:
        rows.append(("reopen_reason", snap.reopen_reason))
    left_width = WIDTH - QR_COLUMN - SIGNATURE_SIZE[0]
    ids = _table([[para(label(key, lang), st.label), para(value, st.ids)] for key, value in rows],
                 [28 * mm, left_width - 28 * mm], [("TOPPADDING", (0, 0), (-1, -1), 1),
                                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])
    left = [ids, Spacer(1, 3 * mm), para(label("statement", lang), st.small)]
    qr = [qr_drawing(qr_payload(snap), QR_SIZE, FONT), para(label("qr_caption", lang), st.caption)]
    box = _SignatureBox(label("signature_caption", lang), snap.assessor.name,
                        f"{label('nip', lang)} {snap.assessor.nip}", spot)
    body = _table([[left, qr, box]], [left_width, QR_COLUMN, SIGNATURE_SIZE[0]],
                  [("ALIGN", (1, 0), (1, 0), "CENTER"), ("LEFTPADDING", (1, 0), (1, 0), 2 * mm),
                   ("RIGHTPADDING", (1, 0), (1, 0), 2 * mm)])
    return [para(label("identification", lang), st.section), body]


@dataclass
class _SignatureSpot:
    """Where the signature box landed (page number from 1, box in PDF points), set when drawn."""

    page: int = 0
    rect: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)


class _SignatureBox(Flowable):
    """A caption, an empty dashed box for the signature appearance, the assessor's name below."""

    def __init__(self, caption: str, name: str, nip: str, spot: _SignatureSpot) -> None:
        super().__init__()
        self.caption, self.name, self.nip, self.spot = caption, name, nip, spot
        self.width, self.height = SIGNATURE_SIZE[0], SIGNATURE_SIZE[1] + 33

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv, (w, h), y = self.canv, SIGNATURE_SIZE, 22
        canv.setFont(FONT_BOLD, _fit(self.caption, FONT_BOLD, 8, w))
        canv.setFillColor(INK)
        canv.drawString(0, y + h + 5, self.caption)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.setDash(2, 2)
        canv.rect(0, y, w, h, stroke=1, fill=0)
        canv.setDash()
        canv.setFont(FONT, _fit(self.name, FONT, 8, w))
        canv.drawString(0, y - 11, self.name)
        canv.setFont(FONT, 7)
        canv.setFillColor(MUTED)
        canv.drawString(0, y - 20, self.nip)
        (x1, y1), (x2, y2) = canv.absolutePosition(0, y), canv.absolutePosition(w, y + h)
        self.spot.page = canv.getPageNumber()
        self.spot.rect = (round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2))


def _fit(text: str, font: str, size: float, width: float) -> float:
    """``size``, or the smaller size (down to 5 pt) at which ``text`` fits in ``width``."""
    return max(5.0, min(size, size * width / max(pdfmetrics.stringWidth(text, font, size), 1)))


@dataclass(frozen=True)
class _PageContext:
    lang: str
    footer: str
    running_header: str
    draft: bool
    signature: _SignatureSpot


class _SheetCanvas(Canvas):
    """Holds pages back until the end, so that every footer can say "page X of Y" and the
    signature field can be attached to the page the signature box landed on."""

    def __init__(self, *args: Any, context: _PageContext, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._context = context
        self._held_pages: list[dict[str, object]] = []

    def showPage(self) -> None:  # ReportLab's name: hold the page instead of writing it
        self._held_pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab's private page reset, not in its stubs

    def save(self) -> None:
        total = len(self._held_pages)
        for page, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(page, total)
            if page == self._context.signature.page:
                self._add_signature_field(self._context.signature.rect)
            super().showPage()
        super().save()

    def _draw_footer(self, page: int, total: int) -> None:
        ctx, y = self._context, 10 * mm
        self.saveState()
        self.setStrokeColor(LIGHT_RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN_X, y + 9, PAGE_WIDTH - MARGIN_X, y + 9)
        self.setFont(FONT, 7)
        self.setFillColor(MUTED)
        self.drawString(MARGIN_X, y, ctx.footer)
        self.setFont(FONT_BOLD, 7)
        self.drawRightString(PAGE_WIDTH - MARGIN_X, y, label("page_of", ctx.lang, page=page, pages=total))
        self.restoreState()

    def _add_signature_field(self, rect: tuple[float, float, float, float]) -> None:
        # ReportLab's AcroForm has no signature field type: add one the way it adds its own text
        # fields (a merged field/widget dictionary, annotated on this page, listed in /Fields).
        form = self.acroForm
        field = PDFDictionary({
            "FT": PDFName("Sig"), "T": PDFString(SIGNATURE_FIELD),
            "TU": PDFString(label("signature_caption", self._context.lang)),
            "Type": PDFName("Annot"), "Subtype": PDFName("Widget"), "F": 4,  # 4: print
            "Rect": PDFArray(list(rect)), "P": self._doc.thisPageRef(),  # type: ignore[attr-defined]  # private, unstubbed
        })
        self._addAnnotation(field)  # type: ignore[attr-defined]  # private, unstubbed
        form.fields.append(form.getRef(field))


def _decorate_page(canv: Canvas, doc: BaseDocTemplate, context: _PageContext) -> None:
    """Drawn under each page's content: the draft watermark, and a running header after page 1."""
    canv.saveState()
    if context.draft:
        canv.saveState()
        canv.setFillColor(colors.Color(0.69, 0.23, 0.18, alpha=0.10))
        canv.setFont(FONT_BOLD, 110)
        canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canv.rotate(55)
        canv.drawCentredString(0, -40, label("draft_watermark", context.lang))
        canv.restoreState()
    if canv.getPageNumber() > 1:
        canv.setFont(FONT, _fit(context.running_header, FONT, 7, WIDTH))
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN_X, PAGE_HEIGHT - 10 * mm, context.running_header)
    canv.restoreState()


def warm_up(lang: str = "id") -> None:
    """Everything a first sheet would load (fonts, styles), ahead of it: a render process's start-up."""
    check_lang(lang)
    register_fonts()
    styles()


def render_sheet(snapshot: AssessmentSnapshot, lang: str = "id", *, generated_at: datetime | None = None) -> bytes:
    """The evaluation sheet of ``snapshot`` as PDF bytes, labelled in ``lang`` ("id" or "en")."""
    check_lang(lang)
    register_fonts()
    generated_at = generated_at or datetime.now().astimezone()
    try:
        return _build(snapshot, lang, generated_at, split_in_row=False)
    except LayoutError:
        # A single table row taller than a page (say, an indicator with a hundred evidence files):
        # let ReportLab cut inside rows. Less tidy, but the sheet stays complete.
        return _build(snapshot, lang, generated_at, split_in_row=True)


def _build(snap: AssessmentSnapshot, lang: str, generated_at: datetime, split_in_row: bool) -> bytes:
    st, spot = styles(), _SignatureSpot()
    footer = "  ·  ".join([label("record_short", lang, rid=short_id(snap.record_id)),
                           f"{snap.region.name} ({snap.region.code})",
                           label("generated", lang, when=timestamp(generated_at, lang))])
    running = "  ·  ".join([label("title", lang), snap.region.name, snap.assessor.name, snap.round_name])
    context = _PageContext(lang, footer, running, snap.status == AssessmentStatus.DRAFT, spot)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, invariant=1, initialFontName=FONT, lang="id-ID" if lang == "id" else "en",
        title=f"{label('title', lang)} — {snap.region.name}", author=snap.assessor.name,
        subject=label("subject", lang, region=snap.region.name, round=snap.round_name),
        creator=f"Nilai {__version__}",
        keywords=[f"nilai-record:{snap.record_id}", f"nilai-version:{snap.version_id}"],
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame],
                                       onPage=functools.partial(_decorate_page, context=context))])
    story: list[Flowable] = _header(snap, lang, st) + _delegation(snap, lang, st)
    story += [CondPageBreak(60 * mm), para(label("scores", lang), st.section)]
    for index, dimension in enumerate(snap.instrument.dimensions, start=1):
        story += _dimension(snap, dimension, index, lang, st, split_in_row)
    story.append(para(label("required_mark", lang), st.small))
    # The summary and the signature block go over a page break together: the signature never
    # stands on a last page of its own, away from the scores it signs.
    story.append(KeepTogether(_summary(snap, lang, st) + [Spacer(1, 2 * mm)] + _closing(snap, lang, st, spot)))
    doc.build(story, canvasmaker=functools.partial(_SheetCanvas, context=context))
    if not spot.page:
        raise RuntimeError("the signature box of the sheet was not placed")
    return buffer.getvalue()
