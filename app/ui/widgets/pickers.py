"""The file pickers the dialogs open: Qt's file dialogs, each replaceable (tests pass their own).

Kept apart from the dialogs so the menus that hand them on need not load the dialogs themselves.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

PickOpen = Callable[[QWidget, str, str], str | None]  # parent, title, filter → path
PickSave = Callable[[QWidget, str, str, str], str | None]  # parent, title, suggested path, filter → path
PickFolder = Callable[[QWidget, str], str | None]  # parent, folder shown → folder
PickPdfs = Callable[[QWidget], list[str]]


def pick_open_dialog(parent: QWidget, title: str, name_filter: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", name_filter)
    return path or None


def pick_save_dialog(parent: QWidget, title: str, suggested: str, name_filter: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
    return path or None


def pick_folder_dialog(parent: QWidget, start: str) -> str | None:
    title = QCoreApplication.translate("ExportSheetsDialog", "Folder for the signed sheets")
    return QFileDialog.getExistingDirectory(parent, title, start) or None


def pick_pdfs_dialog(parent: QWidget) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, QCoreApplication.translate("VerifyDialog", "Open signed sheets"),
                                            "", QCoreApplication.translate("VerifyDialog",
                                                                           "PDF files (*.pdf);;All files (*)"))
    return paths
