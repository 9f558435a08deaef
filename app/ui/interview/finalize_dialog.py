"""Finalizing: either the list of what is missing (activate one to go there) or a last confirmation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.assessments import Problem
from app.models.domain import Instrument, Summary
from app.ui.i18n import score_text

CodeRole = Qt.ItemDataRole.UserRole + 1


def problem_text(problem: Problem, instrument: Instrument, lang: str) -> str:
    indicator = instrument.indicator(problem.indicator_code)
    title = indicator.title.get(lang) if indicator else ""
    what = {
        "missing_level": QCoreApplication.translate("FinalizeDialog", "no level chosen"),
        "needs_note": QCoreApplication.translate("FinalizeDialog", "the chosen level needs a note"),
        "needs_evidence": QCoreApplication.translate("FinalizeDialog", "the chosen level needs evidence attached"),
    }.get(problem.kind, problem.message)
    return f"{problem.indicator_code}  {title} — {what}"


class FinalizeDialog(QDialog):
    """``exec()`` accepted: finalize (no problems) or go to ``chosen_code`` (problems listed)."""

    def __init__(self, region_name: str, problems: list[Problem], instrument: Instrument, lang: str,
                 summary: Summary | None = None, parent: QWidget | None = None, *,
                 offer_identity: Callable[[QWidget], bool] | None = None) -> None:
        """``offer_identity``: given when this computer has no signing identity yet; it offers to make
        one (True once there is one), so the sheet can be signed right after finalizing."""
        super().__init__(parent)
        self.chosen_code: str | None = None
        self.problems = problems
        self.setWindowTitle(self.tr("Finalize the assessment of %1").replace("%1", region_name))
        self.resize(620, 400)
        layout = QVBoxLayout(self)
        title = QLabel(self.windowTitle(), self)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        layout.addWidget(title)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)  # a long indicator title wraps instead of scrolling sideways
        self.list.setAccessibleName(self.tr("What is missing"))
        self.list.hide()  # shown (in the layout) only when something is missing: never over the title
        self.buttons = QDialogButtonBox(self)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if problems:
            self.heading.setText(self.tr("%n thing(s) to complete before this assessment can be finalized. "
                                         "Choose one to go to its indicator.", "", len(problems)))
            for problem in problems:
                item = QListWidgetItem(warning, problem_text(problem, instrument, lang))
                item.setData(CodeRole, problem.indicator_code)
                self.list.addItem(item)
            self.list.setCurrentRow(0)
            self.list.itemActivated.connect(self._go)
            layout.addWidget(self.list, 1)
            self.list.show()
            go = self.buttons.addButton(self.tr("Go to indicator"), QDialogButtonBox.ButtonRole.AcceptRole)
            go.setDefault(True)
            go.clicked.connect(lambda: self._go(self.list.currentItem()))
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        else:
            total = score_text(summary.total if summary else None)
            self.heading.setText(self.tr("Everything required is complete. Weighted total: %1.\n\n"
                                         "A finalized assessment is read-only. To change it later you reopen it "
                                         "as a new version and give a reason.").replace("%1", total))
            if offer_identity is not None:
                self._identity_row(layout, offer_identity)
            layout.addStretch(1)
            finalize = self.buttons.addButton(self.tr("Finalize"), QDialogButtonBox.ButtonRole.AcceptRole)
            finalize.setDefault(True)
            finalize.clicked.connect(self.accept)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        layout.addWidget(self.buttons)

    def _identity_row(self, layout: QVBoxLayout, offer_identity: Callable[[QWidget], bool]) -> None:
        self.identity_note = QLabel(self.tr("The sheet of a finalized assessment is signed with your signing "
                                            "identity, and this computer has none yet. Create or import one now, "
                                            "or later in Sheets → Assessor identity…"), self)
        self.identity_note.setWordWrap(True)
        self.identity_button = QPushButton(self.tr("Create or &import identity…"), self)

        def offer() -> None:
            if offer_identity(self):
                self.identity_note.setText(self.tr("Your signing identity is ready: after finalizing, sign the "
                                                   "sheet with Interview → Sign this sheet…"))
                self.identity_button.hide()

        self.identity_button.clicked.connect(offer)
        row = QHBoxLayout()
        row.addWidget(self.identity_note, 1)
        row.addWidget(self.identity_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)

    def _go(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.chosen_code = item.data(CodeRole)
            self.accept()
