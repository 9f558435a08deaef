"""Paste a list of candidates: one BPS code or regency/city name a line, each line resolved or reported.

Nothing is guessed. A line that names two regions ("Banjar" is Kabupaten Banjar in South
Kalimantan and Kota Banjar in West Java) gets a choice in its row, and the regions are only added
once every such line is answered (with a region, or "leave it out"). A line that names nothing
says why, with near names, and is left out. A spreadsheet column arrives here too, one value a line.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.domain import RegionInfo
from app.rounds import setup
from app.rounds.setup import ResolvedLine
from app.ui.setup.plan_words import PlanWords

LEAVE_OUT = "-"
ASK_COLOUR = QColor("#8a5a00")
PROBLEM_COLOUR = QColor("#b3261e")


def describe(region: RegionInfo) -> str:
    return f"{region.name} ({region.code}, {region.province_name})"


class PasteDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste a list of candidates"))
        self.resize(760, 560)
        self.lines: list[ResolvedLine] = []
        self.words = PlanWords(self)
        self.choosers: dict[int, QComboBox] = {}  # row -> its choice of region
        intro = QLabel(self.tr("One region a line: its BPS code (e.g. 6303) or its name (e.g. Kota Banjar). "
                               "Names that fit two regions are asked about, never guessed."), self)
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)  # Tab goes on to the next control (Ctrl+Tab is not needed to leave)
        self.text.setAccessibleName(self.tr("Pasted list"))
        self.text.setPlaceholderText("6303\nKota Banjar\nBanjar\n…")
        self.check = QPushButton(self.tr("C&heck the list"), self)
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(self.tr("Lines of the list and their regions"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Pasted"), self.tr("Region")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.add = self.buttons.addButton(self.tr("&Add the regions"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.check)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.check.clicked.connect(self.resolve)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if text:
            self.text.setPlainText(text)
            self.resolve()

    def resolve(self) -> None:
        self.lines = setup.resolve_lines(self.text.toPlainText())
        self.choosers.clear()
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            self.table.setItem(row, 0, QTableWidgetItem(str(line.line)))
            self.table.setItem(row, 1, QTableWidgetItem(line.text))
            self.table.removeCellWidget(row, 2)
            if line.region is not None:
                self.table.setItem(row, 2, QTableWidgetItem("✓ " + describe(line.region)))
            elif line.choices:
                chooser = QComboBox(self.table)
                chooser.setAccessibleName(self.tr("Which region is line %1?").replace("%1", str(line.line)))
                chooser.addItem(self.tr("? Which one? Choose…"), None)
                for region in line.choices:
                    chooser.addItem(describe(region), region.code)
                chooser.addItem(self.tr("Leave this line out"), LEAVE_OUT)
                chooser.currentIndexChanged.connect(lambda _i: self._update())
                self.table.setItem(row, 2, QTableWidgetItem(""))
                self.table.setCellWidget(row, 2, chooser)
                self.choosers[row] = chooser
                for column in (0, 1):
                    cell = self.table.item(row, column)
                    if cell is not None:
                        cell.setForeground(QBrush(ASK_COLOUR))
            else:
                said = self.words.pasted(line)
                item = QTableWidgetItem("✗ " + said)
                item.setForeground(QBrush(PROBLEM_COLOUR))
                item.setToolTip(said)
                self.table.setItem(row, 2, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._update()
        if self.choosers:
            self.table.setFocus()
            self.table.setCurrentCell(min(self.choosers), 2)

    def choose(self, line_number: int, code: str) -> None:
        """Answer an ambiguous line (``code`` a region of its choices, or LEAVE_OUT)."""
        for row, chooser in self.choosers.items():
            if self.lines[row].line == line_number:
                chooser.setCurrentIndex(chooser.findData(code))
                return
        raise LookupError(f"line {line_number} asks nothing")

    def unanswered(self) -> list[ResolvedLine]:
        return [self.lines[row] for row, chooser in self.choosers.items() if chooser.currentData() is None]

    def unknown(self) -> list[ResolvedLine]:
        return [line for line in self.lines if line.region is None and not line.choices]

    def codes(self) -> list[str]:
        """The regions to add, in the order pasted (each once)."""
        found: list[str] = []
        for row, line in enumerate(self.lines):
            if line.region is not None:
                found.append(line.region.code)
            elif row in self.choosers and self.choosers[row].currentData() not in (None, LEAVE_OUT):
                found.append(self.choosers[row].currentData())
        return list(dict.fromkeys(found))

    def _update(self) -> None:
        codes, asked, unknown = self.codes(), self.unanswered(), self.unknown()
        parts = [self.tr("%1 region(s) to add.").replace("%1", str(len(codes)))]
        if asked:
            parts.append(self.tr("%1 line(s) name more than one region: choose which in the list.")
                         .replace("%1", str(len(asked))))
        if unknown:
            parts.append(self.tr("%1 line(s) name no region and will be left out (see why in the list).")
                         .replace("%1", str(len(unknown))))
        self.summary.setText(" ".join(parts))
        self.summary.setStyleSheet("color: #8a5a00;" if asked else "")
        self.add.setEnabled(bool(codes) and not asked)
        self.add.setText(self.tr("&Add %1 region(s)").replace("%1", str(len(codes))))
        self.add.setToolTip(self.tr("Answer every question in the list first") if asked else "")
        self.table.setAccessibleDescription(self.summary.text())
