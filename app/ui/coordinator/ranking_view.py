"""The ranking table's view: draws the shortlist cut-off lines between rows.

A line goes under the last row within a shortlist when the next visible row lies beyond it, in the
cut-off's colour (:data:`app.ui.charts.palette.CUT_COLOURS`), with a small tag naming the
shortlist at its right end — only while the table is in ranking order (a line between rows sorted
by province would mean nothing). Filtering keeps the lines where the cut falls between two
visible rows. Drawn once per paint over the viewport (not per cell), so painting 514 rows stays
as cheap as a plain table's.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QTableView, QWidget

from app.ui.charts.palette import cut_colour
from app.ui.coordinator.ranking_model import POSITION_ROLE

LINE_WIDTH = 3


class RankingTableView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.sizes: tuple[int, ...] = ()
        self.cuts_shown = True  # False while the table is not in ranking order

    def cuts_below(self, row: int) -> list[int]:
        """Indexes into ``sizes`` of the cut-offs that fall right under this row."""
        model = self.model()
        if not self.cuts_shown or not self.sizes or model is None or row + 1 >= model.rowCount():
            return []
        position = model.index(row, 0).data(POSITION_ROLE)
        following = model.index(row + 1, 0).data(POSITION_ROLE)
        if position is None or following is None:
            return []
        return [i for i, size in enumerate(self.sizes) if position <= size < following]

    def cut_rows(self) -> dict[int, list[int]]:
        """Rows (of the view's model) with a cut-off line under them: row -> cut-off indexes."""
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        return {row: cuts for row in range(rows) if (cuts := self.cuts_below(row))}

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        model = self.model()
        if not self.cuts_shown or not self.sizes or model is None or not model.rowCount():
            return
        viewport = self.viewport()
        first = max(0, self.rowAt(0))
        last = self.rowAt(viewport.height() - 1)
        last = model.rowCount() - 1 if last < 0 else last
        right = min(viewport.width(), self.horizontalHeader().length() - self.horizontalOffset())
        painter = QPainter(viewport)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        for row in range(first, last + 1):
            cuts = self.cuts_below(row)
            bottom = self.rowViewportPosition(row) + self.rowHeight(row)
            for offset, i in enumerate(cuts):
                colour = cut_colour(i)
                pen = QPen(colour, LINE_WIDTH)
                pen.setCapStyle(Qt.PenCapStyle.FlatCap)
                painter.setPen(pen)
                y = bottom - LINE_WIDTH / 2 - offset * (LINE_WIDTH + 1)
                painter.drawLine(QLineF(0, y, right, y))
                label = self.tr("top %1").replace("%1", str(self.sizes[i]))
                width = metrics.horizontalAdvance(label) + 10
                tag = QRectF(right - width - 4 - offset * (width + 4), y - metrics.height() - 1, width,
                             metrics.height())
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(tag, 3, 3)
                painter.setPen(QColor(255, 255, 255))
                painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, label)
        painter.end()
