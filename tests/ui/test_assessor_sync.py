"""The assessor's side of the exchange: the coordinator's round package through File → Open round
package…, and File → Export result bundle… writing a bundle the coordinator's checks accept."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from app import identity
from app.identity import UnlockThrottle
from app.models.tables import Assessment, InterviewSlot, Round
from app.rounds.demo import build_demo
from app.store import open_store, settings
from app.ui.bundles import export_dialog as bundle_export_dialog
from app.ui.bundles.export_dialog import BundleExportDialog
from app.ui.schedule import round_import

PASS = "kata sandi rahasia 2018"


@dataclass
class Exchange:
    coordinator: Path
    assessors: list[Path]
    package: Path  # the coordinator's signed round package


@pytest.fixture(scope="module")
def exchange_template(tmp_path_factory) -> Exchange:
    from app.bundles.round_package import export_round_package

    root = tmp_path_factory.mktemp("exchange")
    coordinator = root / "coordinator"
    store = open_store(coordinator)
    try:
        result = build_demo(store, regions_count=4, assessors_count=2, assessor_dirs=root / "assessors",
                            passphrase=PASS)
        identity.create_identity(coordinator, "Koordinator Nasional", "197501012000031001", "Kominfo", PASS)
        export_round_package(store, root / "ronde.nilairound", identity.unlock(coordinator, PASS))
    finally:
        store.close()
    return Exchange(coordinator, sorted(result.assessor_dirs), root / "ronde.nilairound")


@pytest.fixture
def exchange(exchange_template: Exchange, tmp_path: Path) -> Exchange:
    root = tmp_path / "exchange"
    shutil.copytree(exchange_template.coordinator.parent, root)
    return Exchange(root / "coordinator", [root / "assessors" / p.name for p in exchange_template.assessors],
                    root / "ronde.nilairound")


@pytest.fixture
def laptop(exchange: Exchange):
    """The first simulated assessor's own data directory, opened."""
    store = open_store(exchange.assessors[0])
    yield store
    store.close()


def window_on(qtbot, store, runner, package: Path | None):
    from app.ui.mainwindow.window import MainWindow
    from app.ui.state import UiState

    window = MainWindow(store, runner, settings.profile(store), "en", UiState(store.data_dir),
                        pick_round_package=lambda _parent: package)
    qtbot.addWidget(window)
    window.show()
    window.start()
    return window


# --------------------------------------------------------------------------- round package


