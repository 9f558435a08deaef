"""Identity, passphrase, signature pad, export and verify dialogs, driven like an assessor drives them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMenu
from signing_demo import PASS, signing_demo
from sqlmodel import select

from app import identity
from app.identity import UnlockThrottle
from app.models.tables import Assessment, Assessor
from app.rounds.demo import build_demo
from app.sheets.export import export_sheets, signature_image_path
from app.store import settings

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "identity"


@pytest.fixture
def throttle():
    return UnlockThrottle()


@pytest.fixture
def demo(store):
    return signing_demo(store)


def said(pattern: str, text: str) -> bool:
    """``pattern`` in ``text``, where "(s)" also matches the English catalogue's plural forms."""
    regex = re.escape(pattern).replace(re.escape("(s)"), r"(?:s|\(s\))?")
    return re.search(regex, text) is not None


def statuses(store) -> list[str]:
    profile = settings.profile(store)
    with store.transaction() as session:
        return sorted(a.status for a in session.exec(select(Assessment).where(Assessment.assessor_id == profile.id)))


def type_and_ok(qtbot, dialog, text: str) -> None:
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, text)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


# --------------------------------------------------------------------------- passphrase


def test_wrong_passphrase_is_said_inline_then_the_right_one_unlocks(qtbot, demo, throttle, english):
    from app.ui.identity.passphrase_dialog import PassphraseDialog

    dialog = PassphraseDialog(demo.data_dir, throttle=throttle)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled(), "nothing typed yet"
    type_and_ok(qtbot, dialog, "salah sekali")
    assert dialog.isVisible() and dialog.unlocked is None
    assert dialog.message.isVisible() and "not correct" in dialog.message.text()
    assert dialog.field.text() == "" and dialog.field.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        type_and_ok(qtbot, dialog, PASS)
    assert dialog.unlocked is not None and dialog.unlocked.info.nip == settings.profile(demo).nip


def test_too_many_wrong_passphrases_wait_without_trying(qtbot, demo, english):
    from app.ui.identity.passphrase_dialog import PassphraseDialog

    now = [1000.0]
    throttle = UnlockThrottle(max_failures=3, window=60, clock=lambda: now[0])
    dialog = PassphraseDialog(demo.data_dir, throttle=throttle)
    qtbot.addWidget(dialog)
    dialog.show()
    for attempt in ("satu salah", "dua salah", "tiga salah"):
        type_and_ok(qtbot, dialog, attempt)
    assert dialog.attempts == 3
    assert "Too many wrong passphrases" in dialog.message.text() and "60 second" in dialog.message.text()
    assert not dialog.field.isEnabled() and not dialog.ok_button.isEnabled()
    dialog.try_unlock()  # e.g. Enter pressed again: refused without touching the key
    assert dialog.attempts == 3
    now[0] += 61
    dialog._wait_left = 1
    dialog.timer.timeout.emit()
    assert dialog.field.isEnabled() and "try again now" in dialog.message.text()
    with qtbot.waitSignal(dialog.accepted):
        type_and_ok(qtbot, dialog, PASS)


# --------------------------------------------------------------------------- signature pad


def draw(qtbot, canvas, points: list[tuple[int, int]]) -> None:
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        qtbot.mouseMove(canvas, QPoint(x, y))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def test_draw_clear_and_save_a_signature(qtbot, data_dir, english):
    from app.ui.identity.signature_pad import SignaturePadDialog

    pad = SignaturePadDialog(data_dir)
    qtbot.addWidget(pad)
    pad.show()
    qtbot.waitExposed(pad)
    canvas = pad.canvas
    assert canvas.is_empty() and not pad.save_button.isEnabled()
    draw(qtbot, canvas, [(40, 120), (70, 60), (100, 130), (140, 70)])
    assert not canvas.is_empty() and pad.save_button.isEnabled()
    qtbot.mouseClick(pad.clear_button, Qt.MouseButton.LeftButton)
    assert canvas.is_empty()
    draw(qtbot, canvas, [(30, 130), (60, 70), (90, 125), (130, 60), (170, 120), (230, 80), (300, 110)])
    draw(qtbot, canvas, [(200, 140), (260, 135)])
    assert len(canvas.strokes) == 2
    with qtbot.waitSignal(pad.saved):
        qtbot.mouseClick(pad.save_button, Qt.MouseButton.LeftButton)
    path = signature_image_path(data_dir)
    image = QImage(str(path))
    assert not image.isNull() and image.height() == 160 and image.width() > image.height()
    assert image.hasAlphaChannel() and image.pixelColor(0, 0).alpha() == 0, "transparent background"
    inked = [image.pixelColor(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)]
    assert any(c.alpha() > 200 and c.blue() > c.red() for c in inked), "dark blue ink"
    assert canvas.is_empty() and pad.remove_button.isEnabled() and pad.preview.isVisible()
    qtbot.mouseClick(pad.remove_button, Qt.MouseButton.LeftButton)
    assert not path.exists()


