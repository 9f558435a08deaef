"""Help: the About dialog, keyboard shortcuts and the Help menu's actions."""
