"""The main window: the schedule and the open interview, menus, and a status bar saying work is saved."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from app import assessments, settings
from app.models.domain import AssessorInfo
from app.schedule import ScheduleEntry
from app.store import Store, StoreError
from app.ui import i18n
from app.ui import status as st
from app.ui.interview_actions import InterviewActions, describe
from app.ui.interview_view import InterviewView, PickFiles, pick_files_dialog
from app.ui.schedule_view import ScheduleView
from app.ui.shortcuts_dialog import ShortcutsDialog
from app.ui.tasks import TaskRunner
from app.ui.ui_state import UiState

DEFAULT_SIZE = (1280, 720)  # fits a 1366×768 laptop screen with its task bar


def default_size(widget: QWidget) -> tuple[int, int]:
    """DEFAULT_SIZE, or less on a screen too small for it."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        return DEFAULT_SIZE
    available = screen.availableGeometry()
    return min(DEFAULT_SIZE[0], available.width() - 40), min(DEFAULT_SIZE[1], available.height() - 40)


def actor_of(profile: AssessorInfo) -> str:
    return f"{profile.name} <{profile.nip}>"


class MainWindow(QMainWindow):
    restart_requested = Signal()  # language or profile changed: build the window again

    def __init__(self, store: Store, runner: TaskRunner, profile: AssessorInfo, lang: str, ui_state: UiState,
                 parent: QWidget | None = None, pick_files: PickFiles = pick_files_dialog) -> None:
        super().__init__(parent)
        self.store, self.runner, self.profile, self.lang, self.ui_state = store, runner, profile, lang, ui_state
        self.setWindowTitle("Nilai")
        self.actions = InterviewActions(self)
        self.schedule = ScheduleView(store, runner, profile.id, self)
        self.schedule.open_requested.connect(self.open_slot)
        self.interview = InterviewView(store, runner, actor_of(profile), ui_state, self.actions, lang, self,
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
        self._build_menus()
        self._build_status_bar()
        self._set_interview_actions(False)
        self.resize(*default_size(self))
        ui_state.restore_geometry(self, "main")

    # -- menus -------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.actions
        a.back.triggered.connect(self.back_to_schedule)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(a.back)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit) if not QKeySequence(
            QKeySequence.StandardKey.Quit).isEmpty() else QKeySequence("Ctrl+Q"))
        describe(quit_action, self.tr("Close Nilai; every change is already saved"))
        quit_action.triggered.connect(self.close)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addActions([a.undo, a.redo])
        menu = self.menuBar().addMenu(self.tr("&Interview"))
        levels = menu.addMenu(self.tr("Choose &level"))
        levels.addActions(a.levels)
        menu.addActions([a.not_applicable, a.clear_level])
        menu.addSeparator()
        menu.addActions([a.next, a.previous, a.next_unscored, a.find])
        menu.addSeparator()
        menu.addActions([a.edit_note, a.attach_evidence, a.delegation, a.timer])
        menu.addSeparator()
        menu.addActions([a.finalize, a.reopen])
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        profile = settings_menu.addAction(self.tr("&Profile…"))
        describe(profile, self.tr("Your name, NIP and organisation"))
        profile.triggered.connect(self.edit_profile)
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code in i18n.LANGUAGES:
            action = language_menu.addAction(i18n.LANGUAGE_NAMES[code])
            action.setCheckable(True)
            action.setChecked(code == self.lang)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(lambda action: self.set_language(action.data()))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        keys = help_menu.addAction(self.tr("&Keyboard shortcuts"))
        keys.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        describe(keys, self.tr("List every command and its keys"))
        keys.triggered.connect(lambda: ShortcutsDialog([*a.all(), quit_action], self).exec())
        about = help_menu.addAction(self.tr("&About Nilai"))
        about.triggered.connect(self._about)

    def _build_status_bar(self) -> None:
        self.saved_label = QLabel(self)
        self.busy = QProgressBar(self)
        self.busy.setMaximumWidth(160)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.runner.busy_changed.connect(self._busy_changed)
        self.runner.progress.connect(self._progress)

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.busy.setRange(0, 0)
        self.busy.setVisible(busy)

    def _progress(self, label: str, done: int, total: int) -> None:
        self.busy.setRange(0, max(1, total))
        self.busy.setValue(done)
        self.busy.setToolTip(label)
        if label:
            self.statusBar().showMessage(f"{label}… {done}/{total}", 2000)

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

    # -- pages -------------------------------------------------------------------------------

    def start(self) -> None:
        """Show today's work, or go straight back to the interview that was open."""
        self.schedule.reload()
        last = settings.read(self.store, settings.LAST_OPEN)
        if last:
            try:
                with self.store.transaction() as session:
                    assessments.get_version(session, last)
            except assessments.AssessmentError:  # gone (e.g. a restored backup): stay on the schedule
                settings.write(self.store, settings.LAST_OPEN, None)
                return
            self.open_version(last)

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
        snap = self.interview.session.snapshot if self.interview.session else None
        if snap is not None:
            self.setWindowTitle(f"{snap.region.name} — Nilai")
        self.interview.tree.setFocus()

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
            for action in self.actions.all():
                action.setEnabled(False)

    # -- settings ----------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        if lang == self.lang:
            return
        settings.write(self.store, settings.LANGUAGE, lang)
        self.restart_requested.emit()

    def edit_profile(self) -> None:
        from app.ui.first_run_dialog import FirstRunDialog

        dialog = FirstRunDialog(self.lang, self.profile, self, switch_language=False)
        if dialog.exec():
            name, nip, organisation = dialog.values()
            settings.save_profile(self.store, name, nip, organisation)
            settings.write(self.store, settings.LANGUAGE, dialog.chosen_language())
            self.restart_requested.emit()

    def _about(self) -> None:
        from app import __version__

        QMessageBox.about(self, self.tr("About Nilai"), self.tr(
            "<b>Nilai %1</b><p>Scoring of readiness interviews for the Gerakan Menuju 100 Smart City "
            "programme, offline. Every change is saved as you make it.</p><p>Data directory: %2</p>")
            .replace("%1", __version__).replace("%2", str(self.store.data_dir)))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.interview.close_assessment()  # commits a note typed a moment ago
        self.ui_state.save_geometry(self, "main")
        self.ui_state.sync()
        super().closeEvent(event)
