"""The current indicator: question, interviewer guidance, rubric levels, note and evidence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from app.assessments.scoring import Mark
from app.base.numbers import format_weight
from app.models.domain import Dimension, Indicator, ScoreInfo
from app.ui.i18n import current_language
from app.ui.interview.evidence_list import EvidenceList
from app.ui.interview.note_editor import NoteEditor
from app.ui.interview.rubric_levels import RubricLevels


def _label(text: str = "", *, wrap: bool = True, selectable: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _section(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class IndicatorPanel(QSplitter):
    """Above: what to ask and the rubric (scrolls). Below, always in sight: the note and the evidence."""

    level_chosen = Signal(int)
    not_applicable_chosen = Signal()
    note_committed = Signal(str, str)  # indicator code, note
    note_editing = Signal()
    remove_evidence = Signal(str)  # evidence id
    files_dropped = Signal(str, list)  # indicator code, paths

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.code: str | None = None
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # not a Tab stop of its own: Tab goes from the outline to the rubric levels, then the note
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setAccessibleName(self.tr("Indicator"))
        body = QWidget(self.scroll_area)
        self.where = _label(selectable=False)
        self.where.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.title = _label()
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.question = _label()
        question_font = QFont(self.question.font())
        question_font.setPointSizeF(question_font.pointSizeF() * 1.1)
        self.question.setFont(question_font)
        self.guidance_title = _section(self.tr("Interviewer guidance"))
        self.guidance = _label()
        self.evidence_hint = _label()
        self.evidence_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.levels = RubricLevels(body)
        self.levels.level_chosen.connect(self.level_chosen)
        self.levels.not_applicable_chosen.connect(self.not_applicable_chosen)
        self.note_title = _section(self.tr("Note"))
        bottom = QWidget(self)
        self.note = NoteEditor(bottom)
        self.note.setPlaceholderText(self.tr("What the delegation said or showed; saved as you type."))
        self.note.setMinimumHeight(60)
        self.note_title.setBuddy(self.note)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.committed.connect(lambda text: self.note_committed.emit(self.code or "", text))
        self.note.editing.connect(self.note_editing)
        self.evidence_title = _section(self.tr("Evidence"))
        self.evidence = EvidenceList(data_dir, bottom)
        self.evidence_title.setBuddy(self.evidence.list)
        self.evidence.remove_requested.connect(self.remove_evidence)
        self.evidence.files_dropped.connect(lambda paths: self.files_dropped.emit(self.code or "", paths))

        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.setSpacing(6)
        for widget in (self.where, self.title, self.question):
            layout.addWidget(widget)
        layout.addSpacing(4)
        layout.addWidget(self.guidance_title)
        layout.addWidget(self.guidance)
        layout.addWidget(self.evidence_hint)
        layout.addSpacing(6)
        layout.addWidget(self.levels)
        layout.addStretch(1)
        self.scroll_area.setWidget(body)
        grid = QGridLayout(bottom)
        grid.setContentsMargins(12, 4, 12, 4)
        grid.addWidget(self.note_title, 0, 0)
        grid.addWidget(self.note, 1, 0)
        grid.addWidget(self.evidence_title, 0, 1)
        grid.addWidget(self.evidence, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.addWidget(self.scroll_area)
        self.addWidget(bottom)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)
        self.setChildrenCollapsible(False)
        self.setSizes([480, 150])

    def show_indicator(self, indicator: Indicator, dimension: Dimension, lang: str, score: ScoreInfo | None,
                       read_only: bool) -> None:
        """Show another indicator (the caller flushes the previous note first)."""
        self.note.discard_pending()
        self.code = indicator.code
        required = self.tr("required") if indicator.required else self.tr("optional")
        self.where.setText(f"{dimension.title.get(lang)} · {indicator.code} · {required} · "
                           + self.tr("weight %1").replace("%1", format_weight(indicator.weight, current_language())))
        self.title.setText(indicator.title.get(lang))
        self.question.setText(indicator.question.get(lang))
        guidance = indicator.guidance.get(lang)
        self.guidance.setText(guidance)
        self.guidance_title.setVisible(bool(guidance))
        self.guidance.setVisible(bool(guidance))
        hint = indicator.evidence_hint.get(lang)
        self.evidence_hint.setText(self.tr("Evidence to ask for: %1").replace("%1", hint) if hint else "")
        self.evidence_hint.setVisible(bool(hint))
        mark = Mark(score.level, score.not_applicable) if score else Mark()
        self.levels.set_indicator(indicator, lang, mark, read_only)
        self.note.show_stored(score.note if score else "")
        self.scroll_area.verticalScrollBar().setValue(0)
        self.update_score(score, read_only)

    def reveal_chosen(self) -> None:
        """Scroll so the chosen rubric level is in sight (a digit key may choose one below the fold)."""
        card = self.levels.chosen_card()
        if card is not None:
            self.scroll_area.ensureWidgetVisible(card, 0, 8)

    def update_score(self, score: ScoreInfo | None, read_only: bool) -> None:
        """The stored state of the shown indicator changed (an edit, undo or redo)."""
        self.levels.set_mark(Mark(score.level, score.not_applicable) if score else Mark())
        self.levels.set_read_only(read_only)
        self.note.set_note(score.note if score else "")
        self.note.setReadOnly(read_only)
        self.evidence.set_evidence(score.evidence if score else (), read_only)
