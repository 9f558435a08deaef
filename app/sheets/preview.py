"""The evaluation sheet of a sample assessment, as a PDF and as page images, for the instrument preview.

Page images come from poppler's ``pdftoppm`` when it is installed (it is on Linux desktops, and
Nilai's signature checks already rely on poppler); PySide6-Essentials has no QtPdf. Without it the
preview offers the PDF itself, to open in the system's viewer.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from app.assessments.preview import SamplePreview
from app.assessments.snapshots import snapshot
from app.sheets.render import render_sheet

__all__ = ["can_rasterise", "page_images", "sample_sheet_pdf"]


def sample_sheet_pdf(preview: SamplePreview, lang: str) -> bytes:
    """The sample assessment's evaluation sheet, exactly as it would print (unsigned)."""
    return render_sheet(snapshot(preview.store, preview.version_id), lang)


def can_rasterise() -> bool:
    return shutil.which("pdftoppm") is not None


def page_images(pdf: bytes, dpi: int = 72, timeout: float = 60.0) -> list[bytes]:
    """Every page of ``pdf`` as PNG bytes, first page first; [] when pdftoppm is not installed."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return []
    with tempfile.TemporaryDirectory(prefix="nilai-sheet-") as work:
        source = Path(work) / "sheet.pdf"
        source.write_bytes(pdf)
        subprocess.run([tool, "-r", str(dpi), "-png", str(source), str(Path(work) / "page")],
                       check=True, capture_output=True, timeout=timeout)
        # pdftoppm pads page numbers to the width of the last one (page-1.png or page-01.png)
        pages = sorted(Path(work).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [page.read_bytes() for page in pages]
