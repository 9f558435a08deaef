"""What the five step pages have in common: a title, a line saying what the step is for, and a
``refresh`` that reads the step back from the core whenever the round or its data change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.setup.context import SetupContext


class SetupPage(QWidget):
    def __init__(self, ctx: SetupContext, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title = QLabel(title, self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.title)
        self.body.addWidget(self.intro)
        ctx.round_changed.connect(lambda _id: self.refresh())
        ctx.changed.connect(self.refresh)

    @property
    def store(self):
        return self.ctx.store

    @property
    def round_id(self) -> str:
        return self.ctx.round_id

    def refresh(self) -> None:
        """Read this step back from the core."""

    def state(self) -> str:
        """A few words for the step list: what this step holds now."""
        return ""
