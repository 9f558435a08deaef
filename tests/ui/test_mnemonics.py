"""Alt+letter reaches one thing: mnemonics are unique within every menu bar and every menu, and within what
a window shows at once (its menu bar, its always-shown controls and one tab page), in both languages."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

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


def own_texts(widget: QWidget) -> list[str]:
    """The texts of ``widget`` that carry an Alt+letter: a button, a label with a buddy, a group box title."""
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QLabel) and widget.buddy() is not None:
        return [widget.text()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    return []


def scopes(widget: QWidget, name: str) -> list[tuple[str, list[str]]]:
    """What one Alt+letter can reach at once under ``widget``: the controls always shown, plus those of one
    page of each tab or stacked widget (the pages take turns); the tab titles belong to the outer scope.
    Widgets hidden for the moment count: they come and go with the state (a certificate to trust), and
    Alt+letter should not change meaning when they do."""
    shared: list[str] = own_texts(widget)
    alternatives: list[tuple[str, list[str]]] = []
    children = [c for c in widget.children() if isinstance(c, QWidget) and not c.isWindow()]
    for child in children:
        if isinstance(child, QTabWidget | QStackedWidget):
            titles = [child.tabText(i) for i in range(child.count())] if isinstance(child, QTabWidget) else []
            shared += titles
            for i in range(child.count()):
                page = child.widget(i)
                label = titles[i] if titles else f"page {i}"
                alternatives += scopes(page, f"{name} › {label}")
        elif isinstance(child, QMenuBar | QMenu):
            continue  # menus are checked on their own (above); the menu bar's titles are added by the caller
        else:
            for sub_name, texts in scopes(child, name):
                if sub_name == name:
                    shared += texts
                else:
                    alternatives.append((sub_name, texts))
    if not alternatives:
        return [(name, shared)]
    return [(sub_name, shared + texts) for sub_name, texts in alternatives]


def window_clashes(window: QWidget, name: str) -> list[str]:
    """"name › page: "&Putaran:" and "&Pilih paket…" share Alt+P" for each clash within one visible scope."""
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()] if isinstance(window, QMainWindow) else []
    found: list[str] = []
    for scope, texts in scopes(window, name):
        by_key: dict[str, list[str]] = defaultdict(list)
        for text in titles + texts:
            if key := mnemonic(text):
                by_key[key].append(text)
        found += [f"{scope}: {' and '.join(repr(t) for t in dict.fromkeys(texts))} share Alt+{key.upper()}"
                  for key, texts in by_key.items() if len(texts) > 1]
    return sorted(set(found))


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


def test_clashes_are_found_within_one_tab_page_not_across_pages(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("&Round")
    tabs = QTabWidget()
    first, second = QWidget(), QWidget()
    QVBoxLayout(first).addWidget(QPushButton("&Choose"))
    first.layout().addWidget(QPushButton("&Trust"))
    QVBoxLayout(second).addWidget(QPushButton("&Trim"))  # Alt+T on another page: no clash
    label = QLabel("&Reason:")
    label.setBuddy(second.layout().itemAt(0).widget())
    second.layout().addWidget(label)
    tabs.addTab(first, "&Import")
    tabs.addTab(second, "&Charts")  # Alt+C: the tab title is seen with every page
    window.setCentralWidget(tabs)
    assert window_clashes(window, "w") == [
        "w › &Charts: '&Round' and '&Reason:' share Alt+R",
        "w › &Import: '&Charts' and '&Choose' share Alt+C"]


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
        found += window_clashes(window, f"main window ({lang})")
        found += window_clashes(coordinator, f"coordinator window ({lang})")
        coordinator.hide()
        assert found == [], "\n".join(found)
    finally:
        i18n.uninstall()


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_interview_has_unique_mnemonics(qtbot, store, runner, ui_state, scoring_round, lang) -> None:
    """The assessor's day: the schedule, then an interview opened from it, each with the menu bar."""
    from app.ui.mainwindow.window import MainWindow

    i18n.install(lang)
    try:
        _round_id, assessor = scoring_round
        window = MainWindow(store, runner, assessor, lang, ui_state)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.start()
        found = window_clashes(window, f"schedule ({lang})")
        view = window.schedule
        entry = next(e for e in view.model.entries() if e.region.code == "3325")
        assert view.select_slot(entry.slot_id)
        view.tree.setFocus()
        qtbot.keyClick(view.tree, "\r")
        assert window.pages.currentWidget() is window.interview
        scoped = window_clashes(window, f"interview ({lang})")
        assert found + scoped == [], "\n".join(found + scoped)
    finally:
        i18n.uninstall()


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_coordinator_tab_and_setup_step_has_its_own_alt_letter(qtbot, store, runner, ui_state, scoring_round,
                                                                    lang) -> None:
    """Each tab title carries a letter no page of the window uses (the tabs are seen with every page), and the
    round-setup steps' letters (list items, named in their tooltips) clash with nothing on the setup tab."""
    from app.ui.mainwindow.window import MainWindow

    i18n.install(lang)
    try:
        _round_id, assessor = scoring_round
        window = MainWindow(store, runner, assessor, lang, ui_state)
        qtbot.addWidget(window)
        actions = window.menus.coordinator_actions
        actions.open.trigger()
        coordinator = actions.coordinator
        assert coordinator is not None
        qtbot.addWidget(coordinator)
        tabs = coordinator.view.tabs
        titles = [tabs.tabText(i) for i in range(tabs.count())]
        assert [t for t in titles if mnemonic(t) is None] == []  # "Keketatan penilai" had none (Ctrl+7 only)
        setup = coordinator.view.setup_tab
        steps = [f"&{letter}" for letter in setup.letters]
        setup_scopes = [texts for name, texts in scopes(coordinator, "c") if name.startswith(
            f"c › {tabs.tabText(tabs.indexOf(setup))}")]
        assert setup_scopes
        found = []
        for texts in setup_scopes:
            keys = [mnemonic(t) for t in texts + steps if mnemonic(t)]
            found += sorted({k for k in keys if keys.count(k) > 1})
        coordinator.hide()
        assert found == [], f"setup step letters {setup.letters} clash on: {found}"
    finally:
        i18n.uninstall()
