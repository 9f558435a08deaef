"""The coordinator's comment on an assessment returned for revision, above the interview.

Shown while the return waits (with a button that reopens the assessment as a new version, the
comment as its reason) and while the reopened version is being revised; gone once it is finalized.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.assessments.returns import OPEN, ReturnInfo


class ReturnNotice(QFrame):
    reopen_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.info: ReturnInfo | None = None
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.reopen = QPushButton(self.tr("Reopen for &revision…"), self)
        self.reopen.setToolTip(self.tr("Make a new version of this assessment, with the coordinator's comment as "
                                       "the reason; finalize and sign it again, and it goes back at the next sync"))
        self.reopen.clicked.connect(self.reopen_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.reopen)
        self.hide()

    def show_return(self, info: ReturnInfo | None, read_only: bool) -> None:
        self.info = info
        if info is None:
            self.hide()
            return
        day = info.returned_at.date()
        when = QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
        template = (self.tr("Returned for revision by %1 on %2: “%3”") if info.state == OPEN else
                    self.tr("Being revised for the coordinator (returned by %1 on %2): “%3”"))
        text = template.replace("%1", info.returned_by.split(" <")[0]).replace("%2", when).replace("%3", info.comment)
        self.text.setText(text)
        self.setAccessibleName(text)
        self.setToolTip(text)
        self.reopen.setVisible(info.state == OPEN and read_only)
        self.show()
