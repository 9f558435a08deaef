"""Every interview command as a QAction with its shortcut, shown in the menus and in tooltips.

Shortcuts are window-wide, so they work wherever the focus is, except that a text field keeps the
keys it types (digits, N, arrows) and the window keeps Ctrl+Z / Ctrl+Shift+Z for the store's undo.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

MAX_LEVEL_KEYS = 9


def describe(action: QAction, tip: str) -> None:
    """Tooltip and status tip that name the shortcut(s), so every shortcut can be discovered."""
    keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts() if not s.isEmpty()]
    text = f"{tip} ({', '.join(keys)})" if keys else tip
    action.setToolTip(text)
    action.setStatusTip(text)


class InterviewActions(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.levels: list[QAction] = []
        for value in range(1, MAX_LEVEL_KEYS + 1):
            action = self._make(self.tr("Level %1").replace("%1", str(value)), [str(value)],
                                self.tr("Choose rubric level %1 for this indicator").replace("%1", str(value)))
            action.setData(value)
            self.levels.append(action)
        self.not_applicable = self._make(self.tr("Not applicable"), ["N", "0"],
                                         self.tr("Mark this indicator as not applicable"))
        self.clear_level = self._make(self.tr("Clear level"), ["Del"], self.tr("Remove the chosen level"))
        self.next = self._make(self.tr("Next indicator"), ["Down", "PgDown", "Ctrl+Return", "Ctrl+Enter"],
                               self.tr("Go to the next indicator"))
        self.previous = self._make(self.tr("Previous indicator"), ["Up", "PgUp", "Ctrl+Shift+Return"],
                                   self.tr("Go to the previous indicator"))
        self.next_unscored = self._make(self.tr("Next unscored indicator"), ["Ctrl+J"],
                                        self.tr("Jump to the next indicator without a level"))
        self.find = self._make(self.tr("Find indicator…"), [QKeySequence(QKeySequence.StandardKey.Find)],
                               self.tr("Find an indicator by code or title"))
        self.edit_note = self._make(self.tr("Write note"), ["Ctrl+E"],
                                    self.tr("Put the cursor in the note of this indicator (Esc leaves it)"))
        self.attach_evidence = self._make(self.tr("Attach evidence…"), ["Ctrl+Shift+E"],
                                          self.tr("Attach files or photos as evidence for this indicator"))
        self.calibration = self._make(self.tr("Your calibration…"), ["Ctrl+K"],
                                      self.tr("Where you sat on the calibration case for this indicator, beside "
                                              "the group's median"))
        self.timer = self._make(self.tr("Start timer"), ["Ctrl+T"], self.tr("Start or pause the interview timer"))
        self.delegation = self._make(self.tr("Delegation…"), ["Ctrl+D"],
                                     self.tr("Edit the names and roles of the delegation"))
        self.finalize = self._make(self.tr("Finalize…"), ["Ctrl+Shift+F"],
                                   self.tr("Check what is missing and finalize the assessment"))
        self.reopen = self._make(self.tr("Reopen as new version…"), ["Ctrl+Shift+R"],
                                 self.tr("Make a new draft version of this finalized assessment, with a reason"))
        self.undo = self._make(self.tr("Undo"), [QKeySequence(QKeySequence.StandardKey.Undo)],
                               self.tr("Undo the last change to this assessment"))
        self.redo = self._make(self.tr("Redo"), ["Ctrl+Shift+Z", QKeySequence(QKeySequence.StandardKey.Redo)],
                               self.tr("Redo the change last undone"))
        self.back = self._make(self.tr("Back to schedule"), ["Alt+Left", "Ctrl+Shift+S"],
                               self.tr("Close this interview and show the schedule"))

    def _make(self, text: str, shortcuts: list, tip: str) -> QAction:
        action = QAction(text, self)
        sequences: list[QKeySequence] = []
        for shortcut in shortcuts:
            sequence = shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut)
            if not sequence.isEmpty() and sequence not in sequences:
                sequences.append(sequence)
        action.setShortcuts(sequences)
        describe(action, tip)
        return action

    def set_timer_running(self, running: bool, counted: bool = False) -> None:
        """``counted``: time is already on the clock, so starting it again is resuming."""
        if running:
            self.timer.setText(self.tr("Pause timer"))
        else:
            self.timer.setText(self.tr("Resume timer") if counted else self.tr("Start timer"))

    def editing(self) -> list[QAction]:
        """Actions that change the assessment: off while it is finalized."""
        return [*self.levels, self.not_applicable, self.clear_level, self.attach_evidence, self.delegation,
                self.finalize, self.edit_note, self.timer]

    def all(self) -> list[QAction]:
        return [*self.editing(), self.next, self.previous, self.next_unscored, self.find, self.calibration, self.timer,
                self.reopen, self.undo, self.redo, self.back]

    def set_max_level(self, highest: int) -> None:
        for action in self.levels:
            action.setVisible(action.data() <= highest)
