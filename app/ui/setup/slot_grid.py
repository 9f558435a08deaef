"""The schedule as a grid: one day at a time, a row per slot time, a column per panel (room).

:class:`SlotGridModel` shows slots and the checker's problems; it never changes them. A drop (or a
keyboard move) asks for a move with ``move_requested(slot index, day, start, column)``; the page
computes the new list of slots with :func:`moved`, saves it through the undo history and hands the
model the result. A slot with a problem is shown with a warning icon, a red background, "⚠" in its
text and the problem in its tooltip: never colour alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, time
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from app.base.ids import short_id
from app.regions import by_code
from app.rounds.planning import PlannedSlot, SlotProblem
from app.rounds.setup import ScheduleLayout
from app.ui.setup.plan_words import PlanWords, day_text, time_text

MIME = "application/x-nilai-slot"
SLOT_ROLE = Qt.ItemDataRole.UserRole + 1  # the slot index in the plan, or None
PROBLEM_BACKGROUND = QColor("#f9d6d5")
BREAK_BACKGROUND = QColor("#e8e8e8")
PANEL_NAME = re.compile(r"^P(\d+)\b")
Index = QModelIndex | QPersistentModelIndex


def column_of(slot: PlannedSlot, rooms: Sequence[str]) -> int:
    """The panel column of a slot: "P2 D1" sits in column 1; else its room's place."""
    found = PANEL_NAME.match(slot.panel)
    if found:
        return int(found.group(1)) - 1
    return rooms.index(slot.room) if slot.room in rooms else 0


TITLES = {"prof.", "dr.", "ir.", "drs.", "dra.", "h.", "hj."}


