"""One region's dimension scores (0-100) on a radar, against the round's median of each dimension.

An adjusted score outside 0-100 widens the scale (:func:`~app.ui.charts.base.score_range`): the centre
is then the lowest value shown, so a negative score does not flip through the centre to the other
side, and an outer ring marks the highest."""

from __future__ import annotations

import math
import statistics

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from app.base.numbers import Kind
from app.consolidation import Consolidation
from app.ui.charts.base import ChartWidget, axis_text, outside, score_range
from app.ui.charts.palette import REFERENCE, REGION, with_alpha
from app.ui.i18n import score_text

RINGS = (25, 50, 75, 100)


def round_medians(c: Consolidation) -> dict[str, float | None]:
    """The median score of each dimension over the regions that have one."""
    result: dict[str, float | None] = {}
    for index, dim in enumerate(c.instrument.dimensions):
        values = [score for r in c.ranking if (score := r.dimensions[index].score) is not None]
        result[dim.code] = statistics.median(values) if values else None
    return result


class RegionRadarChart(ChartWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._axes: list[tuple[str, float | None, float | None]] = []  # label, region, median
        self._region = ""
        self._range = (0.0, 100.0)

    def set_region(self, c: Consolidation | None, region_code: str | None) -> None:
        self._axes, self._region = [], ""
        if c is not None and region_code:
            ranked = next((r for r in c.ranking if r.region.code == region_code), None)
            if ranked is not None:
                medians = round_medians(c)
                self._region = ranked.region.name
                self._axes = [(d.code, ranked.dimensions[i].score, medians[d.code])
                              for i, d in enumerate(c.instrument.dimensions)]
        self._range = score_range(v for _label, value, median in self._axes for v in (value, median))
        description = "; ".join(self.tr("%1: %2 (median %3)").replace("%1", label).replace(
            "%2", score_text(v, Kind.WHOLE)).replace("%3", score_text(m, Kind.WHOLE)) for label, v, m in self._axes)
        if outside(*self._range):
            description += "; " + self.tr("adjusted for assessor severity, the scale runs from %1 at the centre to "
                                          "%2").replace("%1", axis_text(self._range[0])).replace(
                "%2", axis_text(self._range[1]))
        self.setAccessibleDescription(description)
        self.update()

    def value_range(self) -> tuple[float, float]:
        return self._range

    def axes(self) -> list[tuple[str, float | None, float | None]]:
        return list(self._axes)

    def _point(self, centre: QPointF, radius: float, axis: float, value: float) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * axis / max(1, len(self._axes))
        low, high = self._range
        share = (value - low) / (high - low)
        return QPointF(centre.x() + math.cos(angle) * radius * share, centre.y() + math.sin(angle) * radius * share)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self.begin(painter)
        title = self.tr("Dimensions of %1 against the round median").replace("%1", self._region) if self._region \
            else self.tr("Dimensions against the round median")
        top = self.draw_title(painter, title)
        metrics = painter.fontMetrics()
        self.draw_legend(painter, [(REGION, self._region or self.tr("region")), (REFERENCE, self.tr("round median"))],
                         8, top, line=True)
        if len(self._axes) < 3:
            painter.setPen(self.muted_colour())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Choose a region with a panel score"))
            return
        area = QRectF(0, top + metrics.height() + 4, self.width(), self.height() - top - metrics.height() - 4)
        label_room = metrics.height() * 2
        width_room = max(metrics.horizontalAdvance(label) for label, _, _ in self._axes) + 16
        radius = max(10.0, min(area.width() / 2 - width_room, area.height() / 2 - label_room))
        centre = area.center()
        count = len(self._axes)
        low, high = self._range
        rings = [ring for ring in (0.0, *RINGS, high) if low < ring <= high]  # 0 only when the centre is below it
        for ring in dict.fromkeys(rings):
            pen = QPen(self.grid_colour(), 1, Qt.PenStyle.SolidLine if ring == high else Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolygon(QPolygonF([self._point(centre, radius, i, ring) for i in range(count)]))
            painter.setPen(self.muted_colour())  # ring values between the first two axes, clear of their labels
            painter.drawText(self._point(centre, radius, 0.5, ring) + QPointF(3, 0), axis_text(ring))
        for i, (label, value, _median) in enumerate(self._axes):
            painter.setPen(QPen(self.grid_colour(), 1))
            painter.drawLine(centre, self._point(centre, radius, i, high))
            tip = self._point(centre, radius + 10, i, high)
            text = f"{label} {score_text(value, Kind.WHOLE)}"
            width = metrics.horizontalAdvance(text) + 6
            box = QRectF(tip.x() - width / 2, tip.y() - metrics.height() / 2, width, metrics.height())
            if tip.x() > centre.x() + 1:
                box.moveLeft(tip.x())
            elif tip.x() < centre.x() - 1:
                box.moveRight(tip.x())
            painter.setPen(self.text_colour())
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        for values, colour, fill in (([m for _, _, m in self._axes], REFERENCE, 30),
                                     ([v for _, v, _ in self._axes], REGION, 70)):
            polygon = QPolygonF([self._point(centre, radius, i, low if v is None else v) for i, v in enumerate(values)])
            painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine if colour is REFERENCE else Qt.PenStyle.SolidLine))
            painter.setBrush(QBrush(with_alpha(colour, fill)))
            painter.drawPolygon(polygon)
