"""Import an instrument from an XLSForm-style workbook, with every problem shown as a readable list.

Entry points for other windows (the round-setup workspace links here):
``InstrumentWorkbookImport(parent, store).choose_and_import()`` asks for a file and imports it,
``.import_file(path)`` imports a given one; both return the instrument, or None when nothing was
stored (cancelled, or the workbook has problems: they are shown in an
:class:`InstrumentProblemsDialog`, by sheet, row and column). ``imported`` is emitted on success.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.instruments import InstrumentError
from app.models.domain import Instrument
from app.store import Store, StoreError

__all__ = ["InstrumentProblemsDialog", "InstrumentWorkbookImport", "pick_workbook_dialog"]

PickWorkbook = Callable[[QWidget], Path | None]


def pick_workbook_dialog(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("InstrumentWorkbookImport", "Import instrument from workbook"), "",
        QCoreApplication.translate("InstrumentWorkbookImport", "Excel workbooks (*.xlsx);;All files (*)"))
    return Path(path) if path else None


class InstrumentProblemsDialog(QDialog):
    """Every problem of a workbook, one per line, to read and to copy; nothing was imported."""

    def __init__(self, path: Path, problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The instrument was not imported"))
        self.resize(820, 420)
        heading = QLabel(self.tr("%n problem(s) in {file}. Nothing was imported: fix them in the workbook and "
                                 "import it again.", "", len(problems)).format(file=path.name), self)
        heading.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setAccessibleName(self.tr("Problems of the workbook"))
        self.problems.addItems(problems)
        self.problems.setWordWrap(True)
        self.problems.setAlternatingRowColors(True)
        copy = QPushButton(self.tr("&Copy the list"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText("\n".join(problems)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)


class InstrumentWorkbookImport(QObject):
    imported = Signal(object)  # the Instrument, now in the store

    def __init__(self, parent: QWidget, store: Store, lang: str = "id",
                 pick_workbook: PickWorkbook = pick_workbook_dialog) -> None:
        super().__init__(parent)
        self.parent_widget, self.store, self.lang, self.pick_workbook = parent, store, lang, pick_workbook
        # Tests replace this to look at a dialog instead of waiting for a person to close it.
        self.run_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()

    def choose_and_import(self) -> Instrument | None:
        path = self.pick_workbook(self.parent_widget)
        return self.import_file(path) if path is not None else None

    def import_file(self, path: Path) -> Instrument | None:
        # deferred: openpyxl and pyxform, loaded when a workbook is first imported rather than at start-up
        from app.instruments.workbooks import import_instrument_workbook

        try:
            instrument, added = import_instrument_workbook(self.store, path)
        except InstrumentError as exc:
            self.run_dialog(InstrumentProblemsDialog(Path(path), exc.problems, self.parent_widget))
            return None
        except (StoreError, OSError) as exc:
            self._tell(QMessageBox.Icon.Warning, self.tr("The instrument was not imported"), str(exc))
            return None
        what = (self.tr("Imported {title} — {id} {version}: {count} indicators, content hash {hash}.") if added else
                self.tr("{title} — {id} {version} (content hash {hash}) was already in this data directory."))
        self._tell(QMessageBox.Icon.Information, self.tr("Instrument imported"), what.format(
            title=instrument.title.get(self.lang), id=instrument.id,
            version=instrument.version, count=len(instrument.indicators()), hash=instrument.content_hash[:12]))
        self.imported.emit(instrument)
        return instrument

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.parent_widget)
        self.run_dialog(box)
