"""Automatic sync in the assessor's window, without a running service: a round package that names a
service on a loopback port where nothing listens (a laptop offline), the hold-off while the assessor
scores, the setting that turns it off, and another sync holding the lock. With a real service on
PostgreSQL: tests/sync/test_auto_sync.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from app import identity
from app.identity import UnlockThrottle
from app.models.sync import OutboxEntry
from app.models.tables import Round
from app.store import settings
from tests.sync.service import free_port, make_tls_certificate
from tests.ui.test_assessor_sync import PASS, exchange, exchange_template, laptop, window_on  # noqa: F401


def name_a_service(store, tmp_path: Path) -> str:
    """What `nilai round import` of a package with --sync-url keeps: here a port where nothing listens."""
    from app.bundles import sync_target

    folder = tmp_path / "service"
    folder.mkdir()
    cert, _key = make_tls_certificate(folder)
    url = f"https://127.0.0.1:{free_port()}"
    with store.transaction(write=True) as session:
        round_ = session.exec(select(Round)).one()
        sync_target.put(session, round_.id, sync_target.checked(url, cert.read_text()))
    return url


def queued(store) -> list[OutboxEntry]:
    with store.transaction() as session:
        return list(session.exec(select(OutboxEntry)))


@pytest.fixture
def offline_window(qtbot, laptop, runner, tmp_path, english):  # noqa: F811
    name_a_service(laptop, tmp_path)
    window = window_on(qtbot, laptop, runner, None)
    assert window.auto_sync is not None and window.auto_sync.timer.isActive()  # started with the window
    return window


def test_offline_the_status_bar_says_so_and_everything_stays_queued(qtbot, offline_window, laptop) -> None:  # noqa: F811 - fixture
    auto = offline_window.auto_sync
    unlocked = identity.unlock(laptop.data_dir, PASS, throttle=UnlockThrottle())
    offline_window.menus.sheet_actions.services.ask_passphrase = lambda parent, data_dir: unlocked
    offline_window.menus.sheet_actions.services.unlock(offline_window)  # e.g. a sheet signed earlier
    task = auto.check()
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=20000)
    assert auto.button.isVisible()
    assert auto.button.text().endswith("waiting to sync · offline"), auto.button.text()
    assert "offline: the sync service did not answer" in auto.button.toolTip()
    assert auto.last is not None and auto.last.queued > 0 and not auto.last.deliveries
    assert auto.backoff.misses == 1 and auto.timer.isActive()
    assert auto.timer.interval() == 120000  # the next look in 2 minutes, not 1: the service was not there
    entries = queued(laptop)
    assert entries and all(e.sent_at is None for e in entries)


def test_no_sync_starts_while_the_assessor_is_scoring(qtbot, offline_window) -> None:
    auto = offline_window.auto_sync
    offline_window.interview.saving.emit()  # what a score or a typed note sends
    assert auto.check() is None and auto.task is None
    assert auto.timer.isActive() and 0 < auto.timer.interval() <= auto.quiet * 1000  # again once the typing stops
    auto.last_input -= auto.quiet
    assert auto.check() is not None


def test_a_level_chosen_in_the_interview_holds_the_sync_off(qtbot, interview, store, scoring_round) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.assessments.scoring import Mark
    from tests.ui.conftest import stored_marks, version_of

    auto = interview.auto_sync
    assert auto is not None and auto.check() is not None  # nobody at work yet: it looks (no service named here)
    qtbot.waitUntil(lambda: auto.task.done, timeout=20000)
    qtbot.keyClick(QApplication.focusWidget() or interview, Qt.Key.Key_3)  # the assessor scores A-1
    assert stored_marks(store, version_of(store, scoring_round))["A-1"] == Mark(3)
    assert auto.check() is None and auto.task.done  # nothing started


def test_the_setting_turns_it_off_and_on(qtbot, offline_window, laptop) -> None:  # noqa: F811 - fixture
    action = offline_window.menus.auto_sync
    assert action is not None and action.isChecked()
    action.trigger()
    assert settings.read(laptop, settings.AUTO_SYNC) == "0"
    assert not offline_window.auto_sync.timer.isActive() and offline_window.auto_sync.check() is None
    action.trigger()
    assert settings.read(laptop, settings.AUTO_SYNC) is None and offline_window.auto_sync.timer.isActive()


def test_without_the_passphrase_nothing_pops_up_and_a_click_asks_once(qtbot, offline_window, laptop) -> None:  # noqa: F811 - fixture
    auto = offline_window.auto_sync
    asked = []
    unlocked = identity.unlock(laptop.data_dir, PASS, throttle=UnlockThrottle())
    offline_window.menus.sheet_actions.services.ask_passphrase = lambda parent, data_dir: asked.append(1) or unlocked
    task = auto.check()  # no identity unlocked in this session: the service is only looked for
    qtbot.waitUntil(lambda: task.done, timeout=20000)
    assert asked == []
    qtbot.mouseClick(auto.button, qtbot_left())
    assert asked == [1] and offline_window.menus.sheet_actions.services.unlocked is unlocked
    qtbot.waitUntil(lambda: auto.task.done, timeout=20000)
    auto.last_input = float("-inf")
    again = auto.check()
    qtbot.waitUntil(lambda: again.done, timeout=20000)
    assert asked == [1]  # once per session


def test_sync_now_while_another_sync_holds_the_lock_says_so_and_changes_nothing(
        qtbot, offline_window, laptop) -> None:  # noqa: F811 - fixture
    from app.sync.lock import sync_lock

    unlocked = identity.unlock(laptop.data_dir, PASS, throttle=UnlockThrottle())
    offline_window.menus.sheet_actions.services.ask_passphrase = lambda parent, data_dir: unlocked
    offline_window.menus.sync_now.trigger()  # queues, then sends: the first one is not held back
    before = [(e.version_id, e.state, e.attempts, e.outcome, e.batch) for e in queued(laptop)]
    assert before
    with sync_lock(laptop.data_dir):  # e.g. `nilai sync` running in a terminal
        offline_window.menus.sync_now.trigger()
        qtbot.waitUntil(lambda: offline_window._sync.task.done)
    message = offline_window.statusBar().currentMessage()
    assert "another sync is running on this laptop" in message and "\n" not in message, message
    assert [(e.version_id, e.state, e.attempts, e.outcome, e.batch) for e in queued(laptop)] == before


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
