"""How an assessment's status is named and marked, the same everywhere in the UI.

The accents are mid-tone colours that read on both light and dark palettes; everything else in
the UI takes its colours from the system palette.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

NOT_STARTED = "not_started"
DRAFT = "draft"
FINAL = "final"
SIGNED = "signed"
STATUSES = (NOT_STARTED, DRAFT, FINAL, SIGNED)
RETURNED = "returned"  # the coordinator returned it for revision (shown over final / signed)

ACCENTS = {
    NOT_STARTED: QColor(128, 128, 128),
    DRAFT: QColor(224, 150, 30),
    FINAL: QColor(46, 160, 90),
    SIGNED: QColor(52, 120, 220),
    RETURNED: QColor(214, 69, 65),
}
WARNING = QColor(214, 69, 65)
OK = QColor(46, 160, 90)


def status_text(status: str) -> str:
    texts = {
        NOT_STARTED: QCoreApplication.translate("Status", "Not started"),
        DRAFT: QCoreApplication.translate("Status", "In progress"),
        FINAL: QCoreApplication.translate("Status", "Finalized"),
        SIGNED: QCoreApplication.translate("Status", "Signed"),
        RETURNED: QCoreApplication.translate("Status", "Returned for revision"),
    }
    return texts.get(status, status)


_icons: dict[str, QIcon] = {}


def status_icon(status: str) -> QIcon:
    """A filled dot in the status accent (hollow for work not started)."""
    if status not in _icons:
        icon = QIcon()
        for size in (12, 16, 24, 32):
            pixmap = QPixmap(size, size)
            pixmap.fill(QColor(0, 0, 0, 0))
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            colour = ACCENTS.get(status, ACCENTS[NOT_STARTED])
            margin = size * 0.2
            pen_width = max(1.0, size / 10)
            painter.setPen(colour if status == NOT_STARTED else colour.darker(115))
            if status == NOT_STARTED:
                pen = painter.pen()
                pen.setWidthF(pen_width)
                painter.setPen(pen)
            else:
                painter.setBrush(colour)
            painter.drawEllipse(int(margin), int(margin), int(size - 2 * margin), int(size - 2 * margin))
            painter.end()
            icon.addPixmap(pixmap)
        _icons[status] = icon
    return _icons[status]
