"""Menu entries for identity, signed sheets and verification, and the per-assessment "sign" action.

The main window hooks them in with one call::

    install_sheet_actions(window, window.menuBar(), SheetServices(store, runner, lang))

which adds a "Sheets" menu (or, given a menu, appends to it): Assessor identity… / Identitas
penilai… (Ctrl+Shift+I), Export signed sheets… / Ekspor lembar bertanda tangan… (Ctrl+Shift+X),
Verify sheets… / Verifikasi lembar… (Ctrl+Shift+K). The shortcuts
avoid those of the interview (Ctrl+E, Ctrl+D, Ctrl+T, Ctrl+J, Ctrl+Shift+E/F/R/S/Z).
:func:`sign_assessment` is the per-assessment action: ask the passphrase, sign one finalized
assessment on the task runner, report by callback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMenuBar, QWidget

from app.identity import UnlockedIdentity, UnlockThrottle, has_identity
from app.store import Store
from app.ui.identity.passphrase_dialog import PassphraseDialog
from app.ui.interview.actions import describe
from app.ui.tasks import Task, TaskRunner
from app.ui.widgets.menus import menu_in
from app.ui.widgets.output import OpenFolder, open_folder_externally
from app.ui.widgets.pickers import (
    PickFolder,
    PickOpen,
    PickPdfs,
    PickSave,
    pick_folder_dialog,
    pick_open_dialog,
    pick_pdfs_dialog,
    pick_save_dialog,
)

if TYPE_CHECKING:
    from app.sheets.export import SignedSheet
    from app.ui.identity.identity_dialog import IdentityDialog
    from app.ui.sheets.export_dialog import ExportSheetsDialog
    from app.ui.sheets.verify_dialog import VerifyDialog

AskPassphrase = Callable[[QWidget, Path], UnlockedIdentity | None]


def signing_needs_identity() -> str:
    return QCoreApplication.translate(
        "SheetActions", "Signing needs your signing identity (a key and its certificate), and this computer has "
        "none yet. Create one from your profile here, or import the .p12 file your organisation issued "
        "(tab “Import .p12”).")


@dataclass
class SheetServices:
    """What the sheet dialogs need; pickers and the passphrase prompt are replaceable for tests."""

    store: Store
    runner: TaskRunner
    lang: str = "id"
    throttle: UnlockThrottle | None = None
    ask_passphrase: AskPassphrase | None = None  # default: PassphraseDialog
    pick_folder: PickFolder = pick_folder_dialog
    open_folder: OpenFolder = open_folder_externally
    pick_pdfs: PickPdfs = pick_pdfs_dialog
    pick_open: PickOpen = pick_open_dialog
    pick_save: PickSave = pick_save_dialog
    run_dialog: Callable[[QDialog], int] = QDialog.exec  # the identity dialog offered where one is missing
    # the identity last unlocked in this session (in memory only): automatic sync signs with it
    unlocked: UnlockedIdentity | None = None

    @property
    def data_dir(self) -> Path:
        return Path(self.store.data_dir)

    def offer_identity(self, parent: QWidget | None, purpose: str = "") -> bool:
        """True when there is a signing identity: already, or created or imported now (the
        identity dialog is offered, saying ``purpose``)."""
        if has_identity(self.data_dir):
            return True
        from app.ui.identity.offer import offer_identity  # deferred: the identity dialog only when needed

        return offer_identity(parent, self.store, purpose or signing_needs_identity(), throttle=self.throttle,
                              pick_open=self.pick_open, pick_save=self.pick_save, run_dialog=self.run_dialog)

    def unlock(self, parent: QWidget, purpose: str = "") -> UnlockedIdentity | None:
        if self.ask_passphrase is not None:
            unlocked = self.ask_passphrase(parent, self.data_dir)
        else:
            unlocked = PassphraseDialog.ask(self.data_dir, parent, purpose=purpose, throttle=self.throttle)
        self.unlocked = unlocked or self.unlocked
        return unlocked


class SheetActions(QObject):
    """The three actions; ``open_*`` methods show the dialogs (and return them, for tests)."""

    def __init__(self, window: QWidget, services: SheetServices) -> None:
        super().__init__(window)
        self.window, self.services = window, services
        self.identity = self._make(self.tr("Assessor identity…"), "Ctrl+Shift+I",
                                   self.tr("Your signing key and certificate: create, import, export, passphrase"))
        self.export = self._make(self.tr("Export signed sheets…"), "Ctrl+Shift+X",
                                 self.tr("Sign the sheets of finalized assessments and save them in a folder"))
        self.verify = self._make(self.tr("Verify sheets…"), "Ctrl+Shift+K",
                                 self.tr("Check the signatures of PDF sheets"))
        self.identity.triggered.connect(lambda: self.open_identity().exec())
        self.export.triggered.connect(lambda: self.open_export().exec())
        self.verify.triggered.connect(lambda: self.open_verify().exec())

    def _make(self, text: str, keys: str, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        describe(action, tip)
        return action

    def all(self) -> list[QAction]:
        return [self.identity, self.export, self.verify]

    def open_identity(self) -> IdentityDialog:
        from app.ui.identity.identity_dialog import IdentityDialog  # deferred: only when the menu is used

        s = self.services
        dialog = IdentityDialog(s.store, self.window, throttle=s.throttle, pick_open=s.pick_open,
                                pick_save=s.pick_save)
        dialog.finished.connect(dialog.deleteLater)
        return dialog

    def open_export(self) -> ExportSheetsDialog:
        from app.ui.sheets.export_dialog import ExportSheetsDialog  # deferred: only when the menu is used

        s = self.services
        dialog = ExportSheetsDialog(s.store, s.runner, s.lang, self.window, throttle=s.throttle,
                                    ask_passphrase=s.ask_passphrase, pick_folder=s.pick_folder,
                                    open_folder=s.open_folder, offer_identity=s.offer_identity)
        dialog.finished.connect(dialog.deleteLater)
        return dialog

    def open_verify(self) -> VerifyDialog:
        from app.ui.sheets.verify_dialog import VerifyDialog  # deferred: only when the menu is used

        s = self.services
        dialog = VerifyDialog(s.data_dir, s.runner, self.window, pick_pdfs=s.pick_pdfs)
        dialog.finished.connect(dialog.deleteLater)
        return dialog


def install_sheet_actions(window: QWidget, menu_bar_or_menu: QMenuBar | QMenu,
                          services: SheetServices) -> SheetActions:
    """Add the entries to a new "Sheets" menu of the menu bar, or to the end of the given menu."""
    actions = SheetActions(window, services)
    menu = menu_in(menu_bar_or_menu, QCoreApplication.translate("SheetActions", "Shee&ts"))
    menu.addActions(actions.all())
    window.addActions(actions.all())  # shortcuts work even while the menu bar is hidden
    return actions


def sign_assessment(parent: QWidget, services: SheetServices, version_id: str, *,
                    on_done: Callable[[SignedSheet], None] | None = None,
                    on_error: Callable[[BaseException], None] | None = None) -> Task | None:
    """Ask the passphrase and sign one finalized assessment on the task runner.

    Without an identity yet, the identity dialog is offered first. Returns the running task, or
    None when the assessor cancelled (no identity made, or no passphrase given).
    """
    if not services.offer_identity(parent):
        return None
    unlocked = services.unlock(parent, QCoreApplication.translate("SheetActions", "Sign this assessment's sheet."))
    if unlocked is None:
        return None
    # deferred: the sheet export (ReportLab, pyHanko, the render pool) until a sheet is signed
    from app.sheets.export import sign_one

    return services.runner.run(sign_one, services.store, version_id, unlocked, services.lang,
                               label=QCoreApplication.translate("SheetActions", "Signing the sheet"),
                               on_done=on_done, on_error=on_error)
