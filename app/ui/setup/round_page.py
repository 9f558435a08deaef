"""Step 1, the round: name, programme, stage, dates, shortlist sizes and the instrument.

With no round chosen the page is a short form ending in "Create the round". Once the round exists
every field is saved as soon as it is left (Tab, Enter, or a click elsewhere), through the undo
history; there is no Save button.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.instruments import InstrumentError, builtin_instruments
from app.instruments import load_instrument as load_instrument_file
from app.instruments.catalogue import keep_instrument
from app.models.domain import Instrument
from app.rounds import setup
from app.rounds.setup import RoundDetails
from app.ui.setup import undo
from app.ui.setup.context import SetupContext
from app.ui.setup.page_base import SetupPage

NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum, shown as "—": no date yet


class OptionalDateEdit(QDateEdit):
    """A date that may be unset ("—"). Typing into an unset one starts from today's date, its day
    selected, so that typing edits it as in any date field (typed into "—" it was refused letter by letter),
    and its calendar opens on this month, not on the "—" date's January 2000."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.date() == NO_DATE and event.text().strip():
            self.setDate(QDate.currentDate())
            self.setCurrentSection(QDateEdit.Section.DaySection)
            self.setSelectedSection(QDateEdit.Section.DaySection)
        elif event.text() in (" ", "/", "-", ".") and self._after_separator():
            return  # "5" filled the day and moved on by itself: the space typed after it must not skip the month
        super().keyPressEvent(event)

    def _after_separator(self) -> bool:
        line = self.lineEdit()
        return line.text()[:line.cursorPosition()].endswith(" ")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        if self.date() == NO_DATE:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())


def parse_sizes(text: str) -> tuple[int, ...] | None:
    """ "75, 50" → (75, 50); None for anything else."""
    parts = [p for p in text.replace(";", ",").replace(" ", ",").split(",") if p]
    if not parts or not all(p.isdigit() and int(p) > 0 for p in parts):
        return None
    return tuple(int(p) for p in parts)


