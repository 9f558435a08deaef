"""The charts tab: the ranking bars with cut-offs, one region's radar against the round median, and
the distribution of panel scores."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.consolidation import Consolidation
from app.ui.charts.histogram import ScoreHistogram
from app.ui.charts.radar import RegionRadarChart
from app.ui.charts.ranking import RankingBarChart
from app.ui.coordinator.session import CoordinatorSession


class ChartsTab(QWidget):
    def __init__(self, session: CoordinatorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.region = QComboBox(self)
        self.region.setAccessibleName(self.tr("Region on the radar"))
        self.region.setMinimumContentsLength(30)
        self.region.currentIndexChanged.connect(lambda _i: self.show_region(self.region.currentData()))
        top = QHBoxLayout()
        label = QLabel(self.tr("Re&gion:"), self)
        label.setBuddy(self.region)
        top.addWidget(label)
        top.addWidget(self.region)
        top.addStretch(1)
        self.bars = RankingBarChart(self)
        self.radar = RegionRadarChart(self)
        self.histogram = ScoreHistogram(self)
        grid = QGridLayout()
        grid.addWidget(self.bars, 0, 0, 1, 2)
        grid.addWidget(self.radar, 1, 0)
        grid.addWidget(self.histogram, 1, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        session.consolidated.connect(self.show_consolidation)

    def show_consolidation(self, c: Consolidation) -> None:
        current = self.region.currentData()
        view = self.session.view
        shown = None if view is not None and view.refused else c  # a refused rule has no ranking to chart
        self.bars.set_consolidation(shown)
        self.histogram.set_consolidation(shown)
        self.region.blockSignals(True)
        self.region.clear()
        for r in c.ranking:
            if r.total is not None:
                self.region.addItem(f"{r.rank}. {r.region.name} ({r.region.code})", r.region.code)
        self.region.blockSignals(False)
        index = self.region.findData(current) if current else 0
        self.region.setCurrentIndex(max(0, index))
        self.show_region(self.region.currentData())

    def show_region(self, code: str | None) -> None:
        c = self.session.consolidation
        if code is not None and self.region.currentData() != code:
            index = self.region.findData(code)
            if index >= 0:
                self.region.blockSignals(True)
                self.region.setCurrentIndex(index)
                self.region.blockSignals(False)
        self.radar.set_region(c, code)
        self.bars.set_highlight(code)
        ranked = next((r for r in c.ranking if r.region.code == code), None) if c and code else None
        self.histogram.set_marker(ranked.total if ranked else None, ranked.region.name if ranked else "")
        self.radar.setToolTip("" if ranked is None else self.tr("Rank %1").replace("%1", str(ranked.rank)))
