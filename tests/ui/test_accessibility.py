"""What a screen reader and a keyboard meet: every window and dialog walked through Qt's accessibility
interface (QAccessible), as AT-SPI shows it, in both languages.

It fails on an interactive control without a name, a rubric level that is not a checkable radio
button, and a Tab trap (an item view where Tab moves cell by cell instead of leaving it)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from app.assessments.scoring import Mark
from app.ui.interview.rubric_levels import LevelCard

INTERACTIVE = (QAbstractButton, QAbstractItemView, QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit,
               QPlainTextEdit, QAbstractSlider)


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName() or ''}".strip() + (
        f" (tooltip {widget.toolTip()!r})" if widget.toolTip() else "")


def part_of_another(widget: QWidget) -> bool:
    """A field inside a combo box or spin box, a tab bar's scroll arrows: spoken as part of their owner."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QTabBar):
            return True
        parent = parent.parentWidget()
    return False


def problems(top: QWidget, where: str) -> list[str]:
    """What a screen-reader or keyboard user would stumble on in the shown part of ``top``."""
    found: list[str] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if widget is not top and not widget.isVisible():
            continue  # a hidden page is walked when it is shown
        if isinstance(widget, QAbstractItemView) and widget.tabKeyNavigation():
            found.append(f"{where}: {describe(widget)} traps Tab (setTabKeyNavigation(False))")
        iface = QAccessible.queryAccessibleInterface(widget)
        if isinstance(widget, LevelCard):
            if iface is None or iface.role() != QAccessible.Role.RadioButton or not iface.state().checkable:
                found.append(f"{where}: level card {widget.accessibleName()!r} is not a checkable radio button")
            elif iface.state().checked != widget.chosen or widget.isEnabled() and QAccessibleActionInterface \
                    .toggleAction() not in (iface.actionInterface().actionNames() if iface.actionInterface() else []):
                found.append(f"{where}: level card {widget.accessibleName()!r} hides its state or its action")
        if not isinstance(widget, INTERACTIVE) or part_of_another(widget):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue  # not reached by the keyboard (scroll bars, a header)
        name = iface.text(QAccessible.Text.Name).strip() if iface is not None else ""
        if not name:
            found.append(f"{where}: {describe(widget)} has no accessible name")
    return found


def tab_traps(top: QWidget, where: str) -> list[str]:
    """Tab pressed on every control Tab reaches in the shown part of ``top``: each must give the focus up
    (a text field that takes Tab as a character, or a table walking its cells, keeps it)."""
    from PySide6.QtTest import QTest

    found: list[str] = []
    chain = [w for w in top.findChildren(QWidget) if w.isVisibleTo(top) and w.isEnabled()
             and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None and not part_of_another(w)]
    window, reached = top.window(), []
    for widget in chain:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        if window.focusWidget() is widget:  # else it did not take the focus (behind another page, say)
            reached.append(widget)
    if len(reached) < 2:
        return found  # one control alone keeps the focus: nowhere else to go
    for widget in reached:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        for _press in range(40):  # a text browser first walks its links, then lets go
            QTest.keyClick(widget, Qt.Key.Key_Tab)
            if window.focusWidget() is not widget:
                break
        else:
            found.append(f"{where}: {describe(widget)} keeps the focus on Tab (a Tab trap)")
    return found


def walk_dialog(qtbot, open_it: Callable[[], object], where: str) -> list[str]:
    """Open a dialog, walk it while it is up, close it; what it got wrong (or that none came up)."""
    found: list[str] = []
    seen: list[QWidget] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget() or next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        seen.append(dialog)
        if not isinstance(dialog, QFileDialog | QMessageBox):  # Qt's own, named by Qt
            found.extend(problems(dialog, f"{where} ({dialog.windowTitle()})"))
            found.extend(tab_traps(dialog, f"{where} ({dialog.windowTitle()})"))
            for tabs in [t for t in dialog.findChildren(QTabWidget) if t.isVisibleTo(dialog)]:
                for index in range(1, tabs.count()):  # the first page was walked above
                    tabs.setCurrentIndex(index)
                    page = f"{where} ({dialog.windowTitle()} › {tabs.tabText(index)})"
                    found.extend(problems(tabs.widget(index), page) + tab_traps(tabs.widget(index), page))
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    QTimer.singleShot(20, look)
    open_it()
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    return found


@pytest.fixture
def window_in(qtbot, language, store, runner, ui_state, scoring_round):
    """The main window built in ``language``, shown and started."""
    from app.ui.mainwindow.window import MainWindow

    _round_id, assessor = scoring_round
    window = MainWindow(store, runner, assessor, language, ui_state, pick_files=lambda _parent: [])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.start()
    return window


