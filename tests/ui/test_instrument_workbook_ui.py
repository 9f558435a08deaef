"""The coordinator's instrument workbook import and the instrument preview, driven through the menu.

Screenshots for docs/screenshots are written when NILAI_SCREENSHOTS names a folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from app.instruments.workbooks import known_instruments
from app.instruments.xlsform_write import write_workbook
from app.sheets.preview import can_rasterise
from app.ui.coordinator.instrument_import import InstrumentProblemsDialog
from app.ui.coordinator.instrument_preview import InstrumentPreviewDialog
from tests.ui.test_coordinator_screenshots import save

OUT = os.environ.get("NILAI_SCREENSHOTS")


@pytest.fixture
def coordinator_actions(main_window, monkeypatch):
    actions = main_window.menus.coordinator_actions
    shown: list[QDialog] = []
    actions.instrument_import.run_dialog = lambda dialog: shown.append(dialog) or 0
    actions.shown = shown
    return actions


def _workbook(tmp_path: Path, small_instrument, monkeypatch, name: str = "instrument.xlsx") -> Path:
    path = tmp_path / name
    write_workbook(small_instrument, path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    return path


def test_the_menu_imports_a_workbook_and_opens_its_preview(qtbot, coordinator_actions, store, tmp_path,
                                                           small_instrument, monkeypatch) -> None:
    renamed = small_instrument.__class__(**{**small_instrument.__dict__, "id": "workbook-instrument"})
    path = tmp_path / "instrument.xlsx"
    write_workbook(renamed, path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    before = {i.id for i in known_instruments(store)}
    assert "workbook-instrument" not in before

    coordinator_actions.import_instrument.trigger()

    stored = {i.id: i for i in known_instruments(store)}
    assert "workbook-instrument" in stored
    message = coordinator_actions.shown[-1]
    assert isinstance(message, QMessageBox) and "workbook-instrument" in message.text()
    preview = next(w for w in coordinator_actions.window_parent.findChildren(InstrumentPreviewDialog))
    qtbot.waitUntil(lambda: preview.interview is not None and preview.interview.session is not None
                    and preview.interview.session.state is not None, timeout=20000)
    assert preview.instrument.id == "workbook-instrument"
    # the interview screen is the real one, on a throw-away store, with every indicator of the instrument
    assert preview.preview.store is not store
    assert preview.interview.header.region.text() == "Kabupaten Batang"
    assert len(preview.interview.session.snapshot.scores) == len(small_instrument.indicators())
    folder = preview.preview.folder
    preview.close()
    preview.done(0)
    assert not folder.exists()
    # nothing of the sample reached the coordinator's store: only the instrument did
    assert {i.id for i in known_instruments(store)} == set(stored)


def test_a_workbook_with_problems_shows_them_all_and_stores_nothing(qtbot, coordinator_actions, store, tmp_path,
                                                                   small_instrument, monkeypatch) -> None:
    path = _workbook(tmp_path, small_instrument, monkeypatch)
    book = openpyxl.load_workbook(path)
    book["survey"]["E4"] = "abc"
    book["choices"]["G3"] = "perhaps"
    book.save(path)
    before = [i.content_hash for i in known_instruments(store)]

    coordinator_actions.import_instrument.trigger()

    dialog = coordinator_actions.shown[-1]
    assert isinstance(dialog, InstrumentProblemsDialog)
    lines = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert lines == ["survey row 4, column weight: 'abc' is not a number",
                     "choices row 3, column requires_note: 'perhaps' is not yes or no"]
    assert [i.content_hash for i in known_instruments(store)] == before
    assert not coordinator_actions.window_parent.findChildren(InstrumentPreviewDialog)
    if OUT:
        dialog.show()
        qtbot.waitExposed(dialog)
        save(dialog, "instrument-import-problems-en.png")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_preview_of_a_builtin_instrument(qtbot, store, runner, lang) -> None:
    from app.instruments import builtin_instruments
    from app.ui import i18n

    i18n.install(lang)
    try:
        instrument = next(i for i in builtin_instruments() if i.id == "smart-city-readiness-2018")
        dialog = InstrumentPreviewDialog(store, runner, lang, instrument)
        qtbot.addWidget(dialog)
        dialog.resize(1280, 820)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.is_ready, timeout=60000)
        pages = [w for w in dialog.sheet_pages.findChildren(type(dialog.status)) if w.pixmap() is not None
                 and not w.pixmap().isNull()]
        if can_rasterise():
            assert len(pages) >= 2  # the 15 indicators of the 2018 instrument take more than one page
        else:  # without pdftoppm the tab says so, and the PDF button opens the sheet
            assert not pages and "pdftoppm" in dialog.sheet_pages.findChildren(type(dialog.status))[0].text()
        assert dialog.open_pdf.isEnabled()
        assert dialog.pdf_path is not None and dialog.pdf_path.read_bytes().startswith(b"%PDF")
        assert dialog.interview.panel.isVisible()
        if OUT:
            qtbot.wait(200)
            save(dialog, f"instrument-preview-interview-{lang}.png")
            dialog.tabs.setCurrentIndex(1)
            qtbot.wait(200)
            save(dialog, f"instrument-preview-sheet-{lang}.png")
        pdf = dialog.pdf_path
        dialog.done(0)
        assert not pdf.exists()
    finally:
        i18n.install("en")


def test_the_preview_saves_the_instrument_as_a_workbook(qtbot, store, runner, english, tmp_path, monkeypatch) -> None:
    from app.instruments import builtin_instruments
    from app.instruments.xlsform_read import read_workbook

    instrument = next(i for i in builtin_instruments() if i.id == "smart-city-six-dimensions")
    dialog = InstrumentPreviewDialog(store, runner, "en", instrument)
    qtbot.addWidget(dialog)
    target = tmp_path / "template"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    qtbot.mouseClick(dialog.save_workbook, Qt.MouseButton.LeftButton)
    written = tmp_path / "template.xlsx"
    assert read_workbook(written).content_hash == instrument.content_hash
    assert str(written) in dialog.status.text()
    dialog.done(0)


def test_without_pdftoppm_the_sheet_tab_offers_the_pdf(qtbot, store, runner, english, small_instrument,
                                                       monkeypatch) -> None:
    import app.sheets.preview as sheet_preview

    monkeypatch.setattr(sheet_preview.shutil, "which", lambda _name: None)
    dialog = InstrumentPreviewDialog(store, runner, "en", small_instrument)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.is_ready, timeout=60000)
    labels = dialog.sheet_pages.findChildren(type(dialog.status))
    assert [w for w in labels if "pdftoppm" in w.text()] and not [w for w in labels if w.pixmap() and not w.pixmap().isNull()]
    assert dialog.open_pdf.isEnabled() and dialog.pdf_path.read_bytes().startswith(b"%PDF")
    dialog.done(0)
