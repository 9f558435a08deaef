"""Check signed sheets: open or drop PDFs, see signer, NIP, fingerprint, time, intact, whole file, trusted.

Trusted are this computer's own certificate and those kept under ``<data_dir>/trusted/``; "Trust
this certificate" adds the selected sheet's signer there (after showing its fingerprint to compare
with the one the assessor gives), and checks the list again. Checking runs on the task runner.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import identity
from app.sheets.export import load_trusted, trust_certificate, verify_files
from app.ui.tasks import TaskRunner
from app.ui.widgets.pickers import PickPdfs, pick_pdfs_dialog

if TYPE_CHECKING:  # pyHanko loads when a sheet is checked, not when the menu is built
    from app.sheets.signing import SheetVerification

GOOD, BAD = QColor("#1e7b34"), QColor("#b03a2e")

Index = QModelIndex | QPersistentModelIndex


def _grouped(fingerprint: str | None) -> str:
    if not fingerprint:
        return "–"
    return " ".join(fingerprint[i:i + 4] for i in range(0, 12, 4)).upper() + " …"


class VerifyResultsModel(QAbstractTableModel):
    """One row per checked file. ``ResultRole`` gives the SheetVerification, ``PathRole`` the path."""

    FILE, RESULT, SIGNER, NIP, FINGERPRINT, TIME, INTACT, WHOLE, TRUSTED = range(9)
    COLUMNS = 9
    ResultRole = Qt.ItemDataRole.UserRole + 1
    PathRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Path, SheetVerification]] = []

    def headers(self) -> list[str]:
        return [self.tr("File"), self.tr("Result"), self.tr("Signer"), self.tr("NIP"), self.tr("Fingerprint"),
                self.tr("Signed at"), self.tr("Intact"), self.tr("Whole file"), self.tr("Trusted")]

    def set_results(self, rows: list[tuple[Path, SheetVerification]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def results(self) -> list[tuple[Path, SheetVerification]]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMNS:
            return self.headers()[section]
        return None

    def _yes_no(self, value: bool) -> str:
        return ("✓ " + self.tr("yes")) if value else ("✗ " + self.tr("no"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        path, check = self._rows[index.row()]
        column = index.column()
        if role == self.ResultRole:
            return check
        if role == self.PathRole:
            return str(path)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.FILE:
                return path.name
            if column == self.RESULT:
                return ("✓ " + self.tr("valid")) if check.valid else ("✗ " + self.tr("not valid"))
            if column == self.SIGNER:
                return check.signer_name or "–"
            if column == self.NIP:
                return check.nip or "–"
            if column == self.FINGERPRINT:
                return _grouped(check.fingerprint)
            if column == self.TIME:
                return f"{check.signing_time.astimezone():%Y-%m-%d %H:%M}" if check.signing_time else "–"
            if column == self.INTACT:
                return self._yes_no(check.intact)
            if column == self.WHOLE:
                return self._yes_no(check.covers_whole_file)
            if column == self.TRUSTED:
                return self._yes_no(check.trusted)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.FILE:
                return str(path)
            if column == self.FINGERPRINT:
                return check.fingerprint or None
            if check.problems:
                return "\n".join(check.problems)
            return self.tr("valid") if check.valid else None
        if role == Qt.ItemDataRole.ForegroundRole:
            flag = {self.INTACT: check.intact, self.WHOLE: check.covers_whole_file,
                    self.TRUSTED: check.trusted}.get(column)
            if flag is not None:
                return QBrush(GOOD if flag else BAD)
            if column in (self.FILE, self.RESULT):
                return QBrush(GOOD if check.valid else BAD)
        return None


class VerifyDialog(QDialog):
    verified = Signal(int, int)  # files checked, files valid

    def __init__(self, data_dir: str | os.PathLike[str], runner: TaskRunner, parent: QWidget | None = None, *,
                 pick_pdfs: PickPdfs = pick_pdfs_dialog) -> None:
        super().__init__(parent)
        self.data_dir, self.runner, self.pick_pdfs = Path(data_dir), runner, pick_pdfs
        self.paths: list[Path] = []
        self.setWindowTitle(self.tr("Verify signed sheets"))
        self.setAcceptDrops(True)
        self.hint = QLabel(self.tr("Open signed PDF sheets, or drop them here. A sheet is valid when it is intact "
                                   "and its signature covers the whole file."), self)
        self.hint.setWordWrap(True)
        self.model = VerifyResultsModel(self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.setAccessibleName(self.tr("Sheets checked"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VerifyResultsModel.FILE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("&Open PDFs…"), self)
        self.open_button.clicked.connect(self.open_files)
        self.trust_button = QPushButton(self.tr("&Trust this certificate"), self)
        self.trust_button.setToolTip(self.tr("Trust the signer of the selected sheet on this computer"))
        self.trust_button.clicked.connect(self.trust_selected)
        self.clear_button = QPushButton(self.tr("C&lear list"), self)
        self.clear_button.clicked.connect(self.clear)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.trust_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.resize(1100, 460)
        self._selection_changed()

    # -- files in ------------------------------------------------------------------------------

    def open_files(self) -> None:
        self.add_files(self.pick_pdfs(self))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    def add_files(self, paths: list[str] | list[Path]) -> None:
        new = []
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                new += sorted(path.glob("*.pdf"))
            else:
                new.append(path)
        added = [p for p in dict.fromkeys(new) if p not in self.paths]
        if not added:
            return
        self.paths += added
        self.verify()

    def clear(self) -> None:
        self.paths = []
        self.model.set_results([])
        self.summary.clear()
        self._selection_changed()

    # -- checking ------------------------------------------------------------------------------

    def trusted_certificates(self) -> list[Any]:
        certs = load_trusted(self.data_dir)
        with contextlib.suppress(identity.IdentityError):
            certs.append(identity.load_identity(self.data_dir).certificate)
        return certs

    def verify(self) -> None:
        self.summary.setText(self.tr("Checking…"))
        self.runner.run(verify_files, list(self.paths), self.trusted_certificates(),
                        label=self.tr("Verifying sheets"), on_done=self._verified, on_error=self._failed)

    def _verified(self, results: list[tuple[Path, SheetVerification]]) -> None:
        selected = self.selected_row()
        self.model.set_results(results)
        valid = sum(check.valid for _, check in results)
        trusted = sum(check.trusted for _, check in results)
        text = self.tr("%n file(s) checked", "", len(results)) + ": " + self.tr(
            "%1 valid, %2 not valid, %3 from a trusted signer.").replace("%1", str(valid)).replace(
            "%2", str(len(results) - valid)).replace("%3", str(trusted))
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {(GOOD if valid == len(results) else BAD).name()};")
        if results:
            self.table.selectRow(min(selected if selected is not None else 0, len(results) - 1))
        self._selection_changed()
        self.verified.emit(len(results), valid)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(self.tr("The sheets could not be checked: %1").replace("%1", str(error)))

    # -- selection and trust ---------------------------------------------------------------------

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def selected(self) -> SheetVerification | None:
        row = self.selected_row()
        if row is None:
            return None
        return self.model.index(row, 0).data(VerifyResultsModel.ResultRole)

    def _selection_changed(self, *_args: object) -> None:
        check = self.selected()
        self.trust_button.setEnabled(bool(check and check.intact and check.certificate_pem and not check.trusted))
        if check is None:
            self.details.clear()
            return
        lines = [self.tr("Signer: %1").replace("%1", ", ".join(
            part for part in (check.signer_name, check.organisation) if part) or "–")]
        if check.fingerprint:
            lines.append(self.tr("Certificate fingerprint (SHA-256): %1").replace("%1", check.fingerprint))
        if check.reason or check.location:
            lines.append(" · ".join(part for part in (check.reason, check.location) if part))
        lines += [self.tr("Problem: %1").replace("%1", problem) for problem in check.problems]
        self.details.setText("\n".join(lines))

    def trust_selected(self, confirm: bool = True) -> bool:
        check = self.selected()
        if check is None or not check.certificate_pem:
            return False
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Trust this certificate?"),
                self.tr("Trust the certificate of %1 on this computer?\n\nCompare this fingerprint with the one the "
                        "assessor gives you (in person or by phone):\n%2").replace("%1", check.signer_name or "?")
                .replace("%2", check.fingerprint or "?"))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            trust_certificate(self.data_dir, check.certificate_pem)
        except (OSError, identity.IdentityError) as exc:
            self.summary.setText(str(exc))
            return False
        self.verify()
        return True
