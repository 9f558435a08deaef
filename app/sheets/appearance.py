"""The visible appearance of a sheet signature: its text, its font, its stamp style.

The appearance text is set in DejaVu Sans through pyHanko's OpenType engine (subset embedded), so
any Latin name renders. The font is reduced once per process (see :func:`_font_bytes`) and read
from memory, and the glyph factory is shared, so a batch of signatures pays for it once.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
import unicodedata
from typing import Any

from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.stamp import TextStampStyle

from app.base.paths import resources_dir
from app.identity import UnlockedIdentity
from app.sheets.font_reduction import FONT_FILE, reduced_font
from app.sheets.signing_errors import SignPdfError
from app.sheets.stamp_font import SharedFontAccumulator

__all__ = ["APPEARANCE_HEADING", "FONT_FILE", "appearance_text", "stamp_style"]

APPEARANCE_HEADING = "Ditandatangani secara digital / Signed digitally"
_FONT_SIZE = 8

# Indonesian time zones by UTC offset (hours) for the visible signing time.
_ZONE_NAMES = {7: "WIB", 8: "WITA", 9: "WIT"}


# --------------------------------------------------------------------------- fonts


class _MemoryGlyphAccumulatorFactory(GlyphAccumulatorFactory):
    """GlyphAccumulatorFactory over the font in memory, parsed once per process.

    The stock factory opens the font file for every signature and never closes it (a
    ResourceWarning per signature), then parses and subsets it afresh; this one reads and parses
    it once (:mod:`app.sheets.stamp_font`).
    """

    def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return SharedFontAccumulator(writer, _font_bytes(self.font_file), self.font_size, obj_stream=obj_stream)


_font_cache: dict[str, bytes] = {}
_font_lock = threading.Lock()

def _font_bytes(path: str) -> bytes:
    """The appearance font reduced (the shipped reduction, read once per process)."""
    with _font_lock:
        if path not in _font_cache:
            _font_cache[path] = reduced_font(path)
        return _font_cache[path]


def _font_path() -> str:
    path = resources_dir() / "fonts" / FONT_FILE
    if not path.is_file():
        raise SignPdfError(f"The signature font is missing from the installation: {path}")
    return str(path)


_style_lock = threading.Lock()
_font_factory: GlyphAccumulatorFactory | None = None


def _glyph_factory() -> GlyphAccumulatorFactory:
    global _font_factory
    with _style_lock:
        if _font_factory is None:
            _font_factory = _MemoryGlyphAccumulatorFactory(_font_path(), font_size=_FONT_SIZE)
        return _font_factory


# --------------------------------------------------------------------------- appearance


def _format_time(moment: dt.datetime) -> str:
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if minutes % 60 == 0 and minutes // 60 in _ZONE_NAMES:
        zone = _ZONE_NAMES[minutes // 60]
    else:
        sign = "+" if minutes >= 0 else "-"
        zone = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return f"{moment:%Y-%m-%d %H:%M:%S} {zone}"


def appearance_text(unlocked: UnlockedIdentity, moment: dt.datetime, lines: dict[str, str] | None) -> str:
    info = unlocked.info
    text = [APPEARANCE_HEADING, info.name]
    if info.nip:
        text.append(f"NIP {info.nip}")
    text.append(_format_time(moment))
    for label, value in (lines or {}).items():
        text.append(f"{label}: {value}" if label else str(value))
    cleaned = [unicodedata.normalize("NFC", " ".join(str(line).split())) for line in text]
    # the stamp text is a %-template; nothing in it is a placeholder
    return "\n".join(cleaned).replace("%", "%%")


def _background(signature_image: bytes) -> Any:
    try:
        # deferred: Pillow, only when a drawn signature goes into the stamp
        from PIL import Image
        from pyhanko.pdf_utils.images import PdfImage

        image: Image.Image = Image.open(io.BytesIO(signature_image))
        image.load()
        if image.mode not in ("RGB", "L"):
            # flatten transparency onto white: PDF image XObjects here carry no alpha
            rgba = image.convert("RGBA")
            flat = Image.new("RGB", rgba.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
            image = flat
        return PdfImage(image)
    except SignPdfError:
        raise
    except Exception as exc:
        raise SignPdfError(f"The signature image could not be read: {exc}") from exc


def stamp_style(text: str, signature_image: bytes | None) -> TextStampStyle:
    factory = _glyph_factory()
    kwargs: dict[str, Any] = {}
    if signature_image:
        kwargs["background"] = _background(signature_image)
        kwargs["background_opacity"] = 0.5
        kwargs["background_layout"] = layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MAX,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(4),
            inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT,
        )
    return TextStampStyle(
        stamp_text=text,
        text_box_style=TextBoxStyle(font=factory, font_size=_FONT_SIZE, leading=_FONT_SIZE + 2),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MIN,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(5),
            inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT,
        ),
        border_width=1,
        **kwargs,
    )
