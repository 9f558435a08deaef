"""A radar (spider) chart of the dimension subscores, 0-100, drawn with QPainter in palette colours."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.base.numbers import Kind
from app.ui.i18n import score_text
from app.ui.widgets.contrast import GRAPHIC, readable

RINGS = (25, 50, 75, 100)


class RadarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._axes: list[tuple[str, float | None]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 150)

    def set_values(self, axes: list[tuple[str, float | None]]) -> None:
        """One (label, score 0-100 or None when nothing counts yet) per dimension."""
        if axes != self._axes:
            self._axes = list(axes)
            self.setAccessibleDescription("; ".join(f"{label}: {score_text(value, Kind.WHOLE)}"
                                                    for label, value in axes))
            self.update()

    def values(self) -> list[tuple[str, float | None]]:
        return list(self._axes)

    def sizeHint(self) -> QSize:
        return QSize(280, 240)

    def _point(self, centre: QPointF, radius: float, axis: int, value: float) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * axis / max(1, len(self._axes))
        return QPointF(centre.x() + math.cos(angle) * radius * value / 100,
                       centre.y() + math.sin(angle) * radius * value / 100)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if not self._axes:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        label_room = metrics.height() * 2 + 4
        width_room = max(max(metrics.horizontalAdvance(label) for label, _ in self._axes),
                         metrics.horizontalAdvance("100")) + 14
        radius = max(10.0, min(self.width() / 2 - width_room, self.height() / 2 - label_room))
        centre = QPointF(self.width() / 2, self.height() / 2)
        count = len(self._axes)
        ground = palette.color(QPalette.ColorRole.Base)
        # the rings, spokes and outline carry the reading: 3:1 against the ground (WCAG 1.4.11)
        line = readable(palette.color(QPalette.ColorRole.Mid), (ground,), GRAPHIC)
        grid = QPen(line, 1)
        for ring in RINGS:
            grid.setStyle(Qt.PenStyle.SolidLine if ring == 100 else Qt.PenStyle.DotLine)
            painter.setPen(grid)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if count >= 3:
                painter.drawPolygon(QPolygonF([self._point(centre, radius, i, ring) for i in range(count)]))
            else:
                painter.drawEllipse(centre, radius * ring / 100, radius * ring / 100)
        painter.setPen(QPen(line, 1))
        for i in range(count):
            painter.drawLine(centre, self._point(centre, radius, i, 100))
        highlight = readable(palette.color(QPalette.ColorRole.Highlight), (ground,), GRAPHIC)
        fill = QColor(highlight)
        fill.setAlpha(70)
        points = [self._point(centre, radius, i, value or 0.0) for i, (_, value) in enumerate(self._axes)]
        painter.setPen(QPen(highlight, 2))
        painter.setBrush(fill)
        painter.drawPolygon(QPolygonF(points))
        painter.setBrush(highlight)
        for point, (_, value) in zip(points, self._axes, strict=True):
            if value is not None:
                painter.drawEllipse(point, 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        for i, (label, value) in enumerate(self._axes):
            anchor = self._point(centre, radius + 6, i, 100)
            text = f"{label}\n{score_text(value, Kind.WHOLE)}"
            box_width = max(metrics.horizontalAdvance(label), metrics.horizontalAdvance("100")) + 8
            box = QRectF(0, 0, box_width, metrics.height() * 2 + 2)
            dx = anchor.x() - centre.x()
            dy = anchor.y() - centre.y()
            box.moveCenter(anchor)
            if abs(dx) > 1:
                box.moveLeft(anchor.x()) if dx > 0 else box.moveRight(anchor.x())
            if abs(dy) > 1 and abs(dx) < radius * 0.3:
                box.moveTop(anchor.y()) if dy > 0 else box.moveBottom(anchor.y())
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.end()
