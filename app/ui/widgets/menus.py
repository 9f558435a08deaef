"""Where a feature's menu entries go: a menu of their own on the menu bar, or the end of a given menu."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QMenuBar


def menu_in(menu_bar_or_menu: QMenuBar | QMenu, title: str) -> QMenu:
    """A new menu ``title`` on a menu bar; or the given menu, after a separator when it has entries."""
    if isinstance(menu_bar_or_menu, QMenuBar):
        return menu_bar_or_menu.addMenu(title)
    if not menu_bar_or_menu.isEmpty():
        menu_bar_or_menu.addSeparator()
    return menu_bar_or_menu
