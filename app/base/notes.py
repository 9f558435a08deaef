"""A sentence for the command line that also says what it says, for a desktop in another language."""

from __future__ import annotations

from typing import Any


class Note(str):
    """A sentence in English (for the command line and logs) that also carries what it says, as a
    kind and named fields (region codes, province codes, dates, times, counts, sheet and row), so
    that the desktop can say it in the user's language. It is a `str`: whoever only prints it needs
    nothing else."""

    kind: str
    data: dict[str, Any]

    def __new__(cls, message: str, kind: str, **data: Any) -> Note:
        note = super().__new__(cls, message)
        note.kind = kind
        note.data = data
        return note
