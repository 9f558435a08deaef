"""Help menu actions: About Nilai, Open data folder, Open log file.

``install_help_actions(window, help_menu, services)`` adds them to an existing Help menu.
``services`` is anything with a ``data_dir`` (a ``HelpServices``, the coordinator's services, ...);
it may also carry ``log_file`` (a path, default: the program's rotating log) and ``open_url``
(default: ``QDesktopServices.openUrl``), which tests replace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from app.base import logs
from app.ui.help.about_dialog import AboutDialog, OpenUrl


@dataclass
class HelpServices:
    data_dir: Path
    log_file: Path = field(default_factory=logs.log_path)
    open_url: OpenUrl = QDesktopServices.openUrl


class HelpActions(QObject):
    """Owns the three actions; parented to the window so they live as long as it does."""

    def __init__(self, window: QWidget, services: Any) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = Path(services.data_dir)
        self.log_file = Path(getattr(services, "log_file", None) or logs.log_path())
        self.open_url: OpenUrl = getattr(services, "open_url", None) or QDesktopServices.openUrl
        self.about = QAction(self.tr("&About Nilai"), window)
        self.about.setStatusTip(self.tr("Version, where your data is kept, and licences"))
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about.triggered.connect(self.show_about)
        self.open_data = QAction(self.tr("Open &data folder"), window)
        self.open_data.setStatusTip(self.tr("Show the folder with your assessments, identity and backups"))
        self.open_data.triggered.connect(self.show_data_folder)
        self.open_log = QAction(self.tr("Open &log file"), window)
        self.open_log.setStatusTip(self.tr("Show the program's log, for a report to your coordinator"))
        self.open_log.triggered.connect(self.show_log_file)

    def actions(self) -> list[QAction]:
        return [self.open_data, self.open_log, self.about]

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.data_dir, self.log_file, self._open, self.window)
        dialog.open()
        return dialog

    def show_data_folder(self) -> bool:
        return self._open(QUrl.fromLocalFile(str(self.data_dir)))

    def show_log_file(self) -> bool:
        if not self.log_file.is_file():
            QMessageBox.information(self.window, self.tr("No log file yet"), self.tr(
                "Nilai has not written anything to its log yet. It will be here:\n%1").replace("%1", str(self.log_file)))
            return False
        return self._open(QUrl.fromLocalFile(str(self.log_file)))

    def _open(self, url: QUrl) -> bool:
        if self.open_url(url):
            return True
        # No file manager or viewer registered (a bare desktop): at least say where it is.
        QMessageBox.information(self.window, self.tr("Cannot open it here"), self.tr(
            "This computer has no program to open it. It is here:\n%1").replace("%1", url.toLocalFile() or url.toString()))
        return False


def install_help_actions(window: QWidget, help_menu: QMenu, services: Any) -> HelpActions:
    """Add Open data folder, Open log file and About Nilai to ``help_menu``."""
    actions = HelpActions(window, services)
    if help_menu.actions():
        help_menu.addSeparator()
    help_menu.addActions(actions.actions())
    return actions
