"""Ctrl+F: find an indicator by code or words of its title, and go there."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QLineEdit, QListView, QVBoxLayout, QWidget

from app.assessments.scoring import Mark
from app.models.domain import Instrument

CodeRole = Qt.ItemDataRole.UserRole + 1


class _WordsFilter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.words = text.lower().split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row, source_parent) -> bool:  # noqa: N802 - Qt override
        text = (self.sourceModel().index(source_row, 0, source_parent).data() or "").lower()
        return all(word in text for word in self.words)


class FindIndicatorDialog(QDialog):
    def __init__(self, instrument: Instrument, lang: str, marks: dict[str, Mark], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen_code: str | None = None
        self.setWindowTitle(self.tr("Find indicator"))
        self.resize(560, 420)
        model = QStandardItemModel(self)
        for dimension in instrument.dimensions:
            for indicator in dimension.indicators:
                mark = marks.get(indicator.code, Mark())
                state = self.tr("N/A") if mark.not_applicable else (str(mark.level) if mark.level is not None else "–")
                item = QStandardItem(f"{indicator.code}  {indicator.title.get(lang)}   [{state}]")
                item.setData(indicator.code, CodeRole)
                if mark.level is None and not mark.not_applicable:  # "–" is not read out: say it
                    item.setData(f"{indicator.code} {indicator.title.get(lang)}, " + self.tr("no level"),
                                 Qt.ItemDataRole.AccessibleTextRole)
                item.setToolTip(f"{dimension.title.get(lang)}: {indicator.question.get(lang)}")
                item.setEditable(False)
                model.appendRow(item)
        self.proxy = _WordsFilter(self)
        self.proxy.setSourceModel(model)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Code or words of the title"))
        self.search.setAccessibleName(self.tr("Find indicator"))
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Indicators"))
        self.list.setModel(self.proxy)
        self.list.activated.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        self.list.setCurrentIndex(self.proxy.index(0, 0))

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self.list.setCurrentIndex(self.proxy.index(0, 0))

    def _choose(self, index) -> None:
        if index.isValid():
            self.chosen_code = index.data(CodeRole)
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.list.keyPressEvent(event)  # move through the hits without leaving the search field
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose(self.list.currentIndex())
                return True
        return super().eventFilter(watched, event)
