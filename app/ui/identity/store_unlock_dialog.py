"""Ask for the assessor's passphrase before an encrypted store is opened (at start-up).

The passphrase unwraps the store's data key (:mod:`app.identity.storekey`); nothing is opened or
written before it is right. A wrong one is said inline and the field is cleared for another try;
Quit leaves the program without touching the data. The key-derivation cost (the identity key's
scrypt) is the brake on guessing here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.identity import IdentityError, WrongPassphrase, storekey
from app.store import cipher

ERROR_STYLE = "color: #b03a2e;"


class StoreUnlockDialog(QDialog):
    """``exec()`` accepted → the data key of ``data_dir`` is held for this process."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.attempts = 0
        self.setWindowTitle(self.tr("Open the encrypted data"))
        self.heading = QLabel(self.tr("The assessment data in %1 is encrypted. Enter the assessor's passphrase "
                                      "(the one of the signing key) to open it.").replace("%1", str(self.data_dir)),
                              self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("Passphrase"))
        self.field.setAccessibleName(self.tr("Passphrase"))
        self.field.textChanged.connect(self._update_ok)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setAccessibleName(self.tr("Problem"))
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Open"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self.try_unlock)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._update_ok()

    @classmethod
    def ask(cls, data_dir: Path, parent: QWidget | None = None) -> bool:
        """True once the store is unlocked; False if the assessor chose to quit."""
        dialog = cls(data_dir, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.field.text()))

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def try_unlock(self) -> None:
        if not self.field.text():
            return
        self.attempts += 1
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            key = storekey.unwrap(self.data_dir, self.field.text())
        except WrongPassphrase:
            self._show(self.tr("That passphrase is not correct. Check Caps Lock and the keyboard layout, "
                               "then try again. Nothing was opened or changed."))
            self.field.clear()
            self.field.setFocus()
            return
        except IdentityError as exc:  # store.key damaged or missing: said as it is
            self._show(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        cipher.unlock(self.data_dir, key)
        self.field.clear()
        self.accept()
