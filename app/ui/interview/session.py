"""One open assessment version: every edit goes straight to the store, views follow its snapshot.

Edits are small transactions run on the GUI thread, so when a call returns the change is on disk
(there is no save step, and nothing is lost if the program is killed afterwards). Reading the
whole assessment back (scores, evidence, delegation, summary, undo state) is slower and runs off
the GUI thread; only the newest read is applied, so a burst of key presses costs one refresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app import assessments
from app.assessments import AssessmentError, Problem, returns
from app.assessments.snapshots import snapshot
from app.models.domain import AssessmentSnapshot, AssessmentStatus, DelegateInfo
from app.store import Store, StoreError, settings
from app.ui.tasks import TaskRunner

USER_ERRORS = (AssessmentError, StoreError, OSError)


@dataclass(frozen=True)
class AssessmentState:
    snapshot: AssessmentSnapshot
    can_undo: bool
    can_redo: bool


def read_state(store: Store, version_id: str) -> AssessmentState:
    snap = snapshot(store, version_id)
    can_undo, can_redo = assessments.undo_state(store, version_id)
    return AssessmentState(snap, can_undo, can_redo)


def attach_files(store: Store, version_id: str, indicator_code: str, paths: list[Path], actor: str) -> int:
    for path in paths:
        assessments.add_evidence(store, version_id, indicator_code, path, actor)
    return len(paths)


class AssessmentSession(QObject):
    state_changed = Signal(object)  # AssessmentState
    saved = Signal(object)  # datetime of the last write that reached the store
    failed = Signal(str)  # a message the assessor can act on
    version_changed = Signal(str)  # a reopened assessment continues as this new version

    def __init__(self, store: Store, runner: TaskRunner, actor: str, version_id: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner, self.actor = store, runner, actor
        self.version_id = version_id
        self.state: AssessmentState | None = None
        self._generation = 0

    @property
    def snapshot(self) -> AssessmentSnapshot | None:
        return self.state.snapshot if self.state else None

    @property
    def read_only(self) -> bool:
        return self.state is None or self.state.snapshot.status != AssessmentStatus.DRAFT

    # -- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        self.runner.run(read_state, self.store, self.version_id, label=self.tr("Reading the assessment"),
                        on_done=lambda state: self._arrived(generation, state), on_error=self._read_failed)

    def _arrived(self, generation: int, state: AssessmentState) -> None:
        if generation != self._generation or state.snapshot.version_id != self.version_id:
            return  # a newer read is on its way
        self.state = state
        self.state_changed.emit(state)

    def _read_failed(self, error: BaseException) -> None:
        if not isinstance(error, USER_ERRORS):
            raise error
        self.failed.emit(str(error))

    # -- writing ---------------------------------------------------------------------------

    def _write(self, fn, *args) -> bool:
        try:
            fn(self.store, self.version_id, *args, self.actor)
        except USER_ERRORS as exc:
            self.failed.emit(str(exc))
            self.refresh()
            return False
        self.saved.emit(datetime.now())
        self.refresh()
        return True

    def set_level(self, code: str, level: int | None) -> bool:
        return self._write(assessments.set_level, code, level)

    def set_not_applicable(self, code: str) -> bool:
        return self._write(assessments.set_not_applicable, code)

    def set_note(self, code: str, note: str) -> bool:
        return self._write(assessments.set_note, code, note)

    def remove_evidence(self, evidence_id: str) -> bool:
        return self._write(assessments.remove_evidence, evidence_id)

    def set_delegation(self, delegates: list[DelegateInfo]) -> bool:
        return self._write(assessments.set_delegation, delegates)

    def undo(self) -> bool:
        return self._write(assessments.undo)

    def redo(self) -> bool:
        return self._write(assessments.redo)

    def add_evidence(self, code: str, paths: list[Path]) -> None:
        """Copy and hash the files off the GUI thread (photos can be large), then attach them."""
        if not paths:
            return
        self.runner.run(attach_files, self.store, self.version_id, code, list(paths), self.actor,
                        label=self.tr("Attaching evidence"), on_done=self._attached, on_error=self._attach_failed)

    def _attached(self, _count: int) -> None:
        self.saved.emit(datetime.now())
        self.refresh()

    def _attach_failed(self, error: BaseException) -> None:
        if not isinstance(error, USER_ERRORS):
            raise error
        self.failed.emit(str(error))
        self.refresh()

    # -- finalize and reopen -----------------------------------------------------------------

    def problems(self) -> list[Problem]:
        return assessments.validate(self.store, self.version_id)

    def finalize(self) -> list[Problem]:
        """Finalize, or return what blocks it (nothing changes then)."""
        try:
            assessments.finalize(self.store, self.version_id, self.actor)
        except assessments.FinalizeBlocked as blocked:
            return blocked.problems
        except USER_ERRORS as exc:
            self.failed.emit(str(exc))
            return []
        self.saved.emit(datetime.now())
        self.refresh()
        return []

    def reopen_for_return(self, return_id: str, reason: str) -> bool:
        """Reopen for the coordinator's return: the new version answers it."""
        return self.reopen(reason, return_id)

    def reopen(self, reason: str, return_id: str | None = None) -> bool:
        try:
            if return_id is not None:
                new_version = returns.reopen_for_revision(self.store, return_id, self.actor, reason=reason)
            else:
                new_version = assessments.reopen(self.store, self.version_id, reason, self.actor)
            settings.write(self.store, settings.LAST_OPEN, new_version)
        except USER_ERRORS as exc:
            self.failed.emit(str(exc))
            return False
        self.version_id = new_version
        self.saved.emit(datetime.now())
        self.version_changed.emit(new_version)
        self.refresh()
        return True
