"""Panel scores in ranking order as bars, with a vertical line at each shortlist cut-off.

Bars are coloured by shortlist membership (every shortlist / the larger ones only / a tie across
a cut-off / none); one region can be highlighted. Hovering a bar names the region.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from app.base.numbers import Kind
from app.consolidation import Consolidation, RankedRegion
from app.consolidation.ranking import TIE, YES
from app.consolidation.rules import AggregationRule
from app.ui.charts.base import ChartWidget, axis_text, outside, score_range
from app.ui.charts.palette import IN_ALL, IN_SOME, OUT, TIED, cut_colour
from app.ui.i18n import score_text


def bar_colour(r: RankedRegion) -> QColor:
    marks = [mark for _, mark in r.shortlist]
    if TIE in marks:
        return TIED
    if marks and all(mark == YES for mark in marks):
        return IN_ALL
    if YES in marks:
        return IN_SOME
    return OUT


class RankingBarChart(ChartWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[RankedRegion] = []
        self._cuts: list[int] = []
        self._highlight: str | None = None
        self._plot = QRectF()
        self._range = (0.0, 100.0)  # the value axis: wider when an adjusted score lies outside 0-100
        self._adjusted = False

    def set_consolidation(self, c: Consolidation | None) -> None:
        self._bars = [r for r in c.ranking if r.total is not None] if c else []
        self._cuts = list(c.shortlist_sizes) if c else []
        self._adjusted = c is not None and c.rule is AggregationRule.ADJUSTED
        self._range = score_range(r.total for r in self._bars)
        description = (self.tr("%1 regions ranked; shortlist cut-offs at %2")
                       .replace("%1", str(len(self._bars))).replace("%2", ", ".join(str(s) for s in self._cuts)))
        if self._bars:
            description += "; " + self.tr("panel scores from %1 to %2").replace(
                "%1", score_text(self._bars[-1].total, Kind.PANEL)).replace("%2", score_text(self._bars[0].total,
                                                                                           Kind.PANEL))
        if outside(*self._range):
            description += "; " + self.tr("adjusted for assessor severity, some scores lie outside 0–100: the "
                                          "axis runs from %1 to %2").replace("%1", axis_text(self._range[0])).replace(
                "%2", axis_text(self._range[1]))
        self.setAccessibleDescription(description)
        self.update()

    def value_range(self) -> tuple[float, float]:
        return self._range

    def y_of(self, value: float) -> float:
        """Where a score lies on the value axis of the last paint."""
        low, high = self._range
        return self._plot.bottom() - self._plot.height() * (value - low) / (high - low)

    def set_highlight(self, region_code: str | None) -> None:
        if region_code != self._highlight:
            self._highlight = region_code
            self.update()

    def bars(self) -> list[RankedRegion]:
        return list(self._bars)

    def cut_positions(self) -> list[int]:
        """Cut-offs that fall inside the ranked list (a line after that many bars)."""
        return [size for size in self._cuts if size < len(self._bars)]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self.begin(painter)
        top = self.draw_title(painter, self.tr("Panel scores in ranking order, adjusted for assessor severity")
                              if self._adjusted else self.tr("Panel scores in ranking order"))
        metrics = painter.fontMetrics()
        legend_y = top
        self.draw_legend(painter, [(IN_ALL, self.tr("on every shortlist")), (IN_SOME, self.tr("on the larger")),
                                   (TIED, self.tr("tie at a cut-off")), (OUT, self.tr("not shortlisted"))],
                         8, legend_y)
        plot = QRectF(40, legend_y + metrics.height() * 2 + 6, self.width() - 52,
                      self.height() - legend_y - metrics.height() * 4 - 8)
        self._plot = plot
        if plot.width() < 20 or plot.height() < 20:
            return
        self.draw_value_axis(painter, plot, bottom=self._range[0], top=self._range[1])
        if not self._bars:
            painter.setPen(self.muted_colour())
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No region has a panel score yet"))
            return
        n = len(self._bars)
        step = plot.width() / n
        gap = step * 0.15 if step > 4 else 0.0
        painter.setPen(Qt.PenStyle.NoPen)
        zero = self.y_of(0.0)
        for i, r in enumerate(self._bars):
            end = self.y_of(r.total or 0.0)  # a score below 0 hangs down from the zero line
            rect = QRectF(plot.left() + i * step + gap / 2, min(zero, end), max(0.8, step - gap), abs(zero - end))
            painter.setBrush(bar_colour(r))
            painter.drawRect(rect)
        if self._highlight:
            index = next((i for i, r in enumerate(self._bars) if r.region.code == self._highlight), None)
            if index is not None:
                r = self._bars[index]
                x = plot.left() + (index + 0.5) * step
                painter.setPen(QPen(self.text_colour(), 2))
                painter.drawLine(QLineF(x, plot.top(), x, plot.bottom()))
                label = f"{r.region.name} ({r.rank})"
                width = metrics.horizontalAdvance(label) + 8
                left = min(max(plot.left(), x - width / 2), plot.right() - width)
                painter.drawText(QRectF(left, plot.top() - metrics.height() - 2, width, metrics.height()),
                                 Qt.AlignmentFlag.AlignCenter, label)
        # position ticks along the bottom
        painter.setPen(self.muted_colour())
        tick = 10 if n <= 150 else 50
        for position in range(tick, n + 1, tick):
            x = plot.left() + (position - 0.5) * step
            painter.drawText(QRectF(x - 20, plot.bottom() + 2, 40, metrics.height()), Qt.AlignmentFlag.AlignCenter,
                             str(position))
        painter.drawText(QRectF(plot.left(), plot.bottom() + metrics.height() + 2, plot.width(), metrics.height()),
                         Qt.AlignmentFlag.AlignCenter, self.tr("place in the ranking"))
        for i, size in enumerate(self._cuts):
            if size >= n:
                continue
            x = plot.left() + size * step
            pen = QPen(cut_colour(i), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QLineF(x, plot.top(), x, plot.bottom()))
            label = self.tr("top %1").replace("%1", str(size))
            painter.drawText(QPointF(x + 4, plot.top() + metrics.ascent() + 2 + i * metrics.height()), label)
        painter.end()

    def bar_at(self, x: float) -> RankedRegion | None:
        if not self._bars or not self._plot.left() <= x <= self._plot.right():
            return None
        index = int((x - self._plot.left()) / (self._plot.width() / len(self._bars)))
        return self._bars[min(index, len(self._bars) - 1)]

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        r = self.bar_at(event.position().x())
        if r is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(),
                          self.tr("%1. %2 — %3").replace("%1", str(r.rank)).replace("%2", r.region.name)
                          .replace("%3", score_text(r.total, Kind.PANEL)), self)
