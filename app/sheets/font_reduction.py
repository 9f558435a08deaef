"""The signature appearance's font, reduced: pure fontTools work, no pyHanko, no key.

A batch of sheets has a render process do this (about 0.25 s of CPU) while the signing process
unlocks the key (:meth:`app.sheets.render_pool.SheetRenderer.stamp_font`); the signing process
adopts the result (:func:`app.sheets.appearance.adopt_font`), or reduces the font itself.
"""

from __future__ import annotations

import io
from pathlib import Path

from app.base.paths import resources_dir

FONT_FILE = "DejaVuSans.ttf"

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


def reduced_stamp_font() -> tuple[str, bytes]:
    """The appearance font's path (as the signer names it) and the font reduced."""
    path = resources_dir() / "fonts" / FONT_FILE
    return str(path), reduce_font(Path(path).read_bytes())
