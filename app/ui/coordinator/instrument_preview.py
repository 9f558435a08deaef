"""Preview an instrument before a round is handed out: the interview screen and the evaluation sheet.

Both are drawn by the real widgets and the real sheet renderer from a sample assessment in a
throw-away store (:func:`app.assessments.preview.sample_preview`), never the coordinator's own:
what is clicked in the preview is forgotten when it closes. The sheet's pages are shown as images
rasterised by poppler's pdftoppm where it is installed; elsewhere the PDF opens in the system viewer.

Entry point for other windows: ``InstrumentPreviewDialog(store, runner, lang, instrument=None)``,
then ``.open()`` / ``.exec()``; ``preview_instrument(parent, store, runner, lang, instrument)`` does both.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.assessments.preview import SamplePreview, sample_preview
from app.models.domain import Instrument
from app.sheets.preview import page_images, sample_sheet_pdf
from app.store import Store
from app.ui.interview.actions import InterviewActions
from app.ui.interview.view import InterviewView
from app.ui.state import UiState
from app.ui.tasks import TaskRunner

__all__ = ["InstrumentPreviewDialog", "preview_instrument"]

_PAGE_DPI = 100  # an A4 page 827 pixels wide: the sheet's small print stays readable on screen


def _sheet_pages(preview: SamplePreview, lang: str) -> tuple[bytes, list[bytes]]:
    pdf = sample_sheet_pdf(preview, lang)
    return pdf, page_images(pdf, dpi=_PAGE_DPI)


class InstrumentPreviewDialog(QDialog):
    ready = Signal()  # the interview screen and the sheet of the chosen instrument are shown

    def __init__(self, store: Store | None, runner: TaskRunner, lang: str, instrument: Instrument | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.lang = runner, lang
        self.preview: SamplePreview | None = None
        self.interview: InterviewView | None = None
        self.ui_state: UiState | None = None  # the interview's splitters, kept in the sample's folder
        self.interview_actions: InterviewActions | None = None
        self.pdf_path: Path | None = None
        self.is_ready = False  # what `ready` said last: the chosen instrument is shown in full
        self._generation = 0
        self.setWindowTitle(self.tr("Instrument preview"))
        self.resize(1100, 780)

        # deferred: reading stored instruments pulls in the workbook modules (pyxform), only needed here
        from app.instruments.workbooks import known_instruments

        self.instruments = known_instruments(store)
        if instrument is not None and all(i.content_hash != instrument.content_hash for i in self.instruments):
            self.instruments.insert(0, instrument)
        self.chooser = QComboBox(self)
        for item in self.instruments:
            self.chooser.addItem(f"{item.title.get(lang)} — {item.id} {item.version} ({item.content_hash[:12]})")
        self.language = QComboBox(self)
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(1 if lang == "en" else 0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        label = QLabel(self.tr("&Instrument:"), self)
        label.setBuddy(self.chooser)
        top.addWidget(label)
        top.addWidget(self.chooser, 1)
        lang_label = QLabel(self.tr("&Language of the instrument:"), self)
        lang_label.setBuddy(self.language)
        top.addWidget(lang_label)
        top.addWidget(self.language)
        self.save_workbook = QPushButton(self.tr("Save as &workbook…"), self)
        self.save_workbook.setToolTip(self.tr("Write this instrument as an XLSForm-style workbook (.xlsx), "
                                              "to edit in a spreadsheet and import again"))
        self.save_workbook.clicked.connect(self.export_workbook)
        top.addWidget(self.save_workbook)

        self.tabs = QTabWidget(self)
        self.interview_page = QWidget(self)
        self.interview_layout = QVBoxLayout(self.interview_page)
        self.interview_layout.setContentsMargins(0, 0, 0, 0)
        self.sheet_area = QScrollArea(self)
        self.sheet_area.setWidgetResizable(True)
        self.sheet_pages = QWidget(self.sheet_area)
        self.sheet_layout = QVBoxLayout(self.sheet_pages)
        self.sheet_area.setWidget(self.sheet_pages)
        self.open_pdf = QPushButton(self.tr("Open the sheet as &PDF"), self)
        self.open_pdf.setEnabled(False)
        self.open_pdf.clicked.connect(self._open_pdf)
        sheet_tab = QWidget(self)
        sheet_box = QVBoxLayout(sheet_tab)
        sheet_box.setContentsMargins(0, 0, 0, 0)
        sheet_box.addWidget(self.sheet_area, 1)
        pdf_row = QHBoxLayout()
        pdf_row.addWidget(self.open_pdf)
        pdf_row.addStretch(1)
        sheet_box.addLayout(pdf_row)
        self.tabs.addTab(self.interview_page, self.tr("Interview screen"))
        self.tabs.addTab(sheet_tab, self.tr("Evaluation sheet"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        if instrument is not None:
            self.chooser.setCurrentIndex(next(i for i, item in enumerate(self.instruments)
                                              if item.content_hash == instrument.content_hash))
        self.chooser.currentIndexChanged.connect(lambda _i: self.show_instrument())
        self.language.currentIndexChanged.connect(lambda _i: self.show_instrument())
        if self.instruments:
            self.show_instrument()
        else:
            self.status.setText(self.tr("No instrument to preview: import one from a workbook first."))

    # -- building the sample ------------------------------------------------------------------

    @property
    def instrument(self) -> Instrument | None:
        index = self.chooser.currentIndex()
        return self.instruments[index] if 0 <= index < len(self.instruments) else None

    @property
    def instrument_lang(self) -> str:
        return str(self.language.currentData())

    def show_instrument(self) -> None:
        instrument = self.instrument
        if instrument is None:
            return
        self._generation += 1
        generation = self._generation
        self.is_ready = False
        self.status.setText(self.tr("Preparing a sample assessment of {title}…").format(
            title=instrument.title.get(self.lang)))
        self.runner.run(sample_preview, instrument, label=self.tr("Preparing the instrument preview"),
                        on_done=lambda preview: self._sample_ready(generation, preview),
                        on_error=self._failed)

    def _sample_ready(self, generation: int, preview: SamplePreview) -> None:
        if generation != self._generation:
            preview.close()  # another instrument or language was chosen meanwhile
            return
        self._drop_sample()
        self.preview = preview
        lang = self.instrument_lang
        actions = self.interview_actions = InterviewActions(self)
        self.ui_state = UiState(preview.folder)
        self.interview = InterviewView(preview.store, self.runner, f"{preview.assessor.name}", self.ui_state,
                                       actions, lang, self.interview_page)
        self.interview_layout.addWidget(self.interview)
        self.interview.opened.connect(lambda _v: self._interview_shown(generation))
        self.interview.open(preview.version_id)
        self.status.setText(self.tr("A sample assessment of Kabupaten Batang, every indicator scored at its "
                                    "middle level. Nothing here is saved."))

    def _interview_shown(self, generation: int) -> None:
        if generation != self._generation or self.preview is None:
            return
        self.runner.run(_sheet_pages, self.preview, self.instrument_lang,
                        label=self.tr("Drawing the evaluation sheet"),
                        on_done=lambda result: self._sheet_ready(generation, result), on_error=self._failed)

    def _sheet_ready(self, generation: int, result: tuple[bytes, list[bytes]]) -> None:
        if generation != self._generation:
            return
        pdf, pages = result
        self._clear_pages()
        self._remove_pdf()
        with tempfile.NamedTemporaryFile(prefix="nilai-sheet-preview-", suffix=".pdf", delete=False) as handle:
            handle.write(pdf)
        self.pdf_path = Path(handle.name)
        self.open_pdf.setEnabled(True)
        if not pages:
            note = QLabel(self.tr("Page images need poppler's pdftoppm, which is not installed here. "
                                  "Open the sheet as PDF to see it as it will print."), self.sheet_pages)
            note.setWordWrap(True)
            self.sheet_layout.addWidget(note)
        for number, png in enumerate(pages, start=1):
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            page = QLabel(self.sheet_pages)
            page.setPixmap(pixmap)
            page.setFrameShape(QFrame.Shape.Box)
            page.setToolTip(self.tr("Page %n", "", number))
            self.sheet_layout.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
        self.sheet_layout.addStretch(1)
        self.is_ready = True
        self.ready.emit()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("The preview could not be prepared: {error}").format(error=error))

    # -- the instrument as a workbook ---------------------------------------------------------

    def export_workbook(self) -> Path | None:
        instrument = self.instrument
        if instrument is None:
            return None
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the instrument as a workbook"),
                                              f"{instrument.id}-{instrument.version}.xlsx",
                                              self.tr("Excel workbooks (*.xlsx)"))
        if not name:
            return None
        path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
        # deferred: openpyxl and pyxform, loaded only when a workbook is written
        from app.instruments import InstrumentError
        from app.instruments.workbooks import export_instrument_workbook

        try:
            export_instrument_workbook(instrument, path)
        except (InstrumentError, OSError) as exc:
            self.status.setText(self.tr("The workbook was not written: {error}").format(error=exc))
            return None
        self.status.setText(self.tr("Saved {file}: edit it in a spreadsheet, then Coordinator → Import instrument "
                                    "from workbook…").format(file=path))
        return path

    # -- clean-up -----------------------------------------------------------------------------

    def _open_pdf(self) -> None:
        if self.pdf_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf_path)))

    def _clear_pages(self) -> None:
        while self.sheet_layout.count():
            item = self.sheet_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _remove_pdf(self) -> None:
        if self.pdf_path is not None:
            self.pdf_path.unlink(missing_ok=True)
            self.pdf_path = None

    def _drop_sample(self) -> None:
        if self.interview is not None:
            self.interview.close_assessment()
            self.interview.setParent(None)
            self.interview.deleteLater()
            self.interview = None
        if self.interview_actions is not None:
            self.interview_actions.deleteLater()
            self.interview_actions = None
        if self.ui_state is not None:
            # written now, so that QSettings has nothing left to write into the folder once it is gone
            self.ui_state.settings.sync()
            self.ui_state = None
        if self.preview is not None:
            self.preview.close()
            self.preview = None

    def done(self, result: int) -> None:
        self._generation += 1  # results still on their way are dropped
        self._drop_sample()
        self._remove_pdf()
        super().done(result)


def preview_instrument(parent: QWidget | None, store: Store | None, runner: TaskRunner, lang: str,
                       instrument: Instrument | None = None) -> InstrumentPreviewDialog:
    """Open the preview (window-modal, not blocking) and return it."""
    dialog = InstrumentPreviewDialog(store, runner, lang, instrument, parent)
    dialog.open()
    return dialog
