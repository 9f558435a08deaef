"""Colours that can be read (WCAG 2.1 AA: 4.5:1 for text, 3:1 for graphics), light and dark, and the
high-contrast choice in Settings, kept in the store."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QStyleFactory

from app.store import settings
from app.ui.widgets import contrast
from app.ui.widgets import status as st
from app.ui.widgets.contrast import GRAPHIC, TEXT, ratio, readable

R = QPalette.ColorRole


def light() -> QPalette:
    """Fusion's light palette, with the grey placeholder the issue measured at 4.0:1."""
    style = QStyleFactory.create("Fusion")
    palette = QPalette(style.standardPalette())
    palette.setColor(R.PlaceholderText, QColor("#808080"))
    return palette


def dark() -> QPalette:
    """A typical dark desktop palette (Breeze Dark-like), its highlight 1.7:1 against the ground."""
    palette = QPalette()
    for role, colour in ((R.Window, "#31363b"), (R.WindowText, "#eff0f1"), (R.Base, "#232629"),
                         (R.AlternateBase, "#31363b"), (R.Text, "#eff0f1"), (R.Button, "#31363b"),
                         (R.ButtonText, "#eff0f1"), (R.Highlight, "#3d5a80"), (R.HighlightedText, "#eff0f1"),
                         (R.PlaceholderText, "#6e7175"), (R.Mid, "#3b4045"), (R.ToolTipBase, "#31363b"),
                         (R.ToolTipText, "#eff0f1")):
        palette.setColor(role, QColor(colour))
    return palette


def test_the_ratio_is_the_wcag_one() -> None:
    assert ratio(QColor("black"), QColor("white")) == pytest.approx(21)
    assert ratio(QColor("#bebebe"), QColor("white")) == pytest.approx(1.86, abs=0.01)  # "No evidence attached"
    assert ratio(QColor("#777777"), QColor("#efefef")) == pytest.approx(3.89, abs=0.01)  # grey secondary text
    translucent = QColor(0, 0, 0, 128)  # drawn over white it is mid grey
    assert ratio(translucent, QColor("white")) == pytest.approx(ratio(QColor(127, 127, 127), QColor("white")), abs=0.05)


def test_readable_keeps_a_good_colour_and_mends_a_weak_one() -> None:
    white, black = QColor("white"), QColor("black")
    assert readable(QColor("#333333"), (white,)) == QColor("#333333")
    mended = readable(QColor("#bebebe"), (white,))
    assert ratio(mended, white) >= TEXT and mended.lightness() < QColor("#bebebe").lightness()
    assert ratio(readable(QColor("#3d5a80"), (QColor("#232629"),), GRAPHIC), QColor("#232629")) >= GRAPHIC
    assert ratio(readable(QColor("#202020"), (black,)), black) >= TEXT  # lighter on a dark ground


@pytest.mark.parametrize("system", [light, dark], ids=["light", "dark"])
def test_every_text_colour_of_the_tuned_palette_reads(system) -> None:
    palette = contrast.tuned(system())
    weak = {name: round(ratio(text, ground), 2) for name, (text, ground) in contrast.text_shades(palette).items()
            if ratio(text, ground) < TEXT}
    assert weak == {}
    for ground in (R.Base, R.Window):  # card and chart outlines
        assert ratio(palette.color(R.Mid), palette.color(ground)) >= GRAPHIC
    # the warning words of a level that still needs something, and the radar's outline
    assert ratio(readable(st.WARNING, (palette.color(R.Base), palette.color(R.Window))), palette.color(R.Window)) >= TEXT
    assert ratio(readable(palette.color(R.Highlight), (palette.color(R.Base),), GRAPHIC), palette.color(R.Base)) >= GRAPHIC


def test_the_system_palettes_fell_short_before_tuning() -> None:
    """The measurements of the issue, so the test above proves a change and not a lucky palette."""
    assert ratio(light().color(R.PlaceholderText), light().color(R.Window)) < TEXT
    assert ratio(dark().color(R.Highlight), dark().color(R.Base)) < GRAPHIC
    assert ratio(dark().color(R.Mid), dark().color(R.Base)) < GRAPHIC


@pytest.mark.parametrize("is_dark", [False, True], ids=["light", "dark"])
def test_high_contrast_reaches_seven_to_one(is_dark) -> None:
    palette = contrast.high_contrast(is_dark)
    assert contrast.is_dark(palette) == is_dark
    assert {name: round(ratio(t, g), 2) for name, (t, g) in contrast.text_shades(palette).items() if ratio(t, g) < 7} == {}


def test_high_contrast_is_chosen_in_settings_and_kept(qtbot, main_window, store) -> None:
    before = QPalette(QGuiApplication.palette())
    settings_menu = next(a.menu() for a in main_window.menuBar().actions() if a.text() == "&Settings")
    action = next(a for a in settings_menu.actions() if a.text() == "&High contrast")
    assert action.isCheckable() and not action.isChecked()
    try:
        action.trigger()
        assert settings.read(store, settings.HIGH_CONTRAST) == "1"
        palette = QGuiApplication.palette()
        assert ratio(palette.color(R.WindowText), palette.color(R.Window)) >= 7  # at once, no restart
        action.trigger()
        assert settings.read(store, settings.HIGH_CONTRAST) is None
        palette = QGuiApplication.palette()
        assert ratio(palette.color(R.PlaceholderText), palette.color(R.Base)) >= TEXT
    finally:
        QGuiApplication.setPalette(before)


