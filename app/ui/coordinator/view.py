"""The coordinator's view: round setup, import, coverage, ranking, region detail and charts of one round.

:class:`CoordinatorView` is a plain widget built from its services (store, task runner, data
directory; pickers and the passphrase prompt replaceable), so it can be the central widget of a
main window or stand alone. :func:`app.ui.coordinator.actions.install` adds the "Koordinator" menu to
a window and opens the view in a window of its own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.base.ids import short_id
from app.rounds import setup
from app.store import Store
from app.ui.coordinator import i18n as coordinator_i18n
from app.ui.coordinator.arrivals import Arrivals
from app.ui.coordinator.charts_tab import ChartsTab
from app.ui.coordinator.coverage_tab import CoverageTab
from app.ui.coordinator.detail_tab import RegionDetailTab
from app.ui.coordinator.exports import ExportController
from app.ui.coordinator.import_tab import ImportTab
from app.ui.coordinator.ranking_tab import RankingTab
from app.ui.coordinator.services import CoordinatorServices
from app.ui.coordinator.session import CoordinatorSession
from app.ui.coordinator.severity_tab import SeverityTab
from app.ui.setup.workspace import SetupWorkspace
from app.ui.tasks import TaskRunner
from app.ui.widgets.eliding_combo import ElidingComboBox

ERROR_STYLE = "color: #d64541;"


class CoordinatorView(QWidget):
    def __init__(self, store: Store, task_runner: TaskRunner, data_dir: str | Path, lang: str = "id",
                 parent: QWidget | None = None, *, services: CoordinatorServices | None = None, **overrides) -> None:
        coordinator_i18n.install()
        super().__init__(parent)
        self.services = services or CoordinatorServices(store, task_runner, Path(data_dir), lang, **overrides)
        self.session = CoordinatorSession(self.services, self)
        self.exports = ExportController(self.services, self.session, self)

        self.round = ElidingComboBox(self)  # a round's whole name when there is room, its tooltip always
        self.round.setAccessibleName(self.tr("Round"))
        self.round.setMinimumContentsLength(30)
        self.round.activated.connect(lambda _i: self.set_round(self.round.currentData()))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("Status"))
        top = QHBoxLayout()
        round_label = QLabel(self.tr("Ro&und:"), self)
        round_label.setBuddy(self.round)
        top.addWidget(round_label)
        top.addWidget(self.round)
        top.addWidget(self.status, 1)
        self.busy = QLabel(self.tr("Consolidating…"), self)
        self.busy.hide()
        top.addWidget(self.busy)

        self.tabs = QTabWidget(self)
        self.setup_tab = SetupWorkspace(self.services, self)
        self.import_tab = ImportTab(self.session, self.exports, self)
        self.coverage_tab = CoverageTab(self.session, self)
        self.ranking_tab = RankingTab(self.session, self.exports, self)
        self.detail_tab = RegionDetailTab(self.session, self)
        self.charts_tab = ChartsTab(self.session, self)
        for widget, title in ((self.setup_tab, self.tr("Round se&tup")), (self.import_tab, self.tr("&Import")), (self.coverage_tab, self.tr("Co&verage")),
                              (self.ranking_tab, self.tr("R&anking")), (self.detail_tab, self.tr("Region &detail")),
                              (self.charts_tab, self.tr("C&harts"))):
            self.tabs.addTab(widget, title)
        self.severity_tab = SeverityTab(self.session, self)
        self.tabs.setTabToolTip(self.tabs.addTab(self.severity_tab, self.tr("Assessor severit&y")),
                                self.tr("How strict each assessor is (severity ± SE) and how well the model fits them "
                                        "(Ctrl+%1)").replace("%1", str(self.tabs.count())))
        # Ctrl+1 … Ctrl+7 switch tabs; on the round-setup tab they are its steps (Ctrl+Tab still switches tabs).
        # Inside the workspace its own shortcuts answer (two live ones would cancel each other out as
        # ambiguous); from the tab bar or the round chooser these pass the step on.
        self.tab_keys: list[QShortcut] = []
        for number in range(1, self.tabs.count() + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda i=number - 1: self._number_key(i))
            self.tab_keys.append(shortcut)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tabs.currentChanged.connect(self._severity_wanted)
        application = QApplication.instance()
        if isinstance(application, QApplication):
            application.focusChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.ranking_tab.region_activated.connect(self.open_region)
        self.coverage_tab.region_activated.connect(self.open_region)
        self.detail_tab.loaded.connect(self.charts_tab.show_region)
        self.session.message.connect(self.show_message)
        self.session.failed.connect(self.show_error)
        self.session.computing.connect(self._computing)
        self.session.consolidated.connect(self._consolidated)
        self.exports.message.connect(self.show_message)
        self.exports.failed.connect(self.show_error)
        self.import_tab.conflicts_changed.connect(self._conflicts_changed)
        self.arrivals = Arrivals(self.session, self.import_tab)  # what the sync service takes in, every 10 s
        self.setup_tab.message.connect(self.show_message)
        self.setup_tab.failed.connect(self.show_error)
        self.setup_tab.round_created.connect(self._round_created)
        self._tab_changed(self.tabs.currentIndex())

    def start(self) -> None:
        """Read the rounds and compute the first ranking (in the background); look for arrivals from now on."""
        self.arrivals.start()
        rounds = self.session.rounds()
        self.round.clear()
        for choice in rounds:
            self._add_round(choice.name, choice.id, choice.origin)
        self.import_tab.refresh_conflicts()
        if not rounds:
            self.show_message(self.tr("There is no round here yet: create one here in Round setup, or import the "
                                      "assessors' bundles (Import tab) to bring one in."))
            self.new_round()
            return
        self.show_message("")
        self.set_round(self.round.currentData())
        # a round being prepared opens on its setup; one already scored, on the bundles coming in
        scored = setup.round_details(self.services.store, self.round.currentData()).has_assessments
        self.tabs.setCurrentWidget(self.import_tab if scored else self.setup_tab)

    def set_round(self, round_id: str | None) -> None:
        self.setup_tab.set_round(round_id)
        self.session.set_round(round_id)

    def new_round(self) -> None:
        """The round-setup tab with an empty round form."""
        self.tabs.setCurrentWidget(self.setup_tab)
        self.setup_tab.new_round()

    def _round_created(self, round_id: str) -> None:
        details = self.setup_tab.round_page.state()
        self._add_round(details, round_id, "here")
        self.round.setCurrentIndex(self.round.findData(round_id))
        self.session.set_round(round_id)

    def _tab_changed(self, *_: object) -> None:
        """The view's number keys give way while the focus is inside the round-setup workspace."""
        focus = QApplication.focusWidget()
        inside = focus is not None and self.tabs.currentWidget() is self.setup_tab and self.setup_tab.isAncestorOf(focus)
        for shortcut in self.tab_keys:
            shortcut.setEnabled(not inside)

    def _severity_wanted(self, *_: object) -> None:
        """The severities are fitted only while a tab that shows them is open (the adjusted rule aside)."""
        self.session.want_severity(self.tabs.currentWidget() in (self.detail_tab, self.severity_tab))

    def _number_key(self, index: int) -> None:
        if self.tabs.currentWidget() is self.setup_tab and index < len(self.setup_tab.pages):
            self.setup_tab.show_step(index)
        else:
            self.tabs.setCurrentIndex(index)

    def _consolidated(self, c) -> None:
        if self.round.findData(c.round.id) < 0:  # the first import brought the round in
            self._add_round(c.round.name, c.round.id, "bundle")
        self.round.setCurrentIndex(self.round.findData(c.round.id))
        if not self.setup_tab.round_id and self.tabs.currentWidget() is not self.setup_tab:
            self.setup_tab.set_round(c.round.id)  # the first import brought a round: setup shows it

    def _add_round(self, name: str, round_id: str, origin: str) -> None:
        """Named with its id, since two rounds may share a name (one made here, one from a bundle)."""
        self.round.addItem(self.tr("%1 · id %2").replace("%1", name).replace("%2", short_id(round_id)), round_id)
        where = {"here": self.tr("created here"), "bundle": self.tr("from a bundle"),
                 "round package": self.tr("from a round package")}.get(origin, origin)
        self.round.setItemData(self.round.count() - 1, self.tr("Round %1 (id %2), %3").replace("%1", name)
                               .replace("%2", round_id).replace("%3", where), Qt.ItemDataRole.ToolTipRole)

    def _computing(self, on: bool) -> None:
        self.busy.setVisible(on)

    def _conflicts_changed(self, count: int) -> None:
        title = self.tr("&Import") if not count else self.tr("&Import · conflicts: %1").replace("%1", str(count))
        self.tabs.setTabText(self.tabs.indexOf(self.import_tab), title)

    def show_message(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def show_error(self, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)

    def open_region(self, code: str) -> None:
        self.detail_tab.show_region(code)
        self.tabs.setCurrentWidget(self.detail_tab)
