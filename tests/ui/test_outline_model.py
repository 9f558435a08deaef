"""The instrument outline model: dimensions → indicators with marks and progress, no view needed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.assessments.scoring import Mark
from app.ui.interview.outline_model import (
    COL_MARK,
    COL_TITLE,
    CodeRole,
    KindRole,
    OutlineModel,
    ProgressRole,
    ScoredRole,
    UnmetRole,
)


@pytest.fixture
def model(qapp, qtmodeltester, small_instrument) -> OutlineModel:
    m = OutlineModel()
    m.set_instrument(small_instrument, "en", {"A-1": Mark(3), "B-1": Mark(None, True)})
    qtmodeltester.check(m)
    return m


def test_dimensions_then_indicators(model: OutlineModel) -> None:
    assert model.rowCount() == 2
    a = model.index(0, COL_TITLE)
    assert a.data() == "Dimension A" and a.data(KindRole) == "dimension" and a.data(CodeRole) == "A"
    assert model.rowCount(a) == 3
    assert a.siblingAtColumn(COL_MARK).data() == "1/3" and a.data(ProgressRole) == (1, 3)
    first = model.index(0, COL_TITLE, a)
    assert first.data() == "A-1  Indicator A-1" and first.data(ScoredRole) is True
    assert first.siblingAtColumn(COL_MARK).data() == "3"
    assert model.index(1, COL_MARK, a).data() == "–"
    b1 = model.index(0, COL_MARK, model.index(1, 0))
    assert b1.data() == "N/A"
    assert model.index(2, COL_TITLE, a).data(Qt.ItemDataRole.ToolTipRole) == "A-3 Indicator A-3 (optional) — no level"
    assert model.parent(first) == a
    assert model.indicator_codes() == ["A-1", "A-2", "A-3", "B-1"]


def test_indicator_lookup_round_trips(model: OutlineModel) -> None:
    for code in model.indicator_codes():
        index = model.indicator_index(code)
        assert index.data(CodeRole) == code
        assert model.indicator_at(index).code == code
    assert not model.indicator_index("nope").isValid()


def test_new_marks_announce_only_changed_rows(model: OutlineModel) -> None:
    changed = []
    model.dataChanged.connect(lambda top, bottom, roles=(): changed.append(top.data(CodeRole)))
    codes = model.set_marks({"A-1": Mark(3), "A-2": Mark(5), "B-1": Mark(None, True)})
    assert codes == ["A-2"]
    assert changed == ["A-2", "A"]
    assert model.index(0, COL_MARK).data() == "2/3"


def test_bahasa_indonesia_titles(qapp, small_instrument) -> None:
    model = OutlineModel()
    model.set_instrument(small_instrument, "id")
    assert model.index(0, 0).data() == "Dimensi A"
    assert model.indicator_index("A-2").data() == "A-2  Indikator A-2"


def test_what_a_chosen_level_still_needs_shows_in_the_row_its_tooltip_and_its_spoken_name(
        model: OutlineModel) -> None:
    from app.ui.widgets import status as st

    changed = []
    model.dataChanged.connect(lambda top, bottom, roles=(): changed.append(top.data(CodeRole)))
    marks = {"A-1": Mark(3), "A-2": Mark(5), "B-1": Mark(None, True)}
    model.set_marks(marks)
    changed.clear()
    assert model.set_marks(marks, {"A-2": ("needs_note", "needs_evidence")}) == ["A-2"], "the mark stayed, the needs came"
    a2 = model.indicator_index("A-2")
    assert a2.data() == "A-2  Indicator A-2 — needs a note, needs evidence"
    assert a2.data(UnmetRole) == ("needs_note", "needs_evidence")
    assert a2.data(Qt.ItemDataRole.ToolTipRole) == "A-2 Indicator A-2 — level 5 — needs a note, needs evidence"
    assert a2.data(Qt.ItemDataRole.AccessibleTextRole) == a2.data(Qt.ItemDataRole.ToolTipRole)
    assert a2.siblingAtColumn(COL_MARK).data(Qt.ItemDataRole.AccessibleTextRole) == "level 5"
    amber = st.status_icon(st.DRAFT).pixmap(16).toImage()
    assert a2.data(Qt.ItemDataRole.DecorationRole).pixmap(16).toImage() == amber
    model.set_marks(marks, {"A-2": ("needs_evidence",)})  # the note was written
    assert a2.data() == "A-2  Indicator A-2 — needs evidence"
    model.set_marks(marks, {})  # and the evidence attached
    assert a2.data() == "A-2  Indicator A-2"
    assert a2.data(Qt.ItemDataRole.DecorationRole).pixmap(16).toImage() == st.status_icon(st.FINAL).pixmap(16).toImage()
