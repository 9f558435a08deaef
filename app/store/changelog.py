"""The append-only, hash-chained change log.

Each chain (one per assessment record, one per round's moderation) is a sequence of entries whose
hash covers the previous entry's hash and this entry's content. Editing, deleting or reordering
any entry breaks the chain from that point on, which :func:`verify_chain` reports.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from types import SimpleNamespace

from sqlmodel import Session, col, func, select

from app.models.tables import ChangeLogEntry

GENESIS = "0" * 64
HASHED_FIELDS = (
    "id", "chain_id", "position", "version_id", "indicator_code", "field",
    "old", "new", "reason", "kind", "undoes", "actor", "at",
)


def entry_hash(entry: ChangeLogEntry | SimpleNamespace, prev_hash: str) -> str:
    content = {name: getattr(entry, name) for name in HASHED_FIELDS}
    payload = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def last_entry(session: Session, chain_id: str) -> ChangeLogEntry | None:
    return session.exec(
        select(ChangeLogEntry)
        .where(ChangeLogEntry.chain_id == chain_id)
        .order_by(col(ChangeLogEntry.position).desc())
        .limit(1)
    ).first()


def append(
    session: Session,
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
) -> ChangeLogEntry:
    entry = ChainWriter(session, chain_id).append(field=field, old=old, new=new, actor=actor, version_id=version_id,
                                                  indicator_code=indicator_code, reason=reason, kind=kind, undoes=undoes)
    session.flush()
    return entry


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
