"""Draws a (done, total) progress value as "done/total" beside a slim bar, in palette colours."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem


class ProgressDelegate(QStyledItemDelegate):
    def __init__(self, progress_role: int, parent=None) -> None:
        super().__init__(parent)
        self._role = progress_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(self._role)
        if not value or not value[1]:
            super().paint(painter, option, index)
            return
        done, total = value
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        metrics = option.fontMetrics
        text = f"{done}/{total}"
        text_width = metrics.horizontalAdvance("000/000")
        rect = option.rect.adjusted(4, 0, -4, 0)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(palette.color(text_role))
        painter.drawText(rect.adjusted(0, 0, -(rect.width() - text_width), 0),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
        bar_height = max(4.0, metrics.height() * 0.35)
        bar = QRectF(rect.left() + text_width + 6, rect.center().y() - bar_height / 2 + 1,
                     max(0, rect.width() - text_width - 6), bar_height)
        if bar.width() > 8:
            painter.setPen(Qt.PenStyle.NoPen)
            track = palette.color(QPalette.ColorRole.Mid)
            track.setAlpha(90)
            painter.setBrush(track)
            painter.drawRoundedRect(bar, bar_height / 2, bar_height / 2)
            filled = QRectF(bar)
            filled.setWidth(bar.width() * min(1.0, done / total))
            painter.setBrush(palette.color(QPalette.ColorRole.HighlightedText if selected
                                           else QPalette.ColorRole.Highlight))
            if filled.width() > 0:
                painter.drawRoundedRect(filled, bar_height / 2, bar_height / 2)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 120), hint.height())
