"""Help → About: the version, where the data and the log are, and the licences of what Nilai ships."""

from __future__ import annotations

import html
import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP as _mark_for_translation
from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.base.paths import resources_dir

OpenUrl = Callable[[QUrl], bool]
# Marks a text for lupdate and returns it unchanged; PySide6's stubs say it returns object.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], _mark_for_translation)


@dataclass(frozen=True)
class Credit:
    name: str
    distribution: str | None  # for the version (importlib.metadata); None for data
    licence: str
    used_for: str


# Data shipped in resources/, with where it comes from. The "used for" texts are translated when shown.
DATA_CREDITS = (
    Credit("Region catalogue (BPS codes and names, 2018)", None,
           "MIT — © 2014–2015 Edward Samuel Pasaribu, edwardsamuel/Wilayah-Administratif-Indonesia; "
           "data: Badan Pusat Statistik", QT_TRANSLATE_NOOP("AboutDialog", "regencies, cities and provinces")),
    Credit("DejaVu fonts", None, "Bitstream Vera and Arev font licences; DejaVu changes in the public domain "
           "(resources/fonts/LICENSE-DejaVu.txt)", QT_TRANSLATE_NOOP("AboutDialog", "evaluation sheets and signature appearances")),
)

# Libraries in the program, with the licence their authors publish (checked against the installed
# metadata by tests/ui/test_about.py). installer/nilai.spec ships their metadata for the versions.
LIBRARY_CREDITS = (
    Credit("Python", "Python", "PSF License", QT_TRANSLATE_NOOP("AboutDialog", "the language")),
    Credit("Qt 6 and Qt for Python (PySide6)", "PySide6-Essentials", "LGPL-3.0-only",
           QT_TRANSLATE_NOOP("AboutDialog", "the desktop window; Qt's libraries are separate files in the program folder and may be replaced")),
    Credit("ReportLab", "reportlab", "BSD", QT_TRANSLATE_NOOP("AboutDialog", "evaluation sheet PDFs")),
    Credit("pyHanko", "pyHanko", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "PDF signatures (PAdES)")),
    Credit("pyhanko-certvalidator", "pyhanko-certvalidator", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "certificate checks")),
    Credit("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause", QT_TRANSLATE_NOOP("AboutDialog", "keys, certificates, bundle encryption")),
    Credit("asn1crypto", "asn1crypto", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "certificate structures")),
    Credit("SQLAlchemy", "SQLAlchemy", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "the database")),
    Credit("SQLModel", "sqlmodel", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "database tables")),
    Credit("pydantic", "pydantic", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "data validation")),
    Credit("Alembic", "alembic", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "database schema updates")),
    Credit("platformdirs", "platformdirs", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "where data is kept")),
    Credit("PyYAML", "PyYAML", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "instrument files")),
    Credit("jsonschema", "jsonschema", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "instrument and bundle validation")),
    Credit("fastjsonschema", "fastjsonschema", "BSD-3-Clause", QT_TRANSLATE_NOOP("AboutDialog", "quick checks of instrument files")),
    Credit("msgspec", "msgspec", "BSD-3-Clause", QT_TRANSLATE_NOOP("AboutDialog", "quick checks of imported records")),
    Credit("qrcode", "qrcode", "BSD", QT_TRANSLATE_NOOP("AboutDialog", "QR codes on sheets")),
    Credit("Pillow", "pillow", "MIT-CMU", QT_TRANSLATE_NOOP("AboutDialog", "images")),
    Credit("fontTools", "fonttools", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "embedded fonts")),
    Credit("uharfbuzz", "uharfbuzz", "Apache-2.0", QT_TRANSLATE_NOOP("AboutDialog", "text shaping in signatures")),
    Credit("lxml", "lxml", "BSD-3-Clause", QT_TRANSLATE_NOOP("AboutDialog", "PDF metadata")),
    Credit("NumPy", "numpy", "BSD-3-Clause", QT_TRANSLATE_NOOP("AboutDialog", "consolidation statistics")),
    Credit("krippendorff", "krippendorff", "GPL-3.0-or-later", QT_TRANSLATE_NOOP("AboutDialog", "agreement between assessors (Krippendorff's alpha)")),
    Credit("openpyxl", "openpyxl", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "Excel exports")),
    Credit("aiohttp", "aiohttp", "Apache-2.0 AND MIT", QT_TRANSLATE_NOOP("AboutDialog", "required by pyHanko (Nilai never goes online)")),
)


