"""Coverage as a matrix: one row per candidate region, one column per assessor, the state in each cell.

States (``app.consolidation.coverage``): signed, final (these count), draft, conflict, duplicate,
instrument (scored under another instrument version), missing (seated on the panel, nothing
arrived). An empty cell: the assessor has nothing to do with the region. Each state has a shape
as well as a mid-tone colour (:func:`state_icon`), so the matrix reads on light and dark
palettes and without colour vision.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

from app.consolidation import Consolidation, RegionCoverage
from app.consolidation.coverage import STATE_ORDER
from app.ui.widgets.table_base import KeyedFilterProxy, KeyedTableModel

REGION, PROVINCE, COUNTED = range(3)
FIXED = 3  # assessor columns follow, one per assessor (sorted by name)

STATE_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the state word, "" when the assessor is not involved
REGION_CODE_ROLE = int(Qt.ItemDataRole.UserRole) + 2
COMPLETE_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # every panel assessor counted, no conflict
_SPOKEN = int(Qt.ItemDataRole.AccessibleTextRole)
_DISPLAY, _DECORATION, _TOOLTIP = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.DecorationRole),
                                   int(Qt.ItemDataRole.ToolTipRole))

COLOURS = {
    "signed": QColor(52, 120, 220), "final": QColor(46, 160, 90), "draft": QColor(224, 150, 30),
    "conflict": QColor(214, 69, 65), "duplicate": QColor(214, 69, 65), "instrument": QColor(150, 90, 200),
    "missing": QColor(140, 150, 160),
}

Index = QModelIndex | QPersistentModelIndex


def state_text(state: str) -> str:
    texts = {
        "signed": QCoreApplication.translate("CoverageModel", "Signed"),
        "final": QCoreApplication.translate("CoverageModel", "Final"),
        "draft": QCoreApplication.translate("CoverageModel", "Draft"),
        "conflict": QCoreApplication.translate("CoverageModel", "Conflict"),
        "duplicate": QCoreApplication.translate("CoverageModel", "Duplicate"),
        "instrument": QCoreApplication.translate("CoverageModel", "Other instrument"),
        "missing": QCoreApplication.translate("CoverageModel", "Missing"),
    }
    return texts.get(state, state)


_icons: dict[str, QIcon] = {}


def _draw(painter: QPainter, state: str, size: int) -> None:
    colour = COLOURS[state]
    m = size * 0.12
    box = QRectF(m, m, size - 2 * m, size - 2 * m)
    pen = QPen(colour.darker(120), max(1.0, size / 12))
    painter.setPen(pen)
    if state in ("signed", "final"):
        painter.setBrush(colour)
        painter.drawEllipse(box)
        if state == "signed":  # a tick
            tick = QPen(QColor(255, 255, 255), max(1.5, size / 8))
            painter.setPen(tick)
            painter.drawPolyline(QPolygonF([QPointF(size * 0.3, size * 0.52), QPointF(size * 0.45, size * 0.67),
                                            QPointF(size * 0.72, size * 0.36)]))
    elif state == "draft":  # half filled
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(box)
        painter.setBrush(colour)
        painter.drawPie(box, 90 * 16, 180 * 16)
    elif state == "missing":  # hollow, dashed
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(box)
    elif state in ("conflict", "duplicate"):  # a warning triangle
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([QPointF(size / 2, m), QPointF(size - m, size - m), QPointF(m, size - m)]))
        bang = QPen(QColor(255, 255, 255), max(1.5, size / 9))
        painter.setPen(bang)
        painter.drawLine(QPointF(size / 2, size * 0.38), QPointF(size / 2, size * 0.64))
        painter.drawPoint(QPointF(size / 2, size * 0.76))
    else:  # another instrument: a square
        painter.setBrush(colour)
        painter.drawRect(box.adjusted(m / 2, m / 2, -m / 2, -m / 2))


def state_icon(state: str) -> QIcon:
    if state not in _icons:
        icon = QIcon()
        for size in (12, 16, 20, 24, 32):
            pixmap = QPixmap(size, size)
            pixmap.fill(QColor(0, 0, 0, 0))
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            _draw(painter, state, size)
            painter.end()
            icon.addPixmap(pixmap)
        _icons[state] = icon
    return _icons[state]


class CoverageModel(KeyedTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[RegionCoverage] = []
        self._assessors: list[tuple[str, str, str]] = []  # id, name, nip
        self._cells: list[dict[str, str]] = []  # per row: assessor id -> state
        self._on_panel: list[set[str]] = []
        self._search: list[str] = []
        self._texts: dict[str, str] = {}

    def set_consolidation(self, c: Consolidation | None) -> None:
        self.beginResetModel()
        self._texts = {state: state_text(state) for state in STATE_ORDER}
        self._rows = list(c.coverage) if c else []
        assessors = c.data.assessors if c else {}
        involved = {a.assessor_id for row in self._rows for a in row.assessors}
        self._assessors = sorted(((i, assessors[i].name, assessors[i].nip) for i in involved),
                                 key=lambda a: (a[1].casefold(), a[0]))
        self._cells = [{a.assessor_id: a.state for a in row.assessors} for row in self._rows]
        self._on_panel = [{a.assessor_id for a in row.assessors if a.on_panel} for row in self._rows]
        self._search = [f"{r.region.code} {r.region.name} {r.region.province_name}".casefold() for r in self._rows]
        none = len(STATE_ORDER)
        self._keys = [
            [r.region.code, (r.region.province_name.casefold(), r.region.code),
             (r.complete, r.counted, r.region.code),
             *((STATE_ORDER.index(cells[a[0]]) if a[0] in cells else none, r.region.code) for a in self._assessors)]
            for r, cells in zip(self._rows, self._cells, strict=True)]
        self._reset_order()
        self.endResetModel()

    def assessor_ids(self) -> list[str]:
        return [a[0] for a in self._assessors]

    def region_coverage(self, row: int) -> RegionCoverage:
        return self._rows[self._order[row]]

    def search_text(self, row: int) -> str:
        return self._search[self._order[row]]

    def complete(self, row: int) -> bool:
        return self._rows[self._order[row]].complete

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED + len(self._assessors)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section < FIXED:
                return (self.tr("Region"), self.tr("Province"), self.tr("Counted"))[section]
            return self._assessors[section - FIXED][1]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == COUNTED:
                return self.tr("Counted assessments / assessors seated on the region's panel")
            if section >= FIXED:
                _id, name, nip = self._assessors[section - FIXED]
                return f"{name} — NIP {nip or '–'}"
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # The hot path of painting: int roles, texts translated once per reset.
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._order[index.row()], index.column()
        if column >= FIXED and role in (_DISPLAY, _DECORATION, STATE_ROLE):
            state = self._cells[row].get(self._assessors[column - FIXED][0], "")
            if role == _DISPLAY:
                return self._texts.get(state, "")
            return state if role == STATE_ROLE else (state_icon(state) if state else None)
        cov = self._rows[row]
        if role == REGION_CODE_ROLE:
            return cov.region.code
        if role == COMPLETE_ROLE:
            return cov.complete
        if column >= FIXED:
            assessor_id = self._assessors[column - FIXED][0]
            state = self._cells[row].get(assessor_id, "")
            if role == _TOOLTIP and state:
                on_panel = assessor_id in self._on_panel[row]
                return (self.tr("%1: %2 (on the panel)") if on_panel else self.tr("%1: %2 (not on the panel)")) \
                    .replace("%1", self._assessors[column - FIXED][1]).replace("%2", state_text(state))
            return None
        if role == _DISPLAY:
            if column == REGION:
                return f"{cov.region.code}  {cov.region.name}"
            if column == PROVINCE:
                return cov.region.province_name
            return f"{cov.counted}/{cov.expected}"
        if role == _SPOKEN and column == COUNTED:  # the red mark in words
            counted = self.tr("%1 of %2 assessors").replace("%1", str(cov.counted)).replace("%2", str(cov.expected))
            return counted if cov.complete else f"{counted}, {state_text('conflict' if cov.in_conflict else 'missing')}"
        if role == _DECORATION and column == COUNTED and not cov.complete:
            return state_icon("conflict" if cov.in_conflict else "missing")
        if role == _TOOLTIP and column == COUNTED and not cov.complete:
            return self.tr("Incomplete: %1 missing, %2 in conflict").replace("%1", str(len(cov.missing))).replace(
                "%2", str(len(cov.in_conflict)))
        return None


class CoverageFilterProxy(KeyedFilterProxy):
    """Filter by region name/code/province, and optionally to incomplete regions only."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._incomplete_only = False

    def set_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._needle:
            self.refilter(lambda: setattr(self, "_needle", needle))

    def set_incomplete_only(self, on: bool) -> None:
        if on != self._incomplete_only:
            self.refilter(lambda: setattr(self, "_incomplete_only", on))

    def accepts(self, model: Any, source_row: int) -> bool:
        if not isinstance(model, CoverageModel):
            return True
        if self._incomplete_only and model.complete(source_row):
            return False
        return not self._needle or self._needle in model.search_text(source_row)
