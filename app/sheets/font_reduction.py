"""The signature appearance's font, reduced: pure fontTools work, no pyHanko, no key.

The reduction (about 0.25 s of CPU) is shipped, made once: ``resources/fonts/DejaVuSans-stamp.ttf``,
written by ``python -m app.sheets.font_reduction`` (tests/test_font_reduction.py checks that it is
what :func:`reduce_font` makes of the shipped font). :func:`reduced_font` reads it (about 1 ms),
and reduces the font only where it is missing. Until it was shipped, a render process reduced the
font at the start of every batch, and a frozen build (which renders in-process) or the first sheet
signed in a session waited for it.
"""

from __future__ import annotations

import io
from pathlib import Path

from app.base.paths import resources_dir

FONT_FILE = "DejaVuSans.ttf"
REDUCED_FILE = "DejaVuSans-stamp.ttf"  # reduce_font of FONT_FILE, shipped beside it

# What the appearance font keeps: Basic Latin, Latin-1, Latin Extended-A/B, spacing modifiers,
# combining diacritics, Latin Extended Additional, general punctuation, euro, trade mark, U+FFFD.
_FONT_CODEPOINTS = [
    *range(0x20, 0x7F),
    *range(0xA0, 0x250),
    *range(0x2B0, 0x370),
    *range(0x1E00, 0x1F00),
    *range(0x2000, 0x2070),
    0x20AC,
    0x2122,
    0xFFFD,
]


def reduce_font(data: bytes) -> bytes:
    """The font reduced to Latin script without layout tables, scaled to 1000 units per em.

    pyHanko subsets the font again for every signature, and with DejaVu's full GSUB/GPOS that
    alone takes ~80 ms; the reduced font (about 100 KB) subsets in a few milliseconds. Latin
    text needs no shaping; the only loss is GPOS kerning.
    """
    # deferred: fontTools, only the first time a signature's font is subset
    from fontTools import subset, ttLib
    from fontTools.ttLib.scaleUpem import scale_upem

    options = subset.Options()
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "MATH", "FFTM"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.glyph_names = True
    with ttLib.TTFont(io.BytesIO(data)) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=_FONT_CODEPOINTS)
        subsetter.subset(font)
        # pyHanko 0.38 writes /W widths and TJ adjustments in font units, which PDF reads as
        # 1/1000 em: right only for 1000-unit fonts. DejaVu has 2048, so rescale it.
        if font["head"].unitsPerEm != 1000:
            scale_upem(font, 1000)
        out = io.BytesIO()
        font.save(out)
    return out.getvalue()


def reduced_font(path: str | Path) -> bytes:
    """The font at ``path`` reduced: the shipped reduction for the appearance font, else reduced now."""
    path = Path(path)
    if path.name == FONT_FILE:
        try:
            return path.with_name(REDUCED_FILE).read_bytes()
        except OSError:  # an installation without it: reduce (slower, the same font)
            pass
    return reduce_font(path.read_bytes())


if __name__ == "__main__":  # write the shipped reduction again (after a change to the font or to reduce_font)
    fonts = resources_dir() / "fonts"
    (fonts / REDUCED_FILE).write_bytes(reduce_font((fonts / FONT_FILE).read_bytes()))
