"""Help → About, Open data folder, Open log file: what they show, what they open, honest licences."""

from __future__ import annotations

import ast
import re
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from app import __version__
from app.base.paths import resources_dir
from app.ui.help import actions as help_actions
from app.ui.help.about_dialog import DATA_CREDITS, LIBRARY_CREDITS, AboutDialog
from app.ui.help.actions import HelpServices, install_help_actions

ROOT = Path(__file__).resolve().parents[2]


class Opened:
    def __init__(self, result: bool = True) -> None:
        self.urls: list[QUrl] = []
        self.result = result

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url)
        return self.result

    @property
    def paths(self) -> list[Path]:
        return [Path(u.toLocalFile()) for u in self.urls]


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(help_actions.QMessageBox, "information",
                        lambda _parent, title, text: shown.append((title, text)) or QMessageBox.StandardButton.Ok)
    return shown


def test_about_shows_version_places_and_every_licence(qtbot, english, tmp_path: Path) -> None:
    log = tmp_path / "logs" / "nilai.log"
    opened = Opened()
    dialog = AboutDialog(tmp_path / "data", log, opened)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"Nilai {__version__}" in text
    assert str(tmp_path / "data") in text and str(log) in text
    credits = dialog.credits.toPlainText()
    for credit in (*DATA_CREDITS, *LIBRARY_CREDITS):
        assert credit.name in credits and credit.licence in credits
    assert "edwardsamuel/Wilayah-Administratif-Indonesia" in credits and "MIT" in credits
    assert metadata.version("reportlab") in credits  # versions from the installed metadata
    assert not dialog.open_log.isEnabled()  # no log written yet
    dialog.open_data.click()
    assert opened.paths == [tmp_path / "data"]


def test_about_opens_the_font_licence_from_its_link(qtbot, english, tmp_path: Path) -> None:
    opened = Opened()
    dialog = AboutDialog(tmp_path, tmp_path / "nilai.log", opened)
    qtbot.addWidget(dialog)
    (link,) = re.findall(r"href=\"([^\"]+LICENSE-DejaVu.txt)\"", dialog.credits.toHtml())
    dialog.credits.anchorClicked.emit(QUrl(link))
    assert opened.paths == [resources_dir() / "fonts" / "LICENSE-DejaVu.txt"]
    assert opened.paths[0].is_file()


def test_help_menu_actions_open_the_data_folder_and_the_log(qtbot, english, tmp_path: Path, messages) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("&Help")
    menu.addAction("&Keyboard shortcuts")
    opened = Opened()
    log = tmp_path / "logs" / "nilai.log"
    actions = install_help_actions(window, menu, HelpServices(tmp_path / "data", log, opened))
    texts = [a.text() for a in menu.actions()]
    assert texts == ["&Keyboard shortcuts", "", "Open &data folder", "Open &log file", "&About Nilai"]

    actions.open_data.trigger()
    assert opened.paths == [tmp_path / "data"]

    actions.open_log.trigger()  # nothing logged yet: say where the log will be, open nothing
    assert opened.paths == [tmp_path / "data"]
    assert messages and str(log) in messages[-1][1]

    log.parent.mkdir()
    log.write_text("2026-01-01 INFO app: started\n", encoding="utf-8")
    actions.open_log.trigger()
    assert opened.paths[-1] == log

    actions.about.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.open_log.isEnabled()
    dialog.close()


def test_when_nothing_can_open_it_the_path_is_shown(qtbot, english, tmp_path: Path, messages) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = install_help_actions(window, window.menuBar().addMenu("&Help"),
                                   HelpServices(tmp_path, tmp_path / "nilai.log", Opened(result=False)))
    assert actions.show_data_folder() is False
    assert str(tmp_path) in messages[-1][1]


def test_services_without_log_or_opener_use_the_program_defaults(qtbot, english, tmp_path: Path, monkeypatch) -> None:
    from app.base import logs

    monkeypatch.setenv("NILAI_LOG_DIR", str(tmp_path / "logdir"))

    class CoordinatorLike:
        data_dir = tmp_path

    window = QMainWindow()
    qtbot.addWidget(window)
    actions = install_help_actions(window, window.menuBar().addMenu("&Help"), CoordinatorLike())
    assert actions.log_file == logs.log_path() == tmp_path / "logdir" / "nilai.log"
    assert actions.data_dir == tmp_path


def _tokens(text: str) -> set[str]:
    aliases = {"apache license 2.0": "apache-2.0", "bsd license": "bsd", "mit license": "mit",
               "gnu general public license v3 (gplv3)": "gpl-3.0"}
    text = text.lower()
    for long, short in aliases.items():
        text = text.replace(long, short)
    return set(re.findall(r"[a-z0-9][a-z0-9.\-]*", text)) - {"or", "and"}


@pytest.mark.parametrize("credit", [c for c in LIBRARY_CREDITS if c.distribution not in (None, "Python")],
                         ids=lambda c: c.name)
def test_licences_shown_are_those_the_authors_publish(credit) -> None:
    meta = metadata.metadata(credit.distribution)
    published = " ".join([meta.get("License-Expression") or "", (meta.get("License") or "")[:200],
                          *(c for c in meta.get_all("Classifier") or [] if c.startswith("License"))])
    assert _tokens(credit.licence) <= _tokens(published), f"{credit.name}: shown {credit.licence!r}, published {published!r}"


def test_frozen_build_ships_the_metadata_the_about_box_reads() -> None:
    tree = ast.parse((ROOT / "installer" / "nilai.spec").read_text(encoding="utf-8"))
    (shipped,) = [ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                  and any(isinstance(t, ast.Name) and t.id == "ABOUT_DISTRIBUTIONS" for t in node.targets)]
    assert set(shipped) == {c.distribution for c in LIBRARY_CREDITS if c.distribution not in (None, "Python")}
