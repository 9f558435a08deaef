"""Who came for the region: names and roles of the delegation, edited as a small table.

With a ``save`` function the table is saved as it is typed, like the note (see
:class:`ThrottledSaver`): a name typed into a cell reaches the store within ~300 ms, before the
cell is even left, and everything pending is saved when the dialog closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.domain import DelegateInfo
from app.ui.widgets.throttled_saver import ThrottledSaver

COL_NAME, COL_ROLE = range(2)


class _LiveCellDelegate(QStyledItemDelegate):
    """Hands every keystroke of a cell being edited to the table, not only the finished cell."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _text: self.commitData.emit(editor))
        return editor


class DelegationDialog(QDialog):
    def __init__(self, region_name: str, delegates: tuple[DelegateInfo, ...] | list[DelegateInfo],
                 parent: QWidget | None = None, save: Callable[[list[DelegateInfo]], object] | None = None) -> None:
        super().__init__(parent)
        self.saver = ThrottledSaver(self.delegates, save, parent=self) if save is not None else None
        self.setWindowTitle(self.tr("Delegation of %1").replace("%1", region_name))
        self.resize(560, 320)
        intro = QLabel(self.tr("Names and roles of the people representing the region in this interview "
                               "(for example the regent or mayor, the head of the communications office)."), self)
        if self.saver is not None:
            intro.setText(intro.text() + " " + self.tr("Saved as you type."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.setAccessibleName(self.tr("Delegation"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setItemDelegate(_LiveCellDelegate(self.table))
        for delegate in delegates:
            self.add_row(delegate.name, delegate.role)
        if not delegates:
            self.add_row()
        if self.saver is not None:
            self.saver.baseline(self.delegates())
            self.table.itemChanged.connect(lambda _item: self.saver.changed())
        add = QPushButton(self.tr("Add person"), self)
        add.setToolTip(self.tr("Add a row for another member of the delegation"))
        add.clicked.connect(lambda: self.add_row(edit=True))
        remove = QPushButton(self.tr("Remove person"), self)
        remove.clicked.connect(self.remove_current)
        if self.saver is None:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                       self)
        else:  # saved as typed: there is nothing to confirm or cancel
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def add_row(self, name: str = "", role: str = "", edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name_item = QTableWidgetItem(name)
        self.table.setItem(row, COL_NAME, name_item)
        self.table.setItem(row, COL_ROLE, QTableWidgetItem(role))
        if self.saver is not None:
            self.saver.changed()
        if edit:
            self.table.setCurrentCell(row, COL_NAME)
            self.table.editItem(name_item)

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            if self.saver is not None:
                self.saver.changed()

    def flush(self) -> None:
        """Save what is pending now (a cell being edited has handed over every keystroke already)."""
        if self.saver is not None:
            self.saver.flush()

    def done(self, result: int) -> None:
        self.flush()
        super().done(result)

    def delegates(self) -> list[DelegateInfo]:
        result = []
        for row in range(self.table.rowCount()):
            name, role = self._text(row, COL_NAME), self._text(row, COL_ROLE)
            if name or role:
                result.append(DelegateInfo(name, role))
        return result

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""
