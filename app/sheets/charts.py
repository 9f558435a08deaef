"""Charts and codes for sheets and reports, as ReportLab ``Drawing`` objects (vector, no raster, no Qt).

``qr_drawing`` is a square QR code (error correction M) of a text payload.

``radar_chart`` draws a spider chart of 0..100 scores: a polygon grid at 20/40/60/80/100, one axis
per category labelled with its title, and the filled score polygon (named ``score`` in the drawing,
with one vertex per axis). A missing score (``None``) is drawn at the centre.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

from reportlab.graphics.shapes import Circle, Drawing, Line, Path, Polygon, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.validators import isString
from reportlab.pdfbase.pdfmetrics import stringWidth

GRID_LEVELS = (20, 40, 60, 80, 100)
SCORE_COLOR = colors.HexColor("#1f5f99")
GRID_COLOR = colors.HexColor("#b8c2cc")
LABEL_COLOR = colors.HexColor("#222222")


def _wrap(text: str, font_name: str, font_size: float, max_width: float) -> list[str]:
    """Lines of at most ``max_width`` (a single long word stays whole); "\n" forces a break."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}".strip()
            if current and stringWidth(candidate, font_name, font_size) > max_width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


def _point(cx: float, cy: float, radius: float, angle: float) -> tuple[float, float]:
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def radar_chart(
    labels: Sequence[str],
    values: Sequence[float | None],
    *,
    width: float,
    height: float,
    font_name: str,
    font_size: float = 7,
    label_width: float | None = None,
    color: colors.Color = SCORE_COLOR,
) -> Drawing:
    """A spider chart of ``values`` (0..100, ``None`` for no score) on axes titled ``labels``."""
    if len(labels) != len(values):
        raise ValueError("radar_chart needs one value per label")
    n = len(labels)
    drawing = Drawing(width, height, initialFontName=font_name)
    if n == 0:
        return drawing
    leading = font_size * 1.2
    label_width = label_width if label_width is not None else width * 0.3
    wrapped = [_wrap(text, font_name, font_size, label_width) for text in labels]
    # First axis points straight up; the others follow clockwise.
    angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]
    # The largest radius that leaves room for every label beside or above/below its axis.
    side = max((max(stringWidth(line, font_name, font_size) for line in lines)
                for lines, a in zip(wrapped, angles, strict=True) if abs(math.cos(a)) > 0.25), default=0)
    tall = max((len(lines) * leading for lines, a in zip(wrapped, angles, strict=True)
                if abs(math.sin(a)) > 0.25), default=0)
    cx, cy = width / 2, height / 2
    radius = max(10.0, min(width / 2 - side - 7, height / 2 - tall - 6))

    for level in GRID_LEVELS:
        r = radius * level / 100
        if n >= 3:
            points = [c for a in angles for c in _point(cx, cy, r, a)]
            drawing.add(Polygon(points, strokeColor=GRID_COLOR, strokeWidth=0.5, fillColor=None))
        else:
            drawing.add(Circle(cx, cy, r, strokeColor=GRID_COLOR, strokeWidth=0.5, fillColor=None))
        # Grid values along the first axis, just right of it.
        drawing.add(String(cx + 2, cy + r - font_size * 0.35, str(level), fontName=font_name,
                           fontSize=font_size * 0.75, fillColor=GRID_COLOR))
    for angle in angles:
        x, y = _point(cx, cy, radius, angle)
        drawing.add(Line(cx, cy, x, y, strokeColor=GRID_COLOR, strokeWidth=0.5))

    clamped = [0.0 if v is None else min(100.0, max(0.0, float(v))) for v in values]
    vertices = [_point(cx, cy, radius * v / 100, a) for v, a in zip(clamped, angles, strict=True)]
    flat = [c for point in vertices for c in point]
    shape: Polygon | PolyLine
    if n >= 3:
        shape = Polygon(flat, strokeColor=color, strokeWidth=1.2, fillColor=color, fillOpacity=0.22)
    else:
        shape = PolyLine(flat, strokeColor=color, strokeWidth=1.2)
    drawing.add(shape, name="score")
    for x, y in vertices:
        drawing.add(Circle(x, y, 1.6, strokeColor=color, strokeWidth=0.5, fillColor=color))

    for lines, angle in zip(wrapped, angles, strict=True):
        _add_label(drawing, lines, cx, cy, radius, angle, font_name, font_size, leading)
    return drawing


