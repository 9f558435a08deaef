"""Fill unfinished entries of nilai_id.ts / nilai_en.ts from glossary_id.json, then review in Linguist.

English entries take their source text (plural forms from the glossary); Indonesian entries take
the glossary's translation when it has one. Entries it cannot fill are listed and left unfinished.
    .venv/bin/python resources/i18n/fill_from_glossary.py && .venv/bin/pyside6-lrelease resources/i18n/*.ts
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent


def fill(path: Path, lang: str, glossary: dict) -> list[tuple[str, str]]:
    tree = ET.parse(path)
    missing = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            source, tr = msg.findtext("source"), msg.find("translation")
            if tr.get("type") != "unfinished":
                continue
            if msg.get("numerus") == "yes":
                forms = glossary[f"numerus_{lang}"].get(source)
                if not forms:
                    missing.append((name, source))
                    continue
                for child in list(tr):
                    tr.remove(child)
                tr.text = None
                for form in forms:
                    ET.SubElement(tr, "numerusform").text = form
            else:
                text = source if lang == "en" else glossary["id"].get(source)
                if text is None:
                    missing.append((name, source))
                    continue
                tr.text = text
            del tr.attrib["type"]
    ET.indent(tree, "    ")
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return missing


def main() -> None:
    glossary = json.loads((HERE / "glossary_id.json").read_text(encoding="utf-8"))
    for lang in ("id", "en"):
        for context, source in fill(HERE / f"nilai_{lang}.ts", lang, glossary):
            print(f"nilai_{lang}.ts: not in the glossary, still unfinished: {context}: {source!r}")


if __name__ == "__main__":
    main()
