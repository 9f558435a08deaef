"""The live summary: weighted total, dimension subscores with progress, and the radar chart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from app.base.numbers import format_weight
from app.models.domain import Instrument, Summary
from app.ui.charts.summary_radar import RadarChart
from app.ui.i18n import current_language, score_text


class SummaryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._instrument_hash = ""
        self._rows: dict[str, tuple[QLabel, QLabel, QProgressBar]] = {}
        caption = QLabel(self.tr("Weighted total (0–100)"), self)
        caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.total = QLabel("–", self)
        font = self.total.font()
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        self.total.setFont(font)
        self.scored = QLabel(self)
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)
        self.chart = RadarChart(self)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        self.grid.setHorizontalSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(caption)
        layout.addWidget(self.total)
        layout.addWidget(self.scored)
        layout.addWidget(self.missing)
        layout.addWidget(self.chart, 1)
        layout.addLayout(self.grid)

    def set_summary(self, instrument: Instrument, summary: Summary, lang: str) -> None:
        if instrument.content_hash != self._instrument_hash:
            self._build_rows(instrument, lang)
        self.total.setText(score_text(summary.total))
        self.total.setToolTip(self.tr("Weighted mean of the dimension subscores; indicators not scored yet "
                                      "or not applicable are left out."))
        self.scored.setText(self.tr("%1 of %2 indicators scored").replace("%1", str(summary.scored))
                            .replace("%2", str(summary.total_indicators)))
        missing = len(summary.missing_required)
        self.missing.setText(self.tr("%n required indicator(s) still without a level", "", missing)
                             if missing else self.tr("Every required indicator has a level."))
        axes = []
        for dim_summary in summary.dimensions:
            name, score, bar = self._rows[dim_summary.code]
            score.setText(score_text(dim_summary.score))
            bar.setRange(0, max(1, dim_summary.total))
            bar.setValue(dim_summary.scored)
            bar.setFormat(f"{dim_summary.scored}/{dim_summary.total}")
            axes.append((dim_summary.code, dim_summary.score))
        self.chart.set_values(axes)

    def _build_rows(self, instrument: Instrument, lang: str) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self._rows.clear()
        for row, dimension in enumerate(instrument.dimensions):
            name = QLabel(f"{dimension.code} · {dimension.title.get(lang)}", self)
            name.setWordWrap(True)
            name.setToolTip(self.tr("Weight %1% of the total").replace("%1", format_weight(dimension.weight, current_language())))
            score = QLabel("–", self)
            score.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            score.setMinimumWidth(score.fontMetrics().horizontalAdvance("100.0") + 4)
            bar = QProgressBar(self)
            bar.setMaximumWidth(90)
            bar.setMaximumHeight(score.fontMetrics().height() + 4)
            bar.setToolTip(self.tr("Indicators scored in this dimension"))
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(score, row, 1)
            self.grid.addWidget(bar, row, 2)
            self._rows[dimension.code] = (name, score, bar)
        self._instrument_hash = instrument.content_hash
