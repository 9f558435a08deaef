"""The one way the UI does slow work: run a function off the GUI thread, get the outcome by signal.

Widgets never start threads. They ask a :class:`TaskRunner` (given to them by whoever builds them)
to run a plain function; the result or the exception comes back on the GUI thread through the
returned :class:`Task`'s signals. The executor is injectable: the program uses one background
thread (work is serialised, like Anki's task manager), tests pass :class:`InlineExecutor` so the
work happens at once and its outcome is delivered before ``run`` returns.

A function that wants to report progress takes a keyword argument ``progress`` (a callable
``progress(done, total)``), passed when ``run(..., with_progress=True)``.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot


class InlineExecutor(Executor):
    """Runs each submitted function immediately in the calling thread (for tests)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # delivered through the future like a worker thread would
            future.set_exception(exc)
        return future


class Task(QObject):
    """One piece of work in flight. ``finished(result)`` or ``failed(exception)`` fires once."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, label: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.cancelled = False
        self.done = False

    def cancel(self) -> None:
        """Drop the outcome: neither signal will fire (the work itself still runs to its end)."""
        self.cancelled = True


class _Relay(QObject):
    """Lives on the GUI thread; carries outcomes from worker threads through queued signals."""

    outcome = Signal(object, object, object)  # task, result, error
    progress = Signal(object, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.outcome.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object, object)
    def _deliver(self, task: Task, result: object, error: object) -> None:
        self.parent_runner()._finish(task, result, error)

    @Slot(object, int, int)
    def _progress(self, task: Task, done: int, total: int) -> None:
        if not task.cancelled and not task.done:
            task.progressed.emit(done, total)
            self.parent_runner().progress.emit(task.label, done, total)

    def parent_runner(self) -> TaskRunner:
        runner = self.parent()
        assert isinstance(runner, TaskRunner)
        return runner


class TaskRunner(QObject):
    """Runs functions on an executor and reports on the GUI thread (the main thread).

    Connect to a task's outcome through ``on_done``/``on_error``: with an inline executor the
    outcome is delivered before ``run`` returns.

    ``busy_changed(bool)`` tells a status bar when work starts and ends; ``progress(label, done,
    total)`` forwards what tasks report.
    """

    busy_changed = Signal(bool)
    progress = Signal(str, int, int)

    def __init__(self, executor: Executor | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._owns_executor = executor is None
        # Inline work is delivered at once; anything else goes through the event queue, in order
        # (progress before outcome), even when a future completes before its callback is attached.
        self._inline = isinstance(executor, InlineExecutor)
        self._executor = executor or ThreadPoolExecutor(max_workers=1, thread_name_prefix="nilai-task")
        self._relay = _Relay(self)
        self._running: set[Task] = set()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(self, fn: Callable[..., Any], *args: Any, label: str = "", with_progress: bool = False,
            on_done: Callable[[Any], None] | None = None, on_error: Callable[[BaseException], None] | None = None,
            **kwargs: Any) -> Task:
        task = Task(label, self)
        if on_done is not None:
            task.finished.connect(on_done)
        if on_error is not None:
            task.failed.connect(on_error)
        self._running.add(task)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        if with_progress:
            kwargs["progress"] = lambda done, total: self._report(task, done, total)
        future = self._executor.submit(fn, *args, **kwargs)
        future.add_done_callback(lambda f: self._completed(task, f))
        return task

    def _report(self, task: Task, done: int, total: int) -> None:
        if self._inline:
            self._relay._progress(task, done, total)
        else:
            self._relay.progress.emit(task, done, total)

    def _completed(self, task: Task, future: Future) -> None:
        error: BaseException | None
        try:
            result, error = future.result(), None
        except concurrent.futures.CancelledError as exc:
            result, error = None, exc
        except BaseException as exc:
            result, error = None, exc
        if self._inline:
            self._finish(task, result, error)
        else:
            self._relay.outcome.emit(task, result, error)

    def _finish(self, task: Task, result: object, error: object) -> None:
        task.done = True
        self._running.discard(task)
        try:
            if not task.cancelled:
                if error is None:
                    task.finished.emit(result)
                else:
                    task.failed.emit(error)
        finally:
            if not self._running:
                self.busy_changed.emit(False)
            task.deleteLater()

    def shutdown(self) -> None:
        """Wait for work in flight (a write must not be cut off) and stop the worker."""
        if self._owns_executor:
            self._executor.shutdown(wait=True, cancel_futures=False)
