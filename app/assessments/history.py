"""Undo and redo of one draft version, computed from its change log, not kept in widgets."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from app.assessments.editing import Change, apply_field, editable_version, get_version
from app.models.domain import AssessmentStatus
from app.models.tables import Assessment, ChangeLogEntry
from app.store import Store, changelog

UNDOABLE_FIELDS = ("level", "note", "evidence")
NOTE_TYPING_GAP_S = 2.0  # note saves closer together than this are one stretch of typing, undone at once


def _stacks(session: Session, assessment: Assessment) -> tuple[list[ChangeLogEntry], list[ChangeLogEntry]]:
    """Replay this version's history: the entries undo would revert, and those redo would."""
    entries = session.exec(
        select(ChangeLogEntry)
        .where(ChangeLogEntry.chain_id == assessment.record_id, ChangeLogEntry.version_id == assessment.version_id,
               col(ChangeLogEntry.field).in_(UNDOABLE_FIELDS))
        .order_by(col(ChangeLogEntry.position))
    ).all()
    undo_stack: list[ChangeLogEntry] = []
    redo_stack: list[ChangeLogEntry] = []
    for entry in entries:
        if entry.kind == "edit":
            undo_stack.append(entry)
            redo_stack.clear()
        elif entry.kind == "undo":
            # An undo reverts every entry from the one it names to the top (a note's saves while typing).
            named = any(e.id == entry.undoes for e in undo_stack)
            while undo_stack:
                if undo_stack.pop().id == entry.undoes or not named:
                    break
            redo_stack.append(entry)
        elif entry.kind == "redo":
            if redo_stack:
                redo_stack.pop()
            undo_stack.append(entry)
    return undo_stack, redo_stack


def _undo_group(undo_stack: list[ChangeLogEntry]) -> list[ChangeLogEntry]:
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
        assessment = get_version(session, version_id)
        if assessment.status != AssessmentStatus.DRAFT:
            return False, False
        undo_stack, redo_stack = _stacks(session, assessment)
        return bool(undo_stack), bool(redo_stack)


def _revert(store: Store, version_id: str, actor: str, kind: str) -> Change | None:
    with store.transaction() as session:
        assessment = editable_version(session, version_id)
        undo_stack, redo_stack = _stacks(session, assessment)
        stack = undo_stack if kind == "undo" else redo_stack
        if not stack:
            return None
        target = stack[-1]
        earliest = _undo_group(stack)[-1] if kind == "undo" else target
        # Reverting writes back the old value; the new entry records the swap and names the earliest
        # entry it reverts.
        apply_field(session, version_id, target.indicator_code, target.field, earliest.old)
        changelog.append(session, assessment.record_id, field=target.field, old=target.new, new=earliest.old,
                         actor=actor, version_id=version_id, indicator_code=target.indicator_code,
                         kind=kind, undoes=earliest.id)
        return Change(version_id, target.indicator_code, target.field, earliest.old)


def undo(store: Store, version_id: str, actor: str) -> Change | None:
    return _revert(store, version_id, actor, "undo")


def redo(store: Store, version_id: str, actor: str) -> Change | None:
    return _revert(store, version_id, actor, "redo")
