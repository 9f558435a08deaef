"""The first-run welcome, after the profile: the signing key, then what to start with.

1. The signing key: create it now (the identity dialog) or later from Sheets → Assessor identity.
2. The round: load the demo round (on the task runner, with a busy bar), import the round package
   from the coordinator, prepare a new round as its coordinator (``prepare_round``: the main window
   then opens round setup), or start empty. The dialog closes by itself once the round is in;
   ``outcome`` then says what happened, for the status bar of the main window.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import identity
from app.bundles.round_package import PackageImport
from app.identity import IdentityError
from app.models.domain import AssessorInfo
from app.rounds.demo import DemoResult, build_demo
from app.store import Store, StoreError, settings
from app.ui.identity.identity_dialog import IdentityDialog
from app.ui.identity.passphrase_form import ERROR_STYLE
from app.ui.schedule.round_import import (
    PickRoundPackage,
    import_summary,
    pick_round_package_dialog,
    run_import,
)
from app.ui.tasks import TaskRunner

OK_STYLE = "color: #1e7b34;"


def load_demo(store: Store, profile_id: str) -> DemoResult:
    """The demo round, with this laptop's own profile kept (the demo would seat one of its assessors)."""
    result = build_demo(store)
    settings.write(store, settings.PROFILE, profile_id)
    return result


def _grouped(fingerprint: str) -> str:
    return " ".join(fingerprint[i:i + 4] for i in range(0, 16, 4)).upper()


class WelcomeDialog(QDialog):
    def __init__(self, store: Store, runner: TaskRunner, profile: AssessorInfo, parent: QWidget | None = None, *,
                 pick_round_package: PickRoundPackage = pick_round_package_dialog,
                 open_identity=None) -> None:
        super().__init__(parent)
        self.store, self.runner, self.profile = store, runner, profile
        self.pick_round_package = pick_round_package
        self.open_identity = open_identity or self._identity_dialog
        self.outcome = ""
        self.prepare_round = False
        self._running = False
        self.setWindowTitle(self.tr("Welcome to Nilai"))
        heading = QLabel(self.tr("Welcome, %1").replace("%1", profile.name), self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        intro = QLabel(self.tr("Two things before the first interview. Both can wait: the menus offer them "
                               "any time."), self)
        intro.setWordWrap(True)

        key_box = QGroupBox(self.tr("1. Your signing key"), self)
        self.key_text = QLabel(key_box)
        self.key_text.setWordWrap(True)
        self.key_button = QPushButton(key_box)
        self.key_button.clicked.connect(self.create_key)
        key_row = QHBoxLayout(key_box)
        key_row.addWidget(self.key_text, 1)
        key_row.addWidget(self.key_button, 0, Qt.AlignmentFlag.AlignTop)

        round_box = QGroupBox(self.tr("2. Your round"), self)
        self.demo_button = QCommandLinkButton(self.tr("Load the demo round"), self.tr(
            "The 2018 second stage: 116 regencies and cities, three panels, six simulated assessors. Try "
            "everything without real data."), round_box)
        self.import_button = QCommandLinkButton(self.tr("Import a round file from my coordinator…"), self.tr(
            "The round package your coordinator sent (.nilairound): the instrument and your interview schedule."),
            round_box)
        self.prepare_button = QCommandLinkButton(self.tr("Prepare a new round (coordinator)"), self.tr(
            "Choose the instrument, the candidates and the assessors, generate the interview schedule and hand "
            "out the round package."), round_box)
        self.later_button = QCommandLinkButton(self.tr("Later"), self.tr(
            "Start with an empty schedule. File → Open round package… takes the round in any time."), round_box)
        self.demo_button.clicked.connect(self.load_demo)
        self.import_button.clicked.connect(self.import_round)
        self.later_button.clicked.connect(self.accept)
        self.prepare_button.clicked.connect(self.choose_prepare)
        choices = QVBoxLayout(round_box)
        for button in (self.demo_button, self.import_button, self.prepare_button, self.later_button):
            choices.addWidget(button)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(key_box)
        layout.addWidget(round_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.refresh_key()
        self.resize(600, self.sizeHint().height())
        self.demo_button.setFocus()

    def choose_prepare(self) -> None:
        self.prepare_round = True
        self.outcome = self.tr("Round setup is open: name the round and choose its instrument.")
        self.accept()

    # -- the signing key ---------------------------------------------------------------------------

    def refresh_key(self) -> None:
        info = None
        with contextlib.suppress(IdentityError):
            info = identity.load_identity(self.store.data_dir)
        if info is None:
            self.key_text.setText(self.tr("You sign evaluation sheets and result bundles with a key of your own. "
                                          "It is made on this computer and protected by a passphrase you choose. "
                                          "This can also wait: Sheets → Assessor identity."))
            self.key_button.setText(self.tr("&Create signing key…"))
        else:
            self.key_text.setText(self.tr("Your signing key is ready (certificate %1…).").replace(
                "%1", _grouped(info.fingerprint)))
            self.key_button.setText(self.tr("&Show signing key…"))

    def _identity_dialog(self) -> None:
        dialog = IdentityDialog(self.store, self)
        if not identity.has_identity(self.store.data_dir):
            dialog.tabs.setCurrentIndex(1)  # "Create new", filled in from the profile
        dialog.exec()
        dialog.deleteLater()

    def create_key(self) -> None:
        self.open_identity()
        self.refresh_key()

    # -- the round ----------------------------------------------------------------------------------

    def _busy(self, on: bool, text: str = "") -> None:
        self._running = on
        self.progress.setVisible(on)
        for button in (self.demo_button, self.import_button, self.later_button, self.key_button):
            button.setEnabled(not on)
        if text:
            self._say(text, ok=True)

    def _say(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)
        self.message.show()

    def load_demo(self) -> None:
        if self._running:
            return
        self._busy(True, self.tr("Building the demo round…"))
        self.runner.run(load_demo, self.store, self.profile.id, label=self.tr("Building the demo round"),
                        on_done=self._demo_loaded, on_error=self._demo_failed)

    def _demo_loaded(self, result: DemoResult) -> None:
        self._busy(False)
        self.outcome = self.tr("Demo round loaded: %1 regions, %2 interview slots, %3 assessments of the "
                               "simulated assessors.").replace("%1", str(result.regions)).replace(
            "%2", str(result.slots)).replace("%3", str(result.assessments))
        self.accept()

    def _demo_failed(self, error: BaseException) -> None:
        self._busy(False)
        if not isinstance(error, StoreError | OSError):
            raise error
        self._say(self.tr("The demo round could not be built: %1").replace("%1", str(error)), ok=False)

    def import_round(self) -> None:
        if self._running:
            return
        path = self.pick_round_package(self)
        if path is None:
            return
        self._busy(True, self.tr("Taking in %1…").replace("%1", Path(path).name))
        run_import(self.store, self.runner, Path(path), self._imported, self._refused)

    def _imported(self, result: PackageImport) -> None:
        self._busy(False)
        heading, details = import_summary(result)
        self.outcome = f"{heading} {details.splitlines()[0]}"
        self.accept()

    def _refused(self, text: str) -> None:
        self._busy(False)
        self._say(self.tr("The round package was not taken in.") + " " + text, ok=False)

    def reject(self) -> None:
        if not self._running:  # Esc or the window's close button: the same as "Later"
            super().reject()
