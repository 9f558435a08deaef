"""Render resources/icons/nilai.svg to nilai.png (256 px, Linux desktop entry) and nilai.ico (Windows).

Run after editing the SVG: `.venv/bin/python installer/make_icons.py`. Qt draws the SVG (the same
renderer the program uses for its window icon); Pillow writes the multi-size .ico.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image

    svg = ICONS / "nilai.svg"
    (ICONS / "nilai.png").write_bytes(render(svg, 256))
    # Each size drawn from the vector, not scaled down from 256 px: small sizes stay crisp.
    images = [Image.open(io.BytesIO(render(svg, s))).convert("RGBA") for s in ICO_SIZES]
    images[-1].save(ICONS / "nilai.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                    append_images=images[:-1])
    print(f"wrote {ICONS / 'nilai.png'} and {ICONS / 'nilai.ico'} ({', '.join(map(str, ICO_SIZES))} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
