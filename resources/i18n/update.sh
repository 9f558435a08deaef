#!/bin/sh
# Refresh the translation sources from the code, then compile them.
#   resources/i18n/update.sh            (from the repository root)
# New strings arrive as type="unfinished": fill_from_glossary.py fills those glossary_id.json knows,
# translate the rest (Qt Linguist: .venv/bin/pyside6-linguist) and add them to the glossary
# before committing; tests/ui/test_translations.py fails while any is left (it checks the modules
# under version control: SOURCES="$(git ls-files 'app/ui/**.py')" resources/i18n/update.sh does the same).
set -e
cd "$(dirname "$0")/../.."
BIN=${VENV:-.venv}/bin
"$BIN/pyside6-lupdate" -no-obsolete -locations none ${SOURCES:-$(find app/ui -name '*.py' | sort)} -ts resources/i18n/nilai_id.ts resources/i18n/nilai_en.ts
"$BIN/pyside6-lrelease" resources/i18n/nilai_id.ts resources/i18n/nilai_en.ts
