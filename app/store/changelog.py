"""The append-only, hash-chained change log.

Each chain (one per assessment record, one per round's moderation) is a sequence of entries whose
hash covers the previous entry's hash and this entry's content. Editing, deleting or reordering
any entry breaks the chain from that point on, which :func:`verify_chain` reports.

Appending is on the interview's hot path (every score change), so :func:`append` writes through
SQLAlchemy Core and keeps each chain's tail (position and hash) in memory, per engine and chain.
The remembered tail is only a guess, never trusted: the entry is inserted by one statement that
also checks, under the write lock it takes, that the guessed tail is the chain's tail in the
store (an entry at that position with that hash, none after it). When it is not (another process
or connection appended, a transaction that appended rolled back, an import rewrote the chain) the
statement inserts nothing, and the tail is read from the store and the entry written after it.
So a stale guess costs one indexed read, and never a fork or a gap. This check in the writing
statement was chosen over watching ``PRAGMA data_version``: it works alike on PostgreSQL, needs no
per-connection bookkeeping, and leaves no window between checking and writing. The
``UNIQUE(chain_id, position)`` constraint still refuses two entries at one position.
"""

from __future__ import annotations

import hashlib
import json
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any, NamedTuple, Required, TypedDict, Unpack

from sqlalchemy import Engine, and_, bindparam, exists, insert
from sqlalchemy import select as core_select
from sqlmodel import Session, col, func, select

from app.models.tables import ChangeLogEntry, new_id, table_of
from app.store.driver import Executes

GENESIS = "0" * 64
HASHED_FIELDS = (
    "id", "chain_id", "position", "version_id", "indicator_code", "field",
    "old", "new", "reason", "kind", "undoes", "actor", "at",
)
_COLUMNS = (*HASHED_FIELDS, "prev_hash", "entry_hash")
_TAILS_KEPT = 4096  # chains whose tail an engine remembers; more are forgotten, then read again


def entry_hash(entry: ChangeLogEntry | SimpleNamespace, prev_hash: str) -> str:
    return _content_hash({name: getattr(entry, name) for name in HASHED_FIELDS}, prev_hash)


def _content_hash(content: dict[str, Any], prev_hash: str) -> str:
    payload = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


# The text _content_hash hashes, built directly for an entry whose values have the types an entry's
# fields have (text, the position an int, version_id and undoes text or None): the hashed fields in
# sorted order, compact, each text through the C encoder json.dumps(ensure_ascii=False) uses, the
# position by %d (int's repr, as json's), None as null. append builds its entry this way on every
# score change; a property test (tests/test_changelog.py) holds it equal to json.dumps.
ENTRY_TEXT = ('{"actor":%s,"at":%s,"chain_id":%s,"field":%s,"id":%s,"indicator_code":%s,"kind":%s,"new":%s,'
              '"old":%s,"position":%d,"reason":%s,"undoes":%s,"version_id":%s}')
encode_text = json.encoder.encode_basestring  # json's own (C when available)


def new_entry_hash(entry: LoggedEntry) -> str:
    """The entry_hash of an entry about to be written (its entry_hash field is not read)."""
    e, text = entry, encode_text
    try:
        payload = ENTRY_TEXT % (text(e.actor), text(e.at), text(e.chain_id), text(e.field), text(e.id),
                                text(e.indicator_code), text(e.kind), text(e.new), text(e.old), e.position,
                                text(e.reason), "null" if e.undoes is None else text(e.undoes),
                                "null" if e.version_id is None else text(e.version_id))
    except TypeError:  # a value of another type than the field's: the definition says what it hashes to
        return _content_hash({name: getattr(e, name) for name in HASHED_FIELDS}, e.prev_hash)
    return hashlib.sha256((e.prev_hash + payload).encode("utf-8")).hexdigest()


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def last_entry(session: Session, chain_id: str) -> ChangeLogEntry | None:
    return session.exec(
        select(ChangeLogEntry)
        .where(ChangeLogEntry.chain_id == chain_id)
        .order_by(col(ChangeLogEntry.position).desc())
        .limit(1)
    ).first()


