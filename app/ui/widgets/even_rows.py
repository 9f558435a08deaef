"""Rows of one height in a table whose cells wrap: as tall as the tallest cell needs, up to a few lines.

``resizeRowsToContents`` gives each row its own height, so a grid where one long name wraps reads
unevenly (a tall row among short ones, and empty rows shortest of all). :class:`EvenRows` keeps
every row at the height of the tallest one, never more than ``max_lines`` lines of text (a longer
name is cut with "…" on screen; its full text stays in the tooltip and what a screen reader reads),
and measures again when the model changes or a column is resized (a wider window unwraps names).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

PADDING = 6  # above and below the text, as the delegate draws it


class EvenRows(QObject):
    def __init__(self, view: QTableView, max_lines: int = 2) -> None:
        super().__init__(view)
        self.view, self.max_lines = view, max_lines
        view.setWordWrap(True)
        header = view.verticalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # one height for all: not dragged row by row
        self._later = QTimer(self)  # many resizes while a window is dragged: measure once, when they stop
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        view.horizontalHeader().sectionResized.connect(lambda *_: self._later.start())
        view.installEventFilter(self)  # a larger font makes every line taller
        model = view.model()
        if model is not None:
            for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.dataChanged):
                signal.connect(lambda *_: self._later.start())
        self.fit()

    def line_height(self) -> int:
        return self.view.fontMetrics().lineSpacing()

    def limits(self) -> tuple[int, int]:
        """The least and the most a row may take: one line, and ``max_lines`` lines of text."""
        line = self.line_height()
        return line + PADDING, self.max_lines * line + PADDING

    def fit(self) -> int:
        """Give every row the height the tallest one needs (within the limits); returns that height."""
        least, most = self.limits()
        model = self.view.model()
        rows = model.rowCount() if model is not None else 0
        tallest = max((self.view.sizeHintForRow(row) for row in range(rows)), default=least)
        height = min(max(tallest, least), most)
        header = self.view.verticalHeader()
        header.setMinimumSectionSize(least)
        header.setDefaultSectionSize(height)
        for row in range(rows):  # rows sized before keep their height otherwise
            if header.sectionSize(row) != height:
                header.resizeSection(row, height)
        return height

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:
            self._later.start()
        return False
