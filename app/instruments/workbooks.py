"""Instruments in and out of workbooks, for the command line and the desktop.

``import_instrument_workbook`` reads a workbook and keeps the instrument in the store (all or
nothing: a workbook with any problem stores nothing); ``export_instrument_workbook`` writes one and
reads it back, so a workbook that would not give the same content hash is never left behind.
``known_instruments`` is what an id can name: the shipped instruments and those in the store.
"""

from __future__ import annotations

from pathlib import Path

from app.instruments import builtin_instruments, find_instrument
from app.instruments.catalogue import load_instrument, store_instrument, stored_instruments
from app.instruments.errors import InstrumentError
from app.instruments.locations import instruments_dir
from app.instruments.xlsform_read import read_workbook
from app.instruments.xlsform_write import write_workbook
from app.models.domain import Instrument
from app.store import Store

__all__ = ["export_instrument_workbook", "find_known_instrument", "import_instrument_workbook",
           "known_instruments", "template_path"]


def import_instrument_workbook(store: Store, path: str | Path) -> tuple[Instrument, bool]:
    """The instrument in the workbook, kept in the store; True if it was new there.

    Raises :class:`InstrumentError` listing every problem by sheet, row and column; then nothing
    is stored.
    """
    instrument = read_workbook(path)
    with store.transaction(write=True) as session:
        added = store_instrument(session, instrument)
    return instrument, added


def export_instrument_workbook(instrument: Instrument, path: str | Path) -> None:
    """Write ``instrument`` as a workbook at ``path`` and check it reads back to the same hash."""
    path = Path(path)
    write_workbook(instrument, path)
    try:
        again = read_workbook(path)
    except InstrumentError as exc:
        path.unlink(missing_ok=True)
        raise InstrumentError(path, ["the written workbook does not read back:", *exc.problems]) from exc
    if again.content_hash != instrument.content_hash:
        path.unlink(missing_ok=True)
        raise InstrumentError(path, [f"the written workbook reads back with another content hash "
                                     f"({again.content_hash[:12]}, not {instrument.content_hash[:12]})"])


def known_instruments(store: Store | None) -> list[Instrument]:
    """The shipped instruments, then those kept in the store (imported, or from a round package)."""
    found = {i.content_hash: i for i in builtin_instruments()}
    if store is not None:
        with store.transaction() as session:
            for row in stored_instruments(session):
                if row.content_hash not in found:
                    found[row.content_hash] = load_instrument(session, row.content_hash)
    return sorted(found.values(), key=lambda i: (i.id, i.version))


def find_known_instrument(store: Store | None, key: str) -> Instrument:
    """By id, ``id@version`` or content-hash prefix among :func:`known_instruments`; LookupError if not one."""
    return find_instrument(key, known_instruments(store))


def template_path(instrument_id: str) -> Path:
    """The workbook shipped as a template for a built-in instrument (``resources/instruments/ID.xlsx``)."""
    return instruments_dir() / f"{instrument_id}.xlsx"
