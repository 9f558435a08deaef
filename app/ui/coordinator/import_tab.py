"""The import tab: take in result bundles (dropped or chosen), read what happened to each bundle and
record, decide on unknown assessor certificates, resolve conflicts, and hand out the round package.

Imports run on the task runner with progress. A bundle signed by a certificate this store does not
trust is rejected by the import; its certificate (fingerprint, name, NIP) is then listed for the
coordinator to trust — after which its bundles are imported again — or to reject. A new certificate
with the name and NIP of an assessor already trusted here (a renewal, or an impostor) shows both
fingerprints and can only be taken in with "Accept as renewal of <name>", which links it to that assessor.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.base.ids import short_id
from app.bundles import report as R
from app.bundles.conflict_views import ConflictView, open_conflict_views
from app.bundles.conflicts import resolve_conflict
from app.bundles.format import PAYLOAD, SUFFIX
from app.bundles.intake import (
    ImportOutcome,
    UnknownCertificate,
    import_files,
    renew_and_import,
    trust_all_and_import,
)
from app.identity import has_identity
from app.ui.coordinator.conflict_dialog import ConflictDialog
from app.ui.coordinator.exports import ExportController
from app.ui.coordinator.import_models import (
    ConflictsModel,
    ImportReportModel,
    UnknownCertificatesModel,
    grouped,
)
from app.ui.coordinator.session import CoordinatorSession, error_text


def bundle_paths(paths: list[Path]) -> list[Path]:
    """The .nilai files among dropped files and folders (a folder: the bundles directly in it)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix == SUFFIX and p.is_file())
        elif path.is_file():
            found.append(path)
    return found


