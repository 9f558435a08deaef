"""The palette follows the system's theme while Nilai runs: a switch to dark (or back), or another theme,
tunes the new palette to WCAG AA again (or gives the high-contrast one in the new light or dark).

Qt says a theme changed in two ways: ``QStyleHints.colorSchemeChanged`` (light ↔ dark) and a
``ThemeChange`` event sent to every window (any theme or system-colour change); the main window's
is watched (a filter on the application would run Python for every event of every widget). The
events of one change are gathered into one recomputation. ``ApplicationPaletteChange`` is not
watched: setting the tuned palette sends it too, and so does any palette set by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from app.ui.widgets import contrast

ReadSystem = Callable[[], QPalette]


class ThemeFollower(QObject):
    def __init__(self, window: QWidget, read_system: ReadSystem = contrast.system_palette) -> None:
        super().__init__(window)  # goes with the window
        self.read_system = read_system  # tests give a palette of their own: the offscreen theme never changes
        self.changes = 0  # how many times the palette was worked out again
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.recompute)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._changed)
        window.installEventFilter(self)

    def _changed(self, _scheme: Qt.ColorScheme | None = None) -> None:
        self._later.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ThemeChange:
            self._later.start()
        return False

    def recompute(self) -> QPalette:
        self.changes += 1
        return contrast.follow_system(self.read_system())