def test_a_level_card_is_a_radio_button_with_its_state_and_action(qtbot, interview) -> None:
    view = interview.interview
    view.go_to("A-2")
    card = view.panel.levels._cards[4]
    qtbot.waitUntil(card.isVisible)  # a card added to a shown layout is shown from the event loop
    iface = QAccessible.queryAccessibleInterface(card)
    assert iface.role() == QAccessible.Role.RadioButton and iface.state().checkable and not iface.state().checked
    assert QAccessibleActionInterface.toggleAction() in iface.actionInterface().actionNames()
    iface.actionInterface().doAction(QAccessibleActionInterface.toggleAction())  # a screen reader's "activate"
    assert view.panel.levels.chosen() == Mark(4)
    assert QAccessible.queryAccessibleInterface(card).state().checked
    # the arrow keys move through the group and choose the level they reach
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Down)
    assert view.panel.levels.chosen() == Mark(5) and view.panel.levels._cards[5].hasFocus()
    assert not QAccessible.queryAccessibleInterface(card).state().checked
    # the group is one Tab stop (the chosen level): Tab from the outline reaches it, the next Tab the note
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.panel.levels._cards[5]
    qtbot.keyClick(view.panel.levels._cards[5], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.panel.note
    qtbot.keyClick(view.panel.levels._cards[5], Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert interview.pages.currentWidget() is interview.schedule  # Alt+Left is still "back to schedule"


def test_the_note_and_evidence_are_named_by_their_labels(qtbot, interview) -> None:
    panel = interview.interview.panel
    assert panel.note_title.buddy() is panel.note and panel.evidence_title.buddy() is panel.evidence.list
    assert QAccessible.queryAccessibleInterface(panel.note).text(QAccessible.Text.Name) == "Note"
    assert not panel.scroll_area.focusPolicy() & Qt.FocusPolicy.TabFocus  # no silent Tab stop


def test_tab_leaves_a_table_instead_of_walking_its_cells(qtbot) -> None:
    from app.ui.help.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    table = next(w for w in dialog.findChildren(QAbstractItemView))
    assert not table.tabKeyNavigation()
    assert problems(dialog, "shortcuts") == []
    table.setTabKeyNavigation(True)
    assert problems(dialog, "shortcuts") == [f"shortcuts: {describe(table)} traps Tab (setTabKeyNavigation(False))"]


def test_a_text_field_that_takes_tab_as_a_character_is_a_trap(qtbot) -> None:
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    field, button = QPlainTextEdit(dialog), QPushButton("&Check", dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    layout.addWidget(button)
    dialog.show()
    assert tab_traps(dialog, "d") == [f"d: {describe(field)} keeps the focus on Tab (a Tab trap)"]
    assert field.toPlainText() == "\t" * 40  # what a keyboard user got instead of the next control
    field.setTabChangesFocus(True)
    assert tab_traps(dialog, "d") == []


def test_the_assessor_windows_and_dialogs_speak(qtbot, window_in, language) -> None:
    window = window_in
    found = problems(window, f"schedule ({language})") + tab_traps(window, f"schedule ({language})")
    schedule = window.schedule
    entry = next(e for e in schedule.model.entries() if e.region.code == "3325")
    schedule.select_slot(entry.slot_id)
    schedule.open_current()
    assert window.pages.currentWidget() is window.interview
    view = window.interview
    view.go_to("A-2")
    window.interview_actions.levels[4].trigger()
    qtbot.waitUntil(lambda: view.panel.levels._cards[5].isVisible())
    found += problems(window, f"interview ({language})") + tab_traps(window, f"interview ({language})")
    actions = window.interview_actions
    for name, action in (("find indicator", actions.find), ("delegation", actions.delegation),
                         ("finalize", actions.finalize), ("shortcuts", window.menus.keys),
                         ("signing identity", window.menus.sheet_actions.identity),
                         ("result bundle export", window.menus.export_bundle),
                         ("restore", window.menus.restore), ("about", window.menus.help_actions.about),
                         ("signed sheet export", window.menus.sheet_actions.export),
                         ("sheet verification", window.menus.sheet_actions.verify)):
        found += walk_dialog(qtbot, action.trigger, f"{name} ({language})")
    assert found == [], "\n".join(found)


def test_the_coordinator_window_speaks_on_every_tab(qtbot, window_in, language) -> None:
    actions = window_in.menus.coordinator_actions
    actions.open.trigger()
    coordinator = actions.coordinator
    assert coordinator is not None
    qtbot.addWidget(coordinator)
    tabs = coordinator.view.tabs
    found: list[str] = []
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.wait(10)
        found += problems(coordinator, f"coordinator › {tabs.tabText(index)} ({language})")
        found += tab_traps(coordinator, f"coordinator › {tabs.tabText(index)} ({language})")
    setup = coordinator.view.setup_tab
    tabs.setCurrentWidget(setup)
    for step in range(setup.steps.count()):
        if setup.steps.item(step).flags() & Qt.ItemFlag.ItemIsEnabled:
            setup.show_step(step)
            qtbot.wait(10)
            found += problems(coordinator, f"round setup › {setup.steps.item(step).text()} ({language})")
            found += tab_traps(coordinator, f"round setup › {setup.steps.item(step).text()} ({language})")
    preview = actions.show_instrument_preview()  # the interview as assessors will see it, and its sheet
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    qtbot.wait(20)
    found += problems(preview, f"instrument preview ({language})") + tab_traps(preview, f"instrument preview ({language})")
    preview.close()
    coordinator.hide()
    assert found == [], "\n".join(found)