class RoundPage(SetupPage):
    created = Signal(str)  # a new round's id

    def __init__(self, ctx: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("1 · Round"), self.tr(
            "Name the round and choose its instrument. Each field is saved as soon as you leave it; "
            "Ctrl+Z takes the last change back."), parent)
        self._details: RoundDetails | None = None
        self._known: dict[str, Instrument] = {}
        # how a workbook's problems are shown (a list by sheet, row and column); tests look instead
        self.show_problems: Callable[[QDialog], object] = lambda dialog: dialog.exec()
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. Gerakan Menuju 100 Smart City 2026 — interviews"))
        self.programme = QLineEdit(self)
        self.stage = QLineEdit(self)
        self.stage.setPlaceholderText(self.tr("e.g. Wawancara (interviews)"))
        self.starts_on = self._date_edit()
        self.ends_on = self._date_edit()
        self.sizes = QLineEdit(self)
        self.sizes.setPlaceholderText(self.tr("e.g. 75, 50"))
        self.sizes.setToolTip(self.tr("How many candidates each shortlist keeps, largest first"))
        self.instrument = QComboBox(self)
        self.instrument.setMinimumContentsLength(40)
        self.from_file = QPushButton(self.tr("From a &file…"), self)
        self.from_file.setToolTip(self.tr("An instrument written in an XLSForm-style workbook (.xlsx) or in YAML"))
        instrument_row = QHBoxLayout()
        instrument_row.addWidget(self.instrument, 1)
        instrument_row.addWidget(self.from_file)
        self.preview_button = QPushButton(self.tr("Preview…"), self)
        self.preview_button.setToolTip(self.tr("The interview screen and the evaluation sheet with this instrument"))
        instrument_row.addWidget(self.preview_button)
        self.create_button = QPushButton(self.tr("Create the round"), self)
        self.create_button.setDefault(True)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("Pro&gramme:"), self.programme)
        form.addRow(self.tr("Stag&e:"), self.stage)
        form.addRow(self.tr("Starts on:"), self.starts_on)
        form.addRow(self.tr("Ends on:"), self.ends_on)
        form.addRow(self.tr("Shortlist si&zes:"), self.sizes)
        instrument_label = QLabel(self.tr("Instru&ment:"), self)
        instrument_label.setBuddy(self.instrument)  # the row is a layout: the label needs its buddy named
        form.addRow(instrument_label, instrument_row)
        self.body.addLayout(form)
        self.body.addWidget(self.create_button)
        self.body.addStretch(1)
        self._fill_instruments()

        self.create_button.clicked.connect(self.create_round)
        self.name.returnPressed.connect(lambda: self.create_round() if not self.round_id else None)
        self.from_file.clicked.connect(self.choose_file)
        self.preview_button.clicked.connect(self.preview)
        self.name.editingFinished.connect(lambda: self._save("name", self.name.text().strip()))
        self.programme.editingFinished.connect(lambda: self._save("programme", self.programme.text().strip()))
        self.stage.editingFinished.connect(lambda: self._save("stage", self.stage.text().strip()))
        self.starts_on.editingFinished.connect(lambda: self._save("starts_on", self._date(self.starts_on)))
        self.ends_on.editingFinished.connect(lambda: self._save("ends_on", self._date(self.ends_on)))
        self.sizes.editingFinished.connect(self._save_sizes)
        self.instrument.activated.connect(lambda _i: self._save_instrument())
        self.refresh()

    def _date_edit(self) -> QDateEdit:
        edit = OptionalDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDisplayFormat("d MMM yyyy")
        edit.setDate(NO_DATE)
        return edit

    @staticmethod
    def _date(edit: QDateEdit) -> date | None:
        value = edit.date()
        return None if value == NO_DATE else date(value.year(), value.month(), value.day())

    @staticmethod
    def _set_date(edit: QDateEdit, value: date | None) -> None:
        edit.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))

    def _fill_instruments(self) -> None:
        """The built-in instruments, then those kept in this data directory (imported, or from a file)."""
        # deferred: the workbook module loads openpyxl, needed only once the round page is built
        from app.instruments.workbooks import known_instruments

        lang = self.ctx.services.lang
        current = self.instrument.currentData()
        builtin = {inst.content_hash for inst in builtin_instruments()}
        self.instrument.blockSignals(True)
        self.instrument.clear()
        self._known = {inst.content_hash: inst for inst in known_instruments(self.store)}
        for inst in self._known.values():
            where = (self.tr("%1 (version %2, built in)") if inst.content_hash in builtin
                     else self.tr("%1 (version %2, in this data directory)"))
            self.instrument.addItem(where.replace("%1", inst.title.get(lang)).replace("%2", inst.version),
                                    inst.content_hash)
        if current is not None and self.instrument.findData(current) >= 0:
            self.instrument.setCurrentIndex(self.instrument.findData(current))
        self.instrument.blockSignals(False)

    # --- reading back -------------------------------------------------------------------------

    def refresh(self) -> None:
        creating = not self.round_id
        self.create_button.setVisible(creating)
        self._details = None if creating else setup.round_details(self.store, self.round_id)
        d = self._details
        for widget in (self.name, self.programme, self.stage, self.starts_on, self.ends_on, self.sizes,
                       self.instrument):
            widget.blockSignals(True)
        if d is None:
            self.name.clear()
            self.programme.setText("Gerakan Menuju 100 Smart City")
            self.stage.clear()
            self.starts_on.setDate(NO_DATE)
            self.ends_on.setDate(NO_DATE)
            self.sizes.setText("75, 50")
        else:
            self.name.setText(d.name)
            self.programme.setText(d.programme)
            self.stage.setText(d.stage)
            self._set_date(self.starts_on, d.starts_on)
            self._set_date(self.ends_on, d.ends_on)
            self.sizes.setText(", ".join(str(n) for n in d.shortlist_sizes))
            index = self.instrument.findData(d.instrument_hash)
            if index < 0:  # a round package or a bundle brought it since the list was read
                self._fill_instruments()
                index = self.instrument.findData(d.instrument_hash)
            self.instrument.setCurrentIndex(index)
        locked = d is not None and d.has_assessments
        self.instrument.setEnabled(not locked)
        self.from_file.setEnabled(not locked)
        self.instrument.setToolTip(self.tr("Scoring has started: the instrument can no longer change") if locked
                                   else self.tr("The instrument the assessors score with"))
        for widget in (self.name, self.programme, self.stage, self.starts_on, self.ends_on, self.sizes,
                       self.instrument):
            widget.blockSignals(False)

    def state(self) -> str:
        d = self._details
        if d is None:
            return self.tr("not created yet")
        return d.name

    # --- edits --------------------------------------------------------------------------------

    def create_round(self) -> str | None:
        name = self.name.text().strip()
        if not name:
            self.ctx.failed.emit(self.tr("The round needs a name: type one in Name, then create it."))
            self.name.setFocus()
            return None
        sizes = parse_sizes(self.sizes.text())
        if sizes is None:
            self.ctx.failed.emit(self.tr("Shortlist sizes are whole numbers separated by commas, e.g. 75, 50."))
            self.sizes.setFocus()
            return None
        try:
            round_id = setup.new_round(self.store, name=name, instrument_hash=self.instrument.currentData(),
                                       programme=self.programme.text().strip(), stage=self.stage.text().strip(),
                                       starts_on=self._date(self.starts_on), ends_on=self._date(self.ends_on),
                                       shortlist_sizes=sizes)
        except undo.REFUSALS as exc:
            self.ctx.failed.emit(self.ctx.history.words.said(exc))
            return None
        self.ctx.message.emit(self.tr("Round “%1” created: now add its candidates (Ctrl+2).").replace("%1", name))
        self.created.emit(round_id)
        return round_id

    def _save(self, field: str, value: object) -> None:
        d = self._details
        if d is None or getattr(d, field) == value:
            return
        if field == "name" and not value:
            self.ctx.failed.emit(self.tr("The round needs a name; the old one is kept."))
            self.refresh()
            return
        labels = {"name": self.tr("round name"), "programme": self.tr("programme"), "stage": self.tr("stage"),
                  "starts_on": self.tr("first day"), "ends_on": self.tr("last day"),
                  "shortlist_sizes": self.tr("shortlist sizes"), "instrument_hash": self.tr("instrument")}
        if not undo.update_round(self.ctx.history, self.store, self.round_id, labels[field],
                                 {field: getattr(d, field)}, {field: value}):
            self.refresh()

    def _save_sizes(self) -> None:
        sizes = parse_sizes(self.sizes.text())
        if sizes is None:
            self.ctx.failed.emit(self.tr("Shortlist sizes are whole numbers separated by commas, e.g. 75, 50."))
            self.refresh()
            return
        self._save("shortlist_sizes", sizes)

    def _save_instrument(self) -> None:
        self._save("instrument_hash", self.instrument.currentData())

    def choose_file(self) -> None:
        path = self.ctx.services.pick_open(self, self.tr("Open an instrument"),
                                           self.tr("Instruments (*.yaml *.yml *.xlsx);;All files (*)"))
        if path:
            self.use_file(Path(path))

    def use_file(self, path: Path) -> bool:
        """Read an instrument file (an XLSForm-style workbook, or YAML), keep it in the store and choose it."""
        # deferred: openpyxl and pyxform, loaded when a workbook is first read
        from app.instruments.workbooks import import_instrument_workbook
        from app.ui.coordinator.instrument_import import InstrumentProblemsDialog

        try:
            if path.suffix.lower() == ".xlsx":
                inst, _added = import_instrument_workbook(self.store, path)
            else:
                inst = load_instrument_file(path)
                keep_instrument(self.store, inst)
        except InstrumentError as exc:
            if exc.problems and path.suffix.lower() == ".xlsx":
                self.show_problems(InstrumentProblemsDialog(path, exc.problems, self))
            self.ctx.failed.emit(self.tr("%1: %2 problem(s), nothing was read; the first: %3").replace("%1", path.name)
                                 .replace("%2", str(len(exc.problems) or 1))
                                 .replace("%3", (exc.problems or [str(exc)])[0].strip()))
            return False
        except (undo.REFUSALS + (OSError,)) as exc:
            self.ctx.failed.emit(self.ctx.history.words.said(exc))
            return False
        self._fill_instruments()
        self.instrument.setCurrentIndex(max(0, self.instrument.findData(inst.content_hash)))
        if self._details is not None:
            self._save_instrument()
        self.ctx.message.emit(self.tr("Instrument “%1” read from %2.").replace("%1", inst.title.get(self.ctx.services.lang))
                              .replace("%2", path.name))
        return True

    def preview(self) -> QDialog | None:
        """The interview screen and the evaluation sheet as they will look with the chosen instrument."""
        # deferred: the interview widgets and the sheet renderer (ReportLab), only for the preview
        from app.ui.coordinator.instrument_preview import preview_instrument

        inst = self._known.get(self.instrument.currentData())
        if inst is None:
            return None
        services = self.ctx.services
        return preview_instrument(self, self.store, services.runner, services.lang, inst)
