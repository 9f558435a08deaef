"""The assessor's profile (name, NIP, organisation) and the interface language.

Shown on the first start of a data directory, and later from Settings → Profile. Choosing a
language switches this dialog's text at once, so the assessor reads the rest in it.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.models.domain import AssessorInfo
from app.ui import i18n


class FirstRunDialog(QDialog):
    def __init__(self, lang: str, profile: AssessorInfo | None = None, parent: QWidget | None = None,
                 switch_language: bool = True) -> None:
        super().__init__(parent)
        self._first_run = profile is None
        self._switch_language = switch_language
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.name = QLineEdit(profile.name if profile else "", self)
        self.nip = QLineEdit(profile.nip if profile else "", self)
        self.nip.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 ]{0,24}"), self.nip))
        self.organisation = QLineEdit(profile.organisation if profile else "", self)
        self.language = QComboBox(self)
        for code in i18n.LANGUAGES:
            self.language.addItem(i18n.LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.form = QFormLayout()
        self.labels = []
        for field in (self.name, self.nip, self.organisation, self.language):
            label = QLabel(self)
            label.setBuddy(field)
            self.labels.append(label)
            self.form.addRow(label, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._validate()
        self.resize(520, self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to Nilai") if self._first_run else self.tr("Assessor profile"))
        self.heading.setText(self.windowTitle())
        self.intro.setText(self.tr("Your name, NIP and organisation appear on every evaluation sheet you sign "
                                   "and in the result bundles you send. You can change them later in "
                                   "Settings → Profile."))
        labels = (self.tr("&Name:"), self.tr("N&IP:"), self.tr("&Organisation:"), self.tr("Interface &language:"))
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)
        self.name.setPlaceholderText(self.tr("Full name, with academic titles if you use them"))
        self.nip.setPlaceholderText(self.tr("Civil-servant number (18 digits), if you have one"))
        self.organisation.setPlaceholderText(self.tr("e.g. Kementerian Komunikasi dan Informatika"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Start") if self._first_run else self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def _language_changed(self) -> None:
        if self._switch_language:
            i18n.install(self.chosen_language())
            self.retranslate()

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name.text().strip()))

    def chosen_language(self) -> str:
        return self.language.currentData()

    def values(self) -> tuple[str, str, str]:
        return self.name.text().strip(), "".join(self.nip.text().split()), self.organisation.text().strip()
