"""The errors of round setup: one line naming the problem and what to do, or a file's bad cells."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.rounds import RoundError


class SetupError(RoundError):
    """A setup request that cannot be met; the message names the problem and what to do.

    The message is English, for the command line and logs. ``kind`` and ``fields`` say the same as
    a name and values (region codes, names, numbers) so that the desktop can say it in the user's
    language (app/ui/setup/setup_words.py); a raise without a kind is shown in English."""

    def __init__(self, message: str, kind: str = "", fields: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.fields: dict[str, str] = dict(fields or {})


class FileProblems(SetupError):
    """A spreadsheet with bad cells: nothing was taken in. Each problem names sheet, row and column."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.problems = list(problems)  # each may be a Note (app.base.notes): its kind and fields too
        super().__init__(f"{source}: {len(problems)} problem(s), nothing was imported:\n  " + "\n  ".join(problems),
                         "file_problems", {"source": source, "count": str(len(problems))})
