"""Window geometry, splitter positions and other view state, kept beside the data.

The file is ``<data_dir>/ui.ini`` (not the platform's settings store), so each data directory,
and each test, has its own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget


class UiState:
    def __init__(self, data_dir: Path) -> None:
        self.settings = QSettings(str(Path(data_dir) / "ui.ini"), QSettings.Format.IniFormat)

    def restore_geometry(self, widget: QWidget, key: str) -> bool:
        value = self.settings.value(f"geometry/{key}")
        return isinstance(value, QByteArray) and widget.restoreGeometry(value)

    def save_geometry(self, widget: QWidget, key: str) -> None:
        self.settings.setValue(f"geometry/{key}", widget.saveGeometry())

    def restore_splitter(self, splitter: QSplitter, key: str) -> bool:
        value = self.settings.value(f"splitter/{key}")
        return isinstance(value, QByteArray) and splitter.restoreState(value)

    def save_splitter(self, splitter: QSplitter, key: str) -> None:
        self.settings.setValue(f"splitter/{key}", splitter.saveState())

    def value(self, key: str, default: object = None) -> object:
        return self.settings.value(key, default)

    def set_value(self, key: str, value: object) -> None:
        self.settings.setValue(key, value)

    def sync(self) -> None:
        self.settings.sync()
