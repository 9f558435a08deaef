"""Step 4, panels and schedule: the layout of the days, the generator, and the grid to adjust it by hand.

The layout (days, hours, slot length, breaks, panels and their rooms, panel size, how panels are
linked) is saved field by field. "Generate" fills the slots in the background (a round of 514
candidates takes a moment) and says how linked the plan is. Slots move by drag and drop, or with
the keyboard: Ctrl+arrow keys move the selected slot one cell, Ctrl+X and Ctrl+V carry it to any
cell of any day. Every edit is saved, checked again, and undone with Ctrl+Z; each problem is
named on its slot and in the list below the grid.
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.rounds import RoundError, planning, setup
from app.rounds.planning import NoPlan, Note, Plan, PlannedSlot, SlotProblem, store_io
from app.rounds.setup import ScheduleLayout
from app.store import Store
from app.ui.coordinator.session import error_text
from app.ui.setup import undo
from app.ui.setup.context import SetupContext
from app.ui.setup.layout_form import LayoutForm
from app.ui.setup.page_base import SetupPage
from app.ui.setup.plan_words import PlanWords, day_text, time_text
from app.ui.setup.seat_dialog import SeatDialog
from app.ui.setup.slot_grid import SLOT_ROLE, SlotGridModel, moved
from app.ui.widgets.even_rows import EvenRows


def round_problems(store: Store, round_id: str, slots: list[PlannedSlot] | None = None) -> list[SlotProblem]:
    """The checker's word on the saved schedule (``slots``: as just read back); a round it cannot check
    (no days laid out) is one problem."""
    try:
        return store_io.check_round(store, round_id, slots)
    except RoundError as exc:
        return [SlotProblem(None, "layout", str(exc))]


class SchedulePage(SetupPage):
    def __init__(self, ctx: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("4 · Panels and schedule"), self.tr(
            "Lay out the days and panels, then generate: every candidate is interviewed once by a full panel, "
            "nobody sits on a candidate they have a conflict with, and assessors rotate between panels so that "
            "panels stay linked. Move slots with the mouse, or with Ctrl+arrow keys and Ctrl+X / Ctrl+V."), parent)
        self.layout_: ScheduleLayout | None = None
        self.slots: list[PlannedSlot] = []
        self.problems: list[SlotProblem] = []
        self.cut: int | None = None
        self.words = PlanWords(self)

        self.form = LayoutForm(self)
        self.generate_button = QPushButton(self.tr("&Generate the schedule"), self)
        self.linkage = QLabel(self)
        self.linkage.setWordWrap(True)
        self.linkage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left_widget = QWidget(self)
        left_widget.setMaximumWidth(390)  # the grid takes the width: its panels are the work
        left = QVBoxLayout(left_widget)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.form)
        left.addWidget(self.generate_button)
        self.seat_button = QPushButton(self.tr("Seat assessors on this panel…"), self)
        self.seat_button.setToolTip(self.tr("Who sits on the panel of the selected slot that day (or double-click "
                                            "the panel's heading)"))
        left.addWidget(self.seat_button)
        left.addWidget(self.linkage)
        self.notes = QLabel(self)  # what the generator says of its plan (load, free slots)
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.notes)
        self.plan_notes: tuple[Note, ...] = ()
        ctx.round_changed.connect(self._forget_notes)  # they spoke of the other round's plan
        left.addStretch(1)

        self.day_tabs = QTabBar(self)
        self.day_tabs.setAccessibleName(self.tr("Interview days"))
        self.model = SlotGridModel(self)
        self.grid = QTableView(self)
        self.grid.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.grid.setModel(self.model)
        self.grid.setAccessibleName(self.tr("Interview slots"))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setDragEnabled(True)
        self.grid.setAcceptDrops(True)
        self.grid.setDropIndicatorShown(True)
        self.grid.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.grid.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.rows = EvenRows(self.grid, max_lines=2)  # a wrapped name no longer makes its row taller than the rest
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.horizontalHeader().setMinimumSectionSize(110)
        self.problem_list = QListWidget(self)
        self.problem_list.setWordWrap(True)
        self.problem_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problem_list.setAccessibleName(self.tr("Problems of the schedule"))
        self.problem_label = QLabel(self)
        right_widget = QWidget(self)
        right = QVBoxLayout(right_widget)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.day_tabs)
        right.addWidget(self.grid, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(right_widget)
        problems = QWidget(self)
        problems_layout = QVBoxLayout(problems)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(self.problem_label)
        problems_layout.addWidget(self.problem_list)
        split.addWidget(problems)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        columns = QHBoxLayout()
        columns.addWidget(left_widget)
        columns.addWidget(split, 1)
        self.body.addLayout(columns, 1)

        self.form.edited.connect(self.save_layout)
        self.generate_button.clicked.connect(self.generate)
        self.seat_button.clicked.connect(lambda: self.seat_panel(self.grid.currentIndex().column()))
        self.grid.horizontalHeader().sectionDoubleClicked.connect(self.seat_panel)
        self.day_tabs.currentChanged.connect(self._day_chosen)
        self.model.move_requested.connect(self.move_slot)
        self.problem_list.itemActivated.connect(self._problem_activated)
        keys = {"Ctrl+Left": (0, -1), "Ctrl+Right": (0, 1), "Ctrl+Up": (-1, 0), "Ctrl+Down": (1, 0)}
        for key, (rows, cols) in keys.items():
            shortcut = QShortcut(QKeySequence(key), self.grid)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda r=rows, c=cols: self.nudge(r, c))
        for standard, slot in ((QKeySequence.StandardKey.Cut, self.cut_current),
                               (QKeySequence.StandardKey.Paste, self.paste_here)):
            shortcut = QShortcut(QKeySequence(standard), self.grid)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    # --- reading back -------------------------------------------------------------------------

    def refresh(self) -> None:
        self.setEnabled(bool(self.round_id))
        if not self.round_id:
            self.layout_, self.slots, self.problems = None, [], []
            self.ctx.slots, self.ctx.problems = [], []
            self.model.set_plan([], [], ScheduleLayout(days=()), {})
            return
        self.layout_ = setup.schedule_layout(self.store, self.round_id)
        self.form.show_layout(self.layout_)
        self.slots = store_io.round_slots(self.store, self.round_id)
        self.recheck()

    def recheck(self) -> None:
        """Check the slots against the round (candidates, conflicts, the day) and show the result."""
        assert self.layout_ is not None
        self.problems = round_problems(self.store, self.round_id, self.slots) if self.slots else []
        self.ctx.slots, self.ctx.problems = self.slots, self.problems
        names = {a.id: a.name for a in setup.round_assessors(self.store, self.round_id)}
        self.model.set_plan(self.slots, self.problems, self.layout_, names)
        self._show_days()
        self._show_problems()
        self._show_linkage()

    def state(self) -> str:
        if not self.slots:
            return self.tr("not generated yet")
        text = self.tr("%1 slot(s)").replace("%1", str(len(self.slots)))
        return text + (self.tr(", ⚠ %1 problem(s)").replace("%1", str(len(self.problems))) if self.problems else "")

    def _show_days(self) -> None:
        self.day_tabs.blockSignals(True)
        while self.day_tabs.count():
            self.day_tabs.removeTab(0)
        days = self.model.days()
        for number, day in enumerate(days, start=1):
            count = sum(1 for s in self.slots if s.day == day)
            self.day_tabs.addTab(self.tr("Day %1 · %2 · %3 slot(s)").replace("%1", str(number))
                                 .replace("%2", QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM"))
                                 .replace("%3", str(count)))
        if self.model.day in days:
            self.day_tabs.setCurrentIndex(days.index(self.model.day))
        self.day_tabs.blockSignals(False)

    def _show_problems(self) -> None:
        self.problem_list.clear()
        for problem in self.problems:
            where = ""
            if problem.slot is not None and problem.slot < len(self.slots):
                slot = self.slots[problem.slot]
                where = f"{day_text(slot.day)} {time_text(slot.start)} · {slot.panel}: "
            said = self.words.problem(problem)
            item = QListWidgetItem("⚠ " + where + said)
            item.setData(Qt.ItemDataRole.UserRole, problem.slot)
            item.setToolTip(said)
            self.problem_list.addItem(item)
        if not self.slots:
            self.problem_label.setText(self.tr("No schedule yet: lay out the days and panels, then generate."))
        elif self.problems:
            self.problem_label.setText(self.tr("%1 problem(s) to solve (Enter on one shows its slot):")
                                       .replace("%1", str(len(self.problems))))
        else:
            self.problem_label.setText(self.tr("✓ No problems: every candidate once, full panels, no conflict."))

    def _show_linkage(self) -> None:
        if not self.slots:
            self.linkage.setText("")
            return
        share, groups = planning.linkage(self.slots), planning.islands(self.slots)
        why = self.tr("Why it matters: the ranking can compare the severity of panels only through the assessors "
                      "they share; panels with no chain of shared assessors cannot be compared fairly.")
        whole = (self.tr("All panels are connected through shared assessors.") if groups <= 1 else
                 self.tr("⚠ The panels fall into %1 groups with no assessor in common.").replace("%1", str(groups)))
        ceiling = next((note for note in self.plan_notes if note.kind == "linkage" and note.data["most"] is not None),
                       None)
        most = (self.tr(" (at most %1 with %2 panels of %3 a day)").replace("%1", self.words.percent(ceiling.data["most"]))
                .replace("%2", str(ceiling.data["panels"])).replace("%3", str(ceiling.data["panel_size"]))
                if ceiling is not None else "")
        self.linkage.setText(self.tr("<b>Linked: %1 of panel pairs</b> share an assessor%2. %3<br><small>%4</small>")
                             .replace("%1", self.words.percent(share)).replace("%2", most).replace("%3", whole)
                             .replace("%4", why))

    def _forget_notes(self, _round_id: str = "") -> None:
        self.plan_notes = ()
        self.notes.clear()

    def _show_notes(self) -> None:
        """What the generator said, under the linkage: the load first, then anything else worth knowing
        (the linkage itself is said above, and kept up to date as slots move)."""
        said_above = ("linkage", "all_linked", "islands")
        order = {"balanced": 0, "unbalanced": 0, "counts": 1}  # the balance first, then the counts behind it
        load = [self.words.note(n) for n in sorted((n for n in self.plan_notes if n.kind in order),
                                                   key=lambda n: order[n.kind])]
        other = [self.words.note(n) for n in self.plan_notes
                 if n.kind not in said_above and n.kind not in ("balanced", "unbalanced", "counts")]
        parts = []
        if load:
            parts.append(self.tr("<b>Load</b>") + "".join(f"<br>• {html.escape(text)}" for text in load))
        if other:
            parts.append(self.tr("<b>Notes</b>") + "".join(f"<br>• {html.escape(text)}" for text in other))
        self.notes.setText("<br><br>".join(parts))

    # --- layout -------------------------------------------------------------------------------

    def save_layout(self) -> bool:
        if self.layout_ is None:
            return False
        new = self.form.schedule_layout()
        if new is None:
            self.ctx.failed.emit(self.tr("Breaks are written HH:MM-HH:MM, separated by semicolons, "
                                         "e.g. 12:00-13:00; 15:00-15:15."))
        if new is None or new == self.layout_:
            if new is None and self.layout_ is not None:
                self.form.show_layout(self.layout_)
            return False
        return undo.save_layout(self.ctx.history, self.store, self.round_id, self.tr("days and panels"),
                                self.layout_, new)

    # --- generating ---------------------------------------------------------------------------

    def generate(self) -> None:
        if self.layout_ is not None and not self.layout_.days:
            self.save_layout()  # the days shown in the form, never saved yet: the generator needs them
        round_id, store = self.round_id, self.store
        self.generate_button.setEnabled(False)
        self.ctx.message.emit(self.tr("Generating the schedule…"))
        self.ctx.runner.run(lambda: planning.generate(store_io.plan_request(store, round_id)),
                            label=self.tr("Generating the schedule"),
                            on_done=lambda plan: self._generated(round_id, plan), on_error=self._not_generated)

    def _generated(self, round_id: str, plan: Plan) -> None:
        self.generate_button.setEnabled(True)
        if round_id != self.round_id:
            return  # another round was opened meanwhile: this plan is not for it
        if undo.save_slots(self.ctx.history, self.tr("generate the schedule"), self._save, self.slots,
                           list(plan.slots)):
            self.plan_notes = plan.notes
            self._show_notes()
            self._show_linkage()
            self.ctx.message.emit(self.tr("Schedule generated: %1 slot(s), %2% of panel pairs linked.")
                                  .replace("%1", str(len(plan.slots))).replace("%2", f"{plan.linkage * 100:.0f}"))

    def _not_generated(self, exc: BaseException) -> None:
        self.generate_button.setEnabled(True)
        if isinstance(exc, NoPlan):
            self.ctx.failed.emit(self.tr("No schedule fits: %1").replace("%1", "; ".join(map(self.words.note,
                                                                                             exc.reasons))))
        else:
            self.ctx.failed.emit(error_text(exc))

    def _save(self, slots: list[PlannedSlot]) -> None:
        store_io.save_plan(self.store, self.round_id, slots)

    # --- seating and moving -------------------------------------------------------------------

    def seat_dialog(self, title: str, seated: tuple[str, ...]) -> SeatDialog:
        assert self.layout_ is not None
        return SeatDialog(title, setup.round_assessors(self.store, self.round_id), seated, self.layout_.panel_size,
                          self)

    def seat_panel(self, column: int) -> bool:
        """Choose who sits on a panel for the day shown; every slot of that panel that day follows."""
        seat = self.model.seat_of(column) if column >= 0 else None
        if seat is None or self.model.day is None:
            self.ctx.failed.emit(self.tr("Choose a slot of the panel first (the panel has no slot that day)."))
            return False
        day = self.model.day
        title = self.model.column_title(column).splitlines()[0]
        dialog = self.seat_dialog(title, seat.assessor_ids)
        if not dialog.exec():
            return False
        chosen = dialog.chosen()
        if chosen == tuple(sorted(seat.assessor_ids)):
            return False
        new = [replace(s, assessor_ids=chosen) if s.day == day and s.panel == seat.panel else s for s in self.slots]
        text = self.tr("seat %1 on %2").replace("%1", str(len(chosen))).replace("%2", seat.panel)
        return undo.save_slots(self.ctx.history, text, self._save, self.slots, new)

    def move_slot(self, slot_index: int, day: date, start: time, column: int) -> bool:
        if not 0 <= slot_index < len(self.slots):
            return False
        slot = self.slots[slot_index]
        new = moved(self.slots, slot_index, day, start, column, self.model.rooms(), self.model.days())
        if new == self.slots:
            return False
        text = self.tr("move %1 to %2 %3").replace("%1", slot.region_code).replace("%2", day_text(day)) \
            .replace("%3", time_text(start))
        if not undo.save_slots(self.ctx.history, text, self._save, self.slots, new):
            return False
        # the slots were read back from the store (in its order): find the moved one by its candidate
        self.select_slot(next((i for i, s in enumerate(self.slots) if s.region_code == slot.region_code), -1))
        return True

    def select_slot(self, slot_index: int) -> None:
        if not 0 <= slot_index < len(self.slots):
            return
        day = self.slots[slot_index].day
        if day != self.model.day:
            self.model.show_day(day)
            self._show_days()
        cell = self.model.cell_of(slot_index)
        if cell is not None:
            self.grid.setCurrentIndex(self.model.index(*cell))
            self.grid.scrollTo(self.model.index(*cell))

    def current_slot(self) -> int | None:
        index = self.grid.currentIndex()
        return index.data(SLOT_ROLE) if index.isValid() else None

    def nudge(self, rows: int, columns: int) -> bool:
        index = self.grid.currentIndex()
        slot_index = self.current_slot()
        if slot_index is None or self.model.day is None:
            return False
        row, column = index.row() + rows, index.column() + columns
        if not (0 <= row < self.model.rowCount() and 0 <= column < self.model.columnCount()):
            return False
        return self.move_slot(slot_index, self.model.day, self.model.cell_time(row), column)

    def cut_current(self) -> None:
        self.cut = self.current_slot()
        if self.cut is not None:
            slot = self.slots[self.cut]
            self.ctx.message.emit(self.tr("%1 cut: choose a cell (any day) and press Ctrl+V.")
                                  .replace("%1", slot.region_code))

    def paste_here(self) -> bool:
        index = self.grid.currentIndex()
        if self.cut is None or not index.isValid() or self.model.day is None:
            return False
        cut, self.cut = self.cut, None
        return self.move_slot(cut, self.model.day, self.model.cell_time(index.row()), index.column())

    def _day_chosen(self, number: int) -> None:
        days = self.model.days()
        if 0 <= number < len(days):
            self.model.show_day(days[number])

    def _problem_activated(self, item: QListWidgetItem) -> None:
        slot_index = item.data(Qt.ItemDataRole.UserRole)
        if slot_index is not None:
            self.select_slot(slot_index)
            self.grid.setFocus()

