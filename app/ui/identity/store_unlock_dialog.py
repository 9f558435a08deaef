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
from PySide6.QtWidgets import QDialog, QWidget

from app.identity import IdentityError, WrongPassphrase, storekey
from app.store import cipher
from app.ui.identity.passphrase_form import PassphraseTexts, passphrase_form


class StoreUnlockDialog(QDialog):
    """``exec()`` accepted → the data key of ``data_dir`` is held for this process."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.attempts = 0
        self.setWindowTitle(self.tr("Open the encrypted data"))
        self.form = passphrase_form(self, PassphraseTexts(
            heading=self.tr("The assessment data in %1 is encrypted. Enter the assessor's passphrase "
                            "(the one of the signing key) to open it.").replace("%1", str(self.data_dir)),
            passphrase=self.tr("Passphrase"), problem=self.tr("Problem"), ok=self.tr("Open"), cancel=self.tr("Quit")))
        self.heading, self.field, self.message = self.form.heading, self.form.field, self.form.message
        self.buttons, self.ok_button = self.form.buttons, self.form.ok_button
        self.field.textChanged.connect(self._update_ok)
        self.buttons.accepted.connect(self.try_unlock)
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
        self.form.show_problem(text)

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
