"""One interview: header, instrument outline, current indicator, live summary.

Every edit is committed through :class:`AssessmentSession` as it happens; this view only shows
the stored state and turns key presses and clicks into edits and navigation.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app import identity
from app.assessments import clock, returns, unmet_requirements
from app.assessments.scoring import Mark
from app.models.domain import AssessmentSnapshot, AssessmentStatus
from app.store import Store, StoreError
from app.ui.interview.actions import InterviewActions
from app.ui.interview.calibration_dialog import IndicatorCalibrationDialog, feedback_of
from app.ui.interview.delegation_editor import DelegationDialog
from app.ui.interview.finalize_dialog import FinalizeDialog
from app.ui.interview.find_indicator_dialog import FindIndicatorDialog
from app.ui.interview.header import InterviewHeader
from app.ui.interview.indicator_panel import IndicatorPanel
from app.ui.interview.outline_model import COL_MARK, COL_TITLE, CodeRole, KindRole, OutlineModel
from app.ui.interview.reopen_dialog import ReopenDialog
from app.ui.interview.return_notice import ReturnNotice
from app.ui.interview.session import AssessmentSession, AssessmentState
from app.ui.interview.summary_panel import SummaryPanel
from app.ui.interview.timer import InterviewTimer
from app.ui.state import UiState
from app.ui.tasks import TaskRunner
from app.ui.widgets.wrapping import WrappingDelegate

PickFiles = Callable[[QWidget], list[Path]]


def pick_files_dialog(parent: QWidget) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(
        parent, QApplication.translate("InterviewView", "Attach evidence"), "",
        QApplication.translate("InterviewView", "Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf *.doc *.docx "
                                                "*.xls *.xlsx *.ppt *.pptx);;All files (*)"))
    return [Path(name) for name in names]


def unmet_of(snap: AssessmentSnapshot) -> dict[str, tuple[str, ...]]:
    """Indicator code → what its chosen level still asks for (a note, evidence)."""
    unmet: dict[str, tuple[str, ...]] = {}
    for score in snap.scores:
        indicator = snap.instrument.indicator(score.indicator_code)
        if indicator is not None and not score.not_applicable:
            unmet[score.indicator_code] = unmet_requirements(indicator, score.level, score.note, len(score.evidence))
    return unmet


class InterviewView(QWidget):
    saved = Signal(object)  # datetime of the last write that reached the store
    saving = Signal()  # a note is being typed; it reaches the store within a moment
    failed = Signal(str)  # something did not reach the store
    notice = Signal(str)  # information for the status bar
    opened = Signal(str)  # version id, once its state is shown
    version_changed = Signal(str)

    def __init__(self, store: Store, runner: TaskRunner, actor: str, ui_state: UiState, actions: InterviewActions,
                 lang: str, parent: QWidget | None = None, pick_files: PickFiles = pick_files_dialog,
                 timer: InterviewTimer | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner, self.actor, self.ui_state, self.interview_actions, self.lang = (
            store, runner, actor, ui_state, actions, lang)
        self.pick_files = pick_files
        self.run_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        # (parent, why) → a signing identity is there now; the main window hands in the sheets' own
        self.offer_identity: Callable[[QWidget, str], bool] = self._offer_identity
        self.session: AssessmentSession | None = None
        self.current_code: str | None = None
        self._wanted_code: str | None = None
        self._shown_version = ""

        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setMargin(6)
        self.banner.hide()
        self.return_notice = ReturnNotice(self)  # the coordinator's comment when it was returned for revision
        self.return_notice.reopen_requested.connect(self.reopen)
        self._return_key: tuple[str, str] | None = None
        self.timer = timer or InterviewTimer(self)
        self.timer.set_action(actions.timer)
        self.timer.running_changed.connect(self._timer_running)
        self.header = InterviewHeader(self.timer, self)
        self.header.set_delegation_action(actions.delegation)
        self.outline = OutlineModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.outline)
        # Long names (Indonesian ones above all) wrap rather than being cut; the tooltip and the
        # spoken name carry the full row as well.
        WrappingDelegate(self.tree)
        self.tree.setAccessibleName(self.tr("Indicators"))
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.tree.header().resizeSection(COL_MARK, 48)
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)
        self.panel = IndicatorPanel(store.data_dir, self)
        self.panel.evidence.set_attach_action(actions.attach_evidence)
        self.panel.level_chosen.connect(self.choose_level)
        self.panel.not_applicable_chosen.connect(self.mark_not_applicable)
        self.panel.note_committed.connect(self._note_committed)
        self.panel.note_editing.connect(self.saving)
        self.panel.note.escaped.connect(self.tree.setFocus)
        self.panel.remove_evidence.connect(lambda evidence_id: self.session and self.session.remove_evidence(evidence_id))
        self.panel.files_dropped.connect(lambda code, paths: self.session and self.session.add_evidence(code, paths))
        self.summary = SummaryPanel(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for widget, stretch in ((self.tree, 0), (self.panel, 1), (self.summary, 0)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.splitter.setSizes([330, 640, 310])
        self.splitter.setChildrenCollapsible(False)
        ui_state.restore_splitter(self.splitter, "interview")
        ui_state.restore_splitter(self.panel, "indicator")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.return_notice)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)
        self.addActions(actions.all())  # shortcuts work even where no menu shows them (tests, kiosk use)
        self._connect_actions()

    def _connect_actions(self) -> None:
        a = self.interview_actions
        for action in a.levels:
            action.triggered.connect(partial(self.choose_level, action.data()))
        a.not_applicable.triggered.connect(self.mark_not_applicable)
        a.clear_level.triggered.connect(lambda: self.choose_level(None))
        a.next.triggered.connect(lambda: self.step(1))
        a.previous.triggered.connect(lambda: self.step(-1))
        a.next_unscored.triggered.connect(self.next_unscored)
        a.find.triggered.connect(self.find_indicator)
        a.calibration.triggered.connect(self.show_calibration)
        a.edit_note.triggered.connect(lambda: self.panel.note.setFocus())
        a.attach_evidence.triggered.connect(self.attach_evidence)
        a.timer.triggered.connect(self.timer.toggle)
        a.delegation.triggered.connect(self.edit_delegation)
        a.finalize.triggered.connect(self.finalize)
        a.reopen.triggered.connect(self.reopen)
        a.undo.triggered.connect(lambda: self._history("undo"))
        a.redo.triggered.connect(lambda: self._history("redo"))

    # -- opening and closing ---------------------------------------------------------------

    def open(self, version_id: str, indicator_code: str | None = None) -> None:
        self.close_assessment()
        self._wanted_code = indicator_code
        self._shown_version = ""
        session = AssessmentSession(self.store, self.runner, self.actor, version_id, self)
        session.state_changed.connect(self._show_state)
        session.saved.connect(self.saved)
        session.failed.connect(self.failed)
        session.version_changed.connect(self.version_changed)
        self.session = session
        session.refresh()

    def close_assessment(self) -> None:
        """Commit what is pending and remember where the assessor was."""
        if self.session is None:
            return
        self.flush()
        self.timer.pause()  # stored paused: a closed interview does not count on
        self.ui_state.save_splitter(self.splitter, "interview")
        self.ui_state.save_splitter(self.panel, "indicator")
        self.session.deleteLater()
        self.session = None
        self.current_code = None

    def flush(self) -> None:
        self.panel.note.flush()

    @property
    def version_id(self) -> str | None:
        return self.session.version_id if self.session else None

    @property
    def read_only(self) -> bool:
        return self.session is None or self.session.read_only

    # -- showing the stored state ------------------------------------------------------------

    def _show_state(self, state: AssessmentState) -> None:
        snap = state.snapshot
        marks = {s.indicator_code: Mark(s.level, s.not_applicable) for s in snap.scores}
        unmet = unmet_of(snap)
        first = self._shown_version != snap.version_id
        self.header.set_snapshot(snap)
        if first:
            self._shown_version = snap.version_id
            self.outline.set_instrument(snap.instrument, self.lang, marks, unmet)
            self.tree.expandAll()
            self.interview_actions.set_max_level(max(ind.max_level for ind in snap.instrument.indicators()))
            self.timer.set_limit(snap.slot.minutes if snap.slot else 30)
            stored = clock.read_clock(self.store, snap.record_id)  # running still if the program was killed
            self.timer.reset(stored.elapsed(), running=stored.running)
            remembered = self.ui_state.value(f"interview/{snap.record_id}/indicator")
            code = (self._wanted_code or (remembered if isinstance(remembered, str) else None)
                    or self._first_unscored(marks) or snap.instrument.indicators()[0].code)
            if snap.instrument.indicator(code) is None:
                code = snap.instrument.indicators()[0].code
            self.current_code = None
            self.go_to(code)
        else:
            self.outline.set_marks(marks, unmet)
            if self.current_code:
                self.panel.update_score(snap.score(self.current_code), self.read_only)
        if self.current_code:
            self.panel.levels.set_unmet(unmet.get(self.current_code, ()))
        self.summary.set_summary(snap.instrument, snap.summary, self.lang)
        self._update_read_only(snap.status)
        self._show_return(snap)
        self.update_actions()
        if first:
            self.opened.emit(snap.version_id)

    def update_actions(self) -> None:
        """Enable what makes sense for the open assessment (editing only while it is a draft)."""
        state = self.session.state if self.session else None
        for action in self.interview_actions.all():
            action.setEnabled(state is not None)
        if state is None:
            return
        read_only = state.snapshot.status != AssessmentStatus.DRAFT
        for action in self.interview_actions.editing():
            action.setEnabled(not read_only)
        self.interview_actions.reopen.setEnabled(read_only)
        if self.timer.running:  # a clock left running (e.g. by a crash) can still be paused
            self.interview_actions.timer.setEnabled(True)
        self.interview_actions.undo.setEnabled(state.can_undo and not read_only)
        self.interview_actions.redo.setEnabled(state.can_redo and not read_only)

    def _update_read_only(self, status: AssessmentStatus) -> None:
        read_only = status != AssessmentStatus.DRAFT
        self.banner.setVisible(read_only)
        self.banner.setText(self.tr("This assessment is finalized and read-only. To change it, reopen it as a "
                                    "new version (Interview → Reopen as new version…, Ctrl+Shift+R)."))
        self.banner.setAutoFillBackground(True)
        self.banner.setBackgroundRole(QPalette.ColorRole.AlternateBase)

    def _show_return(self, snap: AssessmentSnapshot) -> None:
        """Looked up when another version or status is shown, not at every score."""
        key = (snap.version_id, str(snap.status))
        if key != self._return_key:
            self._return_key = key
            self.return_notice.show_return(returns.for_record(self.store, snap.record_id),
                                           snap.status != AssessmentStatus.DRAFT)

    # -- navigation --------------------------------------------------------------------------

    def go_to(self, code: str) -> None:
        snap = self.session.snapshot if self.session else None
        indicator = snap.instrument.indicator(code) if snap else None
        if snap is None or indicator is None:
            return
        if code != self.current_code:
            self.flush()
            self.current_code = code
            dimension = snap.instrument.dimension_of(code)
            assert dimension is not None  # every indicator belongs to a dimension
            self.panel.show_indicator(indicator, dimension, self.lang, snap.score(code), self.read_only)
            self.panel.levels.set_unmet(self.outline.unmet(code))
            self.ui_state.set_value(f"interview/{snap.record_id}/indicator", code)
        index = self.outline.indicator_index(code)
        if self.tree.currentIndex() != index:
            self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def _tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        if current.data(KindRole) == "dimension":
            child = self.outline.index(0, 0, current.siblingAtColumn(0))
            if child.isValid():
                self.go_to(child.data(CodeRole))
            return
        self.go_to(current.data(CodeRole))

    def step(self, delta: int) -> None:
        codes = self.outline.indicator_codes()
        if not codes or self.current_code not in codes:
            return
        position = codes.index(self.current_code) + delta
        self.go_to(codes[max(0, min(len(codes) - 1, position))])

    def _first_unscored(self, marks: dict[str, Mark], after: str | None = None) -> str | None:
        codes = self.outline.indicator_codes() if self.outline.instrument else []
        if not codes and self.session and self.session.snapshot:
            codes = [ind.code for ind in self.session.snapshot.instrument.indicators()]
        start = codes.index(after) + 1 if after in codes else 0
        for code in codes[start:] + codes[:start]:
            if not marks.get(code, Mark()).is_scored:
                return code
        return None

    def next_unscored(self) -> None:
        self.flush()
        marks = {code: self.outline.mark(code) for code in self.outline.indicator_codes()}
        code = self._first_unscored(marks, after=self.current_code)
        if code is None:
            self.notice.emit(self.tr("Every indicator has a level or is marked not applicable."))
        else:
            self.go_to(code)

    def find_indicator(self) -> None:
        if self.outline.instrument is None:
            return
        self.flush()
        marks = {code: self.outline.mark(code) for code in self.outline.indicator_codes()}
        dialog = FindIndicatorDialog(self.outline.instrument, self.lang, marks, self)
        if self.run_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.chosen_code:
            self.go_to(dialog.chosen_code)
        self.tree.setFocus()  # the digit keys score the indicator found at once

    # -- scoring -----------------------------------------------------------------------------

    def show_calibration(self) -> None:
        """Your calibration for the indicator in view (the round package's feedback), or why there is none."""
        snap = self.session.snapshot if self.session else None
        indicator = snap.instrument.indicator(self.current_code) if snap and self.current_code else None
        if snap is None or indicator is None:
            return
        feedback = feedback_of(self.store, snap)
        if feedback is None:
            self.notice.emit(self.tr("No calibration feedback for this round yet: the coordinator sends it with the "
                                     "round package, after every assessor has scored the calibration case."))
            return
        self.run_dialog(IndicatorCalibrationDialog(feedback, indicator, self.lang, self, self.run_dialog))

    def choose_level(self, value: int | None) -> None:
        if self.session is None or self.read_only or self.current_code is None:
            return
        snap = self.session.snapshot
        indicator = snap.instrument.indicator(self.current_code) if snap else None
        if value is not None and (indicator is None or indicator.level(value) is None):
            QApplication.beep()
            return
        self.flush()
        self.panel.levels.set_mark(Mark(value))
        self.panel.reveal_chosen()
        self.session.set_level(self.current_code, value)

    def mark_not_applicable(self) -> None:
        if self.session is None or self.read_only or self.current_code is None:
            return
        self.flush()
        self.panel.levels.set_mark(Mark(None, True))
        self.panel.reveal_chosen()
        self.session.set_not_applicable(self.current_code)

    def _note_committed(self, code: str, text: str) -> None:
        if self.session is not None and not self.read_only and code:
            self.session.set_note(code, text)

    def attach_evidence(self) -> None:
        if self.session is None or self.read_only or self.current_code is None:
            return
        code = self.current_code
        paths = self.pick_files(self)
        if paths:
            self.session.add_evidence(code, paths)

    def _history(self, kind: str) -> None:
        if self.session is None or self.read_only:
            return
        self.flush()
        self.session.undo() if kind == "undo" else self.session.redo()

    def edit_delegation(self) -> None:
        session = self.session
        snap = session.snapshot if session else None
        if session is None or snap is None or self.read_only:
            return
        self.flush()
        dialog = DelegationDialog(snap.region.name, snap.delegation, self, save=session.set_delegation)
        self.run_dialog(dialog)  # saved as typed
        dialog.flush()  # and whatever was typed last

    # -- finalize and reopen -----------------------------------------------------------------

    def finalize(self) -> None:
        session = self.session
        snap = session.snapshot if session else None
        if session is None or snap is None or self.read_only:
            return
        self.flush()
        problems = session.problems()
        offer = None if identity.has_identity(self.store.data_dir) else (
            lambda parent: self.offer_identity(parent, self.tr(
                "The sheet of this assessment is signed with your signing identity (a key and its certificate), "
                "and this computer has none yet. Create one from your profile here, or import the .p12 file "
                "your organisation issued (tab “Import .p12”).")))
        dialog = FinalizeDialog(snap.region.name, problems, snap.instrument, self.lang, snap.summary, self,
                                offer_identity=offer)
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        if dialog.chosen_code:
            self.go_to(dialog.chosen_code)
            self.tree.setFocus()  # the digit keys score the indicator at once
            return
        remaining = session.finalize()
        if remaining:  # something changed since the check; show the new list
            self.go_to(remaining[0].indicator_code)
            self.failed.emit(self.tr("Not finalized: %1").replace("%1", remaining[0].message))
        else:
            self.timer.pause()
            self.tree.setFocus()  # the level cards are disabled now: the keys go on from the outline

    def _offer_identity(self, parent: QWidget, purpose: str) -> bool:
        from app.ui.identity.offer import offer_identity  # deferred: the identity dialog only when needed

        return offer_identity(parent, self.store, purpose)

    def reopen(self) -> None:
        session = self.session
        snap = session.snapshot if session else None
        if session is None or snap is None or not self.read_only:
            return
        waiting = self.return_notice.info
        returned = waiting is not None and waiting.state == returns.OPEN
        dialog = ReopenDialog(snap.region.name, self, reason=waiting.comment if returned and waiting else "")
        if self.run_dialog(dialog) == QDialog.DialogCode.Accepted:
            self._wanted_code = self.current_code
            if returned and waiting is not None:  # the new version answers the coordinator's return
                session.reopen_for_return(waiting.id, dialog.reason_text())
            else:
                session.reopen(dialog.reason_text())

    # -- timer -------------------------------------------------------------------------------

    def _timer_running(self, running: bool) -> None:
        self.interview_actions.set_timer_running(running, counted=self.timer.elapsed() > 0)
        snap = self.session.snapshot if self.session else None
        if snap is None:
            return
        try:
            clock.start_clock(self.store, snap.record_id) if running else clock.pause_clock(self.store, snap.record_id)
        except StoreError as exc:
            self.failed.emit(str(exc))