def version_of(distribution: str | None) -> str:
    if distribution is None:
        return ""
    if distribution == "Python":
        return platform.python_version()
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def build_description() -> str:
    kind = "frozen" if getattr(sys, "frozen", False) else "source"
    return f"Nilai {__version__} ({kind}) · Python {platform.python_version()} · Qt {qVersion()}"


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, log_file: Path, open_url: OpenUrl = QDesktopServices.openUrl,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir, self.log_file, self.open_url = data_dir, log_file, open_url
        self.setWindowTitle(self.tr("About Nilai"))
        self.setMinimumSize(QSize(640, 520))

        icon = QLabel(self)
        icon.setPixmap(QIcon(str(resources_dir() / "icons" / "nilai.svg")).pixmap(QSize(64, 64)))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(f"<h2 style='margin:0'>Nilai {html.escape(__version__)}</h2>", self)
        tagline = QLabel(self.tr("Scoring of regional readiness interviews, offline: every change is saved as "
                                 "you make it, evaluation sheets are signed, results travel as signed bundles."), self)
        tagline.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(tagline)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(heading, 1)

        places = QGridLayout()
        self.open_data = QPushButton(self.tr("Open"), self)
        self.open_data.clicked.connect(lambda: self.open_url(QUrl.fromLocalFile(str(self.data_dir))))
        self.open_log = QPushButton(self.tr("Open"), self)
        self.open_log.clicked.connect(lambda: self.open_url(QUrl.fromLocalFile(str(self.log_file))))
        self.open_log.setEnabled(self.log_file.is_file())
        for button in (self.open_data, self.open_log):
            button.setAutoDefault(False)  # Enter closes the dialog rather than opening a folder
        for row, (label, path, button) in enumerate((
                (self.tr("Data folder:"), self.data_dir, self.open_data),
                (self.tr("Log file:"), self.log_file, self.open_log))):
            places.addWidget(QLabel(label, self), row, 0)
            value = QLabel(str(path), self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            places.addWidget(value, row, 1)
            places.addWidget(button, row, 2)
        places.addWidget(QLabel(self.tr("Program:"), self), 2, 0)
        build = QLabel(build_description(), self)
        build.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        places.addWidget(build, 2, 1, 1, 2)
        places.setColumnStretch(1, 1)

        self.credits = QTextBrowser(self)
        self.credits.setOpenLinks(False)
        self.credits.setAccessibleName(self.tr("Credits and licences"))
        self.credits.anchorClicked.connect(self.open_url)
        self.credits.setHtml(self.credits_html())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(places)
        licences = QLabel(self.tr("Licences"), self)
        licences.setStyleSheet("font-weight: bold")
        layout.addWidget(licences)
        layout.addWidget(self.credits, 1)
        layout.addWidget(buttons)

    def credits_html(self) -> str:
        def rows(credits: tuple[Credit, ...]) -> str:
            return "".join(
                f"<tr><td width='60%'><b>{html.escape(c.name)}</b> {html.escape(version_of(c.distribution))}"
                f"<br><small>{html.escape(QCoreApplication.translate('AboutDialog', c.used_for))}</small></td><td>{html.escape(c.licence)}</td></tr>"
                for c in credits)

        fonts = QUrl.fromLocalFile(str(resources_dir() / "fonts" / "LICENSE-DejaVu.txt")).toString()
        free = html.escape(self.tr("Nilai is free software under the MIT licence."))
        data = html.escape(self.tr("Data shipped with Nilai"))
        read_fonts = html.escape(self.tr("Read the DejaVu font licence"))
        libraries = html.escape(self.tr("Libraries"))
        table = "<table width='100%' cellspacing='0' cellpadding='3'>"
        return (f"<p>{free}</p><h4>{data}</h4>{table}{rows(DATA_CREDITS)}</table>"
                f"<p><a href='{fonts}'>{read_fonts}</a></p><h4>{libraries}</h4>{table}{rows(LIBRARY_CREDITS)}</table>")
