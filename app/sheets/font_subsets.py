"""Embedded font subsets made and compressed once per process, not once per sheet.

Every PDF embeds the glyphs it uses of each TrueType font as a subset (a small font file, ~35 KB of
DejaVu for a sheet, Flate-compressed). ReportLab builds and compresses it afresh for every
document, yet the sheets of a batch share their subsets: ASCII keeps fixed codes and the few other
characters (dashes, middle dots) come in the same order from the same labels, so all 116 sheets of
a batch embed one or two distinct subsets per font. Building and compressing them was about a
tenth of a sheet's rendering.

``KeptSubsetFont`` is a ReportLab ``TTFont`` whose face keeps the last few subset files and their
compressed bytes, keyed by the subset's characters and by the file's bytes: the same input gives
the same bytes as before, so the PDF is byte-identical to one made without it. It also encodes
printable ASCII text directly (those characters keep their own codes in every document), where
ReportLab looks each character up: a twentieth of a sheet's rendering.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

KEPT = 16  # subsets (and compressed files) kept per font; a batch uses one to three


class _KeptFlate(pdfdoc.PDFStreamFilterZCompress):
    """ReportLab's Flate filter (same level, same bytes) that remembers its last few results."""

    def __init__(self) -> None:
        self._kept: dict[bytes, bytes] = {}

    def encode(self, text: Any) -> bytes:
        data = text.encode("utf8") if isinstance(text, str) else bytes(text)
        found = self._kept.get(data)
        if found is None:
            found = zlib.compress(data)
            if len(self._kept) >= KEPT:
                self._kept.pop(next(iter(self._kept)))  # the oldest
            self._kept[data] = found
        return found


class _KeptSubsetFace(TTFontFace):
    """A font face whose subset files are made once per distinct subset and compressed once."""

    _subsets: dict[tuple[int, ...], bytes]
    _flate: _KeptFlate

    def makeSubset(self, subset: Sequence[Any]) -> bytes:  # noqa: N802 - ReportLab's name
        key = tuple(subset)
        found = self._subsets.get(key)
        if found is None:
            found = super().makeSubset(subset)
            if len(self._subsets) >= KEPT:
                self._subsets.pop(next(iter(self._subsets)))
            self._subsets[key] = found
        return found

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:  # noqa: N802
        reference = super().addSubsetObjects(doc, fontname, subset)
        # The font file stream ReportLab just registered (under the name it gives it): compressed by
        # the remembering filter. Should a later ReportLab name it otherwise, it compresses as before.
        stream = doc.idToObject.get(f"fontFile:{self.filename}({fontname})")
        if isinstance(stream, pdfdoc.PDFStream) and stream.filters == [pdfdoc.PDFZCompress]:
            stream.filters = [self._flate]
        return reference


class KeptSubsetFont(TTFont):
    """``TTFont(name, filename)`` whose embedded subsets are built and compressed once per process,
    and whose printable ASCII text is encoded without a look-up per character."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        face = self.face
        face.__class__ = _KeptSubsetFace  # the parsed face, not parsed again; only methods are added
        assert isinstance(face, _KeptSubsetFace)
        face._subsets, face._flate = {}, _KeptFlate()
        # ReportLab gives printable ASCII fixed codes (itself, in subset 0) when the font has them all.
        self._ascii_fixed = bool(getattr(self, "_asciiReadable", False)) and all(code in face.charToGlyph for code in range(32, 127))

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:  # noqa: N802 - ReportLab's name
        # Most of a sheet's text runs (labels, titles, ids, numbers) are printable ASCII: their codes
        # are the characters themselves, which ReportLab finds one character at a time.
        if self._ascii_fixed and isinstance(text, str) and text.isascii() and text.isprintable() and text \
                and doc in self.state:
            return [(0, text.encode("ascii"))]
        return super().splitString(text, doc, encoding)
