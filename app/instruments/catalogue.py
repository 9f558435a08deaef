"""The instrument versions in use, kept in the store with their outline and rebuilt from it."""

from __future__ import annotations

import json

from sqlmodel import Session, select

from app.instruments import instrument_to_dict, rebuild_instrument
from app.models.domain import Instrument
from app.models.tables import DimensionRow, IndicatorRow, InstrumentRow, RubricLevelRow
from app.store import Store


def store_instrument(session: Session, instrument: Instrument) -> bool:
    """Keep an instrument version (with its outline) in the store; False if it was already there."""
    if session.get(InstrumentRow, instrument.content_hash) is not None:
        return False
    definition = instrument_to_dict(instrument)
    session.add(
        InstrumentRow(
            content_hash=instrument.content_hash,
            instrument_id=instrument.id,
            version=instrument.version,
            title_id=instrument.title.id,
            title_en=instrument.title.en,
            definition_json=json.dumps(definition, ensure_ascii=False, sort_keys=True),
        )
    )
    session.flush()
    for d_pos, dim in enumerate(instrument.dimensions):
        session.add(DimensionRow(instrument_hash=instrument.content_hash, code=dim.code, position=d_pos,
                                 title_id=dim.title.id, title_en=dim.title.en, weight=dim.weight))
        for i_pos, ind in enumerate(dim.indicators):
            session.add(IndicatorRow(instrument_hash=instrument.content_hash, code=ind.code, dimension_code=dim.code,
                                     position=i_pos, title_id=ind.title.id, title_en=ind.title.en,
                                     weight=ind.weight, required=ind.required))
            for lv in ind.levels:
                session.add(RubricLevelRow(instrument_hash=instrument.content_hash, indicator_code=ind.code,
                                           level=lv.level, descriptor_id=lv.descriptor.id,
                                           descriptor_en=lv.descriptor.en, requires_note=lv.requires_note,
                                           requires_evidence=lv.requires_evidence))
    session.flush()
    return True


_instrument_cache: dict[str, Instrument] = {}


def instrument_of(store: Store, content_hash: str) -> Instrument:
    """:func:`load_instrument` in its own read, which only the first call per version makes."""
    cached = _instrument_cache.get(content_hash)
    if cached is not None:
        return cached
    with store.transaction() as session:
        return load_instrument(session, content_hash)


def load_instrument(session: Session, content_hash: str) -> Instrument:
    """The instrument version a score was given under, rebuilt exactly from the store."""
    cached = _instrument_cache.get(content_hash)
    if cached is not None:
        return cached
    row = session.get(InstrumentRow, content_hash)
    if row is None:
        raise LookupError(f"instrument version {content_hash[:12]} is not in this store")
    instrument = rebuild_instrument(json.loads(row.definition_json), content_hash, source=f"store:{content_hash[:12]}")
    if instrument.content_hash != content_hash:
        raise ValueError(f"stored instrument {content_hash[:12]} no longer matches its hash")
    _instrument_cache[content_hash] = instrument
    return instrument


def stored_instruments(session: Session) -> list[InstrumentRow]:
    return list(session.exec(select(InstrumentRow).order_by(InstrumentRow.instrument_id, InstrumentRow.version)))


def keep_instrument(store: Store, instrument: Instrument) -> bool:
    """Keep an instrument read from a file in the store (its own transaction), so a round can use it;
    False if it was already there."""
    with store.transaction(write=True) as session:
        return store_instrument(session, instrument)