class LoggedEntry(NamedTuple):
    """An entry :func:`append` wrote: the row's values, without an ORM object to build and track (a tuple:
    one is built on every score change)."""

    id: str
    chain_id: str
    position: int
    version_id: str | None
    indicator_code: str
    field: str
    old: str
    new: str
    reason: str
    kind: str
    undoes: str | None
    actor: str
    at: str
    prev_hash: str
    entry_hash: str


class Tail(NamedTuple):
    """A chain's last entry as far as this process knows: its position (-1: empty) and hash."""

    position: int
    entry_hash: str


EMPTY = Tail(-1, GENESIS)
_tails: weakref.WeakKeyDictionary[Engine, dict[str, Tail]] = weakref.WeakKeyDictionary()


def _remembered(engine: Engine) -> dict[str, Tail]:
    tails = _tails.get(engine)
    if tails is None:
        tails = _tails[engine] = {}
    return tails


_cl = table_of(ChangeLogEntry).c
_READ_TAIL = (core_select(_cl.position, _cl.entry_hash).where(_cl.chain_id == bindparam("b_chain_id"))
              .order_by(_cl.position.desc()).limit(1))


def stored_tail(connection: Executes, chain_id: str) -> Tail:
    row = connection.execute(_READ_TAIL, {"b_chain_id": chain_id}).first()
    return EMPTY if row is None else Tail(row.position, row.entry_hash)


def _insert_after_tail() -> Any:
    """INSERT ... SELECT <the entry> WHERE <the tail is still (:tail_position, :prev_hash)>."""
    table = table_of(ChangeLogEntry)
    cl = table.c
    same_chain = cl.chain_id == bindparam("chain_id")
    is_tail = and_(
        # an empty chain (tail position -1) has no entry to match: its "previous hash" is GENESIS
        (bindparam("tail_position") == -1)
        | exists().where(same_chain, cl.position == bindparam("tail_position"), cl.entry_hash == bindparam("prev_hash")),
        ~exists().where(same_chain, cl.position > bindparam("tail_position")),
    )
    values = core_select(*(bindparam(name, type_=cl[name].type) for name in _COLUMNS)).where(is_tail)
    # Whether a row went in is the answer: keep the count, which PostgreSQL's driver otherwise loses
    # when the statement's cursor is closed (an INSERT without RETURNING).
    return insert(table).from_select(list(_COLUMNS), values).execution_options(preserve_rowcount=True)


_INSERT_AFTER_TAIL = _insert_after_tail()


class EntryFields(TypedDict, total=False):
    """What a caller says of an entry (append_on's keyword parameters); the rest the chain decides."""

    field: Required[str]
    old: Required[str]
    new: Required[str]
    actor: Required[str]
    version_id: str | None
    indicator_code: str
    reason: str
    kind: str
    undoes: str | None


def append(session: Session, chain_id: str, **entry: Unpack[EntryFields]) -> LoggedEntry:
    """Write the chain's next entry in the session's transaction (see the module's note on the tail)."""
    if session.new or session.dirty or session.deleted:
        session.flush()  # this transaction's ORM rows first, as before (a bulk ChainWriter's entries too)
    return append_on(session.connection(), chain_id, **entry)


