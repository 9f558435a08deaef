"""The coordinator's desktop on the service's PostgreSQL store: bundles sent to a real `nilai serve`
show up in the import report by themselves, and the quarantine (in the store, not in the service's
folder) is listed for a decision: trusted (imported, the usual report) or rejected (deleted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_support import POSTGRES_URL, SKIP_REASON
from PySide6.QtCore import Qt
from sqlalchemy import create_engine, text

from app.bundles import report as R
from tests.bundles.helpers import Demo, export, unlock_dir
from tests.sync.service import Service
from tests.sync.test_service import counts, send
from tests.ui.conftest import english, runner  # noqa: F401 - fixtures

pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_REASON)]


def quarantine_fingerprints(service: Service) -> list[str]:
    engine = create_engine(service.database_url)
    try:
        with engine.connect() as conn:
            return sorted(r[0] for r in conn.execute(text("SELECT fingerprint FROM sync_quarantine")))
    finally:
        engine.dispose()


@pytest.fixture
def desk(qtbot, runner, english, service: Service, tmp_path: Path):  # noqa: F811 - fixtures
    """The coordinator's desktop on another data directory (another machine) and the service's store."""
    from app.store import open_store
    from app.ui.coordinator.view import CoordinatorView

    data = tmp_path / "desk"
    store = open_store(data, service.database_url)
    view = CoordinatorView(store, runner, data, "en", actor="Koordinator <1975>")
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.start()
    view.tabs.setCurrentWidget(view.import_tab)
    yield view
    view.close()
    store.close()


def test_arrivals_and_the_quarantine_in_the_coordinators_desktop(qtbot, desk, service: Service, demo: Demo,
                                                                  tmp_path: Path) -> None:
    tab, arrivals = desk.import_tab, desk.arrivals
    assert arrivals.timer.isActive() and arrivals.timer.interval() == 10000
    assert service.cli("bundle", "trust", demo.cert(0)) == 0
    taken = send(service, demo, 0, export(demo, 0, tmp_path / "a0.nilai"))
    assert taken.outcome == "taken_in"
    changed = []
    tab.imported.connect(changed.append)  # what refreshes the schedule and results
    arrivals.poll()
    rows = {bundle.bundle_id: (bundle, shown) for _path, bundle, shown in tab.report_model.bundle_rows()}
    bundle, shown = rows[taken.bundle_id]
    assert shown == R.BUNDLE_IMPORTED and bundle.assessor and "through the sync service" in bundle.notes[-1]
    assert changed and desk.status.text().startswith("1 bundle(s) arrived through the sync service")
    arrivals.poll()
    assert len(tab.report_model.bundle_rows()) == 1  # shown once

    # two laptops nobody trusts yet: kept in the store's quarantine, listed with name, NIP and fingerprint
    strangers = [unlock_dir(demo.assessors[i]).fingerprint for i in (1, 2)]
    for index in (1, 2):
        assert send(service, demo, index, export(demo, index, tmp_path / f"a{index}.nilai")).outcome == "quarantined"
    assert not (service.data_dir / "sync" / "quarantine").exists()
    arrivals.poll()
    listed = {item.info.fingerprint: item for item in tab.unknown_model.items()}
    assert sorted(listed) == sorted(strangers)
    assert all(item.path.name.startswith("sync-") and item.info.nip for item in listed.values())

    # the coordinator checked the first fingerprint by phone: trust it, its bundle is imported
    tab.unknown.selectRow(next(i for i, item in enumerate(tab.unknown_model.items())
                               if item.info.fingerprint == strangers[0]))
    qtbot.mouseClick(tab.trust_button, Qt.MouseButton.LeftButton)
    assert counts(service)[0] == 2
    arrivals.poll()  # the quarantine lets it go
    assert quarantine_fingerprints(service) == [strangers[1]]

    # the other one is not theirs: rejected, deleted from the quarantine, nothing imported
    tab.unknown.selectRow(0)
    assert tab.unknown_model.item(0).info.fingerprint == strangers[1]
    qtbot.mouseClick(tab.reject_button, Qt.MouseButton.LeftButton)
    assert quarantine_fingerprints(service) == [] and counts(service)[0] == 2
    arrivals.poll()
    assert tab.unknown_model.rowCount() == 0
    assert not list((Path(desk.services.data_dir) / "sync" / "quarantine-view").glob("*.nilai"))


def test_quarantine_on_the_command_line(service: Service, demo: Demo, tmp_path: Path, capsys) -> None:
    stranger = unlock_dir(demo.assessors[1]).fingerprint
    assert send(service, demo, 1, export(demo, 1, tmp_path / "a1.nilai")).outcome == "quarantined"
    capsys.readouterr()
    assert service.cli("bundle", "quarantine", "list") == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(stranger) and "(NIP " in line
    assert service.cli("bundle", "quarantine", "reject", "0000000000") == 1  # matches nothing: one line, no change
    assert "matches" in capsys.readouterr().err
    assert service.cli("bundle", "quarantine", "reject", stranger[:10]) == 0
    assert quarantine_fingerprints(service) == [] and counts(service) == (0, 0)
    # sent again, and this time its certificate is trusted the usual way: the next look lets it in
    assert send(service, demo, 1, export(demo, 1, tmp_path / "b1.nilai", "--all")).outcome == "quarantined"
    assert service.cli("bundle", "trust", demo.cert(1)) == 0
    from app.store import open_store
    from app.sync.quarantine import settle

    store = open_store(tmp_path / "desk2", service.database_url)
    try:
        settled = settle(store)
    finally:
        store.close()
    assert settled is not None and [b.outcome for b in settled.report.bundles] == [R.BUNDLE_IMPORTED]
    assert quarantine_fingerprints(service) == [] and counts(service)[0] == 1
