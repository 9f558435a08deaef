"""Colours people can read: WCAG 2.1 contrast ratios, the palette tuned to AA, and a high-contrast one.

Text needs 4.5:1 against its ground, graphics that carry meaning (a chart's outline, its grid)
3:1 (WCAG 2.1 AA, 1.4.3 and 1.4.11). The system palette is taken as it is except where it falls
short - placeholder and other secondary text are darkened (lightened on a dark ground) just
enough. The high-contrast palette is black on white (white on black for a dark system).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

TEXT = 4.5  # WCAG 2.1 AA, normal text
GRAPHIC = 3.0  # WCAG 2.1 AA, non-text contrast

_R = QPalette.ColorRole
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)  # disabled text is exempt (WCAG 1.4.3)


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""
    return 0.2126 * _channel(colour.redF()) + 0.7152 * _channel(colour.greenF()) + 0.0722 * _channel(colour.blueF())


def over(colour: QColor, ground: QColor) -> QColor:
    """``colour`` as it shows painted over an opaque ``ground`` (a translucent pen blends in)."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(*(alpha * a + (1 - alpha) * b for a, b in (
        (colour.redF(), ground.redF()), (colour.greenF(), ground.greenF()), (colour.blueF(), ground.blueF()))))


def ratio(foreground: QColor, background: QColor) -> float:
    """The WCAG contrast ratio, 1 to 21, of ``foreground`` (blended if translucent) on ``background``."""
    lighter, darker = sorted((luminance(over(foreground, background)), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def is_dark(palette: QPalette) -> bool:
    return palette.color(_R.Window).lightness() < 128


def readable(colour: QColor, grounds: tuple[QColor, ...], minimum: float = TEXT) -> QColor:
    """``colour`` if it reaches ``minimum`` on every ground, else the nearest shade of it that does:
    towards black on light grounds, towards white on dark ones (its hue and opacity dropped)."""
    if all(ratio(colour, ground) >= minimum for ground in grounds):
        return colour
    white, black = QColor(255, 255, 255), QColor(0, 0, 0)
    first = white if sum(g.lightness() for g in grounds) < 128 * len(grounds) else black
    shown = over(colour, grounds[0])
    for target in (first, black if first == white else white):
        for step in range(1, 21):
            t = step / 20
            candidate = QColor.fromRgbF(*((1 - t) * a + t * b for a, b in (
                (shown.redF(), target.redF()), (shown.greenF(), target.greenF()), (shown.blueF(), target.blueF()))))
            if all(ratio(candidate, ground) >= minimum for ground in grounds):
                return candidate
    return max((white, black), key=lambda c: min(ratio(c, ground) for ground in grounds))


def tuned(palette: QPalette) -> QPalette:
    """The palette with its secondary text (placeholder) readable on both the window and the fields."""
    result = QPalette(palette)
    for group in _GROUPS:
        grounds = (palette.color(group, _R.Base), palette.color(group, _R.Window),
                   palette.color(group, _R.AlternateBase))
        result.setColor(group, _R.PlaceholderText, readable(palette.color(group, _R.PlaceholderText), grounds))
        # a selected row: the highlight darkened (or lightened) under its text rather than the text changed
        result.setColor(group, _R.Highlight, readable(palette.color(group, _R.Highlight),
                                                      (palette.color(group, _R.HighlightedText),)))
        for role, ground in ((_R.Text, _R.Base), (_R.WindowText, _R.Window), (_R.ButtonText, _R.Button),
                             (_R.ToolTipText, _R.ToolTipBase)):
            result.setColor(group, role, readable(palette.color(group, role), (palette.color(group, ground),)))
        # Mid draws the outlines of cards and charts: a graphic that has to be seen
        result.setColor(group, _R.Mid, readable(palette.color(group, _R.Mid), grounds[:2], GRAPHIC))
    return result


def high_contrast(dark: bool) -> QPalette:
    """Black and white with a strong highlight; dark keeps the system's light-on-dark choice."""
    ink, paper = (QColor(255, 255, 255), QColor(0, 0, 0)) if dark else (QColor(0, 0, 0), QColor(255, 255, 255))
    highlight = QColor(255, 215, 0) if dark else QColor(0, 0, 160)
    palette = QPalette()
    for role, colour in ((_R.Base, paper), (_R.AlternateBase, paper), (_R.Window, paper), (_R.Button, paper),
                         (_R.Text, ink), (_R.WindowText, ink), (_R.ButtonText, ink), (_R.PlaceholderText, ink),
                         (_R.Highlight, highlight), (_R.HighlightedText, paper if dark else ink.lighter()),
                         (_R.ToolTipBase, paper), (_R.ToolTipText, ink), (_R.Mid, ink), (_R.Dark, ink),
                         (_R.Link, highlight if dark else QColor(0, 0, 200))):
        palette.setColor(role, colour)
    palette.setColor(_R.HighlightedText, QColor(0, 0, 0) if dark else QColor(255, 255, 255))
    disabled = QColor(160, 160, 160) if dark else QColor(90, 90, 90)
    for role in (_R.Text, _R.WindowText, _R.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


_system: QPalette | None = None
_high = False


def apply(high: bool) -> QPalette:
    """Give the application the tuned system palette, or the high-contrast one; returns it."""
    global _system, _high
    if _system is None:  # the system's own, remembered before the first change
        _system = QPalette(QGuiApplication.palette())
    _high = high
    palette = high_contrast(is_dark(_system)) if high else tuned(_system)
    QGuiApplication.setPalette(palette)
    return palette


def system_palette() -> QPalette:
    """The palette the system (its theme, light or dark) gives now, under the one set by :func:`apply`:
    an empty palette set on the application is filled in from the theme's."""
    QGuiApplication.setPalette(QPalette())
    return QPalette(QGuiApplication.palette())


def follow_system(system: QPalette) -> QPalette:
    """The system's theme changed to ``system``: tune it again (or high contrast, light or dark as it now is)."""
    global _system
    _system = QPalette(system)
    return apply(_high)


def text_shades(palette: QPalette) -> dict[str, tuple[QColor, QColor]]:
    """Every (text, ground) pair of the palette that shows text, for the contrast test."""
    pairs: dict[str, tuple[QColor, QColor]] = {}
    for group in _GROUPS:
        name = group.name
        for text, ground in ((_R.Text, _R.Base), (_R.Text, _R.AlternateBase), (_R.WindowText, _R.Window),
                             (_R.ButtonText, _R.Button), (_R.HighlightedText, _R.Highlight),
                             (_R.PlaceholderText, _R.Base), (_R.PlaceholderText, _R.Window),
                             (_R.ToolTipText, _R.ToolTipBase)):
            pairs[f"{name} {text.name} on {ground.name}"] = (palette.color(group, text), palette.color(group, ground))
    return pairs
