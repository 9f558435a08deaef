"""The coordinator's import tab, driven with qtbot on real bundles: three assessors with their own data
directories and identities (made once per module through the real CLI), bundles exported by them,
an edited newer version and two competing versions of one record. The task runner runs work inline."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.base.ids import short_id
from tests.bundles.helpers import PASSPHRASE, current_versions, reopen_edit_finalize, run_cli

ACTOR = "Koordinator Uji <197501012000031001>"


@dataclass
class BundleSet:
    root: Path
    coordinator: Path
    assessors: list[Path]
    first: list[Path]  # one bundle per assessor
    edited: Path  # assessor 0: a newer version of one record
    branch_a: Path  # assessor 1: two versions from one parent
    branch_b: Path
    certs: Path
    record1: str
    v2a: str
    v2b: str


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> BundleSet:
    from app.identity import export_certificate

    root = tmp_path_factory.mktemp("coordinator-import")
    secret = root / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert run_cli("--data-dir", root / "coordinator", "demo", "--regions", "4", "--assessors", "3",
                   "--assessor-dirs", root / "assessors", "--passphrase-file", secret) == 0
    assessors = sorted(p for p in (root / "assessors").iterdir() if p.is_dir())
    out = root / "bundles"
    out.mkdir()

    def export(directory: Path, name: str) -> Path:
        assert run_cli("--data-dir", directory, "bundle", "export", "--out", out / name,
                       "--passphrase-file", secret) == 0
        return out / name

    first = [export(d, f"assessor{i}.nilai") for i, d in enumerate(assessors)]
    _record0, v1_0, _ = current_versions(assessors[0])[0]
    reopen_edit_finalize(assessors[0], v1_0)
    edited = export(assessors[0], "assessor0-edited.nilai")
    twin = root / "twin"
    shutil.copytree(assessors[1], twin)
    record1, v1_1, _ = current_versions(assessors[1])[0]
    v2a = reopen_edit_finalize(assessors[1], v1_1, choice=0)
    v2b = reopen_edit_finalize(twin, v1_1, choice=1, reason="catatan panel")
    branch_a = export(assessors[1], "assessor1-a.nilai")
    branch_b = export(twin, "assessor1-b.nilai")
    certs = root / "certs"
    certs.mkdir()
    for directory in assessors:
        export_certificate(directory, certs / f"{directory.name}.pem")
    return BundleSet(root, root / "coordinator", assessors, first, edited, branch_a, branch_b, certs, record1, v2a, v2b)


@pytest.fixture
def coordinator(qtbot, runner, english, tmp_path: Path, bundles: BundleSet):
    from app.store import open_store
    from app.ui.coordinator.view import CoordinatorView

    data = tmp_path / "coordinator"
    shutil.copytree(bundles.coordinator, data)
    store = open_store(data)
    picked: list[Path] = []
    view = CoordinatorView(store, runner, data, "en", actor=ACTOR, pick_bundles=lambda _parent: list(picked))
    view.picked = picked
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.start()
    view.tabs.setCurrentWidget(view.import_tab)  # the demo round has no scores yet: the view opened on its setup
    yield view
    view.close()
    store.close()


def trust_all(view, bundles: BundleSet) -> None:
    from app.bundles.trust import trust_certificate

    for cert in sorted(bundles.certs.iterdir()):
        trust_certificate(view.services.store, cert)


def outcomes(view) -> dict[str, str]:
    return {path.name: outcome for path, _bundle, outcome in view.import_tab.report_model.bundle_rows()}


def record_rows(view, file_name: str) -> list[tuple[str, str]]:
    """(region, outcome word) of each record row under one bundle row, as the tree shows them."""
    from app.ui.coordinator.import_models import OUTCOME, OUTCOME_ROLE

    model = view.import_tab.report_model
    row = next(i for i, (p, _, _) in enumerate(model.bundle_rows()) if p.name == file_name)
    top = model.index(row, 0)
    return [(model.index(r, 0, top).data(), model.index(r, OUTCOME, top).data(OUTCOME_ROLE))
            for r in range(model.rowCount(top))]


def test_an_unknown_certificate_is_shown_then_trusted_and_its_bundle_imports(qtbot, coordinator, bundles) -> None:
    from app.bundles.trust import list_trusted
    from app.identity import load_identity

    view = coordinator
    tab = view.import_tab
    view.picked[:] = bundles.first[:2]
    qtbot.mouseClick(tab.choose_button, Qt.MouseButton.LeftButton)
    assert outcomes(view) == {"assessor0.nilai": "rejected", "assessor1.nilai": "rejected"}
    assert tab.report_model.index(0, 3).data() == "Not trusted: the assessor's certificate is listed below"
    assert "is not trusted here" in tab.report_model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert tab.unknown_box.isVisibleTo(view)
    unknown = {u.info.fingerprint: u for u in tab.unknown_model.items()}
    for directory in bundles.assessors[:2]:
        identity = load_identity(directory)
        shown = unknown[identity.fingerprint].info
        assert (shown.name, shown.nip) == (identity.name, identity.nip)
    first = load_identity(bundles.assessors[0])
    row = next(i for i, u in enumerate(tab.unknown_model.items()) if u.info.fingerprint == first.fingerprint)
    assert tab.unknown_model.index(row, 0).data() == first.name
    assert tab.unknown_model.index(row, 3).data().replace(" ", "") == first.fingerprint
    assert not tab.trust_button.isEnabled()
    tab.unknown.selectRow(row)
    assert tab.trust_button.height() > 10  # the box was given room when it appeared
    qtbot.mouseClick(tab.trust_button, Qt.MouseButton.LeftButton)
    assert outcomes(view) == {"assessor0.nilai": "imported", "assessor1.nilai": "rejected"}
    rows = record_rows(view, "assessor0.nilai")
    assert len(rows) == 4 and {outcome for _, outcome in rows} == {"imported"}
    assert first.fingerprint in {c.fingerprint for c in list_trusted(view.services.store)}
    # the ranking was recomputed with the new assessments
    coverage = view.session.consolidation.coverage
    assert sum(1 for region in coverage for a in region.assessors if a.name == first.name and a.counted) == 4
    assert "1 taken in" in view.status.text()

    # the other certificate is rejected: its bundle stays out, nothing is trusted
    tab.unknown.selectRow(0)
    qtbot.mouseClick(tab.reject_button, Qt.MouseButton.LeftButton)
    assert outcomes(view)["assessor1.nilai"] == "certificate_rejected"
    assert tab.unknown_model.rowCount() == 0 and not tab.unknown_box.isVisibleTo(view)
    assert load_identity(bundles.assessors[1]).fingerprint not in {c.fingerprint for c in list_trusted(view.services.store)}

    # the same bundle again is a no-op; a newer version fast-forwards
    tab.import_paths([bundles.first[0], bundles.edited])
    assert outcomes(view)["assessor0.nilai"] == "already_imported"
    assert [outcome for _, outcome in record_rows(view, "assessor0-edited.nilai")] == ["fast_forwarded"]


def test_bundles_dropped_on_the_tab_are_imported_with_a_report_per_record(qtbot, coordinator, bundles) -> None:
    view = coordinator
    trust_all(view, bundles)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in bundles.first])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    view.import_tab.dropEvent(event)
    assert event.isAccepted()
    assert outcomes(view) == {"assessor0.nilai": "imported", "assessor1.nilai": "imported",
                              "assessor2.nilai": "imported"}
    regions = {region for name in outcomes(view) for region, _ in record_rows(view, name)}
    assert len(regions) == 4
    # coverage is complete: every region has its three assessors, final
    assert all(region.complete and region.counted == 3 for region in view.session.consolidation.coverage)
    assert view.coverage_tab.model.rowCount() == 4
    view.coverage_tab.incomplete.setChecked(True)
    assert view.coverage_tab.proxy.rowCount() == 0


def test_a_conflict_is_resolved_with_a_mandatory_reason(qtbot, coordinator, bundles) -> None:
    from app.bundles.conflicts import open_conflicts, resolution_chain
    from app.models.tables import Assessment
    from app.store.changelog import chain_entries, verify_chain

    view = coordinator
    store = view.services.store
    trust_all(view, bundles)
    view.import_tab.import_paths([*bundles.first, bundles.branch_a, bundles.branch_b])
    assert outcomes(view)["assessor1-a.nilai"] == "imported"
    assert [outcome for _, outcome in record_rows(view, "assessor1-b.nilai")] == ["conflict"]
    assert view.tabs.tabText(view.tabs.indexOf(view.import_tab)) == "&Import · conflicts: 1"
    tab = view.import_tab
    assert tab.conflicts_model.rowCount() == 1
    conflict = tab.conflicts_model.conflict(0)
    assert conflict.record_id == bundles.record1
    assert {bundles.v2a, bundles.v2b} <= {c.id for c in conflict.choices}
    # the record does not count while in conflict
    states = {a.state for region in view.session.consolidation.coverage for a in region.assessors}
    assert "conflict" in states

    tab.conflicts.selectRow(0)
    dialog = tab.resolve_selected()
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok.isEnabled()
    assert dialog.choose(bundles.v2b)
    assert not dialog.ok.isEnabled()  # no reason yet
    qtbot.keyClicks(dialog.reason, "   ")
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.reason, "panel agreed on the second reading")
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    assert open_conflicts(store) == []
    with store.transaction() as session:
        entries = chain_entries(session, resolution_chain(bundles.record1))
        assert [(e.field, e.new, e.reason, e.actor) for e in entries] == [
            ("resolution", bundles.v2b, "panel agreed on the second reading", ACTOR)]
        assert verify_chain(session) == []
        current = session.get(Assessment, bundles.v2b)
        assert current.is_current and not current.in_conflict
    assert tab.conflicts_model.rowCount() == 0
    assert view.tabs.tabText(view.tabs.indexOf(view.import_tab)) == "&Import"
    states = {a.state for region in view.session.consolidation.coverage for a in region.assessors}
    assert "conflict" not in states
    assert "is now in force" in view.status.text()


def test_a_new_coordinator_store_gets_its_round_from_the_first_bundles(qtbot, runner, english, tmp_path,
                                                                       bundles) -> None:
    from app.bundles.trust import trust_certificate
    from app.store import open_store
    from app.ui.coordinator.view import CoordinatorView

    data = tmp_path / "empty"
    data.mkdir()
    store = open_store(data)
    try:
        view = CoordinatorView(store, runner, data, "en", actor=ACTOR)
        qtbot.addWidget(view)
        view.start()
        assert view.tabs.currentWidget() is view.setup_tab  # an empty store offers a new round
        assert "no round here yet" in view.status.text()
        assert view.session.consolidation is None
        view.import_tab.import_paths([bundles.first[0]])  # not trusted: nothing taken in, nothing to rank
        assert view.session.consolidation is None and "1 rejected" in view.status.text()
        for cert in sorted(bundles.certs.iterdir()):
            trust_certificate(store, cert)
        view.import_tab.import_paths(bundles.first)
        assert view.session.consolidation is not None
        assert view.round.count() == 1 and view.round.currentText() == (
            f"{view.session.consolidation.round.name} · id {short_id(view.session.consolidation.round.id)}")
        assert "from a bundle" in view.round.itemData(0, Qt.ItemDataRole.ToolTipRole)
        assert view.ranking_tab.model.rowCount() == 4
    finally:
        store.close()


@pytest.fixture
def renewed_bundle(bundles: BundleSet, tmp_path: Path) -> Path:
    """Assessor 2 made a new key (same name and NIP) in a copy of their data directory, and exported again."""
    from app.identity import create_identity, load_identity

    directory = tmp_path / "renewed-assessor"
    shutil.copytree(bundles.assessors[2], directory)
    info = load_identity(directory)
    create_identity(directory, info.name, info.nip, info.organisation, PASSPHRASE, replace=True)
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    out = tmp_path / "assessor2-renewed.nilai"
    assert run_cli("--data-dir", directory, "bundle", "export", "--all", "--out", out, "--passphrase-file", secret) == 0
    return out


def test_a_new_key_of_a_known_assessor_is_named_and_accepted_only_as_a_renewal(qtbot, coordinator, bundles,
                                                                               renewed_bundle) -> None:
    from sqlmodel import select

    from app.bundles.trust import REPLACED, cert_info, trust_certificate
    from app.models.sync import BundleReceipt, TrustedCertificate
    from app.models.tables import Assessment, Assessor
    from app.ui.coordinator.import_models import FINGERPRINT, KNOWN

    view, tab = coordinator, coordinator.import_tab
    store = view.services.store
    old = cert_info(bundles.certs / f"{bundles.assessors[2].name}.pem")
    trust_certificate(store, bundles.certs / f"{bundles.assessors[2].name}.pem")
    tab.import_paths([bundles.first[2]])
    with store.transaction() as session:
        [assessor] = session.exec(select(Assessor).where(Assessor.nip == old.nip)).all()
    assert assessor.cert_fingerprint == old.fingerprint

    tab.import_paths([renewed_bundle])
    assert outcomes(view)[renewed_bundle.name] == "rejected"
    row = next(i for i, (p, _, _) in enumerate(tab.report_model.bundle_rows()) if p == renewed_bundle)
    assert "a renewal or an impostor" in tab.report_model.index(row, 3).data()
    [unknown] = tab.unknown_model.items()
    new_fp = unknown.info.fingerprint
    assert new_fp != old.fingerprint and unknown.known.fingerprint == old.fingerprint
    assert tab.unknown_model.index(0, FINGERPRINT).data().replace(" ", "") == new_fp  # both fingerprints shown
    assert tab.unknown_model.index(0, KNOWN).data().replace(" ", "") == old.fingerprint
    tab.unknown.selectRow(0)
    assert not tab.trust_button.isEnabled()  # not the plain Trust button
    assert tab.renewal_button.isVisibleTo(view) and tab.renewal_button.isEnabled()
    assert tab.renewal_button.text().replace("&", "") == f"Accept as renewal of {old.name}"
    note = tab.renewal_note.text()
    assert tab.renewal_note.isVisibleTo(view) and "renewal or an impostor" in note
    assert old.fingerprint[:4] + " " + old.fingerprint[4:8] in note and new_fp[:4] + " " + new_fp[4:8] in note

    qtbot.mouseClick(tab.renewal_button, Qt.MouseButton.LeftButton)
    assert outcomes(view)[renewed_bundle.name] == "imported"
    assert tab.unknown_model.rowCount() == 0
    with store.transaction() as session:
        rows = session.exec(select(Assessor).where(Assessor.nip == old.nip)).all()
        assert [(r.id, r.cert_fingerprint) for r in rows] == [(assessor.id, new_fp)]  # one assessor, new key
        assert session.get(TrustedCertificate, old.fingerprint).source.startswith(REPLACED)
        assert session.get(TrustedCertificate, new_fp) is not None
        receipts = session.exec(select(BundleReceipt.assessor_id, BundleReceipt.assessor_fingerprint)).all()
        assert sorted(receipts) == sorted([(assessor.id, old.fingerprint), (assessor.id, new_fp)])
        assert set(session.exec(select(Assessment.assessor_id)).all()) == {assessor.id}
