"""Taking in the coordinator's round package (File → Open round package…, and the first-run welcome).

The import runs on the task runner; what changed (slots added, moved, removed; which are yours) or
why the package was refused comes back as text for the assessor. The message functions are
module-level so tests can replace them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.bundles.round_package import SUFFIX, PackageError, PackageImport, import_round_package
from app.store import Store, StoreError
from app.ui.tasks import Task, TaskRunner

PickRoundPackage = Callable[[QWidget], Path | None]



def pick_round_package_dialog(parent: QWidget) -> Path | None:
    title = QCoreApplication.translate("RoundImport", "Open the round package from your coordinator")
    name_filter = QCoreApplication.translate("RoundImport", "Nilai round packages (*%1);;All files (*)")
    path, _ = QFileDialog.getOpenFileName(parent, title, "", name_filter.replace("%1", SUFFIX))
    return Path(path) if path else None


def import_summary(result: PackageImport) -> tuple[str, str]:
    """The heading and the details of an import, in the assessor's language."""
    name = result.round_name
    if result.outcome == "up_to_date":
        heading = QCoreApplication.translate("RoundImport", "Round “%1” is already up to date.")
        heading = heading.replace("%1", name)
        body = QCoreApplication.translate(
            "RoundImport", "This package (version %1) brings nothing new; nothing was changed.")
        body = body.replace("%1", str(result.package_version))
    else:
        if result.outcome == "created":
            heading = QCoreApplication.translate("RoundImport", "Round “%1” is ready.").replace("%1", name)
        else:
            heading = QCoreApplication.translate("RoundImport", "Round “%1” was updated.")
            heading = heading.replace("%1", name)
        body = QCoreApplication.translate(
            "RoundImport", "Package version %1: %2 interview slots, %3 of them on your panels.")
        body = (body.replace("%1", str(result.package_version)).replace("%2", str(result.slots))
                .replace("%3", str(result.my_slots)))
        changes = QCoreApplication.translate("RoundImport", "Slots added: %1 · moved or changed: %2 · removed: %3.")
        body += "\n" + (changes.replace("%1", str(result.slots_added)).replace("%2", str(result.slots_changed))
                        .replace("%3", str(result.slots_removed)))
        body += "\n" + QCoreApplication.translate(
            "RoundImport", "Scores already entered are never touched by a round package.")
    if result.notes:
        body += "\n\n" + "\n".join(f"• {note}" for note in result.notes)
    signed_by = QCoreApplication.translate("RoundImport", "Signed by the coordinator certificate %1…")
    body += "\n\n" + signed_by.replace("%1", result.coordinator_fingerprint[:16].upper())
    return heading, body


def refusal_text(error: BaseException) -> str:
    return QCoreApplication.translate("RoundImport", "Nothing was changed.") + "\n\n" + str(error)


def _box(parent: QWidget | None, icon: QMessageBox.Icon, heading: str, body: str) -> None:
    box = QMessageBox(icon, QCoreApplication.translate("RoundImport", "Round package"), heading,
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(body)
    box.exec()
    box.deleteLater()


def show_imported(parent: QWidget | None, heading: str, body: str) -> None:
    _box(parent, QMessageBox.Icon.Information, heading, body)


def show_refused(parent: QWidget | None, text: str) -> None:
    _box(parent, QMessageBox.Icon.Warning,
         QCoreApplication.translate("RoundImport", "The round package was not taken in."), text)


USER_ERRORS = (PackageError, StoreError, OSError)


def run_import(store: Store, runner: TaskRunner, path: Path, on_done: Callable[[PackageImport], None],
               on_refused: Callable[[str], None]) -> Task:
    """Import on the task runner; a refused or unreadable package reaches ``on_refused`` as text."""

    def failed(error: BaseException) -> None:
        if not isinstance(error, USER_ERRORS):
            raise error
        on_refused(refusal_text(error))

    label = QCoreApplication.translate("RoundImport", "Taking in the round package")
    return runner.run(import_round_package, store, path, label=label, on_done=on_done, on_error=failed)
