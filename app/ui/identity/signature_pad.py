"""Draw a handwritten signature once (mouse, pen or finger), see it, clear it, keep it as a PNG.

The image is kept in the data directory (``identity/signature.png``, see
``app.sheets.export.signature_image_path``) and laid behind the text of every signature appearance
on the sheets signed afterwards. It is a picture of a signature, not the signature: the PAdES
signature made with the key is what proves who signed.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QTabletEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.base.atomic import atomic_write
from app.sheets.export import signature_image_path

INK = QColor("#1a2a6c")
PEN_WIDTH = 2.6
EXPORT_HEIGHT = 160  # pixels of the saved image; its width follows the drawing


class SignatureCanvas(QWidget):
    """A white pad with a baseline; strokes are kept as paths in widget coordinates."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[QPainterPath] = []
        self._current: QPainterPath | None = None
        self.setMinimumSize(420, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setAccessibleName(self.tr("Signature pad"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(520, 200)

    def is_empty(self) -> bool:
        return not any(path.elementCount() > 0 for path in self.strokes)

    def clear(self) -> None:
        self.strokes.clear()
        self._current = None
        self.update()
        self.changed.emit()

    # -- input ---------------------------------------------------------------------------------

    def _begin(self, point: QPointF) -> None:
        self._current = QPainterPath(point)
        self._current.lineTo(point + QPointF(0.01, 0.01))  # a dot is a stroke too
        self.strokes.append(self._current)
        self.update()

    def _extend(self, point: QPointF) -> None:
        if self._current is not None:
            self._current.lineTo(point)
            self.update()

    def _end(self) -> None:
        if self._current is not None:
            self._current = None
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position())
            self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove and event.pressure() > 0:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end()
        event.accept()

    # -- drawing ---------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(QPen(QColor("#c5ccd4"), 1, Qt.PenStyle.DashLine))
        baseline = self.height() - 42
        painter.drawLine(24, baseline, self.width() - 24, baseline)
        painter.setPen(QColor("#8a939c"))
        painter.drawText(QRectF(24, baseline + 6, self.width() - 48, 24), Qt.AlignmentFlag.AlignLeft,
                         self.tr("Sign above the line"))
        painter.setPen(QPen(QColor("#9aa5b1"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        self._draw_strokes(painter)
        painter.end()

    def _pen(self, scale: float = 1.0) -> QPen:
        pen = QPen(INK, PEN_WIDTH * scale)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def _draw_strokes(self, painter: QPainter, scale: float = 1.0) -> None:
        painter.setPen(self._pen(scale))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for path in self.strokes:
            painter.drawPath(path)

    def bounds(self) -> QRectF:
        rect = QRectF()
        for path in self.strokes:
            rect = rect.united(path.boundingRect())
        return rect

    def to_image(self) -> QImage:
        """The strokes, cropped with a margin, scaled to EXPORT_HEIGHT, on a transparent background."""
        bounds = self.bounds().adjusted(-PEN_WIDTH * 2, -PEN_WIDTH * 2, PEN_WIDTH * 2, PEN_WIDTH * 2)
        margin = 8.0
        scale = (EXPORT_HEIGHT - 2 * margin) / max(bounds.height(), 40.0)
        width = int(bounds.width() * scale + 2 * margin) + 1
        image = QImage(max(width, 16), EXPORT_HEIGHT, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(margin, margin)
        painter.scale(scale, scale)
        painter.translate(-bounds.topLeft())
        self._draw_strokes(painter, 1.0)
        painter.end()
        return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # takes str at run time (bytes fail); stubs say bytes
    buffer.close()
    return bytes(data.data())


class SignaturePadDialog(QDialog):
    """Draw, clear, save (``identity/signature.png``) or remove the drawn signature."""

    saved = Signal(str)  # path of the saved PNG

    def __init__(self, data_dir: str | os.PathLike[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = signature_image_path(data_dir)
        self.setWindowTitle(self.tr("Handwritten signature"))
        intro = QLabel(self.tr("Draw your signature with the mouse, a pen or a finger. It is shown behind the "
                               "text of the electronic signature on the sheets you sign from now on."), self)
        intro.setWordWrap(True)
        self.canvas = SignatureCanvas(self)
        self.preview_caption = QLabel(self.tr("Saved signature:"), self)
        self.preview = QLabel(self)
        self.preview.setMinimumHeight(60)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("C&lear"), self)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.remove_button = QPushButton(self.tr("&Remove saved signature"), self)
        self.remove_button.clicked.connect(self.remove)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        self.canvas.changed.connect(self._update)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        preview = QHBoxLayout()
        preview.addWidget(self.preview_caption)
        preview.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(preview)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(600, 420)
        self._show_saved()
        self._update()

    def _update(self) -> None:
        empty = self.canvas.is_empty()
        self.save_button.setEnabled(not empty)
        self.clear_button.setEnabled(not empty)
        self.remove_button.setEnabled(self.path.is_file())

    def _show_saved(self) -> None:
        exists = self.path.is_file()
        self.preview_caption.setVisible(exists)
        self.preview.setVisible(exists)
        if exists:
            pixmap = QPixmap(str(self.path))
            self.preview.setPixmap(pixmap.scaledToHeight(56, Qt.TransformationMode.SmoothTransformation))

    def save(self) -> bool:
        if self.canvas.is_empty():
            return False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, png_bytes(self.canvas.to_image()))
        except OSError as exc:
            self.status.setText(self.tr("The signature could not be saved: %1").replace("%1", exc.strerror or str(exc)))
            return False
        self.status.setText(self.tr("Saved. Sheets you sign from now on show this signature."))
        self.canvas.clear()
        self._show_saved()
        self._update()
        self.saved.emit(str(self.path))
        return True

    def remove(self) -> None:
        try:
            Path(self.path).unlink(missing_ok=True)
        except OSError as exc:
            self.status.setText(exc.strerror or str(exc))
            return
        self.status.setText(self.tr("The saved signature was removed; sheets show the text only."))
        self._show_saved()
        self._update()
