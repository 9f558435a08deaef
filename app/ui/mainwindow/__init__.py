"""The assessor's main window, its menus, first-run and welcome dialogs, and data care (backups, checks)."""
