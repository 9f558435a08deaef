"""Sign and export the evaluation sheets of a round or a day: choose, unlock once, watch, open the folder.

The passphrase is asked once for the batch (``ask_passphrase``, by default the passphrase dialog);
signing runs on the task runner with progress shown here, and Cancel stops after the sheet in hand
(every sheet signed until then stays signed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import identity
from app.identity import UnlockedIdentity, UnlockThrottle
from app.rounds import RoundError, list_rounds
from app.sheets.export import ExportResult, export_sheets
from app.sheets.scope import ExportPlan, SheetExportError, plan_export
from app.store import Store
from app.ui.identity.passphrase_dialog import PassphraseDialog
from app.ui.tasks import TaskRunner
from app.ui.widgets.output import (
    OpenFolder,
    OpenFolderButton,
    PathField,
    ResultLine,
    button_row,
    open_folder_externally,
)
from app.ui.widgets.pickers import PickFolder, pick_folder_dialog

AskPassphrase = Callable[[QWidget, Path], UnlockedIdentity | None]
OfferIdentity = Callable[[QWidget, str], bool]  # (parent, why) → an identity is there now


class ExportSheetsDialog(QDialog):
    exported = Signal(object)  # ExportResult

    def __init__(self, store: Store, runner: TaskRunner, lang: str = "id", parent: QWidget | None = None, *,
                 throttle: UnlockThrottle | None = None, ask_passphrase: AskPassphrase | None = None,
                 pick_folder: PickFolder = pick_folder_dialog, open_folder: OpenFolder = open_folder_externally,
                 default_folder: Path | None = None, offer_identity: OfferIdentity | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner, self.throttle = store, runner, throttle
        self.offer_identity = offer_identity or self._offer_with_dialog
        self.ask_passphrase = ask_passphrase or self._ask_with_dialog
        self.open_folder = open_folder
        self.plan: ExportPlan | None = None
        self.export_result: ExportResult | None = None
        self._cancel = threading.Event()
        self._label = ""
        self._running = False
        self.setWindowTitle(self.tr("Export signed sheets"))
        intro = QLabel(self.tr("Every finalized assessment you have not signed yet is rendered as a PDF sheet, "
                               "signed with your key and saved in the folder; a copy stays in Nilai."), self)
        intro.setWordWrap(True)
        self.round_box = QComboBox(self)
        self.day_box = QComboBox(self)
        self.lang_box = QComboBox(self)
        self.lang_box.addItem("Bahasa Indonesia", "id")
        self.lang_box.addItem("English", "en")
        self.lang_box.setCurrentIndex(max(0, self.lang_box.findData(lang)))
        self.folder_field = PathField(str(default_folder or Path.home() / "Nilai-lembar"), self.tr("Output folder"),
                                      pick_folder, self)
        self.folder = self.folder_field.edit
        form = QFormLayout()
        form.addRow(self.tr("&Round:"), self.round_box)
        form.addRow(self.tr("&Day:"), self.day_box)
        form.addRow(self.tr("Sheet &language:"), self.lang_box)
        folder_label = QLabel(self.tr("&Folder:"), self)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, self.folder_field)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        # Said before "Sign", with the way to make one right here.
        self.identity_note = QLabel(self.tr("This computer has no signing identity yet. Create one, or import "
                                            "the .p12 file your organisation issued, before signing."), self)
        self.identity_note.setWordWrap(True)
        self.identity_button = QPushButton(self.tr("Create or &import identity…"), self)
        self.identity_button.clicked.connect(lambda: self._ensure_identity())
        identity_row = QHBoxLayout()
        identity_row.addWidget(self.identity_note, 1)
        identity_row.addWidget(self.identity_button, 0, Qt.AlignmentFlag.AlignTop)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status = ResultLine(self)
        self.sign_button = QPushButton(self.tr("&Sign and export"), self)
        self.sign_button.setDefault(True)
        self.sign_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.open_button = OpenFolderButton(lambda: Path(self.folder.text()), open_folder, self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        buttons = button_row(self.open_button, self.sign_button, self.cancel_button, self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.counts)
        layout.addLayout(identity_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(580, 380)
        self._load_rounds()
        self.round_box.currentIndexChanged.connect(self._round_changed)
        self.day_box.currentIndexChanged.connect(self._refresh_counts)
        self._round_changed()
        self._show_identity()
        self.task_label = self.tr("Signing sheets")
        self.runner.progress.connect(self._runner_progress)

    # -- choices ---------------------------------------------------------------------------------

    def _load_rounds(self) -> None:
        for info in list_rounds(self.store):
            self.round_box.addItem(info.name, info.id)

    def _round_changed(self) -> None:
        self.day_box.blockSignals(True)
        self.day_box.clear()
        self.day_box.addItem(self.tr("All days"), None)
        round_id = self.round_box.currentData()
        if round_id is not None:
            try:
                for day in plan_export(self.store, round_id).days:
                    self.day_box.addItem(f"{day:%Y-%m-%d}", day)
            except (SheetExportError, RoundError):
                pass
        self.day_box.blockSignals(False)
        self._refresh_counts()

    def _refresh_counts(self) -> None:
        round_id = self.round_box.currentData()
        self.plan = None
        if round_id is None:
            self.counts.setText(self.tr("There is no round in this data directory yet."))
        else:
            try:
                self.plan = plan_export(self.store, round_id, self.day_box.currentData())
            except (SheetExportError, RoundError) as exc:
                self.counts.setText(str(exc))
        if self.plan is not None:
            self.counts.setText(
                self.tr("%n sheet(s) to sign", "", self.plan.to_sign) + " · "
                + self.tr("%1 already signed · %2 not finalized yet").replace(
                    "%1", str(self.plan.already_signed)).replace("%2", str(self.plan.not_finalized)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = bool(self.plan and self.plan.to_sign and self.folder.text().strip())
        self.sign_button.setEnabled(ready and not self._running)
        for widget in (self.round_box, self.day_box, self.lang_box, self.folder_field):
            widget.setEnabled(not self._running)

    # -- signing ---------------------------------------------------------------------------------

    def _ask_with_dialog(self, parent: QWidget, data_dir: Path) -> UnlockedIdentity | None:
        count = self.plan.to_sign if self.plan else 0
        return PassphraseDialog.ask(data_dir, parent, throttle=self.throttle,
                                    purpose=self.tr("Sign %n sheet(s).", "", count))

    def _show_identity(self) -> None:
        missing = not identity.has_identity(self.store.data_dir)
        self.identity_note.setVisible(missing)
        self.identity_button.setVisible(missing)

    def _offer_with_dialog(self, parent: QWidget, purpose: str) -> bool:
        from app.ui.identity.offer import offer_identity  # deferred: the identity dialog only when needed

        return offer_identity(parent, self.store, purpose, throttle=self.throttle)

    def _ensure_identity(self) -> bool:
        """An identity is there, or the assessor is offered to create or import one now."""
        if not identity.has_identity(self.store.data_dir):
            self.offer_identity(self, self.tr("Signing the sheets needs your signing identity (a key and its "
                                              "certificate), and this computer has none yet. Create one from "
                                              "your profile here, or import the .p12 file your organisation "
                                              "issued (tab “Import .p12”)."))
        self._show_identity()
        return identity.has_identity(self.store.data_dir)

    def start(self) -> None:
        if self._running or self.plan is None or not self.plan.to_sign:
            return
        if not self._ensure_identity():
            self.status.say(self.tr("Nothing was signed: there is no signing identity on this computer yet."),
                            ok=False)
            return
        unlocked = self.ask_passphrase(self, Path(self.store.data_dir))
        if unlocked is None:
            return
        out = Path(self.folder.text().strip()).expanduser()
        self._cancel.clear()
        self._running = True
        self.export_result = None
        self.progress.setRange(0, self.plan.to_sign)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.open_button.hide()
        self.close_button.setEnabled(False)
        self.status.say(self.tr("Signing…"), ok=True)
        self._update_buttons()
        round_id, day, lang = self.round_box.currentData(), self.day_box.currentData(), self.lang_box.currentData()

        def work(progress: Callable[[int, int], None]) -> ExportResult:
            def report(done: int, total: int, label: str) -> None:
                self._label = label  # read on the GUI thread when the progress signal arrives
                progress(done, total)

            return export_sheets(self.store, out, unlocked, round_id=round_id, day=day, lang=lang,
                                 progress=report, cancel=self._cancel.is_set)

        self.runner.run(work, label=self.task_label, with_progress=True, on_done=self._finished,
                        on_error=self._failed)

    def _runner_progress(self, label: str, done: int, total: int) -> None:
        if self._running and label == self.task_label:
            self._progressed(done, total)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.status.setText(self.tr("[%1/%2] %3").replace("%1", str(done)).replace("%2", str(total))
                            .replace("%3", self._label))

    def cancel(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.status.say(self.tr("Stopping after the sheet in hand…"), ok=True)

    def _stopped(self) -> None:
        self._running = False
        self.cancel_button.hide()
        self.close_button.setEnabled(True)
        self._refresh_counts()

    def _finished(self, result: ExportResult) -> None:
        self.export_result = result
        self.progress.setMaximum(max(1, result.total))
        self.progress.setValue(len(result.signed))
        self._stopped()
        signed = self.tr("%n sheet(s) signed and saved in %1.", "", len(result.signed)).replace(
            "%1", str(result.out_dir))
        if result.error:
            self.status.say(signed + "\n" + result.error, ok=False)
        elif result.cancelled:
            self.status.say(signed + "\n" + self.tr("Stopped before the rest; sign them later."), ok=False)
        else:
            self.status.say(signed, ok=True)
        self.open_button.setVisible(bool(result.signed))
        self.exported.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._stopped()
        self.progress.hide()
        self.status.say(self.tr("Nothing was signed: %1").replace("%1", str(error)), ok=False)

    def reject(self) -> None:
        if self._running:  # the batch must finish (or stop) before the dialog goes
            self.cancel()
            return
        super().reject()
