"""Screenshots of the assessor's screens for docs/screenshots, on demand (welcome, result-bundle export,
schedule, interview, finalize, signed-sheet export without an identity yet):

    NILAI_SCREENSHOTS=docs/screenshots .venv/bin/python -m pytest tests/ui/test_assessor_screenshots.py

Skipped otherwise. The export is shown on a simulated assessor's data directory after the
coordinator's round package came in (so the bundle can be encrypted for the coordinator), with two
sheets signed, before the export. Each PNG must stay within 150 KB.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from app import identity
from app.identity import UnlockThrottle
from app.store import open_store, settings
from app.ui import i18n
from tests.ui.test_coordinator_screenshots import save

OUT = os.environ.get("NILAI_SCREENSHOTS")
pytestmark = pytest.mark.skipif(not OUT, reason="set NILAI_SCREENSHOTS=<folder> to take the assessor screenshots")
PASS = "kata sandi rahasia 2018"


@pytest.fixture
def language(qapp, request):
    locale = QLocale()
    yield lambda lang: i18n.install(lang)
    i18n.uninstall()
    QLocale.setDefault(locale)


@pytest.fixture(scope="module")
def assessor_dir(tmp_path_factory) -> Path:
    from app.bundles.round_package import export_round_package, import_round_package
    from app.rounds.demo import build_demo
    from app.sheets.export import sign_one
    from app.sheets.scope import link_identity

    root = tmp_path_factory.mktemp("assessor-shots")
    coordinator = open_store(root / "coordinator")
    try:
        result = build_demo(coordinator, regions_count=116, assessors_count=6, assessor_dirs=root / "assessors",
                            passphrase=PASS)
        identity.create_identity(root / "coordinator", "Dr. Ir. Bambang Siregar, M.Sc.", "197501012000031001",
                                 "Kementerian Komunikasi dan Informatika", PASS)
        package = export_round_package(coordinator, root / "ronde.nilairound",
                                       identity.unlock(root / "coordinator", PASS)).path
    finally:
        coordinator.close()
    laptop = sorted(result.assessor_dirs)[0]
    store = open_store(laptop)
    try:
        import_round_package(store, package)
        unlocked = identity.unlock(laptop, PASS, throttle=UnlockThrottle())
        link_identity(store, unlocked.info)
        from sqlmodel import select

        from app.models.tables import Assessment
        from app.regions import region

        with store.transaction() as session:
            versions = sorted(session.exec(select(Assessment)), key=lambda a: region(a.region_code).name)
        for version in [a.version_id for a in versions[:2]]:
            sign_one(store, version, unlocked, "id")
    finally:
        store.close()
    return laptop


@pytest.mark.parametrize("lang", ["id", "en"])
def test_welcome(qtbot, runner, tmp_path, language, lang) -> None:
    from app.ui.mainwindow.welcome_dialog import WelcomeDialog

    language(lang)
    store = open_store(tmp_path / "data")
    try:
        profile = settings.save_profile(store, "Dewi Lestari, S.T., M.T.", "197803142005012002",
                                        "Institut Teknologi Bandung")
        dialog = WelcomeDialog(store, runner, profile)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        save(dialog, f"welcome-{lang}.png")
    finally:
        store.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_bundle_export(qtbot, runner, tmp_path, assessor_dir, language, lang) -> None:
    from app.ui.bundles.export_dialog import BundleExportDialog

    language(lang)
    data = tmp_path / "laptop"
    shutil.copytree(assessor_dir, data)
    store = open_store(data)
    try:
        dialog = BundleExportDialog(store, runner, folder=tmp_path)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.file.setText(str(Path("/home/dewi/Dokumen") / Path(dialog.file.text()).name))  # as on a laptop
        save(dialog, f"bundle-export-{lang}.png")
    finally:
        store.close()


def reopened_draft(store) -> str:
    """A finalized interview reopened: some levels still open, STR-3 at level 5 without its evidence yet."""
    from sqlmodel import select

    from app import assessments
    from app.models.tables import Assessment, Evidence
    from app.regions import region

    profile = settings.profile(store)
    actor = f"{profile.name} <{profile.nip}>"
    with store.transaction() as session:
        versions = sorted(session.exec(select(Assessment)), key=lambda a: region(a.region_code).name)
    draft = assessments.reopen(store, versions[2].version_id, "Bukti dukung STR-3 diperiksa ulang", actor)
    for code in ("INF-5", "SUP-2", "SUP-3", "KAP-1", "KAP-2", "KAP-3"):
        assessments.set_level(store, draft, code, None, actor)
    assessments.set_level(store, draft, "STR-3", 5, actor)
    with store.transaction() as session:
        attached = [e.id for e in session.exec(select(Evidence).where(Evidence.version_id == draft,
                                                                      Evidence.indicator_code == "STR-3"))]
    for evidence_id in attached:
        assessments.remove_evidence(store, draft, evidence_id, actor)
    return draft


@pytest.mark.parametrize("lang", ["id", "en"])
def test_schedule_interview_and_finalize(qtbot, runner, tmp_path, assessor_dir, language, lang) -> None:
    from PySide6.QtWidgets import QDialog

    from app.ui.mainwindow.window import MainWindow
    from app.ui.state import UiState

    language(lang)
    data = tmp_path / "laptop"
    shutil.copytree(assessor_dir, data)
    store = open_store(data)
    try:
        draft = reopened_draft(store)
        window = MainWindow(store, runner, settings.profile(store), lang, UiState(data))
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        qtbot.waitExposed(window)
        window.start()
        save(window, f"schedule-{lang}.png")
        window.open_version(draft)
        window.interview.go_to("STR-3")
        qtbot.wait(200)  # the rubric cards of the indicator shown before are gone
        window.interview.panel.reveal_chosen()  # level 5, and what it still needs
        save(window, f"interview-{lang}.png")
        from PySide6.QtGui import QGuiApplication, QPalette

        from app.ui.widgets import contrast

        system = QPalette(QGuiApplication.palette())
        contrast.apply(True)  # Settings → High contrast
        qtbot.wait(50)
        save(window, f"interview-high-contrast-{lang}.png")
        QGuiApplication.setPalette(system)

        def shoot(dialog: QDialog) -> int:
            dialog.show()
            qtbot.waitExposed(dialog)
            save(dialog, f"finalize-{lang}.png")
            return QDialog.DialogCode.Rejected

        window.interview.run_dialog = shoot
        window.interview.finalize()
        window.interview.close_assessment()
    finally:
        store.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sheet_export_without_an_identity(qtbot, runner, tmp_path, assessor_dir, language, lang) -> None:
    from app.ui.sheets.export_dialog import ExportSheetsDialog

    language(lang)
    data = tmp_path / "laptop"
    shutil.copytree(assessor_dir, data)
    shutil.rmtree(data / identity.IDENTITY_DIR)  # a laptop whose assessor has not made a key yet
    store = open_store(data)
    try:
        dialog = ExportSheetsDialog(store, runner, lang, default_folder=Path("/home/dewi/Nilai-lembar"),
                                    offer_identity=lambda *_: False)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        save(dialog, f"sheet-export-{lang}.png")
    finally:
        store.close()
