"""Alt+letter reaches one thing: mnemonics are unique within every menu bar and every menu, in both languages."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from app.ui import i18n


def mnemonic(text: str) -> str | None:
    """The letter after a single "&" ("&&" is a literal ampersand), lower case; None without one."""
    at = 0
    while (at := text.find("&", at)) != -1:
        if text[at + 1:at + 2] == "&":
            at += 2
            continue
        return text[at + 1:at + 2].lower() or None
    return None


def clashes(actions: list[QAction], where: str) -> list[str]:
    """"where: "&Sheets" and "&Settings" share Alt+S" for each shared mnemonic; and the same inside submenus."""
    found: list[str] = []
    by_key: dict[str, list[str]] = defaultdict(list)
    for action in actions:
        if action.isSeparator() or not action.isVisible():
            continue
        key = mnemonic(action.text())
        if key:
            by_key[key].append(action.text())
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            found += clashes(submenu.actions(), f"{where} › {action.text()}")
    found += [f"{where}: {' and '.join(repr(t) for t in texts)} share Alt+{key.upper()}"
              for key, texts in by_key.items() if len(texts) > 1]
    return found


def menu_bar_clashes(bar: QMenuBar, name: str) -> list[str]:
    return clashes(bar.actions(), name)


def test_mnemonic_reads_the_single_ampersand() -> None:
    assert mnemonic("&Sheets") == "s" and mnemonic("Si&gn this sheet…") == "g"
    assert mnemonic("Save && close") is None and mnemonic("R&&D &plan") == "p" and mnemonic("Plain") is None


def test_clashes_are_found_in_a_menu_bar_and_its_menus(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("&Sheets").addActions([QAction("&Open", window), QAction("&Other", window)])
    window.menuBar().addMenu("&Settings")
    assert sorted(menu_bar_clashes(window.menuBar(), "bar")) == [
        "bar › &Sheets: '&Open' and '&Other' share Alt+O", "bar: '&Sheets' and '&Settings' share Alt+S"]


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_menu_bar_has_unique_mnemonics(qtbot, store, runner, ui_state, scoring_round, lang) -> None:
    from app.ui.mainwindow.window import MainWindow

    i18n.install(lang)
    try:
        _round_id, assessor = scoring_round
        window = MainWindow(store, runner, assessor, lang, ui_state)
        qtbot.addWidget(window)
        found = menu_bar_clashes(window.menuBar(), f"main window ({lang})")
        coordinator_actions = window.menus.coordinator_actions
        coordinator_actions.open.trigger()  # the coordinator's own window and its menu bar
        coordinator = coordinator_actions.coordinator
        assert coordinator is not None
        qtbot.addWidget(coordinator)
        found += menu_bar_clashes(coordinator.menuBar(), f"coordinator window ({lang})")
        coordinator.hide()
        assert found == [], "\n".join(found)
    finally:
        i18n.uninstall()
