"""The printable interview schedule (PDF): one section per day, per panel a table of its interviews.

Set like the evaluation sheet (:mod:`.text`: DejaVu Sans embedded, so every Indonesian name renders;
the same palette and table style), A4 portrait. Each day starts a page; every page carries the
round and its programme at the top and "page X of Y" at the foot. Labels in Bahasa Indonesia or
English; dates and times written as the sheets write them (``Senin, 5 Maret 2018``, ``09.00``).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import groupby
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
)

from app import __version__
from app.rounds.schedule_files import RoundSchedule, ScheduledSlot
from app.sheets.page_count import PageCountCanvas
from app.sheets.text import (
    ACCENT,
    FONT,
    FONT_BOLD,
    LIGHT_RULE,
    MUTED,
    TINT,
    check_lang,
    clock,
    long_date,
    para,
    register_fonts,
    styles,
    timestamp,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 16 * mm, 20 * mm, 17 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN_X
ONE_PAGE_ROWS = 30  # interviews of one panel that surely fit on a page, names wrapping or not
DAY_STYLE = ParagraphStyle("day", parent=styles().section, keepWithNext=1)  # never alone at a page's foot

# key -> (Bahasa Indonesia, English)
LABELS: dict[str, tuple[str, str]] = {
    "title": ("Jadwal wawancara", "Interview schedule"),
    "interviews": ("{n} wawancara", "{n} interviews"),
    "interviews_1": ("1 wawancara", "1 interview"),
    "days": ("{n} hari", "{n} days"),
    "days_1": ("1 hari", "1 day"),
    "panels": ("{n} panel", "{n} panels"),
    "panels_1": ("1 panel", "1 panel"),
    "number": ("No.", "No."),
    "time": ("Waktu", "Time"),
    "region": ("Daerah", "Region"),
    "province": ("Provinsi", "Province"),
    "assessors": ("Penilai", "Assessors"),
    "no_assessors": ("belum ada penilai", "no assessor yet"),
    "empty": ("Belum ada wawancara yang dijadwalkan untuk putaran ini.", "No interview is scheduled in this round yet."),
    "page_of": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "generated": ("Dibuat {when}", "Generated {when}"),
}


def label(key: str, lang: str, **values: object) -> str:
    text = LABELS[key][1 if lang == "en" else 0]
    return text.format(**values) if values else text


def count(key: str, n: int, lang: str) -> str:
    """"1 interview", "3 interviews" (Indonesian nouns do not change)."""
    return label(f"{key}_1" if n == 1 else key, lang, n=n)


@dataclass
class _Context:
    lang: str
    header: str
    footer: str


class _ScheduleCanvas(PageCountCanvas):
    """Each page's header and footer, with "page X of Y"."""

    def __init__(self, *args: Any, context: _Context, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._context = context

    def finish_page(self, page: int, total: int) -> None:
        self._furniture(page, total)

    def _furniture(self, page: int, total: int) -> None:
        ctx = self._context
        self.saveState()
        self.setFillColor(MUTED)
        self.setFont(FONT, 7.5)
        self.drawString(MARGIN_X, PAGE_HEIGHT - 11 * mm, ctx.header)
        self.setStrokeColor(LIGHT_RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN_X, PAGE_HEIGHT - 12.5 * mm, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 12.5 * mm)
        y = 10 * mm
        self.line(MARGIN_X, y + 9, PAGE_WIDTH - MARGIN_X, y + 9)
        self.setFont(FONT, 7)
        self.drawString(MARGIN_X, y, ctx.footer)
        self.setFont(FONT_BOLD, 7)
        self.drawRightString(PAGE_WIDTH - MARGIN_X, y, label("page_of", ctx.lang, page=page, pages=total))
        self.restoreState()


def _span(slot: ScheduledSlot, lang: str) -> str:
    end = (datetime.combine(slot.day, slot.start) + timedelta(minutes=slot.minutes)).time()
    return f"{clock(slot.start, lang)}–{clock(end, lang)}"


def _panel_table(heading: str, day: date, slots: Sequence[ScheduledSlot], lang: str) -> Table:
    """The panel's interviews; its heading and the column heads come back on every page it spans."""
    st = styles()
    widths = [9 * mm, 22 * mm, 60 * mm, 34 * mm]
    widths.append(WIDTH - sum(widths))
    rows: list[list[Any]] = [
        [para(heading, st.dimension), "", "", "", para(long_date(day, lang), st.right)],
        [para(label(k, lang), st.head) for k in ("number", "time", "region", "province", "assessors")],
    ]
    for number, slot in enumerate(slots, start=1):
        people = ", ".join(a.name for a in slot.assessors) or label("no_assessors", lang)
        rows.append([para(str(number), st.cell), para(_span(slot, lang), st.cell),
                     para(f"{slot.region.name} ({slot.region.code})", st.cell),
                     para(slot.region.province_name, st.cell), para(people, st.cell)])
    return Table(rows, colWidths=widths, repeatRows=2, style=[
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("SPAN", (0, 0), (3, 0)), ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (0, 0), 0), ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
        ("BACKGROUND", (0, 1), (-1, 1), ACCENT), ("LINEBELOW", (0, 2), (-1, -1), 0.4, LIGHT_RULE),
        ("ROWBACKGROUNDS", (0, 2), (-1, -1), [None, TINT]),
        ("TOPPADDING", (0, 1), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 1), (-1, -1), 3),
        ("LEFTPADDING", (0, 1), (-1, -1), 3.5), ("RIGHTPADDING", (0, 1), (-1, -1), 3.5),
    ])


