# ruff: noqa: F811 - the fixtures imported below are named again as test parameters
"""The accessibility walk, continued: the dialogs and panels that only appear after a file is chosen or a
piece of work is done, opened for real in both languages with files made here. The file picker is
bypassed where the program itself lets a test in (the pick functions of the services and windows),
so what runs after it is the code a person's choice would run. Each is checked as in
test_accessibility: every interactive control named, Tab never trapped, level cards checkable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from app import identity
from tests.bundles.helpers import PASSPHRASE
from tests.ui.test_accessibility import problems, tab_traps, walk_dialog, window_in  # noqa: F401
from tests.ui.test_coordinator_import import ACTOR, bundles  # noqa: F401 - fixtures
from tests.ui.test_revision_returns import returned  # noqa: F401 - fixture


def looked_at(top, where: str) -> list[str]:
    return problems(top, where) + tab_traps(top, where)


@pytest.fixture
def coordinator_in(qtbot, runner, language, tmp_path: Path, bundles):
    """The coordinator view on a copy of the demo round's data directory, its bundle picker a list."""
    from app.store import open_store
    from app.ui.coordinator.view import CoordinatorView

    data = tmp_path / "coordinator"
    shutil.copytree(bundles.coordinator, data)
    store = open_store(data)
    picked: list[Path] = []
    view = CoordinatorView(store, runner, data, language, actor=ACTOR, pick_bundles=lambda _parent: list(picked))
    view.picked = picked
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    qtbot.waitExposed(view)
    view.start()
    view.tabs.setCurrentWidget(view.import_tab)
    yield view
    view.close()
    store.close()


def test_import_results_certificates_conflict_and_moderation_speak(qtbot, coordinator_in, bundles,
                                                                   language) -> None:
    from app.consolidation import list_moderations

    view, tab = coordinator_in, coordinator_in.import_tab
    view.picked[:] = bundles.first
    tab.choose_button.click()  # the picker hands its files to the import
    assert tab.unknown_model.rowCount() == 3 and tab.unknown_box.isVisibleTo(view)
    found = looked_at(view, f"import results with certificates to trust ({language})")
    tab.unknown.selectAll()
    tab.trust_button.click()
    assert tab.unknown_model.rowCount() == 0 and tab.report_model.rowCount() == 3
    found += looked_at(view, f"import results, all taken in ({language})")

    tab.import_paths([bundles.branch_a, bundles.branch_b])  # what a drop or the picker feeds
    assert tab.conflicts_model.rowCount() == 1
    found += looked_at(view, f"import with a conflict ({language})")
    tab.conflicts.selectRow(0)
    found += walk_dialog(qtbot, tab.resolve_selected, f"conflict ({language})")

    region = view.session.consolidation.coverage[0].region.code
    view.open_region(region)
    qtbot.waitUntil(lambda: view.detail_tab.model.rowCount() > 0)
    code = view.detail_tab.model.indicator(0).code
    assert view.detail_tab.select_indicator(code)
    panel = view.detail_tab.moderation
    assert panel.isVisibleTo(view)
    panel.level.setCurrentIndex(panel.level.findData(panel.level.currentData()))  # the level in force: refused
    panel.reason.setText("rapat pleno")
    panel.set_button.click()
    assert panel.problem.isVisibleTo(view) and list_moderations(view.services.store, view.session.round_id) == []
    found += looked_at(view, f"region detail with moderation ({language})")
    returns = view.detail_tab.returns  # each assessor's assessment of the region: return one for revision
    qtbot.waitUntil(lambda: returns.model.rowCount() > 0)
    returns.table.selectRow(0)
    found += walk_dialog(qtbot, returns.return_selected, f"return for revision ({language})")
    assert found == [], "\n".join(found)


def test_an_instrument_workbook_import_its_problems_and_preview_speak(qtbot, window_in, language, tmp_path,
                                                                     small_instrument) -> None:
    from openpyxl import load_workbook

    from app.instruments.workbooks import export_instrument_workbook
    from app.ui.coordinator.instrument_import import InstrumentProblemsDialog
    from app.ui.coordinator.instrument_preview import InstrumentPreviewDialog

    actions = window_in.menus.coordinator_actions
    found: list[str] = []
    shown: list[QDialog] = []

    def look(dialog: QDialog) -> int:  # what exec() would show, looked at while it is up
        shown.append(dialog)
        dialog.show()
        if not isinstance(dialog, QMessageBox):
            found.extend(looked_at(dialog, f"{dialog.windowTitle()} ({language})"))
        dialog.close()
        return 0

    actions.instrument_import.run_dialog = look
    broken = tmp_path / "rusak.xlsx"
    export_instrument_workbook(small_instrument, broken)
    book = load_workbook(broken)
    book["settings"]["A2"] = ""  # the instrument's id left blank
    book.save(broken)
    actions.instrument_import.pick_workbook = lambda _parent: broken
    actions.import_instrument.trigger()
    assert isinstance(shown[-1], InstrumentProblemsDialog) and shown[-1].problems.count() >= 1

    from app.instruments.xlsform_write import write_workbook

    good = tmp_path / "instrumen.xlsx"
    write_workbook(small_instrument.__class__(**{**small_instrument.__dict__, "id": "dari-workbook"}), good)
    actions.instrument_import.pick_workbook = lambda _parent: good
    actions.import_instrument.trigger()
    assert isinstance(shown[-1], QMessageBox)
    preview = next(w for w in window_in.findChildren(InstrumentPreviewDialog) if w.instrument.id == "dari-workbook")
    qtbot.waitUntil(lambda: preview.interview is not None and preview.interview.session is not None
                    and preview.interview.session.state is not None, timeout=20000)
    qtbot.wait(20)
    found += looked_at(preview, f"instrument preview after import ({language})")
    preview.close()
    assert found == [], "\n".join(found)


