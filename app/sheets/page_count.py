"""A ReportLab canvas that holds its pages back until the end, so each page's furniture (header,
footer, "page X of Y", a signature field) can know how many pages there are."""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas


class PageCountCanvas(Canvas):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, object]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name: hold the page instead of writing it
        self._held.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab's private page reset, not in its stubs

    def save(self) -> None:
        total = len(self._held)
        for page, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self.finish_page(page, total)
            super().showPage()
        super().save()

    def finish_page(self, page: int, total: int) -> None:
        """Draw what depends on the page count on this page (called once per page, in order)."""