def test_no_evidence_attached_is_readable(qtbot, tmp_path) -> None:
    from app.ui.interview.evidence_list import EvidenceList

    evidence = EvidenceList(tmp_path)
    qtbot.addWidget(evidence)
    evidence.setPalette(contrast.tuned(light()))
    evidence.set_evidence((), read_only=False)
    item = evidence.list.item(0)
    assert item.text() == "No evidence attached"
    assert ratio(item.foreground().color(), evidence.list.palette().color(R.Base)) >= TEXT
    evidence.setPalette(contrast.high_contrast(dark=True))  # the placeholder follows a palette change
    assert item.foreground().color() == QColor("white")


@pytest.mark.parametrize("palette", [lambda: light(), lambda: dark(), lambda: contrast.high_contrast(False),
                                     lambda: contrast.high_contrast(True)],
                         ids=["light", "dark", "high-contrast", "high-contrast-dark"])
def test_the_bar_charts_grid_and_axis_labels_are_seen(qtbot, palette) -> None:
    """The ranking and histogram's grid lines (3:1) and axis labels (4.5:1) against the chart's ground."""
    from app.ui.charts.histogram import ScoreHistogram
    from app.ui.charts.ranking import RankingBarChart

    for chart in (RankingBarChart(), ScoreHistogram()):
        qtbot.addWidget(chart)
        chart.setPalette(palette())
        ground = chart.background()
        assert ratio(chart.grid_colour(), ground) >= GRAPHIC
        assert ratio(chart.muted_colour(), ground) >= TEXT
        # lighter than the text, so the bars and labels still stand out from the grid
        assert ratio(chart.grid_colour(), ground) <= ratio(chart.text_colour(), ground)


def test_the_old_faint_grid_fell_short() -> None:
    """Text colour at alpha 45, the grid before: under 3:1 in light and dark, so the test above proves a change."""
    for system in (light(), dark()):
        faint = QColor(system.color(R.WindowText))
        faint.setAlpha(45)
        assert ratio(faint, system.color(R.Base)) < GRAPHIC


def test_the_system_palette_is_read_again_under_the_tuned_one(qtbot) -> None:
    """What the theme gives comes back from under the palette Nilai set (not Nilai's own colours)."""
    before = QPalette(QGuiApplication.palette())
    try:
        theme = contrast.system_palette()
        QGuiApplication.setPalette(contrast.high_contrast(dark=True))
        assert QGuiApplication.palette().color(R.Window) == QColor("black")
        again = contrast.system_palette()
        assert again.color(R.Window) == theme.color(R.Window) and again.color(R.Text) == theme.color(R.Text)
    finally:
        QGuiApplication.setPalette(before)


@pytest.mark.parametrize("high", [False, True], ids=["tuned", "high-contrast"])
def test_the_palette_follows_the_system_from_light_to_dark_while_running(qtbot, main_window, store, high) -> None:
    """The offscreen theme never changes, so the follower is given the system's new palette; the events are
    the ones Qt sends when a desktop switches (ThemeChange to the windows, colorSchemeChanged)."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt

    before, remembered = QPalette(QGuiApplication.palette()), contrast._system
    follower = main_window.theme
    system = [light()]
    follower.read_system = lambda: QPalette(system[0])
    try:
        if high:
            main_window.set_high_contrast(True)
        follower.recompute()
        palette = QGuiApplication.palette()
        assert not contrast.is_dark(palette)
        system[0] = dark()  # the desktop switches to dark
        changes = follower.changes
        for _ in range(3):  # one event per window: worked out once
            QCoreApplication.sendEvent(main_window, QEvent(QEvent.Type.ThemeChange))
        qtbot.waitUntil(lambda: follower.changes == changes + 1)
        qtbot.wait(5)
        assert follower.changes == changes + 1
        palette = QGuiApplication.palette()
        assert contrast.is_dark(palette)
        weak = {n: round(ratio(t, g), 2) for n, (t, g) in contrast.text_shades(palette).items()
                if ratio(t, g) < (7 if high else TEXT)}
        assert weak == {}  # dark text on the new dark ground would read 1:1
        assert ratio(palette.color(R.Mid), palette.color(R.Base)) >= GRAPHIC
        system[0] = light()  # and back, through the light/dark hint alone
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
        qtbot.waitUntil(lambda: not contrast.is_dark(QGuiApplication.palette()))
        palette = QGuiApplication.palette()
        assert ratio(palette.color(R.PlaceholderText), palette.color(R.Base)) >= TEXT
        assert (palette.color(R.Window) == QColor("white")) == high  # high contrast stays chosen, now light again
    finally:
        if high:
            main_window.set_high_contrast(False)
        contrast._system = remembered  # the tests after this one start from the same system palette
        QGuiApplication.setPalette(before)
