"""A new user runs `nilai demo` and opens the coordinator: choosing the adjusted rule says how many regions it brings
onto and takes off each shortlist; a region it moved says where the raw mean and the adjustment place it, which
cut-off it crossed and why (its panel's severity); the severity tab says the same in numbers. Checked against the
store's own consolidations, in both languages."""

from __future__ import annotations

import shutil

import pytest

from app.consolidation import consolidate
from tests.ui.test_coordinator_severity import choose_rule


@pytest.fixture
def demo_store(tmp_path, coordinator_demo_dir):
    from app.store import open_store

    data = tmp_path / "coordinator"
    shutil.copytree(coordinator_demo_dir, data)
    store = open_store(data)
    yield store
    store.close()


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_demo_shows_the_adjustment_change_the_shortlist_and_why(qtbot, runner, demo_store, lang) -> None:
    from app.ui import i18n
    from app.ui.coordinator.view import CoordinatorView

    store = demo_store
    raw, adjusted = consolidate(store, rule="mean"), consolidate(store, rule="adjusted")
    expected = []
    for size in adjusted.shortlist_sizes:
        was, now = set(raw.cut(size).selected), set(adjusted.cut(size).selected)
        expected.append((size, len(now - was), len(was - now)))
    assert any(moved_in for _size, moved_in, _out in expected), "the demo's adjustment changes a shortlist"
    i18n.install(lang)
    try:
        view = CoordinatorView(store, runner, store.data_dir, lang, actor="Dewi Lestari")
        qtbot.addWidget(view)
        view.resize(1366, 768)
        view.show()
        view.start()
        tab = view.ranking_tab
        view.tabs.setCurrentWidget(tab)
        assert "⇅" not in tab.cuts.text()  # the mean shown: nothing to compare yet
        choose_rule(qtbot, view, "adjusted")
        words = ("{0} teratas: {1} masuk, {2} keluar" if lang == "id" else "top {0}: {1} in, {2} out")
        for size, moved_in, moved_out in expected:
            assert words.format(size, moved_in, moved_out) in tab.cuts.text()

        size = min(adjusted.shortlist_sizes)
        out = next(r for r in raw.ranking if r.on_shortlist(size) == "yes"
                   and r.region.code not in adjusted.cut(size).selected)
        view.open_region(out.region.code)
        heading = view.detail_tab.heading.text()
        new_rank = next(r.rank for r in adjusted.ranking if r.region.code == out.region.code)
        said = ("Menurut rata-rata asli peringkat <b>{0}</b>, setelah disesuaikan peringkat <b>{1}</b>" if lang == "id"
                else "By the raw mean rank <b>{0}</b>, adjusted rank <b>{1}</b>")
        assert said.format(out.rank, new_rank) in heading
        off = f"mengeluarkannya dari {size} teratas" if lang == "id" else f"takes it off the top {size}"
        assert off in heading
        fit = adjusted.severity
        panel = [fit.assessor(a).severity for a in adjusted.panel(out.region.code).assessor_ids]
        lenient = sum(panel) / len(panel) < 0
        why = {("en", True): "more leniently than the round's average assessor",
               ("en", False): "more strictly than the round's average assessor",
               ("id", True): "lebih longgar daripada penilai rata-rata", ("id", False): "lebih ketat daripada penilai"}
        assert why[(lang, lenient)] in heading

        view.tabs.setCurrentWidget(view.severity_tab)
        summary = view.severity_tab.summary.text()
        for size, moved_in, moved_out in expected:
            assert words.format(size, moved_in, moved_out) in summary
    finally:
        i18n.uninstall()
