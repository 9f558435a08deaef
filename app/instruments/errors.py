"""The error every instrument problem ends in, and the locations problems point at."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

__all__ = ["InstrumentError", "Location"]

Location = tuple[str | int, ...]  # a location inside the definition, e.g. ("dimensions", 1, "weight")


class InstrumentError(Exception):
    """An instrument definition that cannot be used; ``problems`` lists every reason found."""

    def __init__(self, path: str | Path, problems: Sequence[str]) -> None:
        self.path = str(path)
        self.problems: list[str] = list(problems) or ["invalid instrument"]
        super().__init__(self.path, self.problems)

    def __str__(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{self.path}: invalid instrument ({count} {noun})"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)
