"""What every setup page shares: the services, the round being prepared, the edit history, messages.

Pages never talk to each other: an edit is made through :attr:`SetupContext.history`, which tells
every page (``changed``) to read its step back from the core; a new round is announced with
``round_changed``. The schedule page (built before the hand-out page, so refreshed first) leaves
the slots and their problems here, so the schedule is read and checked once per change.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.rounds.planning import PlannedSlot, SlotProblem
from app.ui.coordinator.services import CoordinatorServices
from app.ui.setup.undo import SetupHistory


class SetupContext(QObject):
    round_changed = Signal(str)  # the round being prepared ("" for none)
    changed = Signal()  # something of the round was written, undone or redone
    message = Signal(str)
    failed = Signal(str)

    def __init__(self, services: CoordinatorServices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.round_id = ""
        # the schedule as step 4 last read and checked it; later pages read it here instead of again
        self.slots: list[PlannedSlot] = []
        self.problems: list[SlotProblem] = []
        self.history = SetupHistory(self)
        self.history.changed.connect(self.changed)
        self.history.failed.connect(self.failed)
        self.history.message.connect(self.message)

    @property
    def store(self):
        return self.services.store

    @property
    def runner(self):
        return self.services.runner

    def set_round(self, round_id: str | None) -> None:
        round_id = round_id or ""
        if round_id == self.round_id:
            return
        self.round_id = round_id
        self.history.clear()  # undo never reaches into another round
        self.round_changed.emit(round_id)
