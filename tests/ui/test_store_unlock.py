"""An encrypted store at start-up: the desktop asks for the passphrase before anything is opened,
refuses a wrong one (nothing changed), and opens the store after the right one (issue 13, lost laptop)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from app import assessments as A
from app.identity import storekey
from app.store import cipher, encryption
from app.ui.identity.store_unlock_dialog import StoreUnlockDialog
from app.ui.tasks import InlineExecutor
from tests.ui.test_main_window import args_for

PASS = "kata sandi penilai 2018"
NOTE = "Camat Sugiharto belum hadir"
ME = "Siti Rahmawati <198001012005012001>"


@pytest.fixture
def encrypted_dir(store, scoring_round) -> Path:
    round_id, assessor = scoring_round
    version = A.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=assessor.id)
    A.set_note(store, version, "A-1", NOTE, ME)
    store.close()
    encryption.convert(store.data_dir, storekey.create(store.data_dir, PASS))
    cipher.forget()  # as a new process: locked
    yield store.data_dir
    cipher.forget()


def digest(data_dir: Path) -> dict[str, str]:
    return {str(p.relative_to(data_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(data_dir.rglob("*")) if p.is_file()}


def type_into_dialog(qtbot, answers: list[str], seen: list[str]) -> None:
    """Type each answer into the unlock dialog and press Enter; note the message after each wrong one."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, StoreUnlockDialog):
        QTimer.singleShot(20, lambda: type_into_dialog(qtbot, answers, seen))
        return
    while answers:
        dialog.field.setFocus()
        qtbot.keyClicks(dialog.field, answers.pop(0))
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
        if dialog.isVisible():
            seen.append(dialog.message.text())
    if dialog.isVisible():
        qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)


def test_opens_an_encrypted_store_after_the_passphrase(qtbot, encrypted_dir, english) -> None:
    from app.ui.application import start

    before = digest(encrypted_dir)
    seen: list[str] = []
    QTimer.singleShot(20, lambda: type_into_dialog(qtbot, ["bukan sandinya", PASS], seen))
    started = start(args_for(encrypted_dir), executor=InlineExecutor())
    try:
        assert len(seen) == 1 and seen[0].startswith("That passphrase is not correct.")
        assert started.shell.window.isVisible()
        with started.store.transaction() as session:
            from sqlmodel import select  # deferred: the test reads the store the window opened

            from app.models.tables import Score

            assert session.exec(select(Score.note).where(Score.indicator_code == "A-1")).one() == NOTE
        assert cipher.is_encrypted_file(encrypted_dir / "nilai.sqlite3")
    finally:
        started.stop()
    assert before != digest(encrypted_dir)  # it was really opened (the start-up backup, the log)


def test_a_wrong_passphrase_then_quit_changes_nothing(qtbot, encrypted_dir, english) -> None:
    from app.ui.application import start

    before = digest(encrypted_dir)
    seen: list[str] = []
    QTimer.singleShot(20, lambda: type_into_dialog(qtbot, ["bukan sandinya", "juga bukan"], seen))
    assert start(args_for(encrypted_dir), executor=InlineExecutor()) == 0
    assert len(seen) == 2
    assert digest(encrypted_dir) == before


@pytest.mark.parametrize("lang", ["en", "id"])
def test_dialog_reads_in_both_languages(qtbot, encrypted_dir, lang, tmp_path) -> None:
    from app.ui import i18n

    i18n.install(lang)
    try:
        dialog = StoreUnlockDialog(encrypted_dir)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.field, "salah")
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
        expected = {"en": ("Open the encrypted data", "not correct"), "id": ("Buka data terenkripsi", "salah")}[lang]
        assert dialog.windowTitle() == expected[0] and expected[1] in dialog.message.text()
        dialog.grab().save(str(tmp_path / f"store-unlock-{lang}.png"))
    finally:
        i18n.install("en")
