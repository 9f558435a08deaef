"""File ▸ Sync now: the passphrase asked once, the outbox sent on the task runner, the outcome in the
status bar (here without a sync service in the round package: everything stays queued, and says why)."""

from __future__ import annotations

from sqlmodel import select

from app import identity
from app.identity import UnlockThrottle
from app.models.sync import OutboxEntry
from tests.ui.test_assessor_sync import PASS, exchange, exchange_template, laptop, window_on  # noqa: F401


def test_sync_now_without_a_service_keeps_everything_queued_and_says_why(qtbot, laptop, runner,  # noqa: F811
                                                                          english) -> None:
    window = window_on(qtbot, laptop, runner, None)
    unlocked = identity.unlock(laptop.data_dir, PASS, throttle=UnlockThrottle())
    asked = []
    window.menus.sheet_actions.services.ask_passphrase = lambda parent, data_dir: asked.append(data_dir) or unlocked
    assert window.menus.sync_now is not None and window.menus.sync_now in window.menus.file.actions()
    window.menus.sync_now.trigger()
    qtbot.waitUntil(lambda: window._sync is not None and window._sync.task is not None and window._sync.task.done)
    message = window.statusBar().currentMessage()
    assert asked == [laptop.data_dir]
    assert message.startswith("Sync: 0 version(s) taken in,") and "names no sync service" in message, message
    with laptop.transaction() as session:
        entries = session.exec(select(OutboxEntry)).all()
    assert entries and all(e.sent_at is None and e.outcome == "no_target" for e in entries)


def test_sync_now_with_nothing_final_asks_no_passphrase(qtbot, store, runner, english) -> None:
    from app.store import settings

    settings.save_profile(store, "Siti Rahma", "198501012010012001", "Kominfo")
    window = window_on(qtbot, store, runner, None)
    asked = []
    window.menus.sheet_actions.services.ask_passphrase = lambda parent, data_dir: asked.append(data_dir)
    window.menus.sync_now.trigger()
    assert asked == [] and window.statusBar().currentMessage().startswith("Nothing to send")
