"""Filtering the schedule by region name/code/province and by status, keeping the tree around hits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from app.ui.schedule.model import KindRole, SearchTextRole, StatusRole


class ScheduleFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._words: list[str] = []
        self._statuses: frozenset[str] = frozenset()

    def set_search(self, text: str) -> None:
        words = text.lower().split()
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange()

    def set_statuses(self, statuses: set[str] | frozenset[str]) -> None:
        """Only slots with one of these statuses; an empty set shows every status."""
        statuses = frozenset(statuses)
        if statuses != self._statuses:
            self.beginFilterChange()
            self._statuses = statuses
            self.endFilterChange()

    @property
    def active(self) -> bool:
        return bool(self._words or self._statuses)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if model.data(index, KindRole) != "slot":
            # Groups show when nothing filters; otherwise only as the path to an accepted slot.
            return not self.active
        if self._statuses and model.data(index, StatusRole) not in self._statuses:
            return False
        haystack = model.data(index, SearchTextRole) or ""
        return all(word in haystack for word in self._words)
