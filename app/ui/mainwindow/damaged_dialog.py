"""The data is damaged at start-up: say so plainly and offer the newest sound backup.

Shown instead of the main window when the store file cannot be opened (empty, cut short, another
kind of file, unreadable). The assessor restores the offered backup with one click, chooses another,
or quits; the program (``application.start``) restores it, the damaged file set aside first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from app.base.paths import DATABASE_FILE
from app.store import CorruptStore
from app.store.backup import list_backups
from app.ui.mainwindow.restore_dialog import LONG, RestoreDialog


def texts(data_dir: Path, error: CorruptStore) -> tuple[str, str]:
    """Heading and body: what happened, and the way out with the date of the newest sound backup."""
    heading = QCoreApplication.translate("DamagedStore", "Nilai's data is damaged and cannot be opened.")
    body = QCoreApplication.translate(
        "DamagedStore", "The database file %1 cannot be read. Nilai has not changed it.").replace(
        "%1", str(data_dir / DATABASE_FILE)) + "\n\n"
    sound = next((b for b in list_backups(data_dir) if b.path == error.backup), None)
    if sound is not None:
        body += QCoreApplication.translate(
            "DamagedStore", "The newest sound backup is from %1. Restoring it sets the damaged file aside in the "
            "backups folder first, so nothing is lost by trying; changes made after that backup are not in it.").replace(
            "%1", QLocale().toString(sound.taken_at, LONG))  # type: ignore[call-overload]  # PySide6 takes a datetime; its stubs list only QDateTime
    else:
        body += QCoreApplication.translate(
            "DamagedStore", "There is no sound backup. Copy the data folder somewhere safe before changing anything, "
            "and ask your coordinator for help.")
    return heading, body


def ask(data_dir: Path, error: CorruptStore, parent: QWidget | None = None) -> Path | None:
    """The backup the assessor chose to restore, or None to quit."""
    heading, body = texts(data_dir, error)
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("DamagedStore", "Damaged data"), heading,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(body)
    box.setDetailedText(str(error))  # the core's message: the reason and the file, for whoever helps
    offered = other = None
    if error.backup is not None:
        offered = box.addButton(QCoreApplication.translate("DamagedStore", "Restore this backup"),
                                QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(offered)
    if list_backups(data_dir):
        other = box.addButton(QCoreApplication.translate("DamagedStore", "Choose another backup…"),
                              QMessageBox.ButtonRole.ActionRole)
    box.addButton(QCoreApplication.translate("DamagedStore", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    chosen = box.clickedButton()
    box.deleteLater()
    if offered is not None and chosen is offered:
        return error.backup
    if other is not None and chosen is other:
        dialog = RestoreDialog(data_dir, parent, preselect=error.backup)
        picked = dialog.chosen.path if dialog.exec() and dialog.chosen is not None else None
        dialog.deleteLater()
        return picked if picked is not None else ask(data_dir, error, parent)
    return None
