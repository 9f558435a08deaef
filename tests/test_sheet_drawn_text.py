"""Paragraph operators copied across sheets (app.sheets.drawn_text) change no byte of a sheet."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from app.models.domain import AssessmentSnapshot
from app.sheets import drawn_text, text
from app.sheets.render import render_sheet
from tests.sheet_fixtures import build_snapshot

GENERATED = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


def _cold(snap: AssessmentSnapshot, lang: str) -> bytes:
    drawn_text._drawn.clear()
    text._broken_lines.clear()
    return render_sheet(snap, lang, generated_at=GENERATED)


def _renamed(snap: AssessmentSnapshot, name: str) -> AssessmentSnapshot:
    return replace(snap, region=replace(snap.region, name=name))


def test_sheets_drawn_from_kept_operators_are_byte_for_byte_those_drawn_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    sheets = {"short": build_snapshot(), "long": build_snapshot(long_notes=True),
              "no delegation": build_snapshot(delegation=False)}
    cold = {(name, lang): _cold(snap, lang) for name, snap in sheets.items() for lang in ("id", "en")}
    drawn_text._drawn.clear()
    for (name, lang), expected in cold.items():
        assert render_sheet(sheets[name], lang, generated_at=GENERATED) == expected
    copied = 0
    original = drawn_text._fits

    def counting(*args: object) -> bool:
        nonlocal copied
        fits = original(*args)  # type: ignore[arg-type]
        copied += fits
        return fits

    monkeypatch.setattr(drawn_text, "_fits", counting)
    for (name, lang), expected in reversed(cold.items()):  # warm, in another order
        assert render_sheet(sheets[name], lang, generated_at=GENERATED) == expected
    assert copied > 100 * len(cold)  # most paragraphs were copied, not drawn


def test_a_character_coded_otherwise_in_a_sheet_is_drawn_afresh() -> None:
    # The subtitle's dash gets the first code after ASCII on a plain sheet; a region named with
    # other letters before it takes those codes first, so the kept subtitle no longer fits.
    plain, named = build_snapshot(), _renamed(build_snapshot(), "Kabupaten Ñågërëkàn")
    expected = _cold(named, "id")
    drawn_text._drawn.clear()
    render_sheet(plain, "id", generated_at=GENERATED)  # keeps the subtitle as the plain sheet codes it
    assert render_sheet(named, "id", generated_at=GENERATED) == expected
    assert render_sheet(plain, "id", generated_at=GENERATED) == _cold(plain, "id")


def test_a_drawing_that_first_names_a_font_is_not_kept() -> None:
    drawn_text._drawn.clear()
    render_sheet(build_snapshot(), "id", generated_at=GENERATED)
    kept = list(drawn_text._drawn.values())
    assert kept and all(entry.fonts for entry in kept if any("Tj" in op for op in entry.code))  # text names its fonts
    first = next(iter(drawn_text._drawn))
    assert first[0] != text.markup(build_snapshot().programme)  # the sheet's first paragraph named the font


def test_long_notes_are_drawn_but_not_kept() -> None:
    drawn_text._drawn.clear()
    render_sheet(build_snapshot(long_notes=True, note_length=3000), "id", generated_at=GENERATED)
    assert drawn_text._drawn
    assert all(len(" ".join(entry.code)) <= drawn_text.LONGEST for entry in drawn_text._drawn.values())
    assert all(len(key[0]) < 1500 for key in drawn_text._drawn)  # the notes' pieces of 1,500+ characters
