"""Moderation controls for one indicator of one region: choose a level, give a reason; or clear it.

The reason is mandatory for both (the buttons stay off without one). The panel only asks; the
region detail tab passes the request to the session, which writes it on the task runner (logged in
the round's change log) and recomputes the ranking. The history below lists every set and clear
of the region's moderations.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.base.numbers import Kind, round_score
from app.consolidation.detail import IndicatorDetail, RegionDetail
from app.ui.coordinator.detail_model import REASON, ModerationHistoryModel


class ModerationPanel(QWidget):
    requested = Signal(str, object, str)  # indicator code, level (None: clear), reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator: IndicatorDetail | None = None
        self.title = QLabel(self.tr("Choose an indicator to moderate"), self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.current = QLabel(self)
        self.current.setWordWrap(True)
        self.coordinator = QLabel(self)  # who signs the change log: the coordinator, never an assessor's name
        self.coordinator.setWordWrap(True)
        self.coordinator.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.coordinator.hide()
        self.level = QComboBox(self)
        self.level.setAccessibleName(self.tr("Moderated level"))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why (required; kept in the change log)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.textChanged.connect(self._update_buttons)
        self.reason.returnPressed.connect(self.set_level)
        self.set_button = QPushButton(self.tr("&Set level"), self)
        self.set_button.clicked.connect(self.set_level)
        self.clear_button = QPushButton(self.tr("&Clear moderation"), self)
        self.clear_button.clicked.connect(self.clear_level)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #d64541;")
        self.problem.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Level:"), self.level)
        form.addRow(self.tr("&Reason:"), self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)

        self.history_model = ModerationHistoryModel(self)
        self.history = QTableView(self)
        self.history.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.history.setModel(self.history_model)
        self.history.verticalHeader().hide()
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setWordWrap(False)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)  # full text in its tooltip
        self.history.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.history.setAccessibleName(self.tr("Moderation history"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.current)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.coordinator)
        layout.addWidget(self.problem)
        history_label = QLabel(self.tr("History of this region's moderations"), self)
        layout.addWidget(history_label)
        layout.addWidget(self.history, 1)
        self.show_indicator(None)

    def set_coordinator(self, who: str) -> None:
        """Name the coordinator the moderations are logged under ("Name <NIP>", from their own identity)."""
        self.coordinator.setText(self.tr("Logged as the coordinator: %1").replace("%1", who))
        self.coordinator.setToolTip(self.tr("Moderations are yours as coordinator; the assessors' own levels "
                                            "stay as they scored them"))
        self.coordinator.setVisible(bool(who))

    def in_force(self) -> int | None:
        """The whole level that holds now: the moderated one, or the panel's combined level when it is whole."""
        indicator = self.indicator
        if indicator is None:
            return None
        if indicator.moderated is not None:
            return indicator.moderated
        used = indicator.used if indicator.used is not None else indicator.combined
        return int(used) if used is not None and float(used).is_integer() else None

    def show_detail(self, detail: RegionDetail | None) -> None:
        self.history_model.set_events(detail.history if detail else ())

    def show_indicator(self, indicator: IndicatorDetail | None) -> None:
        same = indicator is not None and self.indicator is not None and indicator.code == self.indicator.code
        self.indicator = indicator
        self.problem.hide()
        if not same:
            self.reason.clear()
        self.level.clear()
        if indicator is None:
            self.title.setText(self.tr("Choose an indicator to moderate"))
            self.current.clear()
        else:
            self.title.setText(self.tr("Moderate %1").replace("%1", f"{indicator.code} {indicator.title}"))
            labels = dict(indicator.level_labels)
            for level in range(indicator.min_level, indicator.max_level + 1):
                self.level.addItem(f"{level} — {labels[level]}" if labels.get(level) else str(level), level)
            start = indicator.moderated if indicator.moderated is not None else (
                int(round_score(indicator.combined, Kind.WHOLE)) if indicator.combined is not None else indicator.min_level)
            self.level.setCurrentIndex(max(0, self.level.findData(start)))
            if indicator.moderated is not None:
                self.current.setText(self.tr("Moderated to %1: %2").replace("%1", str(indicator.moderated))
                                     .replace("%2", indicator.moderation_reason))
            else:
                self.current.setText(self.tr("Not moderated: the panel's combined level is in force."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_reason = bool(self.reason.text().strip())
        on = self.indicator is not None
        self.level.setEnabled(on)
        self.reason.setEnabled(on)
        self.set_button.setEnabled(on and has_reason)
        self.clear_button.setEnabled(on and has_reason and self.indicator is not None
                                     and self.indicator.moderated is not None)

    def _reason(self) -> str | None:
        reason = self.reason.text().strip()
        if not reason:
            self.problem.setText(self.tr("Give a reason: it is kept in the change log with your name."))
            self.problem.show()
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return reason

    def set_level(self) -> None:
        if self.indicator is None:
            return
        level = int(self.level.currentData())
        if level == self.in_force():
            # a no-op would still be logged as a moderation ("– → 4"): say so and change nothing
            text = (self.tr("Level %1 is already moderated here: choose another level, or clear the moderation.")
                    if self.indicator.moderated is not None else
                    self.tr("Level %1 is already in force (the panel's combined level): choose another level."))
            self.problem.setText(text.replace("%1", str(level)))
            self.problem.show()
            self.level.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        reason = self._reason()
        if reason is None:
            return
        self.requested.emit(self.indicator.code, level, reason)

    def clear_level(self) -> None:
        reason = self._reason()
        if reason is None or self.indicator is None or self.indicator.moderated is None:
            return
        self.requested.emit(self.indicator.code, None, reason)

    def done(self) -> None:
        """The request went through: the reason field is ready for the next one."""
        self.reason.clear()
