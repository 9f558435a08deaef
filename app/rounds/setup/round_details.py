"""The round itself: name, programme, stage, dates, shortlist sizes and instrument."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from app.instruments import builtin_instruments, find_instrument
from app.instruments.catalogue import load_instrument, store_instrument, stored_instruments
from app.models.domain import Instrument
from app.models.tables import Assessment, InstrumentRow, Round
from app.rounds import create_round
from app.rounds.setup.errors import SetupError
from app.store import Store

EDITABLE = ("name", "programme", "stage", "starts_on", "ends_on", "shortlist_sizes", "instrument_hash")


@dataclass(frozen=True)
class RoundDetails:
    id: str
    name: str
    programme: str
    stage: str
    starts_on: date | None
    ends_on: date | None
    shortlist_sizes: tuple[int, ...]
    instrument_hash: str
    has_assessments: bool  # the instrument can no longer change once scoring started


def get_round(session: Session, round_id: str) -> Round:
    found = session.get(Round, round_id)
    if found is None:
        raise SetupError(f"There is no round with id {round_id!r} in this data directory; see nilai round list.")
    return found


def has_assessments(session: Session, round_id: str) -> bool:
    return session.exec(select(Assessment.version_id).where(Assessment.round_id == round_id).limit(1)).first() is not None


def _instrument(session: Session, instrument_id: str | None, instrument_hash: str | None) -> Instrument:
    """A built-in instrument or one already stored, by catalogue id (``id@version`` too) or hash."""
    if instrument_hash:
        if session.get(InstrumentRow, instrument_hash) is not None:
            return load_instrument(session, instrument_hash)
        for builtin in builtin_instruments():
            if builtin.content_hash == instrument_hash:
                return builtin
        raise SetupError(f"No instrument with hash {instrument_hash[:12]} is built in or stored here; "
                         "import the instrument first (nilai instruments list shows what there is).", "instrument_unknown",
                         {"hash": instrument_hash[:12]})
    if not instrument_id:
        raise SetupError("A round needs an instrument; give its id (nilai instruments list shows them).")
    stored = [load_instrument(session, row.content_hash) for row in stored_instruments(session)]
    pool = {i.content_hash: i for i in [*builtin_instruments(), *stored]}
    try:
        return find_instrument(instrument_id, pool.values())
    except LookupError as exc:
        raise SetupError(f"{exc}.") from exc


def _check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise SetupError("The round needs a name, e.g. 'Gerakan Menuju 100 Smart City 2019'.", "round_name_missing")
    if len(name) > 200:
        raise SetupError(f"The round name is {len(name)} characters long; shorten it to at most 200.",
                          "round_name_long", {"length": str(len(name))})
    return name


def _check_dates(starts_on: date | None, ends_on: date | None) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise SetupError(f"The round ends ({ends_on}) before it starts ({starts_on}); swap or correct the dates.",
                          "dates_reversed", {"starts_on": str(starts_on), "ends_on": str(ends_on)})


def _check_sizes(sizes: object) -> str:
    if isinstance(sizes, str):
        parts = [p.strip() for p in sizes.split(",") if p.strip()]
    elif isinstance(sizes, (tuple, list)):
        parts = [str(p).strip() for p in sizes]
    else:
        raise SetupError(f"Shortlist sizes {sizes!r} are not a list of numbers; give them like 75,50.")
    if not all(p.isdigit() and int(p) > 0 for p in parts):
        raise SetupError(f"Shortlist sizes {', '.join(parts) or '(none)'} must be whole numbers above 0, like 75,50.")
    return ",".join(str(int(p)) for p in parts)


def _details(session: Session, round_: Round) -> RoundDetails:
    sizes = tuple(int(n) for n in round_.shortlist_sizes.split(",") if n.strip())
    return RoundDetails(round_.id, round_.name, round_.programme, round_.stage, round_.starts_on, round_.ends_on,
                        sizes, round_.instrument_hash, has_assessments(session, round_.id))


def new_round(store: Store, *, name: str, instrument_id: str | None = None, instrument_hash: str | None = None,
              programme: str = "Gerakan Menuju 100 Smart City", stage: str = "",
              starts_on: date | None = None, ends_on: date | None = None,
              shortlist_sizes: tuple[int, ...] = (75, 50)) -> str:
    """A new round with no candidates yet; the instrument by catalogue id (built-in or stored) or hash."""
    name = _check_name(name)
    _check_dates(starts_on, ends_on)
    sizes = _check_sizes(shortlist_sizes)
    with store.transaction(write=True) as session:
        if session.exec(select(Round.id).where(Round.name == name)).first() is not None:
            raise SetupError(f"A round named {name!r} already exists here; choose another name.", "round_name_taken",
                              {"name": name})
        instrument = _instrument(session, instrument_id, instrument_hash)
        round_ = create_round(session, name=name, instrument=instrument, region_codes=[], starts_on=starts_on,
                              ends_on=ends_on, programme=" ".join(programme.split()))
        round_.shortlist_sizes = sizes
        round_.stage = " ".join(stage.split())
        session.add(round_)
        return round_.id


def round_details(store: Store, round_id: str) -> RoundDetails:
    with store.transaction() as session:
        return _details(session, get_round(session, round_id))


def update_round(store: Store, round_id: str, **changes: object) -> RoundDetails:
    """Change name, programme, stage, starts_on, ends_on, shortlist_sizes or instrument_hash;
    the instrument is refused once any assessment of the round exists."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise SetupError(f"A round has no field {', '.join(unknown)}; the fields are {', '.join(EDITABLE)}.")
    with store.transaction(write=True) as session:
        round_ = get_round(session, round_id)
        if "name" in changes:
            name = _check_name(str(changes["name"] or ""))
            clash = session.exec(select(Round.id).where(Round.name == name, Round.id != round_id)).first()
            if clash is not None:
                raise SetupError(f"A round named {name!r} already exists here; choose another name.", "round_name_taken",
                              {"name": name})
            round_.name = name
        for key in ("programme", "stage"):
            if key in changes:
                setattr(round_, key, " ".join(str(changes[key] or "").split()))
        for key in ("starts_on", "ends_on"):
            if key in changes:
                value = changes[key]
                if value is not None and not isinstance(value, date):
                    raise SetupError(f"{key} {value!r} is not a date; give it as YYYY-MM-DD.")
                setattr(round_, key, value)
        _check_dates(round_.starts_on, round_.ends_on)
        if "shortlist_sizes" in changes:
            round_.shortlist_sizes = _check_sizes(changes["shortlist_sizes"])
        new_hash = changes.get("instrument_hash")
        if new_hash is not None and new_hash != round_.instrument_hash:
            if has_assessments(session, round_id):
                raise SetupError("Scoring has started in this round, so its instrument can no longer change; "
                                 "start a new round for another instrument.", "instrument_locked")
            instrument = _instrument(session, None, str(new_hash))
            store_instrument(session, instrument)
            round_.instrument_hash = instrument.content_hash
        session.add(round_)
        session.flush()
        return _details(session, round_)
