"""File → Export result bundle…: what goes in, the passphrase once, the export on the task runner.

The list shows every assessment the bundle will hold (region, status, version). "Only new since
the last export" (on by default) leaves out versions already handed in in their present state.
When the round came in a coordinator's round package, the bundle can be encrypted for that
coordinator's certificate. The bundle is written to a temporary file and renamed into place by
:func:`app.bundles.export.export_bundle`; the dialog then says where it is and offers the folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import identity
from app.bundles.errors import BundleError
from app.bundles.export import ExportResult, default_name, export_bundle
from app.bundles.preview import BundlePreview, preview
from app.identity import UnlockedIdentity, UnlockThrottle
from app.store import Store, StoreError
from app.ui.identity.passphrase_dialog import PassphraseDialog
from app.ui.tasks import TaskRunner
from app.ui.widgets import status as st
from app.ui.widgets.output import (
    OpenFolder,
    OpenFolderButton,
    PathField,
    ResultLine,
    button_row,
    open_folder_externally,
)

SUFFIX = ".nilai"
AskPassphrase = Callable[[QWidget, Path, str], UnlockedIdentity | None]  # parent, data dir, purpose
PickBundleFile = Callable[[QWidget, str], Path | None]  # parent, suggested path


def pick_bundle_file_dialog(parent: QWidget, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("BundleExportDialog", "Save the result bundle"), suggested,
        QCoreApplication.translate("BundleExportDialog", "Nilai result bundles (*.nilai)"))
    return Path(path) if path else None


def with_suffix(path: Path) -> Path:
    """The path, ending in .nilai (added, never replacing what the name ends in)."""
    return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents else Path.home()
    return folder if folder.is_dir() else Path.home()


class BundleExportDialog(QDialog):
    exported = Signal(object)  # ExportResult

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None, *,
                 throttle: UnlockThrottle | None = None, ask_passphrase: AskPassphrase | None = None,
                 pick_file: PickBundleFile = pick_bundle_file_dialog, open_folder: OpenFolder = open_folder_externally,
                 folder: Path | None = None, offer_identity: Callable[[QWidget, str], bool] | None = None) -> None:
        """``offer_identity(parent, why)``: offers to create or import a signing identity when there is
        none (True once there is one); by default the identity dialog."""
        super().__init__(parent)
        self.store, self.runner, self.throttle = store, runner, throttle
        self.offer_identity = offer_identity or self._offer_with_dialog
        self.ask_passphrase = ask_passphrase or self._ask_with_dialog
        self.open_folder = open_folder
        self.preview: BundlePreview | None = None
        self.export_result: ExportResult | None = None
        self._running = False
        self._could_encrypt = False
        self.setWindowTitle(self.tr("Export result bundle"))
        intro = QLabel(self.tr("A signed bundle of your finalized and signed assessments, for your coordinator "
                               "(on a USB stick or by mail). Drafts never leave this computer."), self)
        intro.setWordWrap(True)
        self.round_box = QComboBox(self)
        self.round_label = QLabel(self.tr("&Round:"), self)
        self.round_label.setBuddy(self.round_box)
        self.since_last = QCheckBox(self.tr("&Only what is new since the last export"), self)
        self.since_last.setChecked(True)
        self.last_export = QLabel(self)
        self.last_export.setWordWrap(True)
        self.last_export.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.encrypt = QCheckBox(self.tr("&Encrypt for my coordinator"), self)
        self.encrypt_note = QLabel(self)
        self.encrypt_note.setWordWrap(True)
        self.encrypt_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Region"), self.tr("Status"), self.tr("Version")])
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.setAccessibleName(self.tr("Assessments in the bundle"))
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.file_field = PathField("", self.tr("Bundle file"), pick_file, self,
                                    adjust=lambda chosen: str(with_suffix(Path(chosen))))
        self.file = self.file_field.edit
        form = QFormLayout()
        form.addRow(self.round_label, self.round_box)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.file)
        form.addRow(file_label, self.file_field)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # the export reports no steps: a busy bar while it runs
        self.progress.setMaximumHeight(12)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = ResultLine(self)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("&Sign and export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.open_button = OpenFolderButton(
            lambda: self.export_result.path.parent if self.export_result else None, open_folder, self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        buttons = button_row(self.open_button, self.export_button, self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.since_last)
        layout.addWidget(self.last_export)
        layout.addWidget(self.encrypt)
        layout.addWidget(self.encrypt_note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.counts)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(640, 520)
        self._load(folder or default_folder())
        self.round_box.currentIndexChanged.connect(self.refresh)
        self.since_last.toggled.connect(self.refresh)
        self.file.textChanged.connect(self._update_buttons)

    # -- what goes in ----------------------------------------------------------------------------

    def _load(self, folder: Path) -> None:
        self.round_box.addItem(self.tr("All rounds"), None)
        first = preview(self.store, everything=True)
        for summary in first.rounds:
            self.round_box.addItem(summary.name, summary.id)
        if len(first.rounds) == 1:
            self.round_box.setCurrentIndex(1)
        self.round_box.setVisible(len(first.rounds) > 1)
        self.round_label.setVisible(len(first.rounds) > 1)
        self.file.setText(str(folder / default_name(first.assessor_name or "penilai")))
        self.refresh()

    def refresh(self) -> None:
        round_id = self.round_box.currentData()
        self.preview = found = preview(self.store, round_id=round_id, everything=not self.since_last.isChecked())
        self.list.clear()
        for version in found.versions:
            status = st.SIGNED if version.status == "signed" else st.FINAL
            number = self.tr("v%1").replace("%1", str(version.number))
            if version.exported_before:
                number += " · " + self.tr("exported before")
            item = QTreeWidgetItem([version.region_name, st.status_text(status), number])
            item.setIcon(1, st.status_icon(status))
            item.setToolTip(2, version.version_id)
            self.list.addTopLevelItem(item)
        for column in (1, 2):  # room between the columns, so "Finalized" and "v1" do not run together
            width = max(self.list.sizeHintForColumn(column), self.list.header().sectionSizeHint(column))
            self.list.setColumnWidth(column, width + 24)
        if found.last_export is not None:
            when = QLocale().toString(found.last_export.created_at, QLocale.FormatType.ShortFormat)  # type: ignore[call-overload]  # PySide6 takes a datetime; its stubs list only QDateTime
            self.last_export.setText(self.tr("Last export: %1, %n assessment(s), %2", "", found.last_export.records)
                                     .replace("%1", when).replace("%2", Path(found.last_export.file_name).name))
        else:
            self.last_export.setText(self.tr("Nothing has been exported from this computer yet."))
        coordinator = found.coordinator_for(round_id)
        if (coordinator is not None) != self._could_encrypt:  # on by default whenever it becomes possible
            self._could_encrypt = coordinator is not None
            self.encrypt.setChecked(self._could_encrypt)
        if coordinator is not None:
            self.encrypt_note.setText(self.tr("Only %1 (certificate %2…) can open it; your name and the signature "
                                              "stay readable.").replace("%1", coordinator.name or "–")
                                      .replace("%2", coordinator.fingerprint[:16].upper()))
        elif round_id is None and any(r.coordinator for r in found.rounds):
            self.encrypt_note.setText(self.tr("The rounds come from different coordinators: choose one round to "
                                              "encrypt the bundle for its coordinator."))
        else:
            self.encrypt_note.setText(self.tr("Not available: the round did not come in a round package from your "
                                              "coordinator, so there is no certificate to encrypt for."))
        self._count()
        self._update_buttons()

    def _count(self) -> None:
        found = self.preview
        if found is None or found.assessor_name is None:
            self.counts.setText(self.tr("There is no assessor profile here yet (Settings → Profile)."))
            return
        signed = sum(1 for v in found.versions if v.status == "signed")
        total = len(found.versions)
        if not total:
            text = (self.tr("Nothing new to export: every finalized assessment is in an earlier bundle. Untick "
                            "“Only what is new since the last export” to export them all again.")
                    if self.since_last.isChecked() else self.tr("You have no finalized assessment to export yet."))
        else:
            text = self.tr("%n assessment(s) will be in the bundle", "", total) + ": " + self.tr(
                "%1 with a signed sheet, %2 finalized without one.").replace("%1", str(signed)).replace(
                "%2", str(total - signed))
        self.counts.setText(text)

    def _update_buttons(self) -> None:
        ready = bool(self.preview and self.preview.versions and self.file.text().strip())
        self.export_button.setEnabled(ready and not self._running)
        for widget in (self.round_box, self.since_last, self.file_field):
            widget.setEnabled(not self._running)
        coordinator = self.preview.coordinator_for(self.round_box.currentData()) if self.preview else None
        self.encrypt.setEnabled(coordinator is not None and not self._running)

    # -- exporting -------------------------------------------------------------------------------

    def _offer_with_dialog(self, parent: QWidget, purpose: str) -> bool:
        from app.ui.identity.offer import offer_identity  # deferred: the identity dialog only when needed

        return offer_identity(parent, self.store, purpose, throttle=self.throttle)

    def _ask_with_dialog(self, parent: QWidget, data_dir: Path, purpose: str) -> UnlockedIdentity | None:
        return PassphraseDialog.ask(data_dir, parent, purpose=purpose, throttle=self.throttle)

    def target(self) -> Path:
        return with_suffix(Path(self.file.text().strip()).expanduser())

    def start(self) -> None:
        found = self.preview
        if self._running or found is None or not found.versions:
            return
        out = self.target()
        if not out.parent.is_dir():
            self.status.say(self.tr("The folder %1 does not exist. Choose another place for the bundle.").replace(
                "%1", str(out.parent)), ok=False)
            return
        if not identity.has_identity(self.store.data_dir) and not self.offer_identity(self, self.tr(
                "A result bundle is signed with your signing identity (a key and its certificate), and this "
                "computer has none yet. Create one from your profile here, or import the .p12 file your "
                "organisation issued (tab “Import .p12”).")):
            self.status.say(self.tr("Nothing was exported: a bundle must be signed, and there is no signing "
                                    "identity on this computer yet."), ok=False)
            return
        unlocked = self.ask_passphrase(self, Path(self.store.data_dir),
                                       self.tr("Sign a result bundle of %n assessment(s).", "", len(found.versions)))
        if unlocked is None:
            return
        round_id = self.round_box.currentData()
        coordinator = found.coordinator_for(round_id) if self.encrypt.isChecked() else None
        self._running = True
        self.export_result = None
        self.open_button.hide()
        self.progress.show()
        self.close_button.setEnabled(False)
        self.status.say(self.tr("Signing and writing the bundle…"), ok=True)
        self._update_buttons()
        self.runner.run(export_bundle, self.store, out, unlocked=unlocked, round_ref=round_id,
                        everything=not self.since_last.isChecked(),
                        to_cert=coordinator.cert_pem.encode("ascii") if coordinator else None,
                        label=self.tr("Exporting the result bundle"), on_done=self._finished, on_error=self._failed)

    def _stopped(self) -> None:
        self._running = False
        self.progress.hide()
        self.close_button.setEnabled(True)

    def _finished(self, result: ExportResult) -> None:
        self.export_result = result
        self._stopped()
        text = self.tr("%n assessment(s) written to %1", "", result.versions).replace("%1", str(result.path))
        text += " (" + QLocale().formattedDataSize(result.size) + ")."
        if result.encrypted_for:
            text += " " + self.tr("Encrypted for your coordinator.")
        self.status.say(text, ok=True)
        self.open_button.show()
        self.refresh()
        self.exported.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._stopped()
        if not isinstance(error, BundleError | StoreError | OSError):
            self._update_buttons()
            raise error
        self.status.say(self.tr("No bundle was written: %1").replace("%1", str(error)), ok=False)
        self._update_buttons()

    def reject(self) -> None:
        if self._running:  # the bundle is being written; the dialog waits for it
            return
        super().reject()
