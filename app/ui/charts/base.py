"""What the coordinator's QPainter charts share: palette-aware background, axes and text.

Every colour of text, grid and frame comes from the widget's palette (so a dark theme gets light
text on a dark ground); data colours come from :mod:`app.ui.charts.palette`. ``render_image``
paints a chart into an image of any size (for tests and screenshots) without showing it.

Scores run 0-100, except under the adjusted rule, where a panel score can lie a little outside
(a lenient panel's region, raised or lowered by its assessors' severities; never clipped, see
docs/ranking-method.md §9.4): :func:`score_range` widens the axis to hold them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QLineF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.widgets.contrast import GRAPHIC, TEXT, readable


def score_range(values: Iterable[float | None], step: float = 5.0) -> tuple[float, float]:
    """The score axis: 0-100, widened by whole ``step``s to hold a score outside it."""
    present = [v for v in values if v is not None]
    low, high = min([0.0, *present]), max([100.0, *present])
    return math.floor(low / step) * step, math.ceil(high / step) * step


def outside(low: float, high: float) -> bool:
    """The axis had to be widened beyond 0-100 (an adjusted score lies outside)."""
    return low < 0 or high > 100


def axis_text(value: float) -> str:
    return f"{value:g}"  # a whole number of points; the minus as the score texts write it


class ChartWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 180)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(480, 300)

    # -- colours from the palette -----------------------------------------------------------------

    def text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def muted_colour(self) -> QColor:
        """Axis labels: softer than the title, still text that reads (4.5:1, WCAG 1.4.3)."""
        colour = QColor(self.text_colour())
        colour.setAlpha(150)
        return readable(colour, (self.background(),), TEXT)

    def grid_colour(self) -> QColor:
        """Grid lines carry the reading of a bar's height: 3:1 against the ground (WCAG 1.4.11),
        from the palette's outline shade so they stay lighter than the text and the bars."""
        return readable(self.palette().color(QPalette.ColorRole.Mid), (self.background(),), GRAPHIC)

    def background(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Base)

    # -- helpers --------------------------------------------------------------------------------

    def begin(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.background())

    def draw_title(self, painter: QPainter, text: str) -> float:
        """The chart's title at the top left; returns the height it took."""
        font = painter.font()
        font.setBold(True)
        painter.save()
        painter.setFont(font)
        painter.setPen(self.text_colour())
        height = painter.fontMetrics().height() + 6
        painter.drawText(QRectF(8, 4, self.width() - 16, height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         text)
        painter.restore()
        return height + 4

    def draw_value_axis(self, painter: QPainter, plot: QRectF, top: float = 100.0, step: float = 25.0,
                        label_width: float = 28.0, bottom: float = 0.0) -> None:
        """Horizontal grid lines and labels bottom..top on the left of ``plot``: every ``step`` from 0, and the
        ends of an axis widened past them (a solid line at 0 when it is not the bottom)."""
        painter.save()
        metrics = painter.fontMetrics()
        values = [bottom + 0.0, top + 0.0]
        value = math.ceil(bottom / step - 1e-9) * step
        while value <= top + 1e-9:
            values.append(value)
            value += step
        steps = values[2:]
        for value in sorted(set(values)):
            y = plot.bottom() - plot.height() * (value - bottom) / (top - bottom)
            painter.setPen(QPen(self.grid_colour(), 2 if value == 0 and bottom < 0 else 1))
            painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
            crowded = value not in steps and any(  # an end too close to a step's label: the line without a label
                abs(value - other) * plot.height() / (top - bottom) < metrics.height() for other in steps)
            if crowded:
                continue
            painter.setPen(self.muted_colour())
            painter.drawText(QRectF(plot.left() - label_width - 4, y - metrics.height() / 2, label_width,
                                    metrics.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             axis_text(value))
        painter.restore()

    def draw_legend(self, painter: QPainter, items: list[tuple[QColor, str]], x: float, y: float,
                    line: bool = False) -> None:
        """Swatches with labels in a row starting at (x, y), right-aligned if they would overflow."""
        painter.save()
        metrics = painter.fontMetrics()
        widths = [16 + 4 + metrics.horizontalAdvance(text) + 14 for _, text in items]
        x = min(x, self.width() - 8 - sum(widths))
        for (colour, text), width in zip(items, widths, strict=True):
            if line:
                painter.setPen(QPen(colour, 3))
                painter.drawLine(QLineF(x, y + metrics.height() / 2, x + 16, y + metrics.height() / 2))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRect(QRectF(x, y + 2, 16, metrics.height() - 4))
            painter.setPen(self.text_colour())
            painter.drawText(QRectF(x + 20, y, width, metrics.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x += width
        painter.restore()

    def render_image(self, size: QSize) -> QImage:
        self.resize(size)
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(self.background())
        self.render(image)
        return image
