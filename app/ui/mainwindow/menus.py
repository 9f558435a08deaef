"""The main window's menus, assembled in one place: File, Edit, Interview, Sheets, Coordinator,
Settings, Help.

The Sheets, Coordinator and Help entries come from their install hooks (``sheet_actions``,
``coordinator.actions``, ``help.actions``); the window's own commands (open a round package,
export a result bundle, restore a backup, check the data, sign the open assessment's sheet) are
made here and call the window's methods, named by :class:`MenuCommands` (so this module need not
import the window, which imports it). Strings are in the "MainWindow" translation context.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from app.store import Store, settings
from app.ui import i18n
from app.ui.coordinator.actions import CoordinatorActions
from app.ui.coordinator.actions import install as install_coordinator
from app.ui.coordinator.services import CoordinatorServices
from app.ui.help.actions import HelpActions, HelpServices, install_help_actions
from app.ui.help.shortcuts_dialog import ShortcutsDialog
from app.ui.interview.actions import InterviewActions, describe
from app.ui.sheets.actions import SheetActions, SheetServices, install_sheet_actions
from app.ui.tasks import TaskRunner


class MenuCommands(Protocol):
    """What the menus need of the main window besides its QMainWindow side."""

    store: Store
    runner: TaskRunner
    lang: str

    def back_to_schedule(self) -> None: ...
    def open_round_package(self) -> None: ...
    def open_bundle_export(self) -> QDialog: ...
    def sync_now(self) -> object: ...
    def choose_backup(self) -> None: ...
    def sign_sheet(self) -> None: ...
    def check_data(self) -> None: ...
    def edit_profile(self) -> None: ...
    def set_language(self, lang: str) -> None: ...
    def set_high_contrast(self, on: bool) -> None: ...
    def set_auto_sync(self, on: bool) -> None: ...
    def focus_work(self) -> None: ...


@dataclass
class Menus:
    file: QMenu
    interview: QMenu
    sheets: QMenu
    help: QMenu
    open_round: QAction
    export_bundle: QAction
    restore: QAction
    quit: QAction
    sign_sheet: QAction
    check_data: QAction
    keys: QAction
    sheet_actions: SheetActions
    coordinator_actions: CoordinatorActions
    help_actions: HelpActions
    sync_now: QAction | None = None  # File ▸ Sync now
    auto_sync: QAction | None = None  # Settings ▸ Sync automatically

    def own_actions(self) -> list[QAction]:
        """The window's own commands, for the keyboard-shortcut list."""
        return [self.open_round, self.export_bundle, self.sign_sheet, self.quit]


