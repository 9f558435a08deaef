"""The assessor's signing identity: see it, create it from the profile, import a .p12, export the
certificate, change the passphrase, draw the handwritten signature shown on signed sheets.

Key generation and unlocking take about half a second (scrypt, app/identity/keyfile.py), so they
run here on the GUI thread behind a wait cursor; nothing slow enough for the task runner happens in
this dialog.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import identity
from app.base.atomic import atomic_write
from app.identity import IdentityError, IdentityInfo, UnlockThrottle, WrongPassphrase
from app.sheets.export import signature_image_path
from app.sheets.scope import link_identity
from app.store import Store, settings
from app.ui.identity.passphrase_form import ERROR_STYLE
from app.ui.identity.signature_pad import SignaturePadDialog
from app.ui.widgets.pickers import PickOpen, PickSave, pick_open_dialog, pick_save_dialog

OK_STYLE = "color: #1e7b34;"


def passphrase_strength(text: str) -> int:
    """0 too short, 1 weak, 2 fair, 3 good, 4 strong (length and variety; a hint, not a guarantee)."""
    if len(text) < identity.MIN_PASSPHRASE_LENGTH:
        return 0
    kinds = sum(any(test(c) for c in text) for test in (str.islower, str.isupper, str.isdigit,
                                                       lambda c: not c.isalnum()))
    words = len(text.split())
    points = (len(text) >= 12) + (len(text) >= 16) + (kinds >= 3) + (words >= 3)
    if len(set(text)) <= 3:
        points = 0
    return max(1, min(4, 1 + points))


def _grouped(fingerprint: str) -> str:
    return " ".join(fingerprint[i:i + 4] for i in range(0, len(fingerprint), 4)).upper()


class IdentityDialog(QDialog):
    identity_changed = Signal(object)  # IdentityInfo

    def __init__(self, store: Store, parent: QWidget | None = None, *, throttle: UnlockThrottle | None = None,
                 pick_open: PickOpen = pick_open_dialog, pick_save: PickSave = pick_save_dialog,
                 purpose: str = "") -> None:
        """``purpose``: why an identity is asked for now (e.g. to sign a sheet); the dialog then opens
        on "Create new" and closes, accepted, as soon as an identity is created or imported."""
        super().__init__(parent)
        self.store, self.data_dir, self.throttle = store, Path(store.data_dir), throttle
        self.pick_open, self.pick_save = pick_open, pick_save
        self.purpose = purpose
        self._exists = False  # an identity is installed (as of the last refresh)
        self.setWindowTitle(self.tr("Assessor identity"))
        self.purpose_label = QLabel(purpose, self)
        self.purpose_label.setWordWrap(True)
        self.purpose_label.setTextFormat(Qt.TextFormat.PlainText)
        purpose_font = self.purpose_label.font()
        purpose_font.setBold(True)
        self.purpose_label.setFont(purpose_font)
        self.purpose_label.setVisible(bool(purpose))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._current_tab(), self.tr("&Identity"))
        self.tabs.addTab(self._create_tab(), self.tr("&Create new"))
        self.tabs.addTab(self._import_tab(), self.tr("I&mport .p12"))
        self.tabs.addTab(self._passphrase_tab(), self.tr("&Passphrase"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.purpose_label)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self.resize(600, 460)
        self.refresh()
        if purpose and not self._exists:
            self.tabs.setCurrentIndex(1)

    # -- building ------------------------------------------------------------------------------

    def _message_label(self, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def _password_field(self, parent: QWidget, name: str) -> QLineEdit:
        field = QLineEdit(parent)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def _current_tab(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setWordWrap(True)
        self.details = QFormLayout()
        self.detail_values: dict[str, QLabel] = {}
        for key, text in (("name", self.tr("Name:")), ("nip", self.tr("NIP:")),
                          ("organisation", self.tr("Organisation:")), ("certificate", self.tr("Certificate:")),
                          ("valid", self.tr("Valid:")), ("fingerprint", self.tr("Fingerprint (SHA-256):")),
                          ("signature", self.tr("Drawn signature:"))):
            value = QLabel(page)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.detail_values[key] = value
            self.details.addRow(text, value)
        self.detail_values["fingerprint"].setStyleSheet("font-family: monospace;")
        self.export_button = QPushButton(self.tr("&Export certificate…"), page)
        self.export_button.setToolTip(self.tr("Save the certificate (never the key) for coordinators to trust"))
        self.export_button.clicked.connect(self.export_certificate)
        self.signature_button = QPushButton(self.tr("&Draw signature…"), page)
        self.signature_button.setToolTip(self.tr("Draw your handwritten signature once; it appears on signed sheets"))
        self.signature_button.clicked.connect(self.draw_signature)
        self.current_message = self._message_label(page)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.signature_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addLayout(self.details)
        layout.addLayout(buttons)
        layout.addWidget(self.current_message)
        layout.addStretch(1)
        return page

    def _create_tab(self) -> QWidget:
        page = QWidget(self)
        profile = settings.profile(self.store)
        intro = QLabel(self.tr("A new key pair and a self-signed certificate, valid for five years. The private "
                               "key is stored encrypted with your passphrase and never leaves this computer."), page)
        intro.setWordWrap(True)
        self.name = QLineEdit(profile.name if profile else "", page)
        self.nip = QLineEdit(profile.nip if profile else "", page)
        self.organisation = QLineEdit(profile.organisation if profile else "", page)
        self.new_passphrase = self._password_field(page, self.tr("Passphrase"))
        self.new_again = self._password_field(page, self.tr("Passphrase again"))
        self.strength = QLabel(page)
        self.create_replace = QCheckBox(self.tr("Replace the current identity (sheets signed with it stay "
                                                "verifiable only with its old certificate)"), page)
        self.create_button = QPushButton(self.tr("C&reate identity"), page)
        self.create_button.clicked.connect(self.create_identity)
        self.create_message = self._message_label(page)
        for field in (self.name, self.new_passphrase, self.new_again):
            field.textChanged.connect(self._update_create)
        self.create_replace.toggled.connect(self._update_create)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("N&IP:"), self.nip)
        form.addRow(self.tr("&Organisation:"), self.organisation)
        form.addRow(self.tr("Pass&phrase:"), self.new_passphrase)
        form.addRow("", self.strength)
        form.addRow(self.tr("&Again:"), self.new_again)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.create_replace)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.create_message)
        layout.addStretch(1)
        return page

    def _import_tab(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(self.tr("Use a key and certificate issued by your organisation (a PKCS#12 file, .p12 or "
                               ".pfx). The key is stored encrypted with the file's passphrase, or with a new "
                               "one you choose; the file itself is not kept."), page)
        intro.setWordWrap(True)
        self.p12_path = QLineEdit(page)
        browse = QPushButton(self.tr("&Browse…"), page)
        browse.clicked.connect(self._browse_p12)
        row = QHBoxLayout()
        row.addWidget(self.p12_path, 1)
        row.addWidget(browse)
        self.p12_passphrase = self._password_field(page, self.tr("Passphrase of the file"))
        self.p12_use_new = QCheckBox(self.tr("Use a different passphrase on this computer"), page)
        self.p12_new = self._password_field(page, self.tr("New passphrase"))
        self.p12_new_again = self._password_field(page, self.tr("New passphrase again"))
        self.p12_replace = QCheckBox(self.tr("Replace the current identity"), page)
        self.import_button = QPushButton(self.tr("&Import"), page)
        self.import_button.clicked.connect(self.import_p12)
        self.import_message = self._message_label(page)
        for widget in (self.p12_path, self.p12_passphrase, self.p12_new, self.p12_new_again):
            widget.textChanged.connect(self._update_import)
        for box in (self.p12_use_new, self.p12_replace):
            box.toggled.connect(self._update_import)
        form = QFormLayout()
        file_label = QLabel(self.tr("&File:"), page)
        file_label.setBuddy(self.p12_path)
        form.addRow(file_label, row)
        form.addRow(self.tr("File &passphrase:"), self.p12_passphrase)
        form.addRow("", self.p12_use_new)
        form.addRow(self.tr("&New passphrase:"), self.p12_new)
        form.addRow(self.tr("A&gain:"), self.p12_new_again)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.p12_replace)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.import_message)
        layout.addStretch(1)
        return page

    def _passphrase_tab(self) -> QWidget:
        page = QWidget(self)
        self.old_passphrase = self._password_field(page, self.tr("Current passphrase"))
        self.changed_passphrase = self._password_field(page, self.tr("New passphrase"))
        self.changed_again = self._password_field(page, self.tr("New passphrase again"))
        self.changed_strength = QLabel(page)
        self.change_button = QPushButton(self.tr("C&hange passphrase"), page)
        self.change_button.clicked.connect(self.change_passphrase)
        self.change_message = self._message_label(page)
        for field in (self.old_passphrase, self.changed_passphrase, self.changed_again):
            field.textChanged.connect(self._update_change)
        form = QFormLayout()
        form.addRow(self.tr("&Current passphrase:"), self.old_passphrase)
        form.addRow(self.tr("&New passphrase:"), self.changed_passphrase)
        form.addRow("", self.changed_strength)
        form.addRow(self.tr("&Again:"), self.changed_again)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.change_message)
        layout.addStretch(1)
        return page

    # -- state -------------------------------------------------------------------------------------

    def current(self) -> IdentityInfo | None:
        with contextlib.suppress(IdentityError):
            return identity.load_identity(self.data_dir)
        return None

    def refresh(self) -> None:
        info = self.current()
        exists = self._exists = info is not None
        for value in self.detail_values.values():
            value.setVisible(exists)
            label = self.details.labelForField(value)
            if label is not None:
                label.setVisible(exists)
        if info is None:
            self.summary.setText(self.tr("No signing identity on this computer yet. Create one from your profile "
                                         "(tab “Create new”) or import a .p12 file from your organisation."))
        else:
            self.summary.setText(self.tr("Sheets you sign carry this identity. Give coordinators your "
                                         "certificate so they can trust your signature."))
            v = self.detail_values
            v["name"].setText(info.name)
            v["nip"].setText(info.nip or "–")
            v["organisation"].setText(info.organisation or "–")
            kind = self.tr("self-signed") if info.self_signed else self.tr("issued by %1").replace("%1", info.issuer)
            v["certificate"].setText(f"{kind} ({info.key_type})")
            valid = f"{info.not_before:%Y-%m-%d} – {info.not_after:%Y-%m-%d}"
            v["valid"].setText(valid + ("  " + self.tr("(expired)") if info.expired() else ""))
            v["fingerprint"].setText(_grouped(info.fingerprint))
            has_image = signature_image_path(self.data_dir).is_file()
            v["signature"].setText(self.tr("saved; shown on signed sheets") if has_image else self.tr("none"))
        self.export_button.setEnabled(exists)
        self.signature_button.setEnabled(exists)
        self.create_replace.setVisible(exists)
        self.p12_replace.setVisible(exists)
        self.tabs.setTabEnabled(3, exists)
        self._update_create()
        self._update_import()
        self._update_change()

    def _strength_text(self, text: str) -> tuple[str, str]:
        level = passphrase_strength(text)
        words = (self.tr("too short: at least %n characters", "", identity.MIN_PASSPHRASE_LENGTH),
                 self.tr("weak: make it longer, e.g. a few words"), self.tr("fair"), self.tr("good"),
                 self.tr("strong"))
        return (self.tr("Strength: %1").replace("%1", words[level]) if text else "",
                ERROR_STYLE if level <= 1 else OK_STYLE)

    def _update_create(self) -> None:
        text, style = self._strength_text(self.new_passphrase.text())
        self.strength.setText(text)
        self.strength.setStyleSheet(style)
        exists = self._exists
        self.create_button.setEnabled(
            bool(self.name.text().strip()) and passphrase_strength(self.new_passphrase.text()) > 0
            and self.new_passphrase.text() == self.new_again.text() and (not exists or self.create_replace.isChecked()))

    def _update_import(self) -> None:
        new_ok = not self.p12_use_new.isChecked() or (
            passphrase_strength(self.p12_new.text()) > 0 and self.p12_new.text() == self.p12_new_again.text())
        self.p12_new.setEnabled(self.p12_use_new.isChecked())
        self.p12_new_again.setEnabled(self.p12_use_new.isChecked())
        exists = self._exists
        self.import_button.setEnabled(bool(self.p12_path.text().strip()) and new_ok
                                      and (not exists or self.p12_replace.isChecked()))

    def _update_change(self) -> None:
        text, style = self._strength_text(self.changed_passphrase.text())
        self.changed_strength.setText(text)
        self.changed_strength.setStyleSheet(style)
        self.change_button.setEnabled(bool(self.old_passphrase.text())
                                      and passphrase_strength(self.changed_passphrase.text()) > 0
                                      and self.changed_passphrase.text() == self.changed_again.text())

    def _say(self, label: QLabel, text: str, ok: bool) -> None:
        label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        label.setText(text)
        label.show()

    # -- actions ---------------------------------------------------------------------------------

    def _installed(self, info: IdentityInfo, kept_signature: bytes | None) -> None:
        if kept_signature is not None:  # a new identity folder: carry the drawn signature over
            with contextlib.suppress(OSError):
                atomic_write(signature_image_path(self.data_dir), kept_signature)
        link_identity(self.store, info)
        self.refresh()
        self.identity_changed.emit(info)
        if self.purpose:  # asked for on the way to signing: go on with it
            self.accept()

    def _replacing(self, box: QCheckBox) -> bool:
        # An identity folder without an identity (e.g. only a drawn signature, which is carried
        # over) is no identity to protect.
        return box.isChecked() or not identity.has_identity(self.data_dir)

    def _kept_signature(self) -> bytes | None:
        path = signature_image_path(self.data_dir)
        try:
            return path.read_bytes() if path.is_file() else None
        except OSError:
            return None

    def create_identity(self) -> None:
        if not self.create_button.isEnabled():
            return
        kept = self._kept_signature()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            info = identity.create_identity(self.data_dir, self.name.text(), self.nip.text(),
                                            self.organisation.text(), self.new_passphrase.text(),
                                            replace=self._replacing(self.create_replace))
        except IdentityError as exc:
            self._say(self.create_message, str(exc), ok=False)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        for field in (self.new_passphrase, self.new_again):
            field.clear()
        self.create_replace.setChecked(False)
        self._installed(info, kept)
        self._say(self.create_message, self.tr("Identity created."), ok=True)
        self._say(self.current_message, self.tr("Identity created. Export your certificate and give it to the "
                                                "coordinator."), ok=True)
        self.tabs.setCurrentIndex(0)

    def _browse_p12(self) -> None:
        path = self.pick_open(self, self.tr("Choose a PKCS#12 file"),
                              self.tr("PKCS#12 files (*.p12 *.pfx);;All files (*)"))
        if path:
            self.p12_path.setText(path)

    def import_p12(self) -> None:
        if not self.import_button.isEnabled():
            return
        try:
            data = Path(self.p12_path.text().strip()).read_bytes()
        except OSError as exc:
            self._say(self.import_message, self.tr("The file cannot be read: %1").replace("%1", exc.strerror or str(exc)),
                      ok=False)
            return
        kept = self._kept_signature()
        new = self.p12_new.text() if self.p12_use_new.isChecked() else None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            info = identity.import_pkcs12(self.data_dir, data, self.p12_passphrase.text(), new,
                                          replace=self._replacing(self.p12_replace))
        except WrongPassphrase:
            self._say(self.import_message, self.tr("The passphrase of this file is not correct. Nothing was "
                                                   "imported."), ok=False)
            self.p12_passphrase.clear()
            return
        except IdentityError as exc:
            self._say(self.import_message, str(exc), ok=False)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        for field in (self.p12_passphrase, self.p12_new, self.p12_new_again):
            field.clear()
        self.p12_replace.setChecked(False)
        self._installed(info, kept)
        self._say(self.import_message, self.tr("Identity imported."), ok=True)
        self.tabs.setCurrentIndex(0)

    def export_certificate(self) -> None:
        info = self.current()
        if info is None:
            return
        suggested = str(Path.home() / f"{info.name.replace(' ', '-').lower()}-{info.fingerprint[:8]}.pem")
        path = self.pick_save(self, self.tr("Export certificate"), suggested,
                              self.tr("Certificates (*.pem *.cer *.der)"))
        if not path:
            return
        try:
            written = identity.export_certificate(self.data_dir, path)
        except (IdentityError, OSError) as exc:
            self._say(self.current_message, str(exc), ok=False)
            return
        self._say(self.current_message, self.tr("Certificate saved to %1. Fingerprint: %2").replace(
            "%1", str(written)).replace("%2", _grouped(info.fingerprint)), ok=True)

    def change_passphrase(self) -> None:
        if not self.change_button.isEnabled():
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            identity.change_passphrase(self.data_dir, self.old_passphrase.text(), self.changed_passphrase.text(),
                                       throttle=self.throttle)
        except WrongPassphrase:
            self._say(self.change_message, self.tr("The current passphrase is not correct. Nothing was changed."),
                      ok=False)
            self.old_passphrase.clear()
            return
        except IdentityError as exc:
            self._say(self.change_message, str(exc), ok=False)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        for field in (self.old_passphrase, self.changed_passphrase, self.changed_again):
            field.clear()
        self._say(self.change_message, self.tr("Passphrase changed."), ok=True)

    def draw_signature(self) -> None:
        dialog = SignaturePadDialog(self.data_dir, self)
        dialog.exec()
        dialog.deleteLater()
        self.refresh()
