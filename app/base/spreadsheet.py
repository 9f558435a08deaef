"""CSV cells a spreadsheet program will not run: text starting with = + - @ (or a tab or carriage
return) is a formula to Excel and LibreOffice, so a name or note like "=HYPERLINK(...)" or
"- bagus" would be executed or mangled. Such text gets a leading apostrophe (OWASP's advice);
numbers such as "-0.5" are left alone, and our own readers take the apostrophe off again.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def csv_safe(text: str) -> str:
    if text.startswith(FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def csv_unescaped(text: str) -> str:
    """The text a csv_safe cell stood for."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text
