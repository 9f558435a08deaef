"""The region's assessments, one row per assessor, with "Return for revision…" and "Withdraw return".

Under the levels of the region detail: the version in force and its status, and the latest return
("returned to X on …: comment", answered by a newer version, or withdrawn). The actions are a
button and the row's context menu; the work runs on the task runner and the rows reload after.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.assessments.return_rows import RegionAssessment, region_assessments
from app.assessments.returns import ANSWERED, CANCELLED, OPEN, cancel_return, return_assessment
from app.ui.coordinator.return_dialog import ReturnDialog
from app.ui.coordinator.session import CoordinatorSession, error_text
from app.ui.widgets import status as st

ASSESSOR, VERSION, RETURN = range(3)
Index = QModelIndex | QPersistentModelIndex


def _day(moment: datetime | None) -> str:
    if moment is None:
        return ""
    local = moment.astimezone() if moment.tzinfo else moment
    return QLocale().toString(QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat)


class RegionAssessmentsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[RegionAssessment] = []

    def set_rows(self, rows: list[RegionAssessment]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return (self.tr("Assessor"), self.tr("Version in force"), self.tr("Return for revision"))[section]
        return None

    def return_text(self, row: RegionAssessment) -> str:
        back = row.latest_return
        if back is None:
            return ""
        name, when = back.assessor_name, _day(back.returned_at)
        if back.state == OPEN:
            return self.tr("returned to %1 on %2: %3").replace("%1", name).replace("%2", when).replace("%3", back.comment)
        if back.state == ANSWERED:
            return (self.tr("answered: revised version received (returned on %1: %2)").replace("%1", when)
                    .replace("%2", back.comment))
        if back.state == CANCELLED:
            return self.tr("return of %1 withdrawn on %2").replace("%1", when).replace("%2", _day(back.cancelled_at))
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == ASSESSOR:
                return f"{row.assessor_name} ({row.assessor_nip})" if row.assessor_nip else row.assessor_name
            if column == VERSION:
                text = self.tr("%1, version %2").replace("%1", st.status_text(row.status)).replace("%2", str(row.versions))
                return f"{text} · {_day(row.finalized_at)}" if row.finalized_at else text
            if column == RETURN:
                return self.return_text(row)
        if role == Qt.ItemDataRole.DecorationRole and column == RETURN and row.latest_return is not None \
                and row.latest_return.state == OPEN:
            return st.status_icon(st.RETURNED)
        return None


class ReturnsPanel(QWidget):
    def __init__(self, session: CoordinatorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.round_id: str | None = None
        self.region_code: str | None = None
        self.region_name = ""
        self.run_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.model = RegionAssessmentsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Assessments of the region"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ASSESSOR, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VERSION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RETURN, QHeaderView.ResizeMode.Stretch)
        self.return_action = QAction(self.tr("R&eturn for revision…"), self)
        self.return_action.triggered.connect(self.return_selected)
        self.withdraw_action = QAction(self.tr("&Withdraw the return"), self)
        self.withdraw_action.triggered.connect(self.withdraw_selected)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions([self.return_action, self.withdraw_action])
        self.return_button = QPushButton(self.return_action.text(), self)
        self.return_button.setToolTip(self.tr("Send the selected assessor's assessment back to them with a comment"))
        self.return_button.clicked.connect(self.return_action.trigger)
        self.withdraw_button = QPushButton(self.withdraw_action.text(), self)
        self.withdraw_button.clicked.connect(self.withdraw_action.trigger)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        title = QLabel(self.tr("Assessments:"), self)
        title.setBuddy(self.table)
        bar = QHBoxLayout()
        bar.addWidget(title, 1)
        bar.addWidget(self.return_button)
        bar.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._update_actions()

    def show_region(self, round_id: str, region_code: str, region_name: str) -> None:
        self.round_id, self.region_code, self.region_name = round_id, region_code, region_name
        self.reload()

    def reload(self) -> None:
        if self.round_id is None or self.region_code is None:
            return
        selected = self.selected()
        keep = selected.assessor_id if selected else None
        self.session.runner.run(region_assessments, self.session.store, self.round_id, self.region_code,
                                label=self.tr("Loading the region's assessments"),
                                on_done=lambda rows: self._loaded(rows, keep),
                                on_error=lambda exc: self.session.failed.emit(error_text(exc)))

    def _loaded(self, rows: list[RegionAssessment], keep: str | None) -> None:
        self.model.set_rows(rows)
        row = next((i for i, r in enumerate(rows) if r.assessor_id == keep), 0)
        if rows:
            self.table.selectRow(row)
        self._update_actions()

    def selected(self) -> RegionAssessment | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows and rows[0].row() < len(self.model.rows) else None

    def _update_actions(self) -> None:
        row = self.selected()
        is_open = row is not None and row.latest_return is not None and row.latest_return.state == OPEN
        returnable = row is not None and row.status in (st.FINAL, st.SIGNED) and not is_open
        for widget in (self.return_action, self.return_button):
            widget.setEnabled(returnable)
        for widget in (self.withdraw_action, self.withdraw_button):
            widget.setEnabled(is_open)

    def return_selected(self) -> None:
        row = self.selected()
        if row is None or self.round_id is None or self.region_code is None:
            return
        dialog = ReturnDialog(row.assessor_name, self.region_name, self)
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        name = row.assessor_name
        self.session.runner.run(return_assessment, self.session.store, self.round_id, self.region_code, row.assessor_id,
                                dialog.comment_text(), self.session.services.who(),
                                label=self.tr("Returning for revision"),
                                on_done=lambda _info: self._changed(self.tr("%1: returned to %2 for revision; they "
                                                                           "get it at their next sync")
                                                                   .replace("%1", self.region_name).replace("%2", name)),
                                on_error=lambda exc: self.session.failed.emit(error_text(exc)))

    def withdraw_selected(self) -> None:
        row = self.selected()
        if row is None or row.latest_return is None or row.latest_return.state != OPEN:
            return
        self.session.runner.run(cancel_return, self.session.store, row.latest_return.id, self.session.services.who(),
                                label=self.tr("Withdrawing the return"),
                                on_done=lambda _info: self._changed(self.tr("%1: return to %2 withdrawn")
                                                                   .replace("%1", self.region_name)
                                                                   .replace("%2", row.assessor_name)),
                                on_error=lambda exc: self.session.failed.emit(error_text(exc)))

    def _changed(self, text: str) -> None:
        self.session.message.emit(text)
        self.reload()
