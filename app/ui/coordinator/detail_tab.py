"""Region detail: each assessor's level per indicator side by side, their notes and evidence, the
panel's combined level and spread, and the moderation controls with the region's history."""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelection, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.base.numbers import Kind
from app.consolidation import Consolidation
from app.consolidation.detail import IndicatorDetail, RegionDetail, region_detail
from app.consolidation.ranking import NO, YES
from app.consolidation.severity.model import ERRATIC, HALO
from app.ui.coordinator.detail_model import INDICATOR, RegionDetailModel, level_text
from app.ui.coordinator.moderation_panel import ModerationPanel
from app.ui.coordinator.returns_panel import ReturnsPanel
from app.ui.coordinator.session import CoordinatorSession, error_text
from app.ui.coordinator.severity_model import signed
from app.ui.coordinator.side_by_side import SideBySide, shortlist_move, side_by_side
from app.ui.i18n import score_text


class RegionDetailTab(QWidget):
    loaded = Signal(str)  # region code whose detail is on screen

    def __init__(self, session: CoordinatorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.region_code: str | None = None
        self.detail: RegionDetail | None = None  # the region on screen
        self._generation = 0
        self.region = QComboBox(self)
        self.region.setEditable(True)
        self.region.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.region.setAccessibleName(self.tr("Region"))
        self.region.setMinimumContentsLength(36)
        completer = QCompleter(self.region.model(), self.region)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.region.setCompleter(completer)
        self.region.activated.connect(lambda i: self.show_region(self.region.itemData(i)))
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        top = QHBoxLayout()
        region_label = QLabel(self.tr("Re&gion:"), self)
        region_label.setBuddy(self.region)
        top.addWidget(region_label)
        top.addWidget(self.region)
        top.addWidget(self.heading, 1)

        self.model = RegionDetailModel(self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setAccessibleName(self.tr("Levels per indicator"))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.notes = QTextBrowser(self)
        self.notes.setOpenLinks(False)
        self.notes.setAccessibleName(self.tr("Notes and evidence"))
        self.moderation = ModerationPanel(self)
        self.moderation.requested.connect(self._moderate)
        self.moderation.set_coordinator(session.services.who())

        self.returns = ReturnsPanel(session, self)  # each assessor's assessment: return for revision

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.table)
        left.addWidget(self.notes)
        left.addWidget(self.returns)
        left.setStretchFactor(0, 2)
        left.setStretchFactor(1, 1)
        left.setStretchFactor(2, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.moderation)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.splitter = split
        session.consolidated.connect(self._consolidated)
        session.severity_ready.connect(self._severity_ready)

    # -- region choice --------------------------------------------------------------------------

    def _consolidated(self, c: Consolidation) -> None:
        current = self.region_code
        self.region.blockSignals(True)
        self.region.clear()
        locale = QLocale()
        for r in c.ranking:
            rank = "–" if r.rank is None else locale.toString(r.rank)
            self.region.addItem(f"{rank}. {r.region.name} ({r.region.code})", r.region.code)
        self.region.blockSignals(False)
        code = current or (c.ranking[0].region.code if c.ranking else None)
        if code:
            self.show_region(code)

    def show_region(self, code: str | None) -> None:
        """Load the region's detail (off the GUI thread) and show it."""
        c = self.session.consolidation
        if not code or c is None:
            return
        self.region_code = code
        index = self.region.findData(code)
        if index >= 0:
            self.region.setCurrentIndex(index)
        self._generation += 1
        generation = self._generation
        self.session.runner.run(region_detail, self.session.store, c, code, self.session.services.lang,
                                label=self.tr("Loading the region"),
                                on_done=lambda detail: self._loaded(generation, detail),
                                on_error=lambda exc: self.session.failed.emit(error_text(exc)))

    def _loaded(self, generation: int, detail: RegionDetail) -> None:
        if generation != self._generation:
            return
        self.detail = detail
        selected = self.current_indicator()
        beside = side_by_side(self.session.view, detail.region.code)
        self.model.set_detail(detail, beside)
        self.moderation.show_detail(detail)
        self.returns.show_region(detail.round_id, detail.region.code, detail.region.name)
        self.heading.setText(self._heading_html(detail) + self._severity_html(detail, beside))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(INDICATOR, QHeaderView.ResizeMode.Stretch)
        row = self.model.row_of(selected) if selected else -1
        self.table.selectRow(max(0, row))
        if row < 0:
            self._selection_changed()
        self.loaded.emit(detail.region.code)

    def _severity_ready(self) -> None:
        """The severities arrived after the region: show its adjusted levels beside."""
        if self.detail is not None and self.detail.region.code == self.region_code:
            self._loaded(self._generation, self.detail)

    def _heading_html(self, d: RegionDetail) -> str:
        locale = QLocale()
        rank = "–" if d.rank is None else locale.toString(d.rank)
        flagged = sum(1 for i in d.indicators if i.flagged)
        moderated = sum(1 for i in d.indicators if i.moderated is not None)
        return (self.tr("<b>%1</b> (%2), %3 · rank <b>%4</b> · panel score <b>%5</b> · %6 assessor(s) · "
                        "%7 flagged · %8 moderated")
                .replace("%1", html.escape(d.region.name)).replace("%2", d.region.code)
                .replace("%3", html.escape(d.region.province_name)).replace("%4", rank)
                .replace("%5", score_text(d.total, Kind.PANEL)).replace("%6", str(len(d.assessors)))
                .replace("%7", str(flagged)).replace("%8", str(moderated)))

    def _severity_html(self, d: RegionDetail, beside: SideBySide | None) -> str:
        """Raw and adjusted panel score side by side, and the panel's severities (± SE) with their fit."""
        if beside is None:
            view = self.session.view
            if view is not None and not view.fitted:
                return "<br>" + self.tr("Adjusted score: estimating the assessor severities…")
            return ("<br>" + self.tr("Adjusted score: none — the round's panels are not linked (see Assessor severity)")
                    if view is not None and view.refusal else "")
        view = self.session.view
        raw_panel, adjusted_panel = (view.raw.get(d.region.code), view.adjusted.get(d.region.code)) if view else (None, None)
        raw = raw_panel.total if raw_panel is not None else None
        adjusted = adjusted_panel.total if adjusted_panel is not None else None
        locale = QLocale()
        flags = {ERRATIC: self.tr("erratic"), HALO: self.tr("halo")}
        people = []
        for a in d.assessors:
            severity = beside.severity(a.id)
            if severity is None:
                continue
            flag = flags.get(severity.flag, self.tr("fits"))
            people.append(f"{html.escape(a.name)} {signed(locale, severity.severity, 1)} ± "
                          f"{locale.toString(severity.se, 'f', 1)} ({'⚠ ' if severity.flag else ''}{flag})")
        return ("<br>" + self.tr("Raw mean <b>%1</b> · adjusted for assessor severity <b>%2</b> · the panel's "
                                 "severities (points ± SE; + stricter): %3")
                .replace("%1", score_text(raw, Kind.PANEL)).replace("%2", score_text(adjusted, Kind.PANEL))
                .replace("%3", " · ".join(people)) + self._why_html(d, beside))

    def _why_html(self, d: RegionDetail, beside: SideBySide) -> str:
        """Where the raw mean and the adjustment place the region, the cut-offs crossed, and why: the panel's severity."""
        move = shortlist_move(self.session.view, d.region.code)
        if move is None:
            return ""
        locale = QLocale()
        text = (self.tr("By the raw mean rank <b>%1</b>, adjusted rank <b>%2</b>").replace("%1", str(move.raw.rank))
                .replace("%2", str(move.adjusted.rank)))
        for size, before, after in move.crossed:
            words = (self.tr("the adjustment puts it on the top %1") if after == YES else
                     self.tr("the adjustment takes it off the top %1") if before == YES and after == NO else
                     self.tr("the adjustment brings it to a tie at the top %1") if after != NO else
                     self.tr("the adjustment takes it out of a tie at the top %1"))
            text += " — <b>" + words.replace("%1", locale.toString(size)) + "</b>"
        severities = [s.severity for a in d.assessors if (s := beside.severity(a.id)) is not None]
        panel = sum(severities) / len(severities) if severities else 0.0
        if abs(panel) < 0.05:
            why = self.tr("its panel scores about as strictly as the round's average assessor")
        elif panel < 0:
            why = self.tr("its panel scores more leniently than the round's average assessor (%1 points on average), "
                          "so the adjustment lowers its levels").replace("%1", signed(locale, panel, 1))
        else:
            why = self.tr("its panel scores more strictly than the round's average assessor (%1 points on average), "
                          "so the adjustment raises its levels").replace("%1", signed(locale, panel, 1))
        return "<br>" + text + ". " + self.tr("Why: %1.").replace("%1", why)

    # -- indicator ------------------------------------------------------------------------------

    def current_indicator(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.indicator(rows[0].row()).code if rows else None

    def select_indicator(self, code: str) -> bool:
        row = self.model.row_of(code)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _selection_changed(self, *_args: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        indicator = self.model.indicator(rows[0].row()) if rows else None
        self.moderation.show_indicator(indicator)
        self.notes.setHtml(self._notes_html(indicator) if indicator else "")

    def _notes_html(self, indicator: IndicatorDetail) -> str:
        detail = self.model.detail()
        if detail is None:
            return ""
        head = "".join(f"<th align='left'>{html.escape(a.name)}</th>" for a in detail.assessors)
        cells = []
        no_note, no_evidence, level_word = self.tr("no note"), self.tr("no evidence"), self.tr("Level")
        for cell in indicator.levels:
            level = self.tr("not applicable") if cell.not_applicable else level_text(cell.level)
            note = html.escape(cell.note).replace("\n", "<br>") if cell.note.strip() else f"<i>{no_note}</i>"
            evidence = "<br>".join("⧉ " + html.escape(name) for name in cell.evidence) or f"<i>{no_evidence}</i>"
            cells.append(f"<td valign='top' width='{100 // max(1, len(detail.assessors))}%'>"
                         f"<b>{level_word} {level}</b><br>{note}<br><small>{evidence}</small></td>")
        return (f"<p><b>{html.escape(indicator.code)}</b> {html.escape(indicator.title)}</p>"
                f"<table width='100%' cellspacing='0' cellpadding='4'><tr>{head}</tr><tr>{''.join(cells)}</tr></table>")

    def _moderate(self, indicator_code: str, level: object, reason: str) -> None:
        if self.region_code is None:
            return
        self.session.moderate(self.region_code, indicator_code, level if isinstance(level, int) else None, reason,
                              on_done=lambda _changed: self.moderation.done())
