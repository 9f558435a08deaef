"""Looking after the data: the start-up check and backup, Help → Check data now, and their messages.

At every start the quick integrity check runs on the task runner (the window does not wait for
it); when it finds nothing, the rolling start-up backup is taken. A damaged database is not backed
up: its copy would push a sound backup out of the rolling set. Problems are shown by
:func:`show_problems`, naming each one and the way out; a backup that cannot be written (a full
disk) is a warning in the status bar. Help → Check data now runs the full check.

The message functions are module-level so tests can replace them and read what would be shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.store import Store, StoreError, backup, damage, integrity
from app.ui.tasks import TaskRunner


@dataclass(frozen=True)
class StartupCare:
    report: integrity.Report
    backup: Path | None  # the start-up backup just taken (None: not taken, or not SQLite)
    backup_error: str | None  # why it could not be taken


def startup_care(store: Store) -> StartupCare:
    """The quick check, then (only for a sound database) the rolling start-up backup."""
    report = integrity.check(store, full=False)
    if not report.ok:
        return StartupCare(report, None, None)
    try:
        taken = backup.take_backup(store, "startup")
    except (StoreError, OSError) as exc:
        return StartupCare(report, None, str(exc))
    return StartupCare(report, taken, None)


def when(info: backup.BackupInfo) -> str:
    return QLocale().toString(info.taken_at, QLocale.FormatType.ShortFormat)  # type: ignore[call-overload]  # PySide6 takes a datetime; its stubs list only QDateTime


def problems_text(report: integrity.Report, sound: backup.BackupInfo | None) -> tuple[str, str, str]:
    """Heading, body (the findings, then the way out: ``sound``, the newest sound backup) and details
    (the core's way out, with the file)."""
    count = len(report.findings)
    heading = QCoreApplication.translate("DataCare", "Nilai found problems in its data (%1).").replace("%1", str(count))
    lines = [f"• {finding}" for finding in report.findings[:12]]
    if count > 12:
        lines.append(QCoreApplication.translate("DataCare", "… and %1 more.").replace("%1", str(count - 12)))
    body = "\n".join(lines) + "\n\n" + QCoreApplication.translate("DataCare", "What to do:") + "\n"
    if sound is not None:
        body += QCoreApplication.translate(
            "DataCare", "Restore the newest sound backup, from %1, with File → Restore a backup…; the database as it "
            "is now is set aside first, so nothing is lost by trying.").replace("%1", when(sound))
    else:
        body += QCoreApplication.translate(
            "DataCare", "There is no backup yet. Copy the data folder somewhere safe (Help → Open data folder) "
            "before changing anything, and ask your coordinator for help.")
    details = "\n".join([report.way_out, "", *(str(finding) for finding in report.findings)]).strip()
    return heading, body, details


def show_problems(parent: QWidget | None, report: integrity.Report, sound: backup.BackupInfo | None) -> bool:
    """Say what is wrong and the way out; True when the assessor chose to restore a backup now."""
    heading, body, details = problems_text(report, sound)
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("DataCare", "Problems in the data"),
                      heading, QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(body)
    box.setDetailedText(details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    restore = None
    if sound is not None:
        restore = box.addButton(QCoreApplication.translate("DataCare", "Restore a backup…"),
                                QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("DataCare", "Close"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    chosen = box.clickedButton()
    box.deleteLater()
    return restore is not None and chosen is restore


def checked_text(report: integrity.Report) -> str:
    checked = report.checked
    text = QCoreApplication.translate("DataCare", "No problems found. Checked the database, %1 change-log entries, "
                                      "%2 evidence files and %3 signed sheets.")
    return (text.replace("%1", str(checked.get("change log entries", 0)))
            .replace("%2", str(checked.get("evidence files", 0)))
            .replace("%3", str(checked.get("signed sheets", 0))))


def show_all_well(parent: QWidget | None, text: str) -> None:
    QMessageBox.information(parent, QCoreApplication.translate("DataCare", "Data checked"), text)


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


class DataCheck(QObject):
    """Help → Check data now: the full check on the task runner, a progress window, then the result."""

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.store, self.runner, self.window = store, runner, parent
        self.progress: QProgressDialog | None = None
        self.running = False

    def run(self, offer_restore) -> None:
        """``offer_restore(backup)`` is called when problems were found and the assessor wants to restore."""
        if self.running:
            return
        self.running = True
        self.offer_restore = offer_restore
        text = QCoreApplication.translate("DataCare", "Checking every record, change-log entry, evidence file and "
                                          "signed sheet…")
        self.progress = QProgressDialog(text, "", 0, 0, self.window)
        self.progress.setWindowTitle(QCoreApplication.translate("DataCare", "Check data"))
        self.progress.setCancelButton(None)  # the check is read-only and short; it runs to its end
        self.progress.setMinimumDuration(300)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.runner.run(integrity.check, self.store, True,
                        label=QCoreApplication.translate("DataCare", "Checking the data"),
                        on_done=self._done, on_error=self._failed)

    def _finish(self) -> None:
        self.running = False
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, report: integrity.Report) -> None:
        self._finish()
        QTimer.singleShot(0, self, lambda: self._show(report))  # once the task is over (the busy bar gone)

    def _show(self, report: integrity.Report) -> None:
        if report.ok:
            show_all_well(self.window, checked_text(report))
        else:
            sound = damage.newest_sound_backup(self.store.data_dir)
            if show_problems(self.window, report, sound):
                self.offer_restore(sound.path if sound else None)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        if not isinstance(error, StoreError | OSError):
            raise error
        show_error(self.window, QCoreApplication.translate("DataCare", "Check data"),
                   QCoreApplication.translate("DataCare", "The check could not run: %1").replace("%1", str(error)))
