"""The errors of round setup: one line naming the problem and what to do, or a file's bad cells."""

from __future__ import annotations

from collections.abc import Sequence

from app.rounds import RoundError


class SetupError(RoundError):
    """A setup request that cannot be met; the message names the problem and what to do."""


class FileProblems(SetupError):
    """A spreadsheet with bad cells: nothing was taken in. Each problem names sheet, row and column."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.problems = list(problems)  # each may be a Note (app.base.notes): its kind and fields too
        super().__init__(f"{source}: {len(problems)} problem(s), nothing was imported:\n  " + "\n  ".join(problems))
