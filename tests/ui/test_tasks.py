"""The background-work helper: outcomes arrive on the GUI thread, by signal; tests can run inline."""

from __future__ import annotations

import threading

import pytest

from app.ui.tasks import InlineExecutor, TaskRunner


def test_inline_executor_delivers_before_run_returns(qapp) -> None:
    runner = TaskRunner(InlineExecutor())
    got, busy = [], []
    runner.busy_changed.connect(busy.append)
    runner.run(lambda a, b: a + b, 2, 3, on_done=got.append)
    assert got == [5]
    assert busy == [True, False]
    assert not runner.busy


def test_errors_come_back_as_signals_not_exceptions(qapp) -> None:
    runner = TaskRunner(InlineExecutor())
    errors, results = [], []

    def boom() -> None:
        raise ValueError("disk on fire")

    runner.run(boom, on_done=results.append, on_error=errors.append)
    assert results == []
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "disk on fire"


def test_worker_thread_result_is_delivered_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()  # the real executor: one background thread
    seen: dict[str, object] = {}

    def work(progress) -> str:
        seen["worker"] = threading.current_thread()
        progress(1, 2)
        progress(2, 2)
        return "done"

    def done(result: str) -> None:
        seen["result"] = result
        seen["delivered_on"] = threading.current_thread()

    reports = []
    runner.progress.connect(lambda label, done_, total: reports.append((label, done_, total)))
    with qtbot.waitSignal(runner.busy_changed, timeout=5000, check_params_cb=lambda busy: busy is False):
        runner.run(work, label="Loading", with_progress=True, on_done=done)
    runner.shutdown()
    assert seen["result"] == "done"
    assert seen["worker"] is not threading.main_thread()
    assert seen["delivered_on"] is threading.main_thread()
    assert reports == [("Loading", 1, 2), ("Loading", 2, 2)]


def test_a_cancelled_task_reports_nothing(qtbot) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    got = []
    task = runner.run(gate.wait, 5, on_done=got.append)
    task.cancel()
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    runner.shutdown()
    assert got == []


@pytest.mark.parametrize("executor", [None, InlineExecutor()])
def test_shutdown_waits_for_work_in_flight(qtbot, executor) -> None:
    runner = TaskRunner(executor)
    finished = threading.Event()
    runner.run(lambda: finished.set())
    runner.shutdown()
    assert finished.is_set()
