"""Table models that sort themselves from precomputed keys, and a filter proxy that lets them.

A :class:`QSortFilterProxyModel` sorts by asking the model for a value twice per comparison: for
514 regions that is ~10,000 calls into Python. A :class:`KeyedTableModel` keeps one sort key per
row and column (computed when its contents are set), sorts a list of row numbers with Python's
``sorted`` and announces the new order with one ``layoutChanged``; :class:`KeyedFilterProxy`
passes ``sort`` on to it and only filters. :class:`ItemTableModel` is the plain case: one item per
row, fixed headers, the texts of a row computed from its item.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's item itself
UNSORTED = -1  # a sort column meaning "in the order given"


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
        if self.sort_column == UNSORTED:
            self._order = list(range(len(self._keys)))
            return
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


class ItemTableModel(KeyedTableModel, Generic[T]):
    """One item per row, in the order given until a column is sorted. Subclasses say ``headers()``
    and ``texts(item)`` (display and tooltip, one per column), and may add ``decoration``."""

    default_sort = (UNSORTED, Qt.SortOrder.AscendingOrder)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[T] = []

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def texts(self, item: T) -> Sequence[str]:
        raise NotImplementedError

    def decoration(self, item: T, column: int) -> Any:
        return None

    def set_items(self, items: Iterable[T]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._keys = [[text.casefold() for text in self.texts(item)] for item in self._items]
        self._reset_order()
        self.endResetModel()

    def items(self) -> list[T]:
        """In the order given (not the order shown)."""
        return list(self._items)

    def item(self, row: int) -> T:
        """The item shown at ``row``."""
        return self._items[self._order[row]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        headers = self.headers()
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(headers):
            return headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self.item(index.row())
        if role == ITEM_ROLE:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.texts(item)[index.column()]
        if role == Qt.ItemDataRole.DecorationRole:
            return self.decoration(item, index.column())
        return None


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