# --------------------------------------------------------------------------- export


def test_export_dialog_signs_the_finalized_assessments(qtbot, demo, runner, throttle, tmp_path, english):
    from app.ui.identity.passphrase_dialog import PassphraseDialog
    from app.ui.sheets.export_dialog import ExportSheetsDialog

    opened: list[Path] = []
    usb = tmp_path / "usb"
    dialog = ExportSheetsDialog(demo, runner, "id", throttle=throttle, default_folder=usb,
                                open_folder=opened.append)
    qtbot.addWidget(dialog)
    dialog.show()
    assert said("4 sheet(s) to sign", dialog.counts.text())
    assert dialog.day_box.count() == 1 + 2, "all days, and the two days with this assessor's interviews"

    def answer_the_passphrase() -> None:  # the real passphrase dialog, typed into like a person would
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, PassphraseDialog)
        assert said("Sign 4 sheet(s).", modal.heading.text())
        type_and_ok(qtbot, modal, PASS)

    QTimer.singleShot(0, answer_the_passphrase)
    with qtbot.waitSignal(dialog.exported, timeout=60000) as signal:
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    result = signal.args[0]
    assert result.ok and len(result.signed) == 4
    assert statuses(demo) == ["signed"] * 4
    assert sorted(p.name for p in usb.iterdir()) == sorted(s.file.name for s in result.signed)
    assert said("4 sheet(s) signed", dialog.status.text()) and dialog.progress.value() == 4
    assert said("0 sheet(s) to sign", dialog.counts.text()) and not dialog.sign_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [usb]


def test_export_dialog_cancelled_passphrase_signs_nothing(qtbot, demo, runner, tmp_path, english):
    from app.ui.sheets.export_dialog import ExportSheetsDialog

    dialog = ExportSheetsDialog(demo, runner, ask_passphrase=lambda parent, data_dir: None,
                                default_folder=tmp_path / "usb")
    qtbot.addWidget(dialog)
    dialog.start()
    assert statuses(demo) == ["final"] * 4 and not (tmp_path / "usb").exists()


def test_export_dialog_without_identity_offers_to_create_one_then_signs(qtbot, store, runner, tmp_path, english):
    from app.ui.sheets.actions import SheetServices
    from app.ui.sheets.export_dialog import ExportSheetsDialog

    build_demo(store, regions_count=4, assessors_count=2)
    asked: list[str] = []
    offered: list[str] = []

    def create_in_the_dialog(dialog) -> int:  # the assessor fills "Create new" and presses Create
        offered.append(dialog.purpose_label.text())
        dialog.show()
        assert dialog.tabs.currentIndex() == 1 and dialog.purpose_label.isVisibleTo(dialog)
        qtbot.keyClicks(dialog.new_passphrase, PASS)
        qtbot.keyClicks(dialog.new_again, PASS)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    def cancel(dialog) -> int:
        offered.append("cancelled")
        return QDialog.DialogCode.Rejected

    services = SheetServices(store, runner, "en", throttle=UnlockThrottle(), run_dialog=cancel)
    dialog = ExportSheetsDialog(store, runner, ask_passphrase=lambda parent, data_dir: asked.append("asked"),
                                default_folder=tmp_path / "usb", offer_identity=services.offer_identity)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.identity_note.isVisible() and dialog.identity_button.isVisible(), "said before Sign, not after"
    assert "Assessor identity" not in dialog.identity_note.text() and "Identitas" not in dialog.identity_note.text()
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert offered == ["cancelled"] and asked == [] and "no signing identity" in dialog.status.text()
    assert not identity.has_identity(store.data_dir)

    services.run_dialog = create_in_the_dialog
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert "Signing the sheets needs your signing identity" in offered[-1]
    assert identity.has_identity(store.data_dir) and asked == ["asked"], "straight on to the passphrase"
    assert not dialog.identity_note.isVisible() and not dialog.identity_button.isVisible()


