"""One region's levels: one row per indicator, one column per counted assessor, then the panel's figures.

Columns: :data:`INDICATOR`, then one per assessor (``assessor_column(i)``), then ``combined``
(the rule applied to the levels), ``in force`` (the moderated level where there is one) and the
``spread`` (highest minus lowest level, flagged from 2 levels). Custom roles give the note and the
evidence file names behind each level, the indicator code and whether a row is flagged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.base.numbers import Kind, decimal_score
from app.consolidation.detail import AssessorLevel, IndicatorDetail, RegionDetail
from app.consolidation.severity.model import ERRATIC, HALO
from app.ui.coordinator.severity_model import signed
from app.ui.coordinator.side_by_side import SideBySide
from app.ui.i18n import score_text

INDICATOR = 0

INDICATOR_CODE_ROLE = Qt.ItemDataRole.UserRole + 1
NOTE_ROLE = Qt.ItemDataRole.UserRole + 2  # an assessor cell's note
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 3  # an assessor cell's evidence file names (tuple)
FLAGGED_ROLE = Qt.ItemDataRole.UserRole + 4  # the indicator's spread is 2 levels or more
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 5  # an assessor's level (None: none / n/a), or the level in force
MODERATED_ROLE = Qt.ItemDataRole.UserRole + 6  # the moderated level, or None

WARNING = QColor(214, 69, 65)
MODERATED = QColor(52, 120, 220)

Index = QModelIndex | QPersistentModelIndex


def level_text(value: float | None) -> str:
    """A level: whole levels as they are (``4``), combined ones by the score rule (``3,33`` / ``3.33``)."""
    if value is not None and decimal_score(value, Kind.LEVEL) == decimal_score(value, Kind.WHOLE):
        return score_text(value, Kind.WHOLE)
    return score_text(value, Kind.LEVEL)


class RegionDetailModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._detail: RegionDetail | None = None
        self._rows: list[IndicatorDetail] = []
        self._assessors = 0
        self._beside: SideBySide | None = None

    def set_detail(self, detail: RegionDetail | None, beside: SideBySide | None = None) -> None:
        """``beside``: the panel under the other rule (adjusted beside raw, or raw beside adjusted)."""
        self.beginResetModel()
        self._detail = detail
        self._rows = list(detail.indicators) if detail else []
        self._assessors = len(detail.assessors) if detail else 0
        self._beside = beside if detail else None
        self.endResetModel()

    def beside(self) -> SideBySide | None:
        return self._beside

    def detail(self) -> RegionDetail | None:
        return self._detail

    def indicator(self, row: int) -> IndicatorDetail:
        return self._rows[row]

    def row_of(self, code: str) -> int:
        return next((i for i, ind in enumerate(self._rows) if ind.code == code), -1)

    # -- layout ---------------------------------------------------------------------------------

    def assessor_column(self, i: int) -> int:
        return 1 + i

    @property
    def combined_column(self) -> int:
        return 1 + self._assessors

    @property
    def beside_column(self) -> int:
        """The other rule's combined level, right of the combined one; -1 without a severity fit."""
        return 2 + self._assessors if self._beside is not None else -1

    @property
    def in_force_column(self) -> int:
        return 2 + self._assessors + self._extra

    @property
    def spread_column(self) -> int:
        return 3 + self._assessors + self._extra

    @property
    def _extra(self) -> int:
        return 1 if self._beside is not None else 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._detail is None else 4 + self._assessors + self._extra

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or self._detail is None or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == INDICATOR:
                return self.tr("Indicator")
            if section <= self._assessors:
                return self._assessor_header(section - 1)
            if section == self.beside_column and self._beside is not None:
                return self.tr("Raw mean") if self._beside.raw else self.tr("Adjusted")
            if section == self.combined_column and self._beside is not None and self._beside.raw:
                return self.tr("Adjusted")
            return {self.combined_column: self.tr("Combined"), self.in_force_column: self.tr("In force"),
                    self.spread_column: self.tr("Spread")}[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if 1 <= section <= self._assessors:
                a = self._detail.assessors[section - 1]
                tip = f"{a.name} — NIP {a.nip or '–'} — {a.organisation} ({self._detail.statuses[section - 1]})"
                severity = self._beside.severity(a.id) if self._beside else None
                if severity is not None:
                    locale = QLocale()
                    tip += "\n" + self.tr("Severity %1 ± %2 points (%3 levels): positive scores lower than the "
                                          "average assessor").replace("%1", signed(locale, severity.severity, 1)) \
                        .replace("%2", locale.toString(severity.se, "f", 1)) \
                        .replace("%3", signed(locale, severity.severity_levels, 2))
                return tip
            if section == self.beside_column:
                return (self.tr("The mean of the assessors' own levels, before the adjustment") if self._beside and
                        self._beside.raw else self.tr("The mean of the levels after each is corrected for its "
                                                      "assessor's severity"))
            if section == self.combined_column:
                return self.tr("The assessors' levels combined with the round's rule")
            if section == self.in_force_column:
                return self.tr("The moderated level where the coordinator set one, else the combined level")
            if section == self.spread_column:
                return self.tr("Highest minus lowest level; flagged from 2 levels")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        ind = self._rows[index.row()]
        column = index.column()
        if role == INDICATOR_CODE_ROLE:
            return ind.code
        if role == FLAGGED_ROLE:
            return ind.flagged
        if role == MODERATED_ROLE:
            return ind.moderated
        if column == INDICATOR:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{ind.code}  {ind.title}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return ind.title
            return None
        if 1 <= column <= self._assessors:
            return self._assessor_data(ind.levels[column - 1], role)
        if column == self.beside_column and self._beside is not None:
            value = self._beside.combined(ind.code)
            if role == Qt.ItemDataRole.DisplayRole:
                return level_text(value)
            if role == LEVEL_ROLE:
                return value
        elif column == self.combined_column:
            if role == Qt.ItemDataRole.DisplayRole:
                return level_text(ind.combined)
            if role == LEVEL_ROLE:
                return ind.combined
        elif column == self.in_force_column:
            if role == Qt.ItemDataRole.DisplayRole:
                text = level_text(ind.used)
                return self.tr("%1 (moderated)").replace("%1", text) if ind.moderated is not None else text
            if role == LEVEL_ROLE:
                return ind.used
            if role == Qt.ItemDataRole.ForegroundRole and ind.moderated is not None:
                return MODERATED
            if role == Qt.ItemDataRole.FontRole and ind.moderated is not None:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole and ind.moderated is not None:
                return self.tr("Moderated: %1").replace("%1", ind.moderation_reason)
        elif column == self.spread_column:
            if role == Qt.ItemDataRole.DisplayRole:
                if ind.spread is None:
                    return "–"
                return f"⚠ {ind.spread}" if ind.flagged else str(ind.spread)
            if role == Qt.ItemDataRole.ForegroundRole and ind.flagged:
                return WARNING
            if role == Qt.ItemDataRole.ToolTipRole and ind.flagged:
                return self.tr("The assessors differ by %1 levels").replace("%1", str(ind.spread))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _assessor_header(self, i: int) -> str:
        """The assessor's name, and under it their severity ± SE and fit flag (a word, not a colour)."""
        a = self._detail.assessors[i] if self._detail else None
        severity = self._beside.severity(a.id) if a is not None and self._beside else None
        if a is None or severity is None:
            return a.name if a else ""
        flag = {ERRATIC: self.tr("erratic"), HALO: self.tr("halo")}.get(severity.flag, "")
        locale = QLocale()
        return (f"{a.name}\n{signed(locale, severity.severity, 1)} ± {locale.toString(severity.se, 'f', 1)}"
                + (f" ⚠ {flag}" if flag else ""))

    def _assessor_data(self, cell: AssessorLevel, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.tr("n/a") if cell.not_applicable else level_text(cell.level)
            marks = (" ✎" if cell.note.strip() else "") + (f" ⧉{len(cell.evidence)}" if cell.evidence else "")
            return text + marks
        if role == LEVEL_ROLE:
            return cell.level
        if role == NOTE_ROLE:
            return cell.note
        if role == EVIDENCE_ROLE:
            return cell.evidence
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and (cell.note.strip() or cell.evidence):
            parts = [cell.note.strip()] if cell.note.strip() else []
            if cell.evidence:
                parts.append(self.tr("Evidence: %1").replace("%1", ", ".join(cell.evidence)))
            return "\n".join(parts)
        return None


WHEN, INDICATOR_COLUMN, CHANGE, WHO, REASON = range(5)  # the reason last: it takes the room left


def local_time(iso: str) -> str:
    """A logged UTC time, in this computer's time zone."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


class ModerationHistoryModel(QAbstractTableModel):
    """Every set and clear of the region's moderations, newest first, as logged."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._events: list = []

    def set_events(self, events) -> None:
        self.beginResetModel()
        self._events = sorted(events, key=lambda e: e.position, reverse=True)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 5:
            return (self.tr("When"), self.tr("Indicator"), self.tr("Change"), self.tr("Coordinator"), self.tr("Reason"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._events):
            return None
        e = self._events[index.row()]
        if role == INDICATOR_CODE_ROLE:
            return e.indicator_code
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == WHEN:
            return local_time(e.at)
        if column == INDICATOR_COLUMN:
            return e.indicator_code
        if column == CHANGE:
            old = "–" if e.old_level is None else str(e.old_level)
            new = self.tr("cleared") if e.new_level is None else str(e.new_level)
            return f"{old} → {new}"
        if column == WHO:  # "Name <NIP>": the name here, all of it in the tooltip
            return e.actor if role == Qt.ItemDataRole.ToolTipRole else e.actor.split(" <")[0]
        return e.reason
