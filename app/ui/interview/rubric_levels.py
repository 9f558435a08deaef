"""Every rubric level of an indicator with its descriptor; the chosen one stands out.

Levels are chosen with the digit keys (window shortcuts, see interview_actions), by clicking a
card, or - the cards being one radio group - with Tab into the group and the arrow keys; "not
applicable" with N or 0. Each card is a radio button to assistive technology (role, checked state,
a press action, its name with what the chosen level still needs). The store decides what is
chosen: a click or a toggle only asks (``nextCheckState`` does nothing, a toggle is undone), and
:meth:`RubricLevels.set_mark` checks.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from app.assessments.lifecycle import NEEDS_EVIDENCE, NEEDS_NOTE
from app.assessments.scoring import Mark
from app.models.domain import Indicator
from app.ui.widgets import status as st
from app.ui.widgets.contrast import readable

ARROWS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)


class LevelCard(QRadioButton):
    """A rubric level drawn as a card; a radio button underneath, so screen readers see one."""

    chosen_by_user = Signal()

    def __init__(self, key: str, title: str, descriptor: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # auto-exclusive as a radio button is (its role); in RubricLevels' group the group's rule applies
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._syncing = False
        self.clicked.connect(self.chosen_by_user)
        self.toggled.connect(self._toggled)
        self.key_label = QLabel(key, self)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setFixedWidth(self.fontMetrics().horizontalAdvance("MM") + 8)
        font = self.key_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.key_label.setFont(font)
        self.title_label = QLabel(f"<b>{html.escape(title)}</b>" + (f" — <i>{html.escape(hint)}</i>" if hint else ""), self)
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self.descriptor_label = QLabel(descriptor, self)
        self.descriptor_label.setWordWrap(True)
        self.descriptor_label.setTextFormat(Qt.TextFormat.PlainText)
        self.descriptor_label.setVisible(bool(descriptor))
        # what this level, once chosen, still asks for: shown at once, not first at finalize
        self.unmet_label = QLabel(self)
        self.unmet_label.setTextFormat(Qt.TextFormat.PlainText)
        self.unmet_label.setWordWrap(True)
        unmet_font = self.unmet_label.font()
        unmet_font.setBold(True)
        self.unmet_label.setFont(unmet_font)
        palette = self.unmet_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, readable(st.WARNING, (
            palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Window))))
        self.unmet_label.setPalette(palette)
        self.unmet_label.hide()
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title_label)
        text.addWidget(self.unmet_label)
        text.addWidget(self.descriptor_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 10, 6)
        row.addWidget(self.key_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        self._name = f"{key}: {title}" + (f" — {hint}" if hint else "")
        self.setAccessibleName(self._name)
        self.setAccessibleDescription(descriptor)

    @property
    def chosen(self) -> bool:
        return self.isChecked()

    def set_chosen(self, chosen: bool) -> None:
        if chosen != self.isChecked():
            self._syncing = True
            try:
                self.setChecked(chosen)
            finally:
                self._syncing = False
            self.update()

    def _toggled(self, on: bool) -> None:
        """Toggled from outside (a screen reader's toggle action): undone, and the level asked for."""
        if self._syncing:
            return
        self.set_chosen(not on)
        if on:
            self.chosen_by_user.emit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and event.key() in ARROWS \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:  # Alt+Left stays "back"
            event.accept()  # the arrows move through the levels here, not to the next indicator
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        group = self.group()
        if event.key() not in ARROWS or group is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        cards = group.buttons()  # in the order shown
        step = -1 if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Left) else 1
        at = cards.index(self) + step
        if 0 <= at < len(cards) and cards[at].isEnabled():
            cards[at].setFocus(Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason)
            cards[at].click()  # as in any radio group, the level reached is the level chosen

    def nextCheckState(self) -> None:  # noqa: N802 - Qt override
        """A click asks for the level; the check follows the store (set_chosen), not the click."""

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt override
        return self.rect().contains(pos)  # the whole card, not only a radio button's indicator and text

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        layout = self.layout()
        return layout is not None and layout.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else super().heightForWidth(width)

    def set_unmet(self, needs: str) -> None:
        """``needs``: "needs a note, needs evidence" while the chosen level lacks them, else ""."""
        self.unmet_label.setText(f"⚠ {needs}")
        self.unmet_label.setVisible(bool(needs))
        # the level's requirements are in its name; what the chosen one still lacks follows, as on the card
        self.setAccessibleName(f"{self._name}. ⚠ {needs}" if needs else self._name)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        rect = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        if self.chosen:
            highlight = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
            fill = QColor(highlight)
            fill.setAlpha(48)
            painter.setBrush(fill)
            painter.setPen(QPen(highlight, 2.5))
        else:
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawRoundedRect(rect, 6, 6)
        if self.hasFocus():  # where the arrow keys are, apart from what is chosen
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(rect.adjusted(3, 3, -3, -3), 4, 4)
        painter.end()


