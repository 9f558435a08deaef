"""Your calibration, for the indicator in view: where the assessor sat on the round's calibration case
against the group's median on this one indicator, with the rubric's words for both levels, so the
rubric can be looked at again in the middle of an interview (Interview ▸ Your calibration…, Ctrl+K).

The feedback is what the coordinator's round package carried (the group's medians; the assessor's own
levels are in their store): :func:`app.bundles.package_calibration.calibration_feedback`. *All
indicators…* opens the whole comparison, the dialog the schedule offers.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.bundles.package_calibration import CaseFeedback, FeedbackLine, calibration_feedback
from app.models.domain import AssessmentSnapshot, Indicator
from app.store import Store
from app.ui.schedule.calibration_feedback import CalibrationFeedbackDialog, RoundFeedback

CASE, MINE, MEDIAN, WHERE = range(4)


def feedback_of(store: Store, snap: AssessmentSnapshot) -> RoundFeedback | None:
    """The calibration feedback of the assessment's round for its assessor; None when the package carried none."""
    cases = calibration_feedback(store, snap.round_id, snap.assessor.id)
    if not cases:
        return None
    return RoundFeedback(snap.round_name, tuple(cases),
                         {i.code: (i.title.id, i.title.en) for i in snap.instrument.indicators()})


def level_text(value: float | None) -> str:
    if value is None:
        return "–"
    locale = QLocale()
    return locale.toString(int(value)) if float(value).is_integer() else locale.toString(float(value), "f", 1)


class IndicatorCalibrationDialog(QDialog):
    def __init__(self, feedback: RoundFeedback, indicator: Indicator, lang: str, parent: QWidget | None = None,
                 run_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()) -> None:
        super().__init__(parent)
        self.feedback, self.lang, self.run_dialog = feedback, lang, run_dialog
        title = indicator.title.get(lang)
        self.setWindowTitle(self.tr("Your calibration — %1").replace("%1", f"{indicator.code} {title}"))
        self.intro = QLabel(self.tr(
            "<b>%1 %2</b>: your level on the calibration case that every assessor scored before the real "
            "interviews, beside the group's median. A level far from the median is worth a second look at the "
            "rubric; it is not a mark against you.").replace("%1", html.escape(indicator.code)).replace("%2", html.escape(title)),
            self)
        self.intro.setTextFormat(Qt.TextFormat.RichText)
        self.intro.setWordWrap(True)
        self.lines = [(case, line) for case in feedback.cases for line in case.lines
                      if line.indicator_code == indicator.code]
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Calibration case"), self.tr("Your level"),
                                              self.tr("Group median"), self.tr("Where you sat")])
        self.table.setAccessibleName(self.tr("Your level on this indicator beside the group median"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        for case, line in self.lines:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in ((CASE, self._case(case)), (MINE, level_text(line.my_level)),
                                 (MEDIAN, level_text(line.median)), (WHERE, self.where(line))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CASE, QHeaderView.ResizeMode.Stretch)
        self.table.setFixedHeight(self.table.horizontalHeader().height() + 8
                                  + self.table.verticalHeader().defaultSectionSize() * max(1, len(self.lines)))
        self.rubric = QLabel(self._rubric_html(indicator), self)
        self.rubric.setTextFormat(Qt.TextFormat.RichText)
        self.rubric.setWordWrap(True)
        self.rubric.setAccessibleName(self.tr("The rubric's words for your level and the group's"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.all_button = QPushButton(self.tr("&All indicators…"), self)
        self.all_button.setToolTip(self.tr("Your levels on every indicator of the calibration case"))
        buttons.addButton(self.all_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.all_button.clicked.connect(self.show_all)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(self.rubric)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def _case(self, case: CaseFeedback) -> str:
        return self.tr("%1 %2 (%3 assessors)").replace("%1", case.code).replace("%2", case.name).replace(
            "%3", QLocale().toString(case.assessors))

    def where(self, line: FeedbackLine) -> str:
        if line.my_level is None:
            return self.tr("you gave no level")
        if line.median is None:
            return self.tr("no group median")
        difference = line.my_level - line.median
        if difference == 0:
            return self.tr("the same as the group")
        words = self.tr("higher than the group by %1") if difference > 0 else self.tr("lower than the group by %1")
        return words.replace("%1", level_text(abs(difference)))

    def _rubric_html(self, indicator: Indicator) -> str:
        """The rubric's label and descriptor of the levels in question: the assessor's and the median's."""
        wanted: dict[int, list[str]] = {}
        for _case, line in self.lines:
            if line.my_level is not None:
                wanted.setdefault(int(line.my_level), []).append(self.tr("yours"))
            if line.median is not None:
                for level in {int(line.median // 1), int(-(-line.median // 1))}:  # a half median: both neighbours
                    wanted.setdefault(level, []).append(self.tr("group"))
        if not wanted:
            return self.tr("No level on this indicator yet, neither yours nor the group's.")
        parts = []
        for rubric in indicator.levels:
            if rubric.level in wanted:
                who = ", ".join(dict.fromkeys(wanted[rubric.level]))
                parts.append(f"<p><b>{rubric.level} · {html.escape(rubric.label.get(self.lang))}</b> ({who}): "
                             f"{html.escape(rubric.descriptor.get(self.lang))}</p>")
        return "".join(parts)

    def show_all(self) -> None:
        self.run_dialog(CalibrationFeedbackDialog(self.feedback, self.lang, self))