def test_a_new_laptop_takes_the_round_package_in_from_the_file_menu(qtbot, exchange, runner, tmp_path, english,
                                                                     monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(round_import, "show_imported", lambda parent, heading, body: shown.append((heading, body)))
    coordinator = open_store(exchange.coordinator)
    try:
        with coordinator.transaction() as session:
            seat = settings.get(session, settings.PROFILE)
        first = settings.profile(coordinator)
        assert first is not None and first.id == seat
    finally:
        coordinator.close()
    store = open_store(tmp_path / "laptop")
    try:
        settings.save_profile(store, first.name, first.nip, first.organisation)  # typed at the first start
        window = window_on(qtbot, store, runner, exchange.package)
        with qtbot.waitSignal(window.restart_requested):  # the profile now points at the coordinator's seat
            window.menus.open_round.trigger()
        heading, body = shown[0]
        assert heading == "Round “Gerakan Menuju 100 Smart City 2018 — Tahap II” is ready."
        assert "Package version 1: 4 interview slots, 4 of them on your panels." in body
        assert "Slots added: 4 · moved or changed: 0 · removed: 0." in body
        with store.transaction() as session:
            assert len(session.exec(select(InterviewSlot)).all()) == 4
            assert session.exec(select(Round)).one().coordinator_cert_pem
        assert settings.profile(store).id == seat
    finally:
        store.close()


def test_a_package_with_another_instrument_is_refused_with_the_reason(qtbot, exchange, laptop, runner, tmp_path,
                                                                       english, monkeypatch) -> None:
    from app.bundles.round_package import export_round_package
    from app.instruments import builtin_instruments
    from app.instruments.catalogue import store_instrument

    coordinator = open_store(exchange.coordinator)
    try:
        with coordinator.transaction() as session:
            round_ = session.exec(select(Round)).one()
            other = next(i for i in builtin_instruments() if i.content_hash != round_.instrument_hash)
            store_instrument(session, other)
            round_.instrument_hash = other.content_hash
            session.add(round_)
        changed = export_round_package(coordinator, tmp_path / "changed.nilairound",
                                       identity.unlock(exchange.coordinator, PASS)).path
    finally:
        coordinator.close()
    with laptop.transaction() as session:
        before = session.exec(select(Round)).one().instrument_hash
    refused = []
    monkeypatch.setattr(round_import, "show_refused", lambda parent, text: refused.append(text))
    window = window_on(qtbot, laptop, runner, changed)
    window.menus.open_round.trigger()
    assert len(refused) == 1
    assert refused[0].startswith("Nothing was changed.") and "refused" in refused[0]
    assert "already scored under" in refused[0] and other.id in refused[0]
    with laptop.transaction() as session:
        assert session.exec(select(Round)).one().instrument_hash == before


# --------------------------------------------------------------------------- result bundle


def unlocker(directory: Path):
    unlocked = identity.unlock(directory, PASS, throttle=UnlockThrottle())
    return lambda _parent, _data_dir, _purpose: unlocked


def export_dialog(qtbot, store, runner, folder: Path, opened: list) -> BundleExportDialog:
    dialog = BundleExportDialog(store, runner, ask_passphrase=unlocker(store.data_dir), folder=folder,
                                open_folder=opened.append)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def verify(bundle: Path, data_dir: Path, unlock=None, trust: Path | None = None):
    from app.bundles.importer import build_context
    from app.bundles.trust import cert_info
    from app.bundles.verify import verify_bundle

    extra = {}
    if trust is not None:  # the coordinator trusts the assessor's certificate
        info = cert_info(identity.load_identity(trust).cert_pem.encode("ascii"), "test")
        extra[info.fingerprint] = info
    store = open_store(data_dir)
    try:
        context = build_context(store, extra, unlock, include_own_identity=True)
        with verify_bundle(bundle, context) as verified:
            return verified.encrypted, sorted(r.version_id for r in verified.records)
    finally:
        store.close()


def finals(store) -> list[str]:
    profile = settings.profile(store)
    with store.transaction() as session:
        return sorted(a.version_id for a in session.exec(select(Assessment).where(
            Assessment.assessor_id == profile.id, Assessment.status == "final")))


def test_the_export_dialog_writes_a_bundle_that_verifies(qtbot, laptop, runner, tmp_path, english) -> None:
    opened: list[Path] = []
    dialog = export_dialog(qtbot, laptop, runner, tmp_path, opened)
    mine = finals(laptop)
    assert dialog.list.topLevelItemCount() == len(mine) == 4
    first = dialog.list.topLevelItem(0)
    assert first.text(1) == "Finalized" and first.text(2) == "v1"
    assert dialog.since_last.isChecked() and not dialog.encrypt.isEnabled()  # no round package: no certificate
    assert dialog.counts.text().startswith("4 assessment")
    assert dialog.last_export.text() == "Nothing has been exported from this computer yet."
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    out = dialog.export_result.path
    assert out.parent == tmp_path and out.suffix == ".nilai" and out.is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(out.name)] == [out.name]  # no partial file left
    assert str(out) in dialog.status.text() and dialog.open_button.isVisible()
    assert verify(out, laptop.data_dir) == (False, mine)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path]
    # Everything is handed in now: nothing new, until "only new" is unticked.
    assert dialog.list.topLevelItemCount() == 0 and not dialog.export_button.isEnabled()
    assert dialog.counts.text().startswith("Nothing new to export")
    assert dialog.last_export.text().startswith("Last export:")
    dialog.since_last.setChecked(False)
    assert dialog.list.topLevelItemCount() == 4 and dialog.export_button.isEnabled()
    assert dialog.list.topLevelItem(0).text(2) == "v1 · exported before"


def test_the_preview_is_what_the_export_takes(laptop, tmp_path) -> None:
    from app.bundles.export import export_bundle
    from app.bundles.preview import preview

    unlocked = identity.unlock(laptop.data_dir, PASS, throttle=UnlockThrottle())
    planned = preview(laptop)
    result = export_bundle(laptop, tmp_path / "a.nilai", unlocked=unlocked)
    assert result.versions == len(planned.versions) == 4
    assert preview(laptop).versions == ()
    assert len(preview(laptop, everything=True).versions) == 4


