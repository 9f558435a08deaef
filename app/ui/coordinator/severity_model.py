"""The assessors' severities as a table: one row per assessor, sortable by every column.

Severity is in points on the 0-100 scale (positive: scores lower than the average assessor on the
same work) with its standard error, and the same in rubric levels; the fit figures are the mean
squared standardised residual and the spread of the assessor's levels across indicators relative to
the median assessor (``docs/ranking-method.md`` §9.2). The flag is a word, with a mark and a
colour only as a second cue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor

from app.consolidation import SeverityFit
from app.consolidation.data import RoundData
from app.consolidation.severity.model import ERRATIC, HALO
from app.ui.widgets.table_base import Index, ItemTableModel

ASSESSOR, PANELS, REGIONS, SEVERITY, LEVELS, MEAN_SQUARE, SPREAD, FLAG = range(8)
NUMERIC = (REGIONS, SEVERITY, LEVELS, MEAN_SQUARE, SPREAD)
WARNING = QColor(214, 69, 65)


@dataclass(frozen=True)
class SeverityRow:
    assessor_id: str
    name: str
    panels: tuple[str, ...]
    regions: int
    severity: float  # points
    se: float
    levels: float  # the severity in rubric levels
    mean_square: float
    spread: float
    flag: str  # "" | "erratic" | "halo"


def severity_rows(fit: SeverityFit, data: RoundData) -> list[SeverityRow]:
    """The fit's assessors with their names, the panels they sat on and the real regions they scored,
    strictest first. Calibration cases (and the panel that sits them) are left out of these two
    columns: the fit uses them, but the Calibration section shows them on their own."""
    calibration = {case.code for case in data.calibration}
    panels: dict[str, set[str]] = {}
    regions: dict[str, set[str]] = {}
    for ref in data.counted:
        if ref.region_code in calibration:
            continue
        panels.setdefault(ref.assessor_id, set()).update(data.panel_names.get(ref.region_code, ()))
        regions.setdefault(ref.assessor_id, set()).add(ref.region_code)
    rows = [SeverityRow(a.assessor_id, data.assessors[a.assessor_id].name, tuple(sorted(panels.get(a.assessor_id, ()))),
                        len(regions.get(a.assessor_id, ())), a.severity, a.se, a.severity_levels, a.mean_square,
                        a.indicator_spread, a.flag)
            for a in fit.assessors]
    return sorted(rows, key=lambda r: -r.severity)


def signed(locale: QLocale, value: float, decimals: int) -> str:
    text = locale.toString(abs(value), "f", decimals)
    return ("+" if value > 0 else "−" if value < 0 else "") + text if round(value, decimals) else text


class SeverityModel(ItemTableModel[SeverityRow]):
    def headers(self) -> Sequence[str]:
        return (self.tr("Assessor"), self.tr("Panels"), self.tr("Regions"), self.tr("Severity (points ± SE)"),
                self.tr("Severity (levels)"), self.tr("Fit (mean square)"), self.tr("Spread across indicators"),
                self.tr("Flag"))

    def flag_text(self, flag: str) -> str:
        if flag == ERRATIC:
            return "⚠ " + self.tr("erratic: levels the model does not explain")
        if flag == HALO:
            return "⚠ " + self.tr("halo: nearly the same level everywhere")
        return self.tr("fits")

    def texts(self, item: SeverityRow) -> Sequence[str]:
        locale = QLocale()
        return (item.name, ", ".join(item.panels), locale.toString(item.regions),
                f"{signed(locale, item.severity, 1)} ± {locale.toString(item.se, 'f', 1)}",
                signed(locale, item.levels, 2), locale.toString(item.mean_square, "f", 2),
                locale.toString(item.spread, "f", 2), self.flag_text(item.flag))

    def set_items(self, items) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._keys = [[(r.name.casefold(), ", ".join(r.panels).casefold(), r.regions, r.severity, r.levels,
                        r.mean_square, r.spread, (r.flag == "", r.flag))[column] for column in range(8)]
                      for r in self._items]
        self._reset_order()
        self.endResetModel()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return {
                SEVERITY: self.tr("Positive: this assessor scores lower than the average assessor on the same work "
                                  "(stricter); negative: higher (more lenient). Points on the 0-100 scale, with the "
                                  "standard error; the adjusted rule adds the severity back to each of their levels"),
                LEVELS: self.tr("The severity in rubric levels (points × the indicators' span / 100)"),
                MEAN_SQUARE: self.tr("The mean squared standardised residual: near 1 when the model explains this "
                                     "assessor as well as the others; above 1.5 erratic, below 0.5 too predictable"),
                SPREAD: self.tr("How much the assessor's levels vary across indicators within one region, relative "
                                "to the median assessor; below 0.5: halo"),
            }.get(section)
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.row() < len(self._items):
            if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.ForegroundRole and index.column() == FLAG and self.item(index.row()).flag:
                return WARNING
        return super().data(index, role)