@pytest.fixture
def workspace_in(qtbot, store, data_dir, runner, language):
    from app.rounds import setup
    from app.ui.coordinator.services import CoordinatorServices
    from app.ui.setup.workspace import SetupWorkspace

    round_id = setup.new_round(store, name="Uji 2026", instrument_id="smart-city-readiness-2018")
    ws = SetupWorkspace(CoordinatorServices(store, runner, data_dir, language))
    qtbot.addWidget(ws)
    ws.resize(1366, 768)
    ws.show()
    qtbot.waitExposed(ws)
    ws.set_round(round_id)
    return ws


def test_the_round_setup_dialogs_speak(qtbot, workspace_in, store, language, tmp_path, small_instrument) -> None:
    from datetime import date

    from openpyxl import load_workbook

    from app.instruments.workbooks import export_instrument_workbook
    from app.rounds import setup
    from app.rounds.setup import ScheduleLayout
    from app.ui.setup.slot_grid import column_of

    ws = workspace_in
    picked: list[str] = []
    ws.ctx.services.pick_open = lambda _parent, _title, _filter: picked.pop(0)
    found: list[str] = []

    broken = tmp_path / "rusak.xlsx"  # step 1: an instrument workbook with a blank id
    export_instrument_workbook(small_instrument, broken)
    book = load_workbook(broken)
    book["settings"]["A2"] = ""
    book.save(broken)
    ws.show_step(0)
    picked.append(str(broken))
    found += walk_dialog(qtbot, ws.round_page.choose_file, f"setup › instrument problems ({language})")

    sheet = tmp_path / "kandidat.csv"  # step 2: a column that names Banjar (a regency and a city)
    sheet.write_text("Kabupaten/Kota\n3374\nBanjar\n3301\n3302\n3201\n", encoding="utf-8")
    ws.show_step(1)
    picked.append(str(sheet))
    found += walk_dialog(qtbot, ws.candidates_page.read_column, f"setup › candidates to check ({language})")
    setup.add_candidates(store, ws.round_id, ["3374", "3301", "3302", "3201"])

    people = tmp_path / "penilai.csv"  # step 3: assessors from a spreadsheet
    people.write_text("nama,nip,instansi,peran,provinsi\nSari Wulandari,198001012005012001,UNDIP,academic,"
                      "Jawa Tengah\nBudi Santoso,197001011995121001,ITB,academic,Jawa Barat\n"
                      "Citra,,Kominfo,government,\nDodi,,Kominfo,government,\n", encoding="utf-8")
    ws.show_step(2)
    picked.append(str(people))
    assert ws.assessors_page.import_file()
    found += looked_at(ws, f"setup › assessors imported ({language})")

    setup.save_schedule_layout(store, ws.round_id, ScheduleLayout(days=(date(2026, 3, 2),), panels=2, panel_size=2,
                                                                    rooms=("Garuda", "Merak")))
    ws.ctx.changed.emit()
    ws.show_step(3)
    page = ws.schedule_page
    page.generate()
    assert page.slots
    found += looked_at(ws, f"setup › schedule ({language})")
    slot = page.slots[0]
    page.model.show_day(slot.day)
    found += walk_dialog(qtbot, lambda: page.seat_panel(column_of(slot, page.model.rooms())),
                         f"setup › seat assessors ({language})")
    ws.show_step(4)
    found += looked_at(ws, f"setup › hand out ({language})")
    assert found == [], "\n".join(found)


