"""Where an export goes and how it went, shared by the export dialogs (result bundle, signed sheets):
a path field with its Choose… button, the result line (green when it went well, red when not), the
Open folder button, and the row of buttons beneath."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.ui.identity.passphrase_form import ERROR_STYLE

OK_STYLE = "color: #1e7b34;"
OpenFolder = Callable[[Path], None]
Pick = Callable[[QWidget, str], Any]  # (parent, the path shown) -> the path chosen, or None


def open_folder_externally(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PathField(QWidget):
    """A path to type, or to choose with ``pick``; ``adjust`` turns a chosen path into the text shown."""

    def __init__(self, text: str, accessible_name: str, pick: Pick, parent: QWidget,
                 adjust: Callable[[Any], str] = str) -> None:
        super().__init__(parent)
        self.pick, self.adjust = pick, adjust
        self.edit = QLineEdit(text, self)
        self.edit.setAccessibleName(accessible_name)
        self.browse = QPushButton(self.tr("&Choose…"), self)
        self.browse.clicked.connect(self.choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)

    def choose(self) -> None:
        chosen = self.pick(self.window(), self.edit.text())
        if chosen:
            self.edit.setText(self.adjust(chosen))


class ResultLine(QLabel):
    """How the export went, in one or two lines of selectable text."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def say(self, text: str, ok: bool) -> None:
        self.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.setText(text)


class OpenFolderButton(QPushButton):
    """Shown once something was written: opens ``folder()`` in the file manager (through ``open_folder``)."""

    def __init__(self, folder: Callable[[], Path | None], open_folder: OpenFolder, parent: QWidget) -> None:
        super().__init__(self.tr("&Open folder"), parent)
        self._folder, self._open_folder = folder, open_folder
        self.clicked.connect(self._open)
        self.hide()

    def _open(self) -> None:
        path = self._folder()
        if path is not None:
            self._open_folder(path)


def button_row(left: QWidget, *right: QWidget) -> QHBoxLayout:
    """``left`` (the Open folder button) at the start, the dialog's own buttons at the end."""
    row = QHBoxLayout()
    row.addWidget(left)
    row.addStretch(1)
    for button in right:
        row.addWidget(button)
    return row