def test_export_dialog_speaks_indonesian_about_a_missing_identity(qtbot, store, runner, tmp_path):
    from app.ui import i18n
    from app.ui.sheets.export_dialog import ExportSheetsDialog

    i18n.install("id")
    try:
        dialog = ExportSheetsDialog(store, runner, default_folder=tmp_path / "usb", offer_identity=lambda *a: False)
        qtbot.addWidget(dialog)
        assert "identitas" in dialog.identity_note.text().lower() and "identity" not in dialog.identity_note.text()
        assert "identitas" in dialog.identity_button.text().lower()
    finally:
        i18n.uninstall()


# --------------------------------------------------------------------------- verify


@pytest.fixture
def signed_sheets(demo, tmp_path) -> list[Path]:
    unlocked = identity.unlock(demo.data_dir, PASS, throttle=UnlockThrottle())
    return [s.file for s in export_sheets(demo, tmp_path / "usb", unlocked).signed]


def test_verify_dialog_open_and_drop(qtbot, demo, runner, signed_sheets, tmp_path, english, qtmodeltester):
    from app.ui.sheets.verify_dialog import VerifyDialog, VerifyResultsModel

    coordinator = tmp_path / "coordinator"  # no identity, nothing trusted yet
    dialog = VerifyDialog(coordinator, runner, pick_pdfs=lambda parent: [str(signed_sheets[0])])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    model = dialog.model
    assert model.rowCount() == 1
    assert model.index(0, VerifyResultsModel.RESULT).data() == "✓ valid"
    assert model.index(0, VerifyResultsModel.TRUSTED).data() == "✗ no"
    assert model.index(0, VerifyResultsModel.NIP).data() == settings.profile(demo).nip

    changed = tmp_path / "changed.pdf"
    blob = bytearray(signed_sheets[1].read_bytes())
    blob[blob.index(b"ReportLab") + 3] ^= 0x20
    changed.write_bytes(bytes(blob))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (signed_sheets[2], changed)])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    dialog.dragEnterEvent(enter)  # the offscreen platform has no drag and drop to send through
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    dialog.dropEvent(drop)
    assert model.rowCount() == 3
    rows = {model.index(r, 0).data(): r for r in range(3)}
    assert model.index(rows["changed.pdf"], VerifyResultsModel.RESULT).data() == "✗ not valid"
    assert model.index(rows["changed.pdf"], VerifyResultsModel.INTACT).data() == "✗ no"
    assert "2 valid, 1 not valid, 0 from a trusted signer" in dialog.summary.text()
    qtmodeltester.check(model)

    dialog.table.selectRow(0)
    assert dialog.trust_button.isEnabled()
    assert dialog.trust_selected(confirm=False)
    assert (coordinator / "trusted" / f"{identity.load_identity(demo.data_dir).fingerprint}.pem").is_file()
    assert model.index(rows[signed_sheets[0].name], VerifyResultsModel.TRUSTED).data() == "✓ yes"
    assert model.index(rows["changed.pdf"], VerifyResultsModel.TRUSTED).data() == "✗ no"
    assert "2 from a trusted signer" in dialog.summary.text()


def test_verify_dialog_trusts_this_computers_own_identity(qtbot, demo, runner, signed_sheets, english):
    from app.ui.sheets.verify_dialog import VerifyDialog, VerifyResultsModel

    dialog = VerifyDialog(demo.data_dir, runner)
    qtbot.addWidget(dialog)
    dialog.add_files([signed_sheets[0].parent])  # a folder: every PDF in it
    assert dialog.model.rowCount() == 4
    assert all(dialog.model.index(r, VerifyResultsModel.TRUSTED).data() == "✓ yes" for r in range(4))


# --------------------------------------------------------------------------- identity