def test_the_calibration_feedback_dialog_speaks(qtbot, store, runner, language) -> None:
    from app.bundles.package_calibration import apply_cases, package_cases
    from app.ui.schedule.view import ScheduleView
    from tests.consolidation.test_calibration_view import calibrated_round

    b, _code = calibrated_round(store)
    with store.transaction(write=True) as session:  # what a package exported with --calibration-feedback stores
        apply_cases(session, b.round_id, package_cases(session, b.round_id, feedback=True))
    view = ScheduleView(store, runner, b.assessor("Bayu"))
    qtbot.addWidget(view)
    view.show()
    view.reload()
    assert view.feedback_button.isVisibleTo(view)
    found = walk_dialog(qtbot, view.feedback_button.click, f"calibration feedback ({language})")
    assert found == [], "\n".join(found)


def test_the_unlock_dialogs_speak(qtbot, store, data_dir, language) -> None:
    from app.identity import storekey
    from app.store import encryption
    from app.store.cipher import forget
    from app.ui.identity.passphrase_dialog import PassphraseDialog
    from app.ui.identity.store_unlock_dialog import StoreUnlockDialog

    identity.create_identity(data_dir, "Siti Rahmawati", "198001012005012001", "Kominfo", PASSPHRASE)
    found = walk_dialog(qtbot, lambda: PassphraseDialog.ask(data_dir, purpose="Sign 3 sheets"),
                        f"signing key passphrase ({language})")
    store.close()
    encryption.convert(data_dir, storekey.create(data_dir, PASSPHRASE))
    forget()  # as a new process: locked
    try:
        found += walk_dialog(qtbot, lambda: StoreUnlockDialog.ask(data_dir), f"store unlock ({language})")
    finally:
        forget()
    assert found == [], "\n".join(found)


def test_a_round_package_taken_in_and_the_first_start_dialogs_speak(qtbot, window_in, language, runner, store,
                                                                    bundles, tmp_path) -> None:
    from app.bundles.round_package import export_round_package
    from app.store import open_store
    from app.ui.mainwindow.first_run_dialog import FirstRunDialog
    from app.ui.mainwindow.welcome_dialog import WelcomeDialog

    coordinator = tmp_path / "coordinator"
    shutil.copytree(bundles.coordinator, coordinator)
    identity.create_identity(coordinator, "Koordinator Nasional", "197501012000031001", "Kominfo", PASSPHRASE)
    package = tmp_path / "ronde.nilairound"
    source = open_store(coordinator)
    try:
        export_round_package(source, package, identity.unlock(coordinator, PASSPHRASE))
    finally:
        source.close()
    window_in.pick_round_package = lambda _parent: package
    found = walk_dialog(qtbot, window_in.menus.open_round.trigger, f"round package taken in ({language})")
    found += walk_dialog(qtbot, lambda: FirstRunDialog(language).exec(), f"first start ({language})")
    welcome = WelcomeDialog(store, runner, window_in.profile, pick_round_package=lambda _parent: None)
    found += walk_dialog(qtbot, welcome.exec, f"welcome ({language})")
    assert found == [], "\n".join(found)


def test_reopen_restore_with_a_backup_and_the_signature_pad_speak(qtbot, window_in, language, store,
                                                                  scoring_round) -> None:
    from app import assessments
    from app.store import backup
    from app.ui.identity.signature_pad import SignaturePadDialog

    round_id, assessor = scoring_round
    version = assessments.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=assessor.id)
    actor = f"{assessor.name} <{assessor.nip}>"
    for code, level in (("A-1", 4), ("A-2", 3), ("B-1", 2)):
        assessments.set_level(store, version, code, level, actor)
    assessments.finalize(store, version, actor)
    assert backup.take_backup(store, "manual") is not None
    window = window_in
    schedule = window.schedule
    schedule.reload()
    entry = next(e for e in schedule.model.entries() if e.region.code == "3325")
    schedule.select_slot(entry.slot_id)
    schedule.open_current()
    assert window.interview.read_only
    found = walk_dialog(qtbot, window.interview_actions.reopen.trigger, f"reopen ({language})")
    found += walk_dialog(qtbot, window.menus.restore.trigger, f"restore with a backup ({language})")
    identity.create_identity(store.data_dir, assessor.name, assessor.nip, "Kominfo", PASSPHRASE)
    found += walk_dialog(qtbot, lambda: SignaturePadDialog(store.data_dir, window).exec(),
                         f"signature pad ({language})")
    assert found == [], "\n".join(found)


def test_a_returned_assessment_and_its_reopening_speak(qtbot, returned, window_in, language) -> None:
    window = window_in
    schedule = window.schedule
    schedule.reload()
    entry = next(e for e in schedule.model.entries() if e.region.code == "3325")
    schedule.select_slot(entry.slot_id)
    schedule.open_current()
    notice = window.interview.return_notice
    assert notice.isVisible() and notice.reopen.isVisible()
    found = looked_at(window, f"interview returned for revision ({language})")
    found += walk_dialog(qtbot, notice.reopen.click, f"reopen for revision ({language})")
    assert found == [], "\n".join(found)
