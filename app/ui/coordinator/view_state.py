"""What the coordinator was looking at, kept across a rebuild of the windows (a language switch builds
every window again in the new language): the round, the tab, the region in detail, the filters, and
where the window stood."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray

from app.ui.coordinator.view import CoordinatorView


@dataclass(frozen=True)
class ViewState:
    round_id: str | None
    tab: int
    region_code: str | None
    ranking_search: str
    coverage_search: str
    incomplete_only: bool
    geometry: QByteArray | None = None


def capture(view: CoordinatorView) -> ViewState:
    window = view.window()
    return ViewState(view.round.currentData(), view.tabs.currentIndex(), view.detail_tab.region_code,
                     view.ranking_tab.search.text(), view.coverage_tab.search.text(),
                     view.coverage_tab.incomplete.isChecked(),
                     window.saveGeometry() if window is not view else None)


def restore(view: CoordinatorView, state: ViewState) -> None:
    """Apply ``state`` to a freshly started view (its rounds read); a round gone since is left as started."""
    if state.geometry is not None and view.window() is not view:
        view.window().restoreGeometry(state.geometry)
    index = view.round.findData(state.round_id) if state.round_id else -1
    if index >= 0 and index != view.round.currentIndex():
        view.round.setCurrentIndex(index)
        view.set_round(state.round_id)
    view.ranking_tab.search.setText(state.ranking_search)
    view.coverage_tab.search.setText(state.coverage_search)
    view.coverage_tab.incomplete.setChecked(state.incomplete_only)
    if state.region_code:
        if view.session.consolidation is None:
            view.detail_tab.region_code = state.region_code  # shown once the ranking is computed
        else:
            view.detail_tab.show_region(state.region_code)
    if 0 <= state.tab < view.tabs.count():
        view.tabs.setCurrentIndex(state.tab)
