"""The note of the current indicator, committed as it is typed.

While the assessor types, the note reaches the store at most ~300 ms after each keystroke, however
steadily they type (see :class:`ThrottledSaver`), and at once when the editor loses focus, a level
is chosen, the assessor moves to another indicator, or the window closes (whoever owns the editor
calls :meth:`flush`). Ctrl+Z / Ctrl+Shift+Z are left to the window, which undoes through the
store's history rather than the editor's own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from app.ui.widgets.throttled_saver import ThrottledSaver


class NoteEditor(QPlainTextEdit):
    committed = Signal(str)  # the text to store
    editing = Signal()  # a change is waiting to be committed
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.saver = ThrottledSaver(self.toPlainText, self.committed.emit, parent=self)
        self.textChanged.connect(self._changed)

    @property
    def dirty(self) -> bool:
        return self.saver.dirty

    def _changed(self) -> None:
        if self.signalsBlocked():
            return
        self.saver.changed()
        self.editing.emit()

    def flush(self) -> None:
        """Commit a pending change now."""
        self.saver.flush()

    def show_stored(self, text: str) -> None:
        """Show another indicator's stored note; anything pending is dropped (the caller flushed it)."""
        self.blockSignals(True)
        try:
            self.setPlainText(text)
        finally:
            self.blockSignals(False)
        self.saver.baseline(text)

    def set_note(self, text: str) -> None:
        """Show the stored note, unless the assessor is typing a newer one."""
        if self.saver.dirty:
            return
        if text != self.toPlainText():
            self.blockSignals(True)
            try:
                self.setPlainText(text)
                self.moveCursor(QTextCursor.MoveOperation.End)
            finally:
                self.blockSignals(False)
        self.saver.baseline(text)

    def discard_pending(self) -> None:
        self.saver.discard()

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
