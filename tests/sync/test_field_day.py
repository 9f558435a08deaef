"""Issue 16's "done when", as one day in the field, with real parts only: a coordinator's PostgreSQL
store with a round set up on it, `nilai serve` under uvicorn with TLS on loopback (down at first), five
assessor data directories holding the round package, one of them behind a connection that drops twice,
and the coordinator's desktop on the same store.

The laptops sync by themselves (what the desktop's timer calls, `sync_if_reachable`) once the service
answers; the coordinator's desktop shows each laptop's bundle once, returns one assessment from the
region detail, and the revised, re-signed version comes back the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_support import POSTGRES_URL, SKIP_REASON
from PySide6.QtCore import Qt

from app.bundles import report as R
from tests.bundles.helpers import PASSPHRASE, open_store_at, unlock_dir
from tests.sync.relay import Relay
from tests.sync.service import Service
from tests.sync.test_auto_sync import stopped_service  # noqa: F401 - fixture
from tests.sync.test_service import counts
from tests.ui.conftest import english, runner  # noqa: F401 - fixtures

pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not POSTGRES_URL, reason=SKIP_REASON)]

COMMENT = "INF-2: tingkat 5 butuh bukti jaringan intra pemerintah; lampirkan atau turunkan"


def _look(laptop: Path):
    """One automatic look of the laptop's desktop: is the service there, and if so send and fetch."""
    from app.sync.auto import sync_if_reachable

    store = open_store_at(laptop)
    try:
        return sync_if_reachable(store, unlock_dir(laptop))
    finally:
        store.close()


def _waiting(laptop: Path) -> int:
    from app.sync.outbox import waiting

    store = open_store_at(laptop)
    try:
        return len(waiting(store))
    finally:
        store.close()


def _behind(relay: Relay, laptop: Path) -> None:
    """This laptop reaches the service through the relay (the venue's flaky Wi-Fi)."""
    from sqlmodel import select

    from app.bundles import sync_target
    from app.models.tables import Round

    store = open_store_at(laptop)
    try:
        with store.transaction(write=True) as session:
            for round_id in session.exec(select(Round.id)):
                target = sync_target.get(session, round_id)
                if target is not None:
                    sync_target.put(session, round_id, sync_target.checked(relay.url, target.cert_pem))
    finally:
        store.close()


