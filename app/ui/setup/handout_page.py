"""Step 5, hand out: the signed round package for the assessors, the printable schedule (PDF, per day
and per panel) and the schedule as XLSX.

The page first says what is ready and what is not (candidates, assessors, slots, problems left);
a schedule with problems can still be printed for discussion, but the package asks to solve them
first. Every file is written on the task runner, so signing and the PDF never block the window.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.base.ids import short_id
from app.bundles.round_package import export_round_package
from app.identity import has_identity
from app.rounds import setup
from app.rounds.planning import PlannedSlot
from app.sheets.schedule_export import export_schedule
from app.ui.coordinator.exports import slug
from app.ui.coordinator.session import error_text
from app.ui.setup.context import SetupContext
from app.ui.setup.page_base import SetupPage


class HandoutPage(SetupPage):
    written = Signal(object)  # the path of a file written

    def __init__(self, ctx: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("5 · Hand out"), self.tr(
            "Send each assessor the signed round package (it carries the instrument, the candidates, the panels "
            "and the schedule), and print the schedule for the venue."), parent)
        self.ready = QLabel(self)
        self.ready.setWordWrap(True)
        self.ready.setTextFormat(Qt.TextFormat.RichText)
        self.package_button = QPushButton(self.tr("Export the signed round pac&kage…"), self)
        self.pdf_button = QPushButton(self.tr("Printable schedule (PD&F)…"), self)
        self.xlsx_button = QPushButton(self.tr("Schedule as &XLSX…"), self)
        grid = QGridLayout()
        for row, (button, what) in enumerate((
                (self.package_button, self.tr("for the assessors: they open it with File → Open round package")),
                (self.pdf_button, self.tr("one page per day and panel, to print for the venue")),
                (self.xlsx_button, self.tr("the same columns the schedule import reads back")))):
            grid.addWidget(button, row, 0)
            label = QLabel(what, self)
            label.setWordWrap(True)
            grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)
        self.panels = QTableWidget(0, 5, self)
        self.panels.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.panels.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Room"), self.tr("Panel"), self.tr("Candidates"),
                                               self.tr("Assessors")])
        self.panels.setAccessibleName(self.tr("Panels of each day"))
        self.panels.verticalHeader().hide()
        self.panels.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.panels.setWordWrap(False)
        header = self.panels.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.written_label = QLabel(self)
        self.written_label.setWordWrap(True)
        self.written_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.ready)
        self.body.addLayout(grid)
        self.body.addWidget(self.written_label)
        panels_label = QLabel(self.tr("Panels of each day, as the printed schedule lists them:"), self)
        self.body.addWidget(panels_label)
        self.body.addWidget(self.panels, 1)
        self._problems = 0
        self._slots = 0
        self.package_button.clicked.connect(self.export_package)
        self.pdf_button.clicked.connect(lambda: self.export_schedule_file("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export_schedule_file("xlsx"))

    def refresh(self) -> None:
        self.setEnabled(bool(self.round_id))
        if not self.round_id:
            self.ready.setText("")
            return
        candidates = setup.round_candidates(self.store, self.round_id)
        assessors = setup.round_assessors(self.store, self.round_id)
        slots, problems = self.ctx.slots, self.ctx.problems  # read and checked by step 4 a moment ago
        self._slots, self._problems = len(slots), len(problems)
        lines = [self._line(bool(candidates), self.tr("%1 candidate(s)").replace("%1", str(len(candidates)))),
                 self._line(bool(assessors), self.tr("%1 assessor(s)").replace("%1", str(len(assessors)))),
                 self._line(bool(slots), self.tr("%1 interview slot(s)").replace("%1", str(len(slots))) if slots
                            else self.tr("no schedule yet (step 4)")),
                 self._line(not problems, self.tr("no problem in the schedule") if not problems else
                            self.tr("%1 problem(s) in the schedule (step 4 names them)").replace("%1", str(len(problems))))]
        self.ready.setText("<br>".join(lines))
        names = {a.id: a.name for a in assessors}
        self._show_panels(slots, names)
        for button in (self.package_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(bool(slots))

    def _show_panels(self, slots: list[PlannedSlot], names: dict[str, str]) -> None:
        groups: dict[tuple[date, str], list[PlannedSlot]] = {}
        for slot in slots:
            groups.setdefault((slot.day, slot.panel), []).append(slot)
        self.panels.setRowCount(len(groups))
        for row, ((day, panel), members) in enumerate(sorted(groups.items())):
            first = members[0]
            texts = [QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy"), first.room, panel,
                     str(len(members)), ", ".join(names.get(i, short_id(i)) for i in first.assessor_ids)]
            for column, text in enumerate(texts):
                self.panels.setItem(row, column, QTableWidgetItem(text))

    @staticmethod
    def _line(ok: bool, text: str) -> str:
        return ("✓ " if ok else "⚠ ") + text

    def state(self) -> str:
        if not self._slots:
            return self.tr("waiting for the schedule")
        return self.tr("ready") if not self._problems else self.tr("⚠ problems to solve first")

    def _name(self) -> str:
        return slug(setup.round_details(self.store, self.round_id).name)

    def export_package(self) -> bool:
        services = self.ctx.services
        if self._problems:
            self.ctx.failed.emit(self.tr("The schedule still has %1 problem(s): solve them in step 4 (Ctrl+4), then "
                                         "export the package.").replace("%1", str(self._problems)))
            return False
        if not has_identity(services.data_dir):
            self.ctx.failed.emit(self.tr("This data directory has no signing identity yet: create or import one "
                                         "(Sheets → Signing identity) and try again."))
            return False
        path = services.pick_save(self, self.tr("Export the round package for assessors"),
                                  f"{self._name()}.nilairound", self.tr("Nilai round packages (*.nilairound)"))
        if path is None:
            return False
        path = Path(path).with_suffix(".nilairound") if not Path(path).suffix else Path(path)
        unlocked = services.unlock(self, self.tr("Sign the round package."))
        if unlocked is None:
            return False
        self.ctx.message.emit(self.tr("Signing the round package…"))
        services.runner.run(export_round_package, self.store, path, unlocked, round_ref=self.round_id,
                            label=self.tr("Exporting the round package"),
                            on_done=lambda result: self._written(Path(result.path), self.tr(
                                "Round package version %1 written: %2").replace("%1", str(result.package_version))
                                .replace("%2", str(result.path))),
                            on_error=lambda exc: self.ctx.failed.emit(error_text(exc)))
        return True

    def export_schedule_file(self, fmt: str) -> bool:
        services = self.ctx.services
        title = self.tr("Printable schedule (PDF)") if fmt == "pdf" else self.tr("Schedule as XLSX")
        name_filter = self.tr("PDF documents (*.pdf)") if fmt == "pdf" else self.tr("Excel workbooks (*.xlsx)")
        path = services.pick_save(self, title, f"schedule-{self._name()}.{fmt}", name_filter)
        if path is None:
            return False
        path = Path(path).with_suffix(f".{fmt}") if not Path(path).suffix else Path(path)
        services.runner.run(export_schedule, self.store, self.round_id, path, services.lang,
                            label=title, on_done=lambda count: self._written(path, self.tr(
                                "%1 slot(s) written: %2").replace("%1", str(count)).replace("%2", str(path))),
                            on_error=lambda exc: self.ctx.failed.emit(error_text(exc)))
        return True

    def _written(self, path: Path, text: str) -> None:
        self.written_label.setText(text)
        self.ctx.message.emit(text)
        self.written.emit(path)
