"""Font subsets kept across sheets (app.sheets.font_subsets) change no byte of a sheet."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas

from app.sheets import font_subsets
from app.sheets.render import render_sheet
from app.sheets.text import FONT, FONT_BOLD, register_fonts
from tests.sheet_fixtures import build_snapshot, long_note

GENERATED = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


def _face(name: str) -> font_subsets._KeptSubsetFace:
    font = pdfmetrics.getFont(name)
    assert isinstance(font, font_subsets.KeptSubsetFont)
    assert isinstance(font.face, font_subsets._KeptSubsetFace)
    return font.face


def _forget_subsets() -> None:
    for name in (FONT, FONT_BOLD):
        face = _face(name)
        face._subsets.clear()
        face._flate._kept.clear()


def test_the_remembering_filter_writes_reportlabs_bytes() -> None:
    data = long_note(3000).encode()
    kept = font_subsets._KeptFlate()
    assert kept.encode(data) == pdfdoc.PDFZCompress.encode(data)
    assert kept.encode(data) == pdfdoc.PDFZCompress.encode(data)  # from memory the second time
    assert kept.pdfname == "FlateDecode"


def test_sheets_with_kept_subsets_are_byte_for_byte_those_made_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    register_fonts()
    short, long_notes = build_snapshot(), build_snapshot(long_notes=True)
    cold: dict[tuple[str, str], bytes] = {}
    for lang in ("id", "en"):
        for name, snap in (("short", short), ("long", long_notes)):
            _forget_subsets()
            cold[name, lang] = render_sheet(snap, lang, generated_at=GENERATED)
    for (name, lang), expected in cold.items():  # each sheet's subsets kept, or shared with an earlier one
        assert render_sheet(short if name == "short" else long_notes, lang, generated_at=GENERATED) == expected
    made = 0
    original = TTFontFace.makeSubset

    def counting(self: TTFontFace, subset: list[int]) -> bytes:
        nonlocal made
        made += 1
        return original(self, subset)

    monkeypatch.setattr(TTFontFace, "makeSubset", counting)
    for (name, lang), expected in reversed(cold.items()):  # warm, in another order
        assert render_sheet(long_notes if name == "long" else short, lang, generated_at=GENERATED) == expected
    assert made == 0  # every subset of these sheets was made before
    _forget_subsets()
    render_sheet(short, "id", generated_at=GENERATED)
    assert made >= 2  # afresh: one per font at least


def test_a_sheet_with_other_characters_gets_its_own_subset() -> None:
    register_fonts()
    plain = render_sheet(build_snapshot(), "id", generated_at=GENERATED)
    face = _face(FONT)
    before = set(face._subsets)
    snap = build_snapshot()
    accented = replace(snap.scores[0], note="Catatan: Ñ ø ł ß — ŋ")
    other = render_sheet(replace(snap, scores=(accented, *snap.scores[1:])), "id", generated_at=GENERATED)
    assert set(face._subsets) - before  # a new subset, not a kept one missing those glyphs
    assert plain != other


def test_ascii_text_is_encoded_as_reportlab_encodes_it() -> None:
    register_fonts()
    font = pdfmetrics.getFont(FONT)
    assert isinstance(font, font_subsets.KeptSubsetFont)
    texts = ["Komitmen pimpinan daerah", "", " ", "a&b (c) \\ ~", "72,5 — 80", "Rp\u00a01.000", "tab\there",
             "Ñ ø ł", "STR-1", "\x7f", "é" * 300 + "x"]
    for first in (True, False):  # the document's first text, and texts after it
        ours, theirs = Canvas(io.BytesIO())._doc, Canvas(io.BytesIO())._doc
        for text in texts if first else ["x", *texts]:
            assert font.splitString(text, ours) == TTFont.splitString(font, text, theirs), text
