"""The window shown the moment the program starts, while the store's libraries load and the store opens.

It has the main window's size and place, its menu titles (greyed) and an empty schedule saying it is
loading, so the assessor sees Nilai at once; the main window takes its place when the store is open.
This module imports only Qt and the UI state, nothing of the store (benchmarks/bench_startup.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from app.ui.state import UiState

DEFAULT_SIZE = (1280, 720)  # fits a 1366×768 laptop screen with its task bar

# The main window's menu titles (translated in its context, see app.ui.mainwindow.menus).
MENU_TITLES = ("&File", "&Edit", "&Interview", "Shee&ts", "&Settings", "&Help")


def default_size(widget: QWidget) -> tuple[int, int]:
    """DEFAULT_SIZE, or less on a screen too small for it."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        return DEFAULT_SIZE
    available = screen.availableGeometry()
    return min(DEFAULT_SIZE[0], available.width() - 40), min(DEFAULT_SIZE[1], available.height() - 40)


class StartingWindow(QMainWindow):
    """Nilai as it will look, greyed, with "Opening your data…" where the schedule will be."""

    def __init__(self, ui_state: UiState) -> None:
        super().__init__()
        self.painted = False
        self._until_painted: QEventLoop | None = None
        self.setWindowTitle("Nilai")
        for title in MENU_TITLES:
            self.menuBar().addMenu(QCoreApplication.translate("MainWindow", title)).setEnabled(False)
        self.loading = QLabel(self.tr("Opening your data…"), self)
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.loading)
        self.resize(*default_size(self))
        ui_state.restore_geometry(self, "main")
        self.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self and event.type() == QEvent.Type.Paint:
            self.painted = True
            self.removeEventFilter(self)
            if self._until_painted is not None:
                QTimer.singleShot(0, self._until_painted.quit)  # after this paint is done
        return False

    def show_now(self, wait_ms: int = 2000) -> None:
        """Show and draw the window before the caller goes on to the slow part of the start."""
        self.show()
        if self.painted:
            return
        self._until_painted = QEventLoop(self)
        QTimer.singleShot(wait_ms, self._until_painted.quit)  # a platform that never paints (none known)
        self._until_painted.exec()
        self._until_painted = None
