"""The ranking tab: rule selector, agreement figures, the ranking table with cut-off lines, exports."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.consolidation import AggregationRule, AlphaFigure, Consolidation
from app.ui.charts.palette import cut_colour
from app.ui.coordinator.exports import ExportController
from app.ui.coordinator.ranking_model import REGION, REGION_CODE_ROLE, RankingFilterProxy, RankingModel
from app.ui.coordinator.ranking_view import RankingTableView
from app.ui.coordinator.rule_names import RULES, rule_name
from app.ui.coordinator.rule_panel import OfficialRulePanel
from app.ui.coordinator.session import CoordinatorSession
from app.ui.coordinator.side_by_side import shortlist_changes


def alpha_text(locale: QLocale, value: float | None) -> str:
    return "–" if value is None else locale.toString(value, "f", 2)


def figures_text(locale: QLocale, figure: AlphaFigure) -> str:
    """α / AC1 / AC2: AC1 and AC2 stay meaningful where α collapses (nearly every region at one level)."""
    return " / ".join(alpha_text(locale, value) for value in (figure.alpha, figure.ac1, figure.ac2))


class RankingTab(QWidget):
    region_activated = Signal(str)  # region code (double-click / Enter)

    def __init__(self, session: CoordinatorSession, exports: ExportController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.exports = session, exports
        self.rule = QComboBox(self)
        self.rule.setAccessibleName(self.tr("Aggregation rule"))
        for rule in RULES:
            self.rule.addItem(rule_name(rule), rule.value)
        self.rule.setToolTip(self.tr("How the assessors' levels of one indicator are combined; the ranking is "
                                     "recomputed in the background"))
        self.rule.activated.connect(lambda _i: self.session.set_rule(self.rule.currentData()))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by region, code or province"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filter the ranking"))
        self.busy = QLabel(self.tr("Recomputing…"), self)
        self.busy.hide()
        self.csv_button = QPushButton(self.tr("CSV…"), self)
        self.xlsx_button = QPushButton(self.tr("XLSX…"), self)
        self.pdf_button = QPushButton(self.tr("PDF report…"), self)
        self.sign = QCheckBox(self.tr("Sign the PDF"), self)
        self.sign.setToolTip(self.tr("Sign the report with this data directory's key (asks the passphrase)"))
        for button, tip in ((self.csv_button, self.tr("The ranking, and every level behind it in a second CSV")),
                            (self.xlsx_button, self.tr("Ranking, Scores and Method sheets")),
                            (self.pdf_button, self.tr("The ranking report: method, agreement, charts, table"))):
            button.setToolTip(tip)
        self.csv_button.clicked.connect(lambda: self.exports.export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.exports.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.exports.export("pdf", sign=self.sign.isChecked()))

        top = QHBoxLayout()
        rule_label = QLabel(self.tr("&Rule:"), self)
        rule_label.setBuddy(self.rule)
        top.addWidget(rule_label)
        top.addWidget(self.rule)
        top.addWidget(self.search, 1)
        top.addWidget(self.busy)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Export:"), self))
        for widget in (self.csv_button, self.xlsx_button, self.pdf_button, self.sign):
            top.addWidget(widget)

        self.official = OfficialRulePanel(session, self)
        self.agreement = QLabel(self)
        self.agreement.setWordWrap(True)
        self.agreement.setTextFormat(Qt.TextFormat.RichText)
        self.agreement.setAccessibleName(self.tr("Agreement between assessors"))
        self.cuts = QLabel(self)
        self.cuts.setWordWrap(True)
        self.cuts.setTextFormat(Qt.TextFormat.RichText)

        self.model = RankingModel(self)
        self.proxy = RankingFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_text)
        self.table = RankingTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sorted)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        self.table.setAccessibleName(self.tr("Ranking"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.official)
        layout.addWidget(self.agreement)
        layout.addWidget(self.cuts)
        layout.addWidget(self.table, 1)
        session.consolidated.connect(self.show_consolidation)
        session.computing.connect(self.busy.setVisible)

    def _sorted(self, _section: int, _order: Qt.SortOrder) -> None:
        self.table.cuts_shown = self.proxy.sorted_by_rank()
        self.table.viewport().update()

    def _activated(self, index: QModelIndex) -> None:
        code = index.data(REGION_CODE_ROLE)
        if code:
            self.region_activated.emit(code)

    def selected_region(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(REGION_CODE_ROLE) if rows else None

    def show_consolidation(self, c: Consolidation) -> None:
        view = self.session.view
        refused = view is not None and view.refused
        selected = self.selected_region()
        # a refused rule has no ranking (not another rule's); an adjusted one shows the raw mean's rank beside
        self.model.set_consolidation(None if refused else c, view.raw_places if view is not None else None)
        self.table.sizes = c.shortlist_sizes
        self.table.cuts_shown = self.proxy.sorted_by_rank()
        index = self.rule.findData(view.requested.value if view is not None else c.rule.value)
        if index >= 0:
            self.rule.setCurrentIndex(index)
        adjusted = self.rule.findData(AggregationRule.ADJUSTED.value)
        self.rule.setItemData(adjusted, (self.tr("Refused for this round: its panels are not linked")
                                         if view is not None and view.refusal else
                                         self.tr("Each assessor's levels corrected for their severity, estimated "
                                                 "from the regions assessors scored in common")),
                              Qt.ItemDataRole.ToolTipRole)
        if view is not None:
            self.official.show_view(view)
        self._fit_columns()
        self.agreement.setText(self._agreement_html(c))
        self.cuts.setText("" if refused else self._cuts_html(c))
        for button in (self.csv_button, self.xlsx_button, self.pdf_button):
            button.setEnabled(not refused)
        if selected:
            self.select_region(selected)

    def select_region(self, code: str) -> bool:
        row = self.model.row_of(code)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        for column in range(self.model.columnCount()):
            widest = metrics.horizontalAdvance(str(self.model.headerData(column, Qt.Orientation.Horizontal))) + 20
            for row in range(min(self.model.rowCount(), 300)):  # enough rows to see the longest names
                text = self.model.index(row, column).data()
                if text:
                    widest = max(widest, metrics.horizontalAdvance(text) + 12)
            header.resizeSection(column, min(widest, 240))
        header.setStretchLastSection(False)
        header.setSectionResizeMode(REGION, QHeaderView.ResizeMode.Stretch)  # takes the room left, no scrolling

    def _agreement_html(self, c: Consolidation) -> str:
        locale = QLocale()
        a = c.agreement
        dims = " · ".join(f"{d.code} {figures_text(locale, d)}" for d in a.dimensions)
        icc = alpha_text(locale, a.icc.value)
        text = (self.tr("<b>Agreement</b> — Krippendorff's α (ordinal) / Gwet's AC1 / AC2: round <b>%1</b>; by "
                        "dimension: %2 · ICC(1,1) of the assessors' totals: <b>%3</b> · %4 indicator(s) with a "
                        "spread of 2 levels or more, in %5 region(s) · rule: %6")
                .replace("%1", figures_text(locale, a.round)).replace("%2", dims).replace("%3", icc)
                .replace("%4", locale.toString(a.flagged_cells)).replace("%5", locale.toString(a.flagged_regions))
                .replace("%6", rule_name(self.session.view.requested if self.session.view else c.rule)))
        return text

    def _cuts_html(self, c: Consolidation) -> str:
        parts = []
        for i, cut in enumerate(c.cuts):
            colour = cut_colour(i).name()
            line = f"<span style='color:{colour}; font-weight:bold'>━━</span> "
            if cut.straddled:
                text = (self.tr("Top %1: %2 certain; a tie of %3 regions (%4) straddles the cut-off for %5 "
                                "place(s) — for the coordinator to decide")
                        .replace("%1", str(cut.size)).replace("%2", str(len(cut.selected)))
                        .replace("%3", str(len(cut.tied))).replace("%4", ", ".join(cut.tied))
                        .replace("%5", str(cut.open_places)))
                parts.append(f"{line}<span style='color:#d64541'>{text}</span>")
            else:
                parts.append(line + self.tr("Top %1: %2 regions").replace("%1", str(cut.size))
                             .replace("%2", str(len(cut.selected))))
        ranked = sum(1 for r in c.ranking if r.rank is not None)
        parts.append(self.tr("%1 of %2 regions ranked").replace("%1", str(ranked)).replace("%2", str(len(c.ranking))))
        moved = self._moved_html(c)
        return " &nbsp; ".join(parts) + (f"<br>{moved}" if moved else "")

    def _moved_html(self, c: Consolidation) -> str:
        """Under the adjusted rule: how many regions the adjustment brings onto and takes off each shortlist."""
        if c.rule is not AggregationRule.ADJUSTED:
            return ""
        changes = changes_text(self.session.view)
        return self.tr("<b>The adjustment against the raw mean</b> — %1 (⇅ in <i>Rank by mean</i>; open a region "
                       "for why)").replace("%1", changes) if changes else ""


def changes_text(view) -> str:
    """"top 75: 3 in, 3 out · top 50: 2 in, 2 out" (in the language shown)."""
    return " · ".join(QCoreApplication.translate("RankingTab", "top %1: %2 in, %3 out").replace("%1", str(size))
                      .replace("%2", str(moved_in)).replace("%3", str(moved_out))
                      for size, moved_in, moved_out in shortlist_changes(view))
