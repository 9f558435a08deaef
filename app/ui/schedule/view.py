"""The assessor's schedule: search and filter, today's work first, open an interview."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app import rounds
from app.rounds import schedule
from app.rounds.schedule import ScheduleEntry
from app.store import Store
from app.ui.i18n import current_language
from app.ui.schedule.calibration_feedback import CalibrationFeedbackDialog, RoundFeedback, load_feedback
from app.ui.schedule.filter import ScheduleFilter
from app.ui.schedule.model import (
    COL_CODE,
    COL_PROGRESS,
    COL_REGION,
    COL_STATUS,
    COL_TIME,
    EntryRole,
    KindRole,
    ProgressRole,
    RoundIdRole,
    ScheduleModel,
)
from app.ui.tasks import TaskRunner
from app.ui.widgets import status as st
from app.ui.widgets.progress_delegate import ProgressDelegate


@dataclass(frozen=True)
class LoadedSchedule:
    rounds: list[tuple[rounds.RoundInfo, list[ScheduleEntry]]]
    all_panels: bool  # the assessor sits on no panel, so every interview is shown
    feedback: dict[str, RoundFeedback] = field(default_factory=dict)  # round id -> calibration feedback


def load_schedule(store: Store, assessor_id: str | None, progress=None) -> LoadedSchedule:
    """Every round's slots for this assessor (off the GUI thread: a large round takes a moment)."""
    infos = rounds.list_rounds(store)
    result = []
    for number, info in enumerate(infos):
        result.append((info, schedule.schedule_for(store, info.id, assessor_id)))
        if progress:
            progress(number + 1, len(infos))
    all_panels = bool(infos) and not any(entries for _, entries in result)
    if all_panels:
        result = [(info, schedule.schedule_for(store, info.id, assessor_id, all_panels=True)) for info in infos]
    feedback = {info.id: found for info in infos if (found := load_feedback(store, info, assessor_id))}
    return LoadedSchedule(result, all_panels, feedback)


