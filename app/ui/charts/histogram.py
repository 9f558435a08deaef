"""How the panel scores are distributed: bins of 5 points, with the score at each shortlist cut-off.

The bins cover 0-100, and more bins below 0 or above 100 when an adjusted score lies there
(:func:`~app.ui.charts.base.score_range`), so such a score is neither dropped nor counted in a bin
whose label it does not fit."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from app.base.numbers import Kind
from app.consolidation import Consolidation
from app.ui.charts.base import ChartWidget, axis_text, outside, score_range
from app.ui.charts.palette import IN_ALL, cut_colour
from app.ui.i18n import score_text

BIN = 5.0


def histogram(totals: list[float], width: float = BIN, low: float = 0.0, high: float = 100.0) -> list[int]:
    """Counts per bin [low, low + 5), ... [high − 5, high] (``high`` goes in the last bin); low and high are
    whole bins, as :func:`score_range` gives them."""
    bins = [0] * int(math.ceil((high - low) / width))
    for value in totals:
        bins[min(len(bins) - 1, max(0, int((value - low) // width)))] += 1
    return bins


def cut_scores(c: Consolidation) -> list[tuple[int, float]]:
    """The panel score of the last region within each shortlist (size, score)."""
    totals = [r.total for r in c.ranking if r.total is not None]
    return [(size, totals[size - 1]) for size in c.shortlist_sizes if 0 < size <= len(totals)]


class ScoreHistogram(ChartWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bins: list[int] = []
        self._cuts: list[tuple[int, float]] = []
        self._marker: float | None = None
        self._marker_label = ""
        self._range = (0.0, 100.0)

    def set_consolidation(self, c: Consolidation | None) -> None:
        totals = [r.total for r in c.ranking if r.total is not None] if c else []
        self._range = low, high = score_range(totals, BIN)
        self._bins = histogram(totals, BIN, low, high) if totals else []
        self._cuts = cut_scores(c) if c else []
        description = ", ".join(f"{axis_text(low + i * BIN)}–{axis_text(low + (i + 1) * BIN)}: {n}"
                                for i, n in enumerate(self._bins) if n)
        if outside(low, high):
            description += "; " + self.tr("adjusted for assessor severity, some scores lie outside 0–100")
        self.setAccessibleDescription(description)
        self.update()

    def value_range(self) -> tuple[float, float]:
        return self._range

    def _x(self, plot: QRectF, value: float) -> float:
        low, high = self._range
        return plot.left() + plot.width() * (value - low) / (high - low)

    def set_marker(self, score: float | None, label: str = "") -> None:
        """A region's own score, marked on the axis (``label`` names it in the legend)."""
        self._marker, self._marker_label = score, label
        self.update()

    def bins(self) -> list[int]:
        return list(self._bins)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self.begin(painter)
        top = self.draw_title(painter, self.tr("Distribution of panel scores"))
        metrics = painter.fontMetrics()
        legend = [(cut_colour(i), self.tr("top %1 from %2").replace("%1", str(size)).replace("%2", score_text(score, Kind.PANEL)))
                  for i, (size, score) in enumerate(self._cuts)]
        if self._marker is not None and self._marker_label:
            legend.append((self.text_colour(), f"▲ {self._marker_label} {score_text(self._marker, Kind.PANEL)}"))
        if legend:
            self.draw_legend(painter, legend, 8, top, line=True)
        plot = QRectF(40, top + metrics.height() * 2 + 4, self.width() - 52,
                      self.height() - top - metrics.height() * 4 - 8)
        if plot.width() < 20 or plot.height() < 20:
            return
        if not self._bins:
            painter.setPen(self.muted_colour())
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No region has a panel score yet"))
            return
        highest = max(self._bins)
        step = max(1, math.ceil(highest / 5))
        ceiling = step * math.ceil(highest / step)
        self.draw_value_axis(painter, plot, top=float(ceiling), step=float(step))
        width = plot.width() / len(self._bins)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(IN_ALL)
        for i, count in enumerate(self._bins):
            height = plot.height() * count / ceiling
            painter.drawRect(QRectF(plot.left() + i * width + 1, plot.bottom() - height, width - 2, height))
        painter.setPen(self.muted_colour())
        low, high = self._range
        ends = {end for end in (low, high) if min(abs(end), abs(end - 100)) >= 10}  # an end next to 0 or 100: unlabelled
        for value in sorted({*ends, *range(0, 101, 20)}):
            x = self._x(plot, value)
            painter.drawText(QRectF(x - 20, plot.bottom() + 2, 40, metrics.height()), Qt.AlignmentFlag.AlignCenter,
                             axis_text(value))
        painter.drawText(QRectF(plot.left(), plot.bottom() + metrics.height() + 2, plot.width(), metrics.height()),
                         Qt.AlignmentFlag.AlignCenter, self.tr("panel score (regions per 5 points)"))
        for i, (_size, score) in enumerate(self._cuts):
            x = self._x(plot, score)
            painter.setPen(QPen(cut_colour(i), 2, Qt.PenStyle.DashLine))
            painter.drawLine(QLineF(x, plot.top(), x, plot.bottom()))
        if self._marker is not None:
            x = self._x(plot, self._marker)
            painter.setPen(QPen(self.text_colour(), 2))
            painter.drawLine(QLineF(x, plot.bottom() - 6, x, plot.bottom() + 2))
            painter.drawPolygon([QPointF(x - 5, plot.bottom() + 2), QPointF(x + 5, plot.bottom() + 2),
                                 QPointF(x, plot.bottom() - 6)])
