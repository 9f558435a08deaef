"""The instrument workbook's layout: sheets, columns and their meaning, shared by reader and writer.

The workbook follows the XLSForm conventions (``survey``, ``choices``, ``settings``; translated
columns written ``label::Indonesian (id)``), with a few extra columns that Nilai needs and XLSForm
has no word for. ``docs/instrument-format.md`` describes it for people; this module for code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pyxform import aliases, constants
from pyxform.parsing.sheet_headers import to_snake_case

__all__ = [
    "BEGIN_GROUP", "CHOICES", "CHOICE_COLUMNS", "Column", "END_GROUP", "LANGUAGES", "README",
    "SETTINGS", "SETTINGS_COLUMNS", "SURVEY", "SURVEY_COLUMNS", "language_code", "split_header",
]

SURVEY = constants.SURVEY
CHOICES = constants.CHOICES
SETTINGS = constants.SETTINGS
README = "README"

BEGIN_GROUP = "begin group"
END_GROUP = "end group"

# Language labels as XLSForm writes them: a name people read, the code in brackets.
LANGUAGES = {"id": "Indonesian (id)", "en": "English (en)"}
_LANGUAGE_NAMES = {"indonesian": "id", "bahasa indonesia": "id", "indonesia": "id", "english": "en",
                   "id": "id", "en": "en"}


@dataclass(frozen=True)
class Column:
    key: str  # the XLSForm column name, e.g. "label"
    lang: str | None = None  # "id" / "en" for a translated column
    width: int = 12  # characters, for the written workbook
    wrap: bool = False  # long text: wrap it in the cell
    required: bool = True  # the reader refuses a sheet without it

    @property
    def header(self) -> str:
        return f"{self.key}::{LANGUAGES[self.lang]}" if self.lang else self.key


def _both(key: str, width: int, required: bool = True) -> tuple[Column, Column]:
    return (Column(key, "id", width, True, required), Column(key, "en", width, True, required))


# In the order they are written. label = title, hint = the question asked, guidance_hint = how to
# judge it (XLSForm's hint for the interviewer); weight, evidence_hint, descriptor and the
# requires_* flags are Nilai's own.
SURVEY_COLUMNS: tuple[Column, ...] = (
    Column("type", width=16),
    Column("name", width=10),
    *_both("label", 32),
    Column("weight", width=8),
    Column("required", width=9, required=False),
    *_both("hint", 44),
    *_both("guidance_hint", 44, required=False),
    *_both("evidence_hint", 36, required=False),
)
CHOICE_COLUMNS: tuple[Column, ...] = (
    Column("list_name", width=12),
    Column("name", width=6),
    *_both("label", 26),
    *_both("descriptor", 52),
    Column("requires_note", width=14, required=False),
    Column("requires_evidence", width=17, required=False),
)
SETTINGS_COLUMNS: tuple[Column, ...] = (
    Column("form_id", width=30),
    Column("version", width=9),
    Column("default_language", width=18, required=False),
    *_both("title", 40),
    *_both("description", 60),
    *_both("source_note", 60),
)

# XLSForm's older spellings of the same columns (pyxform accepts them too).
_ALIASES = {"list name": "list_name", "list_name": "list_name", "caption": "label",
            "form_title": "title", "set_form_title": "title", "set_form_id": "form_id",
            "id_string": "form_id", "guidance hint": "guidance_hint"}
_ALIASES.update({k: "form_id" for k, v in aliases.settings_header.items() if v == constants.ID_STRING})
_ALIASES.update({k: "title" for k, v in aliases.settings_header.items() if v == constants.TITLE})

_BRACKETED_CODE = re.compile(r"\(\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?\s*\)\s*$")


def language_code(label: str) -> str | None:
    """``"Indonesian (id)"`` → ``"id"``; a bare ``"English"`` or ``"en"`` is understood too."""
    found = _BRACKETED_CODE.search(label)
    if found:
        return found.group(1).lower()
    return _LANGUAGE_NAMES.get(" ".join(label.split()).lower())


def split_header(header: str) -> tuple[str, str | None] | None:
    """A header cell as (column key, language code or None); None for a language Nilai does not use.

    ``"Label::English (en)"`` → ``("label", "en")``, ``"list name"`` → ``("list_name", None)``.
    """
    name, sep, lang_label = header.partition("::")
    key = to_snake_case(name)
    key = _ALIASES.get(" ".join(name.split()).lower(), _ALIASES.get(key, key))
    if not sep:
        return key, None
    lang = language_code(lang_label)
    return (key, lang) if lang in LANGUAGES else None
