"""The round's calibration cases on the Candidates step: a fictional region (the next free K-code)
that every assessor scores before the real interviews, never ranked. Added and removed through the
same core as ``nilai round calibration add|remove``; not on the undo stack, as the core has no way
to take a case back once assessors may have scored it. Removing a scored case is refused unless
*also when scored* is ticked (its scores then stay in the store but no longer count)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.regions import provinces
from app.rounds import setup
from app.ui.setup.context import SetupContext
from app.ui.setup.undo import REFUSALS


class CalibrationBox(QGroupBox):
    def __init__(self, ctx: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Calibration cases (never ranked)"), parent)
        self.ctx = ctx
        self.cases = QLabel(self)
        self.cases.setWordWrap(True)
        self.cases.setAccessibleName(self.tr("Calibration cases of the round"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("A fictional region, e.g. Kota Contoh"))
        self.name.setAccessibleName(self.tr("Calibration case name"))
        self.name.setMaxLength(100)
        self.province = QComboBox(self)
        self.province.setAccessibleName(self.tr("Calibration case province"))
        self.province.addItem(self.tr("No province"), "")
        for code, name in sorted(provinces().items(), key=lambda kv: kv[1]):
            self.province.addItem(name, code)
        self.add_button = QPushButton(self.tr("Add calibration case"), self)
        self.add_button.setToolTip(self.tr("Every assessor scores it before the real interviews; it goes out "
                                           "with the round package and is never ranked"))
        self.chosen = QComboBox(self)
        self.chosen.setAccessibleName(self.tr("Calibration case to remove"))
        self.force = QCheckBox(self.tr("also when scored"), self)
        self.force.setToolTip(self.tr("Remove the case even though assessors scored it: their assessments stay in "
                                      "the store but no longer count (nor link the panels)"))
        self.remove_button = QPushButton(self.tr("Remove case"), self)
        self.remove_button.setToolTip(self.tr("Take the chosen calibration case out of the round"))
        name_label = QLabel(self.tr("Name:"), self)
        name_label.setBuddy(self.name)
        province_label = QLabel(self.tr("Province:"), self)
        province_label.setBuddy(self.province)
        grid = QGridLayout(self)
        grid.addWidget(self.cases, 0, 0, 1, 3)
        grid.addWidget(name_label, 1, 0)
        grid.addWidget(self.name, 1, 1, 1, 2)
        grid.addWidget(province_label, 2, 0)
        grid.addWidget(self.province, 2, 1)
        grid.addWidget(self.add_button, 2, 2)
        chosen_label = QLabel(self.tr("Case:"), self)
        chosen_label.setBuddy(self.chosen)
        grid.addWidget(chosen_label, 3, 0)
        grid.addWidget(self.chosen, 3, 1)
        grid.addWidget(self.remove_button, 3, 2)
        grid.addWidget(self.force, 4, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.add_button.clicked.connect(self.add_case)
        self.remove_button.clicked.connect(self.remove_case)
        self.name.returnPressed.connect(self.add_case)

    def refresh(self) -> None:
        cases = setup.calibration_cases(self.ctx.store, self.ctx.round_id) if self.ctx.round_id else []
        self.cases.setText(", ".join(f"{case.code} {case.name}" for case in cases) or self.tr(
            "None yet. A calibration case links the panels, so assessor severity can be estimated."))
        self.chosen.clear()
        for case in cases:
            self.chosen.addItem(f"{case.code} {case.name}", case.code)
        for widget in (self.chosen, self.remove_button, self.force):
            widget.setEnabled(bool(cases))

    def add_case(self) -> bool:
        try:
            region = setup.add_calibration_case(self.ctx.store, self.ctx.round_id, self.name.text(),
                                                self.province.currentData() or None)
        except REFUSALS as exc:
            self.ctx.failed.emit(self.ctx.history.words.said(exc))
            return False
        self.name.clear()
        self.ctx.message.emit(self.tr("Saved: calibration case %1 %2").replace("%1", region.code)
                              .replace("%2", region.name))
        self.ctx.changed.emit()
        return True

    def remove_case(self) -> bool:
        code = self.chosen.currentData()
        if not code:
            return False
        try:
            region = setup.remove_calibration_case(self.ctx.store, self.ctx.round_id, code, force=self.force.isChecked())
        except REFUSALS as exc:
            self.ctx.failed.emit(self.ctx.history.words.said(exc))
            return False
        self.force.setChecked(False)
        self.ctx.message.emit(self.tr("Removed: calibration case %1 %2").replace("%1", region.code)
                              .replace("%2", region.name))
        self.ctx.changed.emit()
        return True