def _day(day: date, slots: list[ScheduledSlot], lang: str) -> list[Flowable]:
    story: list[Flowable] = [para(long_date(day, lang), DAY_STYLE)]
    for panel, group in groupby(sorted(slots, key=lambda s: (s.panel, s.start)), key=lambda s: s.panel):
        rows = list(group)
        rooms = sorted({s.room for s in rows if s.room})
        heading = " · ".join([panel, *rooms, count("interviews", len(rows), lang)])
        table = _panel_table(heading, day, rows, lang)
        # A panel that fits on a page is kept on one; a longer one starts where there is room for
        # a few rows and runs on, its heading and column heads repeated on each page.
        story += [KeepTogether([table, Spacer(1, 5 * mm)])] if len(rows) <= ONE_PAGE_ROWS else [
            CondPageBreak(50 * mm), table, Spacer(1, 5 * mm)]
    return story


def render_schedule(schedule: RoundSchedule, lang: str = "id", *, generated_at: datetime | None = None) -> bytes:
    """The round's schedule as PDF bytes, labelled in ``lang`` ("id" or "en")."""
    check_lang(lang)
    register_fonts()
    st = styles()
    generated_at = generated_at or datetime.now().astimezone()
    header = "  ·  ".join(part for part in (label("title", lang), schedule.name, schedule.programme, schedule.stage) if part)
    context = _Context(lang, header, label("generated", lang, when=timestamp(generated_at, lang)))
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, invariant=1, initialFontName=FONT, lang="id-ID" if lang == "id" else "en",
        title=f"{label('title', lang)} — {schedule.name}", subject=schedule.programme, creator=f"Nilai {__version__}")
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="schedule", frames=[frame])])
    days = {s.day for s in schedule.slots}
    panels = {s.panel for s in schedule.slots}
    story: list[Flowable] = [
        para(label("title", lang), st.title), para(schedule.name, st.body),
        para(" · ".join(p for p in (schedule.programme, schedule.stage) if p), st.label),
        para(" · ".join([count("interviews", len(schedule.slots), lang), count("days", len(days), lang),
                         count("panels", len(panels), lang)]), st.label),
    ]
    if not schedule.slots:
        story += [Spacer(1, 6 * mm), para(label("empty", lang), st.body)]
    for index, (day, group) in enumerate(groupby(schedule.slots, key=lambda s: s.day)):
        if index:
            story.append(PageBreak())
        story += _day(day, list(group), lang)
    doc.build(story, canvasmaker=functools.partial(_ScheduleCanvas, context=context))
    return buffer.getvalue()
