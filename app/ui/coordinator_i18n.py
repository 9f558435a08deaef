"""Bahasa Indonesia for the coordinator view, until its strings join the main catalogue.

The coordinator's strings are translated in ``resources/i18n/coordinator_id.txt``, one
``source<TAB>translation`` line each (``\\n`` for a line break, ``#`` starts a comment). A
:class:`CoordinatorTranslator` installed next to the main catalogue answers for the coordinator's
own contexts only (:data:`CONTEXTS`), and only while the interface language is Indonesian; every
other string falls through to ``nilai_id.qm``. :func:`merge_into_ts` copies the translations into
``nilai_id.ts`` once ``pyside6-lupdate`` has added the coordinator's entries there, so the file can
retire without losing a word.
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
    "ConflictsModel", "ConflictDialog",
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
    """Install the coordinator's translator once per application (it follows the interface language)."""
    global _installed
    app = QCoreApplication.instance()
    if app is None or (_installed is not None and _installed.parent() is app):
        return
    _installed = CoordinatorTranslator(read_catalogue(), app)
    app.installTranslator(_installed)


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
