"""What the coordinator view needs from outside: the store, the task runner, pickers and prompts.

Everything a test wants to replace (file pickers, the passphrase prompt, who the coordinator is)
is a field here, so widgets are built from their services and driven by ``qtbot`` alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from app.identity import IdentityError, UnlockedIdentity, UnlockThrottle, has_identity, load_identity
from app.store import Store, settings
from app.ui.identity.passphrase_dialog import PassphraseDialog
from app.ui.tasks import TaskRunner
from app.ui.widgets.pickers import PickOpen

PickBundles = Callable[[QWidget], list[Path]]
PickSave = Callable[[QWidget, str, str, str], Path | None]  # parent, title, suggested name, filter
AskPassphrase = Callable[[QWidget, Path, str], UnlockedIdentity | None]  # parent, data dir, purpose


_FOLDER: list[str] = []  # the folder a file was last opened or saved in, where the next dialog starts


def _folder() -> str:
    """The last folder used, else the user's documents (not the folder the program was started from)."""
    return (_FOLDER[-1] if _FOLDER else
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home()))


def _used(path: str) -> str:
    if path:
        _FOLDER[:] = [str(Path(path).parent)]
    return path


def pick_bundles_dialog(parent: QWidget) -> list[Path]:
    files, _ = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("CoordinatorServices", "Import result bundles"), _folder(),
        QCoreApplication.translate("CoordinatorServices", "Nilai result bundles (*.nilai);;All files (*)"))
    return [Path(_used(f)) for f in files]


def pick_save_dialog(parent: QWidget, title: str, suggested: str, name_filter: str) -> Path | None:
    start = suggested if Path(suggested).is_absolute() else str(Path(_folder()) / suggested)
    path, _ = QFileDialog.getSaveFileName(parent, title, start, name_filter)
    return Path(_used(path)) if path else None


def pick_open_here(parent: QWidget, title: str, name_filter: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, _folder(), name_filter)
    return _used(path) or None


@dataclass
class CoordinatorServices:
    store: Store
    runner: TaskRunner
    data_dir: Path
    lang: str = "id"
    actor: str = ""  # who moderates and resolves: "Name <NIP>"; default: the data directory's profile
    throttle: UnlockThrottle | None = None
    pick_bundles: PickBundles = pick_bundles_dialog
    pick_save: PickSave = pick_save_dialog
    pick_open: PickOpen = pick_open_here  # one file to read (round setup: instrument, spreadsheets)
    ask_passphrase: AskPassphrase | None = None  # default: the shared PassphraseDialog

    def who(self) -> str:
        """The coordinator who moderates and resolves: their own key's identity (name and NIP) when there is
        one, else the data directory's profile; "Name <NIP>"."""
        if self.actor.strip():
            return self.actor.strip()
        if has_identity(self.data_dir):
            try:
                info = load_identity(self.data_dir)
            except (IdentityError, OSError, ValueError):
                info = None  # a damaged key file: the profile still names the coordinator
            if info is not None and info.name:
                return f"{info.name} <{info.nip}>" if info.nip else info.name
        profile = settings.profile(self.store)
        if profile is None:
            return QCoreApplication.translate("CoordinatorServices", "coordinator")
        return f"{profile.name} <{profile.nip}>" if profile.nip else profile.name

    def unlock(self, parent: QWidget, purpose: str) -> UnlockedIdentity | None:
        if self.ask_passphrase is not None:
            return self.ask_passphrase(parent, Path(self.data_dir), purpose)
        return PassphraseDialog.ask(Path(self.data_dir), parent, purpose=purpose, throttle=self.throttle)
