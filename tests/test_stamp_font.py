"""The signature appearance's shared font: every glyph drawn is embedded, and a batch shares one subset."""

from __future__ import annotations

import io

from fontTools import ttLib
from pyhanko.pdf_utils.reader import PdfFileReader

from app.sheets.signing import sign_pdf, verify_pdf
from tests.test_signing import NAME, make_pdf, me  # noqa: F401  (the fixture)


def _font_program(signed: bytes) -> tuple[bytes, list[int]]:
    """The embedded font program of the appearance and the glyph ids its /W lists."""
    reader = PdfFileReader(io.BytesIO(signed))
    appearance = reader.embedded_regular_signatures[0].sig_field["/AP"]["/N"]
    stack, fonts = [appearance], []
    while stack:
        resources = stack.pop().get("/Resources", {})
        fonts += [f.get_object() for f in resources.get("/Font", {}).values()]
        stack += [x.get_object() for x in resources.get("/XObject", {}).values()]
    descendant = fonts[0]["/DescendantFonts"][0].get_object()
    used: list[int] = []
    widths = list(descendant["/W"])
    for first, run in zip(widths[::2], widths[1::2], strict=True):
        used += range(int(first), int(first) + len(run))
    return descendant["/FontDescriptor"]["/FontFile2"].get_object().data, used


def test_every_drawn_glyph_is_embedded_and_the_subset_is_shared(me):  # noqa: F811
    first = sign_pdf(make_pdf(1), me, reason="r", location="l", appearance_lines={"Wilayah": "Kota Bandung"})
    second = sign_pdf(make_pdf(1), me, reason="r", location="l", appearance_lines={"Wilayah": "Kabupaten Batang"})
    assert verify_pdf(first).valid and verify_pdf(second).valid
    program, used = _font_program(first)
    font = ttLib.TTFont(io.BytesIO(program))
    glyf, order = font["glyf"], font.getGlyphOrder()
    drawn = {order[gid] for gid in used}
    # the name's letters beyond ASCII (Ç, ğ, ı) are among the glyphs with outlines
    cmap = font.getBestCmap()
    assert {cmap[ord(c)] for c in NAME if c != " "} <= drawn
    assert all(glyf[name].numberOfContours != 0 for name in drawn if name not in ("space", ".notdef"))
    # the second region's letters are ASCII: the same font program, from the cache
    assert _font_program(second)[0] == program
