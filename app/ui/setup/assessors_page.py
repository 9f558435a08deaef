"""Step 3, the assessors: name, NIP, organisation, role, where they come from, declared conflicts.

Where an assessor comes from is a conflict of interest the schedule generator keeps: nobody is
seated on a candidate of their own province (or regency/city). Other conflicts (a former post, a
relative in office) are declared per region with a reason. The table lists the round's assessors;
the form below edits the selected one, each field saved when it is left. "New assessor" empties
the form for one more.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.regions import by_code, provinces, regions
from app.rounds import setup
from app.rounds.setup import AssessorInfo
from app.ui.setup import undo
from app.ui.setup.candidates_page import table
from app.ui.setup.context import SetupContext
from app.ui.setup.page_base import SetupPage
from app.ui.setup.plan_words import PlanWords
from app.ui.widgets.table_base import ItemTableModel

ROLES = ("academic", "government", "practitioner")


def role_text(role: str) -> str:
    labels = {"academic": QCoreApplication.translate("AssessorsPage", "academic"),
              "government": QCoreApplication.translate("AssessorsPage", "government"),
              "practitioner": QCoreApplication.translate("AssessorsPage", "IT practitioner")}
    return labels.get(role, role)


def origin_text(info: AssessorInfo) -> str:
    province = provinces().get(info.province_code or "", "")
    region = by_code().get(info.region_code or "")
    return f"{province} · {region.name}" if region is not None and province else (province or "—")


class AssessorModel(ItemTableModel[AssessorInfo]):
    def headers(self) -> Sequence[str]:
        return [self.tr("Name"), self.tr("NIP"), self.tr("Organisation"), self.tr("Role"), self.tr("Comes from"),
                self.tr("Declared conflicts")]

    def texts(self, item: AssessorInfo) -> Sequence[str]:
        conflicts = ", ".join(by_code()[code].name if code in by_code() else code for code in item.conflicts)
        return [item.name, item.nip, item.organisation, role_text(item.role), origin_text(item), conflicts or "—"]


class AssessorsPage(SetupPage):
    def __init__(self, ctx: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("3 · Assessors"), self.tr(
            "Who interviews, and where each comes from: nobody is seated on a candidate of their own province "
            "or regency/city. Declare any other conflict of interest below."), parent)
        self._assessors: list[AssessorInfo] = []
        self.words = PlanWords(self)
        self.current: AssessorInfo | None = None
        self.model = AssessorModel(self)
        self.view = table(self, self.model, self.tr("Assessors of the round"), stretch=(2, 5))
        self.view.setSelectionMode(self.view.SelectionMode.SingleSelection)
        self.new_button = QPushButton(self.tr("&New assessor"), self)
        self.import_button = QPushButton(self.tr("Import from a &file…"), self)
        self.import_button.setToolTip(self.tr("XLSX or CSV with columns name, nip, organisation, role, province, "
                                              "region, conflicts"))
        self.remove_button = QPushButton(self.tr("Re&move from the round"), self)

        self.name = QLineEdit(self)
        self.nip = QLineEdit(self)
        self.nip.setPlaceholderText(self.tr("18 digits"))
        self.organisation = QLineEdit(self)
        self.role = QComboBox(self)
        self.role.setEditable(True)
        for role in ROLES:
            self.role.addItem(role_text(role), role)
        self.province = QComboBox(self)
        self.province.addItem(self.tr("— not given —"), None)
        for code, name in sorted(provinces().items(), key=lambda kv: kv[1]):
            self.province.addItem(name, code)
        self.region = QComboBox(self)
        self.conflicts = QTableWidget(0, 2, self)
        self.conflicts.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.conflicts.setHorizontalHeaderLabels([self.tr("Region"), self.tr("Reason")])
        self.conflicts.horizontalHeader().setStretchLastSection(True)
        self.conflicts.verticalHeader().hide()
        self.conflicts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.conflicts.setAccessibleName(self.tr("Declared conflicts"))
        self.conflicts.setMaximumHeight(110)
        self.conflict_region = QComboBox(self)
        self.conflict_region.setEditable(True)
        self.conflict_region.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for reg in regions():
            self.conflict_region.addItem(f"{reg.name} ({reg.code})", reg.code)
        completer = self.conflict_region.completer()
        assert isinstance(completer, QCompleter)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.conflict_region.setCurrentIndex(-1)
        line = self.conflict_region.lineEdit()
        assert line is not None  # editable
        line.setPlaceholderText(self.tr("Region (type to search)"))
        self.conflict_region.setAccessibleName(self.tr("Region of the conflict of interest"))
        self.conflict_reason = QLineEdit(self)
        self.conflict_reason.setAccessibleName(self.tr("Reason of the conflict of interest"))
        self.conflict_reason.setPlaceholderText(self.tr("Reason, e.g. served there until 2024"))
        self.declare = QPushButton(self.tr("Dec&lare"), self)
        self.undeclare = QPushButton(self.tr("Withdraw"), self)
        self.add_button = QPushButton(self.tr("Add this assessor"), self)
        self.add_button.setDefault(True)

        buttons = QHBoxLayout()
        for button in (self.new_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        form = QFormLayout()
        form.addRow(self.tr("Nam&e:"), self.name)
        form.addRow(self.tr("NIP:"), self.nip)
        form.addRow(self.tr("Or&ganisation:"), self.organisation)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Province:"), self.province)
        form.addRow(self.tr("Regency/city:"), self.region)
        declare_row = QHBoxLayout()
        declare_row.addWidget(self.conflict_region, 2)
        declare_row.addWidget(self.conflict_reason, 2)
        declare_row.addWidget(self.declare)
        declare_row.addWidget(self.undeclare)
        conflicts = QVBoxLayout()
        conflicts.addWidget(self.conflicts)
        conflicts.addLayout(declare_row)
        form.addRow(self.tr("Other conflicts:"), conflicts)
        form.addRow("", self.add_button)
        editor = QWidget(self)
        editor.setLayout(form)
        split = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.view, 1)
        top_layout.addLayout(buttons)
        split.addWidget(top)
        split.addWidget(editor)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setSizes([400, 300])
        self.body.addWidget(split, 1)

        self.view.selectionModel().currentRowChanged.connect(lambda current, _prev: self._select(current.row()))
        self.new_button.clicked.connect(self.start_new)
        self.import_button.clicked.connect(self.import_file)
        self.remove_button.clicked.connect(self.remove_current)
        self.add_button.clicked.connect(self.add_from_form)
        for line in (self.name, self.nip, self.organisation):  # Enter in a new assessor's form adds them
            line.returnPressed.connect(lambda: self.add_from_form() if self.current is None else None)
        self.name.editingFinished.connect(lambda: self._save("name", self.name.text().strip()))
        self.nip.editingFinished.connect(lambda: self._save("nip", self.nip.text().strip()))
        self.organisation.editingFinished.connect(lambda: self._save("organisation", self.organisation.text().strip()))
        self.role.activated.connect(lambda _i: self._save("role", self._role()))
        role_line = self.role.lineEdit()
        assert role_line is not None  # editable
        role_line.editingFinished.connect(lambda: self._save("role", self._role()))
        self.province.activated.connect(lambda _i: self._province_chosen())
        self.region.activated.connect(lambda _i: self._save("region_code", self.region.currentData()))
        self.declare.clicked.connect(self.declare_conflict)
        self.undeclare.clicked.connect(self.withdraw_conflict)
        self._fill_regions(None)
        self.start_new()

    # --- reading back -------------------------------------------------------------------------

    def refresh(self) -> None:
        self.setEnabled(bool(self.round_id))
        keep = self.current.id if self.current is not None else None
        self._assessors = setup.round_assessors(self.store, self.round_id) if self.round_id else []
        self.model.set_items(self._assessors)
        ids = [self.model.item(row).id for row in range(self.model.rowCount())]
        if keep in ids:
            self.view.selectRow(ids.index(keep))
            self._select(ids.index(keep))
        elif self.current is not None:
            self.start_new()

    def state(self) -> str:
        return self.tr("%1 assessor(s)").replace("%1", str(len(self._assessors))) if self._assessors \
            else self.tr("none yet")

    def _select(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        self.current = self.model.item(row)
        self._show(self.current)

    def _show(self, info: AssessorInfo | None) -> None:
        editing = info is not None
        self.add_button.setVisible(not editing)
        self.remove_button.setEnabled(editing)
        widgets = (self.name, self.nip, self.organisation, self.role, self.province, self.region)
        for widget in widgets:
            widget.blockSignals(True)
        self.name.setText(info.name if info else "")
        self.nip.setText(info.nip if info else "")
        self.organisation.setText(info.organisation if info else "")
        role = info.role if info else ""
        index = self.role.findData(role)
        if index >= 0:
            self.role.setCurrentIndex(index)
        else:
            self.role.setEditText(role)
        self.province.setCurrentIndex(max(0, self.province.findData(info.province_code if info else None)))
        self._fill_regions(info.province_code if info else None)
        self.region.setCurrentIndex(max(0, self.region.findData(info.region_code if info else None)))
        for widget in widgets:
            widget.blockSignals(False)
        conflicts = info.conflicts if info else self._new_conflicts
        self.conflicts.setRowCount(len(conflicts))
        for row, (code, reason) in enumerate(conflicts.items()):
            reg = by_code().get(code)
            item = QTableWidgetItem(f"{reg.name} ({code})" if reg else code)
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.conflicts.setItem(row, 0, item)
            self.conflicts.setItem(row, 1, QTableWidgetItem(reason))
        self.conflicts.resizeColumnToContents(0)

    def _fill_regions(self, province: str | None) -> None:
        self.region.clear()
        self.region.addItem(self.tr("— the whole province —") if province else self.tr("— not given —"), None)
        for reg in regions():
            if province and reg.province_code == province:
                self.region.addItem(reg.name, reg.code)

    def _role(self) -> str:
        text = self.role.currentText().strip()
        return next((role for role in ROLES if role_text(role) == text), text)

    # --- edits --------------------------------------------------------------------------------

    def start_new(self) -> None:
        self.current = None
        self._new_conflicts: dict[str, str] = {}
        self.view.clearSelection()
        self._show(None)
        self.name.setFocus()

    def form_fields(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "nip": self.nip.text().strip(),
                "organisation": self.organisation.text().strip(), "role": self._role(),
                "province_code": self.province.currentData(), "region_code": self.region.currentData(),
                "conflicts": dict(self._new_conflicts)}

    def add_from_form(self) -> str | None:
        fields = self.form_fields()
        if not fields["name"]:
            self.ctx.failed.emit(self.tr("An assessor needs a name: type it in Name, then add."))
            self.name.setFocus()
            return None
        assessor_id = undo.add_assessor(self.ctx.history, self.store, self.round_id,
                                        self.tr("add assessor %1").replace("%1", fields["name"]), fields)
        if assessor_id is not None:
            self.start_new()  # ready for the next one, as when typing a list
        return assessor_id

    def _save(self, field: str, value: object) -> None:
        info = self.current
        if info is None or getattr(info, field) == value:
            return
        if field == "name" and not value:
            self.ctx.failed.emit(self.tr("An assessor needs a name; the old one is kept."))
            self._show(info)
            return
        text = self.tr("%1 of %2").replace("%1", self._field_label(field)).replace("%2", info.name)
        if not undo.update_assessor(self.ctx.history, self.store, text, info, {field: value}):
            self._show(info)

    def _field_label(self, field: str) -> str:
        return {"name": self.tr("name"), "nip": self.tr("NIP"), "organisation": self.tr("organisation"),
                "role": self.tr("role"), "province_code": self.tr("province"), "region_code": self.tr("regency/city"),
                "conflicts": self.tr("declared conflicts")}[field]

    def _province_chosen(self) -> None:
        province = self.province.currentData()
        self._fill_regions(province)
        if self.current is None:
            return
        changes: dict[str, Any] = {"province_code": province}
        if self.current.region_code and (not province or not self.current.region_code.startswith(province)):
            changes["region_code"] = None  # a regency/city lies in its province
        text = self.tr("%1 of %2").replace("%1", self.tr("province")).replace("%2", self.current.name)
        undo.update_assessor(self.ctx.history, self.store, text, self.current, changes)

    def declare_conflict(self) -> bool:
        index = self.conflict_region.findText(self.conflict_region.currentText())
        code = self.conflict_region.itemData(index) if index >= 0 else None
        if code is None:
            self.ctx.failed.emit(self.tr("Choose the region of the conflict from the list (type part of its name)."))
            self.conflict_region.setFocus()
            return False
        reason = self.conflict_reason.text().strip()
        self.conflict_reason.clear()
        self.conflict_region.setCurrentIndex(-1)
        return self._set_conflicts({**self._conflicts(), code: reason})

    def withdraw_conflict(self) -> bool:
        row = self.conflicts.currentRow()
        if row < 0:
            return False
        item = self.conflicts.item(row, 0)
        if item is None:
            return False
        code = item.data(Qt.ItemDataRole.UserRole)
        return self._set_conflicts({k: v for k, v in self._conflicts().items() if k != code})

    def _conflicts(self) -> dict[str, str]:
        return dict(self.current.conflicts) if self.current is not None else dict(self._new_conflicts)

    def _set_conflicts(self, conflicts: dict[str, str]) -> bool:
        if self.current is None:
            self._new_conflicts = conflicts
            self._show(None)
            return True
        text = self.tr("%1 of %2").replace("%1", self.tr("declared conflicts")).replace("%2", self.current.name)
        return undo.update_assessor(self.ctx.history, self.store, text, self.current, {"conflicts": conflicts})

    def remove_current(self) -> bool:
        info = self.current
        if info is None:
            return False
        return undo.remove_assessor(self.ctx.history, self.store, self.round_id,
                                    self.tr("remove assessor %1").replace("%1", info.name), info)

    def import_file(self) -> bool:
        path = self.ctx.services.pick_open(self, self.tr("Import assessors"),
                                           self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        if not path:
            return False
        try:
            count = setup.import_assessors(self.store, self.round_id, Path(path))
        except (undo.REFUSALS + (OSError,)) as exc:  # a file's problems: how many, and the first
            self.ctx.failed.emit(self.ctx.history.words.said(exc))
            return False
        self.ctx.history.clear()  # an import is not taken back step by step
        self.ctx.message.emit(self.tr("%1 assessor(s) imported from %2.").replace("%1", str(count))
                              .replace("%2", Path(path).name))
        self.ctx.changed.emit()
        return True
