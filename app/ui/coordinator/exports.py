"""Exports from the coordinator view: the ranking (CSV + scores CSV, XLSX, PDF, optionally signed) and
the signed round package for assessors. Files are written on the task runner; the view is told
where they went.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.bundles.round_package import export_round_package
from app.consolidation.export import export_ranking
from app.identity import has_identity
from app.ui.coordinator.rule_names import rule_name
from app.ui.coordinator.services import CoordinatorServices
from app.ui.coordinator.session import CoordinatorSession, error_text

SUFFIX = {"csv": ".csv", "xlsx": ".xlsx", "pdf": ".pdf"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "round"


class ExportController(QObject):
    written = Signal(list)  # the paths written
    message = Signal(str)
    failed = Signal(str)

    def __init__(self, services: CoordinatorServices, session: CoordinatorSession, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.services, self.session, self.parent_widget = services, session, parent_widget

    def _filters(self, fmt: str) -> str:
        return {
            "csv": self.tr("CSV files (*.csv)"),
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "pdf": self.tr("PDF documents (*.pdf)"),
        }[fmt]

    def _identity_missing(self) -> bool:
        if has_identity(self.services.data_dir):
            return False
        self.failed.emit(self.tr("This data directory has no signing identity yet: create or import one "
                                 "(Sheets → Signing identity) and try again."))
        return True

    def export(self, fmt: str, sign: bool = False) -> bool:
        """Ask where, (ask the passphrase,) and write; False when nothing was started."""
        c = self.session.consolidation
        if c is None:
            self.failed.emit(self.tr("There is no ranking to export yet."))
            return False
        view = self.session.view
        if view is not None and view.refused:
            self.failed.emit(self.tr("The adjusted ranking is refused for this round, so there is nothing to export "
                                     "with it: choose another rule (the reason is under the rule)."))
            return False
        if view is not None and c.rule is not view.official:
            self.failed.emit(self.tr("The ranking shown uses %1 but the round's official rule is %2; exports are "
                                     "made with the official rule: make %1 official, or choose %2, then export.")
                             .replace("%1", rule_name(c.rule)).replace("%2", rule_name(view.official)))
            return False
        suggested = f"ranking-{slug(c.round.name)}-{c.rule.value}{SUFFIX[fmt]}"
        titles = {"csv": self.tr("Export the ranking as CSV"), "xlsx": self.tr("Export the ranking as XLSX"),
                  "pdf": self.tr("Export the ranking report (PDF)")}
        path = self.services.pick_save(self.parent_widget, titles[fmt], suggested, self._filters(fmt))
        if path is None:
            return False
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(SUFFIX[fmt])
        unlocked = None
        if fmt == "pdf" and sign:
            if self._identity_missing():
                return False
            unlocked = self.services.unlock(self.parent_widget, self.tr("Sign the ranking report."))
            if unlocked is None:
                return False
        self.message.emit(self.tr("Writing %1…").replace("%1", str(path)))
        self.services.runner.run(export_ranking, c, path, fmt, self.services.lang, unlocked,
                                 label=self.tr("Exporting"), on_done=self._done,
                                 on_error=lambda exc: self.failed.emit(error_text(exc)))
        return True

    def _done(self, paths: tuple[Path, ...]) -> None:
        self.written.emit(list(paths))
        self.message.emit(self.tr("Written: %1").replace("%1", " · ".join(str(p) for p in paths)))

    def export_round_package(self) -> bool:
        c = self.session.consolidation
        round_id = self.session.round_id
        if self._identity_missing():
            return False
        name = slug(c.round.name) if c is not None else "round"
        path = self.services.pick_save(self.parent_widget, self.tr("Export the round package for assessors"),
                                       f"{name}.nilairound", self.tr("Nilai round packages (*.nilairound)"))
        if path is None:
            return False
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".nilairound")
        unlocked = self.services.unlock(self.parent_widget, self.tr("Sign the round package."))
        if unlocked is None:
            return False
        self.services.runner.run(export_round_package, self.services.store, path, unlocked, round_ref=round_id,
                                 label=self.tr("Exporting the round package"), on_done=self._package_done,
                                 on_error=lambda exc: self.failed.emit(error_text(exc)))
        return True

    def _package_done(self, result) -> None:
        self.written.emit([Path(result.path)])
        self.message.emit(self.tr("Round package version %1 written: %2 (%3 candidates, %4 slots, %5 assessors)")
                          .replace("%1", str(result.package_version)).replace("%2", str(result.path))
                          .replace("%3", str(result.candidates)).replace("%4", str(result.slots))
                          .replace("%5", str(result.assessors)))
