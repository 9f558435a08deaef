"""The coverage tab: who scored which region, with filters and a legend of the states."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.consolidation import Consolidation
from app.consolidation.coverage import STATE_ORDER
from app.ui.coordinator.coverage_model import (
    FIXED,
    REGION_CODE_ROLE,
    CoverageFilterProxy,
    CoverageModel,
    state_icon,
    state_text,
)
from app.ui.coordinator.session import CoordinatorSession


class CoverageTab(QWidget):
    region_activated = Signal(str)

    def __init__(self, session: CoordinatorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by region, code or province"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filter the coverage"))
        self.incomplete = QCheckBox(self.tr("I&ncomplete only"), self)
        self.incomplete.setToolTip(self.tr("Regions where a panel assessor is missing, still in draft, or in conflict"))
        self.summary = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.incomplete)
        top.addSpacing(12)
        top.addWidget(self.summary)

        legend = QHBoxLayout()
        legend.setSpacing(4)
        for state in STATE_ORDER:
            icon = QLabel(self)
            icon.setPixmap(state_icon(state).pixmap(QSize(16, 16)))
            legend.addWidget(icon)
            legend.addWidget(QLabel(state_text(state), self))
            legend.addSpacing(10)
        legend.addStretch(1)

        self.model = CoverageModel(self)
        self.proxy = CoverageFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_text)
        self.incomplete.toggled.connect(self.proxy.set_incomplete_only)
        self.incomplete.toggled.connect(lambda _on: self._update_summary())
        self.search.textChanged.connect(lambda _text: self._update_summary())
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        self.table.setAccessibleName(self.tr("Coverage"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(legend)
        layout.addWidget(self.table, 1)
        session.consolidated.connect(self.show_consolidation)

    def _activated(self, index: QModelIndex) -> None:
        code = index.data(REGION_CODE_ROLE)
        if code:
            self.region_activated.emit(code)

    def show_consolidation(self, c: Consolidation) -> None:
        self.model.set_consolidation(c)
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        for column in range(self.model.columnCount()):
            widest = metrics.horizontalAdvance(str(self.model.headerData(column, Qt.Orientation.Horizontal))) + 28
            cells = max((metrics.horizontalAdvance(self.model.index(row, column).data() or "") + 40
                         for row in range(min(self.model.rowCount(), 600))), default=0)
            if column >= FIXED:  # a long name is elided in the header (full name and NIP in its tooltip)
                widest = min(widest, 130)
            header.resizeSection(column, min(max(widest, cells), 280))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._update_summary()

    def _update_summary(self) -> None:
        total = self.model.rowCount()
        incomplete = sum(1 for row in range(total) if not self.model.complete(row))
        self.summary.setText(self.tr("%1 regions · %2 complete · %3 incomplete · %4 shown")
                             .replace("%1", str(total)).replace("%2", str(total - incomplete))
                             .replace("%3", str(incomplete)).replace("%4", str(self.proxy.rowCount())))
