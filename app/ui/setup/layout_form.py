"""How the schedule is laid out, as a form: days, hours, slot length, breaks, panels, rooms, linking.

The form only shows a :class:`~app.rounds.setup.ScheduleLayout` and reads one back; ``edited``
says a field was left (or a number stepped), and the schedule page saves the layout through the
undo history. Numbers are taken once complete (no keyboard tracking), not on every keystroke.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from app.rounds.setup import ScheduleLayout

LINKING = ("rotate", "calibration_case", "none")


def parse_breaks(text: str) -> tuple[tuple[time, time], ...] | None:
    """ "12:00-13:00; 15:00-15:15" → the breaks; None when a part is not "HH:MM-HH:MM"."""
    found = []
    for part in (p.strip() for p in text.replace(",", ";").split(";")):
        if not part:
            continue
        try:
            a, b = (time.fromisoformat(t.strip().zfill(5)) for t in part.split("-"))
        except ValueError:
            return None
        if not a < b:
            return None
        found.append((a, b))
    return tuple(found)


def weekdays_from(first: date, count: int) -> tuple[date, ...]:
    """``count`` working days from ``first`` on (Saturdays and Sundays skipped)."""
    days: list[date] = []
    day = first
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return tuple(days)


class LayoutForm(QGroupBox):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Days and panels"))
        self.first_day = QDateEdit(self)
        self.first_day.setCalendarPopup(True)
        self.first_day.setDisplayFormat("d MMM yyyy")
        self.day_count = QSpinBox(self)
        self.day_count.setRange(1, 20)
        self.day_count.setToolTip(self.tr("Working days from the first day on (Saturdays and Sundays are skipped)"))
        self.day_start = QTimeEdit(self)
        self.day_end = QTimeEdit(self)
        self.slot_minutes = QSpinBox(self)
        self.slot_minutes.setRange(10, 240)
        self.slot_minutes.setSingleStep(5)
        self.slot_minutes.setSuffix(self.tr(" min"))
        self.breaks = QLineEdit(self)
        self.breaks.setPlaceholderText("12:00-13:00; 15:00-15:15")
        self.panels = QSpinBox(self)
        self.panels.setRange(1, 20)
        self.panel_size = QSpinBox(self)
        self.panel_size.setRange(1, 10)
        self.rooms = QLineEdit(self)
        self.rooms.setPlaceholderText(self.tr("e.g. Ruang Garuda; Ruang Merak"))
        self.linking = QComboBox(self)
        for key, text in zip(LINKING, (self.tr("assessors rotate between panels"),
                                       self.tr("every assessor scores a calibration case"),
                                       self.tr("not linked")), strict=True):
            self.linking.addItem(text, key)
        form = QFormLayout(self)
        form.addRow(self.tr("&First day:"), self.first_day)
        form.addRow(self.tr("Days:"), self.day_count)
        form.addRow(self.tr("Day starts:"), self.day_start)
        form.addRow(self.tr("Day ends:"), self.day_end)
        form.addRow(self.tr("Slot &length:"), self.slot_minutes)
        form.addRow(self.tr("&Breaks:"), self.breaks)
        form.addRow(self.tr("Panels at a time:"), self.panels)
        form.addRow(self.tr("Assessors per panel:"), self.panel_size)
        form.addRow(self.tr("Roo&ms:"), self.rooms)
        form.addRow(self.tr("Lin&king:"), self.linking)
        for line in (self.first_day, self.day_start, self.day_end, self.breaks, self.rooms):
            line.editingFinished.connect(self.edited)
        for spin in (self.day_count, self.slot_minutes, self.panels, self.panel_size):
            spin.setKeyboardTracking(False)  # saved once a number is complete, not on every keystroke
            spin.valueChanged.connect(lambda _v: self.edited.emit())
        self.linking.activated.connect(lambda _i: self.edited.emit())

    def fields(self) -> tuple[QWidget, ...]:
        return (self.first_day, self.day_count, self.day_start, self.day_end, self.slot_minutes, self.breaks,
                self.panels, self.panel_size, self.rooms, self.linking)

    def show_layout(self, layout: ScheduleLayout) -> None:
        for widget in self.fields():
            widget.blockSignals(True)
        first = layout.days[0] if layout.days else date.today()
        self.first_day.setDate(QDate(first.year, first.month, first.day))
        self.day_count.setValue(max(1, len(layout.days)))
        self.day_start.setTime(QTime(layout.day_start.hour, layout.day_start.minute))
        self.day_end.setTime(QTime(layout.day_end.hour, layout.day_end.minute))
        self.slot_minutes.setValue(layout.slot_minutes)
        self.breaks.setText("; ".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in layout.breaks))
        self.panels.setValue(layout.panels)
        self.panel_size.setValue(layout.panel_size)
        self.rooms.setText("; ".join(layout.rooms))
        for line in (self.breaks, self.rooms):
            line.setCursorPosition(0)  # read from the start, not scrolled to the end as setText leaves it
        self.linking.setCurrentIndex(max(0, self.linking.findData(layout.linking)))
        for widget in self.fields():
            widget.blockSignals(False)

    def schedule_layout(self) -> ScheduleLayout | None:
        """The layout the form shows; None when the breaks cannot be read."""
        breaks = parse_breaks(self.breaks.text())
        if breaks is None:
            return None
        first = self.first_day.date()
        start, end = self.day_start.time(), self.day_end.time()
        rooms = tuple(r.strip() for r in self.rooms.text().split(";") if r.strip())
        return ScheduleLayout(days=weekdays_from(date(first.year(), first.month(), first.day()), self.day_count.value()),
                              day_start=time(start.hour(), start.minute()), day_end=time(end.hour(), end.minute()),
                              slot_minutes=self.slot_minutes.value(), breaks=breaks, panels=self.panels.value(),
                              panel_size=self.panel_size.value(), linking=self.linking.currentData(), rooms=rooms)
