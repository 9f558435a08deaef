"""The window fits the assessor severities only when something shows them: the adjusted rule, the severity tab or
the region detail; the fit is kept per round state, so a moderation or another rule does not refit."""

from __future__ import annotations

import pytest

from app.consolidation import consolidate
from app.consolidation.moderation import moderate
from app.consolidation.severity.cache import SeverityCache
from app.models.moderation import Moderation
from app.ui.coordinator.computed import compute_round, with_severity
from tests.consolidation.test_adjusted_rule import levels, linked_round, unlinked_round
from tests.ui.test_coordinator_severity import choose_rule, make_view

ACTOR = "Koordinator Uji"


def test_the_mean_is_ranked_without_a_fit_and_the_fit_comes_when_asked(store) -> None:
    linked_round(store)
    cache = SeverityCache()
    view = compute_round(store, None, "mean", cache=cache)
    assert not view.fitted and view.severity is None and view.adjusted == {} and cache.fitted == 0
    assert set(view.raw) == {"1101", "1102", "1103", "1104"}  # the mean shown is the raw mean, for free
    completed = with_severity(view, cache)
    assert completed.fitted and completed.severity is not None and cache.fitted == 1
    assert completed.consolidation is view.consolidation  # the ranking is not redone
    assert completed.adjusted["1104"].total == pytest.approx(
        consolidate(store, rule="adjusted").panel("1104").total)
    assert with_severity(completed, cache) is completed  # nothing left to do


def test_a_moderation_or_another_rule_reuses_the_fit_and_a_new_level_refits(store) -> None:
    b = linked_round(store)
    cache = SeverityCache()
    first = compute_round(store, None, "adjusted", cache=cache)
    assert cache.fitted == 1
    assert compute_round(store, None, "median", True, cache).severity == first.severity
    moderate(store, b.round_id, "1101", "S1", 5, "the minutes show a signed regulation", ACTOR)
    after = compute_round(store, None, "adjusted", cache=cache)
    assert cache.fitted == 1  # moderated levels are not observations: same round state
    assert after.consolidation.panel("1101").total != first.consolidation.panel("1101").total  # but ranked anew
    b.assess("1104", "Xena", levels("1104"))  # a new assessment: a new state
    compute_round(store, None, "adjusted", cache=cache)
    assert cache.fitted == 2


def test_an_unlinked_round_is_refused_once_and_the_refusal_kept(store) -> None:
    unlinked_round(store)
    cache = SeverityCache()
    view = compute_round(store, None, "mean", True, cache)
    assert view.fitted and view.severity is None and "2 groups" in view.refusal and cache.fitted == 1
    assert compute_round(store, None, "median", True, cache).refusal == view.refusal and cache.fitted == 1


@pytest.fixture
def saved() -> list:
    return []


def test_the_window_fits_when_a_tab_shows_the_severities(qtbot, store, runner, data_dir, english, saved) -> None:
    b = linked_round(store)
    view = make_view(qtbot, store, runner, data_dir, saved)
    session = view.session
    view.tabs.setCurrentWidget(view.ranking_tab)
    assert view.ranking_tab.model.rowCount() == 4 and session.cache.fitted == 0  # the mean: no fit
    assert session.view.severity is None and not session.severity_wanted

    view.tabs.setCurrentWidget(view.severity_tab)  # Ctrl+7: the severities are fitted now
    assert session.cache.fitted == 1 and session.severity_wanted
    assert view.severity_tab.model.rowCount() == 5 and view.severity_tab.table.isVisible()
    from PySide6.QtWidgets import QHeaderView  # the columns are fitted to the severities that came late

    assert view.severity_tab.table.horizontalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch

    view.open_region("1101")  # a moderation from the region detail: the ranking is redone, the fit kept
    session.moderate("1101", "S1", 5, "the minutes show a signed regulation")
    with store.transaction() as s:
        assert s.get(Moderation, (b.round_id, "1101", "S1")).level == 5
    assert session.cache.fitted == 1 and session.view.severity is not None
    assert view.detail_tab.model.beside_column > 0  # adjusted beside, without a second fit

    view.tabs.setCurrentWidget(view.ranking_tab)
    choose_rule(qtbot, view, "median")  # no tab shows them: not fitted, not even from the cache
    assert session.view.consolidation.rule.value == "median" and not session.view.fitted
    choose_rule(qtbot, view, "adjusted")  # the adjusted rule needs them: from the cache
    assert session.view.severity is not None and session.cache.fitted == 1
