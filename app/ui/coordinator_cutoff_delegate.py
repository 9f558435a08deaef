"""Draws the shortlist cut-off lines between the rows of the ranking table.

A line goes under the last row within a shortlist when the next visible row lies beyond it, in the
cut-off's colour (:data:`app.ui.charts_palette.CUT_COLOURS`), only while the table is in ranking
order (a line between rows sorted by province would mean nothing). Filtering keeps the lines where
the cut falls between two visible rows.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from app.ui.charts_palette import cut_colour
from app.ui.coordinator_ranking_model import POSITION_ROLE

LINE_WIDTH = 3


class CutoffDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.sizes: tuple[int, ...] = ()
        self.enabled = True  # False while the table is not in ranking order

    def cuts_below(self, index: QModelIndex | QPersistentModelIndex) -> list[int]:
        """Positions in ``sizes`` of the cut-offs that fall right under this row."""
        if not self.enabled or not self.sizes:
            return []
        position = index.data(POSITION_ROLE)
        below = index.siblingAtRow(index.row() + 1)
        following = below.data(POSITION_ROLE) if below.isValid() else None
        if position is None or following is None:
            return []
        return [i for i, size in enumerate(self.sizes) if position <= size < following]

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        cuts = self.cuts_below(index)
        if not cuts:
            return
        painter.save()
        rect = option.rect  # type: ignore[attr-defined]
        for offset, i in enumerate(cuts):
            pen = QPen(cut_colour(i), LINE_WIDTH)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            y = rect.bottom() - LINE_WIDTH // 2 - offset * (LINE_WIDTH + 1)
            painter.drawLine(rect.left(), y, rect.right() + 1, y)
        painter.restore()
