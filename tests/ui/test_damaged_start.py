"""A damaged store at start-up: the desktop names the damage, offers the newest sound backup and restores
it (the damaged file set aside), or quits leaving the file as it was (issue 13, item 6)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.base.paths import DATABASE_FILE
from app.store import backup, settings
from app.ui.mainwindow import data_care
from app.ui.tasks import InlineExecutor
from tests.ui.test_main_window import args_for


@pytest.fixture
def damaged_dir(store, scoring_round) -> tuple[Path, Path]:
    """A data directory whose store is empty (0 bytes), a sound backup, and a newer backup that is damaged."""
    settings.write(store, "marker", "dari cadangan")
    good = backup.take_backup(store, "manual")
    newer = store.data_dir / "backups" / "nilai-29991231-235959-000000-manual.sqlite3"
    newer.write_bytes(b"PK\x03\x04 not a database")
    store.close()
    (store.data_dir / DATABASE_FILE).write_bytes(b"")
    return store.data_dir, good


def answer(button_text: str, seen: list[QMessageBox]) -> None:
    """Click ``button_text`` in the message box once it is up."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: answer(button_text, seen))
        return
    seen.append(box)
    box.setProperty("seen_text", [box.text(), box.informativeText(), box.detailedText()])
    next(b for b in box.buttons() if b.text() == button_text).click()


def test_an_empty_store_offers_the_newest_sound_backup_and_restores_it(qtbot, damaged_dir, english) -> None:
    from app.ui.application import start

    data_dir, good = damaged_dir
    seen: list[QMessageBox] = []
    QTimer.singleShot(20, lambda: answer("Restore this backup", seen))
    started = start(args_for(data_dir), executor=InlineExecutor())
    try:
        assert len(seen) == 1
        texts = seen[0].property("seen_text")
        assert texts[0] == "Nilai's data is damaged and cannot be opened."
        assert "The newest sound backup is from" in texts[1] and "sets the damaged file aside" in texts[1]
        assert str(good) in texts[2] and "empty (0 bytes)" in texts[2]
        window = started.shell.window
        assert window.isVisible()
        assert settings.read(started.store, "marker") == "dari cadangan"
        aside = [b for b in backup.list_backups(data_dir) if b.reason == "damaged"]
        assert len(aside) == 1 and aside[0].size == 0  # the damaged file, kept as it was
        assert str(aside[0].path) in window.statusBar().currentMessage()
    finally:
        started.stop()


def test_quitting_leaves_the_damaged_file_as_it_was(qtbot, damaged_dir, english) -> None:
    from app.ui.application import start

    data_dir, _good = damaged_dir
    seen: list[QMessageBox] = []
    QTimer.singleShot(20, lambda: answer("Quit", seen))
    assert start(args_for(data_dir), executor=InlineExecutor()) == 1
    assert len(seen) == 1
    assert (data_dir / DATABASE_FILE).stat().st_size == 0
    assert [b.reason for b in backup.list_backups(data_dir)] == ["manual", "manual"]  # nothing set aside


def test_damage_found_by_the_startup_check_names_the_newest_sound_backup(qtbot, store, scoring_round, english,
                                                                          monkeypatch) -> None:
    from app.ui.application import start

    good = backup.take_backup(store, "manual")
    newer = store.data_dir / "backups" / "nilai-29991231-235959-000000-manual.sqlite3"
    newer.write_bytes(b"%PDF-1.7 not a database")
    store.close()
    conn = sqlite3.connect(store.data_dir / DATABASE_FILE)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO score (version_id, indicator_code, level, not_applicable, note, updated_at) "
                 "VALUES ('no-such-version', 'A-1', 3, 0, '', '2018-03-05 08:00:00')")
    conn.commit()
    conn.close()
    offered = []
    monkeypatch.setattr(data_care, "show_problems", lambda parent, report, sound: offered.append(sound) or False)
    started = start(args_for(store.data_dir), executor=InlineExecutor())
    try:
        qtbot.waitUntil(lambda: len(offered) == 1)
        assert offered[0] is not None and offered[0].path == good
    finally:
        started.stop()
