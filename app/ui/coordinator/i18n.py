"""Bahasa Indonesia for coordinator strings that have not reached the main catalogue yet.

The coordinator's strings live in ``nilai_id.ts`` like everyone's. A string added since the
catalogue was last updated is translated in ``resources/i18n/coordinator_id.txt``, one
``source<TAB>translation`` line each (``\\n`` for a line break, ``#`` starts a comment).
:class:`CoordinatorTranslator` answers for the coordinator's own contexts only (:data:`CONTEXTS`),
only while the interface language is Indonesian, and only as a fallback: it is installed *behind*
the main catalogue, so a translation there always wins. :func:`merge_into_ts` copies the file's
translations into a ``.ts`` file once ``pyside6-lupdate`` has added the entries, so the file can
shrink back to nothing without losing a word.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from app.ui import i18n

CONTEXTS = frozenset({
    "CoordinatorView", "CoordinatorWindow", "CoordinatorActions", "CoordinatorServices", "CoordinatorSession",
    "ExportController", "RankingTab", "RankingModel", "CoverageTab", "CoverageModel", "RegionDetailTab",
    "RegionDetailModel", "ModerationHistoryModel", "ModerationPanel", "ChartsTab", "RankingBarChart",
    "RegionRadarChart", "ScoreHistogram", "ImportTab", "ImportReportModel", "UnknownCertificatesModel",
    "ConflictsModel", "ConflictDialog", "RankingTableView",
})
FILE_NAME = "coordinator_id.txt"


def catalogue_path() -> Path:
    return i18n.i18n_dir() / FILE_NAME


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def read_catalogue(path: Path | None = None) -> dict[str, str]:
    table: dict[str, str] = {}
    path = path or catalogue_path()
    if not path.is_file():
        return table
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        source, translation = line.split("\t", 1)
        if translation.strip():
            table[_unescape(source)] = _unescape(translation)
    return table


class CoordinatorTranslator(QTranslator):
    def __init__(self, table: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        if context not in CONTEXTS or i18n.current_language() != "id":
            return None
        return self.table.get(source)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return not self.table


_installed: CoordinatorTranslator | None = None


def install() -> None:
    """Install the fallback translator once per application, behind the main catalogue.

    Qt asks the most recently installed translator first; so after installing this one the main
    catalogue (ours and Qt's) is installed again for the language in use, which puts it in front.
    """
    global _installed
    app = QCoreApplication.instance()
    if app is None or (_installed is not None and _installed.parent() is app):
        return
    _installed = CoordinatorTranslator(read_catalogue(), app)
    if _installed.isEmpty():
        return
    app.installTranslator(_installed)
    i18n.install(i18n.current_language())


def merge_into_ts(ts_path: Path, table: dict[str, str] | None = None) -> int:
    """Fill the coordinator's unfinished entries of a .ts file from the catalogue; returns how many."""
    table = table if table is not None else read_catalogue()
    tree = ET.parse(ts_path)
    filled = 0
    for context in tree.getroot().iter("context"):
        if context.findtext("name") not in CONTEXTS:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source") or ""
            if translation is not None and translation.get("type") == "unfinished" and source in table:
                forms = translation.findall("numerusform")
                if forms:
                    for form in forms:
                        form.text = table[source]
                else:
                    translation.text = table[source]
                del translation.attrib["type"]
                filled += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return filled
