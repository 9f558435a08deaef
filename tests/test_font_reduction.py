"""The signature font's reduction is shipped (resources/fonts/DejaVuSans-stamp.ttf): it must be what
app.sheets.font_reduction makes of the shipped font, or the signatures would show another font."""

from __future__ import annotations

import io

from fontTools import ttLib

from app.base.paths import resources_dir
from app.sheets.font_reduction import FONT_FILE, REDUCED_FILE, reduce_font, reduced_font


def _without_timestamp(data: bytes) -> bytes:
    """The font saved again with its 'modified' time set to zero (fontTools stamps each save)."""
    with ttLib.TTFont(io.BytesIO(data)) as font:
        font["head"].modified = 0
        out = io.BytesIO()
        font.recalcTimestamp = False
        font.save(out)
        return out.getvalue()


def test_the_shipped_reduction_is_the_reduction_of_the_shipped_font():
    """If this fails after a change to the font or to reduce_font: python -m app.sheets.font_reduction"""
    fonts = resources_dir() / "fonts"
    shipped = (fonts / REDUCED_FILE).read_bytes()
    assert _without_timestamp(shipped) == _without_timestamp(reduce_font((fonts / FONT_FILE).read_bytes()))


def test_the_signer_reads_the_shipped_reduction_and_reduces_only_without_it(tmp_path):
    data = reduced_font(resources_dir() / "fonts" / FONT_FILE)
    assert data == (resources_dir() / "fonts" / REDUCED_FILE).read_bytes()
    alone = tmp_path / FONT_FILE  # an installation without the reduction
    alone.write_bytes((resources_dir() / "fonts" / FONT_FILE).read_bytes())
    made = reduced_font(alone)
    assert _without_timestamp(made) == _without_timestamp(data)
    with ttLib.TTFont(io.BytesIO(made)) as font:
        assert font["head"].unitsPerEm == 1000 and "GSUB" not in font
