"""The interview clock: start/pause, time elapsed against the slot's length, a warning past it."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QVBoxLayout, QWidget

from app.ui.widgets import status as st


def clock_text(seconds: float) -> str:
    seconds = int(max(0, seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


class InterviewTimer(QWidget):
    running_changed = Signal(bool)
    time_up = Signal()

    def __init__(self, parent: QWidget | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self._limit = 30 * 60
        self._banked = 0.0  # seconds counted before the current run
        self._started: float | None = None
        self._warned = False
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.refresh)
        self.button = QToolButton(self)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.time = QLabel(self)
        font = self.time.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.time.setFont(font)
        self.warning = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(6)
        top = QHBoxLayout()
        top.addWidget(self.button)
        top.addWidget(self.time)
        top.addWidget(self.warning)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        self.refresh()

    def set_action(self, action: QAction) -> None:
        """The menu's start/pause command; the button shows it short and names its shortcut."""
        self.button.clicked.connect(action.trigger)
        self.button.setToolTip(action.toolTip())
        action.changed.connect(lambda: self.button.setEnabled(action.isEnabled()))  # off once finalized
        self.button.setEnabled(action.isEnabled())
        self._show_running(self.running)

    def _show_running(self, running: bool) -> None:
        if running:
            self.button.setText(self.tr("Pause"))
        else:  # time already counted: going on is resuming, not starting again
            self.button.setText(self.tr("Resume") if self._banked > 0 else self.tr("Start"))

    def set_limit(self, minutes: int) -> None:
        self._limit = max(1, minutes) * 60
        self.refresh()

    def reset(self, elapsed: float = 0.0, running: bool = False) -> None:
        self._banked, self._started = max(0.0, elapsed), None
        self._warned = self._banked > self._limit
        if running:
            self.start()
        else:
            self._tick.stop()
            self.refresh()
            self._show_running(False)
            self.running_changed.emit(False)

    @property
    def running(self) -> bool:
        return self._started is not None

    def elapsed(self) -> float:
        return self._banked + (self._clock() - self._started if self._started is not None else 0.0)

    def is_over(self) -> bool:
        return self.elapsed() > self._limit

    def start(self) -> None:
        if self._started is None:
            self._started = self._clock()
            self._tick.start()
            self.refresh()
            self._show_running(True)
            self.running_changed.emit(True)

    def pause(self) -> None:
        if self._started is not None:
            self._banked = self.elapsed()
            self._started = None
            self._tick.stop()
            self.refresh()
            self._show_running(False)
            self.running_changed.emit(False)

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def refresh(self) -> None:
        elapsed = self.elapsed()
        self.time.setText(f"{clock_text(elapsed)} / {clock_text(self._limit)}")
        self.bar.setRange(0, self._limit)
        self.bar.setValue(int(min(elapsed, self._limit)))
        over = elapsed > self._limit
        palette = self.palette()
        if over:
            palette.setColor(QPalette.ColorRole.WindowText, st.WARNING)
            self.warning.setText(self.tr("Time is up (+%1)").replace("%1", clock_text(elapsed - self._limit)))
        self.time.setPalette(palette)
        self.warning.setPalette(palette)
        self.warning.setVisible(over)
        self.time.setToolTip(self.tr("Interview time elapsed / slot length"))
        if over and not self._warned:
            self._warned = True
            self.time_up.emit()
