"""The instrument as a navigable outline: dimensions → indicators, with what has been scored.

Dimension rows show their progress (scored / total); indicator rows show the chosen level, "N/A",
or a dash, and what the chosen level still asks for ("needs a note", "needs evidence") as soon as
it is chosen, in the row, its tooltip and the name a screen reader reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from app.assessments.lifecycle import NEEDS_EVIDENCE, NEEDS_NOTE
from app.assessments.scoring import Mark
from app.models.domain import Dimension, Indicator, Instrument
from app.ui.widgets import status as st
from app.ui.widgets.tree_base import ALIGN_RIGHT, AnyIndex, Node, TreeModel, bold_font

COL_TITLE, COL_MARK = range(2)
COLUMN_COUNT = 2

KindRole = Qt.ItemDataRole.UserRole + 1  # "dimension" | "indicator"
CodeRole = Qt.ItemDataRole.UserRole + 2  # dimension or indicator code
ScoredRole = Qt.ItemDataRole.UserRole + 3  # indicator: a level or N/A is chosen
RequiredRole = Qt.ItemDataRole.UserRole + 4
ProgressRole = Qt.ItemDataRole.UserRole + 5  # (scored, total) of a dimension (or of an indicator: 0/1 or 1/1)
MarkRole = Qt.ItemDataRole.UserRole + 6  # the indicator's Mark
SearchTextRole = Qt.ItemDataRole.UserRole + 7  # code and title, lower case
UnmetRole = Qt.ItemDataRole.UserRole + 8  # indicator: what its chosen level still asks for (needs_note, ...)


class OutlineModel(TreeModel):
    column_count = COLUMN_COUNT

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._instrument: Instrument | None = None
        self._lang = "en"
        self._marks: dict[str, Mark] = {}
        self._unmet: dict[str, tuple[str, ...]] = {}
        self._indicators: dict[str, Node] = {}  # indicator code -> its row

    # -- filling ---------------------------------------------------------------------------

    def set_instrument(self, instrument: Instrument, lang: str, marks: Mapping[str, Mark] | None = None,
                       unmet: Mapping[str, tuple[str, ...]] | None = None) -> None:
        self.beginResetModel()
        self._instrument, self._lang = instrument, lang
        self._marks = dict(marks or {})
        self._unmet = {code: kinds for code, kinds in (unmet or {}).items() if kinds}
        self._root = Node("root")
        self._indicators = {}
        for dim in instrument.dimensions:
            dim_node = self._root.add(Node("dimension", item=dim))
            for ind in dim.indicators:
                self._indicators[ind.code] = dim_node.add(Node("indicator", item=ind))
        self.endResetModel()

    def set_marks(self, marks: Mapping[str, Mark], unmet: Mapping[str, tuple[str, ...]] | None = None) -> list[str]:
        """Take new marks (and what their levels still ask for); only rows that changed are announced.
        Returns the changed codes."""
        unmet = {code: kinds for code, kinds in (unmet or {}).items() if kinds}
        changed = [code for code in self._indicators if marks.get(code, Mark()) != self._marks.get(code, Mark())
                   or unmet.get(code, ()) != self._unmet.get(code, ())]
        self._marks, self._unmet = dict(marks), unmet
        dimensions: dict[int, Node] = {}
        for code in changed:
            node = self._indicators[code]
            self.emit_row_changed(node)
            assert node.parent is not None
            dimensions[node.parent.row] = node.parent
        for row in sorted(dimensions):
            self.emit_row_changed(dimensions[row])
        return changed

    # -- lookups ---------------------------------------------------------------------------

    @property
    def instrument(self) -> Instrument | None:
        return self._instrument

    def indicator_codes(self) -> list[str]:
        return list(self._indicators)

    def indicator_index(self, code: str) -> QModelIndex:
        return self.index_of(self._indicators.get(code))

    def indicator_at(self, index: AnyIndex) -> Indicator | None:
        if not index.isValid():
            return None
        node = self.node(index)
        return node.item if node.kind == "indicator" else None

    def mark(self, code: str) -> Mark:
        return self._marks.get(code, Mark())

    def unmet(self, code: str) -> tuple[str, ...]:
        return self._unmet.get(code, ())

    def needs_text(self, code: str) -> str:
        """"needs a note, needs evidence" (what the chosen level still asks for), or ""."""
        words = {NEEDS_NOTE: self.tr("needs a note"), NEEDS_EVIDENCE: self.tr("needs evidence")}
        return ", ".join(words[kind] for kind in self.unmet(code) if kind in words)

    # -- what the rows show ----------------------------------------------------------------

    def headers(self) -> tuple[str, str]:
        return self.tr("Indicator"), self.tr("Level")

    def node_data(self, node: Node, column: int, role: int) -> Any:
        if node.kind == "dimension":
            return self._dimension_data(node.item, column, role)
        return self._indicator_data(node.item, column, role)

    def _dimension_progress(self, dimension: Dimension) -> tuple[int, int]:
        indicators = dimension.indicators
        return sum(1 for ind in indicators if self.mark(ind.code).is_scored), len(indicators)

    def _dimension_data(self, dimension: Dimension, column: int, role: int) -> Any:
        if role == KindRole:
            return "dimension"
        if role == CodeRole:
            return dimension.code
        if role == ProgressRole:
            return self._dimension_progress(dimension)
        if role == SearchTextRole:
            return f"{dimension.code} {dimension.title.get(self._lang)}".lower()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_TITLE:
                return dimension.title.get(self._lang)
            scored, total = self._dimension_progress(dimension)
            return f"{scored}/{total}"
        if role == Qt.ItemDataRole.ToolTipRole:
            scored, total = self._dimension_progress(dimension)
            return self.tr("%1: %2 of %3 indicators scored").replace("%1", dimension.title.get(self._lang)) \
                .replace("%2", str(scored)).replace("%3", str(total))
        if role == Qt.ItemDataRole.FontRole:
            return bold_font()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_MARK:
            return ALIGN_RIGHT
        return None

    def _indicator_data(self, indicator: Indicator, column: int, role: int) -> Any:
        mark = self.mark(indicator.code)
        if role == KindRole:
            return "indicator"
        if role == CodeRole:
            return indicator.code
        if role == ScoredRole:
            return mark.is_scored
        if role == RequiredRole:
            return indicator.required
        if role == MarkRole:
            return mark
        if role == UnmetRole:
            return self.unmet(indicator.code)
        if role == ProgressRole:
            return (1 if mark.is_scored else 0), 1
        if role == SearchTextRole:
            return f"{indicator.code} {indicator.title.get(self._lang)}".lower()
        needs = self.needs_text(indicator.code)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_TITLE:
                title = f"{indicator.code}  {indicator.title.get(self._lang)}"
                return f"{title} — {needs}" if needs else title
            return self._mark_text(mark)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_TITLE:
            # amber while the chosen level still asks for something, as an assessment in progress
            return st.status_icon(st.NOT_STARTED if not mark.is_scored else st.DRAFT if needs else st.FINAL)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._indicator_description(indicator, mark, needs)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._indicator_description(indicator, mark, needs) if column == COL_TITLE else \
                self._mark_text(mark, spoken=True)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_MARK:
            return ALIGN_RIGHT
        return None

    def _mark_text(self, mark: Mark, spoken: bool = False) -> str:
        if mark.not_applicable:
            return self.tr("N/A")
        if mark.level is not None:
            return self.tr("level %1").replace("%1", str(mark.level)) if spoken else str(mark.level)
        return self.tr("no level") if spoken else "–"

    def _indicator_description(self, indicator: Indicator, mark: Mark, needs: str) -> str:
        """The full row in words (the title may be cut short on screen): for the tooltip and screen readers."""
        title = f"{indicator.code} {indicator.title.get(self._lang)}"
        parts = [title if indicator.required else self.tr("%1 (optional)").replace("%1", title),
                 self._mark_text(mark, spoken=True)]
        if needs:
            parts.append(needs)
        return " — ".join(parts)
