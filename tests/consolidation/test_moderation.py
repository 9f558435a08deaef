"""Moderation: set, change, clear, always with a reason, always logged; originals stay visible."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from app.consolidation import (
    ModerationError,
    clear_moderation,
    consolidate,
    list_moderations,
    moderation_history,
    set_moderation,
)
from app.consolidation.moderation import chain_id
from app.models.tables import ChangeLogEntry
from app.store.changelog import verify_chain
from tests.consolidation.test_panel_scores import build

COORDINATOR = "Rina Koordinator <197001011995032001>"


def test_moderated_level_replaces_the_combination(any_store) -> None:
    builder = build(any_store)
    # S2 was 4, 4, 1 (mean 3, flagged). The coordinator settles it at 2.
    info = set_moderation(any_store, builder.round_id, "3325", "S2", 2, "Bukti dokumen hanya mendukung tingkat 2",
                          COORDINATOR)
    assert (info.level, info.actor, info.reason) == (2, COORDINATOR, "Bukti dokumen hanya mendukung tingkat 2")
    result = consolidate(any_store)
    panel = result.panel("3325")
    s2 = panel.indicator("S2")
    assert (s2.combined, s2.moderated, s2.used, s2.normalised) == (3.0, 2, 2.0, 25.0)
    assert s2.flagged and s2.spread == 3  # the spread is of the originals, which stay visible
    assert sorted(panel.indicator_levels("S2")) == [1, 4, 4]
    # STR = .6*75 + .4*25 = 55; total = .40*55 + .35*60.416667 + .25*16.666667 = 47.3125
    assert panel.dimension("STR").score == pytest.approx(55.0)
    assert panel.total == pytest.approx(47.3125)
    assert panel.moderated_indicators == ("S2",)
    assert result.ranking[0].moderated_indicators == ("S2",)


def test_every_change_is_logged_and_the_chain_verifies(any_store) -> None:
    builder = build(any_store)
    rid = builder.round_id
    set_moderation(any_store, rid, "3325", "S2", 2, "first look", COORDINATOR)
    set_moderation(any_store, rid, "3325", "S2", 2, "same level again", COORDINATOR)  # no change, not logged
    set_moderation(any_store, rid, "3325", "S2", 3, "second look after the evidence", "Other <1>")
    assert [m.level for m in list_moderations(any_store, rid)] == [3]
    assert clear_moderation(any_store, rid, "3325", "S2", "panel level stands", COORDINATOR) is True
    assert clear_moderation(any_store, rid, "3325", "S2", "again", COORDINATOR) is False
    assert list_moderations(any_store, rid) == []
    assert consolidate(any_store).panel("3325").indicator("S2").used == 3.0  # back to the mean

    history = moderation_history(any_store, rid)
    assert [(e.region_code, e.indicator_code, e.old_level, e.new_level, e.reason, e.actor) for e in history] == [
        ("3325", "S2", None, 2, "first look", COORDINATOR),
        ("3325", "S2", 2, 3, "second look after the evidence", "Other <1>"),
        ("3325", "S2", 3, None, "panel level stands", COORDINATOR),
    ]
    assert all(e.at for e in history)
    with any_store.transaction() as session:
        assert verify_chain(session, chain_id(rid)) == []
        entries = session.exec(select(ChangeLogEntry).where(ChangeLogEntry.chain_id == chain_id(rid))).all()
        assert {e.field for e in entries} == {"moderation"}
        assert json.loads(entries[0].new) == {"level": 2, "region": "3325"}
        # tampering with a logged reason breaks the chain
        entries[0].reason = "edited later"
        session.add(entries[0])
        session.flush()
        assert verify_chain(session, chain_id(rid))


@pytest.mark.parametrize(("region", "indicator", "level", "reason", "actor", "message"), [
    ("3325", "S2", 2, "  ", COORDINATOR, "needs a reason"),
    ("3325", "S2", 2, "ok", "", "actor"),
    ("3325", "S2", 6, "ok", COORDINATOR, "outside 1..5"),
    ("3325", "S2", 0, "ok", COORDINATOR, "outside 1..5"),
    ("3325", "XX", 2, "ok", COORDINATOR, "no indicator 'XX'"),
    ("6303", "S2", 2, "ok", COORDINATOR, "not a candidate"),
])
def test_refused_moderations_change_nothing(any_store, region, indicator, level, reason, actor, message) -> None:
    builder = build(any_store)
    with pytest.raises(ModerationError, match=message):
        set_moderation(any_store, builder.round_id, region, indicator, level, reason, actor)
    assert list_moderations(any_store, builder.round_id) == []
    assert moderation_history(any_store, builder.round_id) == []


def test_clearing_needs_a_reason_too(any_store) -> None:
    builder = build(any_store)
    set_moderation(any_store, builder.round_id, "3325", "S1", 5, "ok", COORDINATOR)
    with pytest.raises(ModerationError, match="reason"):
        clear_moderation(any_store, builder.round_id, "3325", "S1", "", COORDINATOR)
    assert len(list_moderations(any_store, builder.round_id)) == 1


def test_a_calibration_case_cannot_be_moderated(any_store) -> None:
    from tests.consolidation.test_calibration_view import calibrated_round

    b, code = calibrated_round(any_store)
    with pytest.raises(ModerationError) as refused:
        set_moderation(any_store, b.round_id, code, "S1", 2, "Bukti kurang", COORDINATOR)
    message = str(refused.value)
    assert f"{code} is a calibration case" in message and "never ranked" in message and "\n" not in message
    with pytest.raises(ModerationError, match="calibration case"):
        clear_moderation(any_store, b.round_id, code, "S1", "Bukti kurang", COORDINATOR)
    assert list_moderations(any_store, b.round_id) == [] and moderation_history(any_store, b.round_id) == []
