"""Calibration feedback for the assessor: their own level on each indicator of the round's calibration
case beside the group's median that the coordinator's round package carried, with where they sat in
words (higher, lower, the same), so the difference is read before the real interviews."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.bundles.package_calibration import CaseFeedback, FeedbackLine, calibration_feedback
from app.instruments import catalogue
from app.rounds import RoundInfo
from app.store import Store

CASE, INDICATOR, MINE, MEDIAN, WHERE = range(5)


@dataclass(frozen=True)
class RoundFeedback:
    round_name: str
    cases: tuple[CaseFeedback, ...]
    titles: dict[str, tuple[str, str]]  # indicator code -> its title (id, en)


def load_feedback(store: Store, round_: RoundInfo, assessor_id: str | None) -> RoundFeedback | None:
    """The feedback the round's last package carried for this assessor, or None when it carried none."""
    if assessor_id is None:
        return None
    cases = calibration_feedback(store, round_.id, assessor_id)
    if not cases:
        return None
    with store.transaction() as session:
        instrument = catalogue.load_instrument(session, round_.instrument_hash)
    titles = {i.code: (i.title.id, i.title.en) for i in instrument.indicators()}
    return RoundFeedback(round_.name, tuple(cases), titles)


class CalibrationFeedbackDialog(QDialog):
    def __init__(self, feedback: RoundFeedback, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Calibration feedback — %1").replace("%1", feedback.round_name))
        locale = QLocale()
        assessors = max((case.assessors for case in feedback.cases), default=0)
        self.intro = QLabel(self.tr(
            "Before the real interviews every assessor scored the same calibration case. Beside each of your "
            "levels is the median level of the group (%1 assessors). A level far from the median is worth a "
            "second look at the rubric; it is not a mark against you.").replace("%1", locale.toString(assessors)),
            self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Calibration case"), self.tr("Indicator"),
                                              self.tr("Your level"), self.tr("Group median"),
                                              self.tr("Where you sat")])
        self.table.setAccessibleName(self.tr("Your levels beside the group median"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        index = 0 if lang == "id" else 1
        order = {code: position for position, code in enumerate(feedback.titles)}  # the instrument's order
        for case in feedback.cases:
            for line in sorted(case.lines, key=lambda line: (order.get(line.indicator_code, len(order)),
                                                              line.indicator_code)):
                title = feedback.titles.get(line.indicator_code, ("", ""))[index]
                row = self.table.rowCount()
                self.table.insertRow(row)
                for column, text in ((CASE, f"{case.code} {case.name}"),
                                     (INDICATOR, f"{line.indicator_code}  {title}".strip()),
                                     (MINE, self._level(locale, line.my_level)),
                                     (MEDIAN, self._level(locale, line.median)), (WHERE, self.where(line))):
                    self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(INDICATOR, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)

    def _level(self, locale: QLocale, value: float | None) -> str:
        if value is None:
            return "–"
        return locale.toString(int(value)) if float(value).is_integer() else locale.toString(float(value), "f", 1)

    def where(self, line: FeedbackLine) -> str:
        if line.my_level is None:
            return self.tr("not scored")
        if line.median is None:
            return self.tr("no group median")
        difference = line.my_level - line.median
        if difference == 0:
            return self.tr("the same as the group")
        words = self.tr("you sat higher by %1") if difference > 0 else self.tr("you sat lower by %1")
        return words.replace("%1", self._level(QLocale(), abs(difference)))
