"""The schedule tree model and its filter, checked with qtmodeltester and without any view."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.models.domain import RegionInfo
from app.rounds import RoundInfo
from app.rounds.schedule import ScheduleEntry
from app.ui.schedule.filter import ScheduleFilter
from app.ui.schedule.model import (
    COL_CODE,
    COL_PROGRESS,
    COL_REGION,
    COL_STATUS,
    COL_TIME,
    EntryRole,
    IsWorkDayRole,
    KindRole,
    ProgressRole,
    ScheduleModel,
    StatusRole,
)

BATANG = RegionInfo("3325", "Kabupaten Batang", "kabupaten", "33", "Jawa Tengah")
TANGERANG = RegionInfo("3671", "Kota Tangerang", "kota", "36", "Banten")
BANJARBARU = RegionInfo("6372", "Kota Banjarbaru", "kota", "63", "Kalimantan Selatan")
DAY1, DAY2 = date(2018, 3, 5), date(2018, 3, 6)


def entry(slot: str, day: date, hour: int, region: RegionInfo, status: str = "not_started", scored: int = 0,
          panel: str = "Panel A") -> ScheduleEntry:
    return ScheduleEntry(slot, day, time(hour, 0), 30, panel, "Ruang 1", region, status,
                         None if status == "not_started" else f"v-{slot}", scored, 4)


ROUND = RoundInfo("r1", "Uji 2018", "Gerakan Menuju 100 Smart City", "hash", DAY1, DAY2, 3, 3, "mean", (75, 50))


def schedule(status_batang: str = "final") -> list:
    return [(ROUND, [entry("s1", DAY1, 8, BATANG, status_batang, 4), entry("s2", DAY1, 9, TANGERANG, "draft", 2),
                     entry("s3", DAY2, 8, BANJARBARU, panel="Panel B")])]


@pytest.fixture
def model(qapp, qtmodeltester) -> ScheduleModel:
    m = ScheduleModel()
    m.set_schedule(schedule(), today=date(2024, 1, 1))
    qtmodeltester.check(m)
    return m


def test_rounds_days_panels_slots(model: ScheduleModel) -> None:
    assert model.rowCount() == 1
    round_index = model.index(0, 0)
    assert round_index.data() == "Uji 2018" and round_index.data(KindRole) == "round"
    days = [model.index(row, 0, round_index) for row in range(model.rowCount(round_index))]
    assert [d.data(KindRole) for d in days] == ["day", "day"]
    panel = model.index(0, 0, days[0])
    assert panel.data(KindRole) == "panel" and panel.data() == "Panel A · Ruang 1"
    slot = model.index(0, 0, panel)
    assert slot.data(KindRole) == "slot"
    row = [slot.siblingAtColumn(c).data() for c in (COL_REGION, COL_CODE, COL_TIME, COL_STATUS, COL_PROGRESS)]
    assert row == ["Kabupaten Batang", "3325", "08:00", "Finalized", "4/4"]
    assert slot.data(ProgressRole) == (4, 4)
    assert slot.siblingAtColumn(COL_STATUS).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.headerData(COL_STATUS, Qt.Orientation.Horizontal) == "Status"


def test_the_day_with_work_left_comes_first(model: ScheduleModel) -> None:
    # Not a round day today: the first day with unfinished interviews leads (5 March: one in progress).
    first_day = model.index(0, 0, model.index(0, 0))
    assert first_day.data(IsWorkDayRole) is True
    assert "5 March 2018" in first_day.data()
    assert first_day.siblingAtColumn(COL_STATUS).data() == "1 of 2 finalized"
    # Once that day is done, the next day moves to the front.
    model.set_schedule([(ROUND, [entry("s1", DAY1, 8, BATANG, "final", 4), entry("s2", DAY1, 9, TANGERANG, "signed", 4),
                                 entry("s3", DAY2, 8, BANJARBARU, panel="Panel B")])], today=date(2024, 1, 1))
    assert "6 March 2018" in model.index(0, 0, model.index(0, 0)).data()


def test_today_comes_first_when_the_round_runs_today(qapp, qtmodeltester) -> None:
    model = ScheduleModel()
    model.set_schedule(schedule(), today=DAY2)
    qtmodeltester.check(model)
    first_day = model.index(0, 0, model.index(0, 0))
    assert first_day.data().startswith("Today")
    slot = model.index(0, 0, model.index(0, 0, first_day))
    assert slot.data(EntryRole).region.code == "6372"


def test_status_changes_update_rows_in_place(model: ScheduleModel, qtbot) -> None:
    resets, changes = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda top, bottom, roles=(): changes.append(top.data(KindRole)))
    model.set_schedule(schedule(status_batang="signed"), today=date(2024, 1, 1))
    assert resets == []
    assert changes == ["slot", "panel", "day", "round"]
    assert model.data(model.slot_index("s1"), StatusRole) == "signed"


def test_filter_by_name_code_province_and_status(model: ScheduleModel, qtmodeltester) -> None:
    proxy = ScheduleFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)

    def slots(parent: QModelIndex | None = None) -> list[str]:
        parent = parent or QModelIndex()
        found = []
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            if index.data(KindRole) == "slot":
                found.append(index.data(EntryRole).region.code)
            found += slots(index)
        return found

    assert sorted(slots()) == ["3325", "3671", "6372"]
    proxy.set_search("tangerang")
    assert slots() == ["3671"]
    proxy.set_search("63")  # code prefix (and Kalimantan Selatan's province)
    assert slots() == ["6372"]
    proxy.set_search("jawa tengah")
    assert slots() == ["3325"]
    proxy.set_search("")
    proxy.set_statuses({"draft", "not_started"})
    assert sorted(slots()) == ["3671", "6372"]
    proxy.set_search("zzz")
    assert slots() == [] and proxy.rowCount() == 0
