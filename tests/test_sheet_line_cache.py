"""Line breaking shared across sheets (app.sheets.text._SharedParagraph) changes no byte of a sheet."""

from __future__ import annotations

from datetime import UTC, datetime

from app.sheets import text
from app.sheets.render import render_sheet
from tests.sheet_fixtures import build_snapshot

GENERATED = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


def test_sheets_after_a_batch_are_byte_for_byte_those_rendered_cold(monkeypatch) -> None:
    long_notes, short = build_snapshot(long_notes=True), build_snapshot()
    cold: dict[tuple[str, str], bytes] = {}
    for lang in ("id", "en"):
        for name, snap in (("long", long_notes), ("short", short)):
            text._broken_lines.clear()
            cold[name, lang] = render_sheet(snap, lang, generated_at=GENERATED)
    # warm: every sheet again, in another order, with the lines of all the others kept
    computed = 0
    original = text.Paragraph.breakLines

    def counting(self, width):
        nonlocal computed
        computed += 1
        return original(self, width)

    monkeypatch.setattr(text.Paragraph, "breakLines", counting)
    for (name, lang), expected in reversed(cold.items()):
        assert render_sheet(long_notes if name == "long" else short, lang, generated_at=GENERATED) == expected
    warm = computed
    computed = 0
    text._broken_lines.clear()
    render_sheet(short, "id", generated_at=GENERATED)
    assert warm < computed  # four warm sheets broke fewer lines afresh than one cold sheet
