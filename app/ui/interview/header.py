"""Above an interview: the region (name, province, code), the slot, the status, the delegation, the clock."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.models.domain import AssessmentSnapshot
from app.ui.interview.timer import InterviewTimer
from app.ui.widgets import status as st


class InterviewHeader(QFrame):
    def __init__(self, timer: InterviewTimer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.region = QLabel(self)
        font = self.region.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.region.setFont(font)
        self.region.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel(self)
        self.details.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status_icon = QLabel(self)
        self.status = QLabel(self)
        self.delegation = QLabel(self)
        self.delegation.setWordWrap(True)
        self.delegation.setTextFormat(Qt.TextFormat.PlainText)
        self.delegation_button = QToolButton(self)
        self.delegation_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.timer = timer
        title = QHBoxLayout()
        title.addWidget(self.region)
        title.addSpacing(12)
        title.addWidget(self.status_icon)
        title.addWidget(self.status)
        title.addStretch(1)
        people = QHBoxLayout()
        people.addWidget(self.delegation, 1)
        people.addWidget(self.delegation_button, 0, Qt.AlignmentFlag.AlignTop)
        left = QVBoxLayout()
        left.setSpacing(2)
        left.addLayout(title)
        left.addWidget(self.details)
        left.addLayout(people)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.addLayout(left, 0, 0)
        grid.addWidget(self.timer, 0, 1, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(0, 1)

    def set_delegation_action(self, action: QAction) -> None:
        self.delegation_button.setDefaultAction(action)

    def set_snapshot(self, snap: AssessmentSnapshot) -> None:
        region = snap.region
        self.region.setText(region.name)
        parts = [region.province_name, self.tr("code %1").replace("%1", region.code)]
        if snap.slot is not None:
            day = QLocale().toString(QDate(snap.slot.day.year, snap.slot.day.month, snap.slot.day.day),
                                     "dddd, d MMMM yyyy")
            parts.append(f"{day}, {snap.slot.start:%H:%M} ({snap.slot.minutes} {self.tr('min')})")
            parts.append(" · ".join(part for part in (snap.slot.panel_name, snap.slot.room) if part))
        if snap.previous_version_id:
            parts.append(self.tr("reopened version"))
        self.details.setText(" · ".join(parts))
        status = str(snap.status)
        self.status_icon.setPixmap(st.status_icon(status).pixmap(14, 14))
        self.status.setText(st.status_text(status))
        if snap.delegation:
            people = "; ".join(f"{d.name} ({d.role})" if d.role else d.name for d in snap.delegation)
            self.delegation.setText(self.tr("Delegation: %1").replace("%1", people))
        else:
            self.delegation.setText(self.tr("Delegation: nobody recorded yet"))
