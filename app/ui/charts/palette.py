"""Colours shared by the coordinator's charts and tables, readable on light and dark palettes.

Accents are mid-tone (neither very light nor very dark), so they stand out on a white and on a
near-black background alike; text, grid and axes take the widget palette's own roles.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

# One colour per shortlist cut-off, in the round's order (largest shortlist first: 75, then 50).
CUT_COLOURS = (QColor(52, 120, 220), QColor(224, 120, 30), QColor(150, 90, 200), QColor(40, 160, 150))
WARNING = QColor(214, 69, 65)
IN_ALL = QColor(52, 120, 220)  # on every shortlist
IN_SOME = QColor(110, 170, 235)  # on the larger shortlists only
OUT = QColor(140, 150, 160)  # on none
TIED = QColor(224, 150, 30)  # in a tie straddling a cut-off
REFERENCE = QColor(140, 150, 160)  # the round median on the radar
REGION = QColor(52, 120, 220)


def cut_colour(index: int) -> QColor:
    return CUT_COLOURS[index % len(CUT_COLOURS)]


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def with_alpha(colour: QColor, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c
