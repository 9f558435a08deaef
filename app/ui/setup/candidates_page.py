"""Step 2, the candidates: picked from the 514-region catalogue, pasted as a list, or read from a
spreadsheet column; each invited, or to be interviewed.

Left, the catalogue with search and filters (province, regency or city); right, the round's
candidates. Ctrl+F searches; Enter (or "Add") takes the regions selected on the left; Delete
removes the ones selected on the right. Every change is saved at once and undone with Ctrl+Z.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.domain import RegionInfo
from app.regions import provinces, regions, search
from app.rounds import setup
from app.rounds.setup import CandidateInfo
from app.ui.setup import undo
from app.ui.setup.calibration_box import CalibrationBox
from app.ui.setup.context import SetupContext
from app.ui.setup.page_base import SetupPage
from app.ui.setup.paste_dialog import PasteDialog
from app.ui.widgets.table_base import ItemTableModel

STATUSES = ("invited", "interview")


class RegionModel(ItemTableModel[RegionInfo]):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.chosen: set[str] = set()

    def headers(self) -> Sequence[str]:
        return [self.tr("Code"), self.tr("Region"), self.tr("Province"), self.tr("In the round")]

    def texts(self, item: RegionInfo) -> Sequence[str]:
        return [item.code, item.name, item.province_name, "✓" if item.code in self.chosen else ""]


class CandidateModel(ItemTableModel[CandidateInfo]):
    def headers(self) -> Sequence[str]:
        return [self.tr("Code"), self.tr("Region"), self.tr("Province"), self.tr("Status")]

    def texts(self, item: CandidateInfo) -> Sequence[str]:
        return [item.region.code, item.region.name, item.region.province_name, status_text(item.status)]


def status_text(status: str) -> str:
    labels = {"invited": QCoreApplication.translate("CandidatesPage", "invited"),
              "interview": QCoreApplication.translate("CandidatesPage", "to be interviewed"),
              "assessed": QCoreApplication.translate("CandidatesPage", "assessed"),
              "shortlisted": QCoreApplication.translate("CandidatesPage", "shortlisted"),
              "selected": QCoreApplication.translate("CandidatesPage", "selected")}
    return labels.get(status, status)


def table(parent: QWidget, model: ItemTableModel, name: str, stretch: tuple[int, ...] = (1,)) -> QTableView:
    """A sortable list of rows, one line each, the ``stretch`` columns (the region's name) taking the
    width the others leave."""
    view = QTableView(parent)
    view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)  # one line: 514 rows to scan
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # in the order given until a header is clicked
    view.setSortingEnabled(True)
    view.setTabKeyNavigation(False)
    return view


class CandidatesPage(SetupPage):
    def __init__(self, ctx: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("2 · Candidates"), self.tr(
            "Pick regions from the catalogue, paste a list of BPS codes or names, or read a column of a "
            "spreadsheet. Names that fit two regions (such as Banjar) are asked about, never guessed."), parent)
        self._candidates: list[CandidateInfo] = []
        # the catalogue
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by name or code…"))
        self.search.setClearButtonEnabled(True)
        self.province = QComboBox(self)
        self.province.addItem(self.tr("All provinces"), "")
        for code, name in sorted(provinces().items(), key=lambda kv: kv[1]):
            self.province.addItem(name, code)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Regencies and cities"), "")
        self.kind.addItem(self.tr("Regencies (kabupaten)"), "kabupaten")
        self.kind.addItem(self.tr("Cities (kota)"), "kota")
        self.catalogue_model = RegionModel(self)
        self.catalogue = table(self, self.catalogue_model, self.tr("Region catalogue"))
        self.add_button = QPushButton(self.tr("Add selected →"), self)
        self.add_status = QComboBox(self)
        for status in STATUSES:
            self.add_status.addItem(status_text(status), status)
        self.add_status.setAccessibleName(self.tr("Status of the regions added"))
        self.paste_button = QPushButton(self.tr("Paste a &list…"), self)
        self.column_button = QPushButton(self.tr("Read a spreadsheet colu&mn…"), self)
        # the round's candidates
        self.candidate_model = CandidateModel(self)
        self.candidates = table(self, self.candidate_model, self.tr("Candidates of the round"))
        self.count = QLabel(self)
        self.status = QComboBox(self)
        for status in STATUSES:
            self.status.addItem(status_text(status), status)
        self.status.setAccessibleName(self.tr("Status of the selected candidates"))
        self.set_status_button = QPushButton(self.tr("S&et status"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setToolTip(self.tr("Remove the selected candidates (Delete)"))

        catalogue_box = QGroupBox(self.tr("Region catalogue (514 regencies and cities)"), self)
        grid = QGridLayout(catalogue_box)
        search_label = QLabel(self.tr("Search:"), self)
        search_label.setBuddy(self.search)
        grid.addWidget(search_label, 0, 0)
        grid.addWidget(self.search, 0, 1, 1, 2)
        grid.addWidget(self.province, 1, 1)
        grid.addWidget(self.kind, 1, 2)
        grid.addWidget(self.catalogue, 2, 0, 1, 3)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_status)
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        grid.addLayout(add_row, 3, 0, 1, 3)
        list_row = QHBoxLayout()  # or a list from elsewhere: pasted, or a spreadsheet's column
        list_row.addWidget(self.paste_button)
        list_row.addWidget(self.column_button)
        list_row.addStretch(1)
        grid.addLayout(list_row, 4, 0, 1, 3)
        round_box = QGroupBox(self.tr("Candidates of this round"), self)
        right = QVBoxLayout(round_box)
        right.addWidget(self.count)
        right.addWidget(self.candidates, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status)
        status_row.addWidget(self.set_status_button)
        status_row.addStretch(1)
        status_row.addWidget(self.remove_button)
        right.addLayout(status_row)
        self.calibration = CalibrationBox(ctx, self)
        right.addWidget(self.calibration)
        columns = QHBoxLayout()
        columns.addWidget(catalogue_box, 1)
        columns.addWidget(round_box, 1)
        self.body.addLayout(columns, 1)

        self.search.textChanged.connect(lambda _t: self.filter_catalogue())
        self.search.returnPressed.connect(self._search_entered)
        self.province.currentIndexChanged.connect(lambda _i: self.filter_catalogue())
        self.kind.currentIndexChanged.connect(lambda _i: self.filter_catalogue())
        self.add_button.clicked.connect(self.add_selected)
        self.catalogue.activated.connect(lambda _index: self.add_selected())
        self.paste_button.clicked.connect(lambda: self.paste())
        self.column_button.clicked.connect(self.read_column)
        self.set_status_button.clicked.connect(self.set_status)
        self.remove_button.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.candidates)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.search.setFocus)
        self.search.setToolTip(self.tr("Ctrl+F; Enter goes to the first region found, Enter again adds it"))
        self.filter_catalogue()

    # --- reading back -------------------------------------------------------------------------

    def refresh(self) -> None:
        has_round = bool(self.round_id)
        self.setEnabled(has_round)
        self._candidates = setup.round_candidates(self.store, self.round_id) if has_round else []
        self.candidate_model.set_items(self._candidates)
        self.catalogue_model.chosen = {c.region.code for c in self._candidates}
        self.filter_catalogue()
        interview = sum(1 for c in self._candidates if c.status == "interview")
        self.count.setText(self.tr("%1 candidate(s), %2 to be interviewed").replace("%1", str(len(self._candidates)))
                           .replace("%2", str(interview)))
        self.calibration.refresh()

    def state(self) -> str:
        return self.tr("%1 candidate(s)").replace("%1", str(len(self._candidates))) if self._candidates \
            else self.tr("none yet")

    def filter_catalogue(self) -> None:
        province, kind = self.province.currentData(), self.kind.currentData()
        pool = tuple(r for r in regions() if (not province or r.province_code == province) and
                     (not kind or r.kind == kind))
        text = self.search.text().strip()
        found = search(text, limit=len(pool), candidates=pool) if text else list(pool)
        self.catalogue_model.set_items(found)

    def _search_entered(self) -> None:
        if self.catalogue_model.rowCount():
            self.catalogue.setFocus()
            self.catalogue.selectRow(0)

    # --- edits --------------------------------------------------------------------------------

    def add_codes(self, codes: Sequence[str], status: str | None = None) -> bool:
        status = status or self.add_status.currentData()
        text = self.tr("add %1 candidate(s)").replace("%1", str(len(codes)))
        return undo.add_candidates(self.ctx.history, self.store, self.round_id, text, codes, status)

    def add_selected(self) -> bool:
        rows = sorted({index.row() for index in self.catalogue.selectionModel().selectedRows()})
        codes = [self.catalogue_model.item(row).code for row in rows]
        if not codes:
            self.ctx.failed.emit(self.tr("Select one or more regions in the catalogue first."))
            return False
        return self.add_codes(codes)

    def selected_candidates(self) -> list[CandidateInfo]:
        rows = sorted({index.row() for index in self.candidates.selectionModel().selectedRows()})
        return [self.candidate_model.item(row) for row in rows]

    def remove_selected(self) -> bool:
        chosen = self.selected_candidates()
        if not chosen:
            return False
        text = self.tr("remove %1 candidate(s)").replace("%1", str(len(chosen)))
        return undo.remove_candidates(self.ctx.history, self.store, self.round_id, text, chosen)

    def set_status(self) -> bool:
        chosen = self.selected_candidates()
        if not chosen:
            self.ctx.failed.emit(self.tr("Select one or more candidates first."))
            return False
        status = self.status.currentData()
        text = self.tr("%1 candidate(s) %2").replace("%1", str(len(chosen))).replace("%2", status_text(status))
        return undo.set_status(self.ctx.history, self.store, self.round_id, text, chosen, status)

    def paste_dialog(self, text: str = "") -> PasteDialog:
        return PasteDialog(self, text)

    def paste(self, text: str = "") -> bool:
        dialog = self.paste_dialog(text)
        if not dialog.exec():
            return False
        return self.add_codes(dialog.codes())

    def read_column(self) -> bool:
        path = self.ctx.services.pick_open(self, self.tr("Read candidates from a spreadsheet column"),
                                           self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        if not path:
            return False
        try:
            values = setup.read_column(Path(path))
        except (undo.REFUSALS + (OSError,)) as exc:
            self.ctx.failed.emit(self.ctx.history.words.said(exc))
            return False
        return self.paste("\n".join(values))