def test_identity_dialog_creates_from_the_profile(qtbot, store, english, tmp_path):
    from app.ui.identity.identity_dialog import IdentityDialog

    settings.save_profile(store, "Ni Made Ayu", "198502022010012002", "Kominfo")
    saved: list[str] = []
    dialog = IdentityDialog(store, pick_save=lambda parent, title, suggested, flt: saved.append(suggested)
                            or str(tmp_path / "ayu.pem"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "No signing identity" in dialog.summary.text() and not dialog.export_button.isEnabled()
    assert (dialog.name.text(), dialog.nip.text()) == ("Ni Made Ayu", "198502022010012002")
    qtbot.keyClicks(dialog.new_passphrase, "pendek")
    assert "too short" in dialog.strength.text() and not dialog.create_button.isEnabled()
    dialog.new_passphrase.clear()
    qtbot.keyClicks(dialog.new_passphrase, "Tiga Kata Rahasia 2018")
    assert "strong" in dialog.strength.text()
    qtbot.keyClicks(dialog.new_again, "Tiga Kata Rahasia 2019")
    assert not dialog.create_button.isEnabled(), "the two differ"
    dialog.new_again.clear()
    qtbot.keyClicks(dialog.new_again, "Tiga Kata Rahasia 2018")
    with qtbot.waitSignal(dialog.identity_changed) as signal:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    info = signal.args[0]
    assert info.name == "Ni Made Ayu" and identity.has_identity(store.data_dir)
    with store.transaction() as session:
        assert session.get(Assessor, settings.profile(store).id).cert_fingerprint == info.fingerprint
    assert dialog.tabs.currentIndex() == 0 and dialog.detail_values["nip"].text() == "198502022010012002"
    assert not dialog.create_button.isEnabled(), "replacing needs the box ticked"
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "ayu.pem").read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    assert info.fingerprint[:8] in saved[0]
    identity.unlock(store.data_dir, "Tiga Kata Rahasia 2018", throttle=UnlockThrottle())


def test_identity_dialog_imports_a_p12_and_changes_the_passphrase(qtbot, store, english, throttle, tmp_path):
    from app.ui.identity.identity_dialog import IdentityDialog

    p12 = tmp_path / "leaf.p12"
    shutil.copy(FIXTURES / "leaf-ec.p12", p12)
    signature_image_path(store.data_dir).parent.mkdir(parents=True)
    signature_image_path(store.data_dir).write_bytes(b"png")
    dialog = IdentityDialog(store, throttle=throttle, pick_open=lambda parent, title, flt: str(p12))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(2)
    dialog._browse_p12()
    assert dialog.p12_path.text() == str(p12)
    qtbot.keyClicks(dialog.p12_passphrase, "bukan ini")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "not correct" in dialog.import_message.text() and not identity.has_identity(store.data_dir)
    qtbot.keyClicks(dialog.p12_passphrase, "fixture-p12-pass")
    with qtbot.waitSignal(dialog.identity_changed):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert settings.profile(store) is not None, "the profile comes from the certificate"
    assert signature_image_path(store.data_dir).read_bytes() == b"png", "the drawn signature is kept"
    assert "issued by" in dialog.detail_values["certificate"].text()

    dialog.tabs.setCurrentIndex(3)
    qtbot.keyClicks(dialog.old_passphrase, "salah sekali")
    qtbot.keyClicks(dialog.changed_passphrase, "kata sandi baru yang panjang")
    qtbot.keyClicks(dialog.changed_again, "kata sandi baru yang panjang")
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert "not correct" in dialog.change_message.text()
    qtbot.keyClicks(dialog.old_passphrase, "fixture-p12-pass")
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert "Passphrase changed" in dialog.change_message.text()
    identity.unlock(store.data_dir, "kata sandi baru yang panjang", throttle=UnlockThrottle())


# --------------------------------------------------------------------------- menu and per-assessment signing


def test_install_sheet_actions_and_sign_one_assessment(qtbot, demo, runner, english):
    from app.ui.sheets.actions import SheetServices, install_sheet_actions, sign_assessment

    window = QMainWindow()
    qtbot.addWidget(window)
    unlocked = identity.unlock(demo.data_dir, PASS, throttle=UnlockThrottle())
    services = SheetServices(demo, runner, "id", ask_passphrase=lambda parent, data_dir: unlocked)
    actions = install_sheet_actions(window, window.menuBar(), services)
    menu = window.menuBar().actions()[-1].menu()
    assert menu.title() == "Shee&ts" and menu.actions() == actions.all()
    assert [a.shortcut().toString() for a in actions.all()] == ["Ctrl+Shift+I", "Ctrl+Shift+X", "Ctrl+Shift+K"]
    assert "Ctrl+Shift+X" in actions.export.toolTip()
    existing = QMenu("File", window)
    existing.addAction("Quit")
    install_sheet_actions(window, existing, services)
    assert [a.isSeparator() for a in existing.actions()] == [False, True, False, False, False]
    for opener in (actions.open_identity, actions.open_export, actions.open_verify):
        dialog = opener()
        assert isinstance(dialog, QDialog)
        dialog.close()

    version_id = next(a.version_id for a in _mine(demo))
    done = []
    task = sign_assessment(window, services, version_id, on_done=done.append)
    assert task is not None and done and done[0].version_id == version_id
    assert statuses(demo) == ["final", "final", "final", "signed"]


def _mine(store) -> list[Assessment]:
    profile = settings.profile(store)
    with store.transaction() as session:
        return list(session.exec(select(Assessment).where(Assessment.assessor_id == profile.id)))
