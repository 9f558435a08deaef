"""Translations: complete in both languages, compiled, matching the code, placeholders intact."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
LANGS = ("id", "en")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [(ctx.findtext("name"), msg.findtext("source"), msg)
            for ctx in root.iter("context") for msg in ctx.iter("message")]


def translations(msg: ET.Element) -> list[str]:
    tr = msg.find("translation")
    forms = tr.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [tr.text or ""]


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_is_translated(lang: str) -> None:
    found = messages(I18N / f"nilai_{lang}.ts")
    assert len(found) > 150
    unfinished = [f"{ctx}: {src!r}" for ctx, src, msg in found
                  if msg.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not all(text.strip() for text in translations(msg))]
    assert unfinished == []


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_survive_translation(lang: str) -> None:
    wrong = []
    for ctx, source, msg in messages(I18N / f"nilai_{lang}.ts"):
        wanted = sorted(set(re.findall(r"%(?:\d|n)", source)))
        for text in translations(msg):
            if sorted(set(re.findall(r"%(?:\d|n)", text))) != wanted:
                wrong.append(f"{ctx}: {source!r} -> {text!r}")
    assert wrong == []


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_catalogue_matches_its_source(qapp, lang: str) -> None:
    translator = QTranslator()
    assert translator.load(str(I18N / f"nilai_{lang}.qm"))
    stale = []
    for ctx, source, msg in messages(I18N / f"nilai_{lang}.ts"):
        texts = translations(msg)
        n = 5 if msg.get("numerus") == "yes" else -1
        expected = texts[-1] if n > 0 else texts[0]
        if translator.translate(ctx, source, None, n) != expected:
            stale.append(f"{ctx}: {source!r}")
    assert stale == [], "run resources/i18n/update.sh (lrelease) after editing the .ts files"


def ui_sources() -> list[str]:
    """The UI modules under version control (a clean checkout: all of them; a shared working tree:
    not a colleague's module still being written), or every module when git is not at hand."""
    every = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    try:
        listed = subprocess.run(["git", "ls-files", "app/ui/**.py"], cwd=ROOT, capture_output=True, text=True,
                                check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return every
    return sorted(str(ROOT / name) for name in listed) or every


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path: Path) -> None:
    lupdate = Path(shutil.which("pyside6-lupdate", path=str(ROOT / ".venv" / "bin")) or "")
    if not lupdate.is_file():
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / "nilai_id.ts"
    shutil.copy(I18N / "nilai_id.ts", copy)
    sources = ui_sources()
    subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy)],
                   check=True, capture_output=True, cwd=ROOT)
    new = [f"{ctx}: {src!r}" for ctx, src, msg in messages(copy)
           if msg.find("translation").get("type") == "unfinished"]
    assert new == [], "new strings: run resources/i18n/update.sh and translate them"


def test_switching_to_indonesian_translates_ours_and_keeps_qt_standard_buttons(qapp, english) -> None:
    from app.ui import i18n

    assert i18n.install("id") == "id"
    assert QCoreApplication.translate("MainWindow", "&File") == "&Berkas"
    assert QCoreApplication.translate("MainWindow", "All changes saved · %1") == "Semua perubahan tersimpan · %1"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Batal"
    assert QCoreApplication.translate("SummaryPanel", "%n required indicator(s) still without a level", None, 3) \
        == "3 indikator wajib belum bertingkat"
    assert i18n.current_language() == "id"
    i18n.install("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert QCoreApplication.translate("SummaryPanel", "%n required indicator(s) still without a level", None, 1) \
        == "1 required indicator still without a level"


def test_language_defaults_to_the_saved_choice_then_the_system(monkeypatch) -> None:
    from app.ui import i18n

    assert i18n.choose_language("en", "id") == "en"
    assert i18n.choose_language(None, "id") == "id"
    assert i18n.choose_language(None, "fr") in i18n.LANGUAGES
    monkeypatch.setattr(i18n, "system_language", lambda: "id")
    assert i18n.choose_language(None, None) == "id"
