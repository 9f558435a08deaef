"""Choose which version of a record in conflict is in force, with a reason (kept in the change log).

Each competing version is listed with its status, date and total, and the indicators where the
versions differ are shown side by side. OK stays off until a version is chosen and a reason given.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.base.ids import short_id
from app.bundles.conflict_views import ConflictView, VersionChoice
from app.ui.i18n import score_text


class ConflictDialog(QDialog):
    def __init__(self, conflict: ConflictView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle(self.tr("Resolve a conflict"))
        heading = QLabel(self.tr("<b>%1</b> — %2<br>Competing versions of one assessment arrived. Choose the one "
                                 "that is in force; the others stay in the history.")
                         .replace("%1", conflict.region).replace("%2", conflict.assessor), self)
        heading.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        for choice in conflict.choices:
            button = QRadioButton(self._describe(choice), self)
            button.setProperty("choice_id", choice.id)
            self.group.addButton(button)
            self.buttons.append(button)
            layout.addWidget(button)
        self.group.buttonToggled.connect(lambda *_: self._update())
        self.differences = self._difference_table()
        layout.addWidget(QLabel(self.tr("Levels where the versions differ:"), self))
        layout.addWidget(self.differences)
        reason_label = QLabel(self.tr("&Reason (required, kept in the change log):"), self)
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)  # Tab goes on to the next control (Ctrl+Tab is not needed to leave)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setFixedHeight(self.fontMetrics().height() * 4)
        reason_label.setBuddy(self.reason)
        self.reason.textChanged.connect(self._update)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        self.box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Use the chosen version"))
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        layout.addWidget(self.box)
        self.resize(640, self.sizeHint().height())
        self._update()

    def _describe(self, choice: VersionChoice) -> str:
        when = choice.when.strftime("%Y-%m-%d %H:%M") if choice.when else "–"
        total = score_text(choice.total)
        kind = self.tr("version %1").replace("%1", short_id(choice.version_id)) if choice.kind == "version" else \
            self.tr("other content of version %1").replace("%1", short_id(choice.version_id))
        text = self.tr("%1 — %2, %3, total %4").replace("%1", kind).replace("%2", choice.status or "–") \
            .replace("%3", when).replace("%4", total)
        return text + (self.tr(" (in force now)") if choice.current else "")

    def _difference_table(self) -> QTableWidget:
        choices = self.conflict.choices
        codes = sorted({code for c in choices for code in c.levels})
        differing = [code for code in codes if len({c.levels.get(code, "–") for c in choices}) > 1]
        table = QTableWidget(len(differing), len(choices), self)
        table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        table.setHorizontalHeaderLabels([short_id(c.id) for c in choices])
        table.setVerticalHeaderLabels(differing)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setAccessibleName(self.tr("Levels that differ between the versions"))
        for row, code in enumerate(differing):
            for column, choice in enumerate(choices):
                value = choice.levels.get(code, "–")
                item = QTableWidgetItem(self.tr("n/a") if value is None else str(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, item)
        table.setToolTip(self.tr("Indicators where the versions differ") if differing
                         else self.tr("The versions give the same levels"))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        rows = max(1, min(len(differing), 8))
        table.setFixedHeight(table.horizontalHeader().height() + rows * table.verticalHeader().defaultSectionSize()
                             + 2 * table.frameWidth() + 2)
        return table

    def choose(self, choice_id: str) -> bool:
        for button in self.buttons:
            if button.property("choice_id") == choice_id:
                button.setChecked(True)
                return True
        return False

    def chosen(self) -> str | None:
        button = self.group.checkedButton()
        return button.property("choice_id") if button else None

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _update(self) -> None:
        self.ok.setEnabled(self.chosen() is not None and bool(self.reason_text()))