def test_five_laptops_sync_by_themselves_one_through_a_flaky_link_and_a_return_comes_back(
        qtbot, runner, english, stopped_service: Service, tmp_path: Path) -> None:  # noqa: F811
    from app.assessments import finalize
    from app.assessments.returns import for_record, list_returns, reopen_for_revision
    from app.identity import create_identity, export_certificate
    from app.sheets.export import sign_one
    from app.store import open_store
    from app.ui.coordinator.view import CoordinatorView
    from tests.bundles.helpers import run_cli

    service = stopped_service
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    root = tmp_path / "laptops"
    # the coordinator sets the round up on the store, names the service in the round package, trusts the laptops
    assert service.cli("demo", "--regions", "6", "--assessors", "5", "--assessor-dirs", root,
                       "--passphrase-file", passphrase) == 0
    laptops = sorted(p for p in root.iterdir() if p.is_dir())
    assert len(laptops) == 5
    desk_dir = service.data_dir.parent / "coordinator-desk"
    create_identity(desk_dir, "Koordinator Nasional", "197501012000031001", "Kominfo", PASSPHRASE)
    export_certificate(desk_dir, tmp_path / "coordinator.pem")
    package = tmp_path / "ronde.nilairound"
    assert service.cli("round", "export", "--out", package, "--passphrase-file", passphrase,
                       "--sync-url", service.url, "--sync-cert", service.cert) == 0
    for laptop in laptops:
        export_certificate(laptop, tmp_path / f"{laptop.name}.pem")
        assert service.cli("bundle", "trust", tmp_path / f"{laptop.name}.pem") == 0
        assert run_cli("--data-dir", laptop, "round", "import", package, "--trust", tmp_path / "coordinator.pem") == 0
    relay = Relay(service.port, cut_after=6_000, cut_times=2)  # any upload is cut after 6 KB, twice
    _behind(relay, laptops[4])

    desk_store = open_store(tmp_path / "desk", service.database_url)
    desk = CoordinatorView(desk_store, runner, desk_dir, "en")
    qtbot.addWidget(desk)
    desk.resize(1200, 700)
    desk.show()
    desk.start()
    try:
        # the service is down: every laptop looks, finds nobody, keeps its finalized work queued
        for laptop in laptops:
            attempt = _look(laptop)
            assert attempt.unreachable and not attempt.deliveries
        queued = {laptop.name: _waiting(laptop) for laptop in laptops}
        assert all(queued.values()) and counts(service) == (0, 0)

        # the service comes up: the laptops' next looks send everything, the flaky one after two cuts
        service.start()
        for _look_again in range(6):
            for laptop in (x for x in laptops if _waiting(x)):
                _look(laptop)
            if not any(_waiting(x) for x in laptops):
                break
        assert not any(_waiting(x) for x in laptops)
        assert relay.cut == 2
        assert counts(service) == (5, sum(queued.values()))  # one bundle a laptop, every version once

        # the coordinator's desktop shows each laptop's bundle once, taken in
        report = desk.import_tab.report_model
        desk.arrivals.poll()
        qtbot.waitUntil(lambda: len(report.bundle_rows()) >= 5, timeout=20000)
        _settle(qtbot, desk)  # a second look finds nothing new
        rows = report.bundle_rows()
        assert len(rows) == 5 and {shown for _p, _b, shown in rows} == {R.BUNDLE_IMPORTED}
        assert len({bundle.assessor for _p, bundle, _s in rows}) == 5

        # ... and returns the flaky laptop's first assessment for revision from the region detail
        flaky = laptops[4]
        store = open_store_at(flaky)
        try:
            from sqlmodel import select

            from app.models.tables import Assessment

            with store.transaction() as session:
                first = session.exec(select(Assessment).where(Assessment.is_current)
                                     .order_by(Assessment.region_code)).first()
                assert first is not None
                record_id, version_id, region = first.record_id, first.version_id, first.region_code
        finally:
            store.close()
        desk.open_region(region)
        panel = desk.detail_tab.returns
        row = next(i for i, r in enumerate(panel.model.rows) if r.version_id == version_id)
        panel.table.selectRow(row)

        def write_comment(dialog) -> int:
            qtbot.keyClicks(dialog.comment, COMMENT)
            dialog.ok.click()
            return dialog.result()

        panel.run_dialog = write_comment
        qtbot.mouseClick(panel.return_button, Qt.MouseButton.LeftButton)
        round_id = desk_store_round(desk_store)
        [made] = list_returns(desk_store, round_id)
        assert (made.state, made.version_id, made.comment) == ("open", version_id, COMMENT)

        # the laptop's next look brings the return; the assessor reopens, finalizes, signs; it flows back
        assert _look(flaky).returned == 1
        store = open_store_at(flaky)
        try:
            waiting = for_record(store, record_id)
            assert waiting is not None and waiting.comment == COMMENT
            new = reopen_for_revision(store, waiting.id, "penilai")
            finalize(store, new, "penilai")
            sign_one(store, new, unlock_dir(flaky))
        finally:
            store.close()
        for _look_again in range(4):  # the revision is queued at the next look, and sent
            _look(flaky)
            if not _waiting(flaky):
                break
        assert not _waiting(flaky)
        assert counts(service) == (6, sum(queued.values()) + 1)
        desk.arrivals.poll()
        qtbot.waitUntil(lambda: len(report.bundle_rows()) >= 6, timeout=20000)
        _settle(qtbot, desk)
        assert len(report.bundle_rows()) == 6  # the revision, once
        [answered] = list_returns(desk_store, round_id)
        assert (answered.state, answered.answered_by) == ("answered", new)
        desk.open_region(region)
        revised = next(r for r in panel.model.rows if r.version_id == new)
        shown = panel.model.index(panel.model.rows.index(revised), 2).data()
        assert shown.startswith("answered: revised version received") and COMMENT in shown
    finally:
        desk.close()
        desk_store.close()
        relay.close()


def _settle(qtbot, desk) -> None:
    """One more look of the coordinator's desktop, waited for to its end."""
    qtbot.waitUntil(lambda: desk.arrivals.task is None or desk.arrivals.task.done, timeout=20000)
    task = desk.arrivals.poll()
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=20000)
    qtbot.wait(50)  # its answer is delivered through the event loop


def desk_store_round(store) -> str:
    from sqlmodel import select

    from app.models.tables import Round

    with store.transaction() as session:
        [round_id] = session.exec(select(Round.id)).all()
        return round_id
