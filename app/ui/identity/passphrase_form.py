"""The form both passphrase dialogs show: a heading, the hidden passphrase field, an inline problem
line and the two buttons.

The texts come from the dialog (its own ``self.tr``), so each dialog keeps its translation context;
what happens on OK, and when OK is allowed, stays with the dialog too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout

ERROR_STYLE = "color: #b03a2e;"


@dataclass(frozen=True)
class PassphraseTexts:
    """The words of the form, translated by the dialog that shows it."""

    heading: str
    passphrase: str  # the field's placeholder and accessible name
    problem: str  # the accessible name of the problem line
    ok: str
    cancel: str


@dataclass(frozen=True)
class PassphraseForm:
    dialog: QDialog
    heading: QLabel
    field: QLineEdit
    message: QLabel
    buttons: QDialogButtonBox
    ok_button: QPushButton

    def show_problem(self, text: str) -> None:
        """Say ``text`` under the field and grow the dialog to the wrapped lines' height rather than squeeze
        the heading or the buttons."""
        self.message.setText(text)
        self.message.show()
        layout = self.dialog.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.dialog.width())
        if needed > self.dialog.height():
            self.dialog.resize(self.dialog.width(), needed)


def passphrase_form(dialog: QDialog, texts: PassphraseTexts) -> PassphraseForm:
    """Build the form into ``dialog`` (its layout); Cancel rejects it, OK is the dialog's to connect."""
    heading = QLabel(texts.heading, dialog)
    heading.setWordWrap(True)
    heading.setTextFormat(Qt.TextFormat.PlainText)
    field = QLineEdit(dialog)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(texts.passphrase)
    field.setAccessibleName(texts.passphrase)
    message = QLabel(dialog)
    message.setWordWrap(True)
    message.setStyleSheet(ERROR_STYLE)
    message.setAccessibleName(texts.problem)
    message.hide()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok_button.setText(texts.ok)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(texts.cancel)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(heading)
    layout.addWidget(field)
    layout.addWidget(message)
    layout.addStretch(1)
    layout.addWidget(buttons)
    return PassphraseForm(dialog, heading, field, message, buttons, ok_button)
