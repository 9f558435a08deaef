"""Dialogs keep every line of their text in sight when they grow a message (no squeezed headings)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app import identity
from app.identity import UnlockThrottle
from app.store import settings
from app.ui import i18n

PASS = "kata sandi penilai"


def squeezed(widget: QWidget) -> list[str]:
    """Visible word-wrapped labels shorter than their text needs at their width."""
    return [label.text() for label in widget.findChildren(QLabel)
            if label.isVisible() and label.wordWrap() and label.text()
            and label.height() < label.heightForWidth(label.width())]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_wrong_passphrase_leaves_the_purpose_readable(qtbot, store, lang) -> None:
    from app.ui.identity.passphrase_dialog import PassphraseDialog

    profile = settings.profile(store) or settings.save_profile(store, "Ni Made Ayu", "198502022010012002", "Kominfo")
    identity.create_identity(store.data_dir, profile.name, profile.nip, profile.organisation, PASS)
    i18n.install(lang)
    try:
        dialog = PassphraseDialog(store.data_dir, purpose="Sign 27 sheets.", throttle=UnlockThrottle())
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert squeezed(dialog) == []
        for _ in range(2):
            qtbot.keyClicks(dialog.field, "salah sekali")
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
            qtbot.wait(50)
        assert dialog.message.isVisible()
        assert squeezed(dialog) == []
        assert dialog.heading.height() >= dialog.heading.heightForWidth(dialog.heading.width())
    finally:
        i18n.uninstall()
