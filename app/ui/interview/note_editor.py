"""The note of the current indicator, committed as it is typed.

A change reaches the store ~300 ms after the last keystroke, and at once when the editor loses
focus, the assessor moves to another indicator, or the window closes (whoever owns the editor
calls :meth:`flush`). Ctrl+Z / Ctrl+Shift+Z are left to the window, which undoes through the
store's history rather than the editor's own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

DEBOUNCE_MS = 300


class NoteEditor(QPlainTextEdit):
    committed = Signal(str)  # the text to store
    editing = Signal()  # a change is waiting to be committed
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._changed)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _changed(self) -> None:
        if self.signalsBlocked():
            return
        self._dirty = True
        self._timer.start()
        self.editing.emit()

    def flush(self) -> None:
        """Commit a pending change now."""
        self._timer.stop()
        if self._dirty:
            self._dirty = False
            self.committed.emit(self.toPlainText())

    def set_note(self, text: str) -> None:
        """Show the stored note, unless the assessor is typing a newer one."""
        if self._dirty or text == self.toPlainText():
            return
        self.blockSignals(True)
        try:
            self.setPlainText(text)
            self.moveCursor(QTextCursor.MoveOperation.End)
        finally:
            self.blockSignals(False)

    def discard_pending(self) -> None:
        self._timer.stop()
        self._dirty = False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)):
            return False  # not accepted: the window's Undo/Redo actions get the shortcut
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.flush()
            self.escaped.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self.flush()
        super().focusOutEvent(event)