class ScheduleView(QWidget):
    open_requested = Signal(str, object)  # round id, ScheduleEntry
    loaded = Signal()

    def __init__(self, store: Store, runner: TaskRunner, assessor_id: str | None, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._assessor_id = store, runner, assessor_id
        self._today = today
        self._first_load = True
        self.model = ScheduleModel(self)
        self.proxy = ScheduleFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the schedule"))
        self.search.setPlaceholderText(self.tr("Search by region name, code or province"))
        self.search.setToolTip(self.tr("Search by region name, code or province (Ctrl+F)"))
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._search_entered)
        focus_search = QAction(self.tr("Search the schedule"), self)
        focus_search.setShortcut(QKeySequence.StandardKey.Find)
        focus_search.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        focus_search.triggered.connect(self._focus_search)
        self.addAction(focus_search)

        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("All statuses"), "")
        for key in (*st.STATUSES, st.RETURNED):
            self.status_filter.addItem(st.status_icon(key), st.status_text(key), key)
        self.status_filter.addItem(self.tr("Work left (not finalized)"), "open")
        self.status_filter.setToolTip(self.tr("Show only interviews with this status"))
        self.status_filter.setAccessibleName(self.tr("Status shown"))
        self.status_filter.currentIndexChanged.connect(self._status_changed)

        self.open_button = QPushButton(self.tr("Open interview"), self)
        self.open_button.setToolTip(self.tr("Open the selected interview (Enter)"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_current)
        self._feedback: dict[str, RoundFeedback] = {}
        self.feedback_button = QPushButton(self.tr("Calibration feedback…"), self)
        self.feedback_button.setToolTip(self.tr("Your levels on the calibration case beside the group median, "
                                                "from your coordinator's round package"))
        self.feedback_button.setAccessibleName(self.tr("Calibration feedback"))
        self.feedback_button.clicked.connect(self.show_feedback)
        self.feedback_button.hide()

        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(self.tr("Interview schedule"))
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setItemDelegateForColumn(COL_PROGRESS, ProgressDelegate(ProgressRole, self.tree))
        self.tree.activated.connect(self._activated)
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_REGION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_CODE, 70), (COL_TIME, 70), (COL_STATUS, 170), (COL_PROGRESS, 120)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.empty = QLabel(self.tr("There is no interview schedule in this data directory yet.\n\n"
                                    "Import the round package from your coordinator (File → Open round "
                                    "package…), or try the program with a demo round (nilai demo).\n\n"
                                    "Preparing a round as its coordinator? Coordinator → New round… (Ctrl+Shift+N)."),
                            self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.tree)
        self.pages.addWidget(self.empty)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.status_filter, 1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.feedback_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.pages, 1)

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        self._runner.run(load_schedule, self._store, self._assessor_id, with_progress=True,
                         label=self.tr("Loading the schedule"), on_done=self._loaded, on_error=self._failed)

    def _loaded(self, loaded: LoadedSchedule) -> None:
        selected = self.current_entry()
        self.model.set_schedule(loaded.rounds, self._today)
        has_slots = any(entries for _, entries in loaded.rounds)
        self.pages.setCurrentWidget(self.tree if has_slots else self.empty)
        self.notice.setVisible(loaded.all_panels)
        self.notice.setText(self.tr("You are not on any panel of this round, so every interview is shown."))
        self._feedback = loaded.feedback
        self.feedback_button.setVisible(bool(loaded.feedback))
        first, self._first_load = self._first_load, False
        if first:
            self._expand_work_days()
        if selected is not None:
            self.select_slot(selected.slot_id)
        elif first:
            self._select_first_open()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.notice.setText(self.tr("The schedule could not be loaded: %1").replace("%1", str(error)))
        self.notice.show()

    def _expand_work_days(self) -> None:
        for row in range(self.proxy.rowCount()):
            round_index = self.proxy.index(row, 0)
            self.tree.expand(round_index)
            work_day = self.proxy.mapFromSource(self.model.work_day_index(round_index.data(RoundIdRole)))
            if work_day.isValid():
                self.tree.expand(work_day)
                for panel in range(self.proxy.rowCount(work_day)):
                    self.tree.expand(self.proxy.index(panel, 0, work_day))

    def _select_first_open(self) -> None:
        for row in range(self.proxy.rowCount()):
            work_day = self.proxy.mapFromSource(self.model.work_day_index(self.proxy.index(row, 0).data(RoundIdRole)))
            for panel in range(self.proxy.rowCount(work_day)):
                panel_index = self.proxy.index(panel, 0, work_day)
                for slot in range(self.proxy.rowCount(panel_index)):
                    index = self.proxy.index(slot, 0, panel_index)
                    entry = index.data(EntryRole)
                    if entry is not None and (entry.status not in (st.FINAL, st.SIGNED) or entry.returned == "open"):
                        self.tree.setCurrentIndex(index)
                        self.tree.scrollTo(index)
                        return

    # -- selection and opening ---------------------------------------------------------------

    def select_slot(self, slot_id: str) -> bool:
        index = self.proxy.mapFromSource(self.model.slot_index(slot_id))
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def feedback_dialog(self) -> CalibrationFeedbackDialog | None:
        """The calibration feedback of the selected interview's round (else of the first round with some)."""
        index = self.tree.currentIndex()
        round_id = index.siblingAtColumn(0).data(RoundIdRole) if index.isValid() else None
        feedback = self._feedback.get(round_id) if round_id else None
        feedback = feedback or next(iter(self._feedback.values()), None)
        return CalibrationFeedbackDialog(feedback, current_language(), self) if feedback else None

    def show_feedback(self) -> None:
        dialog = self.feedback_dialog()
        if dialog is not None:
            dialog.exec()

    def current_entry(self) -> ScheduleEntry | None:
        index = self.tree.currentIndex()
        return index.siblingAtColumn(0).data(EntryRole) if index.isValid() else None

    def open_current(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        first = index.siblingAtColumn(0)
        if first.data(KindRole) == "slot":  # group rows expand and collapse as trees do
            self.open_requested.emit(first.data(RoundIdRole), first.data(EntryRole))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.open_button.setEnabled(current.isValid() and current.siblingAtColumn(0).data(KindRole) == "slot")

    # -- filtering ---------------------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._after_filter()

    def _status_changed(self, _row: int) -> None:
        key = self.status_filter.currentData()
        if key == "open":
            self.proxy.set_statuses({st.NOT_STARTED, st.DRAFT, st.RETURNED})
        else:
            self.proxy.set_statuses({key} if key else set())
        self._after_filter()

    def _after_filter(self) -> None:
        if self.proxy.active:
            self.tree.expandAll()
            if not self.tree.currentIndex().isValid():
                self._select_first_hit()

    def _select_first_hit(self) -> None:
        index = self.proxy.index(0, 0)
        while index.isValid() and index.data(KindRole) != "slot":
            index = self.proxy.index(0, 0, index)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_entered(self) -> None:
        self.tree.setFocus()
        if self.proxy.active:
            self.open_current()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            return
        if event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            self.tree.setFocus()
            return
        super().keyPressEvent(event)
