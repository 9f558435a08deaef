"""A paragraph's page operators written once per process, then copied onto every sheet that repeats it.

Drawing paragraphs was a third of a sheet's rendering, and most of a sheet's paragraphs (the
instrument's titles and rubric descriptors, the labels, the column heads) come back on every sheet
of a batch, set at the same width. ReportLab draws a paragraph as a few operators appended to the
page's content (``q``, its colour, one ``BT … ET`` text object, ``Q``) at the origin of the cell it
sits in (``Flowable.drawOn`` moves the origin there first), so the operators of the same text,
style and size are the same on every page of every sheet, provided the document names its fonts
and codes its characters alike.

``draw_kept(paragraph, key, draw)`` (``key``: the paragraph's source text first, then whatever else
sets its operators) draws the paragraph with ``draw`` the first time and keeps the
operators it appended; a later paragraph of the same ``key`` gets them copied if the document's
context matches what they were written in: every font the paragraph uses has the same name in the
document, each of its characters outside printable ASCII has the same code, and the transparency
state is the same. A drawing that did more than append operators (named a font or coded a
character for the first time in its document, raised the PDF version, added a link) is not kept.
``copy_kept(canvas, key, x, y)`` goes one step further for a paragraph in place: it writes what
``drawOn`` would (``q``, the move of the origin, the operators, ``Q``) without saving and restoring
ReportLab's own record of the graphics state, which the paragraph leaves as it found it.
The pages come out byte for byte as ReportLab writes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics

KEPT = 4096  # paragraphs kept; a batch of one instrument has a few hundred distinct ones
LONGEST = 1200  # characters of operators kept for one paragraph (a rubric descriptor of ~500 characters);
# a long note, which no other sheet repeats, is drawn and not kept


@dataclass(frozen=True)
class _Drawn:
    code: tuple[str, ...]  # what the paragraph appended to the page's content
    fonts: tuple[tuple[str, str], ...]  # (font, its name in the document)
    characters: tuple[tuple[str, int, int | None], ...]  # (font, character outside printable ASCII, its code)
    transparency: tuple[tuple[str, Any], ...]  # the canvas's graphics state (alpha, overprint)
    pdf_version: Any


_drawn: dict[tuple[Any, ...], _Drawn] = {}


def draw_kept(paragraph: Any, key: tuple[Any, ...], draw: Callable[[], None]) -> None:
    """Draw ``paragraph`` on its canvas: copy the operators kept for ``key`` where they fit, else ``draw``."""
    canvas = paragraph.canv
    doc = canvas._doc
    kept = _drawn.get(key)
    if kept is not None and _fits(kept, canvas, doc):
        canvas._code.extend(kept.code)
        return
    before = _side_effects(canvas, doc)
    transparency = tuple(sorted(canvas._extgstate._d.items()))
    start = len(canvas._code)
    draw()
    if _side_effects(canvas, doc) != before:
        return  # it did more than write operators (a font or character first used here): not kept
    drawn = _record(key[0], canvas, doc, tuple(canvas._code[start:]), transparency)
    if drawn is not None:
        if len(_drawn) >= KEPT:
            _drawn.clear()
        _drawn[key] = drawn


def copy_kept(canvas: Any, key: tuple[Any, ...], x: float, y: float) -> bool:
    """What ``Flowable.drawOn`` writes for a kept paragraph at ``(x, y)``, if its operators fit the
    document: save the graphics state, move the origin, the paragraph, restore. False: draw it."""
    kept = _drawn.get(key)
    if kept is None or not _fits(kept, canvas, canvas._doc):
        return False
    canvas._code.extend(("q", f"{fp_str(1, 0, 0, 1, x, y)} cm", *kept.code, "Q"))
    return True


def _special(text: str) -> list[str]:
    """Characters whose code in a document is not fixed (all but printable ASCII)."""
    return sorted({ch for ch in text if not " " <= ch <= "~"})


def _record(source: str, canvas: Any, doc: Any, code: tuple[str, ...],
            transparency: tuple[tuple[str, Any], ...]) -> _Drawn | None:
    """The operators and the context they need: the fonts they name (``/F1+0``: subset 0 of the
    document's font F1) and the codes of the characters of ``source`` (a superset of the text drawn)."""
    written = " ".join(code)
    if len(written) > LONGEST:
        return None
    fonts = tuple((name, mapped) for name, mapped in doc.fontMapping.items()
                  if f"{mapped}+" in written or f"{mapped} " in written)
    characters: list[tuple[str, int, int | None]] = []
    special = _special(source)
    for name, _mapped in fonts if special else ():
        states = _states(name)
        if states is None:
            continue  # a font of one fixed encoding: its codes are the same in every document
        state = states.get(doc)
        if state is None:
            return None
        characters += [(name, ord(ch), state.assignments.get(ord(ch))) for ch in special]
    return _Drawn(code, fonts, tuple(characters), transparency, doc._pdfVersion)


def _states(font_name: str) -> Any:
    """A TrueType font's codes per document (ReportLab's ``TTFont.state``); None for other fonts."""
    return getattr(pdfmetrics.getFont(font_name), "state", None)


def _fits(kept: _Drawn, canvas: Any, doc: Any) -> bool:
    mapping = doc.fontMapping
    if any(mapping.get(name) != mapped for name, mapped in kept.fonts):
        return False
    for name, code, assigned in kept.characters:
        state = _states(name).get(doc)  # characters are kept only for TrueType fonts
        if state is None or state.assignments.get(code) != assigned:
            return False
    return (doc._pdfVersion == kept.pdf_version
            and tuple(sorted(canvas._extgstate._d.items())) == kept.transparency)


def _side_effects(canvas: Any, doc: Any) -> tuple[Any, ...]:
    """What a paragraph's drawing could change besides the page's operators."""
    codes = tuple(state.nextCode for font in doc.delayedFonts if (state := font.state.get(doc)) is not None)
    return (len(doc.fontMapping), len(doc.delayedFonts), codes, doc._pdfVersion, len(doc.idToObject),
            len(canvas._annotationrefs), len(canvas._formsinuse), len(canvas.state_stack))
