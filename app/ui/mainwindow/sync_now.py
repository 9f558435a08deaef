"""File ▸ Sync now: the outbox sent to the round's sync service on the task runner.

The passphrase is asked first (it signs the bundle and the requests), only when something waits;
the sending runs in the background (app.ui.tasks), and its outcome goes to the status bar: how many
versions were taken in, and the first reason one was not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from app.store import Store
from app.sync.inbox import Reception, has_service, sync_round_trip
from app.sync.lock import SyncBusy
from app.sync.outbox import Delivery, queue_new, waiting
from app.ui.tasks import Task, TaskRunner

Unlock = Callable[[QWidget, str], Any]


class SyncNow(QObject):
    returned = Signal(int)  # assessments newly returned for revision: the schedule reloads

    def __init__(self, window: QMainWindow, store: Store, runner: TaskRunner, unlock: Unlock) -> None:
        super().__init__(window)
        self.window, self.store, self.runner, self.unlock = window, store, runner, unlock
        self.task: Task | None = None
        self.last: list[Delivery] = []
        self.received: list[Reception] = []

    def run(self) -> Task | None:
        if self.task is not None and not self.task.done:
            return self.task  # one sync at a time
        queue_new(self.store)
        if not waiting(self.store) and not has_service(self.store):
            self._show(self.tr("Nothing to send: every finalized and signed assessment has reached the coordinator."))
            return None
        unlocked = self.unlock(self.window, self.tr("sign the bundle sent to the coordinator's sync service"))
        if unlocked is None:
            return None
        label = self.tr("Sending finalized assessments to the sync service")
        self._show(label + "…")
        self.task = self.runner.run(sync_round_trip, self.store, unlocked, retries=2, label=label,
                                    on_done=self._done, on_error=self._failed)
        return self.task

    def _done(self, result: tuple[list[Delivery], list[Reception]]) -> None:
        deliveries, received = result
        self.last, self.received = deliveries, received
        sent = sum(d.versions for d in deliveries if d.sent)
        left = len(waiting(self.store))
        returned = sum(r.returned for r in received)
        back = (" " + self.tr("%1 assessment(s) returned to you for revision: see the schedule.")
                .replace("%1", str(returned))) if returned else ""
        if returned:
            self.returned.emit(returned)
        if not left:
            self._show(self.tr("Sync: %1 version(s) taken in by the coordinator.").replace("%1", str(sent)) + back)
            return
        why = next((d.line() for d in deliveries if not d.sent), "")
        self._show(self.tr("Sync: %1 version(s) taken in, %2 still queued (%3)").replace("%1", str(sent))
                   .replace("%2", str(left)).replace("%3", why) + back)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, SyncBusy):
            self._show(self.tr("Sync: another sync is running on this laptop (automatic sync or nilai sync); "
                               "it sends what is queued."))
            return
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        self._show(self.tr("Sync failed; everything stays queued: %1").replace("%1", first))

    def _show(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 30000)
