"""Offer the identity dialog where a signing identity is needed and missing (finalize, signing).

Signing needs an identity; rather than refusing with a pointer to another menu, the place that
needs one opens the identity dialog on "Create new" (import is one tab further), saying why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from app import identity
from app.identity import UnlockThrottle
from app.store import Store
from app.ui.identity.identity_dialog import IdentityDialog
from app.ui.widgets.pickers import PickOpen, PickSave, pick_open_dialog, pick_save_dialog

RunDialog = Callable[[QDialog], int]


def exec_dialog(dialog: QDialog) -> int:
    return dialog.exec()


def offer_identity(parent: QWidget | None, store: Store, purpose: str, *, throttle: UnlockThrottle | None = None,
                   pick_open: PickOpen = pick_open_dialog, pick_save: PickSave = pick_save_dialog,
                   run_dialog: RunDialog = exec_dialog) -> bool:
    """True when this computer has a signing identity: already, or created or imported now."""
    if identity.has_identity(store.data_dir):
        return True
    dialog = IdentityDialog(store, parent, throttle=throttle, pick_open=pick_open, pick_save=pick_save,
                            purpose=purpose)
    try:
        run_dialog(dialog)
    finally:
        dialog.deleteLater()
    return identity.has_identity(store.data_dir)
