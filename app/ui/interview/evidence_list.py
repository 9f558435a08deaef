"""Evidence attached to the current indicator: add files or photos (also by dropping), open, remove.

Files are copied into the data directory and hashed by the core (app.assessments.add_evidence);
this list shows what is attached and asks for changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QDragEnterEvent, QDropEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QToolButton, QVBoxLayout, QWidget

from app.models.domain import EvidenceInfo
from app.store import sealed

EvidenceIdRole = Qt.ItemDataRole.UserRole + 1
PlaceholderRole = Qt.ItemDataRole.UserRole + 4  # the "No evidence attached" row


class EvidenceList(QWidget):
    remove_requested = Signal(str)  # evidence id
    files_dropped = Signal(list)  # list[Path]

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_dir = Path(data_dir)
        self._read_only = False
        self.list = QListWidget(self)
        self.list.setAlternatingRowColors(True)
        self.list.setMinimumHeight(48)
        self.list.setAccessibleName(self.tr("Evidence"))
        self.list.itemActivated.connect(self._open)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.list.setToolTip(self.tr("Attached files; double-click to open. Drop files here to attach them."))
        self.list.installEventFilter(self)
        self.setAcceptDrops(True)
        self.attach_button = QToolButton(self)
        self.attach_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.remove_button = QToolButton(self)
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Detach the selected file from this indicator"))
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_attach_action(self, action: QAction) -> None:
        self.attach_button.setDefaultAction(action)

    def set_evidence(self, evidence: tuple[EvidenceInfo, ...], read_only: bool) -> None:
        self._read_only = read_only
        current = self.list.currentItem().data(EvidenceIdRole) if self.list.currentItem() else None
        self.list.clear()
        locale = QLocale()
        for info in evidence:
            item = QListWidgetItem(f"{info.file_name}  ({locale.formattedDataSize(info.size)})")
            item.setData(EvidenceIdRole, info.id)
            item.setData(Qt.ItemDataRole.UserRole + 2, info.stored_path)
            item.setData(Qt.ItemDataRole.UserRole + 3, info.file_name)
            item.setToolTip(f"SHA-256 {info.sha256}")
            self.list.addItem(item)
            if info.id == current:
                self.list.setCurrentItem(item)
        if not evidence:
            placeholder = QListWidgetItem(self.tr("No evidence attached"))
            # enabled, not selectable: a disabled item's grey (#bebebe on white) is 1.9:1, unreadable
            placeholder.setFlags(Qt.ItemFlag.ItemIsEnabled)
            placeholder.setData(PlaceholderRole, True)
            placeholder.setForeground(self.list.palette().brush(QPalette.ColorRole.PlaceholderText))
            self.list.addItem(placeholder)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        self.remove_button.setEnabled(not self._read_only and item is not None and bool(item.data(EvidenceIdRole)))

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(EvidenceIdRole) and not self._read_only:
            self.remove_requested.emit(item.data(EvidenceIdRole))

    def _open(self, item: QListWidgetItem) -> None:
        stored = item.data(Qt.ItemDataRole.UserRole + 2)
        if stored:  # an encrypted store's evidence opens from a private unsealed copy
            path = sealed.viewable(self._data_dir / stored, item.data(Qt.ItemDataRole.UserRole + 3) or "")
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:  # e.g. Settings → High contrast: the placeholder follows
            for row in range(self.list.count()):
                item = self.list.item(row)
                if item.data(PlaceholderRole):  # the list inherits this palette after this event
                    item.setForeground(self.palette().brush(QPalette.ColorRole.PlaceholderText))
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Delete in the list detaches the selected file (not the window's "clear level").
        if watched is self.list and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Delete:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self._remove()
                return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if not self._read_only and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        paths = [p for p in paths if p.is_file()]
        if paths and not self._read_only:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
