"""The round-setup workspace: a list of the five steps on the left, one page per step on the right.

Keys: Ctrl+1 … Ctrl+5 or Alt and the letter underlined in the step's name (in English Alt+R round,
Alt+C candidates, Alt+S assessors, Alt+P panels and schedule, Alt+O hand out; the Indonesian names
mark letters free of the tabs' own) open a step; Ctrl+Z and Ctrl+Shift+Z undo and redo the last edit
of the round. The step list says what each step holds now ("116 candidates", "3 problems"), so
the coordinator sees at a glance what is left. Nothing needs saving: each edit already is.
"""

from __future__ import annotations

import re

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.coordinator.services import CoordinatorServices
from app.ui.setup.assessors_page import AssessorsPage
from app.ui.setup.candidates_page import CandidatesPage
from app.ui.setup.context import SetupContext
from app.ui.setup.handout_page import HandoutPage
from app.ui.setup.page_base import SetupPage
from app.ui.setup.round_page import RoundPage
from app.ui.setup.schedule_page import SchedulePage


class RoundUndoKeys(QObject):
    """Lets Ctrl+Z and Ctrl+Shift+Z reach the round's history from a text field with nothing of its own
    to undo: a field keeps those keys for its typing while it has some, as everywhere else."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QWidget):
            assert isinstance(event, QKeyEvent)
            # a date, time, number or combo field passes the keys on to a line edit of its own
            field = watched if isinstance(watched, QLineEdit) else watched.findChild(QLineEdit)
            if field is None:
                return False
            if ((event.matches(QKeySequence.StandardKey.Undo) and not field.isUndoAvailable())
                    or (event.matches(QKeySequence.StandardKey.Redo) and not field.isRedoAvailable())):
                event.ignore()  # not the field's: the shortcut (the round's undo) takes it
                return True
        return False


STEP_LETTERS = "RCSPO"  # Alt+letter of each step when its (translated) name marks none


def mnemonic(text: str) -> str:
    """The letter after "&" in a label ("A&ssessors" → "S"), as Alt+letter opens it."""
    found = re.search(r"&([^&\s])", text)
    return found.group(1).upper() if found else ""


class SetupWorkspace(QWidget):
    round_created = Signal(str)  # a new round's id, for the round chooser above the tabs
    message = Signal(str)
    failed = Signal(str)

    def __init__(self, services: CoordinatorServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = SetupContext(services, self)
        self.round_page = RoundPage(self.ctx, self)
        self.candidates_page = CandidatesPage(self.ctx, self)
        self.assessors_page = AssessorsPage(self.ctx, self)
        self.schedule_page = SchedulePage(self.ctx, self)
        self.handout_page = HandoutPage(self.ctx, self)
        self.pages: list[SetupPage] = [self.round_page, self.candidates_page, self.assessors_page,
                                       self.schedule_page, self.handout_page]
        self.names = [self.tr("&Round"), self.tr("&Candidates"), self.tr("A&ssessors"), self.tr("&Panels and schedule"),
                      self.tr("Hand &out")]

        self.steps = QListWidget(self)
        self.steps.setAccessibleName(self.tr("Steps of the round setup"))
        self.steps.setMinimumWidth(200)
        self.steps.setMaximumWidth(300)
        self.steps.setWordWrap(True)
        self.steps.setSpacing(2)
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.stack.addWidget(page)
            self.steps.addItem(QListWidgetItem())
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.redo_button = QPushButton(self.tr("Redo"), self)
        self.new_button = QPushButton(self.tr("Ne&w round…"), self)
        hint = QLabel(self.tr("Every change is saved as you make it."), self)
        hint.setWordWrap(True)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.undo_button)
        edit_row.addWidget(self.redo_button)
        left = QVBoxLayout()
        left.addWidget(self.steps, 1)
        left.addLayout(edit_row)
        left.addWidget(self.new_button)
        left.addWidget(hint)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(self.stack, 1)

        self.steps.currentRowChanged.connect(self._step_chosen)
        self.letters = [mnemonic(name) or STEP_LETTERS[number] for number, name in enumerate(self.names)]
        for number, letter in enumerate(self.letters):
            for keys in (f"Ctrl+{number + 1}", f"Alt+{letter}"):
                shortcut = QShortcut(QKeySequence(keys), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda n=number: self.show_step(n))
        history = self.ctx.history
        redo_keys = {k.toString(): k for k in [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                                               QKeySequence("Ctrl+Shift+Z")]}  # Ctrl+Y on Windows too
        undo_keys = [(k, history.undo) for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)]
        for sequence, slot in [*undo_keys, *((k, history.redo) for k in redo_keys.values())]:
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.undo_keys = RoundUndoKeys(self)
        for kind in (QLineEdit, QAbstractSpinBox, QComboBox):
            for field in self.findChildren(kind):
                field.installEventFilter(self.undo_keys)
        self.undo_button.clicked.connect(history.undo)
        self.redo_button.clicked.connect(history.redo)
        self.new_button.clicked.connect(self.new_round)
        history.stack.indexChanged.connect(self._update_edit_buttons)
        self.round_page.created.connect(self._created)
        self.ctx.changed.connect(self.update_steps)
        self.ctx.round_changed.connect(lambda _id: self.update_steps())
        self.ctx.message.connect(self.message)
        self.ctx.failed.connect(self.failed)
        self.steps.setCurrentRow(0)
        self.update_steps()
        self._update_edit_buttons()

    @property
    def round_id(self) -> str:
        return self.ctx.round_id

    def set_round(self, round_id: str | None) -> None:
        self.ctx.set_round(round_id)

    def new_round(self) -> None:
        """An empty round form, whatever round was open."""
        self.ctx.set_round(None)
        self.show_step(0)
        self.round_page.name.setFocus()

    def _created(self, round_id: str) -> None:
        self.ctx.set_round(round_id)
        self.round_created.emit(round_id)

    def show_step(self, number: int) -> None:
        item = self.steps.item(number)
        if item is None:
            return
        if not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.failed.emit(self.tr("Create the round first (step 1)."))
            return
        self.steps.setCurrentRow(number)
        page = self.stack.currentWidget()
        if page is not None:
            page.setFocus()
            page.focusNextChild()  # the step's first field, ready for typing

    def _step_chosen(self, number: int) -> None:
        if 0 <= number < self.stack.count():
            self.stack.setCurrentIndex(number)

    def update_steps(self) -> None:
        has_round = bool(self.round_id)
        for number, (page, name) in enumerate(zip(self.pages, self.names, strict=True)):
            item = self.steps.item(number)
            title = name.replace("&", "")
            item.setText(f"{number + 1}  {title}\n     {page.state()}")
            item.setToolTip(self.tr("%1 (Ctrl+%2 or Alt+%3)").replace("%1", title).replace("%2", str(number + 1))
                            .replace("%3", self.letters[number]))
            enabled = has_round or number == 0
            flags = item.flags()
            item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags & ~Qt.ItemFlag.ItemIsEnabled)

    def _update_edit_buttons(self, _index: int = 0) -> None:
        stack = self.ctx.history.stack
        if not shiboken6.isValid(stack) or not shiboken6.isValid(self.undo_button):
            return  # the window is being taken down (the stack empties itself as it goes)
        self.undo_button.setEnabled(stack.canUndo())
        self.redo_button.setEnabled(stack.canRedo())
        self.undo_button.setToolTip(self.tr("Undo: %1 (Ctrl+Z)").replace("%1", stack.undoText()) if stack.canUndo()
                                    else self.tr("Nothing to undo"))
        self.redo_button.setToolTip(self.tr("Redo: %1 (Ctrl+Shift+Z)").replace("%1", stack.redoText())
                                    if stack.canRedo() else self.tr("Nothing to redo"))
