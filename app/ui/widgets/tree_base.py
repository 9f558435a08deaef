"""A read-only tree of nodes: the Qt index, parent and row bookkeeping behind the schedule (rounds →
days → panels → slots) and the interview outline (dimensions → indicators), written once.

Subclasses build the tree under ``self._root`` (inside ``beginResetModel``/``endResetModel``) and say
what the columns are called (``column_count``, ``headers``) and what a node shows (``node_data``). Every index points
at its :class:`Node`; the tree keeps the nodes alive.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

AnyIndex = QModelIndex | QPersistentModelIndex
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)
NodeT = TypeVar("NodeT", bound="Node")


@dataclass(eq=False)
class Node:
    kind: str
    parent: Node | None = None
    item: Any = None  # what the row stands for (a dimension, an indicator, ...)
    children: list[Node] = field(default_factory=list)
    row: int = 0

    def add(self, child: NodeT) -> NodeT:
        child.parent, child.row = self, len(self.children)
        self.children.append(child)
        return child


def bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class TreeModel(QAbstractItemModel):
    column_count = 1  # fixed per model: asked on every index(), so not from the translated headers

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = Node("root")

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def node_data(self, node: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    def node(self, index: AnyIndex) -> Any:
        return index.internalPointer() if index.isValid() else self._root

    def index_of(self, node: Node | None, column: int = 0) -> QModelIndex:
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def emit_row_changed(self, node: Node) -> None:
        """Every column of the node's row changed."""
        self.dataChanged.emit(self.index_of(node), self.index_of(node, self.columnCount() - 1))

    # -- QAbstractItemModel ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self.node(parent).children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        return self.index_of(self.node(index).parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return self.column_count

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        headers = self.headers()
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.node_data(self.node(index), index.column(), role)
