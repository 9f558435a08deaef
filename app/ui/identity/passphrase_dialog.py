"""Ask for the signing key's passphrase once, right before signing; unlock the key here.

A wrong passphrase is said inline and the field is cleared for another try. After too many wrong
tries the identity's throttle (``app.identity.UnlockThrottle``) refuses further attempts for a
while: the dialog then says how long to wait, counts down, and keeps the OK button off until the
wait is over, so no burst of guesses reaches the key.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from app import identity
from app.identity import IdentityError, UnlockedIdentity, UnlockThrottle, WrongPassphrase
from app.ui.identity.passphrase_form import PassphraseTexts, passphrase_form

_WAIT = re.compile(r"wait (\d+) second")


class PassphraseDialog(QDialog):
    """``exec()`` accepted → ``unlocked`` holds the decrypted identity for this batch."""

    def __init__(self, data_dir: str | os.PathLike[str], parent: QWidget | None = None, *,
                 purpose: str = "", throttle: UnlockThrottle | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.throttle = throttle
        self.unlocked: UnlockedIdentity | None = None
        self.attempts = 0
        self._wait_left = 0
        info = identity.load_identity(self.data_dir)
        self.setWindowTitle(self.tr("Unlock the signing key"))
        text = self.tr("Passphrase of %1's signing key (NIP %2).").replace("%1", info.name).replace(
            "%2", info.nip or "–")
        self.form = passphrase_form(self, PassphraseTexts(
            heading=f"{purpose}\n\n{text}" if purpose else text, passphrase=self.tr("Passphrase"),
            problem=self.tr("Problem"), ok=self.tr("Unlock"), cancel=self.tr("Cancel")))
        self.heading, self.field, self.message = self.form.heading, self.form.field, self.form.message
        self.buttons, self.ok_button = self.form.buttons, self.form.ok_button
        self.field.textChanged.connect(self._update_ok)
        self.buttons.accepted.connect(self.try_unlock)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.setMinimumWidth(420)
        self._update_ok()

    @classmethod
    def ask(cls, data_dir: str | os.PathLike[str], parent: QWidget | None = None, *, purpose: str = "",
            throttle: UnlockThrottle | None = None) -> UnlockedIdentity | None:
        """The unlocked identity, or None if the assessor cancelled."""
        dialog = cls(data_dir, parent, purpose=purpose, throttle=throttle)
        try:
            return dialog.unlocked if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.field.text()) and self._wait_left == 0)

    def _show(self, text: str) -> None:
        self.form.show_problem(text)

    def try_unlock(self) -> None:
        if not self.field.text() or self._wait_left:
            return
        self.attempts += 1
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.unlocked = identity.unlock(self.data_dir, self.field.text(), throttle=self.throttle)
        except WrongPassphrase:
            self._show(self.tr("That passphrase is not correct. Check Caps Lock and the keyboard layout, "
                               "then try again."))
            self.field.clear()
            self.field.setFocus()
            self._check_throttle()
            return
        except IdentityError as exc:
            match = _WAIT.search(str(exc))
            if match is None:
                self._show(str(exc))
                return
            self.field.clear()
            self._start_wait(int(match.group(1)))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.field.clear()
        self.accept()

    def _check_throttle(self) -> None:
        """After a wrong try, say at once if the next one must wait (rather than on the next try)."""
        throttle = self.throttle or identity.DEFAULT_THROTTLE
        # the key app.identity.unlock uses for this identity
        key = str((self.data_dir / identity.IDENTITY_DIR).resolve())
        try:
            throttle.check(key)
        except IdentityError as exc:
            match = _WAIT.search(str(exc))
            if match is not None:
                self._start_wait(int(match.group(1)))

    def _start_wait(self, seconds: int) -> None:
        self._wait_left = max(1, seconds)
        self.field.setEnabled(False)
        self._tick(count=False)
        self.timer.start()

    def _tick(self, count: bool = True) -> None:
        if count:
            self._wait_left = max(0, self._wait_left - 1)
        if self._wait_left:
            self._show(self.tr("Too many wrong passphrases. You can try again in %n second(s).", "",
                               self._wait_left))
        else:
            self.timer.stop()
            self.field.setEnabled(True)
            self.field.setFocus()
            self._show(self.tr("You can try again now."))
        self._update_ok()
