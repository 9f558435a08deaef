"""Interface language: which one to use, and loading the translations (ours and Qt's own).

Our strings live in ``resources/i18n/nilai_<lang>.ts`` (sources, edited with Qt Linguist or by
hand) and are compiled to ``.qm`` with ``pyside6-lrelease``; ``resources/i18n/update.sh`` does both.
Qt's standard dialogs are translated by ``qtbase_<lang>.qm`` from PySide6's translations folder.
Qt ships no Indonesian catalogue, so the few Qt strings an assessor meets (dialog buttons, the
text-field context menu, the file dialog) are translated in our own catalogue below.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.base.numbers import Kind, format_score
from app.base.paths import resources_dir

LANGUAGES = ("id", "en")
# Each language is named in itself, so anyone can find their own in the menu.
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}

_installed: list[QTranslator] = []


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def system_language() -> str:
    """Bahasa Indonesia on an Indonesian system, English anywhere else."""
    return "id" if QLocale.system().language() == QLocale.Language.Indonesian else "en"


def choose_language(explicit: str | None, saved: str | None) -> str:
    for candidate in (explicit, saved):
        if candidate in LANGUAGES:
            return candidate
    return system_language()


_locale_before: QLocale | None = None  # the default locale before our first install


def install(lang: str) -> str:
    """Replace the installed translators with those of ``lang``; returns the language in use."""
    app = QCoreApplication.instance()
    assert app is not None, "install translators after creating the application"
    global _locale_before
    if _locale_before is None:
        _locale_before = QLocale()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in ((f"qtbase_{lang}", qt_dir), (f"nilai_{lang}", str(i18n_dir()))):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian if lang == "id" else QLocale.Language.English,
                               QLocale.Country.Indonesia if lang == "id" else QLocale.Country.UnitedKingdom))
    return lang


def uninstall() -> None:
    """Remove our translators (the program's strings show as written in the code) and give back the
    locale that was in force before the first install (dates and numbers follow the language)."""
    global _locale_before
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    if _locale_before is not None:
        QLocale.setDefault(_locale_before)
        _locale_before = None


def current_language() -> str:
    return "id" if QLocale().language() == QLocale.Language.Indonesian else "en"


def score_text(value: float | None, kind: Kind = Kind.SCORE) -> str:
    """A score as the interface language writes it, by the one rule of :mod:`app.base.numbers`
    (never ``QLocale.toString``, which rounds otherwise than the signed sheet)."""
    return format_score(value, current_language(), kind)


# Qt's own strings that Qt has no Indonesian translation for (lupdate collects them from here).
QT_STRINGS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)"),
    QT_TRANSLATE_NOOP("QFileDialog", "Back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Forward"),
    QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "List View"),
    QT_TRANSLATE_NOOP("QFileDialog", "Detail View"),
    QT_TRANSLATE_NOOP("QFileDialog", "Recent Places"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directory:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Delete"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Rename"),
    QT_TRANSLATE_NOOP("QFileDialog", "&New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Name"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Type"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Computer"),
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
)
