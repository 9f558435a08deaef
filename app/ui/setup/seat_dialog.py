"""Who sits on one panel on one day, chosen by hand: a list of the round's assessors to tick.

The generator seats the panels; a coordinator may still swap someone (an assessor falls ill, a
minister's adviser can only come on Tuesday). The schedule page saves the new seating for every
slot of that panel and day, and the checker names what it breaks (a conflict, a double booking,
a panel short of assessors) on the slots.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.regions import provinces
from app.rounds.setup import AssessorInfo


class SeatDialog(QDialog):
    def __init__(self, title: str, assessors: Sequence[AssessorInfo], seated: Sequence[str], size: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Seat assessors"))
        self.resize(460, 480)
        heading = QLabel(self.tr("Who sits on %1? The panel has %2 seat(s).").replace("%1", title)
                         .replace("%2", str(size)), self)
        heading.setWordWrap(True)
        self.people = QListWidget(self)
        self.people.setAccessibleName(self.tr("Assessors of the round"))
        names = provinces()
        for info in assessors:
            where = names.get(info.province_code or "", "")
            item = QListWidgetItem(f"{info.name} · {where}" if where else info.name)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if info.id in seated else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        hint = QLabel(self.tr("Space ticks or unticks the assessor under the cursor."), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.people, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[str, ...]:
        items = (self.people.item(row) for row in range(self.people.count()))
        return tuple(sorted(item.data(Qt.ItemDataRole.UserRole) for item in items
                            if item is not None and item.checkState() == Qt.CheckState.Checked))

    def tick(self, assessor_ids: Sequence[str]) -> None:
        """Seat exactly these (for tests and scripted use)."""
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item is not None:
                checked = item.data(Qt.ItemDataRole.UserRole) in assessor_ids
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
