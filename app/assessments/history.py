"""Undo and redo of one draft version, computed from its change log, not kept in widgets.

The interview asks for the undo state after every change, and the version's whole history is
replayed each time, so the entries are read as plain Core rows (the columns the replay needs),
not as ORM objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol, cast

from sqlalchemy import bindparam, select
from sqlmodel import Session

from app.assessments import rows
from app.assessments.editing import AssessmentError, Change, apply_field, editable_draft
from app.models.domain import AssessmentStatus
from app.models.tables import ChangeLogEntry, table_of
from app.store import Store, changelog

UNDOABLE_FIELDS = ("level", "note", "evidence")
NOTE_TYPING_GAP_S = 2.0  # note saves closer together than this are one stretch of typing, undone at once


class Entry(Protocol):
    """A change-log row as _VERSION_HISTORY reads it."""

    id: str
    position: int
    indicator_code: str
    field: str
    old: str
    new: str
    kind: str
    undoes: str | None
    at: str


_cl = table_of(ChangeLogEntry).c
_VERSION_HISTORY = (
    select(_cl.id, _cl.position, _cl.indicator_code, _cl.field, _cl.old, _cl.new, _cl.kind, _cl.undoes, _cl.at)
    .where(_cl.chain_id == bindparam("record_id"), _cl.version_id == bindparam("version_id"),
           _cl.field.in_(UNDOABLE_FIELDS))
    .order_by(_cl.position)
)


def _stacks(session: Session, draft: rows.DraftRow) -> tuple[list[Entry], list[Entry]]:
    """Replay this version's history: the entries undo would revert, and those redo would."""
    entries = cast(Sequence[Entry], session.connection().execute(
        _VERSION_HISTORY, {"record_id": draft.record_id, "version_id": draft.version_id}).all())
    undo_stack: list[Entry] = []
    redo_stack: list[Entry] = []
    on_undo_stack: set[str] = set()  # the ids in undo_stack: a long history stays linear
    for entry in entries:
        if entry.kind == "edit":
            undo_stack.append(entry)
            on_undo_stack.add(entry.id)
            redo_stack.clear()
        elif entry.kind == "undo":
            # An undo reverts every entry from the one it names to the top (a note's saves while typing).
            named = entry.undoes in on_undo_stack
            while undo_stack:
                popped = undo_stack.pop()
                on_undo_stack.discard(popped.id)
                if popped.id == entry.undoes or not named:
                    break
            redo_stack.append(entry)
        elif entry.kind == "redo":
            if redo_stack:
                redo_stack.pop()
            undo_stack.append(entry)
            on_undo_stack.add(entry.id)
    return undo_stack, redo_stack


def _undo_group(undo_stack: list[Entry]) -> list[Entry]:
    """What one undo reverts, newest first: the last change, and when it is a note, the saves of the
    same stretch of typing before it (a note is saved every few hundred ms while it is typed)."""
    group = [undo_stack[-1]]
    for entry in reversed(undo_stack[:-1]):
        last = group[-1]
        if not (last.kind == entry.kind == "edit" and last.field == entry.field == "note"
                and entry.indicator_code == last.indicator_code and entry.position == last.position - 1
                and entry.new == last.old and _seconds_between(entry.at, last.at) <= NOTE_TYPING_GAP_S):
            break
        group.append(entry)
    return group


def _seconds_between(earlier: str, later: str) -> float:
    return (datetime.fromisoformat(later) - datetime.fromisoformat(earlier)).total_seconds()


def undo_state(store: Store, version_id: str) -> tuple[bool, bool]:
    with store.transaction() as session:
        draft = rows.draft_row(session.connection(), version_id)
        if draft is None:
            raise AssessmentError(f"assessment version {version_id} does not exist in this store")
        if draft.status != AssessmentStatus.DRAFT:
            return False, False
        undo_stack, redo_stack = _stacks(session, draft)
        return bool(undo_stack), bool(redo_stack)


def _revert(store: Store, version_id: str, actor: str, kind: str) -> Change | None:
    with store.transaction() as session:
        draft = editable_draft(session, version_id)
        undo_stack, redo_stack = _stacks(session, draft)
        stack = undo_stack if kind == "undo" else redo_stack
        if not stack:
            return None
        target = stack[-1]
        earliest = _undo_group(stack)[-1] if kind == "undo" else target
        # Reverting writes back the old value; the new entry records the swap and names the earliest
        # entry it reverts.
        apply_field(session, version_id, target.indicator_code, target.field, earliest.old)
        changelog.append(session, draft.record_id, field=target.field, old=target.new, new=earliest.old,
                         actor=actor, version_id=version_id, indicator_code=target.indicator_code,
                         kind=kind, undoes=earliest.id)
        return Change(version_id, target.indicator_code, target.field, earliest.old)


def undo(store: Store, version_id: str, actor: str) -> Change | None:
    return _revert(store, version_id, actor, "undo")


def redo(store: Store, version_id: str, actor: str) -> Change | None:
    return _revert(store, version_id, actor, "redo")