def _action(window: QMainWindow, text: str, tip: str,
            keys: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
    action = QAction(text, window)
    if keys:
        action.setShortcut(QKeySequence(keys))
    describe(action, tip)
    window.addAction(action)  # shortcuts work even while the menu bar is hidden
    return action


def build_menus(window: QMainWindow, commands: MenuCommands, interview_actions: InterviewActions) -> Menus:
    a = interview_actions
    bar = window.menuBar()

    # File
    open_round = _action(window, QCoreApplication.translate("MainWindow", "&Open round package…"),
                         QCoreApplication.translate("MainWindow", "Take in the round, instrument and interview "
                                                    "schedule your coordinator sent"), QKeySequence.StandardKey.Open)
    export_bundle = _action(window, QCoreApplication.translate("MainWindow", "&Export result bundle…"),
                            QCoreApplication.translate("MainWindow", "Write a signed bundle of your finalized "
                                                       "assessments for your coordinator"), "Ctrl+Shift+U")
    sync_now = _action(window, QCoreApplication.translate("MainWindow", "&Sync now"),
                       QCoreApplication.translate("MainWindow", "Send your finalized and signed assessments to the "
                                                  "coordinator's sync service named in the round package"))
    restore = _action(window, QCoreApplication.translate("MainWindow", "&Restore a backup…"),
                      QCoreApplication.translate("MainWindow", "Go back to a copy of the data taken at a start or "
                                                 "after finalizing"))
    restore.setEnabled(commands.store.is_sqlite)
    quit_keys = QKeySequence(QKeySequence.StandardKey.Quit)
    quit_action = _action(window, QCoreApplication.translate("MainWindow", "&Quit"),
                          QCoreApplication.translate("MainWindow", "Close Nilai; every change is already saved"),
                          quit_keys if not quit_keys.isEmpty() else "Ctrl+Q")
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file_menu.addActions([open_round, export_bundle, sync_now])
    file_menu.addSeparator()
    file_menu.addAction(a.back)
    file_menu.addSeparator()
    file_menu.addAction(restore)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    # Edit, Interview
    edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    edit_menu.addActions([a.undo, a.redo])
    interview = bar.addMenu(QCoreApplication.translate("MainWindow", "&Interview"))
    levels = interview.addMenu(QCoreApplication.translate("MainWindow", "Choose &level"))
    levels.addActions(a.levels)
    interview.addActions([a.not_applicable, a.clear_level])
    interview.addSeparator()
    interview.addActions([a.next, a.previous, a.next_unscored, a.find, a.calibration])
    interview.addSeparator()
    interview.addActions([a.edit_note, a.attach_evidence, a.delegation, a.timer])
    interview.addSeparator()
    sign_sheet = _action(window, QCoreApplication.translate("MainWindow", "Si&gn this sheet…"),
                         QCoreApplication.translate("MainWindow", "Sign the evaluation sheet of this finalized "
                                                    "assessment with your key"), "Ctrl+Shift+G")
    interview.addActions([a.finalize, a.reopen, sign_sheet])

    # Sheets: identity, export signed sheets, verify; then this assessment's sheet
    sheets = bar.addMenu(QCoreApplication.translate("MainWindow", "Shee&ts"))
    sheet_actions = install_sheet_actions(window, sheets, SheetServices(commands.store, commands.runner, commands.lang))
    sheets.addSeparator()
    sheets.addAction(sign_sheet)

    coordinator_actions = install_coordinator(
        window, bar, CoordinatorServices(commands.store, commands.runner, commands.store.data_dir, commands.lang))

    # Settings
    settings_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Settings"))
    profile = settings_menu.addAction(QCoreApplication.translate("MainWindow", "&Profile…"))
    describe(profile, QCoreApplication.translate("MainWindow", "Your name, NIP and organisation"))
    profile.triggered.connect(commands.edit_profile)
    language_menu = settings_menu.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
    group = QActionGroup(window)
    for code in i18n.LANGUAGES:
        action = language_menu.addAction(i18n.LANGUAGE_NAMES[code])
        action.setCheckable(True)
        action.setChecked(code == commands.lang)
        action.setData(code)
        group.addAction(action)
    group.triggered.connect(lambda action: commands.set_language(action.data()))
    high_contrast = settings_menu.addAction(QCoreApplication.translate("MainWindow", "&High contrast"))
    describe(high_contrast, QCoreApplication.translate("MainWindow", "Black and white, the strongest contrast, "
                                                       "for a bright room or weak sight"))
    high_contrast.setCheckable(True)
    high_contrast.setChecked(settings.read(commands.store, settings.HIGH_CONTRAST) == "1")
    high_contrast.toggled.connect(commands.set_high_contrast)
    auto_sync = settings_menu.addAction(QCoreApplication.translate("MainWindow", "Sync &automatically"))
    describe(auto_sync, QCoreApplication.translate("MainWindow", "Send finalized and signed assessments to the "
                                                   "coordinator's sync service by themselves when it answers"))
    auto_sync.setCheckable(True)
    auto_sync.setChecked(settings.read(commands.store, settings.AUTO_SYNC) != "0")
    auto_sync.toggled.connect(commands.set_auto_sync)

    # Help: shortcuts, check data; then data folder, log file, About (help_actions)
    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    keys = help_menu.addAction(QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"))
    keys.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    describe(keys, QCoreApplication.translate("MainWindow", "List every command and its keys"))
    check_data = help_menu.addAction(QCoreApplication.translate("MainWindow", "&Check data now"))
    describe(check_data, QCoreApplication.translate("MainWindow", "Check the database, the change log, evidence "
                                                    "files and signed sheets for damage"))
    help_actions = install_help_actions(window, help_menu, HelpServices(commands.store.data_dir))

    menus = Menus(file_menu, interview, sheets, help_menu, open_round, export_bundle, restore, quit_action,
                  sign_sheet, check_data, keys, sheet_actions, coordinator_actions, help_actions, sync_now, auto_sync)
    a.back.triggered.connect(commands.back_to_schedule)
    open_round.triggered.connect(commands.open_round_package)
    export_bundle.triggered.connect(lambda: commands.open_bundle_export().exec())
    sync_now.triggered.connect(lambda: commands.sync_now())
    restore.triggered.connect(lambda: commands.choose_backup())  # not with the action's `checked`
    quit_action.triggered.connect(window.close)
    sign_sheet.triggered.connect(commands.sign_sheet)
    check_data.triggered.connect(commands.check_data)
    keys.triggered.connect(lambda: show_shortcuts(ShortcutsDialog(
        [*a.all(), *menus.own_actions(), *sheet_actions.all(), *coordinator_actions.all()], window), commands))
    return menus


def show_shortcuts(dialog: QDialog, commands: MenuCommands) -> None:
    """The shortcut list; closed, the keys work at once where the assessor was working."""
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
    commands.focus_work()