def is_encrypted(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return PAYLOAD in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


class ImportTab(QWidget):
    imported = Signal(object)  # ImportOutcome
    conflicts_changed = Signal(int)

    def __init__(self, session: CoordinatorSession, exports: ExportController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.exports = session, exports
        self.services = session.services
        self.setAcceptDrops(True)
        self.dialog: ConflictDialog | None = None

        drop = QFrame(self)
        drop.setFrameShape(QFrame.Shape.StyledPanel)
        drop.setFrameShadow(QFrame.Shadow.Sunken)
        self.drop_label = QLabel(self.tr("Drop result bundles (.nilai) or a folder of them here"), drop)
        self.choose_button = QPushButton(self.tr("&Choose bundles…"), drop)
        self.choose_button.clicked.connect(self.choose_files)
        self.package_button = QPushButton(self.tr("Export &round package for assessors…"), drop)
        self.package_button.setToolTip(self.tr("The round, its instrument, panels and schedule, signed with your key"))
        self.package_button.clicked.connect(self.exports.export_round_package)
        self.progress = QProgressBar(drop)
        self.progress.setTextVisible(True)
        self.progress.hide()
        row = QHBoxLayout(drop)
        row.addWidget(self.drop_label, 1)
        row.addWidget(self.progress)
        row.addWidget(self.choose_button)
        row.addWidget(self.package_button)

        self.report_model = ImportReportModel(self)
        self.report = QTreeView(self)
        self.report.setModel(self.report_model)
        self.report.setAlternatingRowColors(True)
        self.report.setUniformRowHeights(True)
        self.report.setAccessibleName(self.tr("Import report"))
        self.report.header().setStretchLastSection(True)
        self._fit_report_columns()  # the headers whole from the start ("Assessor / record" was cut)

        self.unknown_model = UnknownCertificatesModel(self)
        self.unknown = QTableView(self)
        self.unknown.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.unknown.setModel(self.unknown_model)
        self.unknown.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # several at once (Shift/Ctrl+click, Ctrl+A): six assessors' fingerprints checked, then trusted together
        self.unknown.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.unknown.verticalHeader().hide()
        self.unknown.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.unknown.horizontalHeader().setStretchLastSection(True)
        self.unknown.setAccessibleName(self.tr("Unknown assessor certificates"))
        self.trust_button = QPushButton(self.tr("Trust and i&mport"), self)
        self.select_all_button = QPushButton(self.tr("Select a&ll"), self)
        self.select_all_button.setToolTip(self.tr("Select every certificate listed (Ctrl+A), after checking each "
                                                  "fingerprint"))
        self.select_all_button.clicked.connect(self.unknown.selectAll)
        self.reject_button = QPushButton(self.tr("Re&ject"), self)
        self.renewal_button = QPushButton(self.tr("Accept as re&newal"), self)
        self.renewal_button.hide()
        self.trust_button.clicked.connect(self.trust_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.renewal_button.clicked.connect(self.renew_selected)
        self.unknown.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.renewal_note = QLabel(self)  # the selected certificate's renewal-or-impostor question
        self.renewal_note.setWordWrap(True)
        self.renewal_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.renewal_note.hide()
        self.unknown_box = self._box(
            self.tr("Unknown assessor certificates"),
            self.tr("These bundles are signed correctly, by certificates this computer does not trust yet. Check "
                    "each fingerprint with the assessor (by phone or in person) before trusting it."),
            self.unknown, [self.trust_button, self.select_all_button, self.renewal_button, self.reject_button],
            self.renewal_note)

        self.conflicts_model = ConflictsModel(self)
        self.conflicts = QTableView(self)
        self.conflicts.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.conflicts.setModel(self.conflicts_model)
        self.conflicts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflicts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflicts.verticalHeader().hide()
        self.conflicts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.conflicts.horizontalHeader().setStretchLastSection(True)
        self.conflicts.setAccessibleName(self.tr("Conflicts"))
        self.conflicts.doubleClicked.connect(lambda _index: self.resolve_selected())
        self.resolve_button = QPushButton(self.tr("Re&solve…"), self)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.conflicts.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.conflicts_box = self._box(
            self.tr("Conflicts"),
            self.tr("Competing versions of one assessment: none of them counts until you choose one."),
            self.conflicts, [self.resolve_button])

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.report)
        split.addWidget(self.unknown_box)
        split.addWidget(self.conflicts_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setStretchFactor(2, 1)
        split.setChildrenCollapsible(False)
        self.split = split
        layout = QVBoxLayout(self)
        layout.addWidget(drop)
        layout.addWidget(split, 1)
        self._update_buttons()

    def _box(self, title: str, text: str, view: QWidget, buttons: list[QPushButton],
             below: QWidget | None = None) -> QWidget:
        box = QWidget(self)
        heading = QLabel(f"<b>{title}</b> — {text}", box)
        heading.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(view, 1)
        column = QVBoxLayout()
        for button in buttons:
            column.addWidget(button)
        column.addStretch(1)
        row.addLayout(column)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(row)
        if below is not None:
            layout.addWidget(below)
        return box

    def _update_buttons(self) -> None:
        chosen = self._selected_unknowns()
        selected = chosen[0] if len(chosen) == 1 else None
        renewal = selected is not None and selected.known is not None
        # a renewal is never trusted in passing, not even among others
        self.trust_button.setEnabled(bool(chosen) and all(item.known is None for item in chosen))
        certificates = len({item.info.fingerprint for item in chosen})
        self.trust_button.setText(self.tr("Trust and i&mport") if certificates < 2 else
                                  self.tr("Trust %1 and i&mport").replace("%1", str(certificates)))
        self.reject_button.setEnabled(bool(chosen))
        self.select_all_button.setEnabled(self.unknown_model.rowCount() > 1)
        self.resolve_button.setEnabled(bool(self.conflicts.selectionModel().selectedRows()))
        show = self.unknown_model.rowCount() > 0
        if show != self.unknown_box.isVisibleTo(self):
            self.unknown_box.setVisible(show)
            total = sum(self.split.sizes()) or 600
            self.split.setSizes([total // 2, total // 4, total // 4] if show else [total * 3 // 4, 0, total // 4])
        self._show_renewal(selected if renewal else None)

    def _show_renewal(self, selected: UnknownCertificate | None) -> None:
        """Name the renewal-or-impostor question with both fingerprints, and offer only the explicit acceptance."""
        self.renewal_button.setVisible(selected is not None)
        self.renewal_note.setVisible(selected is not None)
        if selected is None or selected.known is None:
            self.unknown_box.setMinimumHeight(0)
            return
        name = selected.known.name
        self.renewal_button.setText(self.tr("Accept as re&newal of %1").replace("%1", name))
        self.renewal_note.setText(
            self.tr("<b>Same person (name + NIP), different key: a renewal or an impostor?</b> %1 (NIP %2) is "
                    "trusted here with the certificate<br><tt>%3</tt> (known)<br>and this bundle is signed with"
                    "<br><tt>%4</tt> (new).<br>Ask %1 by phone or in person whether they made a new key, and "
                    "check the new fingerprint before accepting it as their renewal: their records then stay "
                    "one assessor.")
            .replace("%1", name).replace("%2", selected.known.nip)
            .replace("%3", grouped(selected.known.fingerprint)).replace("%4", grouped(selected.info.fingerprint)))
        # the question must be read whole (Indonesian wraps to more lines): the splitter gives the box its minimum
        box = self.unknown_box
        self.unknown_box.setMinimumHeight(max(box.heightForWidth(box.width()), box.minimumSizeHint().height()))

    # -- importing ------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def choose_files(self) -> None:
        paths = self.services.pick_bundles(self)
        if paths:
            self.import_paths(paths)

    def _unlock_for(self, paths: list[Path]):
        """A callable giving the unlocked identity, when some bundle is encrypted (asked here, once)."""
        if not any(is_encrypted(p) for p in paths) or not has_identity(self.services.data_dir):
            return None
        unlocked = self.services.unlock(self, self.tr("Some bundles are encrypted for you: unlock your key to "
                                                      "open them."))
        return (lambda: unlocked) if unlocked is not None else None

    def import_paths(self, paths: list[Path]) -> bool:
        files = bundle_paths([Path(p) for p in paths])
        if not files:
            self.session.message.emit(self.tr("No bundle files among the dropped items"))
            return False
        self._run(import_files, files, self._unlock_for(files))
        return True

    def _run(self, fn, *args) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.choose_button.setEnabled(False)
        task = self.services.runner.run(fn, self.services.store, *args, label=self.tr("Importing bundles"),
                                        with_progress=True, on_done=self._imported, on_error=self._failed)
        if not task.done:
            task.progressed.connect(self._progressed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.choose_button.setEnabled(True)
        self.session.failed.emit(error_text(exc))

    def _imported(self, outcome: ImportOutcome) -> None:
        self.progress.hide()
        self.choose_button.setEnabled(True)
        self.report_model.add(outcome)
        self.report.expandAll()
        self._fit_report_columns()
        self.unknown_model.add(outcome.unknown)
        self._update_buttons()
        self.session.message.emit(self.summary_text())
        self.imported.emit(outcome)
        self.refresh_conflicts()
        if outcome.report.summary[R.BUNDLE_IMPORTED] or self.session.consolidation is not None:
            self.session.recompute()  # (nothing taken in and no round yet: nothing to rank)

    def _fit_report_columns(self) -> None:
        """Each column but the last as wide as its widest cell or its header, whichever is wider."""
        header = self.report.header()
        for column in range(self.report_model.columnCount() - 1):
            header.resizeSection(column, max(self.report.sizeHintForColumn(column), header.sectionSizeHint(column)))

    def summary_text(self) -> str:
        """The status line: what the report list shows, counted (the same words as its Outcome column)."""
        counts = self.report_model.summary()
        text = self.tr("%1 bundle(s) in the report: %2 taken in, %3 already imported, %4 rejected").replace(
            "%1", str(sum(counts.values()))).replace("%2", str(counts[R.BUNDLE_IMPORTED])).replace(
            "%3", str(counts[R.BUNDLE_KNOWN])).replace("%4", str(counts[R.BUNDLE_REJECTED]))
        waiting = len({item.path for item in self.unknown_model.items()})
        if waiting:
            text += self.tr(" — %1 waiting for your decision on a certificate").replace("%1", str(waiting))
        return text

    # -- certificates ---------------------------------------------------------------------------

    def _selected_unknowns(self) -> list[UnknownCertificate]:
        rows = sorted(index.row() for index in self.unknown.selectionModel().selectedRows())
        return [self.unknown_model.item(row) for row in rows]

    def _selected_unknown(self) -> UnknownCertificate | None:
        chosen = self._selected_unknowns()
        return chosen[0] if len(chosen) == 1 else None

    def trust_selected(self) -> bool:
        """Trust every selected certificate (none of them a renewal) and import all their bundles at once."""
        chosen = self._selected_unknowns()
        if not chosen or any(item.known is not None for item in chosen):
            return False
        infos = list({item.info.fingerprint: item.info for item in chosen}.values())
        paths: list[Path] = []
        for info in infos:
            paths += [i.path for i in self.unknown_model.remove_fingerprint(info.fingerprint) if i.path not in paths]
        self._update_buttons()
        self._run(trust_all_and_import, infos, paths, self._unlock_for(paths))
        return True

    def renew_selected(self) -> bool:
        """Accept the selected certificate as the renewal of the assessor it names, then import its bundles."""
        item = self._selected_unknown()
        if item is None or item.known is None:
            return False
        items = self.unknown_model.remove_fingerprint(item.info.fingerprint)
        self._update_buttons()
        paths = [i.path for i in items]
        self._run(renew_and_import, item.info, item.known.nip, paths, self._unlock_for(paths))
        return True

    def reject_selected(self) -> bool:
        chosen = self._selected_unknowns()
        if not chosen:
            return False
        names = list(dict.fromkeys(item.info.name for item in chosen))
        for fingerprint in dict.fromkeys(item.info.fingerprint for item in chosen):
            for gone in self.unknown_model.remove_fingerprint(fingerprint):
                self.report_model.mark_certificate_rejected(gone.path)
        self._update_buttons()
        self.session.message.emit(self.tr("Certificate of %1 not trusted; its bundles stay out")
                                  .replace("%1", ", ".join(names)) + " · " + self.summary_text())
        return True

    # -- conflicts ------------------------------------------------------------------------------

    def refresh_conflicts(self) -> None:
        self.services.runner.run(open_conflict_views, self.services.store, label=self.tr("Reading conflicts"),
                                 on_done=self._show_conflicts,
                                 on_error=lambda exc: self.session.failed.emit(error_text(exc)))

    def _show_conflicts(self, conflicts: list[ConflictView]) -> None:
        self.conflicts_model.set_conflicts(conflicts)
        self._update_buttons()
        self.conflicts_changed.emit(len(conflicts))

    def resolve_selected(self) -> ConflictDialog | None:
        rows = self.conflicts.selectionModel().selectedRows()
        if not rows:
            return None
        conflict = self.conflicts_model.conflict(rows[0].row())
        dialog = ConflictDialog(conflict, self)
        dialog.accepted.connect(lambda: self.resolve(conflict, dialog.chosen() or "", dialog.reason_text()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def resolve(self, conflict: ConflictView, chosen_id: str, reason: str) -> None:
        def done(version_id: str) -> None:
            self.session.message.emit(self.tr("%1: version %2 is now in force").replace("%1", conflict.region)
                                      .replace("%2", short_id(version_id)))
            self.refresh_conflicts()
            self.session.recompute()

        self.services.runner.run(resolve_conflict, self.services.store, conflict.record_id, chosen_id, reason,
                                 self.services.who(), label=self.tr("Resolving the conflict"), on_done=done,
                                 on_error=lambda exc: self.session.failed.emit(error_text(exc)))
