"""The adjusted rule in the coordinator view, driven with qtbot: choose it, make it official (logged), export a
ranking that names it; the region detail with raw and adjusted side by side; the assessor severity tab; and an
unlinked round, refused with the groups named, no ranking shown and nothing exported.

The rounds are those of ``tests/consolidation/test_adjusted_rule.py``: panel B (Bayu, Bela) scores two levels
below panel A (Ani, Agus); Xena sits on one region of each, which links them.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from app.models.tables import ChangeLogEntry, Round
from tests.consolidation.test_adjusted_rule import BASE, SEVERE, levels, linked_round, unlinked_round

ACTOR = "Koordinator Uji <197501012000031001>"


@pytest.fixture
def saved() -> list[Path]:
    return []


def make_view(qtbot, store, runner, data_dir, saved):
    from app.ui.coordinator.view import CoordinatorView

    def pick_save(_parent, _title, _suggested, _filter):
        return saved.pop(0) if saved else None

    widget = CoordinatorView(store, runner, data_dir, "en", actor=ACTOR, pick_save=pick_save)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.start()
    return widget


def choose_rule(qtbot, view, rule: str) -> None:
    combo = view.ranking_tab.rule
    combo.setFocus()
    target = combo.findData(rule)
    while combo.currentIndex() != target:  # the keyboard, as a coordinator would
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def exported_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_adjusted_made_official_and_exported(qtbot, store, runner, data_dir, english, saved, tmp_path) -> None:
    round_id = linked_round(store).round_id
    view = make_view(qtbot, store, runner, data_dir, saved)
    tab = view.ranking_tab
    view.tabs.setCurrentWidget(tab)
    assert "Official rule: <b>Mean</b>" in tab.official.official.text()
    assert not tab.official.make_official.isEnabled()  # the mean is shown and already official
    assert "α (ordinal) / Gwet's AC1 / AC2" in tab.agreement.text()

    choose_rule(qtbot, view, "adjusted")
    c = view.session.consolidation
    assert c.rule.value == "adjusted"
    codes = [tab.model.ranked(row).region.code for row in range(tab.model.rowCount())]
    assert codes[:2] == ["1103", "1104"]  # panel B's regions, held down by its severity, come first
    raw_rank = tab.model.kind_column("raw_rank")  # beside: where the raw mean put them, and the cut crossed
    assert tab.model.index(tab.model.row_of("1104"), raw_rank).data().startswith("⇅ 3 ▲")  # into the top 2
    assert tab.model.index(tab.model.row_of("1103"), raw_rank).data() == "2 ▲1"  # in either way
    assert not tab.official.refusal.isVisible()

    # exports are made with the official rule: not yet, and nothing is written
    saved.append(tmp_path / "early.csv")
    qtbot.mouseClick(tab.csv_button, Qt.MouseButton.LeftButton)
    assert not (tmp_path / "early.csv").exists()
    assert "official rule is Mean" in view.status.text()
    assert saved == [tmp_path / "early.csv"]  # refused before asking where
    saved.clear()

    assert tab.official.make_official.isEnabled()
    qtbot.mouseClick(tab.official.make_official, Qt.MouseButton.LeftButton)
    with store.transaction() as session:
        assert session.get(Round, round_id).aggregation_rule == "adjusted"
        log = session.exec(select(ChangeLogEntry).where(ChangeLogEntry.chain_id == f"ranking-rule:{round_id}")).all()
    assert [(e.field, e.old, e.new, e.actor) for e in log] == [("aggregation_rule", "mean", "adjusted", ACTOR)]
    assert "Official rule: <b>Adjusted for assessor severity</b> — chosen by Koordinator Uji" in \
        tab.official.official.text()
    assert not tab.official.make_official.isEnabled()

    saved.append(tmp_path / "ranking.csv")
    qtbot.mouseClick(tab.csv_button, Qt.MouseButton.LeftButton)
    assert "Written" in view.status.text(), view.status.text()
    rows = exported_rows(tmp_path / "ranking.csv")
    assert {r["aggregation_rule"] for r in rows} == {"adjusted"}
    assert [r["region_code"] for r in rows if r["shortlist_2"] == "yes"] == ["1103", "1104"]

    # making the same rule official again writes nothing
    view.session.make_official()
    with store.transaction() as session:
        assert len(session.exec(select(ChangeLogEntry).where(
            ChangeLogEntry.chain_id == f"ranking-rule:{round_id}")).all()) == 1


def test_region_detail_shows_raw_and_adjusted_with_the_panels_severities(qtbot, store, runner, data_dir, english,
                                                                          saved) -> None:
    linked_round(store)
    view = make_view(qtbot, store, runner, data_dir, saved)
    view.open_region("1104")
    detail = view.detail_tab
    model = detail.model
    column = model.beside_column
    assert column > 0 and model.headerData(column, Qt.Orientation.Horizontal) == "Adjusted"
    fit = view.session.view.severity
    by_name = {view.session.consolidation.data.assessors[a.assessor_id].name: a for a in fit.assessors}
    shift = (by_name["Bayu"].severity_levels + by_name["Bela"].severity_levels) / 2
    for row in range(model.rowCount()):
        raw = model.index(row, model.combined_column).data(model_level_role())
        adjusted = model.index(row, column).data(model_level_role())
        code = model.indicator(row).code
        assert raw == pytest.approx(levels("1104", SEVERE)[code])
        assert adjusted == pytest.approx(raw + shift * (4 / 4))  # 1-5 rubric: the median span is 4 levels
        assert model.index(row, column).data()  # shown as text too
    headers = [model.headerData(i + 1, Qt.Orientation.Horizontal) for i in range(2)]
    assert headers[0].startswith("Bayu\n+") and headers[1].startswith("Bela\n+")  # stricter than average
    assert "Raw mean" in detail.heading.text() and "adjusted for assessor severity" in detail.heading.text()
    assert "Bayu +" in detail.heading.text()


def model_level_role() -> int:
    from app.ui.coordinator.detail_model import LEVEL_ROLE

    return int(LEVEL_ROLE)


def test_severity_tab_lists_every_assessor_with_se_fit_and_a_word_for_the_flag(qtbot, store, runner, data_dir,
                                                                                english, saved) -> None:
    from app.ui.coordinator.severity_model import ASSESSOR, FLAG, SEVERITY

    linked_round(store)
    view = make_view(qtbot, store, runner, data_dir, saved)
    tab = view.severity_tab
    view.tabs.setCurrentWidget(tab)
    model = tab.model
    names = [model.index(row, ASSESSOR).data() for row in range(model.rowCount())]
    assert sorted(names) == ["Agus", "Ani", "Bayu", "Bela", "Xena"]
    assert set(names[:2]) == {"Bayu", "Bela"}  # strictest first
    assert all(" ± " in model.index(row, SEVERITY).data() for row in range(model.rowCount()))
    assert all(model.index(row, FLAG).data() for row in range(model.rowCount()))  # a word on every row
    tab.table.setFocus()  # keyboard: the arrows move the selection
    tab.table.selectRow(0)
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    assert tab.table.selectionModel().selectedRows()[0].row() == 1
    assert not tab.refusal.isVisible()


def test_an_unlinked_round_is_refused_with_the_groups_named(qtbot, store, runner, data_dir, english, saved,
                                                            tmp_path) -> None:
    round_id = unlinked_round(store).round_id
    view = make_view(qtbot, store, runner, data_dir, saved)
    tab = view.ranking_tab
    view.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == len(BASE)  # the mean ranks it
    choose_rule(qtbot, view, "adjusted")
    assert tab.rule.currentData() == "adjusted"  # the choice stays: no silent fall back to another rule
    assert tab.model.rowCount() == 0
    text = tab.official.refusal.text()
    assert tab.official.refusal.isVisible() and "refused" in text
    assert "Group 1: Panel A — Agus, Ani (2 regions)" in text and "Group 2: Panel B — Bayu, Bela (2 regions)" in text
    assert not tab.official.make_official.isEnabled() and not tab.csv_button.isEnabled()
    saved.append(tmp_path / "refused.csv")
    view.exports.export("csv")  # even asked directly: refused, nothing written
    assert not (tmp_path / "refused.csv").exists() and "refused" in view.status.text()
    saved.clear()
    view.session.make_official()  # asked directly: nothing to make official
    with store.transaction() as session:
        assert session.get(Round, round_id).aggregation_rule == "mean"
    severity = view.severity_tab
    assert severity.model.rowCount() == 0 and "Group 2: Panel B" in severity.refusal.text()
    assert view.charts_tab.bars._bars == []  # nor a chart of another rule's ranking
    view.open_region("1101")  # region detail still works, without an adjusted column
    assert view.detail_tab.model.beside_column == -1
    assert "not linked" in view.detail_tab.heading.text()
    choose_rule(qtbot, view, "mean")
    assert tab.model.rowCount() == len(BASE) and not tab.official.refusal.isVisible()
    assert len(view.charts_tab.bars._bars) == len(BASE)
