"""Automatic sync: the outbox goes to the round's sync service by itself once the service answers.

Every minute (longer while the laptop is offline: :class:`app.sync.auto.Backoff`) the window asks
the service ``GET /health`` and, when it answers and something is queued, sends the outbox. It never
slows the interview: the work runs on its own background worker (app.ui.tasks, not the runner the
interview reads through), and a check waits until the assessor has left the scores and notes alone
for a few seconds.

The bundle is signed with the assessor's key, so it needs the passphrase. No dialog ever pops up by
itself: automatic sync uses the identity the assessor already unlocked in this session (signing a
sheet, exporting a bundle, File ▸ Sync now). Until then a button in the status bar says how many
assessments wait and offers to unlock; a click asks the passphrase once for the session. The key is
kept in memory only, never written. Settings ▸ Sync automatically turns all of it off.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QToolButton

from app.store import Store, settings
from app.sync.auto import (
    CERTIFICATE,
    NO_SERVICE,
    NOT_TRUSTED,
    OFFLINE,
    Attempt,
    Backoff,
    failure_kind,
    probe_kind,
    sync_if_reachable,
)
from app.sync.lock import SyncBusy
from app.sync.outbox import Delivery
from app.ui.tasks import Task, TaskRunner

QUIET_SECONDS = 5.0  # no sync starts until the scores and notes have been left alone this long
FIRST_CHECK_SECONDS = 10.0  # after the window opens (its own start-up work goes first)
MESSAGE_MS = 20000

class DaemonExecutor(Executor):
    """Each piece of work on a thread of its own that does not hold the program open: closing Nilai never
    waits for an upload (the outbox is crash-safe: the next start sends the same bundle, taken in once)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()

        def work() -> None:
            try:
                future.set_result(fn(*args, **kwargs))
            except BaseException as exc:  # delivered through the future, as the task runner expects
                future.set_exception(exc)

        threading.Thread(target=work, name="nilai-auto-sync", daemon=True).start()
        return future


Unlock = Callable[[], Any]  # ask the passphrase (a dialog the assessor asked for); the identity or None
Remembered = Callable[[], Any]  # the identity unlocked earlier in this session, or None


def enabled(store: Store) -> bool:
    return settings.read(store, settings.AUTO_SYNC) != "0"