def append_on(
    connection: Executes,
    chain_id: str,
    *,
    field: str,
    old: str,
    new: str,
    actor: str,
    version_id: str | None = None,
    indicator_code: str = "",
    reason: str = "",
    kind: str = "edit",
    undoes: str | None = None,
) -> LoggedEntry:
    """:func:`append` on a connection: a Session's, or the hot path's driver connection."""
    tails = _remembered(connection.engine)
    entry_id = new_id()
    tail = tails.get(chain_id)
    for _attempt in range(2):
        if tail is None:
            tail = stored_tail(connection, chain_id)
        entry = LoggedEntry(entry_id, chain_id, tail.position + 1, version_id, indicator_code, field, old, new, reason,
                            kind, undoes, actor, now_iso(), tail.entry_hash, "")
        entry = entry._replace(entry_hash=new_entry_hash(entry))
        parameters = entry._asdict()
        parameters["tail_position"] = tail.position
        if connection.execute(_INSERT_AFTER_TAIL, parameters).rowcount == 1:
            if len(tails) >= _TAILS_KEPT:
                tails.clear()
            tails[chain_id] = Tail(entry.position, entry.entry_hash)
            return entry
        tail = None  # the remembered tail was stale: read the stored one (this statement took the write lock)
    tails.pop(chain_id, None)
    raise RuntimeError(f"the change log of {chain_id} changed while an entry was being added to it")


class ChainWriter:
    """Appends many entries to one chain without re-reading its tail each time (bulk paths)."""

    def __init__(self, session: Session, chain_id: str) -> None:
        self.session = session
        self.chain_id = chain_id
        tail = last_entry(session, chain_id)
        self.position = tail.position + 1 if tail else 0
        self.prev_hash = tail.entry_hash if tail else GENESIS

    def append(self, *, field: str, old: str, new: str, actor: str, version_id: str | None = None,
               indicator_code: str = "", reason: str = "", kind: str = "edit", undoes: str | None = None) -> ChangeLogEntry:
        entry = ChangeLogEntry(chain_id=self.chain_id, position=self.position, version_id=version_id,
                               indicator_code=indicator_code, field=field, old=old, new=new, reason=reason, kind=kind,
                               undoes=undoes, actor=actor, at=now_iso(), prev_hash=self.prev_hash, entry_hash="")
        entry.entry_hash = entry_hash(entry, self.prev_hash)
        self.session.add(entry)
        self.position += 1
        self.prev_hash = entry.entry_hash
        return entry


def chain_entries(session: Session, chain_id: str) -> list[ChangeLogEntry]:
    return list(
        session.exec(
            select(ChangeLogEntry).where(ChangeLogEntry.chain_id == chain_id).order_by(col(ChangeLogEntry.position))
        )
    )


@dataclass(frozen=True)
class ChainProblem:
    chain_id: str
    position: int
    message: str

    def __str__(self) -> str:
        return f"change log of {self.chain_id}, entry {self.position}: {self.message}"


def verify_entries(chain_id: str, entries: Iterable[ChangeLogEntry | SimpleNamespace]) -> list[ChainProblem]:
    """Problems of one chain: stored rows, or a bundle's entries as read from its file."""
    problems: list[ChainProblem] = []
    prev = GENESIS
    for expected_position, entry in enumerate(entries):
        if entry.position != expected_position:
            problems.append(ChainProblem(chain_id, entry.position, f"out of sequence (expected {expected_position})"))
        if entry.prev_hash != prev:
            problems.append(ChainProblem(chain_id, entry.position, "does not follow the previous entry (deleted or reordered)"))
        if entry_hash(entry, entry.prev_hash) != entry.entry_hash:
            problems.append(ChainProblem(chain_id, entry.position, "content was edited after it was written"))
        prev = entry.entry_hash
    return problems


def verify_chain(session: Session, chain_id: str | None = None) -> list[ChainProblem]:
    """Every problem in one chain, or in all chains when ``chain_id`` is None."""
    if chain_id is not None:
        return verify_entries(chain_id, chain_entries(session, chain_id))
    problems: list[ChainProblem] = []
    chain_ids = session.exec(select(ChangeLogEntry.chain_id).distinct()).all()
    for cid in chain_ids:
        problems.extend(verify_entries(cid, chain_entries(session, cid)))
    return problems


def count_entries(session: Session) -> int:
    return session.exec(select(func.count()).select_from(ChangeLogEntry)).one()
