"""The ranking as a table: one row per region, in the consolidation's order until sorted otherwise.

Columns: the fixed ones have constants (:data:`RANK` ... :data:`SCORE`); after them come one column
per dimension of the instrument, then :data:`ASSESSORS`, the agreement flags, one column per
shortlist size and the tie flags — :class:`RankingModel` gives their numbers (``dimension_column``,
``shortlist_column``, ``column_kind``). Display texts and sort keys are computed once per reset,
so painting and sorting ask Python for nothing but a list lookup.

Sorting happens in the model (``sort``): a key per row and column is ready, Python's sort takes well
under a millisecond for 514 regions, and one ``layoutChanged`` tells the views. The filter proxy
(:class:`RankingFilterProxy`) passes ``sort`` on to the model and filters by region name, code or
province with a precomputed lowercase text per row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.base.numbers import Kind, round_score
from app.consolidation import Consolidation, RankedRegion
from app.consolidation.ranking import TIE, YES, Placed
from app.ui.i18n import score_text
from app.ui.widgets.table_base import KeyedFilterProxy, KeyedTableModel

RANK, CODE, REGION, PROVINCE, SCORE = range(5)
FIXED = 5
# kinds of the columns after the fixed ones
DIMENSION, ASSESSORS, SPREAD, MODERATED, SHORTLIST, TIES = "dimension", "assessors", "spread", "moderated", \
    "shortlist", "ties"
RAW_RANK = "raw_rank"  # under the adjusted rule: the rank by the raw mean, and whether a cut-off was crossed

SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # a value that sorts (None-safe)
REGION_CODE_ROLE = int(Qt.ItemDataRole.UserRole) + 2
POSITION_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # place in the consolidation's order (1-based)
RANKED_ROLE = int(Qt.ItemDataRole.UserRole) + 4  # the RankedRegion
SHORTLIST_ROLE = int(Qt.ItemDataRole.UserRole) + 5  # {size: "yes" | "no" | "tie"}
STRADDLES_ROLE = int(Qt.ItemDataRole.UserRole) + 6  # shortlist sizes whose cut-off this region's tie straddles

WARNING = QColor(214, 69, 65)
_SPOKEN = int(Qt.ItemDataRole.AccessibleTextRole)
_DISPLAY, _TOOLTIP, _ALIGN, _FOREGROUND, _USER = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
                                                  int(Qt.ItemDataRole.TextAlignmentRole),
                                                  int(Qt.ItemDataRole.ForegroundRole), int(Qt.ItemDataRole.UserRole))
MISSING = float("-inf")

Index = QModelIndex | QPersistentModelIndex


class RankingModel(KeyedTableModel):
    default_sort = (RANK, Qt.SortOrder.AscendingOrder)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._c: Consolidation | None = None
        self._rows: list[RankedRegion] = []
        self._columns: list[tuple[str, Any]] = []  # (kind, key) of each column after the fixed ones
        self._display: list[list[str]] = []
        self._search: list[str] = []
        self._align: list[int | None] = []
        self._warn: set[tuple[int, int]] = set()
        self._raw: dict[str, Placed] = {}

    # -- contents -------------------------------------------------------------------------------

    def set_consolidation(self, c: Consolidation | None, raw_places: dict[str, Placed] | None = None) -> None:
        """``raw_places``: each region's place under the raw mean (shown beside an adjusted ranking)."""
        self.beginResetModel()
        self._c = c
        self._raw = raw_places or {}
        self._rows = list(c.ranking) if c else []
        self._columns = []
        if c is not None:
            self._columns += [(DIMENSION, d.code) for d in c.instrument.dimensions]
            self._columns += [(RAW_RANK, None)] if self._raw else []
            self._columns += [(ASSESSORS, None), (SPREAD, None), (MODERATED, None)]
            self._columns += [(SHORTLIST, size) for size in c.shortlist_sizes]
            self._columns += [(TIES, None)]
        locale = QLocale()
        self._display, self._keys, self._search = [], [], []
        for r in self._rows:
            self._display.append(self._texts(r, locale))
            self._keys.append(self._sort_keys(r))
            self._search.append(" ".join((r.region.code, r.region.name, r.region.province_name)).casefold())
        self._styles()
        self._reset_order()
        self.endResetModel()

    def consolidation(self) -> Consolidation | None:
        return self._c

    def ranked(self, row: int) -> RankedRegion:
        return self._rows[self._order[row]]

    def row_of(self, region_code: str) -> int:
        for row, index in enumerate(self._order):
            if self._rows[index].region.code == region_code:
                return row
        return -1

    def search_text(self, row: int) -> str:
        return self._search[self._order[row]]

    # -- layout ---------------------------------------------------------------------------------

    def column_kind(self, column: int) -> tuple[str, Any]:
        names = {RANK: "rank", CODE: "code", REGION: "region", PROVINCE: "province", SCORE: "score"}
        return (names[column], None) if column < FIXED else self._columns[column - FIXED]

    def dimension_column(self, code: str) -> int:
        return FIXED + self._columns.index((DIMENSION, code))

    def shortlist_column(self, size: int) -> int:
        return FIXED + self._columns.index((SHORTLIST, size))

    def kind_column(self, kind: str) -> int:
        return FIXED + next(i for i, (k, _) in enumerate(self._columns) if k == kind)

    # -- cells ----------------------------------------------------------------------------------

    def _texts(self, r: RankedRegion, locale) -> list[str]:
        texts = ["–" if r.rank is None else locale.toString(r.rank), r.region.code, r.region.name,
                 r.region.province_name, score_text(r.total, Kind.PANEL)]
        for kind, key in self._columns:
            if kind == DIMENSION:
                texts.append(score_text(next(d.score for d in r.dimensions if d.code == key), Kind.PANEL))
            elif kind == RAW_RANK:
                texts.append(self._raw_text(r, locale))
            elif kind == ASSESSORS:
                texts.append(f"{r.assessors}/{r.expected}" if r.expected and r.expected != r.assessors
                             else locale.toString(r.assessors))
            elif kind == SPREAD:
                texts.append(locale.toString(len(r.flagged_indicators)) if r.flagged_indicators else "")
            elif kind == MODERATED:
                texts.append(locale.toString(len(r.moderated_indicators)) if r.moderated_indicators else "")
            elif kind == SHORTLIST:
                mark = r.on_shortlist(key)
                texts.append("✓" if mark == YES else self.tr("tie") if mark == TIE else "")
            else:
                texts.append(self._tie_text(r))
        return texts

    def _crossed(self, r: RankedRegion) -> list[int]:
        """The shortlist sizes this region is on under one rule and not under the other."""
        place = self._raw.get(r.region.code)
        if place is None or self._c is None:
            return []
        raw = dict(zip(self._c.shortlist_sizes, place.shortlist, strict=True))
        return [size for size in self._c.shortlist_sizes if raw[size] != r.on_shortlist(size)]

    def _raw_text(self, r: RankedRegion, locale) -> str:
        place = self._raw.get(r.region.code)
        if place is None or place.rank is None:
            return "–"
        text = locale.toString(place.rank)
        if r.rank is not None and r.rank != place.rank:
            moved = place.rank - r.rank  # up when the adjusted rank is better (smaller)
            text += f" {'▲' if moved > 0 else '▼'}{abs(moved)}"
        return ("⇅ " if self._crossed(r) else "") + text

    def _tie_text(self, r: RankedRegion) -> str:
        straddles = [size for size, mark in r.shortlist if mark == TIE]
        if straddles:
            return self.tr("straddles cut-off %1").replace("%1", ", ".join(str(s) for s in straddles))
        if r.tied_with:  # the whole list is in the tooltip
            return "= " + r.tied_with[0] + (f" +{len(r.tied_with) - 1}" if len(r.tied_with) > 1 else "")
        return self.tr("tie-break") if r.score_tied else ""

    def _sort_keys(self, r: RankedRegion) -> list[Any]:
        def num(value: float | None) -> float:
            return MISSING if value is None else round_score(value, Kind.EXACT)

        keys: list[Any] = [(r.rank is None, r.position), r.region.code, r.region.name.casefold(),
                           (r.region.province_name.casefold(), r.position), (num(r.total), -r.position)]
        order = {"yes": 2, "tie": 1, "no": 0}
        for kind, key in self._columns:
            if kind == DIMENSION:
                keys.append((num(next(d.score for d in r.dimensions if d.code == key)), -r.position))
            elif kind == RAW_RANK:
                place = self._raw.get(r.region.code)
                keys.append((place is None or place.rank is None, place.position if place else 0))
            elif kind == ASSESSORS:
                keys.append((r.assessors, -r.position))
            elif kind == SPREAD:
                keys.append((len(r.flagged_indicators), -r.position))
            elif kind == MODERATED:
                keys.append((len(r.moderated_indicators), -r.position))
            elif kind == SHORTLIST:
                keys.append((order[r.on_shortlist(key)], -r.position))
            else:
                straddles = sum(1 for _, mark in r.shortlist if mark == TIE)
                keys.append((straddles, len(r.tied_with), r.score_tied, -r.position))
        return keys

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else (FIXED + len(self._columns) if self._c is not None else FIXED)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        kind, key = self.column_kind(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "rank": self.tr("Rank"), "code": self.tr("Code"), "region": self.tr("Region"),
                "province": self.tr("Province"), "score": self.tr("Panel score"), DIMENSION: key,
                RAW_RANK: self.tr("Rank by mean"), ASSESSORS: self.tr("Assessors"), SPREAD: self.tr("Spread ≥2"), MODERATED: self.tr("Moderated"),
                SHORTLIST: self.tr("Top %1").replace("%1", str(key)), TIES: self.tr("Ties"),
            }[kind]
        if role == Qt.ItemDataRole.ToolTipRole:
            if kind == DIMENSION and self._c is not None:
                dim = next(d for d in self._c.instrument.dimensions if d.code == key)
                return f"{dim.title.id} / {dim.title.en} ({dim.weight:g} %)"
            return {
                "rank": self.tr("Standard competition rank (1, 2, 2, 4); regions without a panel score are not ranked"),
                "score": self.tr("Panel score 0–100 under the chosen aggregation rule"),
                RAW_RANK: self.tr("The rank by the mean of the assessors' own levels; ▲/▼ how far the adjustment "
                                  "moved the region, ⇅ it crossed a shortlist cut-off"),
                ASSESSORS: self.tr("Counted assessments (of the assessors seated on the panel)"),
                SPREAD: self.tr("Indicators where assessors differ by two levels or more"),
                MODERATED: self.tr("Indicators with a moderated level"),
                SHORTLIST: self.tr("On the shortlist of %1: ✓ yes, tie: a tie straddles the cut-off").replace(
                    "%1", str(key)),
                TIES: self.tr("Regions with the same panel score: separated by tie-breakers, genuinely tied (=), or "
                              "straddling a cut-off (for the coordinator to decide)"),
            }.get(kind)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if self._numeric(kind) else None
        return None

    @staticmethod
    def _numeric(kind: str) -> bool:
        return kind in ("rank", "score", DIMENSION, RAW_RANK, ASSESSORS, SPREAD, MODERATED)

    def _styles(self) -> None:
        """Alignment per column and the cells drawn in the warning colour, computed once per reset."""
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        centre = int(Qt.AlignmentFlag.AlignCenter)
        self._align = [right if self._numeric(kind) else centre if kind == SHORTLIST else None
                       for kind, _ in (self.column_kind(c) for c in range(self.columnCount()))]
        self._warn = set()
        for source, r in enumerate(self._rows):
            for column in range(FIXED, self.columnCount()):
                kind, key = self.column_kind(column)
                if (kind == TIES and any(m == TIE for _, m in r.shortlist)) or \
                        (kind == SHORTLIST and r.on_shortlist(key) == TIE) or (kind == SPREAD and r.flagged_indicators) \
                        or (kind == ASSESSORS and (r.missing or r.in_conflict)) or (kind == RAW_RANK and self._crossed(r)):
                    self._warn.add((source, column))

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # The hot path of painting: plain int roles and precomputed lists, no enum look-ups.
        if not index.isValid():
            return None
        row = index.row()
        if row >= len(self._order):
            return None
        source = self._order[row]
        column = index.column()
        if role == _DISPLAY:
            return self._display[source][column]
        if role == _ALIGN:
            return self._align[column]
        if role == _FOREGROUND:
            return WARNING if (source, column) in self._warn else None
        if role == _SPOKEN:
            return self._spoken(source, column)
        if role < _USER:
            return self._tooltip(self._rows[source], column) if role == _TOOLTIP else None
        if role == SORT_ROLE:
            return self._keys[source][column]
        r = self._rows[source]
        if role == REGION_CODE_ROLE:
            return r.region.code
        if role == POSITION_ROLE:
            return r.position
        if role == RANKED_ROLE:
            return r
        if role == SHORTLIST_ROLE:
            return dict(r.shortlist)
        if role == STRADDLES_ROLE:
            return [size for size, mark in r.shortlist if mark == TIE]
        return None

    def _spoken(self, source: int, column: int) -> str:
        """What a screen reader says for a cell: the red of a warning and the "–" of nothing put in words."""
        text = self._display[source][column]
        if text == "–":
            text = self.tr("none")
        if (source, column) in self._warn:
            reason = self._tooltip(self._rows[source], column)
            text = f"{text}, " + self.tr("warning") + (f": {reason}" if reason else "")
        return text

    def _tooltip(self, r: RankedRegion, column: int) -> str | None:
        kind, _key = self.column_kind(column)
        if kind == SPREAD and r.flagged_indicators:
            return ", ".join(r.flagged_indicators)
        if kind == MODERATED and r.moderated_indicators:
            return ", ".join(r.moderated_indicators)
        if kind == TIES and r.tied_with:
            return self.tr("Genuinely tied with %1 (same score and every tie-breaker)").replace(
                "%1", ", ".join(r.tied_with))
        if kind == ASSESSORS and (r.missing or r.in_conflict):
            return self.tr("%1 missing, %2 in conflict").replace("%1", str(r.missing)).replace(
                "%2", str(r.in_conflict))
        if kind == RAW_RANK and (crossed := self._crossed(r)):
            return self.tr("Adjusted for assessor severity, this region moves across the cut-off of the top %1 "
                           "(see Region detail and Assessor severity for why)").replace(
                "%1", ", ".join(str(s) for s in crossed))
        if kind == "region":
            return f"{r.region.name} ({r.region.code}), {r.region.province_name}"
        return None

    def sorted_by_rank(self) -> bool:
        return self.sort_column == RANK and self.sort_order == Qt.SortOrder.AscendingOrder


class RankingFilterProxy(KeyedFilterProxy):
    """Filters by a text (region code, name or province); sorting is done by the source model."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._needle:
            self.refilter(lambda: setattr(self, "_needle", needle))

    def accepts(self, model: Any, source_row: int) -> bool:
        return not self._needle or (isinstance(model, RankingModel) and self._needle in model.search_text(source_row))

    def sorted_by_rank(self) -> bool:
        model = self.sourceModel()
        return isinstance(model, RankingModel) and model.sorted_by_rank()
