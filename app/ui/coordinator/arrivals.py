"""Arrivals: the coordinator's import tab sees what the sync service took in, and its quarantine.

Every ten seconds the store is asked what changed (:func:`app.sync.arrivals.look`, on the task
runner: two small reads). Bundles taken in since (by ``nilai serve`` on this machine or another, on
the same PostgreSQL store) join the import report, and the schedule, coverage and ranking refresh as
after a file import. Bundles the service keeps in quarantine are written to a folder of this data
directory and imported like dropped files: the import refuses them as "not trusted", so they appear
in the report and under "Unknown assessor certificates" with the name, NIP and fingerprint, and
the file name says when they arrived. Trusting one imports its bundles (the quarantine lets them go
at the next look); rejecting one deletes them from the quarantine.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from app.bundles import report as R
from app.bundles.intake import ImportOutcome
from app.sync import quarantine
from app.sync.arrivals import Arrival, Look, look
from app.ui.coordinator.import_tab import ImportTab
from app.ui.coordinator.session import CoordinatorSession, error_text
from app.ui.tasks import Task

POLL_SECONDS = 10.0


class Arrivals(QObject):
    def __init__(self, session: CoordinatorSession, tab: ImportTab, every: float = POLL_SECONDS) -> None:
        super().__init__(tab)
        self.session, self.tab = session, tab
        self.mark: datetime | None = None
        self.shown: set[str] = set()  # bundle ids in the report already
        self.offered: dict[str, str] = {}  # quarantined bundle sha256 -> its certificate's fingerprint
        self.folder = Path(session.services.data_dir) / "sync" / "quarantine-view"
        self.task: Task | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(every * 1000))
        self.timer.timeout.connect(self.poll)
        tab.reject_button.clicked.connect(self._rejected)  # after the tab took them off its list
        tab.imported.connect(self._remember_shown)

    def start(self) -> None:
        self.timer.start()
        self.poll()

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> Task | None:
        if self.task is not None and not self.task.done:
            return None  # the last look is still under way (a slow network to the store)
        if not self.tab.window().isVisible():
            return None  # the coordinator's window is closed (or not shown yet): nobody to tell
        self.task = self.session.services.runner.run(
            look, self.session.services.store, self.mark, self.folder, frozenset(self.offered), label=self.tr("Looking for arrivals"),
            on_done=self._looked, on_error=lambda exc: self.session.failed.emit(error_text(exc)))
        return self.task

    def _remember_shown(self, outcome: ImportOutcome) -> None:
        self.shown |= {b.bundle_id for b in outcome.report.bundles if b.bundle_id}

    def _looked(self, found: Look) -> None:
        first = self.mark is None
        self.mark = found.mark
        if found.settled is not None and any(b.outcome != R.BUNDLE_KNOWN for b in found.settled.report.bundles):
            self._show(found.settled)
        fresh = [a for a in found.arrivals if a.bundle_id not in self.shown]
        if fresh and not first:
            self._show(self._as_outcome(fresh))
            self.session.message.emit(self.tr("%1 bundle(s) arrived through the sync service").replace(
                "%1", str(len(fresh))) + " · " + self.tab.summary_text())
        new = [(item, path) for item, path in found.waiting if item.sha256 not in self.offered]
        if new:
            self.offered.update((item.sha256, item.fingerprint) for item, _path in new)
            self.tab.import_paths([path for _item, path in new])  # refused as not trusted: listed for a decision

    def _show(self, outcome: ImportOutcome) -> None:
        tab = self.tab
        tab.report_model.add(outcome)
        tab.report.expandAll()
        tab.imported.emit(outcome)  # the schedule and results refresh as after a file import
        tab.refresh_conflicts()
        self.session.recompute()

    def _as_outcome(self, arrivals: list[Arrival]) -> ImportOutcome:
        """Receipts as report rows: the bundle, its assessor, what it brought (the service kept the full
        report where it runs, under sync/reports/)."""
        bundles = []
        for a in arrivals:
            counts = ", ".join(f"{n} {self.tab.report_model.outcome_text(_record_word(k))}" for k, n in a.counts.items())
            note = self.tr("through the sync service, %1").replace("%1", f"{a.imported_at.astimezone():%H:%M:%S}")
            bundles.append(R.BundleReport(a.file_name or a.bundle_id, R.BUNDLE_IMPORTED, a.bundle_id,
                                          a.assessor or None, a.fingerprint, notes=[n for n in (counts, note) if n]))
        paths = tuple(Path(b.file) for b in bundles)
        return ImportOutcome(R.ImportReport(bundles), paths, ())

    def _rejected(self) -> None:
        listed = {item.info.fingerprint for item in self.tab.unknown_model.items()}
        gone = sorted({fp for fp in self.offered.values() if fp not in listed})
        if not gone:
            return
        for sha in [s for s, fp in self.offered.items() if fp in gone]:
            del self.offered[sha]
        self.session.services.runner.run(quarantine.reject, self.session.services.store, gone,
                                         label=self.tr("Deleting rejected bundles from the quarantine"),
                                         on_error=lambda exc: self.session.failed.emit(error_text(exc)))


def _record_word(counted: str) -> str:
    return {"conflicts": R.CONFLICT, "superseded": R.SUPERSEDED}.get(counted, counted)
