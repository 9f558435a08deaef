"""The coordinator's own top-level window around one :class:`~app.ui.coordinator.view.CoordinatorView`.

Opened from the "Koordinator" menu (:mod:`app.ui.coordinator.actions`), which imports this module
only when the window is first opened: the view loads the consolidation (numpy, krippendorff).
"""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from app.ui.coordinator.services import CoordinatorServices
from app.ui.coordinator.view import CoordinatorView

DEFAULT_SIZE = (1280, 720)


class CoordinatorWindow(QMainWindow):
    """A top-level window around one :class:`CoordinatorView`."""

    def __init__(self, services: CoordinatorServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Coordinator — Nilai"))
        self.view = CoordinatorView(services.store, services.runner, services.data_dir, services.lang, self,
                                    services=services)
        self.setCentralWidget(self.view)
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            self.resize(min(DEFAULT_SIZE[0], available.width() - 40), min(DEFAULT_SIZE[1], available.height() - 40))
        else:
            self.resize(*DEFAULT_SIZE)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.hide()
        event.ignore()  # kept for the next time it is opened (its state and last ranking stay)