def short_name(name: str) -> str:
    """ "Prof. Dr. Sari Wulandari, M.Kom." → "Sari W." (titles and degrees left out)."""
    words = [w for w in name.split(",")[0].split() if w.casefold() not in TITLES]
    if not words:
        return name
    return words[0] if len(words) == 1 else f"{words[0]} {words[1][0]}."


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _clock(minutes: int) -> time:
    return time(minutes // 60 % 24, minutes % 60)


@dataclass(frozen=True)
class Seat:
    """Who sits in a column on a day: its panel name, room and assessors (read off its slots)."""

    panel: str
    room: str
    assessor_ids: tuple[str, ...]


def seats(slots: Sequence[PlannedSlot], rooms: Sequence[str]) -> dict[tuple[date, int], Seat]:
    found: dict[tuple[date, int], Seat] = {}
    for slot in slots:
        found.setdefault((slot.day, column_of(slot, rooms)), Seat(slot.panel, slot.room, slot.assessor_ids))
    return found


def moved(slots: Sequence[PlannedSlot], index: int, day: date, start: time, column: int,
          rooms: Sequence[str], days: Sequence[date] = ()) -> list[PlannedSlot]:
    """The slots after slot ``index`` moves to a cell; a slot already there takes the moved one's place.

    A slot that changes column or day is interviewed by the panel sitting there (its assessors). In
    a cell where no panel sits that day, it keeps its assessors as a new panel named like the
    generator's ("P<room> D<day>", the day counted in ``days``).
    """
    numbers = {d: n for n, d in enumerate(sorted(set(days) | {s.day for s in slots} | {day}), start=1)}
    result = list(slots)
    source = result[index]
    seated = seats(slots, rooms)
    from_cell = (source.day, source.start, column_of(source, rooms))

    def placed(slot: PlannedSlot, cell_day: date, cell_start: time, cell_column: int) -> PlannedSlot:
        seat = seated.get((cell_day, cell_column))
        if seat is None:  # nobody sits there yet: the slot keeps its assessors, under the room's name
            room = rooms[cell_column] if cell_column < len(rooms) else slot.room
            return replace(slot, day=cell_day, start=cell_start, room=room,
                           panel=f"P{cell_column + 1} D{numbers[cell_day]}")
        return replace(slot, day=cell_day, start=cell_start, panel=seat.panel, room=seat.room,
                       assessor_ids=seat.assessor_ids)

    for other, slot in enumerate(result):
        if other != index and (slot.day, slot.start, column_of(slot, rooms)) == (day, start, column):
            result[other] = placed(slot, *from_cell)
    result[index] = placed(source, day, start, column)
    return result


class SlotGridModel(QAbstractTableModel):
    move_requested = Signal(int, object, object, int)  # slot index, day, start, column

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.slots: list[PlannedSlot] = []
        self.problems: list[SlotProblem] = []
        self.words = PlanWords(self)
        self.layout_ = ScheduleLayout(days=())
        self.day: date | None = None
        self.times: list[time] = []
        self.columns = 0
        self.names: dict[str, str] = {}  # assessor id -> name
        self._cells: dict[tuple[int, int], int] = {}
        self._by_slot: dict[int, list[SlotProblem]] = {}

    # --- contents -----------------------------------------------------------------------------

    def set_plan(self, slots: Sequence[PlannedSlot], problems: Sequence[SlotProblem], layout: ScheduleLayout,
                 names: dict[str, str]) -> None:
        self.beginResetModel()
        self.slots, self.problems, self.layout_, self.names = list(slots), list(problems), layout, dict(names)
        self._by_slot = {}
        for problem in self.problems:
            if problem.slot is not None:
                self._by_slot.setdefault(problem.slot, []).append(problem)
        days = self.days()
        if self.day not in days:
            self.day = days[0] if days else None
        self._layout_day()
        self.endResetModel()

    def show_day(self, day: date) -> None:
        self.beginResetModel()
        self.day = day
        self._layout_day()
        self.endResetModel()

    def days(self) -> list[date]:
        return sorted(set(self.layout_.days) | {slot.day for slot in self.slots})

    def rooms(self) -> tuple[str, ...]:
        return self.layout_.rooms

    def _layout_day(self) -> None:
        step = max(5, self.layout_.slot_minutes)
        todays = [i for i, slot in enumerate(self.slots) if slot.day == self.day]
        minutes = set(range(_minutes(self.layout_.day_start), _minutes(self.layout_.day_end) - step + 1, step))
        minutes |= {_minutes(self.slots[i].start) for i in todays}
        self.times = [_clock(m) for m in sorted(minutes)]
        self.columns = max([self.layout_.panels, *(column_of(self.slots[i], self.rooms()) + 1 for i in todays)])
        row_of = {t: row for row, t in enumerate(self.times)}
        self._cells = {}
        for i in todays:
            self._cells[(row_of[self.slots[i].start], column_of(self.slots[i], self.rooms()))] = i

    def slot_at(self, row: int, column: int) -> int | None:
        return self._cells.get((row, column))

    def cell_of(self, slot_index: int) -> tuple[int, int] | None:
        return next((cell for cell, i in self._cells.items() if i == slot_index), None)

    def problems_of(self, slot_index: int) -> list[SlotProblem]:
        return self._by_slot.get(slot_index, [])

    def in_break(self, row: int) -> bool:
        start = _minutes(self.times[row])
        end = start + self.layout_.slot_minutes
        return any(_minutes(a) < end and start < _minutes(b) for a, b in self.layout_.breaks)

    def seat_of(self, column: int) -> Seat | None:
        return seats(self.slots, self.rooms()).get((self.day, column)) if self.day else None

    def column_title(self, column: int) -> str:
        """Room and panel, then who sits on it that day (short names: the header stays two lines)."""
        rooms = self.rooms()
        room = rooms[column] if column < len(rooms) and rooms[column] else self.tr("Room %1").replace("%1", str(column + 1))
        seat = self.seat_of(column)
        if seat is None:
            return room
        return f"{room} · {seat.panel}\n" + ", ".join(short_name(self.names.get(i, short_id(i))) for i in seat.assessor_ids)

    def assessor_names(self, ids: Sequence[str]) -> str:
        return ", ".join(self.names.get(i, short_id(i)) for i in ids)

    # --- the model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.times)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.columns

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.times):
                return time_text(self.times[section])
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            seat = self.seat_of(section)
            return self.tr("Seated: %1").replace("%1", self.assessor_names(seat.assessor_ids)) if seat else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        slot_index = self.slot_at(index.row(), index.column())
        if role == SLOT_ROLE:
            return slot_index
        if slot_index is None:
            if self.in_break(index.row()):
                if role == Qt.ItemDataRole.DisplayRole:
                    return self.tr("break")
                if role == Qt.ItemDataRole.BackgroundRole:
                    return QBrush(BREAK_BACKGROUND)
            return None
        slot = self.slots[slot_index]
        problems = self.problems_of(slot_index)
        region = by_code().get(slot.region_code)
        name = region.name if region else slot.region_code
        if role == Qt.ItemDataRole.DisplayRole:  # "Kab.": at 514 candidates the columns are narrow
            shown = name.replace("Kabupaten ", "Kab. ", 1)
            return f"⚠ {shown}" if problems else shown
        if role == Qt.ItemDataRole.AccessibleTextRole:  # read out whole, as the tooltip shows it
            return name
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{name} ({slot.region_code}, {region.province_name if region else ''})",
                     self.tr("%1 %2, %3 min · %4 · %5").replace("%1", day_text(slot.day, "ddd d MMM yyyy"))
                     .replace("%2", time_text(slot.start)).replace("%3", str(slot.minutes)).replace("%4", slot.panel)
                     .replace("%5", slot.room),
                     self.tr("Assessors: %1").replace("%1", self.assessor_names(slot.assessor_ids))]
            lines += [f"⚠ {self.words.problem(p)}" for p in problems]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole and problems:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return QBrush(PROBLEM_BACKGROUND)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and problems:
            return "; ".join(self.words.problem(p) for p in problems)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        if index.isValid() and self.slot_at(index.row(), index.column()) is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # --- drag and drop ------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        found = [self.slot_at(i.row(), i.column()) for i in indexes]
        chosen = next((i for i in found if i is not None), None)
        if chosen is not None:
            data.setData(MIME, QByteArray(str(chosen).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                        parent: Index) -> bool:
        return data.hasFormat(MIME) and parent.isValid()

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: Index) -> bool:
        if not data.hasFormat(MIME) or not parent.isValid() or self.day is None:
            return False
        slot_index = int(bytes(data.data(MIME).data()).decode())
        self.move_requested.emit(slot_index, self.day, self.times[parent.row()], parent.column())
        return False  # the move is made by the page (saved, then shown): nothing for the view to remove

    def cell_time(self, row: int) -> time:
        return self.times[row]
