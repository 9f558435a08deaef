"""Handing the schedule out: one call for the desktop and the command line, the format by the suffix.

``.xlsx`` and ``.csv`` write the table the import reads back (:mod:`app.rounds.schedule_files`);
``.pdf`` the printable schedule (:mod:`.schedule_pdf`), labelled in ``lang``.
"""

from __future__ import annotations

from pathlib import Path

from app.base.atomic import atomic_write
from app.rounds import RoundError
from app.rounds.schedule_files import TABLE_SUFFIXES, round_schedule, write_table
from app.sheets.schedule_pdf import render_schedule
from app.store import Store

SUFFIXES = (*TABLE_SUFFIXES, ".pdf")


def export_schedule(store: Store, round_id: str | None, path: Path, lang: str = "id") -> int:
    """Write the round's schedule to ``path`` (.xlsx, .csv or .pdf); returns the number of slots.

    ``round_id`` may also be an id prefix or a round's name; None is the store's only round."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise RoundError(f"{path}: the schedule is written as {', '.join(SUFFIXES)} (chosen by the file name's "
                         f"end), not {suffix or 'a name without one'}")
    schedule = round_schedule(store, round_id)
    if suffix == ".pdf":
        atomic_write(path, render_schedule(schedule, lang))
    else:
        write_table(schedule, path)
    return len(schedule.slots)
