"""Return for revision…: the coordinator's comment to the assessor, required (it becomes the reason of
the assessor's new version)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.assessments.returns import MAX_COMMENT


class ReturnDialog(QDialog):
    def __init__(self, assessor_name: str, region_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return for revision"))
        self.resize(520, 280)
        intro = QLabel(self.tr("%1's assessment of %2 goes back to them with your comment. They see it at their "
                               "next sync (or in the next round package), reopen it as a new version with your "
                               "comment as the reason, and send it back finalized and signed.")
                       .replace("%1", assessor_name).replace("%2", region_name), self)
        intro.setWordWrap(True)
        self.comment = QPlainTextEdit(self)
        self.comment.setPlaceholderText(self.tr("What to revise (required), e.g. I2.3: level 4 needs the 2018 budget "
                                                "document as evidence"))
        self.comment.setAccessibleName(self.tr("Comment to the assessor"))
        self.comment.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Return"))
        self.ok.setEnabled(False)
        self.comment.textChanged.connect(lambda: self.ok.setEnabled(0 < len(self.comment_text()) <= MAX_COMMENT))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.comment, 1)
        layout.addWidget(self.buttons)

    def comment_text(self) -> str:
        return self.comment.toPlainText().strip()

    def accept(self) -> None:
        if 0 < len(self.comment_text()) <= MAX_COMMENT:
            super().accept()
