"""Screenshots of the first-run welcome and the result-bundle export for docs/screenshots, on demand:

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
