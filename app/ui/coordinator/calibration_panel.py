"""The calibration section of the severity tab: per assessor and calibration case, where they sat
against the median of all assessors (who sits high, who sits low, on which indicators)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.consolidation.calibration import APART, CalibrationView, calibration_view
from app.consolidation.data import RoundData
from app.ui.coordinator.severity_model import signed

SHOWN = 6  # indicator codes named per cell before "+N"


def _codes(codes: tuple[str, ...]) -> str:
    return ", ".join(codes[:SHOWN]) + (f" +{len(codes) - SHOWN}" if len(codes) > SHOWN else "")


class CalibrationPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Calibration case"), self.tr("Assessor"),
                                              self.tr("Against the median"), self.tr("Sits high on"),
                                              self.tr("Sits low on")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move within it
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(self.tr("Calibration: each assessor against the median"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        self.view: CalibrationView | None = None

    def show_data(self, data: RoundData) -> None:
        self.view = view = calibration_view(data)
        locale = QLocale()
        if not view.cases:
            self.title.setText(self.tr("<b>Calibration</b> — this round has no calibration case (add one in "
                                       "<i>Round setup ▸ Candidates</i>, or with <i>nilai round calibration add</i>)."))
            self.table.hide()
            return
        self.title.setText(self.tr("<b>Calibration</b> — each assessor's levels on the calibration case(s) against "
                                   "the median of all assessors: + sits high (lenient), − sits low (strict); an "
                                   "indicator is named when the assessor sat at least %1 level(s) from the median.")
                           .replace("%1", locale.toString(APART, "f", 0)))
        self.table.show()
        self.table.setRowCount(len(view.assessors))
        for row, item in enumerate(view.assessors):
            mean = item.mean_difference
            cells = (item.case.name, item.assessor_name,
                     "–" if mean is None else signed(locale, mean, 2),
                     _codes(item.high), _codes(item.low))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
