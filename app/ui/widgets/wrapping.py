"""Tree rows whose text wraps to the column's width instead of being cut short.

``QTreeView.setWordWrap`` alone paints wrapped text but keeps one-line rows: the delegate's size
hint does not know the column's width. This delegate measures with it (less the indentation), and
the rows are laid out again when a column changes width.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree
        tree.setWordWrap(True)
        tree.setUniformRowHeights(False)
        tree.setItemDelegate(self)
        tree.header().sectionResized.connect(lambda *_: tree.doItemsLayout())

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = self.tree.header().sectionSize(index.column())
        if index.column() == self.tree.header().logicalIndex(0):
            depth, parent = (1 if self.tree.rootIsDecorated() else 0), index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= depth * self.tree.indentation()
        measured = QStyleOptionViewItem(option)
        measured.rect.setWidth(max(20, width))
        measured.rect.setHeight(max(1, measured.rect.height()))
        return super().sizeHint(measured, index)
