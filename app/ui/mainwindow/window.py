"""The main window: the schedule and the open interview, menus, and a status bar saying work is saved.

Menus are assembled in :mod:`app.ui.mainwindow.menus`; this window carries out the commands that
concern it (open a round package, export a result bundle, sign the open assessment's sheet, check
the data) and hands a chosen backup to the program (``restore_requested``), which replaces the store
and the window.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QStackedWidget, QWidget

from app import assessments
from app.models.domain import AssessmentStatus, AssessorInfo
from app.rounds.schedule import ScheduleEntry
from app.store import Store, StoreError, damage, integrity, settings
from app.ui.interview.actions import InterviewActions
from app.ui.interview.view import InterviewView, PickFiles, pick_files_dialog
from app.ui.mainwindow import data_care
from app.ui.mainwindow.first_run_dialog import FirstRunDialog
from app.ui.mainwindow.menus import build_menus
from app.ui.mainwindow.restore_dialog import RestoreDialog
from app.ui.mainwindow.starting import DEFAULT_SIZE, default_size  # noqa: F401 - DEFAULT_SIZE: one size for both
from app.ui.schedule import round_import
from app.ui.schedule.round_import import PickRoundPackage, pick_round_package_dialog
from app.ui.schedule.view import ScheduleView
from app.ui.sheets.actions import sign_assessment
from app.ui.state import UiState
from app.ui.tasks import Task, TaskRunner
from app.ui.widgets import contrast
from app.ui.widgets import status as st
from app.ui.widgets.theme_follow import ThemeFollower

if TYPE_CHECKING:
    from app.bundles.round_package import PackageImport
    from app.sheets.export import SignedSheet
    from app.ui.bundles.export_dialog import BundleExportDialog
    from app.ui.mainwindow.auto_sync import AutoSync
    from app.ui.mainwindow.sync_now import SyncNow


def actor_of(profile: AssessorInfo) -> str:
    return f"{profile.name} <{profile.nip}>"


class MainWindow(QMainWindow):
    restart_requested = Signal()  # language or profile changed: build the window again
    restore_requested = Signal(object)  # the Path of the backup the assessor confirmed

    def __init__(self, store: Store, runner: TaskRunner, profile: AssessorInfo, lang: str, ui_state: UiState,
                 parent: QWidget | None = None, pick_files: PickFiles = pick_files_dialog,
                 pick_round_package: PickRoundPackage = pick_round_package_dialog) -> None:
        super().__init__(parent)
        self.store, self.runner, self.profile, self.lang, self.ui_state = store, runner, profile, lang, ui_state
        self.pick_round_package = pick_round_package
        self._watched_session: object = None
        self.setWindowTitle("Nilai")
        self.theme = ThemeFollower(self)  # the palette tuned again when the system switches light/dark
        self.interview_actions = InterviewActions(self)
        self.schedule = ScheduleView(store, runner, profile.id, self)
        self.schedule.open_requested.connect(self.open_slot)
        self.interview = InterviewView(store, runner, actor_of(profile), ui_state, self.interview_actions, lang, self,
                                       pick_files=pick_files)
        self.interview.saved.connect(self._saved)
        self.interview.saving.connect(lambda: self._set_saved_text(self.tr("Saving…")))
        self.interview.failed.connect(self._failed)
        self.interview.notice.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.interview.opened.connect(self._interview_opened)
        self.interview.version_changed.connect(lambda _version: self.schedule.reload())
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.schedule)
        self.pages.addWidget(self.interview)
        self.setCentralWidget(self.pages)
        self._sync: SyncNow | None = None
        self.auto_sync: AutoSync | None = None  # made in start(): it loads the sync client
        self.menus = build_menus(self, self, self.interview_actions)
        self.menus.coordinator_actions.data_changed.connect(self.schedule.reload)  # imports change the statuses
        self.interview.offer_identity = self.menus.sheet_actions.services.offer_identity  # one way, testable
        self.data_check = data_care.DataCheck(store, runner, self)
        self._build_status_bar()
        self._set_interview_actions(False)
        self.resize(*default_size(self))
        ui_state.restore_geometry(self, "main")

    def _build_status_bar(self) -> None:
        self.saved_label = QLabel(self)
        self.care_label = QLabel(self)  # a lasting warning: the start-up backup could not be taken
        self.care_label.hide()
        self.busy = QProgressBar(self)
        self.busy.setMaximumWidth(160)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.care_label)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._progress_text = ""  # the last progress shown, cleared when the work is over
        self.runner.busy_changed.connect(self._busy_changed)
        self._announcement = ""
        self.runner.busy_changed.connect(self._announce_when_idle)
        self.runner.progress.connect(self._progress)

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.busy.setRange(0, 0)
        elif self.statusBar().currentMessage() == self._progress_text:
            self.statusBar().clearMessage()  # the work is over: its progress no longer holds
        self.busy.setVisible(busy)

    def _progress(self, label: str, done: int, total: int) -> None:
        self.busy.setRange(0, max(1, total))
        self.busy.setValue(done)
        self.busy.setToolTip(label)
        if label:
            self._progress_text = f"{label}… {done}/{total}"
            self.statusBar().showMessage(self._progress_text, 2000)

    def _set_saved_text(self, text: str, warning: bool = False) -> None:
        palette = self.saved_label.palette()
        palette.setColor(self.saved_label.foregroundRole(),
                         st.WARNING if warning else self.palette().color(self.saved_label.foregroundRole()))
        self.saved_label.setPalette(palette)
        self.saved_label.setText(text)

    def _saved(self, when: datetime) -> None:
        self._set_saved_text(self.tr("All changes saved · %1").replace("%1", when.strftime("%H:%M:%S")))

    def _failed(self, message: str) -> None:
        self._set_saved_text(self.tr("Last change not saved"), warning=True)
        self.saved_label.setToolTip(message)
        self.statusBar().showMessage(message, 15000)

    def announce(self, text: str) -> None:
        """A status-bar message shown once the background work of the start is done (so it is seen)."""
        self._announcement = text
        if not self.runner.busy:
            self._announce_when_idle(False)

    def _announce_when_idle(self, busy: bool) -> None:
        if not busy and self._announcement:
            self.statusBar().showMessage(self._announcement, 20000)
            self._announcement = ""

    def warn(self, short: str, message: str) -> None:
        """A warning that stays in the status bar (its full text as tooltip), e.g. a backup not taken."""
        palette = self.care_label.palette()
        palette.setColor(self.care_label.foregroundRole(), st.WARNING)
        self.care_label.setPalette(palette)
        self.care_label.setText(short)
        self.care_label.setToolTip(message)
        self.care_label.show()
        self.statusBar().showMessage(message, 30000)

    # -- pages -------------------------------------------------------------------------------

    def start(self) -> None:
        """Show today's work, or go straight back to the interview that was open; automatic sync begins."""
        self.schedule.reload()
        last = assessments.last_open_version(self.store)
        if last is not None:
            self.open_version(last)
        self.start_auto_sync()

    def start_auto_sync(self, **options: object) -> AutoSync:
        from app.ui.mainwindow.auto_sync import (
            AutoSync,  # deferred: httpx and the signer, after the first paint
        )

        if self.auto_sync is not None:
            self.auto_sync.stop()
        services = self.menus.sheet_actions.services
        purpose = self.tr("sign what automatic sync sends to the coordinator's sync service (asked once per session)")
        self.auto_sync = AutoSync(self, self.store, lambda: services.unlocked,
                                  lambda: services.unlock(self, purpose), **options)  # type: ignore[arg-type]
        self.interview.saving.connect(self.auto_sync.note_input)  # typing a note: the sync waits
        self.interview.saved.connect(self.auto_sync.note_input)  # a level chosen (every committed change)
        self.auto_sync.received.connect(lambda _returned: self.schedule.reload())  # returns, a newer package
        self.auto_sync.start()
        return self.auto_sync

    def open_slot(self, round_id: str, entry: ScheduleEntry) -> None:
        try:
            version = assessments.start_assessment(self.store, round_id=round_id, region_code=entry.region.code,
                                                   assessor_id=self.profile.id, slot_id=entry.slot_id)
        except (StoreError, assessments.AssessmentError) as exc:
            self._failed(str(exc))
            return
        self.open_version(version)

    def open_version(self, version_id: str) -> None:
        try:
            settings.write(self.store, settings.LAST_OPEN, version_id)
        except StoreError as exc:
            self._failed(str(exc))
        self.interview.open(version_id)
        self.pages.setCurrentWidget(self.interview)
        self._set_interview_actions(True)
        self._set_saved_text(self.tr("All changes saved"))

    def _interview_opened(self, _version_id: str) -> None:
        session = self.interview.session
        if session is not None and session is not self._watched_session:
            session.state_changed.connect(lambda _state: self._update_sign_action())
            self._watched_session = session
        snap = session.snapshot if session else None
        if snap is not None:
            self.setWindowTitle(f"{snap.region.name} — Nilai")
        self._update_sign_action()
        self.interview.tree.setFocus()

    def _update_sign_action(self) -> None:
        snap = self.interview.session.snapshot if self.interview.session else None
        self.menus.sign_sheet.setEnabled(snap is not None and snap.status == AssessmentStatus.FINAL
                                         and self.pages.currentWidget() is self.interview)

    def focus_work(self) -> None:
        """Keyboard focus back on the work after a dialog: the outline of the interview (digit keys
        choose levels there at once) or the schedule."""
        self.activateWindow()
        tree = self.interview.tree if self.pages.currentWidget() is self.interview else self.schedule.tree
        tree.setFocus()

    def back_to_schedule(self) -> None:
        self.interview.close_assessment()
        settings.write(self.store, settings.LAST_OPEN, None)
        self._set_interview_actions(False)
        self.pages.setCurrentWidget(self.schedule)
        self.setWindowTitle("Nilai")
        self.saved_label.clear()
        self.schedule.reload()
        self.schedule.tree.setFocus()

    def _set_interview_actions(self, on: bool) -> None:
        if on:
            self.interview.update_actions()
        else:
            for action in self.interview_actions.all():
                action.setEnabled(False)
        self._update_sign_action()

    # -- sheets, round packages, bundles --------------------------------------------------------

    def sign_sheet(self) -> None:
        """Sign the open assessment's sheet (it must be finalized): passphrase, then the task runner."""
        version = self.interview.version_id
        if version is None or not self.menus.sign_sheet.isEnabled():
            return
        self.interview.flush()
        sign_assessment(self, self.menus.sheet_actions.services, version, on_done=self._sheet_signed,
                        on_error=self._sign_failed)

    def _sheet_signed(self, sheet: SignedSheet) -> None:
        if self.interview.session is not None:
            self.interview.session.refresh()
        self.schedule.reload()
        self.statusBar().showMessage(self.tr("Sheet of %1 signed and kept in Nilai (%2).").replace(
            "%1", sheet.region_name).replace("%2", sheet.stored_path), 15000)

    def _sign_failed(self, error: BaseException) -> None:  # (no identity is offered before: not an error)
        self.statusBar().showMessage(self.tr("The sheet was not signed: %1").replace("%1", str(error)), 20000)
        data_care.show_error(self, self.tr("Sign this sheet"), str(error))

    def open_round_package(self) -> None:
        path = self.pick_round_package(self)
        if path is not None:
            round_import.run_import(self.store, self.runner, Path(path), self._round_imported,
                                    lambda text: round_import.show_refused(self, text))

    def _round_imported(self, result: PackageImport) -> None:
        heading, body = round_import.import_summary(result)
        self.statusBar().showMessage(heading, 15000)
        round_import.show_imported(self, heading, body)
        profile = settings.profile(self.store)
        if profile is not None and profile != self.profile:  # the package matched this laptop to its seat
            self.restart_requested.emit()
        else:
            self.schedule.reload()

    def open_bundle_export(self) -> BundleExportDialog:
        from app.ui.bundles.export_dialog import BundleExportDialog  # deferred: loads the bundle writer

        services = self.menus.sheet_actions.services

        def ask(parent: QWidget, data_dir: Path, purpose: str):
            return services.unlock(parent, purpose)  # the sheets' passphrase prompt (replaceable in tests)

        dialog = BundleExportDialog(self.store, self.runner, self, throttle=services.throttle, ask_passphrase=ask,
                                    open_folder=services.open_folder, offer_identity=services.offer_identity)
        dialog.finished.connect(dialog.deleteLater)
        return dialog

    def sync_now(self) -> Task | None:
        if self._sync is None:
            from app.ui.mainwindow.sync_now import (
                SyncNow,  # deferred: httpx and the signer, only when syncing
            )

            services = self.menus.sheet_actions.services
            self._sync = SyncNow(self, self.store, self.runner, services.unlock)  # the sheets' passphrase prompt
            self._sync.returned.connect(lambda _count: self.schedule.reload())  # returns for revision show there
        return self._sync.run()

    # -- looking after the data --------------------------------------------------------------------

    def check_data(self) -> None:
        self.data_check.run(self.choose_backup)

    def startup_checked(self, care: data_care.StartupCare) -> None:
        """The start-up check's outcome: problems in a dialog, a backup not taken in the status bar."""
        if care.backup_error:
            self.warn(self.tr("No start-up backup"), self.tr("The start-up backup could not be taken: %1").replace(
                "%1", care.backup_error))
        if not care.report.ok:  # once the task is over (the busy bar gone)
            QTimer.singleShot(0, self, lambda: self.show_problems(care.report))

    def show_problems(self, report: integrity.Report) -> None:
        sound = damage.newest_sound_backup(self.store.data_dir)  # a backup of the damage is no way out
        if data_care.show_problems(self, report, sound):
            self.choose_backup(sound.path if sound else None)

    def choose_backup(self, preselect: Path | None = None) -> None:
        dialog = RestoreDialog(self.store.data_dir, self, preselect=preselect)
        if dialog.exec() and dialog.chosen is not None:
            self.restore_requested.emit(dialog.chosen.path)
        dialog.deleteLater()

    # -- settings ----------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        if lang == self.lang:
            return
        settings.write(self.store, settings.LANGUAGE, lang)
        self.restart_requested.emit()

    def set_auto_sync(self, on: bool) -> None:
        if self.auto_sync is not None:
            self.auto_sync.set_enabled(on)
        else:
            settings.write(self.store, settings.AUTO_SYNC, None if on else "0")

    def set_high_contrast(self, on: bool) -> None:
        """Kept in the store like the language; takes effect at once, no restart."""
        settings.write(self.store, settings.HIGH_CONTRAST, "1" if on else None)
        contrast.apply(on)

    def edit_profile(self) -> None:
        dialog = FirstRunDialog(self.lang, self.profile, self, switch_language=False)
        if dialog.exec():
            name, nip, organisation = dialog.values()
            settings.save_profile(self.store, name, nip, organisation)
            settings.write(self.store, settings.LANGUAGE, dialog.chosen_language())
            self.restart_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.interview.close_assessment()  # commits a note typed a moment ago
        if self.auto_sync is not None:
            self.auto_sync.stop()
        coordinator = self.menus.coordinator_actions.coordinator
        if coordinator is not None:  # its own top-level window: it goes with this one
            coordinator.hide()
            self.menus.coordinator_actions.coordinator = None
            runner = self.runner
            if runner.busy:  # its work in flight reports back to it: deleted once the runner is idle
                def gone(busy: bool) -> None:
                    if not busy:
                        runner.busy_changed.disconnect(gone)
                        coordinator.deleteLater()

                runner.busy_changed.connect(gone)
            else:
                coordinator.deleteLater()
        self.ui_state.save_geometry(self, "main")
        self.ui_state.sync()
        super().closeEvent(event)