class RubricLevels(QWidget):
    level_chosen = Signal(int)
    not_applicable_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cards: dict[int, LevelCard] = {}
        self._na_card: LevelCard | None = None
        self._unmet: tuple[str, ...] = ()
        # the arrow keys move through the group; not exclusive: the store, not Qt, keeps one level chosen
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)
        self.setAccessibleName(self.tr("Rubric levels"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)

    def set_indicator(self, indicator: Indicator, lang: str, mark: Mark, read_only: bool) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        for button in self._group.buttons():
            self._group.removeButton(button)
        self._cards.clear()
        self._unmet = ()
        for level in indicator.levels:
            hints = []
            if level.requires_note:
                hints.append(self.tr("needs a note"))
            if level.requires_evidence:
                hints.append(self.tr("needs evidence"))
            title = self.tr("Level %1").replace("%1", str(level.level))
            label = level.label.get(lang)
            if label and label != title:
                title = f"{title}: {label}"
            card = LevelCard(str(level.level), title, level.descriptor.get(lang), ", ".join(hints), self)
            card.setToolTip(self.tr("Choose level %1 (key %1)").replace("%1", str(level.level)))
            card.chosen_by_user.connect(lambda value=level.level: self.level_chosen.emit(value))
            self._group.addButton(card)
            self._cards[level.level] = card
            self._layout.addWidget(card)
        self._na_card = LevelCard("N", self.tr("Not applicable"),
                                  self.tr("This indicator does not apply to the region; it is left out of the score."),
                                  "", self)
        self._na_card.setToolTip(self.tr("Mark as not applicable (key N or 0)"))
        self._na_card.chosen_by_user.connect(self.not_applicable_chosen.emit)
        self._group.addButton(self._na_card)
        self._layout.addWidget(self._na_card)
        # new widgets join the end of the window's Tab chain: put the cards where this group stands in it
        # (setTabOrder ignores a widget without focus: this group has focus for as long as it takes)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        previous: QWidget = self
        for card in [*self._cards.values(), self._na_card]:
            QWidget.setTabOrder(previous, card)
            previous = card
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.set_mark(mark)
        self.set_read_only(read_only)

    def set_mark(self, mark: Mark) -> None:
        if mark != self.chosen():
            self._unmet = ()  # another level: what it asks for is known once the store has it
        for value, card in self._cards.items():
            card.set_chosen(not mark.not_applicable and mark.level == value)
        if self._na_card is not None:
            self._na_card.set_chosen(mark.not_applicable)
        # one Tab stop for the group, as radio groups have: the chosen level (or the first); arrows do the rest
        cards = [*self._cards.values(), *([self._na_card] if self._na_card else [])]
        stop = self.chosen_card() or (cards[0] if cards else None)
        for card in cards:
            card.setFocusPolicy(Qt.FocusPolicy.StrongFocus if card is stop else Qt.FocusPolicy.ClickFocus)
        self.set_unmet(self._unmet)

    def set_unmet(self, unmet: tuple[str, ...]) -> None:
        """What the chosen level still asks for (``needs_note``, ``needs_evidence``), said on its card."""
        self._unmet = unmet
        words = {NEEDS_NOTE: self.tr("needs a note"), NEEDS_EVIDENCE: self.tr("needs evidence")}
        needs = ", ".join(words[kind] for kind in unmet if kind in words)
        for card in self._cards.values():
            card.set_unmet(needs if card.chosen else "")

    def set_read_only(self, read_only: bool) -> None:
        for card in [*self._cards.values(), *([self._na_card] if self._na_card else [])]:
            card.setEnabled(not read_only)
            card.setCursor(Qt.CursorShape.ArrowCursor if read_only else Qt.CursorShape.PointingHandCursor)

    def chosen_card(self) -> LevelCard | None:
        cards = [*self._cards.values(), *([self._na_card] if self._na_card else [])]
        return next((card for card in cards if card.chosen), None)

    def chosen(self) -> Mark:
        if self._na_card is not None and self._na_card.chosen:
            return Mark(None, True)
        return Mark(next((value for value, card in self._cards.items() if card.chosen), None))