def test_the_bundle_is_encrypted_for_the_coordinator_of_the_round_package(qtbot, exchange, laptop, runner, tmp_path,
                                                                         english) -> None:
    from app.bundles.round_package import import_round_package

    import_round_package(laptop, exchange.package)
    dialog = export_dialog(qtbot, laptop, runner, tmp_path, [])
    assert dialog.encrypt.isEnabled() and dialog.encrypt.isChecked()
    assert dialog.encrypt_note.text().startswith("Only Koordinator Nasional (certificate ")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.export_result is not None and dialog.export_result.encrypted_for
    assert "Encrypted for your coordinator." in dialog.status.text()
    coordinator_key = identity.unlock(exchange.coordinator, PASS, throttle=UnlockThrottle())
    encrypted, versions = verify(dialog.export_result.path, exchange.coordinator, unlock=lambda: coordinator_key,
                                 trust=laptop.data_dir)
    assert encrypted and versions == finals(laptop)


def test_export_problems_are_said_plainly(qtbot, laptop, runner, tmp_path, english, monkeypatch) -> None:
    from app.bundles.errors import ExportFailed

    dialog = export_dialog(qtbot, laptop, runner, tmp_path, [])
    dialog.file.setText(str(tmp_path / "no-such-folder" / "hasil.nilai"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "does not exist" in dialog.status.text() and dialog.export_result is None

    def full(*_args, **_kwargs):
        raise ExportFailed(f"could not write {tmp_path / 'hasil.nilai'}: No space left on device; nothing was written")

    monkeypatch.setattr(bundle_export_dialog, "export_bundle", full)
    dialog.file.setText(str(tmp_path / "hasil.nilai"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text().startswith("No bundle was written: could not write")
    assert "No space left on device" in dialog.status.text()
    assert dialog.export_button.isEnabled() and dialog.close_button.isEnabled()
    assert not (tmp_path / "hasil.nilai").exists()


def test_without_a_signing_key_the_dialog_offers_to_make_one(qtbot, store, runner, scoring_round, tmp_path,
                                                               english) -> None:
    from app import assessments

    round_id, assessor = scoring_round
    actor = f"{assessor.name} <{assessor.nip}>"
    version = assessments.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=assessor.id)
    for code, level in (("A-1", 4), ("A-2", 3), ("B-1", 2)):
        assessments.set_level(store, version, code, level, actor)
    assessments.finalize(store, version, actor)
    offered: list[str] = []
    dialog = BundleExportDialog(store, runner, folder=tmp_path, ask_passphrase=lambda *_: pytest.fail("asked"),
                                offer_identity=lambda parent, why: offered.append(why) or False)
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItemCount() == 1
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert len(offered) == 1 and "signed with your signing identity" in offered[0], "offered to make one there"
    assert "no signing" in dialog.status.text() and not list(tmp_path.glob("*.nilai*"))


def test_file_menu_opens_the_export_dialog_with_the_sheets_passphrase_prompt(qtbot, laptop, runner, tmp_path,
                                                                             english) -> None:
    window = window_on(qtbot, laptop, runner, None)
    unlocked = identity.unlock(laptop.data_dir, PASS, throttle=UnlockThrottle())
    asked = []
    window.menus.sheet_actions.services.ask_passphrase = lambda parent, data_dir: asked.append(data_dir) or unlocked
    dialog = window.open_bundle_export()
    dialog.file.setText(str(tmp_path / "hasil.nilai"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert asked == [laptop.data_dir] and (tmp_path / "hasil.nilai").is_file()
    dialog.close()


def test_the_welcome_takes_the_round_package_in(qtbot, exchange, runner, tmp_path, english) -> None:
    from app.ui.mainwindow.welcome_dialog import WelcomeDialog

    store = open_store(tmp_path / "laptop")
    try:
        profile = settings.save_profile(store, "Dewi Lestari", "197803142005012002", "ITB")
        bad = tmp_path / "not-a-package.nilairound"
        bad.write_bytes(b"PK\x05\x06" + b"\0" * 18)
        picked = [bad, exchange.package]
        dialog = WelcomeDialog(store, runner, profile, pick_round_package=lambda _parent: picked.pop(0))
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.import_button.click()
        assert dialog.isVisible() and dialog.message.text().startswith("The round package was not taken in.")
        assert dialog.import_button.isEnabled()
        dialog.import_button.click()
        assert dialog.result() == dialog.DialogCode.Accepted
        assert dialog.outcome.startswith("Round “Gerakan Menuju 100 Smart City 2018 — Tahap II” is ready.")
        with store.transaction() as session:
            assert len(session.exec(select(InterviewSlot)).all()) == 4
    finally:
        store.close()
