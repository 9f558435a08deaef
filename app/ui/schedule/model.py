"""The schedule as a tree model: rounds → days → panels → interview slots.

The day holding the assessor's current work comes first in each round (today's slots when the
round runs today, else the first day with work left), the other days follow in date order.
Day and panel rows show how many of their interviews are finalized.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt

from app.rounds import RoundInfo
from app.rounds.schedule import ScheduleEntry
from app.ui.widgets import status as st
from app.ui.widgets.tree_base import ALIGN_CENTER, Node, TreeModel, bold_font

COL_REGION, COL_CODE, COL_TIME, COL_STATUS, COL_PROGRESS = range(5)
COLUMN_COUNT = 5

KindRole = Qt.ItemDataRole.UserRole + 1  # "round" | "day" | "panel" | "slot"
EntryRole = Qt.ItemDataRole.UserRole + 2  # the ScheduleEntry of a slot row
RoundIdRole = Qt.ItemDataRole.UserRole + 3
StatusRole = Qt.ItemDataRole.UserRole + 4  # slot status key (see app.ui.widgets.status)
ProgressRole = Qt.ItemDataRole.UserRole + 5  # (done, total) of the row
SearchTextRole = Qt.ItemDataRole.UserRole + 6  # region name, code and province, lower case
DayRole = Qt.ItemDataRole.UserRole + 7
IsWorkDayRole = Qt.ItemDataRole.UserRole + 8

DONE_STATUSES = (st.FINAL, st.SIGNED)


@dataclass(eq=False)
class _Node(Node):
    title: str = ""
    round_id: str = ""
    day: date | None = None
    entry: ScheduleEntry | None = None

    def slots(self) -> list[ScheduleEntry]:
        if self.entry is not None:
            return [self.entry]
        return [e for child in self.children if isinstance(child, _Node) for e in child.slots()]


def work_day(days: list[date], entries: list[ScheduleEntry], today: date) -> date | None:
    """Today if the round has interviews today, else the first day with work left, else the last."""
    if not days:
        return None
    if today in days:
        return today
    open_days = sorted({e.day for e in entries if e.status not in DONE_STATUSES})
    return open_days[0] if open_days else max(days)


class ScheduleModel(TreeModel):
    column_count = COLUMN_COUNT
    _root: _Node

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = _Node("root")
        self._today = date.today()
        self._work_days: dict[str, date | None] = {}
        self._slot_nodes: dict[str, _Node] = {}
        self._signature: list[tuple[str, date | None, list[str]]] = []

    # -- filling ---------------------------------------------------------------------------

    def set_schedule(self, rounds: list[tuple[RoundInfo, list[ScheduleEntry]]], today: date | None = None) -> None:
        """Show these rounds; when only statuses and progress changed, rows are updated in place."""
        self._today = today or date.today()
        # Same slots and the same leading day: update in place (a view keeps its expansion and selection).
        signature = [(info.id, work_day(sorted({e.day for e in entries}), entries, self._today),
                      [e.slot_id for e in entries]) for info, entries in rounds]
        if signature == self._signature and self._slot_nodes:
            self._update_in_place([e for _, entries in rounds for e in entries])
            return
        self.beginResetModel()
        self._signature = signature
        self._root = _Node("root")
        self._slot_nodes = {}
        for info, entries in rounds:
            self._add_round(info, entries)
        self.endResetModel()

    def _add_round(self, info: RoundInfo, entries: list[ScheduleEntry]) -> None:
        round_node = self._root.add(_Node("round", title=info.name, round_id=info.id))
        days = sorted({e.day for e in entries})
        first = work_day(days, entries, self._today)
        self._work_days[info.id] = first
        ordered = ([first] if first else []) + [d for d in days if d != first]
        for day in ordered:
            day_node = round_node.add(_Node("day", round_id=info.id, day=day))
            panels: dict[str, _Node] = {}
            for entry in (e for e in entries if e.day == day):
                panel = panels.get(entry.panel)
                if panel is None:
                    title = f"{entry.panel} · {entry.room}" if entry.room else entry.panel
                    panel = panels[entry.panel] = day_node.add(_Node("panel", title=title, round_id=info.id, day=day))
                slot = panel.add(_Node("slot", title=entry.region.name, round_id=info.id, day=day, entry=entry))
                self._slot_nodes[entry.slot_id] = slot

    def _update_in_place(self, entries: list[ScheduleEntry]) -> None:
        for entry in entries:
            node = self._slot_nodes.get(entry.slot_id)
            if node is None or node.entry == entry:
                continue
            node.entry = entry
            row: Node | None = node
            while row is not None and row is not self._root:
                self.emit_row_changed(row)
                row = row.parent

    # -- lookups ---------------------------------------------------------------------------

    def slot_index(self, slot_id: str) -> QModelIndex:
        node = self._slot_nodes.get(slot_id)
        return self.index_of(node)

    def work_day_index(self, round_id: str) -> QModelIndex:
        for round_node in self._root.children:
            if isinstance(round_node, _Node) and round_node.round_id == round_id and round_node.children:
                return self.index_of(round_node.children[0])
        return QModelIndex()

    def entries(self) -> list[ScheduleEntry]:
        return self._root.slots()

    # -- what the rows show ----------------------------------------------------------------

    def headers(self) -> tuple[str, ...]:
        return self.tr("Region"), self.tr("Code"), self.tr("Time"), self.tr("Status"), self.tr("Progress")

    def node_data(self, node: _Node, column: int, role: int) -> Any:
        if role == KindRole:
            return node.kind
        if role == RoundIdRole:
            return node.round_id
        if role == DayRole:
            return node.day
        if role == IsWorkDayRole:
            return node.kind == "day" and self._work_days.get(node.round_id) == node.day
        if role == EntryRole:
            return node.entry
        if role == StatusRole:  # a return for revision counts as work left, over final and signed
            if node.entry is not None and node.entry.returned == "open":
                return st.RETURNED
            return node.entry.status if node.entry else None
        if role == ProgressRole:
            return self._progress(node)
        if role == SearchTextRole:
            if node.entry is None:
                return ""
            region = node.entry.region
            return f"{region.name} {region.code} {region.province_name}".lower()
        if node.entry is not None:
            return self._slot_data(node.entry, column, role)
        return self._group_data(node, column, role)

    def _progress(self, node: _Node) -> tuple[int, int]:
        if node.entry is not None:
            return node.entry.scored, node.entry.total
        slots = node.slots()
        return sum(1 for e in slots if e.status in DONE_STATUSES and e.returned != "open"), len(slots)

    def _slot_data(self, entry: ScheduleEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_REGION:
                return entry.region.name
            if column == COL_CODE:
                return entry.region.code
            if column == COL_TIME:
                return f"{entry.start:%H:%M}"
            if column == COL_STATUS:
                return st.status_text(st.RETURNED if entry.returned == "open" else entry.status)
            if column == COL_PROGRESS:
                return f"{entry.scored}/{entry.total}"
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_REGION:
            return f"{entry.region.name}, {entry.region.province_name} ({entry.region.code})"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole) and column == COL_PROGRESS:
            return self.tr("%1 of %2 indicators scored").replace("%1", str(entry.scored)).replace("%2", str(entry.total))
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole) and column == COL_STATUS \
                and entry.returned:
            return self._return_text(entry)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_STATUS:
            return st.status_icon(st.RETURNED if entry.returned == "open" else entry.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_CODE, COL_TIME):
            return ALIGN_CENTER
        return None

    def _return_text(self, entry: ScheduleEntry) -> str:
        """The coordinator's comment, for the tooltip and for a screen reader (the colour is not the message)."""
        who = entry.returned_by.split(" <")[0]
        when = QLocale().toString(QDate(entry.returned_on.year, entry.returned_on.month, entry.returned_on.day),
                                  QLocale.FormatType.ShortFormat) if entry.returned_on else ""
        template = (self.tr("Returned for revision by %1 on %2: %3") if entry.returned == "open" else
                    self.tr("In progress: being revised for the coordinator (returned by %1 on %2: %3)"))
        return template.replace("%1", who).replace("%2", when).replace("%3", entry.return_comment)

    def _group_data(self, node: _Node, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_REGION:
                if node.kind == "day" and node.day is not None:
                    return self._day_title(node)
                return node.title
            if column == COL_PROGRESS:
                done, total = self._progress(node)
                return f"{done}/{total}"
            if column == COL_STATUS and node.kind != "round":
                done, total = self._progress(node)
                return self.tr("%1 of %2 finalized").replace("%1", str(done)).replace("%2", str(total))
        if role == Qt.ItemDataRole.FontRole and column == COL_REGION and node.kind in ("round", "day"):
            return bold_font()
        return None

    def _day_title(self, node: _Node) -> str:
        assert node.day is not None
        text = QLocale().toString(QDate(node.day.year, node.day.month, node.day.day), "dddd, d MMMM yyyy")
        if node.day == self._today:
            return self.tr("Today — %1").replace("%1", text)
        if self._work_days.get(node.round_id) == node.day:
            return self.tr("Next to do — %1").replace("%1", text)
        return text
