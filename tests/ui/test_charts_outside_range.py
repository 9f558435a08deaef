"""Adjusted panel scores can lie outside 0-100 (docs/ranking-method.md §9.4): the ranking bars, the region radar and
the histogram widen their axis to hold them, neither clipping nor mislabelling, and say so to a screen reader."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF, QSize

from app.consolidation import consolidate
from tests.consolidation.builders import RoundBuilder, three_dimensions


@pytest.fixture
def stretched(store):
    """Lenient panel A gives 1101 the lowest level everywhere, severe panel B gives 1104 the highest; Xena links them.
    Adjusted, 1104 lies above 100 and 1101 below 0."""
    b = RoundBuilder(store, three_dimensions(), ["1101", "1102", "1103", "1104"], sizes=(2,))
    b.panel("Panel A", ["1101", "1102"], ["Ani", "Agus"])
    b.panel("Panel B", ["1103", "1104"], ["Bayu", "Bela"])
    for name in ("Ani", "Agus"):
        b.assess_all("1101", name, 1)
        b.assess_all("1102", name, 4)
    for name in ("Bayu", "Bela"):
        b.assess_all("1103", name, 2)
        b.assess_all("1104", name, 5)
    b.assess_all("1102", "Xena", 4)
    b.assess_all("1103", "Xena", 4)
    c = consolidate(store, rule="adjusted")
    totals = {r.region.code: r.total for r in c.ranking}
    assert totals["1104"] > 100 and totals["1101"] < 0
    return c


def test_the_ranking_bars_reach_beyond_0_and_100(qtbot, stretched, english) -> None:
    from app.ui.charts.ranking import RankingBarChart, bar_colour

    chart = RankingBarChart()
    qtbot.addWidget(chart)
    chart.set_consolidation(stretched)
    low, high = chart.value_range()
    top, bottom = stretched.ranking[0], stretched.ranking[-1]
    assert low <= bottom.total < 0 < 100 < top.total <= high and (low, high) == (-20.0, 130.0)
    description = chart.accessibleDescription()
    assert "panel scores from -20.00 to 130.00" in description and "axis runs from -20 to 130" in description
    image = chart.render_image(QSize(600, 360))
    plot, n = chart._plot, len(chart.bars())
    for index, ranked, far, near in ((0, top, top.total, 100.0), (n - 1, bottom, bottom.total, 0.0)):
        x = int(plot.left() + (index + 0.5) * plot.width() / n)
        inside = int((chart.y_of(far) + chart.y_of(near)) / 2)  # between the 0-100 edge and the bar's end
        assert image.pixelColor(x, inside).rgb() == bar_colour(ranked).rgb()
        beyond = int(chart.y_of(far) + (-3 if far > 100 else 3))
        assert image.pixelColor(x, beyond).rgb() != bar_colour(ranked).rgb()  # and it ends at its score
    assert chart.y_of(0.0) < chart.y_of(bottom.total)  # a negative bar hangs below the zero line


def test_the_radar_puts_a_negative_score_on_its_own_axis(qtbot, stretched, english) -> None:
    from app.ui.charts.radar import RegionRadarChart

    chart = RegionRadarChart()
    qtbot.addWidget(chart)
    chart.set_region(stretched, "1101")
    low, high = chart.value_range()
    assert low < 0 and high >= 100
    assert all(value < 0 for _label, value, _median in chart.axes())
    assert "the scale runs from -" in chart.accessibleDescription()
    centre = QPointF(100, 100)
    for axis, (_label, value, _median) in enumerate(chart.axes()):
        point, rim = chart._point(centre, 50, axis, value), chart._point(centre, 50, axis, high)
        # on the axis's own side of the centre (the same direction as its rim), nearer than 0 would be
        assert (point.x() - 100) * (rim.x() - 100) + (point.y() - 100) * (rim.y() - 100) >= 0
        assert math.dist((point.x(), point.y()), (100, 100)) < math.dist(
            (chart._point(centre, 50, axis, 0.0).x(), chart._point(centre, 50, axis, 0.0).y()), (100, 100))
    chart.render_image(QSize(480, 300))  # paints without error at the widened scale


def test_the_histogram_has_bins_for_them(qtbot, stretched, english) -> None:
    from app.ui.charts.histogram import ScoreHistogram

    chart = ScoreHistogram()
    qtbot.addWidget(chart)
    chart.set_consolidation(stretched)
    low, high = chart.value_range()
    assert (low, high) == (-20.0, 130.0) and len(chart.bins()) == 30
    assert chart.bins()[0] == 1 and chart.bins()[-1] == 1 and sum(chart.bins()) == 4  # -20 first, 130 last
    description = chart.accessibleDescription()
    assert description.startswith("-20–-15: 1") and "125–130: 1" in description and "outside 0–100" in description
    chart.render_image(QSize(480, 300))


def test_the_charts_tab_under_the_adjusted_rule(qtbot, store, runner, data_dir, english, stretched) -> None:
    from tests.ui.test_coordinator_severity import choose_rule, make_view

    view = make_view(qtbot, store, runner, data_dir, [])
    view.tabs.setCurrentWidget(view.charts_tab)
    assert view.charts_tab.bars.value_range() == (0.0, 100.0)  # the mean stays within 0-100
    choose_rule(qtbot, view, "adjusted")
    assert view.charts_tab.bars.value_range() == (-20.0, 130.0)
    view.open_region("1104")
    assert view.charts_tab.radar.value_range()[1] == 130.0
