"""The signature appearance's font engine, cheap to use once per sheet in a batch.

pyHanko's ``GlyphAccumulator`` parses the font afresh for every signature (fontTools and
HarfBuzz, ~4 ms), then subsets it destructively and compiles the subset (~6 ms). Here the
parsed font is shared by every signature of the process and never subset in place; the embedded
subset is made from a fresh copy and kept, keyed by its glyphs. The subset always holds printable
ASCII, so the stamps of one batch (the same name and NIP, digits of the time, region names) share
one subset; a name with other letters just makes another. Only the embedded font program is
shared: each signature still gets its own widths, ToUnicode map and subset prefix.

Relies on pyHanko 0.38's ``GlyphAccumulator`` attributes (set in ``__init__``), TrueType fonts
only (the appearance font is DejaVu Sans, reduced in :mod:`app.sheets.appearance`).
"""

from __future__ import annotations

import io
import threading
import zlib
from dataclasses import dataclass
from typing import Any

import uharfbuzz as hb  # type: ignore[import-untyped]
from fontTools import subset, ttLib
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.font.api import FontEngine
from pyhanko.pdf_utils.font.opentype import CIDFontType2, GlyphAccumulator, _read_ps_name

_ASCII = range(0x20, 0x7F)


@dataclass(frozen=True)
class _ParsedFont:
    data: bytes
    tt: ttLib.TTFont  # read-only from here on: never subset
    hb_font: Any
    glyph_set: Any
    ps_name: str
    units_per_em: int
    ascii_gids: frozenset[int]


_lock = threading.Lock()
_parsed: dict[bytes, _ParsedFont] = {}
_subsets: dict[tuple[bytes, tuple[int, ...]], bytes] = {}  # (font, glyph ids) -> compressed font program


def _parse(data: bytes) -> _ParsedFont:
    with _lock:
        found = _parsed.get(data)
        if found is None:
            tt = ttLib.TTFont(io.BytesIO(data))
            tt.ensureDecompiled()  # every table parsed now: later reads are plain lookups
            cmap = tt.getBestCmap()
            ascii_gids = frozenset(tt.getGlyphID(cmap[c]) for c in _ASCII if c in cmap)
            found = _ParsedFont(data, tt, hb.Font(hb.Face(data)), tt.getGlyphSet(preferCFF=True),
                                _read_ps_name(tt), tt["head"].unitsPerEm, ascii_gids)
            _parsed[data] = found
        return found


def _font_program(font: _ParsedFont, gids: tuple[int, ...]) -> bytes:
    """The subset with ``gids`` (glyph ids kept in place, as pyHanko does), Flate-compressed."""
    key = (font.data, gids)
    with _lock:
        found = _subsets.get(key)
    if found is None:
        options = subset.Options(layout_closure=False)
        options.drop_tables += ["GPOS", "GDEF", "GSUB"]
        options.retain_gids = True
        copy = ttLib.TTFont(io.BytesIO(font.data))
        subsetter = subset.Subsetter(options=options)
        subsetter.populate(gids=list(gids))
        subsetter.subset(copy)
        out = io.BytesIO()
        copy.save(out)
        found = zlib.compress(out.getvalue())
        with _lock:
            _subsets[key] = found
    return found


class _SharedCIDFont(CIDFontType2):
    font: _ParsedFont
    gids: tuple[int, ...] = ()

    def set_font_file(self, writer: Any) -> generic.IndirectObject:
        stream = generic.StreamObject(
            {generic.pdf_name("/Filter"): generic.pdf_name("/FlateDecode")},
            encoded_data=_font_program(self.font, self.gids),
        )
        ref = writer.add_object(stream)
        self._font_descriptor[generic.pdf_name("/FontFile2")] = ref
        return ref


class SharedFontAccumulator(GlyphAccumulator):
    """A ``GlyphAccumulator`` over a font parsed once per process (see the module doc)."""

    def __init__(self, writer: Any, font_bytes: bytes, font_size: int, obj_stream: Any = None) -> None:
        font = _parse(font_bytes)
        # GlyphAccumulator.__init__ would parse the font again: set up what it sets up, from the shared parse.
        FontEngine.__init__(self, writer, font.ps_name, embedded_subset=True, obj_stream=obj_stream,
                            font_size=font_size)
        self.hb_font, self.tt, self._glyph_set = font.hb_font, font.tt, font.glyph_set
        self._font_ref = writer.allocate_placeholder()
        self.cff_charset, self.use_raw_gids = None, True
        self.cidfont_obj = cid = _SharedCIDFont(font.tt, font.ps_name, self.subset_prefix)
        cid.font = font
        self.features = None
        self.units_per_em = font.units_per_em
        self._glyphs = {}
        self._cid_to_unicode = {}
        self._GlyphAccumulator__reverse_cmap = None
        self.ot_language_tag = self.ot_script_tag = None
        self.writing_direction = self.bcp47_lang_code = None
        self._subset_created = self._write_prepared = False
        self._font = font

    def _extract_subset(self, options: Any = None) -> None:
        # Not in place (the parse is shared): the font program is made from a copy when written.
        assert isinstance(self.cidfont_obj, _SharedCIDFont)
        self.cidfont_obj.gids = tuple(sorted(self._font.ascii_gids | set(self._glyphs)))
