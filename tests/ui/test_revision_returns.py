"""Return for revision in the desktop, driven with qtbot and checked in the store: the coordinator returns
an assessor's assessment from the region detail (button or the row's context action, a dialog asking the
comment) and withdraws it; the assessor sees it in the schedule (status, tooltip, spoken text), reads the
comment above the interview, reopens it (the comment is the new version's reason), finalizes, and the
outbox queues the revised version."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlmodel import select

from tests.ui.test_coordinator_window import small_round  # noqa: F401 - fixture

COMMENT = "S1: tingkat 4 tanpa bukti Perda; lampirkan atau turunkan"
NIP = "197001012000031002"


@pytest.fixture
def coordinator_view(qtbot, store, data_dir, runner, english, small_round):  # noqa: F811
    from app.identity import create_identity
    from app.ui.coordinator.view import CoordinatorView

    create_identity(data_dir, "Rina Koordinator", NIP, "Kemenkominfo", "kata sandi yang panjang")
    view = CoordinatorView(store, runner, data_dir, "en")
    qtbot.addWidget(view)
    view.show()
    view.start()
    view.open_region("3671")
    return view


def _write_comment(qtbot, text: str):
    def run(dialog) -> int:
        assert not dialog.ok.isEnabled()  # nothing to send without a comment
        qtbot.keyClicks(dialog.comment, text)
        assert dialog.ok.isEnabled()
        dialog.ok.click()
        return dialog.result()
    return run


def test_coordinator_returns_an_assessment_from_the_region_detail_then_withdraws_it(
        qtbot, coordinator_view, store, small_round) -> None:  # noqa: F811
    from app.assessments.returns import list_returns

    panel = coordinator_view.detail_tab.returns
    assert [r.assessor_name for r in panel.model.rows] == ["Ani", "Budi"]
    panel.table.selectRow(1)  # Budi
    assert panel.return_button.isEnabled() and not panel.withdraw_button.isEnabled()
    assert panel.return_action in panel.table.actions()  # the row's context menu
    panel.run_dialog = _write_comment(qtbot, COMMENT)
    qtbot.mouseClick(panel.return_button, Qt.MouseButton.LeftButton)

    [made] = list_returns(store, small_round.round_id)
    budi = panel.model.rows[1]
    assert (made.state, made.comment, made.region_code, made.assessor_name) == ("open", COMMENT, "3671", "Budi")
    assert made.version_id == budi.version_id and made.returned_by == f"Rina Koordinator <{NIP}>"
    text = panel.model.index(1, 2).data()
    assert text.startswith("returned to Budi on ") and text.endswith(COMMENT)
    assert panel.model.index(0, 2).data() == ""  # Ani's is untouched
    assert not panel.return_button.isEnabled() and panel.withdraw_button.isEnabled()  # Budi still selected

    panel.run_dialog = lambda dialog: (dialog.reject(), dialog.result())[1]  # cancelled: nothing happens
    panel.table.selectRow(0)
    panel.return_action.trigger()
    assert len(list_returns(store, small_round.round_id)) == 1

    panel.table.selectRow(1)
    panel.withdraw_action.trigger()
    [withdrawn] = list_returns(store, small_round.round_id)
    assert withdrawn.state == "cancelled" and withdrawn.cancelled_at is not None
    assert "withdrawn" in panel.model.index(1, 2).data()
    assert panel.return_button.isEnabled()  # it can be returned again


@pytest.fixture
def returned(store, scoring_round):
    """This laptop's finalized assessment of 3325, returned by the coordinator (as `nilai sync` brings it)."""
    from datetime import UTC, datetime

    from app import assessments
    from app.assessments.returns import take_in_store
    from app.models.tables import Assessment

    round_id, assessor = scoring_round
    version = assessments.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=assessor.id)
    for code, level in (("A-1", 4), ("A-2", 3), ("B-1", 2)):
        assessments.set_level(store, version, code, level, "Siti")
    assessments.finalize(store, version, "Siti")
    with store.transaction() as session:
        record_id = session.get(Assessment, version).record_id
    taken = take_in_store(store, [{
        "id": "0193a1b2-0000-7000-8000-000000000001", "round_id": round_id, "record_id": record_id,
        "version_id": version, "assessor_id": assessor.id, "region_code": "3325", "comment": COMMENT,
        "returned_by": f"Rina Koordinator <{NIP}>", "returned_at": datetime(2018, 3, 8, 9, 30, tzinfo=UTC).isoformat()}])
    assert taken.added == 1
    return version


def test_assessor_sees_the_return_in_the_schedule_reopens_it_and_the_revision_is_queued(
        qtbot, returned, main_window, store) -> None:
    from app.assessments import finalize
    from app.assessments.snapshots import snapshot
    from app.models.returns import RevisionReturn
    from app.sync.outbox import queue_new, waiting
    from app.ui.schedule.model import COL_STATUS, StatusRole

    schedule = main_window.schedule
    schedule.reload()
    entry = next(e for e in schedule.model.entries() if e.region.code == "3325")
    index = schedule.model.slot_index(entry.slot_id).siblingAtColumn(COL_STATUS)
    assert index.data() == "Returned for revision"
    assert index.data(StatusRole) == "returned"
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == index.data(Qt.ItemDataRole.ToolTipRole)
    assert spoken.startswith("Returned for revision by Rina Koordinator on ") and spoken.endswith(COMMENT)
    schedule.status_filter.setCurrentIndex(schedule.status_filter.findData("returned"))
    assert schedule.proxy.rowCount() == 1  # the round, with the returned slot under it
    schedule.status_filter.setCurrentIndex(0)

    assert schedule.select_slot(entry.slot_id)
    schedule.tree.setFocus()
    qtbot.keyClick(schedule.tree, "\r")
    view = main_window.interview
    notice = view.return_notice
    assert main_window.pages.currentWidget() is view
    assert notice.isVisible() and COMMENT in notice.text.text() and "Rina Koordinator" in notice.text.text()
    assert notice.reopen.isVisible() and notice.accessibleName() == notice.text.text()

    prefilled = []

    def accept_reason(dialog) -> int:
        prefilled.append(dialog.reason_text())
        dialog.ok.click()
        return dialog.result()

    view.run_dialog = accept_reason
    qtbot.mouseClick(notice.reopen, Qt.MouseButton.LeftButton)
    assert prefilled == [COMMENT]
    new = view.version_id
    assert new != returned and not view.read_only
    assert snapshot(store, new).reopen_reason == COMMENT and snapshot(store, new).previous_version_id == returned
    with store.transaction() as session:
        assert session.exec(select(RevisionReturn.answered_version_id)).all() == [new]
    assert notice.isVisible() and "Being revised" in notice.text.text() and not notice.reopen.isVisible()

    finalize(store, new, "Siti")
    view.session.refresh()
    assert not notice.isVisible()  # revised and finalized: it goes back at the next sync
    schedule.reload()
    assert schedule.model.slot_index(entry.slot_id).siblingAtColumn(COL_STATUS).data() == "Finalized"
    queue_new(store)
    assert new in {e.version_id for e in waiting(store)}
    QApplication.processEvents()
