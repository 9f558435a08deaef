"""Undo and redo for round setup: each edit is a core call, saved at once, with the call that takes it back.

:class:`SetupHistory` keeps a :class:`QUndoStack` of :class:`CoreEdit` commands. An edit is made by
calling its ``do`` function *before* it is pushed: a refused edit (the core raises
:class:`~app.rounds.RoundError` with one line naming the problem) is reported and never enters the
history. Undo and redo call the core again; the store is the only state, so every page reads its
step back after each of them (``changed``).

The builders below say, for each kind of edit, how it is undone: removing a candidate brings it
back with its status, removing an assessor brings back the same assessor (found by NIP), a
schedule edit restores the slots as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.rounds import RoundError, setup
from app.rounds.planning import store_io
from app.rounds.setup import AssessorInfo, CandidateInfo, ScheduleLayout
from app.store import Store
from app.ui.setup.setup_words import SetupWords

REFUSALS = (RoundError, ValueError, LookupError)  # what a core call raises for a request it will not meet


class CoreEdit(QUndoCommand):
    """One edit already made by ``do``; ``undo`` takes it back, ``redo`` makes it again."""

    def __init__(self, history: SetupHistory, text: str, do: Callable[[], Any], undo: Callable[[], Any]) -> None:
        super().__init__(text)
        self._history, self._do, self._undo = history, do, undo
        self._made = True  # pushed after ``do`` ran: the stack's first redo has nothing to do

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self._history.call(self._do, self.text())

    def undo(self) -> None:
        self._history.call(self._undo, self.text())


class SetupHistory(QObject):
    changed = Signal()
    failed = Signal(str)
    message = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(200)
        self.words = SetupWords(self)

    def clear(self) -> None:
        self.stack.clear()

    def perform(self, text: str, do: Callable[[], Any], undo: Callable[[], Any]) -> bool:
        """Make the edit now; if the core accepts it, keep it for undo. False when refused."""
        try:
            do()
        except REFUSALS as exc:
            self.failed.emit(self.words.said(exc))
            return False
        self.stack.push(CoreEdit(self, text, do, undo))
        self.message.emit(self.tr("Saved: %1").replace("%1", text))
        self.changed.emit()
        return True

    def call(self, fn: Callable[[], Any], text: str) -> None:
        try:
            fn()
        except REFUSALS as exc:
            self.failed.emit(self.tr("Could not undo or redo “%1”: %2").replace("%1", text)
                             .replace("%2", self.words.said(exc)))
        self.changed.emit()

    def undo(self) -> None:
        if self.stack.canUndo():
            text = self.stack.undoText()
            self.stack.undo()
            self.message.emit(self.tr("Undone: %1").replace("%1", text))

    def redo(self) -> None:
        if self.stack.canRedo():
            text = self.stack.redoText()
            self.stack.redo()
            self.message.emit(self.tr("Redone: %1").replace("%1", text))


# --- the edits of each step, with how each is undone ------------------------------------------

def update_round(history: SetupHistory, store: Store, round_id: str, text: str, old: dict[str, Any],
                 new: dict[str, Any]) -> bool:
    return history.perform(text, lambda: setup.update_round(store, round_id, **new),
                           lambda: setup.update_round(store, round_id, **old))


def add_candidates(history: SetupHistory, store: Store, round_id: str, text: str, codes: Sequence[str],
                   status: str = "invited") -> bool:
    present = {c.region.code for c in setup.round_candidates(store, round_id)}
    new = [code for code in dict.fromkeys(codes) if code not in present]
    if not new:
        history.message.emit(QCoreApplication.translate("SetupHistory",
                                                        "Every one of these regions is already a candidate."))
        return False
    return history.perform(text, lambda: setup.add_candidates(store, round_id, new, status),
                           lambda: setup.remove_candidates(store, round_id, new))


def remove_candidates(history: SetupHistory, store: Store, round_id: str, text: str,
                      candidates: Sequence[CandidateInfo]) -> bool:
    codes = [c.region.code for c in candidates]

    def bring_back() -> None:
        for status in dict.fromkeys(c.status for c in candidates):
            setup.add_candidates(store, round_id, [c.region.code for c in candidates if c.status == status], status)

    return history.perform(text, lambda: setup.remove_candidates(store, round_id, codes), bring_back)


def set_status(history: SetupHistory, store: Store, round_id: str, text: str, candidates: Sequence[CandidateInfo],
               status: str) -> bool:
    def restore() -> None:
        for old in dict.fromkeys(c.status for c in candidates):
            setup.set_candidate_status(store, round_id, [c.region.code for c in candidates if c.status == old], old)

    return history.perform(text, lambda: setup.set_candidate_status(store, round_id, [c.region.code for c in candidates],
                                                                    status), restore)


def _assessor_fields(info: AssessorInfo) -> dict[str, Any]:
    fields = asdict(info)
    fields.pop("id")
    return fields


def add_assessor(history: SetupHistory, store: Store, round_id: str, text: str, fields: dict[str, Any]) -> str | None:
    """The new assessor's id (None when refused); redo after undo brings back the same person by NIP."""
    made: list[str] = []

    def do() -> None:
        made.append(setup.add_assessor(store, round_id, **fields))

    ok = history.perform(text, do, lambda: setup.remove_assessor(store, round_id, made[-1]))
    return made[-1] if ok else None


def update_assessor(history: SetupHistory, store: Store, text: str, before: AssessorInfo,
                    changes: dict[str, Any]) -> bool:
    old = {key: getattr(before, key) for key in changes}
    return history.perform(text, lambda: setup.update_assessor(store, before.id, **changes),
                           lambda: setup.update_assessor(store, before.id, **old))


def remove_assessor(history: SetupHistory, store: Store, round_id: str, text: str, info: AssessorInfo) -> bool:
    """Leaving the round also leaves the panels; undo brings the assessor back onto the same seats
    (under a new id when no NIP could find the same person again)."""
    before = store_io.round_slots(store, round_id)
    current = [info.id]

    def bring_back() -> None:
        again = setup.add_assessor(store, round_id, **_assessor_fields(info))
        if any(info.id in s.assessor_ids for s in before):
            store_io.save_plan(store, round_id, [
                replace(s, assessor_ids=tuple(sorted(again if a == info.id else a for a in s.assessor_ids)))
                for s in before])
        current.append(again)

    return history.perform(text, lambda: setup.remove_assessor(store, round_id, current[-1]), bring_back)


def save_layout(history: SetupHistory, store: Store, round_id: str, text: str, old: ScheduleLayout,
                new: ScheduleLayout) -> bool:
    return history.perform(text, lambda: setup.save_schedule_layout(store, round_id, new),
                           lambda: setup.save_schedule_layout(store, round_id, old))


def save_slots(history: SetupHistory, text: str, save: Callable[[list[Any]], Any], old: list[Any],
               new: list[Any]) -> bool:
    """A schedule edit: the whole list of slots after it, and before it for undo."""
    return history.perform(text, lambda: save(list(new)), lambda: save(list(old)))
