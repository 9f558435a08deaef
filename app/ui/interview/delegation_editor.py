"""Who came for the region: names and roles of the delegation, edited as a small table."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.domain import DelegateInfo

COL_NAME, COL_ROLE = range(2)


class DelegationDialog(QDialog):
    def __init__(self, region_name: str, delegates: tuple[DelegateInfo, ...] | list[DelegateInfo],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delegation of %1").replace("%1", region_name))
        self.resize(560, 320)
        intro = QLabel(self.tr("Names and roles of the people representing the region in this interview "
                               "(for example the regent or mayor, the head of the communications office)."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        for delegate in delegates:
            self.add_row(delegate.name, delegate.role)
        if not delegates:
            self.add_row()
        add = QPushButton(self.tr("Add person"), self)
        add.setToolTip(self.tr("Add a row for another member of the delegation"))
        add.clicked.connect(lambda: self.add_row(edit=True))
        remove = QPushButton(self.tr("Remove person"), self)
        remove.clicked.connect(self.remove_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
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
        if edit:
            self.table.setCurrentCell(row, COL_NAME)
            self.table.editItem(name_item)

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

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