class AutoSync(QObject):
    received = Signal(int)  # a newer round package or returns for revision came back (how many returns)

    def __init__(self, window: QMainWindow, store: Store, remembered: Remembered, unlock: Unlock, *,
                 runner: TaskRunner | None = None, backoff: Backoff | None = None, quiet: float = QUIET_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.window, self.store, self.remembered, self.unlock = window, store, remembered, unlock
        # its own worker: a slow network never holds up what the interview reads through the window's runner
        self.runner = runner or TaskRunner(DaemonExecutor(), parent=QCoreApplication.instance())
        self._own_runner = runner is None
        self.backoff = backoff or Backoff()
        self.quiet, self.clock = quiet, clock
        self.last_input = float("-inf")
        self.task: Task | None = None
        self.last: Attempt | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.button = QToolButton(window)  # the lasting state, and the non-modal prompt to unlock
        self.button.setAutoRaise(True)
        self.button.clicked.connect(self.clicked)
        self.button.hide()
        window.statusBar().addPermanentWidget(self.button)
        self._sending_text = ""

    # -- when ------------------------------------------------------------------------------------

    def start(self, delay: float = FIRST_CHECK_SECONDS) -> None:
        if enabled(self.store):
            self._schedule(delay)

    def stop(self) -> None:
        self.timer.stop()
        if self.task is not None and not self.task.done:
            self.task.cancel()
        if self._own_runner:  # once idle: work in flight still reports to it
            self._own_runner = False
            runner = self.runner
            if runner.busy:
                def idle(busy: bool) -> None:
                    if not busy:
                        runner.deleteLater()

                runner.busy_changed.connect(idle)
            else:
                runner.deleteLater()

    def set_enabled(self, on: bool) -> None:
        settings.write(self.store, settings.AUTO_SYNC, None if on else "0")
        if on:
            self.backoff.reached()
            self._schedule(0)
        else:
            self.timer.stop()
            self.button.hide()

    def note_input(self, *_args: object) -> None:
        """The assessor is scoring or typing: no sync starts for a few seconds."""
        self.last_input = self.clock()

    def _schedule(self, seconds: float) -> None:
        self.timer.start(max(0, int(seconds * 1000)))

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done

    def check(self) -> Task | None:
        """The timer's turn: look for the service and send, unless switched off, busy, or the assessor is at work."""
        if not enabled(self.store):
            return None
        if self.running:
            return self.task
        idle_for = self.clock() - self.last_input
        if idle_for < self.quiet:
            self._schedule(self.quiet - idle_for)
            return None
        return self._run(self.remembered())

    def clicked(self) -> None:
        """The status-bar button: unlock once for the session if needed, then sync now."""
        if self.running:
            return
        unlocked = self.remembered() or self.unlock()
        if unlocked is not None:
            self._run(unlocked)

    def _run(self, unlocked: Any) -> Task:
        self.timer.stop()
        self.task = self.runner.run(sync_if_reachable, self.store, unlocked, with_progress=True,
                                    label=self.tr("Sync"), on_done=self._done, on_error=self._failed)
        self.task.progressed.connect(self._progress)
        return self.task

    # -- what the assessor sees ----------------------------------------------------------------------

    def _progress(self, sent: int, queued: int) -> None:
        if sent == 0:
            self._sending_text = self.tr("Sending %1 assessment(s) to the coordinator…").replace("%1", str(queued))
            self.window.statusBar().showMessage(self._sending_text, MESSAGE_MS)

    def _done(self, attempt: Attempt) -> None:
        self.last = attempt
        if attempt.reached:
            self.backoff.reached()
        elif attempt.unreachable:
            self.backoff.missed()
        self._schedule(self.backoff.next_delay())
        unreachable = [probe_kind(why) for why in attempt.unreachable.values()]
        problems = [self.tr("%1: %2").replace("%1", name).replace("%2", self._probe_words(why))
                    for name, why in attempt.unreachable.items()]
        failed = [d for d in attempt.deliveries if not d.sent]
        problems += [self._delivery_words(d) for d in failed]
        problems += [self.tr("%1: nothing fetched: %2").replace("%1", r.url).replace("%2", r.error)
                     for r in attempt.received if r.error]
        offline = all(kind == OFFLINE for kind in unreachable + [failure_kind(d) for d in failed])
        sent = sum(d.versions for d in attempt.deliveries if d.sent)
        left = attempt.queued - sent
        if attempt.deliveries:
            summary = (self.tr("Sync: %1 assessment(s) taken in by the coordinator.").replace("%1", str(sent))
                       if not problems else
                       self.tr("Sync: %1 taken in, %2 still waiting: %3").replace("%1", str(sent))
                       .replace("%2", str(left)).replace("%3", problems[0]))
            self.window.statusBar().showMessage(summary, MESSAGE_MS)
        elif self.window.statusBar().currentMessage() == self._sending_text:
            self.window.statusBar().clearMessage()
        if attempt.returned or any(r.package for r in attempt.received):
            self.received.emit(attempt.returned)  # the schedule shows the returns and the new package
        if attempt.returned:
            self.window.statusBar().showMessage(self.tr("%1 assessment(s) returned to you for revision: see the "
                                                        "schedule.").replace("%1", str(attempt.returned)), MESSAGE_MS)
        self._show_state(left if attempt.deliveries else attempt.queued, problems, attempt.needs_key, offline)

    def _failed(self, error: BaseException) -> None:
        self._schedule(self.backoff.next_delay())
        if isinstance(error, SyncBusy):
            text = self.tr("Sync: another sync is running on this laptop (File ▸ Sync now or nilai sync); "
                           "it sends what is queued.")
        else:
            first = str(error).splitlines()[0] if str(error) else type(error).__name__
            text = self.tr("Sync failed; everything stays queued: %1").replace("%1", first)
        self.window.statusBar().showMessage(text, MESSAGE_MS)

    def _show_state(self, waiting: int, problems: list[str], needs_key: bool, offline: bool) -> None:
        if waiting <= 0:
            self.button.hide()
            return
        if needs_key:
            text = self.tr("%1 assessment(s) waiting to sync · unlock to send").replace("%1", str(waiting))
            tip = self.tr("The sync service answers. Click to give your passphrase once for this session; "
                          "then finalized and signed assessments are sent by themselves.")
        else:
            text = self.tr("%1 assessment(s) waiting to sync").replace("%1", str(waiting))
            if problems:
                text += " · " + (self.tr("offline") if offline else self.tr("not sent"))
            tip = "\n".join(problems) or self.tr("They are sent by themselves when the sync service answers.")
        self.button.setText(text)
        self.button.setAutoRaise(not needs_key)  # the prompt to unlock looks like the button it is
        self.button.setMinimumWidth(self.button.sizeHint().width())  # whole, not elided by the status message
        self.button.setToolTip(tip)
        self.button.setAccessibleName(text)
        self.button.show()

    def _probe_words(self, why: str) -> str:
        if probe_kind(why) == CERTIFICATE:
            return self._certificate_words()
        return self.tr("offline: the sync service did not answer; tried again later")

    def _certificate_words(self) -> str:
        return self.tr("the service's certificate is not the one in the round package: ask the coordinator "
                       "for a new round package")

    def _delivery_words(self, delivery: Delivery) -> str:
        kind = failure_kind(delivery)
        if kind == OFFLINE:
            words = self.tr("offline: the sync service did not answer; tried again later")
        elif kind == CERTIFICATE:
            words = self._certificate_words()
        elif kind == NOT_TRUSTED:
            words = self.tr("certificate not trusted yet: the coordinator has not trusted your certificate; "
                            "it goes through once they do")
        elif kind == NO_SERVICE:
            words = self.tr("its round package names no sync service; hand in a bundle file")
        else:
            words = self.tr("refused by the service: %1").replace("%1", delivery.reason)
        return self.tr("%1: %2").replace("%1", delivery.round_name).replace("%2", words)
