"""Table models that sort themselves from precomputed keys, and a filter proxy that lets them.

A :class:`QSortFilterProxyModel` sorts by asking the model for a value twice per comparison: for
514 regions that is ~10,000 calls into Python. A :class:`KeyedTableModel` keeps one sort key per
row and column (computed when its contents are set), sorts a list of row numbers with Python's
``sorted`` and announces the new order with one ``layoutChanged``; :class:`KeyedFilterProxy`
passes ``sort`` on to it and only filters.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

Index = QModelIndex | QPersistentModelIndex


class KeyedTableModel(QAbstractTableModel):
    """Subclasses fill ``self._keys`` (one list per source row, one key per column) and call
    ``_reset_order()`` inside their ``beginResetModel``/``endResetModel``; rows are then addressed
    through ``source_row(row)``."""

    default_sort = (0, Qt.SortOrder.AscendingOrder)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._keys: list[list[Any]] = []
        self._order: list[int] = []
        self.sort_column, self.sort_order = self.default_sort

    def source_row(self, row: int) -> int:
        return self._order[row]

    def row_of_source(self, source: int) -> int:
        return self._order.index(source)

    def _reset_order(self) -> None:
        self._order = list(range(len(self._keys)))
        self._apply_sort()

    def _apply_sort(self) -> None:
        column = self.sort_column
        if self._keys and not 0 <= column < len(self._keys[0]):
            column = self.default_sort[0]
        keys = self._keys
        self._order = sorted(range(len(keys)), key=lambda i: keys[i][column],
                             reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self.layoutAboutToBeChanged.emit()
        old = list(self._order)
        persistent = self.persistentIndexList()
        self.sort_column, self.sort_order = column, order
        self._apply_sort()
        new_row = {source: row for row, source in enumerate(self._order)}
        self.changePersistentIndexList(persistent, [self.index(new_row[old[p.row()]], p.column())
                                                    for p in persistent])
        self.layoutChanged.emit()


class KeyedFilterProxy(QSortFilterProxyModel):
    """Sorting goes to the source model; subclasses say which source rows pass (``accepts``)."""

    def accepts(self, model: Any, source_row: int) -> bool:
        return True

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt override
        return self.accepts(self.sourceModel(), source_row)

    def refilter(self, change) -> None:
        """Run ``change()`` (which alters the filter's state) between the proxy's filter-change calls."""
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, KeyedTableModel):
            model.sort(column, order)
        else:  # pragma: no cover - the coordinator's proxies sit on keyed models
            super().sort(column, order)
