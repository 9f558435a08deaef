"""Reopening a finalized assessment makes a new version; the reason is required and kept."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class ReopenDialog(QDialog):
    def __init__(self, region_name: str, parent: QWidget | None = None, reason: str = "") -> None:
        """``reason``: filled in already (the coordinator's comment on an assessment returned for revision)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reopen as a new version"))
        self.resize(480, 260)
        intro = QLabel(self.tr("The finalized assessment of %1 stays as it is; a new draft version is made from it. "
                               "Say why it is reopened: the reason is kept in the assessment's history.")
                       .replace("%1", region_name), self)
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for reopening"))
        self.reason.setPlaceholderText(self.tr("Reason (required), e.g. the delegation sent the regulation afterwards"))
        self.reason.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Reopen"))
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda: self.ok.setEnabled(bool(self.reason_text())))
        self.reason.setPlainText(reason)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.buttons)

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def accept(self) -> None:
        if self.reason_text():
            super().accept()
