"""The "Koordinator" menu: open the coordinator view (in a window of its own), import bundles, export,
import an instrument from a workbook and preview it.

The main window hooks it in with one call::

    install(window, window.menuBar(), CoordinatorServices(store, runner, data_dir, lang))

Shortcuts (chosen to avoid the interview's and the sheets' keys): Ctrl+Shift+O opens the view,
Ctrl+Shift+B imports bundles, Ctrl+Shift+P exports the ranking report (PDF), Ctrl+Shift+N starts a
new round (the round-setup tab with an empty round form). Inside the view, Ctrl+1 … Ctrl+6 switch
tabs (on the round-setup tab they open its steps).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from app.models.domain import Instrument
from app.ui.coordinator import i18n as coordinator_i18n
from app.ui.coordinator.instrument_import import InstrumentWorkbookImport
from app.ui.coordinator.services import CoordinatorServices
from app.ui.widgets.menus import menu_in

if TYPE_CHECKING:
    from app.ui.coordinator.instrument_preview import InstrumentPreviewDialog
    from app.ui.coordinator.view import CoordinatorView
    from app.ui.coordinator.view_state import ViewState
    from app.ui.coordinator.window import CoordinatorWindow


class CoordinatorActions(QObject):
    data_changed = Signal()  # bundles taken in or a round made: the assessor's schedule may read differently

    def __init__(self, window: QWidget, services: CoordinatorServices) -> None:
        coordinator_i18n.install()
        super().__init__(window)
        self.window_parent, self.services = window, services
        self.coordinator: CoordinatorWindow | None = None
        self.new_round = self._make(self.tr("New ro&und…"), "Ctrl+Shift+N",
                                    self.tr("Prepare a round: instrument, candidates, assessors, panels, schedule"))
        self.open = self._make(self.tr("&Coordinator view…"), "Ctrl+Shift+O",
                               self.tr("Import bundles, see coverage and agreement, moderate, rank and export"))
        self.import_bundles = self._make(self.tr("&Import result bundles…"), "Ctrl+Shift+B",
                                         self.tr("Take in the assessors' signed result bundles"))
        self.export_csv = self._make(self.tr("Expor&t ranking as CSV…"), "",
                                     self.tr("The ranking and every level behind it, as two CSV files"))
        self.export_xlsx = self._make(self.tr("Export ranking as &XLSX…"), "",
                                      self.tr("Ranking, Scores and Method sheets"))
        self.export_pdf = self._make(self.tr("Export ranking &report (PDF)…"), "Ctrl+Shift+P",
                                     self.tr("Method, agreement, charts and the ranking table"))
        self.export_signed = self._make(self.tr("Export &signed ranking report (PDF)…"), "",
                                        self.tr("The report, signed with this data directory's key"))
        self.round_package = self._make(self.tr("Export round &package for assessors…"), "",
                                        self.tr("The round, instrument, panels and schedule, signed"))
        self.import_instrument = self._make(self.tr("Import i&nstrument from workbook…"), "",
                                            self.tr("An instrument written in an XLSForm-style spreadsheet (.xlsx)"))
        self.preview_instrument = self._make(self.tr("Pre&view instrument…"), "",
                                             self.tr("The interview screen and the evaluation sheet of an instrument, "
                                                     "before the round is handed out"))
        self.instrument_import = InstrumentWorkbookImport(window, services.store, services.lang)
        self.instrument_import.imported.connect(self.show_instrument_preview)
        self.open.triggered.connect(self.show_view)
        self.new_round.triggered.connect(lambda: self.show_view().new_round())
        self.import_bundles.triggered.connect(self._import_bundles)
        self.export_csv.triggered.connect(lambda: self._export("csv"))
        self.export_xlsx.triggered.connect(lambda: self._export("xlsx"))
        self.export_pdf.triggered.connect(lambda: self._export("pdf"))
        self.export_signed.triggered.connect(lambda: self._export("pdf", sign=True))
        self.round_package.triggered.connect(lambda: self.show_view().exports.export_round_package())
        self.import_instrument.triggered.connect(self.import_instrument_workbook)
        self.preview_instrument.triggered.connect(lambda: self.show_instrument_preview())

    def _make(self, text: str, keys: str, tip: str) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        return action

    def all(self) -> list[QAction]:
        return [self.open, self.new_round, self.import_bundles, self.export_csv, self.export_xlsx, self.export_pdf,
                self.export_signed, self.import_instrument, self.preview_instrument, self.round_package]

    def show_view(self) -> CoordinatorView:
        """Open (or bring back) the coordinator window; the first time, compute the ranking."""
        first = self.coordinator is None
        if self.coordinator is None:
            from app.ui.coordinator.window import CoordinatorWindow  # deferred: numpy, krippendorff

            self.coordinator = CoordinatorWindow(self.services)
            view = self.coordinator.view
            view.import_tab.imported.connect(lambda _outcome: self.data_changed.emit())
            view.setup_tab.round_created.connect(lambda _round_id: self.data_changed.emit())
        self.coordinator.show()
        self.coordinator.raise_()
        self.coordinator.activateWindow()
        if first:
            self.coordinator.view.start()
        return self.coordinator.view

    def state(self) -> ViewState | None:
        """What the open coordinator window shows (None when it is not open), to be shown again after a rebuild."""
        if self.coordinator is None or not self.coordinator.isVisible():
            return None
        from app.ui.coordinator.view_state import capture  # deferred: with the window (numpy, krippendorff)

        return capture(self.coordinator.view)

    def reopen(self, state: ViewState | None) -> None:
        """Open the window again as it was (a language switch rebuilt everything)."""
        if state is None:
            return
        from app.ui.coordinator.view_state import restore  # deferred: with the window (numpy, krippendorff)

        restore(self.show_view(), state)

    def import_instrument_workbook(self) -> Instrument | None:
        """Ask for a workbook and import its instrument; offers the preview once it is in the store."""
        return self.instrument_import.choose_and_import()

    def show_instrument_preview(self, instrument: Instrument | None = None) -> InstrumentPreviewDialog:
        # deferred: the interview widgets and the sheet renderer (ReportLab), only for the preview
        from app.ui.coordinator.instrument_preview import preview_instrument

        return preview_instrument(self.window_parent, self.services.store, self.services.runner, self.services.lang,
                                  instrument)

    def _import_bundles(self) -> None:
        view = self.show_view()
        view.tabs.setCurrentWidget(view.import_tab)
        view.import_tab.choose_files()

    def _export(self, fmt: str, sign: bool = False) -> None:
        view = self.show_view()
        view.tabs.setCurrentWidget(view.ranking_tab)
        if view.session.consolidation is None:
            # the ranking is still being computed: export as soon as it is there
            def once(_c) -> None:
                view.session.consolidated.disconnect(once)
                view.exports.export(fmt, sign)

            view.session.consolidated.connect(once)
            return
        view.exports.export(fmt, sign)


def install(window: QWidget, menu_bar_or_menu: QMenuBar | QMenu, services: CoordinatorServices) -> CoordinatorActions:
    actions = CoordinatorActions(window, services)
    menu = menu_in(menu_bar_or_menu, QCoreApplication.translate("CoordinatorActions", "&Coordinator"))
    menu.addActions(actions.all()[:3])
    menu.addSeparator()
    menu.addActions(actions.all()[3:7])
    menu.addSeparator()
    menu.addActions([actions.import_instrument, actions.preview_instrument, actions.round_package])
    window.addActions(actions.all())  # shortcuts work even while the menu bar is hidden
    return actions
