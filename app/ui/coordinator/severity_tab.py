"""The assessor severity tab: how strict or lenient each assessor is, with its standard error and fit.

Shown whatever the rule, so the coordinator sees *why* the adjusted ranking differs from the mean's
before choosing it; when the round's panels are not linked, the refusal (which groups are islands)
instead of numbers that would mean nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.consolidation import Consolidation
from app.ui.coordinator.calibration_panel import CalibrationPanel
from app.ui.coordinator.ranking_tab import changes_text
from app.ui.coordinator.rule_panel import REFUSAL_STYLE, refusal_html
from app.ui.coordinator.session import CoordinatorSession
from app.ui.coordinator.severity_model import ASSESSOR, SEVERITY, SeverityModel, severity_rows


class SeverityTab(QWidget):
    def __init__(self, session: CoordinatorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName(self.tr("About the severities"))
        self.refusal = QLabel(self)
        self.refusal.setWordWrap(True)
        self.refusal.setTextFormat(Qt.TextFormat.RichText)
        self.refusal.setStyleSheet(REFUSAL_STYLE)
        self.refusal.setAccessibleName(self.tr("Why the severities cannot be estimated"))
        self.refusal.hide()
        self.model = SeverityModel(self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(SEVERITY, Qt.SortOrder.DescendingOrder)  # strictest first
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move within it
        self.table.setAccessibleName(self.tr("Assessor severities"))
        for label in (self.summary, self.refusal):  # as tall as their text, also while the table is hidden
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.refusal)
        layout.addWidget(self.table, 1)
        self.calibration = CalibrationPanel(self)
        layout.addWidget(self.calibration, 1)
        layout.addStretch(0)
        session.consolidated.connect(self.show_consolidation)
        session.severity_ready.connect(lambda: self.show_consolidation(None))

    def show_consolidation(self, _c: Consolidation | None) -> None:
        view = self.session.view
        if view is None:
            return
        self.calibration.show_data(view.consolidation.data)
        if not view.fitted:  # fitted when this tab opens (CoordinatorSession.want_severity)
            self.refusal.hide()
            self.table.hide()
            self.summary.setText(self.tr("<b>Assessor severity</b> — estimating…"))
            return
        fit = view.severity
        self.refusal.setVisible(fit is None)
        self.refusal.setText(refusal_html(view) if fit is None else "")
        self.table.setVisible(fit is not None)
        if fit is None:
            self.model.set_items([])
            self.summary.setText(self.tr("<b>Assessor severity</b> — cannot be estimated for this round."))
            return
        self.model.set_items(severity_rows(fit, view.consolidation.data))
        locale = QLocale()
        flagged = sum(1 for a in fit.assessors if a.flag)
        self.summary.setText(
            self.tr("<b>Assessor severity</b> — how much lower (+, stricter) or higher (−, more lenient) each "
                    "assessor scores than the average assessor on the same work, estimated from the regions "
                    "assessors scored in common (%1 levels, residual SD %2 points). The rule <i>adjusted for "
                    "assessor severity</i> adds each severity back to that assessor's levels. %3 of %4 "
                    "assessor(s) flagged.")
            .replace("%1", locale.toString(fit.observations)).replace("%2", locale.toString(fit.residual_sd, "f", 1))
            .replace("%3", locale.toString(flagged)).replace("%4", locale.toString(len(fit.assessors)))
            + self._changes_html())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ASSESSOR, QHeaderView.ResizeMode.Stretch)

    def _changes_html(self) -> str:
        changes = changes_text(self.session.view)
        return ("<br>" + self.tr("Ranked adjusted for these severities instead of by the raw mean: %1 (Ranking tab, "
                                 "rule <i>Adjusted for assessor severity</i>).").replace("%1", changes)) if changes else ""