def _add_label(drawing: Drawing, lines: list[str], cx: float, cy: float, radius: float, angle: float,
               font_name: str, font_size: float, leading: float) -> None:
    x, y = _point(cx, cy, radius + 5, angle)
    cos, sin = math.cos(angle), math.sin(angle)
    anchor: Literal["start", "middle", "end"] = "start" if cos > 0.25 else "end" if cos < -0.25 else "middle"
    block = leading * len(lines)
    if sin > 0.25:  # above the chart: the block's last line sits on the point
        top = y + block - leading + font_size * 0.1
    elif sin < -0.25:  # below: the first line hangs under the point
        top = y - font_size
    else:  # beside: centred vertically on the point
        top = y + block / 2 - font_size * 0.8
    for i, line in enumerate(lines):
        drawing.add(String(x, top - i * leading, line, fontName=font_name, fontSize=font_size,
                           fillColor=LABEL_COLOR, textAnchor=anchor))


def qr_matrix(payload: str, border: int = 2) -> list[list[bool]]:
    """The QR modules of ``payload`` (error correction M).

    A fixed mask pattern skips the library's pure-Python search for the "best" of eight masks,
    which cost about two thirds of a sheet's render time; every mask is valid and readers take it
    from the code's format information.
    """
    import qrcode  # deferred: only when a sheet draws its code

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=border, box_size=1, mask_pattern=2)
    code.add_data(payload)
    # The smallest version that holds the data depends only on each segment's mode and length (the
    # bits it takes), so the payloads of a batch, ids of one length, share it: finding it wrote the
    # data out bit by bit once more, a third of the code's making.
    segments = tuple((data.mode, len(data)) for data in code.data_list)
    version = _qr_versions.get(segments)
    if version is None:
        code.make(fit=True)
        _qr_versions[segments] = code.version
    else:
        code.version = version
        code.make(fit=False)
    return code.get_matrix()


_qr_versions: dict[tuple[tuple[int, int], ...], int] = {}  # segments (mode, length) -> QR version


_RECTANGLE = [0, 1, 1, 1, 3]  # a Path's operators (reportlab.graphics.shapes): move, line x3, close


class QrPath(Path):
    """The QR code as one filled path (one shape instead of one per module); ``value`` is its payload."""

    _attrMap = AttrMap(BASE=Path, value=AttrMapValue(isString, desc="the QR payload"))
    value: str


def _dark_runs(matrix: list[list[bool]]) -> list[tuple[int, int, int]]:
    """(row, first column, length) of every horizontal run of dark modules."""
    runs = []
    for row_index, row in enumerate(matrix):
        col = 0
        while col < len(row):
            if not row[col]:
                col += 1
                continue
            start = col
            while col < len(row) and row[col]:
                col += 1
            runs.append((row_index, start, col - start))
    return runs


class QrDrawing(Drawing):
    """A QR code drawing that a PDF page gets as a few hundred ``re`` operators in module units.

    ReportLab would render its path point by point (about 3 ms a sheet, a tenth of the render);
    here the page gets the same rectangles, written once as text. Other renderers (bitmaps, SVG)
    still draw the ``qr`` path.
    """

    _attrMap = AttrMap(BASE=Drawing, pdf_code=AttrMapValue(isString, desc="the code's PDF operators"))
    pdf_code: str

    def draw(self, showBoundary: object = None) -> None:  # noqa: ARG002 - Drawing's signature
        self.canv.saveState()
        self.canv.setFillColor(colors.black)
        self.canv.addLiteral(self.pdf_code)
        self.canv.restoreState()


def qr_drawing(payload: str, size: float, font_name: str) -> Drawing:
    """A ``size`` x ``size`` QR code of ``payload``, quiet zone included (the shape is named ``qr``).

    ``font_name`` is only the drawing's initial font: ReportLab would otherwise set Helvetica.
    """
    matrix = qr_matrix(payload)
    modules = len(matrix)
    cell = size / modules
    runs = _dark_runs(matrix)
    # One rectangle per run of dark modules (move, three lines, close), its points listed at once:
    # ~2,500 moveTo/lineTo calls, each checked by ReportLab, were a twentieth of a sheet's rendering.
    points: list[float] = []
    for row_index, start, length in runs:
        y = size - (row_index + 1) * cell
        x0, x1 = start * cell, (start + length) * cell
        points += (x0, y, x1, y, x1, y + cell, x0, y + cell)
    path = QrPath(fillColor=colors.black, strokeColor=None, strokeWidth=0)
    path.points.extend(points)  # into its lists: assigning new ones would check every number again
    path.operators.extend(_RECTANGLE * len(runs))
    path.value = payload
    drawing = QrDrawing(size, size, initialFontName=font_name)
    drawing.add(path, name="qr")
    # The same rectangles in module units (integers), scaled once by the matrix; row 0 is the top.
    rects = " ".join(f"{start} {modules - row_index - 1} {length} 1 re" for row_index, start, length in runs)
    drawing.pdf_code = f"{cell:.6f} 0 0 {cell:.6f} 0 0 cm {rects} f"
    return drawing
