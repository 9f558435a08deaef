"""One region's dimension scores (0-100) on a radar, against the round's median of each dimension."""

from __future__ import annotations

import math
import statistics

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from app.base.numbers import Kind
from app.consolidation import Consolidation
from app.ui.charts.base import ChartWidget
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

    def set_region(self, c: Consolidation | None, region_code: str | None) -> None:
        self._axes, self._region = [], ""
        if c is not None and region_code:
            ranked = next((r for r in c.ranking if r.region.code == region_code), None)
            if ranked is not None:
                medians = round_medians(c)
                self._region = ranked.region.name
                self._axes = [(d.code, ranked.dimensions[i].score, medians[d.code])
                              for i, d in enumerate(c.instrument.dimensions)]
        self.setAccessibleDescription("; ".join(
            f"{label}: {score_text(v, Kind.WHOLE)} (median {score_text(m, Kind.WHOLE)})"
            for label, v, m in self._axes))
        self.update()

    def axes(self) -> list[tuple[str, float | None, float | None]]:
        return list(self._axes)

    def _point(self, centre: QPointF, radius: float, axis: float, value: float) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * axis / max(1, len(self._axes))
        return QPointF(centre.x() + math.cos(angle) * radius * value / 100,
                       centre.y() + math.sin(angle) * radius * value / 100)

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
        for ring in RINGS:
            pen = QPen(self.grid_colour(), 1, Qt.PenStyle.SolidLine if ring == 100 else Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolygon(QPolygonF([self._point(centre, radius, i, ring) for i in range(count)]))
            painter.setPen(self.muted_colour())  # ring values between the first two axes, clear of their labels
            painter.drawText(self._point(centre, radius, 0.5, ring) + QPointF(3, 0), str(ring))
        for i, (label, value, _median) in enumerate(self._axes):
            painter.setPen(QPen(self.grid_colour(), 1))
            painter.drawLine(centre, self._point(centre, radius, i, 100))
            tip = self._point(centre, radius + 10, i, 100)
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
            polygon = QPolygonF([self._point(centre, radius, i, v or 0.0) for i, v in enumerate(values)])
            painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine if colour is REFERENCE else Qt.PenStyle.SolidLine))
            painter.setBrush(QBrush(with_alpha(colour, fill)))
            painter.drawPolygon(polygon)
