"""The instrument as a navigable outline: dimensions → indicators, with what has been scored.

Dimension rows show their progress (scored / total); indicator rows show the chosen level, "N/A",
or a dash. Index ids: 0 for a dimension row, 1 + the dimension's row for an indicator row.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.assessments.scoring import Mark
from app.models.domain import Indicator, Instrument
from app.ui.widgets import status as st

COL_TITLE, COL_MARK = range(2)
COLUMN_COUNT = 2

KindRole = Qt.ItemDataRole.UserRole + 1  # "dimension" | "indicator"
CodeRole = Qt.ItemDataRole.UserRole + 2  # dimension or indicator code
ScoredRole = Qt.ItemDataRole.UserRole + 3  # indicator: a level or N/A is chosen
RequiredRole = Qt.ItemDataRole.UserRole + 4
ProgressRole = Qt.ItemDataRole.UserRole + 5  # (scored, total) of a dimension (or of an indicator: 0/1 or 1/1)
MarkRole = Qt.ItemDataRole.UserRole + 6  # the indicator's Mark
SearchTextRole = Qt.ItemDataRole.UserRole + 7  # code and title, lower case

AnyIndex = QModelIndex | QPersistentModelIndex


class OutlineModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._instrument: Instrument | None = None
        self._lang = "en"
        self._marks: dict[str, Mark] = {}
        self._position: dict[str, tuple[int, int]] = {}  # indicator code -> (dimension row, row)

    # -- filling ---------------------------------------------------------------------------

    def set_instrument(self, instrument: Instrument, lang: str, marks: Mapping[str, Mark] | None = None) -> None:
        self.beginResetModel()
        self._instrument, self._lang = instrument, lang
        self._marks = dict(marks or {})
        self._position = {ind.code: (d, i) for d, dim in enumerate(instrument.dimensions)
                          for i, ind in enumerate(dim.indicators)}
        self.endResetModel()

    def set_marks(self, marks: Mapping[str, Mark]) -> list[str]:
        """Take new marks; only rows that changed are announced. Returns the changed codes."""
        changed = [code for code in self._position if marks.get(code, Mark()) != self._marks.get(code, Mark())]
        self._marks = dict(marks)
        dimensions = set()
        for code in changed:
            index = self.indicator_index(code)
            self.dataChanged.emit(index, index.siblingAtColumn(COL_MARK))
            dimensions.add(self._position[code][0])
        for row in sorted(dimensions):
            self.dataChanged.emit(self.index(row, 0), self.index(row, COL_MARK))
        return changed

    # -- lookups ---------------------------------------------------------------------------

    @property
    def instrument(self) -> Instrument | None:
        return self._instrument

    def indicator_codes(self) -> list[str]:
        return list(self._position)

    def indicator_index(self, code: str) -> QModelIndex:
        position = self._position.get(code)
        if position is None:
            return QModelIndex()
        return self.createIndex(position[1], 0, position[0] + 1)

    def indicator_at(self, index: AnyIndex) -> Indicator | None:
        if not index.isValid() or index.internalId() == 0 or self._instrument is None:
            return None
        return self._instrument.dimensions[index.internalId() - 1].indicators[index.row()]

    def mark(self, code: str) -> Mark:
        return self._marks.get(code, Mark())

    # -- QAbstractItemModel ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if self._instrument is None:
            return 0
        if not parent.isValid():
            return len(self._instrument.dimensions)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._instrument.dimensions[parent.row()].indicators)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return COLUMN_COUNT

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {COL_TITLE: self.tr("Indicator"), COL_MARK: self.tr("Level")}.get(section)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._instrument is None:
            return None
        if index.internalId() == 0:
            return self._dimension_data(index.row(), index.column(), role)
        indicator = self._instrument.dimensions[index.internalId() - 1].indicators[index.row()]
        return self._indicator_data(indicator, index.column(), role)

    def _dimension_progress(self, row: int) -> tuple[int, int]:
        assert self._instrument is not None
        indicators = self._instrument.dimensions[row].indicators
        return sum(1 for ind in indicators if self.mark(ind.code).is_scored), len(indicators)

    def _dimension_data(self, row: int, column: int, role: int) -> Any:
        assert self._instrument is not None
        dimension = self._instrument.dimensions[row]
        if role == KindRole:
            return "dimension"
        if role == CodeRole:
            return dimension.code
        if role == ProgressRole:
            return self._dimension_progress(row)
        if role == SearchTextRole:
            return f"{dimension.code} {dimension.title.get(self._lang)}".lower()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_TITLE:
                return dimension.title.get(self._lang)
            scored, total = self._dimension_progress(row)
            return f"{scored}/{total}"
        if role == Qt.ItemDataRole.ToolTipRole:
            scored, total = self._dimension_progress(row)
            return self.tr("%1: %2 of %3 indicators scored").replace("%1", dimension.title.get(self._lang)) \
                .replace("%2", str(scored)).replace("%3", str(total))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_MARK:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _indicator_data(self, indicator: Indicator, column: int, role: int) -> Any:
        mark = self.mark(indicator.code)
        if role == KindRole:
            return "indicator"
        if role == CodeRole:
            return indicator.code
        if role == ScoredRole:
            return mark.is_scored
        if role == RequiredRole:
            return indicator.required
        if role == MarkRole:
            return mark
        if role == ProgressRole:
            return (1 if mark.is_scored else 0), 1
        if role == SearchTextRole:
            return f"{indicator.code} {indicator.title.get(self._lang)}".lower()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_TITLE:
                return f"{indicator.code}  {indicator.title.get(self._lang)}"
            if mark.not_applicable:
                return self.tr("N/A")
            return str(mark.level) if mark.level is not None else "–"
        if role == Qt.ItemDataRole.DecorationRole and column == COL_TITLE:
            return st.status_icon(st.FINAL if mark.is_scored else st.NOT_STARTED)
        if role == Qt.ItemDataRole.ToolTipRole:
            title = indicator.title.get(self._lang)
            return title if indicator.required else self.tr("%1 (optional)").replace("%1", title)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_MARK:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
