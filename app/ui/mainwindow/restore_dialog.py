"""File → Restore a backup…: choose one of the data directory's backups, confirm, and hand it back.

The dialog only chooses; the program (``app.ui.mainwindow.shell.Shell.restore``) closes the store, restores
(the current database is set aside first), opens it again and builds the window anew.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.store.backup import BackupInfo, list_backups

SHORT = "d MMM yyyy   HH:mm:ss"  # several backups can fall in one minute
LONG = "dddd d MMMM yyyy, HH:mm:ss"


def reason_text(reason: str) -> str:
    texts = {
        "startup": QCoreApplication.translate("RestoreDialog", "at start-up"),
        "finalized": QCoreApplication.translate("RestoreDialog", "after finalizing"),
        "manual": QCoreApplication.translate("RestoreDialog", "by hand"),
        "before-restore": QCoreApplication.translate("RestoreDialog", "before a restore"),
        "damaged": QCoreApplication.translate("RestoreDialog", "damaged, set aside"),
    }
    if reason.startswith("before-migration"):
        return QCoreApplication.translate("RestoreDialog", "before a program update")
    return texts.get(reason, reason)


def confirm_restore(parent: QWidget | None, info: BackupInfo) -> bool:
    when = QLocale().toString(info.taken_at, LONG)  # type: ignore[call-overload]  # PySide6 takes a datetime; its stubs list only QDateTime
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("RestoreDialog", "Restore this backup?"),
        QCoreApplication.translate(
            "RestoreDialog", "Nilai will close the data, put the backup from %1 in its place and open it again. "
            "Changes made since then will be gone; the database as it is now is kept in the backups folder, so "
            "restoring that copy brings them back.").replace("%1", when),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


class RestoreDialog(QDialog):
    """``exec()`` accepted → ``chosen`` is the backup the assessor confirmed; ``preselect`` is chosen at first."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None, preselect: Path | None = None) -> None:
        super().__init__(parent)
        self.chosen: BackupInfo | None = None
        self.setWindowTitle(self.tr("Restore a backup"))
        intro = QLabel(self.tr("Nilai keeps a copy of the data at every start and after every finalized "
                               "assessment. Choose the copy to go back to."), self)
        intro.setWordWrap(True)
        self.backups = list_backups(Path(data_dir))
        self.list = QTreeWidget(self)
        self.list.setAccessibleName(self.tr("Backups of this data directory"))
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Date"), self.tr("Taken"), self.tr("Size")])
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        locale = QLocale()
        for info in self.backups:
            item = QTreeWidgetItem([locale.toString(info.taken_at, SHORT),  # type: ignore[call-overload]  # PySide6 takes a datetime; its stubs list only QDateTime
                                    reason_text(info.reason), locale.formattedDataSize(info.size)])
            item.setToolTip(0, str(info.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        self.empty = QLabel(self.tr("There is no backup in this data directory yet."), self)
        self.empty.setVisible(not self.backups)
        self.list.setVisible(bool(self.backups))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.restore_button = self.buttons.addButton(self.tr("&Restore…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(lambda *_: self.restore_button.setEnabled(self.current() is not None))
        self.list.itemActivated.connect(lambda *_: self.restore())
        paths = [info.path for info in self.backups]
        offered = self.list.topLevelItem(paths.index(preselect) if preselect in paths else 0)  # None: no backup
        if offered is not None:  # the one offered (the newest sound backup), else the newest
            self.list.setCurrentItem(offered)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(560, 380)

    def current(self) -> BackupInfo | None:
        item = self.list.currentItem()
        return self.backups[self.list.indexOfTopLevelItem(item)] if item is not None else None

    def restore(self) -> None:
        info = self.current()
        if info is not None and confirm_restore(self, info):
            self.chosen = info
            self.accept()
